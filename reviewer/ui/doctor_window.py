"""The doctor's desktop-window check: the real main window opens the demo package as its expert.

Built as ``reviewer demo`` builds it (:func:`reviewer.ui.app.create_main_window`), on a demo made in
a temporary folder that is also the window's data folder: the user's own is never touched. Qt's
events are processed (no busy sleep) until the package is shown or refused; a modal message box the
window opens meanwhile (an error) is read, closed and fails the check, so the doctor never waits
for a click. The window then closes as it does for the person: what the review wrote is saved.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractItemModel,
    QEventLoop,
    QMessageLogContext,
    QModelIndex,
    QThreadPool,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from reviewer import gui_thread, i18n
from reviewer.demo.package import DEMO_PASSPHRASE
from reviewer.doctor import CheckResult, failed, ok
from reviewer.i18n import T

if TYPE_CHECKING:
    from reviewer.ui.main_window import MainWindow

DEMO_WINDOW = T("桌面窗口打开演示评审包", "Desktop window opens the demo package")
KEY = "demo_window"
TIMEOUT_MS = 60_000  # the longest the opening may take (it verifies and decrypts on a worker thread)
POLL_MS = 50  # how often a modal dialog is looked for
WRITES_MS = 30_000  # the longest the background writes may take to finish once the window closed


@dataclass
class Watch:
    """What happened while Qt's events ran: the package shown or refused, the dialogs closed."""

    shown: bool = False
    refused: bool = False
    dialogs: list[str] = field(default_factory=list)


def _dialog_text(box: QDialog) -> str:
    if isinstance(box, QMessageBox):
        return " ".join(t for t in (box.text(), box.informativeText()) if t)
    return box.windowTitle() or type(box).__name__


def close_dialogs(watch: Watch) -> None:
    """Read and close every modal dialog open now (they would wait for a click nobody makes)."""
    while (box := QApplication.activeModalWidget()) is not None:
        watch.dialogs.append(_dialog_text(box) if isinstance(box, QDialog) else type(box).__name__)
        if isinstance(box, QDialog):
            box.reject()
        else:
            box.close()
        if QApplication.activeModalWidget() is box:  # it would not go: do not loop forever
            box.hide()


def run_events(watch: Watch, until: QEventLoop, timeout_ms: int) -> bool:
    """Process Qt's events until ``until`` is quit (True) or ``timeout_ms`` passed (False), closing
    modal dialogs on the way."""
    poll = QTimer(interval=POLL_MS)
    poll.timeout.connect(lambda: close_dialogs(watch))
    deadline = QTimer(singleShot=True, interval=timeout_ms)
    timed_out: list[bool] = []

    def time_out() -> None:
        timed_out.append(True)
        until.quit()

    deadline.timeout.connect(time_out)
    poll.start()
    deadline.start()
    try:
        until.exec()
    finally:
        poll.stop()
        deadline.stop()
    return not timed_out


# What the offscreen platform says of every window shown: harmless, and not the doctor's to print.
QUIET = ("does not support propagateSizeHints",)


@contextmanager
def quiet_platform() -> Iterator[None]:
    """Qt's messages pass through as before, but for the offscreen platform's :data:`QUIET` ones."""

    def handler(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if any(q in message for q in QUIET):
            return
        if previous is not None:
            previous(mode, context, message)
        else:
            print(message, file=sys.stderr)

    previous = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)


def count_rows(model: QAbstractItemModel, parent: QModelIndex | None = None) -> int:
    parent = parent or QModelIndex()
    rows = model.rowCount(parent)
    return rows + sum(count_rows(model, model.index(r, 0, parent)) for r in range(rows))


@quiet_platform()
def open_in_window(package: Path, identity: Path, data: Path, passphrase: str) -> CheckResult:
    """Open ``package`` as ``identity`` in the real main window (data folder ``data``), then close it."""
    from reviewer.ui.app import application, create_main_window

    application()
    started = time.monotonic()
    watch = Watch()
    loop = QEventLoop()
    window = create_main_window(
        data_dir=data,
        open_file=package,
        lang=i18n.language(),  # the doctor's language; the data folder remembers none
        identity_dir=identity,
        passphrase=passphrase,
        start_on_review=True,
    )
    panel = window.package_panel
    store = panel.local_store  # closed below, so the temporary folder can go (Windows keeps open files)

    def shown(_review: object) -> None:
        watch.shown = True
        loop.quit()

    def refused(_exc: object) -> None:
        watch.refused = True
        loop.quit()

    panel.opened.connect(shown)
    panel.refused.connect(refused)
    try:
        window.show()
        in_time = panel.review is not None or run_events(watch, loop, TIMEOUT_MS)
        title = window.windowTitle()
        review = panel.review
        indicators = count_rows(panel.browser.criteria.criteria_model)
        reason = panel.status.reason.text()
    finally:
        closed = _close(window, watch)
        if store.opened is not None:
            store.opened.close()
    seconds = time.monotonic() - started
    if watch.dialogs:
        return failed(
            KEY,
            DEMO_WINDOW,
            T("窗口报告错误：{err}", "the window showed an error: {err}", err=" | ".join(watch.dialogs)),
        )
    if not in_time:
        return failed(
            KEY, DEMO_WINDOW, T("{s} 秒内没有打开", "not opened within {s} s", s=TIMEOUT_MS // 1000)
        )
    if watch.refused or review is None:
        return failed(
            KEY, DEMO_WINDOW, T("评审包没有打开：{err}", "the package was not opened: {err}", err=reason)
        )
    name = review.manifest.candidate["name"]
    if name not in title or not indicators:
        return failed(
            KEY,
            DEMO_WINDOW,
            T(
                "窗口标题“{title}”，指标 {n} 项",
                "window title “{title}”, {n} indicators",
                title=title,
                n=indicators,
            ),
        )
    if not closed:
        return failed(KEY, DEMO_WINDOW, T("窗口没有关闭", "the window did not close"))
    return ok(
        KEY,
        DEMO_WINDOW,
        T(
            "窗口“{title}”显示 {n} 项指标，已关闭并保存（{s:.1f} 秒）",
            "window “{title}” shows {n} indicators; closed and saved ({s:.1f} s)",
            title=title,
            n=indicators,
            s=seconds,
        ),
    )


def _close(window: MainWindow, watch: Watch) -> bool:
    """Close the window the person's way (its review saved, its writes waited for), then delete it
    once the background work is done. True when it closed."""
    poll = QTimer(interval=POLL_MS)  # a save that fails while closing shows an error: read it
    poll.timeout.connect(lambda: close_dialogs(watch))
    poll.start()
    try:
        closed = window.close()
    finally:
        poll.stop()
    QThreadPool.globalInstance().waitForDone(WRITES_MS)
    window.deleteLater()
    settle = QEventLoop()
    QTimer.singleShot(0, settle.quit)
    settle.exec()  # delivers what the workers posted, and deletes the window
    return closed


def demo_window() -> CheckResult:
    """Build the demo in a temporary folder and open its package in the desktop window as an expert."""
    from reviewer.demo.package import build_demo

    # the self-test's own files (the demo built before, removed after), not the window's I/O
    with gui_thread.allowed(), tempfile.TemporaryDirectory(prefix="reviewer-doctor-") as tmp:
        demo = build_demo(Path(tmp) / "demo")
        expert = next(k for k in demo.identities if k != demo.chair)
        with gui_thread.watched():
            return open_in_window(demo.package, demo.identities[expert], Path(tmp) / "data", DEMO_PASSPHRASE)

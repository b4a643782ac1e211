"""Start the desktop app: ``reviewer gui`` (or a bare ``reviewer``) ends up in :func:`run_app`.

:func:`create_main_window` does everything but the event loop, so tests and the screenshot
script build the same window the person sees.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QThread, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from reviewer import __version__, gui_thread, i18n, paths
from reviewer.process import keep_loaded, tuned_gc
from reviewer.ui import file_open_events, wheel_guard
from reviewer.ui.fonts import register_app_fonts
from reviewer.ui.language import Language, startup_language
from reviewer.ui.main_window import PACKAGE_SUFFIX, MainWindow
from reviewer.ui.settings import Settings
from reviewer.ui.tasks import Executor

log = logging.getLogger(__name__)


def application() -> QApplication:
    """The running QApplication, created (and named) on first use, with the bundled Chinese font
    registered as a fallback (:mod:`reviewer.ui.fonts`)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    register_app_fonts()
    i18n.set_in_app(True)  # the core's messages in their in-app wording (no command-line options)
    QCoreApplication.setApplicationName(paths.APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    file_open_events.install(app)  # macOS: a double-clicked .rvpkg comes as an event, not in argv
    wheel_guard.install(app)  # the wheel scrolls the page, never a box the person has not clicked into
    return app  # type: ignore[return-value]  # a QApplication: made here, or by whoever came first


COLLECTOR_RESUME_MS = 15_000  # the latest the collector is switched on again after a start


class StartupCollector:
    """Python's cyclic garbage collector, paused while the app starts and switched on again after.

    Starting allocates some 130,000 objects that live as long as the app (modules, classes, ORM
    mappings, widgets); with the collector on, Python walks them again and again while they are
    made: ~0.1 s of a start of ~1 s (docs/performance.md). :meth:`resume` switches it on again once
    the window is interactive; its first collection (~40 ms) then runs once instead of dozens of
    times, and finds next to nothing to free. A collector the host had switched off stays off.
    """

    def __init__(self) -> None:
        self.paused = gc.isenabled()
        if self.paused:
            gc.disable()

    def resume(self) -> None:
        if self.paused:
            self.paused = False
            keep_loaded()  # what the start made lives as long as the app: no full pass walks it
            gc.enable()

    def resume_after_next_turn(self) -> None:
        """Once the event loop has turned (the window painted what was just opened); at once if no
        event loop runs (a test, a script)."""
        if not self.paused:
            return
        if QThread.currentThread().loopLevel() > 0:
            QTimer.singleShot(0, lambda: self.resume())
        else:
            self.resume()


def create_main_window(
    data_dir: str | os.PathLike[str] | None = None,
    open_file: str | os.PathLike[str] | None = None,
    lang: str | None = None,
    executor: Executor | None = None,
    identity_dir: str | os.PathLike[str] | None = None,
    passphrase: str | None = None,
    start_on_review: bool = False,
    authority_dir: str | os.PathLike[str] | None = None,
    db: str | None = None,
) -> MainWindow:
    """Build the main window in the chosen (else remembered, else default Chinese) language.

    ``open_file`` is a standard (.json) or a package (.rvpkg); a package opens as the identity in
    ``identity_dir`` (else the remembered one, else the person is asked), unlocked by ``passphrase``
    (else the OS keyring, else a dialog). ``authority_dir`` opens the ministry desk on that authority
    and the registry ``db`` (default: a SQLite file inside the folder), unlocked by ``passphrase``.
    """
    collector = StartupCollector()
    opening = open_file is not None and Path(open_file).suffix.lower() == PACKAGE_SUFFIX
    try:
        application()
        # The window never reads a store itself (reviewer.gui_thread): here a slip is logged
        # with its stack; the test suite arms the same guard strict.
        gui_thread.arm(strict=False, scope=str(Path(__file__).parent) + os.sep)
        settings = Settings(paths.data_dir(data_dir))
        language = Language(settings)
        language.apply(startup_language(lang, settings))
        window = MainWindow(settings, language, executor)
        window.start_on_review = start_on_review
        window.restore()
        if opening:  # the start ends when the package is open (or refused)
            # lambdas: a connection holds them (and so the collector); a bound method only weakly
            window.package_panel.opened.connect(lambda _review: collector.resume_after_next_turn())
            window.package_panel.refused.connect(lambda _exc: collector.resume_after_next_turn())
            # and in any case once the start is long over (a passphrase dialog left open, a path
            # that ends in neither signal): the collector is never left off for the session
            QTimer.singleShot(COLLECTOR_RESUME_MS, lambda: collector.resume())
        if open_file:
            window.open_path(Path(open_file), Path(identity_dir) if identity_dir else None, passphrase)
        if authority_dir:
            window.open_ministry(Path(authority_dir), db, passphrase)
        # files the system asks to open (macOS Finder) go to this window, those already waiting now
        file_open_events.attach(window)
    except BaseException:
        collector.resume()
        raise
    if not opening:
        collector.resume()
    return window


def run_app(
    data_dir: str | os.PathLike[str] | None = None,
    open_file: str | os.PathLike[str] | None = None,
    lang: str | None = None,
    identity_dir: str | os.PathLike[str] | None = None,
    passphrase: str | None = None,
    start_on_review: bool = False,
    authority_dir: str | os.PathLike[str] | None = None,
    db: str | None = None,
    exit_when_ready: bool = False,
) -> int:
    """The desktop app until its window is closed; with ``exit_when_ready``, only until the window is
    interactive (the package opened, else the first turn of the event loop): it then prints
    ``ready <epoch seconds>`` and exits 0, or 3 if the package was refused. For start-up benchmarks
    and smoke tests of an installed build (``reviewer gui --exit-when-ready``)."""
    app = application()
    window = create_main_window(
        data_dir=data_dir,
        open_file=open_file,
        lang=lang,
        identity_dir=identity_dir,
        passphrase=passphrase,
        start_on_review=start_on_review,
        authority_dir=authority_dir,
        db=db,
    )
    window.show()
    from reviewer.ui.dialogs.first_run import FirstRunWizard, needs_first_run  # only when it may be needed

    # No identity given or remembered: set one up (not at the ministry desk, which needs none).
    if not authority_dir and needs_first_run(window.settings, identity_dir):
        FirstRunWizard(window.settings, parent=window).open()
    if exit_when_ready:
        _exit_when_ready(
            app, window, opening=open_file is not None and Path(open_file).suffix.lower() == PACKAGE_SUFFIX
        )
    with tuned_gc():  # the process's collector thresholds, chosen here (the ministry desk imports in it)
        return app.exec()


def show_startup_error(message: str) -> None:
    """``message`` in a modal message box, the app's name as its title: no window exists yet, nor a
    data folder with the remembered language, so the language is the command line's (Chinese by
    default), Qt's own buttons included."""
    app = application()
    language = Language(None, parent=app)
    language.apply(i18n.language())
    try:
        QMessageBox.critical(None, QCoreApplication.translate("App", "Reviewer"), message)
    finally:
        language.remove()
        language.deleteLater()


def _exit_when_ready(app: QApplication, window: MainWindow, *, opening: bool) -> None:
    """Exit once ``window`` is interactive; a modal dialog before that (an error, a question) is a
    failure: its text goes to stderr and the exit code is 3, never a wait for a person."""

    def ready() -> None:
        print(f"ready {time.time():.6f}", flush=True)
        window.close()  # the normal close path: every queued write finished
        app.exit(0)

    def failed() -> None:
        modal = QApplication.activeModalWidget()
        if modal is None:
            return
        text = modal.text() if isinstance(modal, QMessageBox) else modal.windowTitle()
        print(f"reviewer: {text}", file=sys.stderr, flush=True)
        modal.close()
        app.exit(3)

    watchdog = QTimer(window, interval=100)
    watchdog.timeout.connect(failed)
    watchdog.start()
    if opening:
        window.package_panel.opened.connect(lambda _review: QTimer.singleShot(0, ready))
        window.package_panel.refused.connect(lambda _exc: app.exit(3))
    else:
        QTimer.singleShot(0, ready)

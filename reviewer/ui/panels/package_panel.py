"""A sealed review package, opened as one panel member: verifying, refused, or open.

:meth:`PackagePanel.open` chooses the identity (the one given, else the remembered one, else it
asks for the folder), then runs :func:`~reviewer.app.opening.load_review` through
:class:`~reviewer.ui.tasks.Task` with a progress bar. The passphrase comes from the one given,
else the OS keyring, else a hidden-entry dialog; it is used for one unlock and not kept.
A refusal goes through the one error path and leaves the panel in a clear refused state.
Once open: the verification summary, and the package's standard in the existing browser.
"""

from __future__ import annotations

import importlib
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reviewer.app.opening import SCALE, LocalStore, OpenedReview, Opening, check_is_package, open_for_member
from reviewer.errors import ReviewerError
from reviewer.process import keep_loaded
from reviewer.trust import PassphraseSource, read_info
from reviewer.ui import palette
from reviewer.ui.dialogs import errors
from reviewer.ui.dialogs import passphrase as passphrase_dialogs
from reviewer.ui.panels.package_summary import PackageSummary
from reviewer.ui.panels.standard_browser import StandardBrowser
from reviewer.ui.settings import Settings
from reviewer.ui.tasks import Executor, Task

if TYPE_CHECKING:
    # Imported when a package opens: the workspace (and the store under it) is not needed to show
    # the window, and the chair's panel and its export stack are not an expert's start-up cost.
    from reviewer.ui.panels.chair_panel import ChairPanel
    from reviewer.ui.panels.review_workspace import ReviewWorkspace

REFUSED_STYLE = f"QLabel {{ color: {palette.ERROR}; font-weight: bold; }}"


FILE_WIDTH = 720  # pixels of the package's path shown under the heading (as wide as a reason)


class StatusPage(QWidget):
    """Verifying (a progress bar) or refused (why, and a way on)."""

    open_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(objectName="packageStatusHeading", alignment=Qt.AlignmentFlag.AlignCenter)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        self.heading.setFont(font)
        self.reason = QLabel(
            objectName="packageRefusedReason", alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True
        )
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # one line: a path has no spaces to wrap at, and a wrapped label in a centred layout is cut
        # short; a long path is elided in the middle, the whole of it in the tooltip
        self.file = QLabel(objectName="packageFile", alignment=Qt.AlignmentFlag.AlignCenter)
        self.bar = QProgressBar(objectName="packageProgress", maximum=SCALE)
        self.bar.setMaximumWidth(520)
        self.step = QLabel(objectName="packageStep", alignment=Qt.AlignmentFlag.AlignCenter)
        self._checking = ""  # the file being checked
        self.button = QPushButton()
        self.button.clicked.connect(self.open_requested)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (self.heading, self.file, self.reason, self.bar, self.step, self.button):
            if widget is self.reason:  # the whole reason, wrapped: a row of its own, centred
                row = QHBoxLayout()
                row.addStretch(1)
                row.addWidget(widget, 100)
                row.addStretch(1)
                layout.addLayout(row)
            else:
                layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.refused = False
        self.reason.setMaximumWidth(FILE_WIDTH)
        self.reason.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.retranslate()  # the button's text is its name, hidden or not

    def _show_file(self, path: Path) -> None:
        whole = str(path)
        self.file.setText(self.file.fontMetrics().elidedText(whole, Qt.TextElideMode.ElideMiddle, FILE_WIDTH))
        self.file.setToolTip(whole)

    def verifying(self, path: Path) -> None:
        self.refused = False
        self._show_file(path)
        self.reason.clear()
        self.bar.setValue(0)
        self._checking = ""
        self.step.clear()
        self._show_parts()

    def progress(self, done: int, total: int, text: str) -> None:
        self.bar.setMaximum(max(total, 1))
        self.bar.setValue(done)
        if text:
            self._checking = text.rsplit("/", 1)[-1]
            self._show_step()

    def _show_step(self) -> None:
        if self._checking:
            self.step.setText(self.tr("Checking {name}…").format(name=self._checking))

    def refuse(self, path: Path, reason: str) -> None:
        self.refused = True
        self._show_file(path)
        self.reason.setText(reason)
        self._show_parts()

    def _show_parts(self) -> None:
        self.heading.setStyleSheet(REFUSED_STYLE if self.refused else "")
        self.reason.setVisible(self.refused)
        self.button.setVisible(self.refused)
        self.bar.setVisible(not self.refused)
        self.step.setVisible(not self.refused)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(
            self.tr("This package was not opened") if self.refused else self.tr("Verifying the package…")
        )
        self.button.setText(self.tr("Open another package…"))
        self._show_step()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class PackagePanel(QStackedWidget):
    opened = Signal(OpenedReview)  # once shown
    refused = Signal(object)  # the exception, after reporting it, or None when the person cancelled
    open_requested = Signal()

    def __init__(
        self, settings: Settings, executor: Executor | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("packagePanel")
        self._settings = settings
        self._executor = executor
        self.review: OpenedReview | None = None
        self.workspace: ReviewWorkspace | None = None  # the expert's own review of the open package
        self.local_store = LocalStore(settings.path.parent)  # the data folder in use; opened on first need
        self.chair: ChairPanel | None = (
            None  # the chair's workspace, when the roster says this identity chairs
        )
        self.status = StatusPage()
        self.summary = PackageSummary()
        self.browser = StandardBrowser()
        self.tabs = QTabWidget(objectName="packageTabs")
        self.tabs.addTab(self.summary, "")
        self.tabs.addTab(self.browser, "")
        self.addWidget(self.status)
        self.addWidget(self.tabs)
        self.status.open_requested.connect(self.open_requested)
        self.retranslate()

    # --- opening ----------------------------------------------------------------------------
    def open(
        self, path: Path, identity_dir: Path | None = None, passphrase: str | None = None
    ) -> Task | None:
        """Open ``path`` as the identity in ``identity_dir``; returns the running task (None if cancelled)."""
        if not self.may_close() or not self.save_work():
            return None  # the expert went back to fix a score typed, or to unsaved work, in the open review
        path = Path(path)
        self._clear()
        self.status.verifying(path)
        self.setCurrentWidget(self.status)
        # a file that is not a package at all is refused from its first bytes, before asking anything
        return (
            Task(self, lambda _p: check_is_package(path), self._executor)
            .on_success(lambda _none: self._open_checked(path, identity_dir, passphrase))
            .on_failure(partial(self._refuse, path))
            .run()
        )

    def _open_checked(self, path: Path, identity_dir: Path | None, passphrase: str | None) -> None:
        remember = False
        folder = identity_dir or self._settings.identity_dir()
        if folder is None:
            folder = passphrase_dialogs.choose_identity_folder(self, str(Path.home()))
            remember = True
        if folder is None:
            self._refuse(path, None)
            return
        if passphrase is not None:
            source = passphrase_dialogs.typed_source(passphrase)
        else:
            source = passphrase_dialogs.keyring_source()
        self._start(path, Path(folder), source, remember, may_ask=passphrase is None)

    def _start(
        self, path: Path, folder: Path, source: PassphraseSource, remember: bool, may_ask: bool
    ) -> Task:
        self.status.verifying(path)
        self.setCurrentWidget(self.status)
        store = self.local_store
        if store.opened is None:
            # Opened (and migrated) on a second worker while this one stretches the passphrase;
            # a failure is left to the opening below, which reports it.
            Task(self, lambda _progress: store.get(), self._executor).on_failure(lambda _exc: None).run()
        return (
            Task(
                self,
                lambda progress: prefetched(open_for_member(path, folder, source, progress, store)),
                self._executor,
            )
            .on_progress(self.status.progress)
            .on_success(partial(self._show, folder, remember))
            .on_failure(partial(self._failed, path, folder, remember, may_ask))
            .run()
        )

    def _show(self, folder: Path, remember: bool, opening: Opening) -> None:
        review = opening.opened
        if remember:
            self._settings.set_identity_dir(folder)
        self._settings.add_recent_package(review.path)
        self.review = review
        self.summary.show_review(review)
        self.browser.set_standard(review.standard)
        self.tabs.setCurrentWidget(self.summary)
        self._open_workspace(opening)
        if review.is_chair:
            from reviewer.ui.panels.chair_panel import ChairPanel

            self.chair = ChairPanel(review, self._executor, store=opening.store)
            self.tabs.addTab(self.chair, self.tr("Panel chair"))
            # the record's stack (pyHanko, reportlab), loaded on a worker once the chair's panel is
            # bound and the window idle (the window never imports it): the record's first step is quick
            from reviewer.app.chair_record import prefetch

            self.chair.bound.connect(
                lambda: (
                    Task(self, lambda _progress: prefetch(), self._executor)
                    .on_success(
                        lambda _none: keep_loaded()  # the stack, the panel and its sheets: kept while open
                    )
                    .run()
                )
            )
        self.setCurrentWidget(self.tabs)
        self.opened.emit(review)
        keep_loaded()  # the package, its review and their pages live while it is open

    def _open_workspace(self, opening: Opening) -> None:
        """The member's review beside the summary: created on first opening, resumed after."""
        if opening.store_error is not None:
            errors.report(self, opening.store_error)
            return
        member = opening.member_review
        if member is not None:
            from reviewer.ui.panels.review_workspace import ReviewWorkspace

            self.workspace = ReviewWorkspace(
                member.bench,
                member.review,
                state=member.state,
                materials=tuple(e.name for e in opening.opened.materials),
                executor=self._executor,
                figures=opening.opened.manifest.figure_values(),
                figure_names=opening.opened.figure_labels,
            )
            self.tabs.insertTab(1, self.workspace, self.tr("Review"))
            if self.workspace.state.position.code is not None:  # resuming: straight back to work
                self.tabs.setCurrentWidget(self.workspace)

    def _failed(self, path: Path, folder: Path, remember: bool, may_ask: bool, exc: BaseException) -> None:
        if not may_ask:
            errors.report(self, exc)
            self._refuse(path, exc)
            return
        # the dialog names the person whose passphrase it asks for (their identity file, read here)
        Task(self, lambda _p: _who(folder), self._executor).on_success(
            partial(self._ask_again, path, folder, remember, exc)
        ).run()

    def _ask_again(self, path: Path, folder: Path, remember: bool, exc: BaseException, who: str) -> None:
        # No keyring entry, or a mistyped passphrase (said first): ask, until it opens or is cancelled.
        if passphrase_dialogs.retry_unlock(
            self,
            exc,
            lambda: passphrase_dialogs.ask_passphrase(self, who),
            lambda source: self._start(path, folder, source, remember, may_ask=True),
            lambda: self._refuse(path, None),
        ):
            return
        errors.report(self, exc)
        self._refuse(path, exc)

    def may_close(self) -> bool:
        """Save what is typed in the open review; False when the expert goes back to fix a score."""
        return self.workspace is None or self.workspace.may_close()

    def save_work(self) -> bool:
        """Save what is typed in the open review and wait for every queued write (closing); False
        when a write failed and the expert went back to the review (it stays open)."""
        return self.workspace is None or self.workspace.close_writer()

    def _clear(self) -> None:
        if self.workspace is not None:
            self.workspace.close_writer()
            self.tabs.removeTab(self.tabs.indexOf(self.workspace))
            self.workspace.deleteLater()
            self.workspace = None
        if self.chair is not None:
            self.tabs.removeTab(self.tabs.indexOf(self.chair))
            self.chair.deleteLater()
            self.chair = None
        self.review = None
        self.summary.show_review(None)
        self.browser.set_standard(None)

    def _refuse(self, path: Path, exc: BaseException | None) -> None:
        self._clear()
        if exc is None:
            reason = self.tr("No identity or passphrase was given, so the package stays closed.")
        elif isinstance(exc, ReviewerError):
            reason = str(exc)
        else:
            reason = self.tr("Something went wrong that the app did not expect; the details are in the log.")
        self.status.refuse(path, reason)
        self.setCurrentWidget(self.status)
        self.refused.emit(exc)

    # --- texts ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.tabs.setAccessibleName(self.tr("Open package"))
        self.tabs.setTabText(0, self.tr("Package"))
        self.tabs.setTabText(self.tabs.indexOf(self.browser), self.tr("Standard"))
        if self.workspace is not None:
            self.tabs.setTabText(self.tabs.indexOf(self.workspace), self.tr("Review"))
        if self.chair is not None:
            self.tabs.setTabText(self.tabs.indexOf(self.chair), self.tr("Panel chair"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


# What the window builds once a package is open, imported on the worker that opened it: importing a
# module on the GUI thread is a stall (benchmark 10), and by then these are already loaded.
_AFTER_OPENING = (
    "reviewer.ui.panels.review_workspace",
    "reviewer.ui.panels.expert_pages",
    "reviewer.ui.panels.visit_pages",
    "reviewer.ui.panels.declarations_page",
    "reviewer.ui.panels.finalise_page",
    "reviewer.app.finalise",
)


def _who(folder: Path) -> str:
    """The name in the identity ``folder`` (its path when it cannot be read)."""
    try:
        return read_info(folder).name
    except ReviewerError:
        return str(folder)


def prefetched(opening: Opening) -> Opening:
    """On the worker, after the package opened: import what showing it needs (class definitions
    only; no widget is made off the GUI thread)."""
    for name in _AFTER_OPENING:
        importlib.import_module(name)
    if opening.opened.is_chair:  # the chair's panel too (its PDF stack is prefetched once it is bound)
        importlib.import_module("reviewer.ui.panels.chair_panel")
    return opening

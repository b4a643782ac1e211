"""The main window: menus, drag and drop, and the panels it composes. It decides nothing itself.

Panels are constructed here and handed what they need; the window only switches between them and
routes file opening through :class:`~reviewer.ui.tasks.Task` and failures through
:func:`~reviewer.ui.dialogs.errors.report`.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
)
from PySide6.QtWidgets import QMainWindow, QMenu, QStackedWidget

from reviewer.app.opening import OpenedReview
from reviewer.process import keep_loaded
from reviewer.standards.model import Standard
from reviewer.ui import shortcuts
from reviewer.ui.dialogs import about, errors, files
from reviewer.ui.dialogs.shortcuts_dialog import show_shortcuts
from reviewer.ui.guide_help import GuideHelp
from reviewer.ui.language import LANGUAGES, Language
from reviewer.ui.panels.package_panel import PackagePanel
from reviewer.ui.panels.standard_browser import StandardBrowser
from reviewer.ui.panels.welcome import WelcomePanel
from reviewer.ui.settings import Settings
from reviewer.ui.tasks import Executor, Task

if TYPE_CHECKING:  # the rest is imported when it is first needed: a quick start (docs/performance.md)
    from reviewer.app.finalise import SheetArchive
    from reviewer.app.ministry_desk import OpenedDesk
    from reviewer.standards import Standard
    from reviewer.ui.panels.ministry import MinistryPanel

WINDOW = "main_window"
PACKAGE_SUFFIX = ".rvpkg"


def _dropped_path(event: QDragEnterEvent | QDropEvent) -> Path | None:
    """The first dropped standard (.json) or package (.rvpkg)."""
    for url in event.mimeData().urls():
        if url.isLocalFile() and url.toLocalFile().lower().endswith((".json", PACKAGE_SUFFIX)):
            return Path(url.toLocalFile())
    return None


class MainWindow(QMainWindow):
    standard_opened = Signal(Standard)  # once shown
    open_failed = Signal(BaseException)  # after it was reported

    def __init__(self, settings: Settings, language: Language, executor: Executor | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = settings
        self.language = language
        language.setParent(self)  # its translators leave the app with this window
        self._executor = executor
        self.start_on_review = False  # `reviewer demo`: open the package straight on the review
        self.welcome = WelcomePanel()
        self.browser = StandardBrowser()
        self.package_panel = PackagePanel(settings, executor)
        self.ministry_panel: MinistryPanel | None = None
        self.pages = QStackedWidget()
        self.pages.setContentsMargins(8, 6, 8, 0)
        self.pages.addWidget(self.welcome)
        self.pages.addWidget(self.browser)
        self.pages.addWidget(self.package_panel)
        self.setCentralWidget(self.pages)
        self.welcome.open_requested.connect(self.choose_standard)
        self.welcome.open_package_requested.connect(self.choose_package)
        self.welcome.recent_package_requested.connect(self.open_package)
        self.welcome.set_recent(settings.recent_packages())
        self.package_panel.open_requested.connect(self.choose_package)
        self.package_panel.opened.connect(self._package_shown)
        self.package_panel.refused.connect(self._package_refused)
        self._build_menus()
        self.setAcceptDrops(True)
        self.resize(1200, 760)
        self.retranslate()

    # --- menus ------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = QMenu(self, objectName="fileMenu")
        self.open_action = QAction(
            self, shortcut=shortcuts.sequence("open_standard"), triggered=self.choose_standard
        )
        self.open_package_action = QAction(
            self, shortcut=shortcuts.sequence("open_package"), triggered=self.choose_package
        )
        self.recent_menu = QMenu(self, objectName="recentMenu")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.recent_packages_menu = QMenu(self, objectName="recentPackagesMenu")
        self.recent_packages_menu.aboutToShow.connect(self._fill_recent_packages)
        self.quit_action = QAction(self, shortcut=shortcuts.sequence("quit"), triggered=self.close)
        self.file_menu.addAction(self.open_action)
        self.file_menu.addAction(self.open_package_action)
        self.file_menu.addMenu(self.recent_menu)
        self.file_menu.addMenu(self.recent_packages_menu)
        self.return_notice_action = QAction(self, triggered=self.accept_return_notice)
        self.file_menu.addAction(self.return_notice_action)
        self.ministry_action = QAction(self, triggered=self.choose_ministry)
        self.file_menu.addAction(self.ministry_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)

        self.view_menu = QMenu(self, objectName="viewMenu")
        self.language_menu = QMenu(self, objectName="languageMenu")
        group = QActionGroup(self, exclusive=True)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGES.items():
            action = QAction(name, self, checkable=True)
            action.setChecked(code == self.language.current)
            action.triggered.connect(partial(self.language.choose, code))
            group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action
        self.view_menu.addMenu(self.language_menu)

        self.help_menu = QMenu(self, objectName="helpMenu")
        self.guide_help = GuideHelp(self, self.current_role, self.settings, self._executor)
        self.help_menu.addAction(self.guide_help.action)
        self.about_action = QAction(self, triggered=lambda: about.show_about(self))
        self.shortcuts_action = QAction(
            self, shortcut=shortcuts.sequence("shortcuts"), triggered=lambda: show_shortcuts(self)
        )
        self.help_menu.addAction(self.shortcuts_action)
        self.help_menu.addAction(self.about_action)
        for menu in (self.file_menu, self.view_menu, self.help_menu):
            bar.addMenu(menu)

    def current_role(self) -> str:
        """Whose guide F1 opens: the ministry desk's, the chair's (a chair package open), the expert's."""
        page = self.pages.currentWidget()
        if self.ministry_panel is not None and page is self.ministry_panel:
            return "ministry"
        return "chair" if page is self.package_panel and self.package_panel.chair is not None else "expert"

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.recent_standards()
        for i, path in enumerate(recent, start=1):
            action = self.recent_menu.addAction(f"&{i}  {path}")
            action.triggered.connect(partial(self.open_standard, Path(path)))
        if recent:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction(
                self.tr("Clear recent standards"), self.settings.clear_recent_standards
            )
        else:
            self.recent_menu.addAction(self.tr("No recent standards")).setEnabled(False)

    def _fill_recent_packages(self) -> None:
        self.recent_packages_menu.clear()
        recent = self.settings.recent_packages()
        for i, path in enumerate(recent, start=1):
            action = self.recent_packages_menu.addAction(f"&{i}  {path}")
            action.triggered.connect(partial(self.open_package, Path(path)))
        if recent:
            self.recent_packages_menu.addSeparator()
            self.recent_packages_menu.addAction(self.tr("Clear recent packages"), self._clear_recent_packages)
        else:
            self.recent_packages_menu.addAction(self.tr("No recent packages")).setEnabled(False)

    def _clear_recent_packages(self) -> None:
        self.settings.clear_recent_packages()
        self.welcome.set_recent([])

    def retranslate(self) -> None:
        standard = self.browser.standard
        review = self.package_panel.review if self.pages.currentWidget() is self.package_panel else None
        app_name = self.tr("Reviewer")
        if review is not None:
            self.setWindowTitle(f"{review.manifest.candidate['name']} — {app_name}")
        elif self.ministry_panel is not None and self.pages.currentWidget() is self.ministry_panel:
            self.setWindowTitle(f"{self.ministry_panel.desk.authority.name} — {app_name}")
        else:
            self.setWindowTitle(f"{standard.title.text()} — {app_name}" if standard else app_name)
        self.file_menu.setTitle(self.tr("&File"))
        self.open_action.setText(self.tr("&Open standard…"))
        self.open_package_action.setText(self.tr("Open &package…"))
        self.recent_menu.setTitle(self.tr("Recent standards"))
        self.recent_packages_menu.setTitle(self.tr("Recent packages"))
        self.return_notice_action.setText(self.tr("Accept return notice…"))
        self.ministry_action.setText(self.tr("Open ministry desk…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About Reviewer"))
        self.shortcuts_action.setText(self.tr("&Keyboard shortcuts"))
        for code, action in self.language_actions.items():
            action.setChecked(code == self.language.current)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- opening a file: a package (.rvpkg) or a standard (.json) ---------------------------
    def open_path(self, path: Path, identity_dir: Path | None = None, passphrase: str | None = None) -> None:
        if Path(path).suffix.lower() == PACKAGE_SUFFIX:
            self.open_package(Path(path), identity_dir, passphrase)
        else:
            self.open_standard(Path(path))

    def choose_package(self) -> None:
        recent = self.settings.recent_packages()
        path = files.choose_package_file(self, str(Path(recent[0]).parent) if recent else "")
        if path is not None:
            self.open_package(path)

    def open_package(
        self, path: Path, identity_dir: Path | None = None, passphrase: str | None = None
    ) -> None:
        """Verify and open ``path`` in the background (the package panel shows progress and result)."""
        self.pages.setCurrentWidget(self.package_panel)
        self.statusBar().showMessage(self.tr("Opening {name}…").format(name=Path(path).name))
        self.package_panel.open(Path(path), identity_dir, passphrase)

    def _package_shown(self, review: OpenedReview) -> None:
        self.welcome.set_recent(self.settings.recent_packages())
        workspace = self.package_panel.workspace
        if workspace is not None:  # the expert's own review: declarations first, finalise last
            from reviewer.ui.panels.expert_pages import attach_expert_pages
            from reviewer.ui.panels.visit_pages import attach_visit_pages

            sheets = self.settings.path.parent / "sheets"  # the data folder in use

            def archive() -> SheetArchive:  # when the finalise step is first shown
                from reviewer.app.finalise import SheetArchive

                return SheetArchive(sheets)

            chair = self.package_panel.chair  # the chair's own sheet counts the moment it is signed
            own = None if chair is None else chair.take_own_sheet
            attach_expert_pages(workspace, review, archive=archive, executor=self._executor, on_finalised=own)
            attach_visit_pages(workspace, review, executor=self._executor)
            if self.start_on_review:
                self.package_panel.tabs.setCurrentWidget(workspace)
        self.statusBar().showMessage(self.tr("Opened {name}").format(name=review.path.name), 5000)
        self.retranslate()

    def accept_return_notice(self) -> None:
        """The chair's return notice for the open review (File menu): its finalise step takes it."""
        workspace = self.package_panel.workspace
        page = getattr(workspace, "finalise_page", None)
        if workspace is None or page is None:
            errors.show_error(self, self.tr("Reviewer"), self.tr("Open the package you reviewed first."))
            return
        workspace.show_page("finalise")
        page.return_button.click()

    def _package_refused(self, exc: BaseException | None) -> None:
        self.statusBar().clearMessage()
        self.retranslate()
        if exc is not None:
            self.open_failed.emit(exc)

    # --- the ministry desk (Ministry mode) ---------------------------------------------------
    def choose_ministry(self) -> None:
        from reviewer.app.ministry_desk import default_db
        from reviewer.ui.panels.ministry import asks

        folder = asks.open_folder(self, self.tr("Choose the authority folder"))
        if folder is None:
            return
        chosen = asks.database(self, default_db(folder))
        if chosen is not None:
            self.open_ministry(folder, chosen.db, db_password=chosen.password)

    def open_ministry(
        self,
        authority_dir: Path,
        db: str | None = None,
        passphrase: str | None = None,
        db_password: str | None = None,
    ) -> Task:
        """The ministry desk on ``authority_dir`` and the registry ``db`` (default: inside the folder),
        opened in the background (the authority, the registry and its migrations). A server database's
        password typed now is kept in the OS keyring (never in settings), else the keyring's is used."""
        from reviewer.app import ministry_desk as ops  # light: the desk's pages are imported once open

        def op(_p: object) -> ops.OpenedDesk:
            if db and db_password:
                ops.keep_password(db, db_password)  # when the keyring cannot keep it: this session only
            return ops.open_desk(authority_dir, db, db_password)

        self.statusBar().showMessage(self.tr("Opening the ministry desk…"))
        return (
            Task(self, op, self._executor)
            .on_success(partial(self._show_ministry, passphrase))
            .on_failure(self._open_failed)
            .run()
        )

    def _show_ministry(self, passphrase: str | None, opened: OpenedDesk) -> None:
        from reviewer.ui.panels.ministry import MinistryPanel

        self.statusBar().clearMessage()
        panel = MinistryPanel.on(opened, self._executor, passphrase)
        if self.ministry_panel is not None:
            self.pages.removeWidget(self.ministry_panel)
            self.ministry_panel.close_desk()
            self.ministry_panel.deleteLater()
        self.ministry_panel = panel
        self.pages.addWidget(panel)
        self.pages.setCurrentWidget(panel)
        self.retranslate()
        keep_loaded()  # the desk's stack and pages live as long as it is open

    # --- opening a standard -----------------------------------------------------------------
    def choose_standard(self) -> None:
        recent = self.settings.recent_standards()
        path = files.choose_standard_file(self, str(Path(recent[0]).parent) if recent else "")
        if path is not None:
            self.open_standard(path)

    def open_standard(self, path: Path) -> Task:
        """Load ``path`` in the background; show it, or report why it cannot be used."""
        from reviewer.standards import load_standard

        self.statusBar().showMessage(self.tr("Opening {name}…").format(name=Path(path).name))
        return (
            Task(self, lambda _progress: load_standard(path), self._executor)
            .on_success(partial(self._show_standard, Path(path)))
            .on_failure(self._open_failed)
            .run()
        )

    def _show_standard(self, path: Path, standard: Standard) -> None:
        self.settings.add_recent_standard(path)
        self.browser.set_standard(standard)
        self.pages.setCurrentWidget(self.browser)
        self.statusBar().showMessage(self.tr("Opened {name}").format(name=path.name), 5000)
        self.retranslate()
        self.standard_opened.emit(standard)

    def _open_failed(self, exc: BaseException) -> None:
        self.statusBar().clearMessage()
        errors.report(self, exc)
        self.open_failed.emit(exc)

    # --- drag and drop ----------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _dropped_path(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = _dropped_path(event)
        if path is not None:
            event.acceptProposedAction()
            self.open_path(path)

    # --- remembered geometry ----------------------------------------------------------------
    def restore(self) -> None:
        geometry = self.settings.geometry(WINDOW)
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self._fit_to_screen()
        state = self.settings.state(WINDOW)
        if state is not None:
            self.restoreState(state)
        splitter = self.settings.state("standard_browser")
        if splitter is not None:
            self.browser.restoreState(splitter)

    def _fit_to_screen(self) -> None:
        """First start: the default size, but never larger than the screen (a 1024 x 700 laptop)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        room = screen.availableGeometry()
        # the frame (title bar, borders) is not known before the window is shown: leave it room
        width = min(self.width(), room.width() * 95 // 100)
        height = min(self.height(), room.height() * 92 // 100)
        self.resize(width, height)
        frame = self.frameGeometry()
        frame.moveCenter(room.center())
        self.move(frame.topLeft())

    def save(self) -> None:
        self.settings.set_geometry(WINDOW, self.saveGeometry())
        self.settings.set_state(WINDOW, self.saveState())
        self.settings.set_state("standard_browser", self.browser.saveState())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Everything typed in the open review is saved before the window goes (a score that
        cannot be saved is asked about: going back to fix it keeps the window open; so is a write
        that fails while closing: its error is shown first)."""
        if not self.package_panel.may_close() or not self.package_panel.save_work():
            event.ignore()  # back to fix a score, or to work a failed write left unsaved
            return
        self.save()
        super().closeEvent(event)

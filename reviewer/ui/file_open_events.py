"""Files the operating system asks the running app to open (macOS: a double-click in the Finder).

On macOS a double-clicked ``.rvpkg`` does not arrive in ``sys.argv``: the system sends an "open
documents" Apple Event, which Qt delivers to the QApplication as a :class:`QFileOpenEvent` (also when
the app was not running: it is started, then the event follows, usually once the event loop runs).
:class:`FileOpenRouter` is an event filter on the application that passes each such file to the main
window's :meth:`~reviewer.ui.main_window.MainWindow.open_path`, the path ``reviewer gui FILE`` and
drag-and-drop take. A file that arrives before the window exists waits and is opened when the window
is attached.

An event filter on the application sees every event of every object, so :func:`install` puts it in
place only where the events exist (macOS); elsewhere files come as arguments (``reviewer-gui FILE``).
"""

from __future__ import annotations

import logging
import sys
import weakref
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QFileOpenEvent

if TYPE_CHECKING:
    from reviewer.ui.main_window import MainWindow

log = logging.getLogger(__name__)


class FileOpenRouter(QObject):
    """Takes :class:`QFileOpenEvent` s sent to the application to the attached main window."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fileOpenRouter")
        self.pending: list[Path] = []  # arrived before a window could take them, oldest first
        self._window: weakref.ref[MainWindow] | None = None

    def window(self) -> MainWindow | None:
        """The attached main window, if it is still alive."""
        window = self._window() if self._window is not None else None
        if window is None or not shiboken6.isValid(window):
            return None
        return window

    def attach(self, window: MainWindow) -> None:
        """Files from now on go to ``window``; those that waited are opened in it now (the last one
        shows: each opening replaces the one before, as File › Open does)."""
        self._window = weakref.ref(window)
        waiting, self.pending = self.pending, []
        for path in waiting:
            self._open(window, path)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.FileOpen:
            return False
        # PySide6 hands a filter the base QEvent wrapper; the file is on the QFileOpenEvent
        name = event.file() if isinstance(event, QFileOpenEvent) else ""
        if not name:  # a URL that is not a local file (not something this app opens)
            return False
        path = Path(name)
        window = self.window()
        if window is None:
            self.pending.append(path)
        else:
            self._open(window, path)
        return True

    @staticmethod
    def _open(window: MainWindow, path: Path) -> None:
        log.debug("file open event: %s", path)
        if window.isMinimized():
            window.showNormal()
        window.raise_()
        window.activateWindow()
        window.open_path(path)


_router: FileOpenRouter | None = None


def install(app: QCoreApplication, *, force: bool = False) -> FileOpenRouter | None:
    """Put the router on ``app`` (once) where the system sends file-open events: macOS, or anywhere
    with ``force`` (tests). Returns the router in place, or None where none is needed."""
    global _router
    if _router is not None and shiboken6.isValid(_router):
        return _router
    if not (force or sys.platform == "darwin"):
        return None
    _router = FileOpenRouter(app)  # the application owns it: it lives as long as the app
    app.installEventFilter(_router)
    return _router


def uninstall() -> None:
    """Take the router off the application again (tests: the application outlives each of them)."""
    global _router
    router, _router = _router, None
    if router is not None and shiboken6.isValid(router):
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(router)
        router.deleteLater()


def attach(window: MainWindow) -> None:
    """Files the system asks to open go to ``window`` (a no-op where no router is installed)."""
    if _router is not None and shiboken6.isValid(_router):
        _router.attach(window)

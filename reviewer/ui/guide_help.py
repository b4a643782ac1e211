"""The in-app help of a window: 帮助 › 使用指南 (``F1``) and the small 「帮助」 buttons of the pages
where people hesitate, all opening the window's one :class:`GuideViewer`.

The window makes one :class:`GuideHelp` (its action goes into the Help menu) and says which role
it is in; a :class:`HelpButton` on a page finds its window's help object (``window.findChild``), so
a page needs no reference to the window::

    self.guide_help = GuideHelp(self, role=self.current_role, settings=settings)
    self.help_menu.addAction(self.guide_help.action)
    HelpButton("expert", "declarations")       # on the declarations page
"""

from __future__ import annotations

import inspect
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from reviewer.ui import shortcuts
from reviewer.ui.settings import Settings
from reviewer.ui.tasks import Executor

if TYPE_CHECKING:  # the viewer and its Markdown parser are imported when help is first asked for
    from reviewer.ui.dialogs.guide_viewer import GuideViewer


class GuideHelp(QObject):
    """A window's help: the 使用指南 action (F1, in every window of the app) and its viewer."""

    def __init__(
        self,
        window: QWidget,
        role: Callable[[], str],
        settings: Settings | None = None,
        executor: Executor | None = None,
    ) -> None:
        super().__init__(window)
        self.setObjectName("guideHelp")
        # No strong reference back to the window (it owns this object): a window's role method is
        # held weakly, so a closed window is not kept alive by its own help.
        self._role: Callable[[], Callable[[], str] | None] = (
            weakref.WeakMethod(role) if inspect.ismethod(role) else lambda: role
        )
        self._settings = settings
        self._executor = executor
        self.viewer: GuideViewer | None = None
        self.action = QAction(window, objectName="guideAction", shortcut=shortcuts.sequence("guide"))
        self.action.triggered.connect(lambda: self.open())
        window.addAction(self.action)  # F1 works wherever the focus is in the window, menu bar or not
        self.retranslate()
        window.installEventFilter(self)

    def open(self, doc: str | None = None, anchor: str | None = None) -> GuideViewer:
        """The viewer on ``doc`` (default: the guide of the window's current role) at ``anchor``."""
        window = self.parent()
        current = self._role()
        role = current() if current is not None else "expert"
        if self.viewer is None:
            from reviewer.ui.dialogs.guide_viewer import GuideViewer

            parent = window if isinstance(window, QWidget) else None
            self.viewer = GuideViewer(parent, role, self._settings, self._executor)
        self.viewer.set_role(role)
        self.viewer.show()
        self.viewer.raise_()
        self.viewer.activateWindow()
        self.viewer.show_doc(doc or role, anchor)
        return self.viewer

    def retranslate(self) -> None:
        self.action.setText(self.tr("&User guide"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parent() and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False


def help_for(widget: QWidget, role: str) -> GuideHelp:
    """The help of ``widget``'s window; a window without one (a page shown on its own) gets one
    whose role is ``role``."""
    window = widget.window()
    found = window.findChild(GuideHelp, "guideHelp")
    return found if isinstance(found, GuideHelp) else GuideHelp(window, role=lambda: role)


class HelpButton(QPushButton):
    """A small 「帮助」 button: the viewer on ``doc`` at section ``anchor``."""

    def __init__(self, doc: str, anchor: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"help_{anchor}")
        self.doc, self.anchor = doc, anchor
        self.setFlat(True)
        self.setStyleSheet("QPushButton { color: palette(link); text-decoration: underline; border: none; }")
        self.clicked.connect(self.open_help)
        self.retranslate()

    def open_help(self) -> GuideViewer:
        role = self.doc if self.doc in ("expert", "chair", "ministry") else "expert"
        return help_for(self, role).open(self.doc, self.anchor)

    def retranslate(self) -> None:
        self.setText(self.tr("Help"))
        self.setToolTip(self.tr("Open the user guide at this step"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def heading_row(heading: QLabel, button: HelpButton) -> QHBoxLayout:
    """A page's heading with its help button at the right of the same line."""
    row = QHBoxLayout()
    row.addWidget(heading, 1)
    row.addWidget(button)
    return row

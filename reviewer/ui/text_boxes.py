"""Multi-line text boxes that do not trap the keyboard.

    leave_with_tab(QPlainTextEdit(objectName="commentEdit"))

A multi-line box in this app is for words, never for tab characters: Tab and Shift+Tab move the
focus on to the next or previous control (Enter still starts a new line). Ctrl+Tab, Ctrl+Shift+Tab
and Ctrl+PgUp/PgDn switch the window's tabs only from outside a text box: inside one they do
nothing, so a key pressed while typing a comment never takes the expert to another tab.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

Box = TypeVar("Box", QPlainTextEdit, QTextEdit)
_TAB_SWITCH = (Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)


class _KeepTabs(QObject):
    """Swallows the tab-switching keys pressed inside the box it watches."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
            and event.key() in _TAB_SWITCH
        ):
            return True
        return super().eventFilter(watched, event)


def leave_with_tab(box: Box) -> Box:
    """Make ``box`` pass Tab on to the next control and keep Ctrl+Tab from switching tabs; returns it."""
    box.setTabChangesFocus(True)
    keeper = _KeepTabs(box)
    box.installEventFilter(keeper)
    return box

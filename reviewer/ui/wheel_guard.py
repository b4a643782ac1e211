"""The mouse wheel scrolls the page; it never changes a value the person has not clicked into.

Qt's combo boxes and number boxes (spin boxes, date boxes) take the wheel whenever the pointer is
over them, and take the focus with it: scrolling a long form passes over them and changes whatever
is under the pointer, and the page saves it — a veto answered 否, a score, a vote, a year. One
filter on the application, installed by :func:`reviewer.ui.app.application`, covers every window
(the expert's pages, the chair's, the ministry desk, dialogs):

- a box without keyboard focus lets the wheel go by: Qt hands the ignored event to the box's
  parents, and the enclosing scroll area scrolls;
- a box with keyboard focus (clicked into, or reached with Tab: a deliberate choice) keeps it;
- the wheel never gives a box the focus (Qt's ``WheelFocus`` becomes ``StrongFocus`` when the box
  is first polished), else the first notch would focus the box and the next ones change it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox

VALUE_BOXES = (QComboBox, QAbstractSpinBox)  # QSpinBox, QDoubleSpinBox, QDateEdit, QTimeEdit… too


class WheelGuard(QObject):
    """The application's event filter (see the module's docstring)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Wheel:
            if isinstance(watched, VALUE_BOXES) and not watched.hasFocus():
                event.ignore()  # not the box's: Qt passes it on to the parents, up to the scroll area
                return True
        elif (
            kind == QEvent.Type.Polish
            and isinstance(watched, VALUE_BOXES)
            and watched.focusPolicy() == Qt.FocusPolicy.WheelFocus
        ):
            watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # click and Tab, not the wheel
        return False


def install(app: QCoreApplication) -> WheelGuard:
    """Filter ``app``'s events through a :class:`WheelGuard` (once: a second call returns the first)."""
    for child in app.children():
        if isinstance(child, WheelGuard):
            return child
    guard = WheelGuard(app)
    guard.setObjectName("wheelGuard")
    app.installEventFilter(guard)
    return guard

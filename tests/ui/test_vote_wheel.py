"""A vote is never changed by the mouse wheel: scrolling the 专家组表决 page over a vote's box
scrolls the page and leaves the vote as chosen (found walking the expert's guide on a real display,
where scrolling to the signed result flipped the draft opinion's 同意 to 反对)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from reviewer.ui.panels.motion_votes import APPROVE, VoteChoice


def _wheel(widget: VoteChoice, delta: int) -> None:
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, delta),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_the_wheel_does_not_change_a_vote(qtbot) -> None:
    choice = VoteChoice("opinionVoteChoice")
    qtbot.addWidget(choice)
    choice.show()
    choice.setCurrentIndex(1)
    assert choice.vote() == APPROVE
    for delta in (-120, -120, 120, -120):  # hovering or focused alike
        _wheel(choice, delta)
    choice.setFocus()
    _wheel(choice, -120)
    assert choice.vote() == APPROVE

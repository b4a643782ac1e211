"""One proposed change of the chair's motion and the expert's vote on it (the panel vote's rows:
:mod:`~reviewer.ui.panels.motion_page`)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from reviewer.app.member_vote import ShownChange
from reviewer.scoring.statement import Vote
from reviewer.scoring.stats import canonical as decimal_text

APPROVE, OBJECT = "approve", "object"


class VoteChoice(QComboBox):
    """—, approve, object (the value in :meth:`vote`). The mouse wheel never changes a vote: it
    scrolls the page (Qt's box would take the wheel and flip the vote under a scrolling pointer)."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # no focus by the wheel either
        for _ in range(3):
            self.addItem("")
        self.retranslate()

    def vote(self) -> str | None:
        return (None, APPROVE, OBJECT)[self.currentIndex()]

    def wheelEvent(self, event: QWheelEvent) -> None:
        event.ignore()  # to the page's scroll area

    def retranslate(self) -> None:
        self.setItemText(0, self.tr("— choose —"))
        self.setItemText(1, self.tr("Approve"))
        self.setItemText(2, self.tr("Object"))


class ChangeVote(QGroupBox):
    """One proposed change, and the expert's vote on it."""

    changed = Signal()

    def __init__(self, shown: ShownChange, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changeVote")
        self.shown = shown
        self.details = QLabel(objectName="changeDetails", wordWrap=True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.choice = VoteChoice("changeVoteChoice")
        self.reason = QLineEdit(objectName="changeObjection")
        self.choice.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.reason.textChanged.connect(lambda _t: self.changed.emit())
        self.choice_label, self.reason_label = QLabel(), QLabel()
        self.choice_label.setBuddy(self.choice)
        self.reason_label.setBuddy(self.reason)
        form = QFormLayout()
        form.addRow(self.choice_label, self.choice)
        form.addRow(self.reason_label, self.reason)
        layout = QVBoxLayout(self)
        layout.addWidget(self.details)
        layout.addLayout(form)
        self.retranslate()

    @property
    def code(self) -> str:
        return self.shown.change.code

    def vote(self) -> Vote | None:
        choice = self.choice.vote()
        return None if choice is None else Vote(self.code, choice, self.reason.text().strip() or None)

    def missing(self) -> str | None:
        """What is still missing for this change (None: nothing)."""
        vote = self.vote()
        if vote is None:
            return self.tr("Indicator {code}: approve or object.").format(code=self.code)
        if vote.vote == OBJECT and vote.reason is None:
            return self.tr("Indicator {code}: give the reason for objecting.").format(code=self.code)
        return None

    def heading(self) -> str:
        title = self.shown.title.text() if self.shown.title else ""
        return f"{self.code} {title}".strip()

    def facts(self) -> str:
        c = self.shown.change
        ground = self.shown.ground.text() if self.shown.ground else c.ground
        return "\n".join(
            (
                self.tr("Computed aggregate {aggregate} → proposed {value}").format(
                    aggregate=decimal_text(c.aggregate), value=decimal_text(c.value)
                ),
                self.tr("Ground: {ground}").format(ground=ground),
                self.tr("Rationale: {text}").format(text=c.rationale),
            )
        )

    def retranslate(self) -> None:
        self.setTitle(self.heading())
        self.details.setText(self.facts())
        self.choice.retranslate()
        self.choice_label.setText(self.tr("Your vote:"))
        self.reason_label.setText(self.tr("Reason (required when objecting):"))
        self.choice.setAccessibleName(self.tr("Your vote on indicator {code}").format(code=self.code))
        self.reason.setAccessibleName(self.tr("Reason for objecting to {code}").format(code=self.code))

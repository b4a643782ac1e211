"""A member votes on the chair's laptop (成员表决…), as they co-sign there: they choose their own
identity folder, read each proposed change (indicator, computed aggregate, proposed value, ground,
rationale) and the draft opinion, approve or object to each (an objection with its reason), may
write their own dissent (保留意见), then type their own passphrase: the statement is signed with
their key. The small functions here are what tests monkeypatch; the dialog validates before it
closes and is driven with the keyboard (Tab between fields, Space on a choice, Enter on OK).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from reviewer.scoring.statement import Vote
from reviewer.ui import palette
from reviewer.ui.text_boxes import leave_with_tab

APPROVE, OBJECT = "approve", "object"
ERROR_STYLE = f"QLabel {{ color: {palette.ERROR}; }}"


def choose_voter_folder(parent: QWidget | None, start: str = "") -> Path | None:
    """The identity folder of the member who votes now (on this laptop, in turn)."""
    path = QFileDialog.getExistingDirectory(
        parent, QCoreApplication.translate("memberVote", "Choose the voting member's identity folder"), start
    )
    return Path(path) if path else None


def ask_voter_passphrase(parent: QWidget | None, who: str) -> str | None:
    """The member types their own passphrase (hidden); None when cancelled."""
    text, ok = QInputDialog.getText(
        parent,
        QCoreApplication.translate("memberVote", "Sign your vote"),
        QCoreApplication.translate(
            "memberVote", "{who}, type your passphrase to sign your vote with your key:"
        ).format(who=who),
        QLineEdit.EchoMode.Password,
    )
    return text if ok and text else None


def run_vote_dialog(dialog: QDialog) -> bool:
    """Show ``dialog`` modally; True when accepted (tests replace this to drive it with clicks)."""
    return dialog.exec() == QDialog.DialogCode.Accepted


@dataclass(frozen=True)
class ChangeShown:
    """A proposed change as the member reads it (texts in the UI's language)."""

    code: str
    title: str
    aggregate: str
    proposed: str
    ground: str
    rationale: str


class _Choice(QWidget):
    """同意 / 反对 for one proposal, with the reason an objection needs."""

    def __init__(self, name: str, with_reason: bool) -> None:
        super().__init__()
        self.approve = QRadioButton(self.tr("Approve"))
        self.object = QRadioButton(self.tr("Object"))
        self.group = QButtonGroup(self)
        self.group.addButton(self.approve)
        self.group.addButton(self.object)
        self.approve.setAccessibleName(self.tr("Approve: {what}").format(what=name))
        self.object.setAccessibleName(self.tr("Object: {what}").format(what=name))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Reason for the objection (required)"))
        self.reason.setAccessibleName(self.tr("Reason for the objection: {what}").format(what=name))
        self.reason.setEnabled(False)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.approve)
        row.addWidget(self.object)
        if with_reason:
            row.addWidget(self.reason, 1)
        else:
            self.reason.hide()
            row.addStretch(1)
        self.object.toggled.connect(self.reason.setEnabled)

    @property
    def vote(self) -> str:
        return APPROVE if self.approve.isChecked() else OBJECT if self.object.isChecked() else ""


class MemberVoteDialog(QDialog):
    """The member's answer to the motion: a vote on each change and on the opinion, and a dissent."""

    def __init__(
        self,
        parent: QWidget | None,
        who: str,
        changes: Sequence[ChangeShown],
        opinion: str | None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("memberVoteDialog")
        self.setWindowTitle(self.tr("Vote on the chair's motion"))
        self._changes = list(changes)
        body = QWidget()
        form = QVBoxLayout(body)
        form.addWidget(
            QLabel(
                self.tr(
                    "{who}: approve or object to each proposed change and to the draft opinion "
                    "(an objection needs its reason). You may write your own dissent. Your vote is "
                    "signed with your key and printed in the review record under your name."
                ).format(who=who),
                wordWrap=True,
            )
        )
        self.choices: dict[str, _Choice] = {}
        for c in self._changes:
            box = QGroupBox(f"{c.code} {c.title}")
            bl = QFormLayout(box)
            bl.addRow(
                QLabel(
                    self.tr("Computed aggregate {aggregate} → proposed {proposed}. Ground: {ground}.").format(
                        aggregate=c.aggregate, proposed=c.proposed, ground=c.ground
                    ),
                    wordWrap=True,
                )
            )
            bl.addRow(QLabel(self.tr("Rationale: {why}").format(why=c.rationale), wordWrap=True))
            choice = _Choice(f"{c.code} {c.title}", True)
            bl.addRow(choice)
            self.choices[c.code] = choice
            form.addWidget(box)
        self.opinion_choice: _Choice | None = None
        if opinion is not None:
            box = QGroupBox(self.tr("Draft panel opinion"))
            ol = QVBoxLayout(box)
            ol.addWidget(QLabel(opinion, wordWrap=True, objectName="voteOpinionText"))
            self.opinion_choice = _Choice(self.tr("the draft panel opinion"), False)
            ol.addWidget(self.opinion_choice)
            form.addWidget(box)
        self.dissent = leave_with_tab(QPlainTextEdit(objectName="voteDissent"))
        self.dissent.setPlaceholderText(self.tr("Your dissent in your own words, if any"))
        self.dissent.setAccessibleName(self.tr("Your dissent"))
        self.dissent.setMaximumHeight(90)
        dissent_label = QLabel(self.tr("Dissent (optional)"))
        dissent_label.setBuddy(self.dissent)
        form.addWidget(dissent_label)
        form.addWidget(self.dissent)
        form.addStretch(1)
        scroll = QScrollArea(objectName="memberVoteScroll")
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.error = QLabel(objectName="dialogError", wordWrap=True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Sign my vote…"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(680, 560)

    # --- the answer ----------------------------------------------------------------------------
    @property
    def votes(self) -> list[Vote]:
        out = []
        for code, choice in self.choices.items():
            reason = choice.reason.text().strip() if choice.vote == OBJECT else None
            out.append(Vote(code, choice.vote, reason))
        return out

    @property
    def opinion(self) -> str | None:
        return None if self.opinion_choice is None else self.opinion_choice.vote

    @property
    def dissent_text(self) -> str | None:
        return self.dissent.toPlainText().strip() or None

    def problem(self) -> str | None:
        for code, choice in self.choices.items():
            if not choice.vote:
                return self.tr("Approve or object to the change of {code}.").format(code=code)
            if choice.vote == OBJECT and not choice.reason.text().strip():
                return self.tr("Give the reason for objecting to the change of {code}.").format(code=code)
        if self.opinion_choice is not None and not self.opinion_choice.vote:
            return self.tr("Approve or object to the draft panel opinion.")
        return None

    def accept(self) -> None:
        problem = self.problem()
        if problem:
            self.error.setText(problem)
            self.error.show()
            return
        super().accept()

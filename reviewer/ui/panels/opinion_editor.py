"""The panel opinion (专家组意见) as the chair drafts it, who approved its text, and the members'
dissents (保留意见), read-only: each is written and signed by its member with their vote
(:mod:`reviewer.ui.panels.chair_voting`); the chair cannot enter one for anyone.

The editor only collects text; the chair panel turns it into
:class:`~reviewer.scoring.decisions.Opinion` with who and when and records it. Once a signature on
the record fixes the decisions, :meth:`OpinionEditor.set_locked` makes it read-only and says why.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reviewer.scoring.decisions import DissentDecision, Opinion
from reviewer.ui import labels
from reviewer.ui.panels.chair_decisions import LOCK_STYLE
from reviewer.ui.scrolled import scroll_vertically
from reviewer.ui.text_boxes import leave_with_tab


def _lines(edit: QPlainTextEdit) -> tuple[str, ...]:
    return tuple(line.strip() for line in edit.toPlainText().splitlines() if line.strip())


class OpinionEditor(QWidget):
    # strengths, problems, recommendations (one item a line), conclusion wording
    opinion_saved = Signal(tuple, tuple, tuple, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("opinionEditor")
        self.lock_label = QLabel(objectName="opinionLocked", wordWrap=True)
        self.lock_label.setStyleSheet(LOCK_STYLE)
        self.lock_label.hide()
        self.strengths = leave_with_tab(QPlainTextEdit(objectName="opinionStrengths"))
        self.problems = leave_with_tab(QPlainTextEdit(objectName="opinionProblems"))
        self.recommendations = leave_with_tab(QPlainTextEdit(objectName="opinionRecommendations"))
        self.conclusion = leave_with_tab(QPlainTextEdit(objectName="opinionConclusion"))
        self.save_button = QPushButton(objectName="saveOpinion")
        self.saved_label = QLabel(objectName="opinionSaved", wordWrap=True)
        self.opinion_box = QGroupBox()
        form = QFormLayout(self.opinion_box)
        self._labels = [QLabel() for _ in range(4)]
        for label, edit in zip(
            self._labels, (self.strengths, self.problems, self.recommendations, self.conclusion), strict=True
        ):
            edit.setMaximumHeight(90)
            form.addRow(label, edit)
            label.setBuddy(edit)
        row = QHBoxLayout()
        row.addWidget(self.saved_label, 1)
        row.addWidget(self.save_button)
        form.addRow(row)

        self.approvals = QLabel(objectName="opinionApprovals", wordWrap=True)
        form.addRow(self.approvals)

        self.dissent_box = QGroupBox()
        self.dissents = QLabel(objectName="dissentList", wordWrap=True)
        self.dissents.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.dissent_note = QLabel(objectName="dissentNote", wordWrap=True)
        dlayout = QVBoxLayout(self.dissent_box)
        dlayout.addWidget(self.dissent_note)
        dlayout.addWidget(self.dissents)

        layout = QVBoxLayout(scroll_vertically(self, "opinionContent"))  # fits a 700 px screen
        layout.addWidget(self.lock_label)
        layout.addWidget(self.opinion_box)
        layout.addWidget(self.dissent_box)
        layout.addStretch(1)
        self.save_button.clicked.connect(self._save_opinion)
        self._shown: tuple[Opinion | None, tuple[DissentDecision, ...]] = (None, ())
        self._names: dict[str, str] = {}
        self._chair = ""
        self.locked = ""
        self.retranslate()

    def set_members(self, members: Sequence[tuple[str, str]], chair: str = "") -> None:
        """The roster's members as (fingerprint, name), in roster order, and the chair's fingerprint."""
        self._names, self._chair = dict(members), chair
        self._show_saved()

    def set_locked(self, reason: str) -> None:
        """Read-only with ``reason`` shown ("": editable again)."""
        self.locked = reason
        self.lock_label.setText(reason)
        self.lock_label.setVisible(bool(reason))
        for edit in (self.strengths, self.problems, self.recommendations, self.conclusion):
            edit.setReadOnly(bool(reason))
        self.save_button.setEnabled(not reason)

    def show_decisions(self, opinion: Opinion | None, dissents: Sequence[DissentDecision]) -> None:
        if opinion is not None:
            self.strengths.setPlainText("\n".join(opinion.strengths))
            self.problems.setPlainText("\n".join(opinion.problems))
            self.recommendations.setPlainText("\n".join(opinion.recommendations))
            self.conclusion.setPlainText(opinion.conclusion)
        self._shown = (opinion, tuple(dissents))
        self._show_saved()

    def _show_saved(self) -> None:
        """Who saved the opinion and when, who approved its text, and the dissents each member
        wrote and signed: in the UI's language."""
        opinion, dissents = self._shown
        if opinion is not None:
            self.saved_label.setText(
                self.tr("Saved by {who} at {at}.").format(
                    who=opinion.by.name, at=labels.beijing_time(opinion.at)
                )
            )
        self.approvals.setText(self._approvals_text(opinion))
        lines = [
            self.tr("• {name}, {at}, written and signed by the member: {text}").format(
                name=self.name_of(d.expert), at=labels.beijing_time(d.at), text=d.text
            )
            for d in dissents
        ]
        self.dissents.setText("\n".join(lines) if lines else self.tr("No dissent recorded."))

    def _approvals_text(self, opinion: Opinion | None) -> str:
        if opinion is None:
            return ""
        if opinion.motion_sha256 is None:
            return self.tr("The text has not been put to the panel yet (Panel vote page).")
        order = list(self._names)  # roster order
        yes = {self._chair, *opinion.approvals} - {""}
        no = {v.expert for v in opinion.votes if v.vote == "object"}
        approved = [self.name_of(fp) for fp in order if fp in yes]
        objected = [self.name_of(fp) for fp in order if fp in no]
        text = self.tr("Approved the text: {names}.").format(names="、".join(approved) or "—")
        if objected:
            text += " " + self.tr("Objected: {names}.").format(names="、".join(objected))
        return text

    def _save_opinion(self) -> None:
        if self.locked:
            return
        self.opinion_saved.emit(
            _lines(self.strengths),
            _lines(self.problems),
            _lines(self.recommendations),
            self.conclusion.toPlainText().strip(),
        )

    def name_of(self, fingerprint: str) -> str:
        return self._names.get(fingerprint, fingerprint[:12])

    def retranslate(self) -> None:
        self.opinion_box.setTitle(self.tr("Panel opinion"))
        texts = (
            self.tr("Strengths (one a line)"),
            self.tr("Problems (one a line)"),
            self.tr("Recommendations (one a line)"),
            self.tr("Conclusion wording"),
        )
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)
        self.save_button.setText(self.tr("Save the opinion"))
        self.dissent_box.setTitle(self.tr("Dissents"))
        self.dissent_note.setText(
            self.tr(
                "A dissent is written and signed by the member, with their vote (Panel vote page: "
                "Member votes… or Import votes…); it is printed in the review record under their name."
            )
        )
        self._show_saved()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

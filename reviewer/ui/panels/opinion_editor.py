"""The panel opinion (专家组意见) and the members' dissents (保留意见), as the chair types them.

The editor only collects text; the chair panel turns it into
:class:`~reviewer.scoring.decisions.Opinion` / :class:`~reviewer.scoring.decisions.DissentDecision`
with who and when, asks before a dissent is recorded or withdrawn, and records it. The member box
starts with no member chosen, so nothing is recorded for the wrong person. Once a signature on the
record fixes the decisions, :meth:`OpinionEditor.set_locked` makes everything read-only and says why.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
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
    dissent_saved = Signal(str, str)  # member fingerprint, text
    dissent_withdrawn = Signal(str)  # member fingerprint

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

        self.dissent_box = QGroupBox()
        self.member = QComboBox(objectName="dissentMember")
        self.dissent_text = leave_with_tab(QPlainTextEdit(objectName="dissentText"))
        self.dissent_text.setMaximumHeight(80)
        self.dissent_button = QPushButton(objectName="saveDissent")
        self.withdraw_button = QPushButton(objectName="withdrawDissent")
        self.dissents = QLabel(objectName="dissentList", wordWrap=True)
        # a dissent is the member's own signed statement (issue 18): shown here, never typed by the chair
        self.dissent_text.setReadOnly(True)
        self.dissent_button.setVisible(False)
        self.withdraw_button.setVisible(False)
        dform = QFormLayout(self.dissent_box)
        self._member_label, self._text_label = QLabel(), QLabel()
        dform.addRow(self._member_label, self.member)
        dform.addRow(self._text_label, self.dissent_text)
        self._member_label.setBuddy(self.member)
        self._text_label.setBuddy(self.dissent_text)
        dbuttons = QHBoxLayout()
        dbuttons.addWidget(self.dissent_button)
        dbuttons.addWidget(self.withdraw_button)
        dbuttons.addStretch(1)
        dform.addRow(dbuttons)
        dform.addRow(self.dissents)

        layout = QVBoxLayout(scroll_vertically(self, "opinionContent"))  # fits a 700 px screen
        layout.addWidget(self.lock_label)
        layout.addWidget(self.opinion_box)
        layout.addWidget(self.dissent_box)
        layout.addStretch(1)
        self.save_button.clicked.connect(self._save_opinion)
        self.dissent_button.clicked.connect(self._save_dissent)
        self.withdraw_button.clicked.connect(self._withdraw_dissent)
        self.member.currentIndexChanged.connect(self._member_changed)
        self.dissent_text.textChanged.connect(self._update_buttons)
        self._dissents: dict[str, str] = {}
        self._shown: tuple[Opinion | None, tuple[DissentDecision, ...]] = (None, ())
        self._names: dict[str, str] = {}
        self.locked = ""
        self.retranslate()

    def set_members(self, members: Sequence[tuple[str, str]]) -> None:
        """The roster's members as (fingerprint, name), in roster order."""
        self._names = dict(members)
        self.member.blockSignals(True)
        self.member.clear()
        for fingerprint, name in members:
            self.member.addItem(name, fingerprint)
        self.member.setCurrentIndex(-1)  # no member chosen: the placeholder shows
        self.member.blockSignals(False)
        self._member_changed()

    def set_locked(self, reason: str) -> None:
        """Read-only with ``reason`` shown ("": editable again)."""
        self.locked = reason
        self.lock_label.setText(reason)
        self.lock_label.setVisible(bool(reason))
        for edit in (self.strengths, self.problems, self.recommendations, self.conclusion):
            edit.setReadOnly(bool(reason))
        self.member.setEnabled(not reason)
        self.save_button.setEnabled(not reason)
        self._update_buttons()

    @property
    def chosen(self) -> str:
        """The fingerprint of the member chosen for a dissent ("" while none is chosen)."""
        if self.member.currentIndex() < 0:
            return ""
        return self.member.currentData() or ""

    def show_decisions(self, opinion: Opinion | None, dissents: Sequence[DissentDecision]) -> None:
        if opinion is not None:
            self.strengths.setPlainText("\n".join(opinion.strengths))
            self.problems.setPlainText("\n".join(opinion.problems))
            self.recommendations.setPlainText("\n".join(opinion.recommendations))
            self.conclusion.setPlainText(opinion.conclusion)
        self._dissents = {d.expert: d.text for d in dissents}
        self._shown = (opinion, tuple(dissents))
        self._show_saved()
        self._member_changed()

    def _show_saved(self) -> None:
        """Who saved the opinion and when, and the dissents recorded: in the UI's language."""
        opinion, dissents = self._shown
        if opinion is not None:
            self.saved_label.setText(
                self.tr("Saved by {who} at {at}.").format(
                    who=opinion.by.name, at=labels.beijing_time(opinion.at)
                )
            )
        lines = [
            f"• {self._names.get(d.expert, d.expert[:12])}: {d.text} ({d.by.name}, {labels.beijing_time(d.at)})"
            for d in dissents
        ]
        self.dissents.setText("\n".join(lines) if lines else self.tr("No dissent recorded."))

    def _member_changed(self) -> None:
        self.dissent_text.setPlainText(self._dissents.get(self.chosen, ""))
        self._update_buttons()

    def _update_buttons(self) -> None:
        open_, chosen = not self.locked, self.chosen
        self.dissent_button.setEnabled(
            open_ and bool(chosen) and bool(self.dissent_text.toPlainText().strip())
        )
        self.withdraw_button.setEnabled(open_ and chosen in self._dissents)

    def _save_opinion(self) -> None:
        if self.locked:
            return
        self.opinion_saved.emit(
            _lines(self.strengths),
            _lines(self.problems),
            _lines(self.recommendations),
            self.conclusion.toPlainText().strip(),
        )

    def _save_dissent(self) -> None:
        text = self.dissent_text.toPlainText().strip()
        if self.chosen and text and not self.locked:
            self.dissent_saved.emit(self.chosen, text)

    def _withdraw_dissent(self) -> None:
        if self.chosen in self._dissents and not self.locked:
            self.dissent_withdrawn.emit(self.chosen)

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
        self._member_label.setText(self.tr("Member"))
        self._text_label.setText(self.tr("Dissent in the member's words"))
        self.dissent_button.setText(self.tr("Record the dissent…"))
        self.withdraw_button.setText(self.tr("Withdraw the dissent…"))
        self.member.setPlaceholderText(self.tr("Choose a member…"))
        self._show_saved()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

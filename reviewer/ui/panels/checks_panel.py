"""The yes/no items (vetoes such as 材料真实性, gates) and the eligibility checklist.

Each yes/no item is answered yes or no; each eligibility condition is confirmed or flagged. A "no"
or a flag must say why: the comment box is then marked required, and a flag is only sent once its
reason is there (the workbench refuses a flag without one). A comment is sent when its box is left
(or on closing); until then, and while a flag waits for its reason, :attr:`ChecksPanel.unsent` is
true and the workspace's indicator does not say "Saved". The panel never writes: it emits, and
the workspace turns that into workbench calls.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from reviewer import i18n
from reviewer.scoring.workbench_types import EligibilityState, ReviewState
from reviewer.standards.model import Bilingual, Standard, YesNoEffect
from reviewer.ui import labels, palette

REQUIRED_STYLE = f"QLineEdit {{ border: 1px solid {palette.ERROR}; }}"


class _Row:
    """One item: its answer box and its comment box."""

    def __init__(self, code: str, answer: QComboBox, comment: QLineEdit) -> None:
        self.code, self.answer, self.comment = code, answer, comment

    @property
    def negative(self) -> bool:
        return self.answer.currentIndex() == 2  # "No" / "Flagged"

    def mark(self) -> None:
        needs = self.negative and not self.comment.text().strip()
        self.comment.setStyleSheet(REQUIRED_STYLE if needs else "")


class ChecksPanel(QScrollArea):
    yes_no_answered = Signal(str, object, str)  # code, True/False/None (object: None travels), comment
    eligibility_answered = Signal(str, object, str)  # code, EligibilityState or None (object), comment
    typing_changed = Signal()  # a row's typing or flag waits to be sent, or was sent

    def __init__(self, standard: Standard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checksPanel")
        self.setWidgetResizable(True)
        self.standard = standard
        body = QWidget()
        self.yes_no_box = QGroupBox(objectName="yesNoBox")
        self.eligibility_box = QGroupBox(objectName="eligibilityBox")
        self.yes_no: dict[str, _Row] = {}
        self.eligibility: dict[str, _Row] = {}
        self._titles: list[tuple[QLabel, tuple[Bilingual, YesNoEffect | None]]] = []  # label, (title, effect)
        self._unsent: set[str] = set()  # rows typed in (or flagged without a reason), not sent yet
        self._fill(
            self.yes_no_box,
            [(i.code, i.title, i.effect) for i in standard.yes_no],
            self.yes_no,
        )
        self._fill(
            self.eligibility_box, [(c.code, c.text, None) for c in standard.eligibility], self.eligibility
        )
        self.locked = QLabel(objectName="checksLocked", wordWrap=True)
        self.locked.setStyleSheet(f"QLabel {{ color: {palette.ERROR}; }}")
        self.locked.hide()
        layout = QVBoxLayout(body)
        layout.addWidget(self.locked)
        layout.addWidget(self.yes_no_box)
        layout.addWidget(self.eligibility_box)
        layout.addStretch(1)
        self.setWidget(body)
        self.retranslate()

    def _fill(
        self, box: QGroupBox, items: list[tuple[str, Bilingual, YesNoEffect | None]], rows: dict[str, _Row]
    ) -> None:
        grid = QGridLayout(box)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 2)
        for r, (code, title, effect) in enumerate(items):
            text = QLabel(wordWrap=True)
            self._titles.append((text, (title, effect)))
            answer = QComboBox(objectName=f"answer_{code}")
            answer.addItems(["", "", ""])
            comment = QLineEdit(objectName=f"comment_{code}")
            row = _Row(code, answer, comment)
            text.setBuddy(answer)
            rows[code] = row
            answer.activated.connect(lambda _i, row=row: self._answered(row))
            comment.editingFinished.connect(lambda row=row: self._commented(row))
            comment.textEdited.connect(lambda _t, row=row: self._typed(row))
            grid.addWidget(QLabel(f"<b>{code}</b>"), r, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(text, r, 1)
            grid.addWidget(answer, r, 2, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(comment, r, 3, Qt.AlignmentFlag.AlignTop)

    # --- answers ----------------------------------------------------------------------------
    def _answered(self, row: _Row) -> None:
        row.mark()
        self._send(row)
        if row.negative and not row.comment.text().strip():
            row.comment.setFocus()

    def _typed(self, row: _Row) -> None:
        row.mark()
        self._set_unsent(row.code, True)

    def _set_unsent(self, code: str, unsent: bool) -> None:
        if (code in self._unsent) != unsent:
            (self._unsent.add if unsent else self._unsent.discard)(code)
            self.typing_changed.emit()

    @property
    def unsent(self) -> bool:
        """A comment is typed and not sent yet, or a flag waits for its reason."""
        return bool(self._unsent)

    def _commented(self, row: _Row) -> None:
        row.mark()
        if row.answer.currentIndex() != 0:
            self._send(row)

    def _send(self, row: _Row) -> None:
        index, comment = row.answer.currentIndex(), row.comment.text()
        if row.code in self.yes_no:
            self._set_unsent(row.code, False)
            self.yes_no_answered.emit(row.code, None if index == 0 else index == 1, comment)
            return
        if index == 2 and not comment.strip():
            self._set_unsent(row.code, True)
            return  # a flag is sent with its reason
        self._set_unsent(row.code, False)
        state = None if index == 0 else EligibilityState.CONFIRMED if index == 1 else EligibilityState.FLAGGED
        self.eligibility_answered.emit(row.code, state, comment)

    def flush(self) -> None:
        """Send the comment being typed (on closing: its box may never see the focus leave)."""
        for row in (*self.yes_no.values(), *self.eligibility.values()):
            if row.comment.hasFocus() and row.comment.isModified():
                row.comment.setModified(False)
                self._commented(row)

    # --- showing ----------------------------------------------------------------------------
    def show_state(self, state: ReviewState) -> None:
        for code, row in self.yes_no.items():
            got = state.yes_no.get(code)
            self._set(row, 0 if got is None else 1 if got.answer else 2, got.comment if got else "")
        for code, row in self.eligibility.items():
            el = state.eligibility.get(code)
            index = 0 if el is None else 1 if el.state is EligibilityState.CONFIRMED else 2
            if el is None and row.negative and row.comment.hasFocus():
                continue  # a flag being explained: not sent yet
            self._set(row, index, el.comment if el else row.comment.text() if row.negative else "")
        for code, row in {**self.yes_no, **self.eligibility}.items():
            if not row.comment.hasFocus():
                self._set_unsent(code, False)  # its box now shows what is on disk

    @staticmethod
    def _set(row: _Row, index: int, comment: str | None) -> None:
        row.answer.setCurrentIndex(index)
        if not row.comment.hasFocus():
            row.comment.setText(comment or "")
        row.mark()

    def set_read_only(self, reason: str | None, editable: frozenset[str] | None = None) -> None:
        for code, row in {**self.yes_no, **self.eligibility}.items():
            allowed = reason is None and (editable is None or code in editable)
            row.answer.setEnabled(allowed)
            row.comment.setEnabled(allowed)
        self.locked.setText(reason or "")
        self.locked.setVisible(reason is not None)

    # --- texts ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        lang = i18n.language()
        self.setAccessibleName(self.tr("Vetoes and eligibility"))
        for row in (*self.yes_no.values(), *self.eligibility.values()):
            row.comment.setAccessibleName(self.tr("Comment on {code}").format(code=row.code))
        self.yes_no_box.setTitle(self.tr("Yes/no items (vetoes and gates)"))
        self.eligibility_box.setTitle(self.tr("Eligibility checklist"))
        for label, (title, effect) in self._titles:
            label.setText(title.text(lang) + (f"  ({labels.effect_name(effect)})" if effect else ""))
        for row in self.yes_no.values():
            for i, text in enumerate((self.tr("Not answered"), self.tr("Yes"), self.tr("No"))):
                row.answer.setItemText(i, text)
            row.comment.setPlaceholderText(self.tr("Comment (required for “no”)"))
        for row in self.eligibility.values():
            for i, text in enumerate((self.tr("Not checked"), self.tr("Confirmed"), self.tr("Flagged"))):
                row.answer.setItemText(i, text)
            row.comment.setPlaceholderText(self.tr("Comment (required when flagged)"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

"""An objective indicator on the scoring page: the sealed figure, the computed points, confirm or flag.

An objective leaf is not scored by hand: its points are computed from the candidate's figure sealed
in the package (:func:`reviewer.standards.objective.objective_points`, pure, shown read-only). The
expert confirms the figure (确认数据) or flags it (数据存疑) with a reason; a flag also needs evidence
(the evidence box under this one), which finalising checks. Keyboard: Alt+C confirms, Alt+F flags
(or Tab to the choices and Space), then the reason and Enter. A confirmation is sent at once; a flag
is sent once its reason is there (the workbench refuses one without), like the eligibility checks.
The box never writes: it emits :attr:`FigureCheckBox.checked` and the workspace saves it.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from reviewer import i18n
from reviewer.errors import InvalidInput
from reviewer.packages.figures import FigureLabel
from reviewer.scoring.workbench_types import EligibilityState, ReviewState
from reviewer.standards.model import Standard
from reviewer.standards.objective import figure_value, objective_points
from reviewer.ui import labels, palette

REQUIRED_STYLE = f"QLineEdit {{ border: 1px solid {palette.ERROR}; }}"


class FigureCheckBox(QGroupBox):
    checked = Signal(str, object, str)  # code, EligibilityState or None (object: None travels), comment
    typing_changed = Signal()  # a reason typed (or a flag without one) waits to be sent, or was sent

    def __init__(
        self,
        standard: Standard,
        figures: Mapping[str, Decimal] | None,
        names: Mapping[str, FigureLabel] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("figureBox")
        self._standard, self._figures, self._names = standard, dict(figures or {}), dict(names or {})
        self.code: str | None = None
        self._sent: tuple[EligibilityState | None, str] = (None, "")
        self.unsent = False
        self.figure_label = QLabel(objectName="figureValue")  # no wrap: its lines keep their height
        self.figure_caption = QLabel()
        self.points_label = QLabel(objectName="figurePoints")
        self.points_caption = QLabel()
        self.confirm = QRadioButton(objectName="figureConfirm")
        self.flag = QRadioButton(objectName="figureFlag")
        self.group = QButtonGroup(self)
        self.group.addButton(self.confirm)
        self.group.addButton(self.flag)
        self.confirm.clicked.connect(self._chosen)
        self.flag.clicked.connect(self._chosen)
        self.comment = QLineEdit(objectName="figureComment")
        self.comment.textEdited.connect(self._typed)
        self.comment.editingFinished.connect(self._reason_done)
        self.comment_caption = QLabel()
        self.comment_caption.setBuddy(self.comment)
        self.hint = QLabel(objectName="figureHint")
        choices = QHBoxLayout()
        choices.addWidget(self.confirm)
        choices.addWidget(self.flag)
        choices.addStretch(1)
        form = QFormLayout(self)
        form.addRow(self.figure_caption, self.figure_label)
        form.addRow(self.points_caption, self.points_label)
        form.addRow("", choices)
        form.addRow(self.comment_caption, self.comment)
        form.addRow("", self.hint)
        self.retranslate()

    # --- showing ----------------------------------------------------------------------------
    def show_code(self, code: str | None, state: ReviewState | None) -> None:
        """Show objective leaf ``code`` with the expert's answer from ``state`` (a reason being typed
        for the same leaf stays as typed)."""
        same = code == self.code
        self.code = code
        self._show_figure()
        answer = None if state is None or code is None else state.figures.get(code)
        sent_state = None if answer is None else answer.state
        sent_comment = "" if answer is None else (answer.comment or "")
        self._sent = (sent_state, sent_comment)
        if same and self.unsent:
            return  # the expert is typing the reason for this figure: keep it
        self.group.setExclusive(False)
        self.confirm.setChecked(sent_state is EligibilityState.CONFIRMED)
        self.flag.setChecked(sent_state is EligibilityState.FLAGGED)
        self.group.setExclusive(True)
        self.comment.setText(sent_comment)
        self._mark()
        self._fit()

    def _fit(self) -> None:
        """Never squeezed below what it shows (the boxes under the description scroll instead)."""
        self.setMinimumHeight(self.sizeHint().height())

    def _show_figure(self) -> None:
        code = self.code
        if code is None or not self._standard.has_criterion(code):
            return
        leaf = self._standard.criterion(code)
        spec = leaf.objective
        if spec is None:
            return
        try:
            value = figure_value(spec, self._figures)
            points = objective_points(leaf, self._figures, self._standard.aggregation.decimal_places)
        except InvalidInput as exc:  # a package sealed without the figure (sealing refuses that)
            self.figure_label.setText(str(exc))
            self.points_label.setText("—")
            return
        parts = [self._figure_text(spec.figure)]
        if spec.relative_to is not None:
            parts.append(self._figure_text(spec.relative_to))
            text = f"{parts[0]}\n− {parts[1]}\n= {labels.number(value)}"  # a formula: no words
        else:
            text = parts[0]
        self.figure_label.setText(text)
        self.points_label.setText(
            self.tr("{points} of {max} (computed from the figure; not scored by hand)").format(
                points=labels.number(points), max=labels.number(leaf.points)
            )
        )

    def _figure_text(self, code: str) -> str:
        value = self._figures.get(code)
        shown = "—" if value is None else labels.number(value)
        label = self._names.get(code.removeprefix("national:"))
        if label is None:
            return f"{code} {shown}"
        lang = i18n.language()
        name, unit = label.name.text(lang), label.unit.text(lang)
        if code.startswith("national:"):
            name = self.tr("national {name}").format(name=name)
        return f"{name} {shown} {unit}"

    def set_read_only(self, read_only: bool) -> None:
        for widget in (self.confirm, self.flag, self.comment):
            widget.setEnabled(not read_only)

    # --- input ------------------------------------------------------------------------------
    def _chosen(self) -> None:
        self._mark()
        self._send()
        if self.flag.isChecked() and not self.comment.text().strip():
            self.comment.setFocus()

    def _typed(self, _text: str) -> None:
        self._mark()
        self._set_unsent(True)

    def _reason_done(self) -> None:
        if self.confirm.isChecked() or self.flag.isChecked():
            self._send()

    def _send(self) -> None:
        code = self.code
        if code is None:
            return
        comment = self.comment.text().strip()
        if self.flag.isChecked() and not comment:
            self._set_unsent(True)
            return  # a flag is sent with its reason
        state = EligibilityState.FLAGGED if self.flag.isChecked() else EligibilityState.CONFIRMED
        self._set_unsent(False)
        if (state, comment) != self._sent:
            self._sent = (state, comment)
            self.checked.emit(code, state, comment)

    def flush(self) -> None:
        """Send the reason being typed (on closing or leaving the indicator)."""
        if self.unsent:
            self._send()

    def _set_unsent(self, unsent: bool) -> None:
        if self.unsent != unsent:
            self.unsent = unsent
            self.typing_changed.emit()

    def _mark(self) -> None:
        needs = self.flag.isChecked() and not self.comment.text().strip()
        self.comment.setStyleSheet(REQUIRED_STYLE if needs else "")
        self.hint.setVisible(self.flag.isChecked())
        self._fit()

    # --- texts ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setTitle(self.tr("Objective indicator: check the figure"))
        self.figure_caption.setText(self.tr("Figure"))
        self.points_caption.setText(self.tr("Points"))
        self.confirm.setText(self.tr("&Confirm the figure"))
        self.flag.setText(self.tr("&Flag the figure"))
        self.comment_caption.setText(self.tr("Reason"))
        self.comment.setPlaceholderText(self.tr("Required when you flag the figure; Enter saves it"))
        self.hint.setText(self.tr("A flag needs evidence: add it below."))
        self._show_figure()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

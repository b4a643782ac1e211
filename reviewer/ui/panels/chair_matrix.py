"""The chair's matrix page: the score matrix, the selected cell's comment and evidence, the decision
buttons, and the conclusion as the engine computes it now.

Presentation only: the numbers come from a :class:`~reviewer.scoring.result.Reconciliation`
(through :class:`~reviewer.ui.models.matrix_model.MatrixModel`); the chair panel decides what the
buttons do and recomputes after every decision. While a signature on the record fixes the decisions
(:meth:`MatrixPage.set_locked`), the decision buttons are disabled and the reason shown.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStyleOptionHeader,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reviewer.scoring.result import Reconciliation
from reviewer.standards.model import Standard, YesNoEffect
from reviewer.ui import labels, palette
from reviewer.ui.guide_help import HelpButton
from reviewer.ui.models.matrix_model import INDICATOR, CodeRole, ExpertRole, MatrixModel, MatrixSortProxy
from reviewer.ui.panels.chair_decisions import LOCK_STYLE

INDICATOR_WIDTH = 136  # the indicator's code and title, elided (the tooltip has the whole title)

RESULT_STYLE = "QLabel {{ font-weight: bold; font-size: 15px; color: {colour}; }}"


class SortHeader(QHeaderView):
    """A header whose arrow points the way people read it: up (▲) for ascending, as Windows and most
    spreadsheets draw it. (Qt draws ascending as a down arrow, so the standard's order 1.1 → 6.3 was
    shown with ▼, and 6.3 → 1.1 with ▲.)"""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setSectionsClickable(True)
        self.setHighlightSections(True)

    def initStyleOptionForIndex(self, option: QStyleOptionHeader, logicalIndex: int) -> None:
        super().initStyleOptionForIndex(option, logicalIndex)
        if self.isSortIndicatorShown() and logicalIndex == self.sortIndicatorSection():
            ascending = self.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
            option.sortIndicator = (
                QStyleOptionHeader.SortIndicator.SortUp
                if ascending
                else QStyleOptionHeader.SortIndicator.SortDown
            )


class MatrixPage(QWidget):
    cell_selected = Signal(str, str)  # expert id ("" outside expert columns), indicator code
    consensus_requested = Signal(str)  # code
    explanation_requested = Signal(str, str)  # expert id, code
    return_requested = Signal(str, str)  # expert id, code
    expert: str  # the selected cell's expert id ("" outside expert columns) and indicator code
    code: str

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chairMatrix")
        self.model = MatrixModel(self)
        self._indicator_sized = False  # once: a width the chair set by dragging is kept
        self.proxy = MatrixSortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(objectName="matrixTable")
        self.table.setHorizontalHeader(SortHeader(self.table))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        # the standard's order, the arrow saying ascending (a header's default order is descending)
        self.table.sortByColumn(INDICATOR, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(36)
        self.model.modelReset.connect(self._fit_columns)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        self.details_box = QGroupBox()
        self.details = QLabel(objectName="cellDetails", wordWrap=True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.consensus_button = QPushButton(objectName="setConsensus")
        self.explanation_button = QPushButton(objectName="enterExplanation")
        self.return_button = QPushButton(objectName="returnSheet")
        for button in (self.consensus_button, self.explanation_button, self.return_button):
            button.setEnabled(False)
        self.consensus_button.clicked.connect(lambda: self.consensus_requested.emit(self.code))
        self.explanation_button.clicked.connect(
            lambda: self.explanation_requested.emit(self.expert, self.code)
        )
        self.return_button.clicked.connect(lambda: self.return_requested.emit(self.expert, self.code))
        box = QVBoxLayout(self.details_box)
        box.addWidget(self.details, 1)
        for button in (self.consensus_button, self.explanation_button, self.return_button):
            box.addWidget(button)

        self.conclusion_box = QGroupBox()
        self.result = QLabel(objectName="conclusionResult", wordWrap=True)
        self.facts = QLabel(objectName="conclusionFacts", wordWrap=True)
        self.reasons = QLabel(objectName="conclusionReasons", wordWrap=True)
        cbox = QVBoxLayout(self.conclusion_box)
        for widget in (self.result, self.facts, self.reasons):
            widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            cbox.addWidget(widget)
        cbox.addStretch(1)

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.details_box, 3)
        side_layout.addWidget(self.conclusion_box, 2)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setSizes([1000, 230])
        side.setMinimumWidth(220)
        side.setMaximumWidth(340)
        self.hint = QLabel(objectName="matrixHint", wordWrap=True)
        self.lock_label = QLabel(objectName="matrixLocked", wordWrap=True)
        self.lock_label.setStyleSheet(LOCK_STYLE)
        self.lock_label.hide()
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.hint, 1)
        self.help_button = HelpButton("chair", "decisions")
        top.addWidget(self.help_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        layout.addWidget(self.lock_label)
        layout.addWidget(splitter, 1)
        self.expert, self.code = "", ""
        self.locked = ""
        self._standard: Standard | None = None
        self._rec: Reconciliation | None = None
        self.retranslate()

    # --- content ----------------------------------------------------------------------------
    def show_matrix(
        self, standard: Standard, rec: Reconciliation | None, experts: list, error: str = ""
    ) -> None:
        keep = (self.expert, self.code)
        self._standard, self._rec = standard, rec
        self.model.set_reconciliation(standard, rec, experts)
        self.show_conclusion(rec, error)
        if rec is not None and keep[1]:
            self.select(keep[1], keep[0])
        else:
            self._set_current("", "")

    def _fit_columns(self) -> None:
        """The indicator column a fixed width (elided; the chair may widen it), the numbers their
        contents: the spread (极差) stays in view at 1024 px."""
        header = self.table.horizontalHeader()
        if header.count() > INDICATOR:
            header.setSectionResizeMode(INDICATOR, QHeaderView.ResizeMode.Interactive)
            if not self._indicator_sized:
                header.resizeSection(INDICATOR, INDICATOR_WIDTH)
                self._indicator_sized = True

    def select(self, code: str, expert_id: str = "") -> None:
        """Select the cell of ``code`` (the expert's score, else the indicator) in the view."""
        if self._rec is None or not any(i.code == code for i in self._rec.indicators):
            return
        column = 0
        if expert_id and any(e.expert_id == expert_id for e in self.model.experts):
            column = self.model.expert_column(expert_id)
        index = self.proxy.mapFromSource(self.model.index(self.model.row_of(code), column))
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)

    def set_locked(self, reason: str) -> None:
        """No decision from the matrix while ``reason`` says why ("": decisions allowed again)."""
        self.locked = reason
        self.lock_label.setText(reason)
        self.lock_label.setVisible(bool(reason))
        self._update_buttons()

    def sort_by_spread(self) -> None:
        self.table.sortByColumn(self.model.column_of("spread"), Qt.SortOrder.DescendingOrder)

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            self._set_current("", "")
            return
        index = indexes[0]
        self._set_current(index.data(ExpertRole) or "", index.data(CodeRole) or "")

    def _set_current(self, expert: str, code: str) -> None:
        self.expert, self.code = expert, code
        self._update_buttons()
        if not code:
            self.details.setText(self.tr("Select a score to read the expert's comment and evidence."))
        self.cell_selected.emit(expert, code)

    def _update_buttons(self) -> None:
        expert, code, open_ = self.expert, self.code, not self.locked
        scored = bool(
            expert and code and self._rec and self._rec.indicator(code).score_of(expert) is not None
        )
        objective = self._rec.objective_of(code) if code and self._rec else None
        if objective is not None and expert:  # a figure's check can be returned for correction too
            scored = expert in objective.confirmed or any(f.expert_id == expert for f in objective.flags)
        computed = bool(code and self._rec and self._rec.objective_of(code))  # objective: no consensus
        self.consensus_button.setEnabled(open_ and bool(code) and not computed)
        self.explanation_button.setEnabled(
            open_
            and scored
            and self._rec is not None
            and any(d.expert_id == expert and d.code == code for d in self._rec.divergences)
        )
        self.return_button.setEnabled(open_ and scored)

    def show_conclusion(self, rec: Reconciliation | None, error: str = "") -> None:
        if rec is None:
            self.result.setText(self.tr("No reconciliation yet"))
            self.result.setStyleSheet(RESULT_STYLE.format(colour=palette.MUTED))
            self.facts.setText(error or self.tr("Import the panel's sheets to reconcile them."))
            self.reasons.clear()
            return
        c = rec.conclusion
        colour = {"pass": palette.PASS, "fail": palette.ERROR}.get(c.result or "", palette.WARNING)
        label = c.label.text() if c.label else self.tr("No conclusion")
        self.result.setText(self.tr("Result: {label}").format(label=label))
        self.result.setStyleSheet(RESULT_STYLE.format(colour=colour if c.result else palette.MUTED))
        none = self.tr("none")
        gates = [y for y in rec.yes_no if y.effect is YesNoEffect.GATE]
        vetoes = [y for y in rec.yes_no if y.effect is YesNoEffect.VETO]

        yes, no = self.tr("yes"), self.tr("no")

        def answers(items: list) -> str:
            return ", ".join(f"{y.code} {no if y.panel_no else yes}" for y in items) or none

        lines = [
            self.tr("Total: {total} of {points}").format(
                total=labels.number(rec.total) or "—",
                points=labels.number(self._standard.total_points if self._standard else None),
            ),
            self.tr("Sheets counted: {n} (quorum {q})").format(n=rec.scoring_experts, q=rec.quorum_required),
            self.tr("Vetoes: {items}").format(items=answers(vetoes)),
            self.tr("Gates: {items}").format(items=answers(gates)),
            self.tr("Failed minimums: {codes}").format(codes=", ".join(c.failed_minimums) or none),
            self.tr("Divergent scores: {n}, unexplained: {u}").format(
                n=len(rec.divergences), u=len(rec.unexplained)
            ),
            self.tr("Consensus scores: {n}").format(n=sum(1 for i in rec.indicators if i.consensus)),
        ]
        if rec.objective:  # objective indicators: who flagged which figure (details: select its row)
            named = {e.expert_id: e.name for e in self.model.experts}
            flagged = [f"{code} ({named.get(f.expert_id, f.expert_id[:12])})" for code, f in rec.figure_flags]
            lines.append(self.tr("Flagged figures: {items}").format(items=", ".join(flagged) or none))
        self.facts.setText("\n".join(lines))
        self.reasons.setText("\n".join(f"• {line}" for line in c.explain()))

    # --- texts ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.hint.setText(
            self.tr(
                "Red: a divergence still to be explained or settled; green: explained (hover a cell for the "
                "rule and what is needed). Sort by Spread to find where discussion is needed. The last row "
                "shows each expert's leniency."
            )
        )
        self.details_box.setTitle(self.tr("Selected score"))
        self.table.setAccessibleName(self.tr("Score matrix"))
        self.table.setAccessibleDescription(
            self.tr("One row per indicator, one column per expert; red cells are divergent scores")
        )
        self.conclusion_box.setTitle(self.tr("Conclusion (recomputed after every decision)"))
        self.consensus_button.setText(self.tr("Set a consensus score…"))
        self.explanation_button.setText(self.tr("Enter the expert's explanation…"))
        self.return_button.setText(self.tr("Return the sheet for correction…"))
        self.model.retranslate()
        if not self.code:
            self.details.setText(self.tr("Select a score to read the expert's comment and evidence."))
        if self._standard is not None:
            self.show_conclusion(self._rec)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

"""The chair's matrix: leaf indicators × experts, with the panel's statistics, as a Qt table model.

A read-only adapter over a :class:`~reviewer.scoring.result.Reconciliation` (the engine computed
every number; this model only presents them). Rows are the standard's leaf indicators in order,
then one leniency row: each expert's mean deviation from the panel's aggregate. Columns are the
indicator, its points, each expert's score, then the computed aggregate, the value taken (the
consensus score when the chair set one), mean, median, minimum, maximum, spread and standard
deviation. Divergent scores and spreads carry a background and a tooltip naming the rule.

:class:`MatrixSortProxy` sorts by :data:`SortRole` and keeps the leniency row last, so sorting the
spread column descending brings the indicators that need discussion to the top.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from reviewer import i18n
from reviewer.scoring.result import IndicatorResult, Reconciliation
from reviewer.standards.model import AggregationMethod, Standard
from reviewer.ui import labels, palette

Index = QModelIndex | QPersistentModelIndex

SortRole = Qt.ItemDataRole.UserRole + 1
CodeRole = Qt.ItemDataRole.UserRole + 2  # the row's indicator code ("" on the leniency row)
ExpertRole = Qt.ItemDataRole.UserRole + 3  # the column's expert id ("" outside expert columns)
DivergentRole = Qt.ItemDataRole.UserRole + 4  # True on a divergent score or spread

DIVERGENT = QColor(palette.DIVERGENT)
CONSENSUS = QColor(palette.CONSENSUS)
RECUSED = QColor(palette.RECUSED)
LENIENCY = QColor(palette.LENIENCY)

INDICATOR, POINTS = 0, 1
STATS = ("aggregate", "value", "mean", "median", "minimum", "maximum", "spread", "std_dev")


@dataclass(frozen=True)
class MatrixExpert:
    """One column: the expert's id (certificate fingerprint), the name shown, and whether recused."""

    expert_id: str
    name: str
    recused: bool = False


def _signed(value: Decimal) -> str:
    text = labels.number(value)
    return text if value < 0 else f"+{text}"


class MatrixModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._standard: Standard | None = None
        self._rec: Reconciliation | None = None
        self._experts: tuple[MatrixExpert, ...] = ()
        self._lang = i18n.normalise(i18n.language())

    # --- content ----------------------------------------------------------------------------
    def set_reconciliation(
        self,
        standard: Standard | None,
        reconciliation: Reconciliation | None,
        experts: Sequence[MatrixExpert] = (),
        lang: str | None = None,
    ) -> None:
        """Show ``reconciliation`` (``None``: empty) with ``experts`` as the score columns, in that order."""
        self.beginResetModel()
        self._standard = standard if reconciliation is not None else None
        self._rec = reconciliation
        self._experts = tuple(experts) if reconciliation is not None else ()
        self._lang = i18n.normalise(lang or i18n.language())
        self.endResetModel()

    @property
    def reconciliation(self) -> Reconciliation | None:
        return self._rec

    @property
    def experts(self) -> tuple[MatrixExpert, ...]:
        return self._experts

    def first_stat_column(self) -> int:
        return 2 + len(self._experts)

    def column_of(self, stat: str) -> int:
        return self.first_stat_column() + STATS.index(stat)

    def expert_column(self, expert_id: str) -> int:
        return 2 + next(i for i, e in enumerate(self._experts) if e.expert_id == expert_id)

    def row_of(self, code: str) -> int:
        assert self._rec is not None
        return next(i for i, r in enumerate(self._rec.indicators) if r.code == code)

    def leniency_row(self) -> int:
        return len(self._rec.indicators) if self._rec else -1

    # --- shape ------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._rec is None:
            return 0
        return len(self._rec.indicators) + 1

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._rec is None:
            return 0
        return 2 + len(self._experts) + len(STATS)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or self._rec is None:
            return None
        if not 0 <= section < self.columnCount():
            return None
        expert = self._expert_at(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if section == INDICATOR:
                return self.tr("Indicator")
            if section == POINTS:
                return self.tr("Points")
            if expert is not None:
                return expert.name
            return self._stat_names()[section - self.first_stat_column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            if expert is not None:
                return (
                    self.tr("{name} (recused: the sheet does not count)").format(name=expert.name)
                    if (expert.recused)
                    else expert.name
                )
            if section == self.column_of("aggregate"):
                return self._method_text()
            if section == self.column_of("value"):
                return self.tr(
                    "The value taken: the consensus score where the panel set one, else the aggregate"
                )
        return None

    # --- cells ------------------------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._rec is None:
            return None
        row, col = index.row(), index.column()
        if not (0 <= row < self.rowCount() and 0 <= col < self.columnCount()):
            return None
        expert = self._expert_at(col)
        if role == ExpertRole:
            return expert.expert_id if expert else ""
        if row == self.leniency_row():
            return self._leniency_data(col, expert, role)
        ind = self._rec.indicators[row]
        if role == CodeRole:
            return ind.code
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(ind, col, expert)
        if role == SortRole:
            return self._sort_key(ind, row, col, expert)
        if role == DivergentRole:
            return self._divergent(ind, col, expert)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._background(ind, col, expert)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(ind, col, expert)
        if role == Qt.ItemDataRole.TextAlignmentRole and col != INDICATOR:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and col == self.column_of("value") and ind.consensus is not None:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _expert_at(self, col: int) -> MatrixExpert | None:
        i = col - 2
        return self._experts[i] if 0 <= i < len(self._experts) else None

    def _stat(self, ind: IndicatorResult, col: int) -> Decimal | None:
        return getattr(ind, STATS[col - self.first_stat_column()])

    def _title(self, code: str) -> str:
        assert self._standard is not None
        return self._standard.criterion(code).title.text(self._lang)

    def _text(self, ind: IndicatorResult, col: int, expert: MatrixExpert | None) -> str:
        if col == INDICATOR:
            return f"{ind.code} {self._title(ind.code)}"
        if col == POINTS:
            return labels.number(ind.points)
        if expert is not None:
            if expert.recused:
                return self.tr("recused")
            return labels.number(ind.score_of(expert.expert_id))
        value = self._stat(ind, col)
        text = labels.number(value)
        if col == self.column_of("value") and ind.consensus is not None:
            return self.tr("{value} (consensus)").format(value=text)
        return text

    def _sort_key(self, ind: IndicatorResult, row: int, col: int, expert: MatrixExpert | None) -> Any:
        if col == INDICATOR:
            return row  # standard order
        if col == POINTS:
            return float(ind.points)
        value = None if expert is None else ind.score_of(expert.expert_id)
        if expert is None:
            value = self._stat(ind, col)
        return float("-inf") if value is None else float(value)

    def _divergent(self, ind: IndicatorResult, col: int, expert: MatrixExpert | None) -> bool:
        if expert is not None:
            return expert.expert_id in ind.divergent_experts
        return col == self.column_of("spread") and ind.spread_divergent

    def _background(self, ind: IndicatorResult, col: int, expert: MatrixExpert | None) -> Any:
        if self._divergent(ind, col, expert):
            return QBrush(DIVERGENT)
        if expert is not None and expert.recused:
            return QBrush(RECUSED)
        if col == self.column_of("value") and ind.consensus is not None:
            return QBrush(CONSENSUS)
        return None

    def _tooltip(self, ind: IndicatorResult, col: int, expert: MatrixExpert | None) -> str | None:
        assert self._standard is not None and self._rec is not None
        div = self._standard.divergence
        if expert is not None and expert.expert_id in ind.divergent_experts:
            pct = labels.number(div.percent_from_mean)
            text = self.tr(
                "Divergent: {score} is more than {pct}% away from the panel mean {mean}. "
                "The expert must re-check it and explain it in writing."
            ).format(
                score=labels.number(ind.score_of(expert.expert_id)), pct=pct, mean=labels.number(ind.mean)
            )
            explained = next(
                (
                    d.explanation
                    for d in self._rec.divergences
                    if d.expert_id == expert.expert_id and d.code == ind.code
                ),
                None,
            )
            if explained:
                text += "\n" + self.tr("Explanation: {text}").format(text=explained)
            return text
        if col == self.column_of("spread") and ind.spread_divergent:
            share = div.spread_share_of_points or Decimal(0)
            return self.tr(
                "Divergent: the spread {spread} is more than {share} of the {points} points ({limit})."
            ).format(
                spread=labels.number(ind.spread),
                share=labels.share(share),
                points=labels.number(ind.points),
                limit=labels.number(share * ind.points),
            )
        if col == self.column_of("value") and ind.consensus is not None:
            c = ind.consensus
            return self.tr("Consensus score {value} (computed {aggregate}). Rationale: {why}").format(
                value=labels.number(c.value), aggregate=labels.number(ind.aggregate), why=c.rationale
            )
        if col == INDICATOR:
            return self._title(ind.code)
        return None

    def _leniency_data(self, col: int, expert: MatrixExpert | None, role: int) -> Any:
        assert self._rec is not None
        found = None
        if expert is not None:
            found = next((x for x in self._rec.leniency if x.expert_id == expert.expert_id), None)
        if role == CodeRole:
            return ""
        if role == Qt.ItemDataRole.DisplayRole:
            if col == INDICATOR:
                return self.tr("Leniency (mean deviation from the panel)")
            return _signed(found.mean_deviation) if found else ""
        if role == SortRole:
            return float(found.mean_deviation) if found else float("-inf")
        if role == DivergentRole:
            return False
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(LENIENCY)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col != INDICATOR:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and found is not None:
            return self.tr(
                "Mean deviation from the panel's aggregate: {signed} (above 0: more lenient, below 0: stricter); "
                "mean absolute deviation {abs}."
            ).format(signed=_signed(found.mean_deviation), abs=labels.number(found.mean_abs_deviation))
        return None

    # --- texts ------------------------------------------------------------------------------
    def _stat_names(self) -> list[str]:
        return [
            self.tr("Aggregate"),
            self.tr("Value"),
            self.tr("Mean"),
            self.tr("Median"),
            self.tr("Min"),
            self.tr("Max"),
            self.tr("Spread"),
            self.tr("SD"),
        ]

    def _method_text(self) -> str:
        assert self._standard is not None
        agg = self._standard.aggregation
        names = {
            AggregationMethod.MEAN: self.tr("mean"),
            AggregationMethod.MEDIAN: self.tr("median"),
            AggregationMethod.TRIMMED_MEAN: self.tr(
                "trimmed mean (highest and lowest dropped from {n} experts)"
            ).format(n=agg.trim_from_panel_size),
        }
        return self.tr("Computed aggregate: {method}, rounded half up to {places} decimal places").format(
            method=names.get(agg.method, str(agg.method)), places=agg.decimal_places
        )

    def retranslate(self) -> None:
        self._lang = i18n.normalise(i18n.language())  # the standard's titles in the new language
        if self.columnCount():
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))


class MatrixSortProxy(QSortFilterProxyModel):
    """Sorts by :data:`SortRole`; the leniency row stays last whichever way a column is sorted."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SortRole)

    def lessThan(self, left: Index, right: Index) -> bool:
        source = self.sourceModel()
        last = source.rowCount() - 1 if source is not None else -1
        if left.row() == last or right.row() == last:
            left_last = left.row() == last
            descending = self.sortOrder() == Qt.SortOrder.DescendingOrder
            return left_last == descending if left.row() != right.row() else False
        return super().lessThan(left, right)

"""The chair's matrix: leaf indicators × experts, with the panel's statistics, as a Qt table model.

A read-only adapter over a :class:`~reviewer.scoring.result.Reconciliation` (the engine computed
every number; this model only presents them). Rows are the standard's leaf indicators in order,
then one leniency row: each expert's mean deviation from the panel's aggregate. Columns are the
indicator, its points, each expert's score, then the computed aggregate, the value taken (the
consensus score when the chair set one), mean, median, minimum, maximum, spread and standard
deviation. Only divergent scores and spreads carry a background, with a tooltip naming the rule: red
while the divergence still needs the expert's explanation (or, for a spread, the panel's consensus
score), green once it is recorded. Each column keeps one precision: the scores' columns (points, the
experts, minimum, maximum, spread) the places of the standard's score steps, the computed columns
(aggregate, value, mean, median, SD, leniency) the places the standard rounds aggregates to; sorting
uses the exact values.

:class:`MatrixSortProxy` sorts by :data:`SortRole` and keeps the leniency row last, so sorting the
spread column descending brings the indicators that need discussion to the top.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
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
ExplainedRole = Qt.ItemDataRole.UserRole + 5  # True on a divergence explained (a spread: by a consensus)

DIVERGENT = QColor(palette.DIVERGENT)
EXPLAINED = QColor(palette.EXPLAINED)
CONSENSUS = QColor(palette.CONSENSUS)
RECUSED = QColor(palette.RECUSED)
LENIENCY = QColor(palette.LENIENCY)

INDICATOR, POINTS = 0, 1
# the spread first after the values taken: at 1024 px the columns that need discussion stay in view
STATS = ("aggregate", "value", "spread", "minimum", "maximum", "mean", "median", "std_dev")
SCORE_STATS = ("minimum", "maximum", "spread")  # in the scores' precision; the others computed


@dataclass(frozen=True)
class MatrixExpert:
    """One column: the expert's id (certificate fingerprint), the name shown, and whether recused."""

    expert_id: str
    name: str
    recused: bool = False


def places_of(value: Decimal) -> int:
    """The decimal places ``value`` is written with (``0.5`` → 1, ``8`` → 0)."""
    exponent = value.normalize().as_tuple().exponent
    return max(-exponent, 0) if isinstance(exponent, int) else 0


def fixed(value: Decimal | None, places: int) -> str:
    """``value`` rounded half up to ``places`` (shown with exactly that many); empty for None."""
    if value is None:
        return ""
    return format(value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP), "f")


def _signed(value: Decimal, places: int) -> str:
    text = fixed(value, places)
    return text if value < 0 else f"+{text}"


@dataclass(frozen=True)
class Proposal:
    """A consensus change proposed on an indicator, as the value column shows it: the value proposed,
    its status (待表决 / 已通过 / 未通过) and the tally with the ground (the tooltip)."""

    value: Decimal
    status: str
    detail: str
    adopted: bool


class MatrixModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._standard: Standard | None = None
        self._rec: Reconciliation | None = None
        self._experts: tuple[MatrixExpert, ...] = ()
        self._lang = i18n.normalise(i18n.language())
        self.score_places = 0  # the places of the standard's score steps and points
        self.stat_places = 0  # the places aggregates are rounded to
        self._proposals: dict[str, Proposal] = {}

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
        if standard is not None:
            leaves = standard.leaves()
            self.score_places = max(
                (places_of(v) for leaf in leaves for v in (leaf.step or Decimal(1), leaf.points)), default=0
            )
            self.stat_places = standard.aggregation.decimal_places
        self.endResetModel()

    def set_proposals(self, proposals: Mapping[str, Proposal]) -> None:
        """The consensus changes proposed (code → proposal): a change not adopted is marked beside
        the computed aggregate, which stays the value taken."""
        self._proposals = dict(proposals)
        if self._rec is not None and self.rowCount():
            col = self.column_of("value")
            self.dataChanged.emit(self.index(0, col), self.index(self.rowCount() - 1, col))

    def proposal(self, code: str) -> Proposal | None:
        return self._proposals.get(code)

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
        if role == ExplainedRole:
            return self._divergent(ind, col, expert) and self._explained(ind, col, expert)
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

    def column_places(self, col: int) -> int:
        """The one precision of column ``col``'s numbers."""
        if col == POINTS or self._expert_at(col) is not None:
            return self.score_places
        if col >= self.first_stat_column() and STATS[col - self.first_stat_column()] in SCORE_STATS:
            return self.score_places
        return self.stat_places

    def _text(self, ind: IndicatorResult, col: int, expert: MatrixExpert | None) -> str:
        if col == INDICATOR:
            return f"{ind.code} {self._title(ind.code)}"
        if col == POINTS:
            return fixed(ind.points, self.score_places)
        if expert is not None:
            if expert.recused:
                return self.tr("recused")
            return fixed(ind.score_of(expert.expert_id), self.score_places)
        value = self._stat(ind, col)
        text = fixed(value, self.column_places(col))
        proposal = self._proposals.get(ind.code)
        if col == self.column_of("value") and ind.consensus is not None:
            if proposal is not None:
                return self.tr("{value} (consensus, {status})").format(value=text, status=proposal.status)
            return self.tr("{value} (consensus)").format(value=text)
        if col == self.column_of("value") and proposal is not None:
            return self.tr("{value} (proposed {proposed}, {status})").format(
                value=text, proposed=fixed(proposal.value, self.stat_places), status=proposal.status
            )
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

    def _divergence_of(self, ind: IndicatorResult, expert_id: str) -> str | None:
        """The explanation recorded for ``expert_id``'s divergent score on ``ind`` (None: none yet)."""
        assert self._rec is not None
        return next(
            (d.explanation for d in self._rec.divergences if d.expert_id == expert_id and d.code == ind.code),
            None,
        )

    def _explained(self, ind: IndicatorResult, col: int, expert: MatrixExpert | None) -> bool:
        """A divergent cell whose divergence is settled: the expert's explanation recorded (a score),
        or the panel's consensus score set (the spread)."""
        if expert is not None:
            return bool(self._divergence_of(ind, expert.expert_id))
        return ind.consensus is not None

    def _background(self, ind: IndicatorResult, col: int, expert: MatrixExpert | None) -> Any:
        if self._divergent(ind, col, expert):
            return QBrush(EXPLAINED if self._explained(ind, col, expert) else DIVERGENT)
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
            explained = self._divergence_of(ind, expert.expert_id)
            rule = self.tr("Divergent: {score} is more than {pct}% away from the panel mean {mean}.").format(
                score=fixed(ind.score_of(expert.expert_id), self.score_places),
                pct=pct,
                mean=fixed(ind.mean, self.stat_places),
            )
            if explained:
                return rule + "\n" + self.tr("Explained (recorded): {text}").format(text=explained)
            return rule + "\n" + self.tr("Needed: the expert re-checks it and explains it in writing.")
        if col == self.column_of("spread") and ind.spread_divergent:
            share = div.spread_share_of_points or Decimal(0)
            rule = self.tr(
                "Divergent: the spread {spread} is more than {share} of the {points} points ({limit})."
            ).format(
                spread=fixed(ind.spread, self.score_places),
                share=labels.share(share),
                points=fixed(ind.points, self.score_places),
                limit=labels.number(share * ind.points),
            )
            if ind.consensus is not None:
                return (
                    rule
                    + "\n"
                    + self.tr("Settled: the panel set the consensus score {value}.").format(
                        value=fixed(ind.consensus.value, self.stat_places)
                    )
                )
            return rule + "\n" + self.tr("Needed: the panel discusses it (a consensus score may settle it).")
        proposal = self._proposals.get(ind.code)
        if col == self.column_of("value") and ind.consensus is not None:
            c = ind.consensus
            tip = self.tr("Consensus score {value} (computed {aggregate}). Rationale: {why}").format(
                value=fixed(c.value, self.stat_places),
                aggregate=fixed(ind.aggregate, self.stat_places),
                why=c.rationale,
            )
            return tip if proposal is None else f"{tip}\n{proposal.detail}"
        if col == self.column_of("value") and proposal is not None:
            return proposal.detail
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
            if col == INDICATOR:  # short: the indicator column is narrow at 1024 px; the tooltip says more
                return self.tr("Leniency")
            return _signed(found.mean_deviation, self.stat_places) if found else ""
        if role == SortRole:
            return float(found.mean_deviation) if found else float("-inf")
        if role in (DivergentRole, ExplainedRole):
            return False
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(LENIENCY)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col != INDICATOR:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col == INDICATOR:
            return self.tr(
                "Leniency: each expert's mean deviation from the panel's aggregate "
                "(above 0: more lenient, below 0: stricter)."
            )
        if role == Qt.ItemDataRole.ToolTipRole and found is not None:
            return self.tr(
                "Mean deviation from the panel's aggregate: {signed} (above 0: more lenient, below 0: stricter); "
                "mean absolute deviation {abs}."
            ).format(
                signed=_signed(found.mean_deviation, self.stat_places),
                abs=fixed(found.mean_abs_deviation, self.stat_places),
            )
        return None

    # --- texts ------------------------------------------------------------------------------
    def _stat_names(self) -> list[str]:
        names = {
            "aggregate": self.tr("Aggregate"),
            "value": self.tr("Value"),
            "mean": self.tr("Mean"),
            "median": self.tr("Median"),
            "minimum": self.tr("Min"),
            "maximum": self.tr("Max"),
            "spread": self.tr("Spread"),
            "std_dev": self.tr("SD"),
        }
        return [names[stat] for stat in STATS]

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

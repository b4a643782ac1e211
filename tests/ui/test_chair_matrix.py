"""The matrix model over a reconciliation built from plain scores (no files, no keys): qtmodeltester,
the numbers shown, divergence highlights, recused columns, and sorting with the leniency row last."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from reviewer.scoring.inputs import ConsensusScore, Decisions, ExpertScores, Explanation
from reviewer.scoring.reconcile import reconcile
from reviewer.standards import load_standard
from reviewer.ui import palette
from reviewer.ui.models.matrix_model import (
    CodeRole,
    DivergentRole,
    ExplainedRole,
    MatrixExpert,
    MatrixModel,
    MatrixSortProxy,
    fixed,
)

EXPERTS = ("a" * 64, "b" * 64, "c" * 64, "d" * 64, "e" * 64, "f" * 64)
NAMES = ("王堃", "李喆", "张玥", "陈燊", "赵鑫", "周淼")


pytestmark = pytest.mark.usefixtures("english_ui")


@pytest.fixture
def standard(park_standard_path):
    return load_standard(park_standard_path)


def sheets(standard, outlier: Decimal = Decimal(1)) -> list[ExpertScores]:
    out = []
    for i, expert in enumerate(EXPERTS[:5]):
        scores = {
            leaf.code: (leaf.points * Decimal("0.8") / leaf.step).to_integral_value() * leaf.step
            for leaf in standard.leaves()
        }
        scores["1.2"] = Decimal(i + 1)  # spread 4 of 6 points: divergent by spread
        if i == 3:
            scores["1.1"] = outlier
        out.append(ExpertScores(expert, scores=scores, answers={y.code: True for y in standard.yes_no}))
    out.append(ExpertScores(EXPERTS[5], recused=True))
    return out


def columns(standard, decisions=None) -> tuple[MatrixModel, object]:
    rec = reconcile(standard, sheets(standard), decisions)
    model = MatrixModel()
    experts = [MatrixExpert(e, n, e == EXPERTS[5]) for e, n in zip(EXPERTS, NAMES, strict=True)]
    model.set_reconciliation(standard, rec, experts, lang="zh_CN")
    return model, rec


def test_matrix_model_passes_qtmodeltester(qtmodeltester, standard) -> None:
    model, _ = columns(standard)
    qtmodeltester.check(model)
    proxy = MatrixSortProxy()
    proxy.setSourceModel(model)
    proxy.sort(model.column_of("spread"), Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(proxy)
    empty = MatrixModel()
    qtmodeltester.check(empty)
    assert empty.rowCount() == 0 and empty.columnCount() == 0


def test_matrix_shows_the_engines_numbers_and_divergences(standard) -> None:
    model, rec = columns(standard)
    assert model.rowCount() == len(standard.leaves()) + 1
    assert model.columnCount() == 2 + 6 + 8
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[:8] == ["Indicator", "Points", *NAMES]
    assert headers[8:] == ["Aggregate", "Value", "Spread", "Min", "Max", "Mean", "Median", "SD"]
    row = model.row_of("1.1")
    one = rec.indicator("1.1")
    assert model.index(row, 0).data() == "1.1 软件业务收入" and model.index(row, 0).data(CodeRole) == "1.1"
    assert model.index(row, model.column_of("aggregate")).data() == fixed(one.aggregate, 2)
    assert model.index(row, model.column_of("std_dev")).data() == fixed(one.std_dev, 2)
    outlier = model.index(row, model.expert_column(EXPERTS[3]))
    assert outlier.data() == fixed(Decimal(1), model.score_places) and outlier.data(DivergentRole) is True
    assert "30%" in outlier.data(Qt.ItemDataRole.ToolTipRole)
    normal = model.index(row, model.expert_column(EXPERTS[0]))
    assert normal.data(DivergentRole) is False and normal.data(Qt.ItemDataRole.BackgroundRole) is None
    spread = model.index(model.row_of("1.2"), model.column_of("spread"))
    assert spread.data() == fixed(Decimal(4), model.score_places) and spread.data(DivergentRole) is True
    assert "50%" in spread.data(Qt.ItemDataRole.ToolTipRole) and "(3)" in spread.data(
        Qt.ItemDataRole.ToolTipRole
    )
    recused = model.index(row, model.expert_column(EXPERTS[5]))
    assert recused.data() == "recused" and recused.data(Qt.ItemDataRole.BackgroundRole) is not None
    lenient = model.index(model.leniency_row(), model.expert_column(EXPERTS[3]))
    assert lenient.data().startswith("-")
    # short enough for the indicator column at 1024 px, whole in the tooltip
    label = model.index(model.leniency_row(), 0)
    assert label.data() == "Leniency"
    assert label.data(Qt.ItemDataRole.ToolTipRole).startswith("Leniency: each expert's mean deviation")


def test_consensus_is_shown_with_its_rationale(standard) -> None:
    consensus = ConsensusScore(Decimal(5), "专家组一致认为", "a" * 64, "2026-06-17T08:00:00Z")
    model, rec = columns(standard, Decisions(consensus={"1.1": consensus}))
    cell = model.index(model.row_of("1.1"), model.column_of("value"))
    assert cell.data() == "5.00 (consensus)"
    assert "专家组一致认为" in cell.data(Qt.ItemDataRole.ToolTipRole)
    assert cell.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert rec.indicator("1.1").value == Decimal(5)


@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
def test_sorting_by_spread_keeps_leniency_last(standard, order) -> None:
    model, rec = columns(standard)
    proxy = MatrixSortProxy()
    proxy.setSourceModel(model)
    proxy.sort(model.column_of("spread"), order)
    spreads = [proxy.index(r, model.column_of("spread")).data() for r in range(proxy.rowCount() - 1)]
    values = [Decimal(s) for s in spreads]
    assert values == sorted(values, reverse=order == Qt.SortOrder.DescendingOrder)
    assert proxy.index(proxy.rowCount() - 1, 0).data().startswith("Leniency")
    if order == Qt.SortOrder.DescendingOrder:
        top = max(rec.indicators, key=lambda i: i.spread)
        assert proxy.index(0, model.column_of("spread")).data() == fixed(top.spread, model.score_places)


def test_each_column_keeps_one_precision(standard) -> None:
    model, _ = columns(standard)
    assert (model.score_places, model.stat_places) == (1, standard.aggregation.decimal_places) == (1, 2)
    for col in range(1, model.columnCount()):
        texts = [model.index(r, col).data() for r in range(model.rowCount() - 1)]
        numbers = [t for t in texts if t and t != "recused"]
        if not numbers:
            continue  # the recused member's column
        places = {len(t.partition(".")[2]) for t in numbers}
        assert places == {model.column_places(col)}, (model.headerData(col, Qt.Orientation.Horizontal), texts)
    mean = model.index(model.row_of("1.2"), model.column_of("mean")).data()
    assert (
        mean == "3.00" and model.index(model.row_of("1.2"), model.expert_column(EXPERTS[0])).data() == "1.0"
    )


def test_only_divergent_cells_are_marked_and_turn_explained_once_recorded(standard) -> None:
    model, _ = columns(standard)
    row = model.row_of("1.1")
    outlier = model.index(row, model.expert_column(EXPERTS[3]))
    red = QColor(palette.DIVERGENT)
    marked = [
        (r, c)
        for r in range(model.rowCount() - 1)
        for c in range(model.columnCount())
        if model.index(r, c).data(Qt.ItemDataRole.BackgroundRole) is not None
        and model.index(r, c).data(Qt.ItemDataRole.BackgroundRole).color() == red
    ]
    divergent = {
        (r, c)
        for r in range(model.rowCount() - 1)
        for c in range(model.columnCount())
        if model.index(r, c).data(DivergentRole)
    }
    assert set(marked) == divergent and (row, outlier.column()) in divergent
    assert "Needed: the expert re-checks it" in outlier.data(Qt.ItemDataRole.ToolTipRole)
    assert outlier.data(ExplainedRole) is False

    explanation = Explanation(EXPERTS[3], "1.1", "按统计局核实数计。")
    consensus = ConsensusScore(Decimal(3), "专家组讨论后一致认定", "a" * 64, "2026-06-17T08:00:00Z")
    model, _ = columns(standard, Decisions(explanations=(explanation,), consensus={"1.2": consensus}))
    outlier = model.index(row, model.expert_column(EXPERTS[3]))
    assert outlier.data(DivergentRole) is True and outlier.data(ExplainedRole) is True
    assert outlier.data(Qt.ItemDataRole.BackgroundRole).color() == QColor(palette.EXPLAINED)
    tip = outlier.data(Qt.ItemDataRole.ToolTipRole)
    assert "Explained (recorded): 按统计局核实数计。" in tip and "Needed" not in tip
    spread = model.index(model.row_of("1.2"), model.column_of("spread"))
    assert spread.data(ExplainedRole) is True
    assert spread.data(Qt.ItemDataRole.BackgroundRole).color() == QColor(palette.EXPLAINED)
    assert "Settled: the panel set the consensus score 3.00." in spread.data(Qt.ItemDataRole.ToolTipRole)
    # a divergent score on 1.2 still unexplained stays red though the spread is settled
    still = [
        model.index(model.row_of("1.2"), model.expert_column(e))
        for e in EXPERTS[:5]
        if model.index(model.row_of("1.2"), model.expert_column(e)).data(DivergentRole)
    ]
    assert still and all(c.data(Qt.ItemDataRole.BackgroundRole).color() == red for c in still)

"""Vetoes, gates, star thresholds and rounding edges, against hand-computed values."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from reconcile_fixtures import d, leaf, make_standard, node, sheets_from_table, yes_no

from reviewer.scoring.inputs import ExpertScores
from reviewer.scoring.reconcile import reconcile
from reviewer.standards import load_standard

STANDARDS = Path(__file__).resolve().parents[2] / "reviewer" / "resources" / "standards"
THREE = ["e1", "e2", "e3"]


def yes(*codes: str) -> dict[str, bool]:
    return dict.fromkeys(codes, True)


def annual_standard():
    # C (100) = C1 (60) + C2 (40); veto V1 any_no; gates G1, G2 majority_no.
    return make_standard(
        [node("C", leaf("C1", 60), leaf("C2", 40))],
        kind="annual",
        items=[
            yes_no("V1", "veto", "any_no"),
            yes_no("G1", "gate", "majority_no"),
            yes_no("G2", "gate", "majority_no"),
        ],
        rules=[
            {"result": "3", "min_total": 85, "gates": ["G1", "G2"]},
            {"result": "2", "min_total": 70, "gates": ["G1"]},
            {"result": "1"},
        ],
    )


# C1: 52, 51, 53 -> mean 156/3 = 52.00; C2: 36, 35, 34 -> 105/3 = 35.00; total 87.00
ANNUAL = {"C1": ["52", "51", "53"], "C2": ["36", "35", "34"]}


def test_three_stars_when_every_gate_holds() -> None:
    answers = {e: yes("V1", "G1", "G2") for e in THREE}
    rec = reconcile(annual_standard(), sheets_from_table(ANNUAL, THREE, answers=answers))
    assert rec.total == d("87.00")
    assert rec.conclusion.result == "3"
    assert rec.conclusion.label.zh == "三星"


def test_star_threshold_with_a_failed_gate() -> None:
    # G2: e1 and e2 say no -> 2 of 3 > half -> the panel's answer is no; 87 >= 85 but gate G2 failed -> 2 stars
    answers = {
        "e1": {**yes("V1", "G1"), "G2": False},
        "e2": {**yes("V1", "G1"), "G2": False},
        "e3": yes("V1", "G1", "G2"),
    }
    rec = reconcile(annual_standard(), sheets_from_table(ANNUAL, THREE, answers=answers))
    g2 = rec.answer("G2")
    assert (g2.no_count, g2.panel_no) == (2, True)
    c = rec.conclusion
    assert (c.result, c.rule_index, c.failed_gates, c.vetoed) == ("2", 1, ("G2",), False)
    assert c.trace[0].total_met is True and c.trace[0].failed_gates == ("G2",)
    assert "G2" in c.explain()[0].render("en")


def test_one_no_is_not_a_majority() -> None:
    # G2: only e1 says no -> 1 of 3 is not more than half -> the gate holds -> 3 stars
    answers = {
        "e1": {**yes("V1", "G1"), "G2": False},
        "e2": yes("V1", "G1", "G2"),
        "e3": yes("V1", "G1", "G2"),
    }
    rec = reconcile(annual_standard(), sheets_from_table(ANNUAL, THREE, answers=answers))
    assert rec.answer("G2").panel_no is False
    assert rec.result == "3"


def test_failed_first_gate_gives_one_star() -> None:
    answers = {e: {**yes("V1", "G2"), "G1": False} for e in THREE}
    rec = reconcile(annual_standard(), sheets_from_table(ANNUAL, THREE, answers=answers))
    assert rec.result == "1" and rec.conclusion.failed_gates == ("G1",) and rec.conclusion.rule_index == 2


def test_a_veto_decides_whatever_the_score() -> None:
    # V1 any_no: one expert's "no" is the panel's "no" -> on_veto "1", vetoed
    answers = {
        "e1": yes("V1", "G1", "G2"),
        "e2": {**yes("G1", "G2"), "V1": False},
        "e3": yes("V1", "G1", "G2"),
    }
    rec = reconcile(annual_standard(), sheets_from_table(ANNUAL, THREE, answers=answers))
    c = rec.conclusion
    assert (c.result, c.reason, c.vetoed, c.vetoed_by, c.rule_index, c.trace) == (
        "1",
        "veto",
        True,
        ("V1",),
        None,
        (),
    )
    assert rec.total == d("87.00")  # the arithmetic stays visible


def test_sample_annual_standard_with_a_failed_gate() -> None:
    std = load_standard(STANDARDS / "sample-city-annual.json")
    # every expert gives full points on every leaf -> each aggregate = its points; total = 100
    full = {leaf.code: leaf.points for leaf in std.leaves()}
    sheets = [
        ExpertScores("e1", scores=full, answers={"V1": True, "G1": True, "G2": False}),
        ExpertScores("e2", scores=full, answers={"V1": True, "G1": True, "G2": False}),
        ExpertScores("e3", scores=full, answers={"V1": True, "G1": True, "G2": True}),
    ]
    rec = reconcile(std, sheets)
    assert rec.total == Decimal(100)
    assert rec.conclusion.result == "2"  # 100 >= 85 but G2 failed (2 of 3 say no); 100 >= 70 with G1
    assert rec.conclusion.failed_gates == ("G2",)


@pytest.mark.parametrize(
    ("combine", "nos", "panel_no"),
    [
        ("any_no", 0, False),
        ("any_no", 1, True),
        ("majority_no", 2, False),
        ("majority_no", 3, True),  # of 5: 2*2=4 > 5 no; 2*3=6 > 5 yes
        ("all_no", 4, False),
        ("all_no", 5, True),
    ],
)
def test_veto_combine_rules(combine: str, nos: int, panel_no: bool) -> None:
    std = make_standard([node("A", leaf("A1", 10))], items=[yes_no("V1", "veto", combine)], quorum=5)
    experts = [f"e{i}" for i in range(5)]
    answers = {e: {"V1": i >= nos} for i, e in enumerate(experts)}
    rec = reconcile(std, sheets_from_table({"A1": ["5"] * 5}, experts, answers=answers))
    assert rec.answer("V1").panel_no is panel_no
    assert rec.conclusion.vetoed is panel_no


def test_recused_answers_do_not_count() -> None:
    std = make_standard([node("A", leaf("A1", 10))], items=[yes_no("V1", "veto", "any_no")], quorum=2)
    sheets = sheets_from_table(
        {"A1": ["5", "6", "7"]}, THREE, answers={"e1": {"V1": True}, "e2": {"V1": True}}, recused=["e3"]
    )
    sheets[2] = ExpertScores("e3", recused=True, answers={"V1": False})
    rec = reconcile(std, sheets)
    assert rec.conclusion.vetoed is False and rec.answer("V1").no_count == 0


@pytest.mark.parametrize(
    ("places", "step", "scores", "expected"),
    [
        (1, 0.5, ["7", "7.5"], "7.3"),  # 7.25 -> 7.3 (half up; half-even would give 7.2)
        (0, 1, ["2", "3"], "3"),  # 2.5 -> 3 (half-even would give 2)
        (2, 0.01, ["8.02", "8.03"], "8.03"),  # 8.025 -> 8.03 (binary floats make 8.025 8.02499...)
        (2, 0.01, ["8.01", "8.02"], "8.02"),  # 8.015 -> 8.02
        (2, 0.01, ["8", "8", "8.01"], "8.00"),  # 24.01 / 3 = 8.00333... -> 8.00
        (2, 0.01, ["8", "8.01", "8.01"], "8.01"),  # 24.02 / 3 = 8.00666... -> 8.01
        (3, 0.001, ["1.004", "1.005"], "1.005"),  # 1.0045 -> 1.005 (half-even would give 1.004)
        (3, 0.001, ["0.001", "0.002", "0.002", "0.002"], "0.002"),  # 0.007 / 4 = 0.00175 -> 0.002
    ],
)
def test_rounding_half_up_edges(places: int, step: float, scores: list[str], expected: str) -> None:
    std = make_standard(
        [node("A", leaf("A1", 10, step=step))], decimal_places=places, quorum=1, percent=None, share=0.9
    )
    experts = [f"e{i}" for i in range(len(scores))]
    rec = reconcile(std, sheets_from_table({"A1": scores}, experts))
    agg = rec.indicator("A1").aggregate
    assert agg == d(expected)
    assert agg.as_tuple().exponent == -places  # always exactly decimal_places digits

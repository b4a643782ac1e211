"""Numeric gates in the conclusion: applied after the rules when the figures are given, never to a veto."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from reconcile_fixtures import leaf, make_standard, node, sheets_from_table, yes_no

from reviewer.scoring.reconcile import reconcile
from reviewer.scoring.result import Reconciliation
from reviewer.standards import Standard, load_bytes
from reviewer.standards.objective import MissingFigure

THREE = ["e1", "e2", "e3"]
# C1: 52, 51, 53 -> 52.00; C2: 36, 35, 34 -> 35.00; total 87.00 -> rule "3"
ANNUAL = {"C1": ["52", "51", "53"], "C2": ["36", "35", "34"]}
T = {"zh": "测试", "en": "test"}


def gated() -> Standard:
    doc = {
        "format": "reviewer.standard/1",
        "id": "TEST",
        "version": "1",
        "kind": "annual",
        "candidate_type": "city",
        "title": T,
        "criteria": [node("C", leaf("C1", 60), leaf("C2", 40))],
        "yes_no_items": [yes_no("V1", "veto", "any_no")],
        "numeric_gates": [
            {"code": "NG1", "title": {"zh": "收入门槛", "en": "Revenue gate"}, "figure": "software_revenue",
             "min": 100, "effect": "cap", "cap": "1"},
            {"code": "NG2", "title": {"zh": "增速门槛", "en": "Growth gate"}, "figure": "software_revenue_growth",
             "relative_to": "national:software_revenue_growth", "min": 0, "effect": "cap", "cap": "2"},
        ],
        "aggregation": {"method": "mean", "decimal_places": 2},
        "quorum": {"min_experts": 3},
        "conclusion": {"on_veto": "1", "rules": [{"result": "3", "min_total": 85}, {"result": "2", "min_total": 70}, {"result": "1"}]},
    }  # fmt: skip
    return load_bytes(json.dumps(doc).encode(), "gated")


def figures(revenue: str, growth: str, national: str = "10.0") -> dict[str, Decimal]:
    return {
        "software_revenue": Decimal(revenue),
        "software_revenue_growth": Decimal(growth),
        "national:software_revenue_growth": Decimal(national),
    }


def answers(v1: bool = True) -> dict[str, dict[str, bool]]:
    return {e: {"V1": v1} for e in THREE}


def run(fig: dict[str, Decimal] | None, *, v1: bool = True, experts=THREE) -> Reconciliation:
    return reconcile(gated(), sheets_from_table(ANNUAL, experts, answers=answers(v1)), None, fig)


def test_without_figures_the_gates_are_not_applied_and_the_record_is_as_before() -> None:
    rec = run(None)
    assert rec.result == "3"
    assert rec.conclusion.numeric_gates == () and rec.conclusion.rule_result is None
    data = rec.to_dict()["conclusion"]
    assert "numeric_gates" not in data and "rule_result" not in data  # the bytes of earlier records
    assert Reconciliation.from_dict(rec.to_dict()) == rec


def test_gates_that_hold_change_nothing() -> None:
    rec = run(figures("100", "10.0"))  # both exactly at their minimum
    assert rec.result == "3" and rec.conclusion.rule_result == "3"
    assert [g.passed for g in rec.conclusion.numeric_gates] == [True, True]
    assert rec.conclusion.numeric_gates[1].value == Decimal("0.0")


def test_growth_below_national_caps_at_two_stars() -> None:
    rec = run(figures("850", "9.9"))  # 9.9 - 10.0 = -0.1 < 0
    assert rec.total == Decimal("87.00")
    assert (rec.conclusion.rule_result, rec.result) == ("3", "2")
    assert rec.conclusion.label is not None and rec.conclusion.label.zh == "二星"
    lines = [str(line.en) for line in rec.conclusion.explain()]
    assert any("NG2" in line and "-0.1" in line and "at most Two stars" in line for line in lines), lines
    assert any("lowered from Three stars to Two stars" in line for line in lines), lines
    # the record keeps the outcomes and reads back identically
    again = Reconciliation.from_dict(rec.to_dict())
    assert again == rec and again.to_json() == rec.to_json()


def test_both_gates_failing_take_the_lowest_cap() -> None:
    rec = run(figures("99.99", "5.0"))
    assert [g.passed for g in rec.conclusion.numeric_gates] == [False, False]
    assert rec.result == "1"


def test_a_veto_stays_a_veto() -> None:
    rec = run(figures("99", "1"), v1=False)
    assert rec.conclusion.vetoed and rec.conclusion.reason == "veto"
    assert rec.result == "1" and rec.conclusion.rule_result is None


def test_no_conclusion_without_quorum_even_with_figures() -> None:
    rec = run(figures("99", "1"), experts=["e1", "e2"])
    assert rec.result is None
    assert [g.passed for g in rec.conclusion.numeric_gates] == [False, False]  # shown, not applied


def test_a_missing_figure_is_named() -> None:
    fig = figures("850", "12")
    del fig["national:software_revenue_growth"]
    with pytest.raises(MissingFigure) as info:
        reconcile(gated(), sheets_from_table(ANNUAL, THREE, answers=answers()), None, fig, candidate="示例市")
    assert info.value.figure == "national:software_revenue_growth" and info.value.candidate == "示例市"


def test_figures_for_a_standard_without_gates_leave_the_record_byte_for_byte() -> None:
    doc_standard = make_standard([node("C", leaf("C1", 60), leaf("C2", 40))], kind="annual")
    sheets = sheets_from_table(ANNUAL, THREE)
    plain = reconcile(doc_standard, sheets)
    assert reconcile(doc_standard, sheets, None, {}).to_json() == plain.to_json()

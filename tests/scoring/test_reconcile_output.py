"""The reconciliation's canonical JSON, its round trip, and edge cases of the arithmetic."""

from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from reconcile_fixtures import AT, consensus, d, leaf, make_standard, node, sheets_from_table

from reviewer.errors import InvalidInput
from reviewer.scoring import stats
from reviewer.scoring.inputs import ConsensusScore, Decisions, ExpertScores, Explanation
from reviewer.scoring.reconcile import reconcile
from reviewer.scoring.result import FORMAT, Reconciliation
from reviewer.standards import load_standard

STANDARDS = Path(__file__).resolve().parents[2] / "reviewer" / "resources" / "standards"
FIVE = ["e1", "e2", "e3", "e4", "e5"]


def park_panel() -> tuple:
    std = load_standard(STANDARDS / "sample-park-creation.json")
    # expert k (0..4) scores points - k*step on every leaf: trimmed mean drops k=0 and k=4 and
    # averages k=1,2,3 -> points - 2*step = points - 1 on every leaf. The park standard has 19 leaves,
    # so the total is 100 - 19 = 81.00 >= 80, and every level-1 keeps >= 60 % -> 通过.
    sheets = [
        ExpertScores(
            f"e{k}", scores={lf.code: lf.points - lf.step * k for lf in std.leaves()}, answers={"V1": True}
        )
        for k in range(5)
    ]
    return std, sheets


def test_sample_park_standard_passes() -> None:
    std, sheets = park_panel()
    rec = reconcile(std, sheets)
    assert len(std.leaves()) == 19
    assert rec.total == d("81.00")
    assert rec.result == "pass" and rec.conclusion.label.zh == "通过"
    # expert e0 is one point above the aggregate everywhere, e4 one below
    assert rec.leniency_of("e0").mean_deviation == d("1")
    assert rec.leniency_of("e4").mean_deviation == d("-1")


def test_canonical_json_is_stable_and_round_trips() -> None:
    std, sheets = park_panel()
    decisions = Decisions(
        consensus={"1.1": consensus("8")},
        explanations=(Explanation("e4", "1.3", "核查后维持 / kept after review"),),
    )
    rec = reconcile(std, sheets, decisions)
    data = rec.to_json()
    assert data == reconcile(std, list(reversed(sheets)), decisions).to_json()
    doc = json.loads(data)
    assert doc["format"] == FORMAT
    assert list(doc) == sorted(doc)
    assert (
        doc["total"] == "82"
    )  # 1.1: aggregate 7 replaced by the consensus 8 -> 81 + 1 = 82.00, canonical "82"
    one = next(i for i in doc["indicators"] if i["code"] == "1.1")
    assert one["aggregate"] == "7" and one["value"] == "8" and one["consensus"]["by"] == "chair"
    assert "核查后维持" in data.decode("utf-8")  # UTF-8, not \\u escapes
    again = Reconciliation.from_dict(json.loads(data))
    assert again == rec
    assert again.to_json() == data


def test_from_dict_refuses_broken_data() -> None:
    std, sheets = park_panel()
    doc = reconcile(std, sheets).to_dict()
    doc["total"] = 81.0  # a float where a decimal string belongs
    with pytest.raises(InvalidInput):
        Reconciliation.from_dict(doc)
    doc = reconcile(std, sheets).to_dict()
    del doc["conclusion"]["vetoed"]
    with pytest.raises(InvalidInput):
        Reconciliation.from_dict(doc)


@pytest.mark.parametrize(
    ("value", "text"),
    [("8.00", "8"), ("80", "80"), ("1E+2", "100"), ("-0.00", "0"), ("0.50", "0.5"), ("7.125", "7.125")],
)
def test_canonical_decimal_text(value: str, text: str) -> None:
    assert stats.canonical(Decimal(value)) == text


def test_round_half_up_is_away_from_zero() -> None:
    assert stats.round_half_up(Fraction(-5, 2), 0) == Decimal(-3)
    assert stats.round_half_up(Fraction(-1, 1000), 2) == Decimal("0.00")  # no negative zero
    assert str(stats.round_half_up(Fraction(1, 3), 4)) == "0.3333"


def test_a_zero_mean_flags_nothing() -> None:
    std = make_standard([node("A", leaf("A1", 10))], share=0.5, quorum=3)
    rec = reconcile(std, sheets_from_table({"A1": ["0", "0", "0"]}, FIVE[:3]))
    a1 = rec.indicator("A1")
    assert a1.divergent_experts == () and a1.spread_divergent is False and a1.std_dev == d("0")


def test_spread_equal_to_the_share_is_not_divergent() -> None:
    # spread 5 - 0 = 5 is not > 0.5 * 10; mean 2.5 and 30 % = 0.75: |0 - 2.5| and |5 - 2.5| are divergent
    std = make_standard([node("A", leaf("A1", 10))], share=0.5, quorum=1)
    rec = reconcile(std, sheets_from_table({"A1": ["0", "5"]}, FIVE[:2]))
    assert rec.indicator("A1").spread_divergent is False
    assert rec.indicator("A1").divergent_experts == ("e1", "e2")


def test_percent_boundary_is_not_divergent() -> None:
    # mean (7 + 13) / 2 = 10, 30 % = 3: |7 - 10| = 3 is not more than 3
    std = make_standard([node("A", leaf("A1", 20))], quorum=1)
    rec = reconcile(std, sheets_from_table({"A1": ["7", "13"]}, FIVE[:2]))
    assert rec.indicator("A1").divergent_experts == ()


def test_level1_leaf_and_explicit_minimum() -> None:
    # a level-1 indicator without children is its own subtotal; an explicit minimum overrides the share
    std = make_standard(
        [leaf("L", 10), node("N", leaf("N1", 10), minimum=4)],
        level1_min_share=0.6,
        quorum=1,
        rules=[{"result": "pass", "minimums_met": True, "min_total": 1}, {"result": "fail"}],
    )
    rec = reconcile(std, sheets_from_table({"L": ["6"], "N1": ["4"]}, ["e1"]))
    assert (rec.node("L").minimum, rec.node("L").minimum_met) == (d("6.0"), True)  # 60 % of 10
    assert (rec.node("N").minimum, rec.node("N").minimum_met) == (d("4"), True)
    assert rec.total == d("10.00") and rec.result == "pass"


def test_inputs_are_frozen_and_hashable() -> None:
    sheet = ExpertScores("e1", scores={"b": Decimal(1), "a": Decimal(2)})
    assert list(sheet.scores) == ["a", "b"]
    with pytest.raises(TypeError):
        sheet.scores["a"] = Decimal(3)  # type: ignore[index]
    assert hash(sheet) == hash(ExpertScores("e1", scores={"a": Decimal(2), "b": Decimal(1)}))


def test_explain_quorum_and_veto() -> None:
    std = make_standard([node("A", leaf("A1", 10))], quorum=3)
    rec = reconcile(std, sheets_from_table({"A1": ["5", "6"]}, FIVE[:2]))
    assert "quorum" in rec.conclusion.explain()[0].render("en")


def test_an_integer_consensus_is_written_as_a_decimal() -> None:
    std = make_standard([node("A", leaf("A1", 10))], quorum=1)
    decisions = Decisions(consensus={"A1": ConsensusScore(7, "agreed", "chair", AT)})  # type: ignore[arg-type]
    rec = reconcile(std, sheets_from_table({"A1": ["5"]}, ["e1"]), decisions)
    assert json.loads(rec.to_json())["indicators"][0]["consensus"]["value"] == "7"
    assert Reconciliation.from_dict(rec.to_dict()) == rec

"""The engine against tables computed by hand: the arithmetic is written out beside each number."""

from __future__ import annotations

import pytest
from reconcile_fixtures import consensus, d, leaf, make_standard, node, sheets_from_table

from reviewer.scoring.inputs import Decisions, Explanation
from reviewer.scoring.reconcile import reconcile
from reviewer.scoring.result import DivergentScore
from reviewer.standards.model import AggregationMethod

FIVE = ["e1", "e2", "e3", "e4", "e5"]
#                e1     e2     e3    e4   e5
TABLE5 = {
    "A1": ["8", "7.5", "9", "6", "8.5"],
    "A2": ["7", "7", "7.5", "2", "6.5"],
    "B1": ["5", "5.5", "6", "5", "4.5"],
}
CREATION_RULES = [
    {"result": "pass", "min_total": 20, "minimums_met": True},
    {"result": "pass_after_rectification", "min_total": 15},
    {"result": "fail"},
]


def five_standard(method: str, **kw):
    # A (20) = A1 (10) + A2 (10); B (10) = B1 (10); total 30. Level-1 minimum 60 %: A >= 12, B >= 6.
    return make_standard(
        [node("A", leaf("A1", 10), leaf("A2", 10)), node("B", leaf("B1", 10))],
        method=method,
        trim_from=5 if method == "trimmed_mean" else None,
        percent=30,
        share=0.5,
        quorum=kw.pop("quorum", 5),
        rules=CREATION_RULES,
        level1_min_share=0.6,
        **kw,
    )


def test_five_experts_trimmed_mean_statistics() -> None:
    rec = reconcile(five_standard("trimmed_mean"), sheets_from_table(TABLE5, FIVE))
    a1 = rec.indicator("A1")
    # A1 sorted: 6, 7.5, 8, 8.5, 9. sum 39.
    assert a1.mean == d("7.8")  # 39 / 5
    assert a1.median == d("8")
    assert (a1.minimum, a1.maximum, a1.spread) == (d("6"), d("9"), d("3"))
    # deviations .2 -.3 1.2 -1.8 .7 -> squares .04 .09 1.44 3.24 .49 = 5.30; /5 = 1.06; sqrt = 1.029563... -> 1.0296
    assert a1.std_dev == d("1.0296")
    assert a1.method is AggregationMethod.TRIMMED_MEAN
    assert a1.aggregate == d("8.00")  # (7.5 + 8 + 8.5) / 3 = 24 / 3
    # A2 sorted: 2, 6.5, 7, 7, 7.5 -> (6.5 + 7 + 7) / 3 = 20.5 / 3 = 6.8333... -> 6.83
    assert rec.indicator("A2").aggregate == d("6.83")
    # B1 sorted: 4.5, 5, 5, 5.5, 6 -> (5 + 5 + 5.5) / 3 = 15.5 / 3 = 5.1666... -> 5.17
    assert rec.indicator("B1").aggregate == d("5.17")
    # A = 8.00 + 6.83 = 14.83; B = 5.17; total = 20.00
    assert rec.node("A").value == d("14.83")
    assert rec.node("B").value == d("5.17")
    assert rec.total == d("20.00")


def test_five_experts_divergent_score_and_its_explanation() -> None:
    decisions = Decisions(
        explanations=(Explanation("e4", "A2", "园区未提供近三年数据 / no data for three years"),)
    )
    rec = reconcile(five_standard("trimmed_mean"), sheets_from_table(TABLE5, FIVE), decisions)
    a2 = rec.indicator("A2")
    # A2 mean = (7 + 7 + 7.5 + 2 + 6.5) / 5 = 30 / 5 = 6; 30 % of 6 = 1.8.
    # |2 - 6| = 4 > 1.8 -> e4 divergent; |7.5 - 6| = 1.5 and |6.5 - 6| = 0.5 are not.
    assert a2.divergent_experts == ("e4",)
    # spread 7.5 - 2 = 5.5 > 0.5 * 10 = 5 -> the indicator's spread is divergent
    assert a2.spread_divergent is True
    # A1: mean 7.8, 30 % = 2.34, largest deviation |6 - 7.8| = 1.8 -> none; spread 3 <= 5
    assert rec.indicator("A1").divergent_experts == ()
    assert rec.indicator("A1").spread_divergent is False
    assert [(x.expert_id, x.code, x.score) for x in rec.divergences] == [("e4", "A2", d("2"))]
    assert rec.divergences[0].explanation == "园区未提供近三年数据 / no data for three years"
    assert rec.unexplained == ()
    without = reconcile(five_standard("trimmed_mean"), sheets_from_table(TABLE5, FIVE))
    assert without.unexplained == (DivergentScore("e4", "A2", d("2"), None),)


def test_level1_minimum_turns_pass_into_pass_after_rectification() -> None:
    rec = reconcile(five_standard("trimmed_mean"), sheets_from_table(TABLE5, FIVE))
    # total 20.00 >= 20, but B = 5.17 < 6 (60 % of 10) -> rule 1 (pass) fails on minimums;
    # rule 2: 20.00 >= 15 -> 整改后通过
    assert rec.node("B").minimum == d("6.0")
    assert rec.node("B").minimum_met is False
    assert rec.node("A").minimum_met is True  # 14.83 >= 12
    c = rec.conclusion
    assert c.result == "pass_after_rectification"
    assert c.label.zh == "整改后通过"
    assert (c.reason, c.rule_index, c.failed_minimums) == ("rule", 1, ("B",))
    assert c.trace[0].total_met is True and c.trace[0].minimums_met is False and not c.trace[0].matched
    assert "B" in c.explain()[0].render("en")


def test_consensus_with_rationale_overrides_the_aggregate() -> None:
    decisions = Decisions(consensus={"B1": consensus("6")})
    rec = reconcile(five_standard("trimmed_mean"), sheets_from_table(TABLE5, FIVE), decisions)
    b1 = rec.indicator("B1")
    assert b1.aggregate == d("5.17")  # the arithmetic is kept beside the decision
    assert b1.value == d("6")
    assert b1.consensus is not None and b1.consensus.rationale.startswith("现场核查")
    # B = 6 >= 6 met; total = 8.00 + 6.83 + 6 = 20.83 >= 20 -> 通过 by rule 1
    assert rec.total == d("20.83")
    assert rec.conclusion.result == "pass"
    assert rec.conclusion.rule_index == 0


def test_five_experts_mean_and_median() -> None:
    sheets = sheets_from_table(TABLE5, FIVE)
    mean = reconcile(five_standard("mean"), sheets)
    # A1 39/5 = 7.80; A2 30/5 = 6.00; B1 26/5 = 5.20; total 19.00 < 20 -> rule 2 -> 整改后通过
    assert [i.aggregate for i in mean.indicators] == [d("7.80"), d("6.00"), d("5.20")]
    assert mean.total == d("19.00")
    assert mean.conclusion.result == "pass_after_rectification"
    median = reconcile(five_standard("median"), sheets)
    # medians: A1 8; A2 (2, 6.5, 7, 7, 7.5) 7; B1 (4.5, 5, 5, 5.5, 6) 5; total 20; B = 5 < 6
    assert [i.aggregate for i in median.indicators] == [d("8.00"), d("7.00"), d("5.00")]
    assert median.total == d("20.00")
    assert median.conclusion.failed_minimums == ("B",)


def test_leniency_is_the_mean_deviation_from_the_aggregate() -> None:
    rec = reconcile(five_standard("trimmed_mean"), sheets_from_table(TABLE5, FIVE))
    # e4: (6 - 8.00) + (2 - 6.83) + (5 - 5.17) = -2 - 4.83 - 0.17 = -7.00; / 3 = -2.3333...
    assert rec.leniency_of("e4").mean_deviation == d("-2.3333")
    assert rec.leniency_of("e4").mean_abs_deviation == d("2.3333")
    # e3: (9 - 8) + (7.5 - 6.83) + (6 - 5.17) = 1 + 0.67 + 0.83 = 2.50; / 3 = 0.8333...
    assert rec.leniency_of("e3").mean_deviation == d("0.8333")
    # e1: (8 - 8) + (7 - 6.83) + (5 - 5.17) = 0 -> signed 0, absolute (0 + .17 + .17) / 3 = 0.1133...
    assert rec.leniency_of("e1").mean_deviation == d("0")
    assert rec.leniency_of("e1").mean_abs_deviation == d("0.1133")


SEVEN = ["e1", "e2", "e3", "e4", "e5", "e6", "e7"]
TABLE7 = {
    "X1": ["9", "8.5", "8", "8", "7.5", "7", "3"],
    "X2": ["4", "4", "4.5", "3.5", "4", "5", "4"],
}


def seven_standard(method: str, trim_from: int = 5):
    return make_standard(
        [node("X", leaf("X1", 10), leaf("X2", 5))],
        method=method,
        trim_from=trim_from if method == "trimmed_mean" else None,
        share=0.5,
        quorum=5,
        rules=[
            {"result": "pass", "min_total": 12},
            {"result": "pass_after_rectification", "min_total": 11},
            {"result": "fail"},
        ],
    )


@pytest.mark.parametrize(
    ("method", "x1", "x2", "total", "result"),
    [
        # X1 sum 51: mean 51/7 = 7.2857... -> 7.29; X2 sum 29: 29/7 = 4.1428... -> 4.14; total 11.43
        ("mean", "7.29", "4.14", "11.43", "pass_after_rectification"),
        # X1 drops 9 and 3: (8.5+8+8+7.5+7)/5 = 39/5 = 7.80; X2 drops 5 and 3.5: (4+4+4.5+4+4)/5 = 20.5/5 = 4.10
        ("trimmed_mean", "7.80", "4.10", "11.90", "pass_after_rectification"),
        # X1 sorted 3,7,7.5,8,8,8.5,9 -> 8; X2 sorted 3.5,4,4,4,4,4.5,5 -> 4; total 12 >= 12
        ("median", "8.00", "4.00", "12.00", "pass"),
    ],
)
def test_seven_experts_each_method(method: str, x1: str, x2: str, total: str, result: str) -> None:
    rec = reconcile(seven_standard(method), sheets_from_table(TABLE7, SEVEN))
    assert rec.indicator("X1").aggregate == d(x1)
    assert rec.indicator("X2").aggregate == d(x2)
    assert rec.total == d(total)
    assert rec.conclusion.result == result


def test_seven_experts_statistics_and_divergence() -> None:
    rec = reconcile(seven_standard("trimmed_mean"), sheets_from_table(TABLE7, SEVEN))
    x1, x2 = rec.indicator("X1"), rec.indicator("X2")
    assert x1.mean == d("7.2857")  # 51 / 7 = 7.285714...
    # sum of squares 395.5; variance 395.5/7 - (51/7)^2 = (2768.5 - 2601) / 49 = 167.5/49 = 3.41836...; sqrt 1.84888... -> 1.8489
    assert x1.std_dev == d("1.8489")
    # X2: sum of squares 121.5; variance (850.5 - 841) / 49 = 19/98 = 0.19387...; sqrt 0.44031... -> 0.4403
    assert x2.std_dev == d("0.4403")
    # 30 % of 51/7 = 15.3/7 = 2.1857...; |3 - 7.2857| = 4.2857 > it -> e7; |9 - 7.2857| = 1.7143 is not
    assert x1.divergent_experts == ("e7",)
    assert x1.spread_divergent is True  # 9 - 3 = 6 > 0.5 * 10
    # X2: 30 % of 29/7 = 1.2428...; largest deviation |5 - 4.1428| = 0.857 -> none; spread 1.5 <= 2.5
    assert x2.divergent_experts == () and x2.spread_divergent is False


def test_trimmed_mean_is_a_plain_mean_below_its_panel_size() -> None:
    # trim_from 9 with 7 experts: the mean applies (51/7 -> 7.29)
    rec = reconcile(seven_standard("trimmed_mean", trim_from=9), sheets_from_table(TABLE7, SEVEN))
    assert rec.indicator("X1").method is AggregationMethod.MEAN
    assert rec.indicator("X1").aggregate == d("7.29")


def test_a_recusal_that_drops_below_quorum() -> None:
    std = five_standard("trimmed_mean")
    rec = reconcile(std, sheets_from_table(TABLE5, FIVE, recused=["e3"]))
    assert (rec.scoring_experts, rec.quorum_required, rec.quorum_met) == (4, 5, False)
    assert rec.conclusion.result is None
    assert rec.conclusion.reason == "quorum"
    assert rec.conclusion.label is None
    # the arithmetic is still shown: 4 scorers < 5, so a plain mean: A1 (8 + 7.5 + 6 + 8.5) / 4 = 30/4 = 7.50
    a1 = rec.indicator("A1")
    assert a1.method is AggregationMethod.MEAN and a1.aggregate == d("7.50")
    assert [s.expert_id for s in a1.scores] == ["e1", "e2", "e4", "e5"]
    assert [(e.expert_id, e.recused) for e in rec.experts][2] == ("e3", True)
    # with quorum 4 the same sheets reach a conclusion
    assert reconcile(
        five_standard("trimmed_mean", quorum=4), sheets_from_table(TABLE5, FIVE, recused=["e3"])
    ).result


def test_everyone_recused() -> None:
    rec = reconcile(five_standard("mean"), sheets_from_table(TABLE5, FIVE, recused=FIVE))
    assert rec.total is None and rec.result is None and rec.indicator("A1").aggregate is None
    assert rec.leniency == ()

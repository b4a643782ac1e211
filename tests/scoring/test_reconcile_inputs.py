"""Bad sheets and bad decisions are refused with a typed error naming the expert and the indicator."""

from __future__ import annotations

from decimal import Decimal

import pytest
from reconcile_fixtures import AT, consensus, leaf, make_standard, node, sheets_from_table, yes_no

from reviewer.errors import InvalidInput
from reviewer.scoring.inputs import ConsensusScore, Decisions, ExpertScores, Explanation
from reviewer.scoring.invalid import (
    DuplicateSheet,
    ExplanationInvalid,
    MissingAnswer,
    MissingScore,
    OffStep,
    RationaleMissing,
    ReconcileInputError,
    ScoreOutOfRange,
    UnknownCode,
    UnknownExpert,
)
from reviewer.scoring.reconcile import reconcile

EXPERTS = ["e1", "e2", "e3"]


@pytest.fixture
def std():
    return make_standard(
        [node("A", leaf("A1", 10), leaf("A2", 5)), node("B", leaf("B1", 5, step=1))],
        items=[yes_no("V1", "veto", "any_no")],
    )


def good() -> list[ExpertScores]:
    table = {"A1": ["8", "7", "9"], "A2": ["4", "4.5", "3"], "B1": ["3", "4", "5"]}
    answers = {e: {"V1": True} for e in EXPERTS}
    return sheets_from_table(table, EXPERTS, answers=answers)


def with_scores(sheets: list[ExpertScores], expert: str, **scores: object) -> list[ExpertScores]:
    out = []
    for s in sheets:
        if s.expert_id == expert:
            merged = {k: v for k, v in {**s.scores, **scores}.items() if v is not None}
            s = ExpertScores(s.expert_id, s.recused, merged, s.answers, s.version)
        out.append(s)
    return out


def test_good_input_reconciles(std) -> None:
    assert reconcile(std, good()).total is not None


@pytest.mark.parametrize(
    ("scores", "error", "code"),
    [
        ({"A9": Decimal(1)}, UnknownCode, "A9"),
        ({"A": Decimal(1)}, UnknownCode, "A"),  # a parent is not scored
        ({"A2": None}, MissingScore, "A2"),
        ({"A1": Decimal("10.5")}, ScoreOutOfRange, "A1"),
        ({"A1": Decimal("-0.5")}, ScoreOutOfRange, "A1"),
        ({"A1": Decimal("7.25")}, OffStep, "A1"),
        ({"B1": Decimal("3.5")}, OffStep, "B1"),  # B1's step is 1
        ({"A1": Decimal("NaN")}, ScoreOutOfRange, "A1"),
        ({"A1": 7.5}, ScoreOutOfRange, "A1"),  # a float is refused, not guessed
    ],
)
def test_bad_scores_name_expert_and_indicator(std, scores, error, code) -> None:
    with pytest.raises(error) as info:
        reconcile(std, with_scores(good(), "e2", **scores))
    assert isinstance(info.value, InvalidInput)
    assert (info.value.expert_id, info.value.code) == ("e2", code)
    text = info.value.message.render("en")
    assert "e2" in text and code in text
    assert "e2" in info.value.message.render("zh_CN")


def test_integer_scores_are_accepted(std) -> None:
    rec = reconcile(std, with_scores(good(), "e1", A1=8))
    assert rec.indicator("A1").score_of("e1") == Decimal(8)


def test_missing_or_unknown_answers(std) -> None:
    sheets = good()
    sheets[0] = ExpertScores("e1", scores=sheets[0].scores, answers={})
    with pytest.raises(MissingAnswer) as info:
        reconcile(std, sheets)
    assert (info.value.expert_id, info.value.code) == ("e1", "V1")
    sheets[0] = ExpertScores("e1", scores=sheets[0].scores, answers={"V1": True, "X": False})
    with pytest.raises(UnknownCode):
        reconcile(std, sheets)


def test_a_recused_sheet_is_not_checked(std) -> None:
    sheets = good()
    sheets[1] = ExpertScores("e2", recused=True, scores={"junk": Decimal(99)})
    assert reconcile(std, sheets).scoring_experts == 2


def test_duplicate_sheets_are_refused(std) -> None:
    sheets = [*good(), ExpertScores("e1", scores=good()[0].scores, answers={"V1": True}, version=2)]
    with pytest.raises(DuplicateSheet) as info:
        reconcile(std, sheets)
    assert info.value.expert_id == "e1"


def test_the_first_problem_is_reported_in_a_fixed_order(std) -> None:
    sheets = with_scores(with_scores(good(), "e3", A1=Decimal(11)), "e1", B1=Decimal("0.5"))
    for order in (sheets, sheets[::-1]):
        with pytest.raises(ReconcileInputError) as info:
            reconcile(std, order)
        assert (info.value.expert_id, info.value.code) == ("e1", "B1")


@pytest.mark.parametrize("rationale", ["", "   \n"])
def test_consensus_without_rationale_is_refused(std, rationale: str) -> None:
    with pytest.raises(RationaleMissing) as info:
        reconcile(std, good(), Decisions(consensus={"A1": consensus("8", rationale=rationale)}))
    assert info.value.code == "A1"
    assert "rationale" in info.value.message.render("en")


def test_consensus_needs_who_and_when(std) -> None:
    for by, at in (("", AT), ("chair", "yesterday")):
        with pytest.raises(RationaleMissing):
            reconcile(std, good(), Decisions(consensus={"A1": ConsensusScore(Decimal(8), "reason", by, at)}))


@pytest.mark.parametrize(
    ("code", "value", "error"),
    [
        ("A1", "10.5", ScoreOutOfRange),
        ("A1", "7.2", OffStep),
        ("A", "8", UnknownCode),
        ("V1", "1", UnknownCode),
    ],
)
def test_bad_consensus_values(std, code: str, value: str, error: type) -> None:
    with pytest.raises(error) as info:
        reconcile(std, good(), Decisions(consensus={code: consensus(value)}))
    assert info.value.code == code and info.value.expert_id is None


def test_consensus_at_the_bounds_is_accepted(std) -> None:
    rec = reconcile(std, good(), Decisions(consensus={"A1": consensus("0"), "A2": consensus("5")}))
    assert (rec.indicator("A1").value, rec.indicator("A2").value) == (Decimal(0), Decimal(5))


@pytest.mark.parametrize(
    ("note", "error"),
    [
        (Explanation("e9", "A1", "text"), UnknownExpert),
        (Explanation("e1", "A", "text"), UnknownCode),
        (Explanation("e1", "A1", "  "), ExplanationInvalid),
    ],
)
def test_bad_explanations(std, note: Explanation, error: type) -> None:
    with pytest.raises(error):
        reconcile(std, good(), Decisions(explanations=(note,)))


def test_explanation_given_twice_is_refused(std) -> None:
    twice = (Explanation("e1", "A1", "one"), Explanation("e1", "A1", "two"))
    with pytest.raises(ExplanationInvalid):
        reconcile(std, good(), Decisions(explanations=twice))

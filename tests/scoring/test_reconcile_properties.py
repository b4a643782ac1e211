"""Properties of the engine and its exact arithmetic, checked with hypothesis."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Context, Decimal
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st
from reconcile_fixtures import leaf, make_standard, node, yes_no

from reviewer.scoring import stats
from reviewer.scoring.inputs import ExpertScores
from reviewer.scoring.reconcile import reconcile
from reviewer.scoring.result import Reconciliation

METHODS = ("mean", "trimmed_mean", "median")
STANDARDS = {
    method: make_standard(
        [node("A", leaf("A1", 10), leaf("A2", 6)), node("B", leaf("B1", 4), leaf("B2", 5, step=1))],
        method=method,
        trim_from=5 if method == "trimmed_mean" else None,
        share=0.4,
        quorum=3,
        items=[yes_no("V1", "veto", "majority_no"), yes_no("G1", "gate", "any_no")],
        rules=[
            {"result": "pass", "min_total": 18, "minimums_met": True, "gates": ["G1"]},
            {"result": "pass_after_rectification", "min_total": 12},
            {"result": "fail"},
        ],
        level1_min_share=0.6,
    )
    for method in METHODS
}
LEAVES = {
    "A1": (10, Decimal("0.5")),
    "A2": (6, Decimal("0.5")),
    "B1": (4, Decimal("0.5")),
    "B2": (5, Decimal(1)),
}


def on_grid(points: int, step: Decimal) -> st.SearchStrategy[Decimal]:
    steps = int(points / step)
    return st.integers(0, steps).map(lambda k: step * k)


def sheet(expert_id: str) -> st.SearchStrategy[ExpertScores]:
    scores = st.fixed_dictionaries({code: on_grid(p, s) for code, (p, s) in LEAVES.items()})
    answers = st.fixed_dictionaries({"V1": st.booleans(), "G1": st.booleans()})
    return st.builds(
        ExpertScores,
        st.just(expert_id),
        st.booleans().map(lambda r: r and expert_id == "e0"),
        scores,
        answers,
    )


@st.composite
def panels(draw: st.DrawFn) -> list[ExpertScores]:
    n = draw(st.integers(1, 9))
    return [draw(sheet(f"e{i}")) for i in range(n)]


@settings(max_examples=150, deadline=None)
@given(method=st.sampled_from(METHODS), sheets=panels(), data=st.data())
def test_result_does_not_depend_on_the_order_of_sheets(
    method: str, sheets: list[ExpertScores], data: st.DataObject
) -> None:
    shuffled = data.draw(st.permutations(sheets))
    first = reconcile(STANDARDS[method], sheets)
    assert reconcile(STANDARDS[method], shuffled).to_json() == first.to_json()
    assert Reconciliation.from_dict(first.to_dict()) == first


@settings(max_examples=150, deadline=None)
@given(method=st.sampled_from(METHODS), sheets=panels())
def test_aggregates_totals_and_medians(method: str, sheets: list[ExpertScores]) -> None:
    rec = reconcile(STANDARDS[method], sheets)
    for ind in rec.indicators:
        if not ind.scores:
            continue
        # steps of 0.5 and 1 fit in 2 decimal places, so rounding cannot leave [min, max]
        assert ind.minimum <= ind.aggregate <= ind.maximum
        assert ind.minimum <= ind.median <= ind.maximum
        assert ind.minimum <= ind.mean <= ind.maximum
        assert ind.value == ind.aggregate
        ordered = sorted(s.score for s in ind.scores)
        if ind.method.value == "trimmed_mean":
            middle = ordered[1:-1]
            assert ind.aggregate == stats.round_half_up(Fraction(sum(middle)) / len(middle), 2)
    if rec.total is not None:
        assert rec.total == sum(i.value for i in rec.indicators)
        for top in ("A", "B"):
            kids = [i.value for i in rec.indicators if i.code.startswith(top)]
            assert rec.node(top).value == sum(kids)
    assert (rec.conclusion.result is None) == (not rec.quorum_met)


@given(st.lists(st.fractions(min_value=0, max_value=100, max_denominator=64), min_size=3, max_size=12))
def test_trimmed_mean_is_the_mean_of_the_middle_scores(values: list[Fraction]) -> None:
    ordered = sorted(values)
    assert stats.trimmed_mean(values) == sum(ordered[1:-1]) / (len(values) - 2)
    assert min(values) <= stats.trimmed_mean(values) <= max(values)
    assert min(values) <= stats.median(values) <= max(values)


@given(st.decimals(min_value=-1000, max_value=1000, places=6), st.integers(0, 4))
def test_round_half_up_matches_decimal_quantize(value: Decimal, places: int) -> None:
    expected = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP, context=Context(prec=50))
    got = stats.round_half_up(Fraction(value), places)
    assert got == expected and got.as_tuple().exponent == -places


@given(st.fractions(min_value=0, max_value=10_000, max_denominator=1000), st.integers(0, 6))
def test_sqrt_half_up_is_exact(value: Fraction, places: int) -> None:
    root = stats.sqrt_half_up(value, places)
    unit = Fraction(1, 10**places)
    # the rounded root r satisfies (r - unit/2)^2 <= value < (r + unit/2)^2
    assert (Fraction(root) - unit / 2) ** 2 <= value or root == 0
    assert value < (Fraction(root) + unit / 2) ** 2
    context = Context(prec=60)
    approx = context.sqrt(context.divide(Decimal(value.numerator), Decimal(value.denominator)))
    assert abs(Fraction(approx) - Fraction(root)) <= unit / 2

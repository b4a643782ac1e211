"""The engine (scaled integers) against a textbook Fraction reconciliation on random panels.

The reference below follows ``docs/reconciliation.md`` §2 and §6 literally: every score becomes a
:class:`~fractions.Fraction`, each statistic is summed and divided as Fractions, and each reported
value is rounded once by the formula ``sign(v) * floor(|v| * 10^p + 1/2) * 10^-p``. The engine
must give the same values, with the same Decimal digits and exponents.
"""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction
from functools import cache

from hypothesis import given, settings
from hypothesis import strategies as st
from reconcile_fixtures import leaf, make_standard

from reviewer.scoring.inputs import ExpertScores
from reviewer.scoring.reconcile import reconcile
from reviewer.scoring.result import IndicatorResult, Reconciliation
from reviewer.standards import Standard

# the steps each number of decimal places can hold, and the leaves built on them (code, points, step)
STEPS = {0: ("1", "2"), 1: ("0.5", "0.1", "1"), 2: ("0.25", "0.05", "0.5", "2"), 3: ("0.125", "0.01", "1")}
PERCENTS = (None, "12.5", "30", "100")
SHARES = (None, "0.25", "0.4", "0.333")


def leaves_for(places: int) -> list[tuple[str, Decimal, Decimal]]:
    out = []
    for i, text in enumerate(STEPS[places]):
        step = Decimal(text)
        out.append((f"L{i}", step * (7 + 3 * i), step))
    return out


@cache
def standard(method: str, places: int, trim_from: int, percent: str | None, share: str | None) -> Standard:
    return make_standard(
        [leaf(code, float(points), float(step)) for code, points, step in leaves_for(places)],
        method=method,
        trim_from=trim_from if method == "trimmed_mean" else None,
        decimal_places=places,
        percent=None if percent is None else float(percent),
        share=None if share is None else float(share),
        quorum=1,
    )


@st.composite
def cases(draw: st.DrawFn) -> tuple[Standard, list[ExpertScores]]:
    places = draw(st.sampled_from(sorted(STEPS)))
    std = standard(
        draw(st.sampled_from(("mean", "median", "trimmed_mean"))),
        places,
        draw(st.integers(3, 7)),
        draw(st.sampled_from(PERCENTS)),
        draw(st.sampled_from(SHARES)),
    )
    sheets = []
    for e in range(draw(st.integers(0, 30))):
        scores: dict[str, Decimal | int] = {}
        for code, points, step in leaves_for(places):
            value = step * draw(st.integers(0, int(points / step)))
            form = draw(st.sampled_from(("as is", "int", "padded", "normalised")))
            if form == "int" and value == value.to_integral_value():
                scores[code] = int(value)
            elif form == "padded":
                scores[code] = value.quantize(Decimal("0.0001"))
            else:
                scores[code] = value.normalize() if form == "normalised" else value
        sheets.append(ExpertScores(f"e{e:02d}", recused=draw(st.integers(0, 9)) == 0, scores=scores))
    return std, draw(st.permutations(sheets))


def rounded(value: Fraction, places: int) -> Decimal:
    """The documented rounding, literally: sign(v) * floor(|v| * 10^p + 1/2) * 10^-p."""
    digits = math.floor(abs(value) * 10**places + Fraction(1, 2))
    sign = "-" if value < 0 and digits else ""
    return Decimal(f"{sign}{digits}E-{places}")


def same(got: Decimal | None, want: Decimal) -> bool:
    """Equal as Decimals, digit for digit (value, sign and exponent)."""
    return got is not None and got.as_tuple() == want.as_tuple()


def check_indicator(std: Standard, ind: IndicatorResult, scores: list[tuple[str, Decimal]]) -> Fraction:
    """Assert the textbook statistics of one leaf; return its rounded aggregate as a Fraction."""
    agg = std.aggregation
    points = Fraction(std.criterion(ind.code).points)
    xs = [Fraction(s) for _, s in scores]
    n = len(xs)
    ordered = sorted(xs)
    mean = sum(xs, Fraction(0)) / n
    median = ordered[n // 2] if n % 2 else (ordered[n // 2 - 1] + ordered[n // 2]) / 2
    variance = sum(((x - mean) ** 2 for x in xs), Fraction(0)) / n
    if agg.method.value == "median":
        method, exact = "median", median
    elif agg.method.value == "trimmed_mean" and n >= max(agg.trim_from_panel_size, 3):
        method, exact = "trimmed_mean", sum(ordered[1:-1], Fraction(0)) / (n - 2)
    else:
        method, exact = "mean", mean

    assert [(s.expert_id, s.score) for s in ind.scores] == scores
    assert same(ind.mean, rounded(mean, 4))
    assert same(ind.median, rounded(median, 4))
    assert ind.method.value == method
    assert same(ind.aggregate, rounded(exact, agg.decimal_places))
    assert ind.value == ind.aggregate
    first_low = min((s for _, s in scores), key=Fraction)  # the first of the lowest, in expert order
    first_high = max((s for _, s in scores), key=Fraction)
    assert same(ind.minimum, first_low) and same(ind.maximum, first_high)
    assert Fraction(ind.spread) == ordered[-1] - ordered[0]
    # the standard deviation r (in units u = 10^-4) is the one with (r - u/2)^2 <= variance < (r + u/2)^2
    assert ind.std_dev is not None and ind.std_dev.as_tuple().exponent == -4
    r, u = Fraction(ind.std_dev), Fraction(1, 10**4)
    assert r == 0 or (r - u / 2) ** 2 <= variance
    assert variance < (r + u / 2) ** 2

    div = std.divergence
    if div.percent_from_mean is None:
        assert ind.divergent_experts == ()
    else:
        limit = Fraction(div.percent_from_mean) / 100 * mean
        assert ind.divergent_experts == tuple(
            e for (e, _), x in zip(scores, xs, strict=True) if abs(x - mean) > limit
        )
    share = div.spread_share_of_points
    assert ind.spread_divergent == (share is not None and ordered[-1] - ordered[0] > Fraction(share) * points)
    return Fraction(ind.aggregate)


def check(std: Standard, sheets: list[ExpertScores], rec: Reconciliation) -> None:
    scoring = sorted((s for s in sheets if not s.recused), key=lambda s: s.expert_id)
    aggregates = {}
    for ind in rec.indicators:
        scores = [(s.expert_id, Decimal(s.scores[ind.code])) for s in scoring]
        if not scores:
            assert ind.scores == () and ind.aggregate is None and ind.mean is None
            continue
        aggregates[ind.code] = check_indicator(std, ind, scores)
    expected = []
    for ind in rec.indicators:
        expected.extend((e, ind.code, ind.score_of(e)) for e in ind.divergent_experts)
    assert [(d.expert_id, d.code, d.score) for d in rec.divergences] == expected
    # leniency (§6): deviations from the rounded aggregates, averaged and rounded once
    lenient = []
    for sheet in scoring:
        deviations = [Fraction(Decimal(sheet.scores[code])) - agg for code, agg in aggregates.items()]
        total = sum(deviations, Fraction(0))
        spread = sum((abs(d) for d in deviations), Fraction(0))
        lenient.append(
            (sheet.expert_id, rounded(total / len(deviations), 4), rounded(spread / len(deviations), 4))
        )
    assert [(x.expert_id, x.mean_deviation, x.mean_abs_deviation) for x in rec.leniency] == lenient
    for x, (_, mean_dev, mean_abs) in zip(rec.leniency, lenient, strict=True):
        assert same(x.mean_deviation, mean_dev) and same(x.mean_abs_deviation, mean_abs)


@settings(max_examples=200, deadline=None)
@given(cases())
def test_the_engine_equals_the_textbook_fraction_reconciliation(
    case: tuple[Standard, list[ExpertScores]],
) -> None:
    std, sheets = case
    check(std, sheets, reconcile(std, sheets))


def test_a_large_panel_equals_the_textbook_fraction_reconciliation() -> None:
    """25 experts on every kind of step, with divergent scores and ties at both ends."""
    std = standard("trimmed_mean", 2, 5, "12.5", "0.25")
    sheets = []
    for e in range(25):
        scores = {}
        for i, (code, points, step) in enumerate(leaves_for(2)):
            k = int(points / step)
            scores[code] = step * ((e * (7 + i) + 3 * i) % (k + 1))
        sheets.append(ExpertScores(f"expert-{e:02d}", scores=scores))
    rec = reconcile(std, sheets)
    check(std, sheets, rec)
    assert rec.divergences and any(i.spread_divergent for i in rec.indicators)

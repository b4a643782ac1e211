"""The engine's statistics on a common denominator equal the textbook Fraction definitions, exactly."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from reviewer.scoring import stats

values = st.lists(st.fractions(min_value=-100, max_value=100, max_denominator=1000), min_size=1, max_size=30)


@given(values)
def test_mean_and_variance_are_the_textbook_ones(xs: list[Fraction]) -> None:
    n = len(xs)
    m = sum(xs, Fraction(0)) / n
    assert stats.mean(xs) == m
    assert stats.population_variance(xs) == sum(((x - m) ** 2 for x in xs), Fraction(0)) / n


@given(values)
def test_median_and_trimmed_mean_are_the_textbook_ones(xs: list[Fraction]) -> None:
    ordered, n = sorted(xs), len(xs)
    middle = ordered[n // 2] if n % 2 else (ordered[n // 2 - 1] + ordered[n // 2]) / 2
    assert stats.median(xs) == middle
    if n >= 3:
        assert stats.trimmed_mean(xs) == sum(ordered[1:-1], Fraction(0)) / (n - 2)


@given(
    st.fractions(min_value=0, max_value=100, max_denominator=100),
    st.fractions(min_value=0, max_value=100, max_denominator=100),
    st.integers(0, 100),
)
def test_divergence_limit_is_the_share_of_the_mean(score: Fraction, mean: Fraction, percent: int) -> None:
    pct = Fraction(percent)
    assert stats.divergence_limit(mean, pct) == pct / 100 * mean
    assert stats.percent_divergent(score, mean, pct) == (abs(score - mean) > pct / 100 * mean)


def test_a_large_panel_sums_exactly() -> None:
    xs = [Fraction(k, d) for k, d in zip(range(1, 26), (1, 2, 4, 5, 10) * 5, strict=True)]
    assert stats.mean(xs) == sum(xs, Fraction(0)) / 25
    assert stats.mean(xs).denominator == (sum(xs, Fraction(0)) / 25).denominator  # normalised

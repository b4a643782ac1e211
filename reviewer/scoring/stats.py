"""Exact arithmetic for the reconciliation engine.

Every statistic is an exact rational number, rounded exactly once, half up (half away from
zero). No floating point and no Decimal context is involved, so the result does not depend on the
machine, the Python version or a global context. ``docs/reconciliation.md`` states the same rules
for a second implementation.

The engine works on **scaled integers**: every score of a panel is a whole number of one common
unit ``1/unit`` (scores lie on their indicator's step grid, so ``unit`` is the least common
multiple of the steps' denominators), and a statistic is a pair ``(numerator, denominator)`` of
integers, built from sums and products of those integers without any normalisation. The pair is
rounded by :func:`half_up` (or :func:`sqrt_half_up_ratio`) straight from the integers; no
:class:`fractions.Fraction` (and no gcd) is made per score or per addition. The functions on
:class:`~fractions.Fraction` values (:func:`mean`, :func:`median`, …) are the same integer
kernels behind a common denominator, kept for callers and for the property tests that compare
them with the textbook definitions.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction

from reviewer.standards.model import AggregationMethod

# Places to which the informative statistics (mean, median, standard deviation, leniency) are
# rounded for display and for the serialised reconciliation. The aggregate uses the standard's
# own ``decimal_places``.
STAT_PLACES = 4

Ratio = tuple[int, int]  # (numerator, denominator > 0), not necessarily in lowest terms


def exact(value: Decimal | int) -> Fraction:
    """The exact rational value of a finite Decimal or an int."""
    return Fraction(value)


# --- rounding -------------------------------------------------------------------------------


def half_up(numerator: int, denominator: int, places: int) -> int:
    """``numerator/denominator`` (denominator > 0) in units of ``10^-places``, rounded half up.

    ``sign(v) * floor(|v| * 10^places + 1/2)`` on integers: ``floor((2|n|*10^p + d) / (2d))``.
    """
    digits = (2 * abs(numerator) * 10**places + denominator) // (2 * denominator)
    return -digits if numerator < 0 else digits


def fixed(count: int, places: int) -> Decimal:
    """``count * 10^-places`` as a Decimal with exactly ``places`` decimals (never a negative zero)."""
    return Decimal((1 if count < 0 else 0, tuple(map(int, str(abs(count)))), -places))


def round_ratio(numerator: int, denominator: int, places: int) -> Decimal:
    """``numerator/denominator`` rounded half up to ``places`` decimals, exactly."""
    return fixed(half_up(numerator, denominator, places), places)


def round_half_up(value: Fraction, places: int) -> Decimal:
    """Round ``value`` to ``places`` decimals, ties away from zero, exactly.

    ``floor(|v| * 10^places + 1/2)`` computed on integers, with the sign put back.
    """
    return round_ratio(value.numerator, value.denominator, places)


def sqrt_half_up_ratio(numerator: int, denominator: int, places: int) -> Decimal:
    """``sqrt(numerator/denominator)`` rounded half up to ``places`` decimals, exactly.

    The result is the largest ``k`` (in units of ``10^-places``) with ``(k - 1/2)^2 <= value*10^(2*places)``,
    i.e. the largest odd ``m = 2k - 1`` with ``m^2 <= 4*value*10^(2*places)``; integer square roots only.
    """
    if numerator < 0:
        raise ValueError("square root of a negative number")
    bound = 4 * numerator * 10 ** (2 * places) // denominator
    root = math.isqrt(bound)
    odd = root if root % 2 else root - 1
    return fixed((odd + 1) // 2, places)


def sqrt_half_up(value: Fraction, places: int) -> Decimal:
    """``sqrt(value)`` rounded half up to ``places`` decimals, exactly (``value >= 0``)."""
    return sqrt_half_up_ratio(value.numerator, value.denominator, places)


# --- statistics on scaled integers (``ints[i] / unit`` are the scores) -----------------------


def mean_ratio(ints: Sequence[int], unit: int) -> Ratio:
    return sum(ints), unit * len(ints)


def median_ratio(ordered: Sequence[int], unit: int) -> Ratio:
    """The median of ``ordered`` (sorted ascending)."""
    n = len(ordered)
    mid = n // 2
    if n % 2:
        return ordered[mid], unit
    return ordered[mid - 1] + ordered[mid], 2 * unit


def trimmed_mean_ratio(ordered: Sequence[int], unit: int) -> Ratio:
    """The mean after dropping exactly one highest and one lowest of ``ordered`` (sorted, 3 or more)."""
    if len(ordered) < 3:
        raise ValueError("a trimmed mean needs at least three scores")
    return sum(ordered) - ordered[0] - ordered[-1], unit * (len(ordered) - 2)


def variance_ratio(ints: Sequence[int], unit: int) -> Ratio:
    """``sum((x - mean)^2) / n`` — the population variance (divide by n, not n - 1).

    With ``x_i = a_i / d`` and ``S = sum(a_i)``: ``x_i - mean = (n*a_i - S) / (n*d)``, so the
    variance is ``sum((n*a_i - S)^2) / (n^3 * d^2)``, on integers.
    """
    n, total = len(ints), sum(ints)
    return sum((n * a - total) ** 2 for a in ints), n**3 * unit**2


def aggregate_ratio(method: AggregationMethod, ordered: Sequence[int], unit: int) -> Ratio:
    """The exact aggregate of ``ordered`` (sorted) by ``method`` (already the applied method)."""
    if method is AggregationMethod.MEDIAN:
        return median_ratio(ordered, unit)
    if method is AggregationMethod.TRIMMED_MEAN:
        return trimmed_mean_ratio(ordered, unit)
    return mean_ratio(ordered, unit)


def applied_method(method: AggregationMethod, n: int, trim_from_panel_size: int) -> AggregationMethod:
    """The method actually used for ``n`` scores: a trimmed mean falls back to the mean below its size."""
    if method is AggregationMethod.TRIMMED_MEAN and n < max(trim_from_panel_size, 3):
        return AggregationMethod.MEAN
    return method


# --- the same statistics on Fractions --------------------------------------------------------


def _scaled(values: Sequence[Fraction]) -> tuple[list[int], int]:
    """``values`` as integers over one common denominator: ``values[i] == ints[i] / den`` exactly."""
    den = math.lcm(*(v.denominator for v in values)) if values else 1
    return [v.numerator * (den // v.denominator) for v in values], den


def mean(scores: Sequence[Fraction]) -> Fraction:
    return Fraction(*mean_ratio(*_scaled(scores)))


def median(scores: Sequence[Fraction]) -> Fraction:
    ints, den = _scaled(scores)
    return Fraction(*median_ratio(sorted(ints), den))


def trimmed_mean(scores: Sequence[Fraction]) -> Fraction:
    """The mean after dropping exactly one highest and one lowest score (needs 3 or more)."""
    ints, den = _scaled(scores)
    return Fraction(*trimmed_mean_ratio(sorted(ints), den))


def population_variance(scores: Sequence[Fraction]) -> Fraction:
    """``sum((x - mean)^2) / n`` — the population variance (divide by n, not n - 1)."""
    return Fraction(*variance_ratio(*_scaled(scores)))


def aggregate(method: AggregationMethod, scores: Sequence[Fraction]) -> Fraction:
    """The exact (unrounded) aggregate of ``scores`` by ``method`` (already the applied method)."""
    ints, den = _scaled(scores)
    return Fraction(*aggregate_ratio(method, sorted(ints), den))


def divergence_limit(panel_mean: Fraction, percent: Fraction) -> Fraction:
    """``percent/100 * mean``: how far from the mean a score may lie before it is divergent."""
    return percent / 100 * panel_mean


def percent_divergent(score: Fraction, panel_mean: Fraction, percent: Fraction) -> bool:
    """``|score - mean| > percent/100 * mean``. With a mean of 0 every score is 0: never divergent."""
    return abs(score - panel_mean) > divergence_limit(panel_mean, percent)


def spread_divergent(spread: Fraction, share: Fraction, points: Fraction) -> bool:
    """``max - min > share * points``."""
    return spread > share * points


def canonical(value: Decimal) -> str:
    """The canonical text of a Decimal: no exponent, no trailing zeros, no negative zero."""
    if not value.is_finite():
        raise ValueError(f"not a finite number: {value}")
    if value == 0:
        return "0"
    text = format(value, "f")  # never rounds: format without a precision prints every digit
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text

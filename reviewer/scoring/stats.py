"""Exact arithmetic for the reconciliation engine.

Every statistic is computed as an exact rational number (:class:`fractions.Fraction`; a
:class:`~decimal.Decimal` converts to one without loss) and rounded exactly once, half up
(half away from zero), by :func:`round_half_up`. No floating point and no Decimal context is
involved, so the result does not depend on the machine, the Python version or a global context.
``docs/reconciliation.md`` states the same rules for a second implementation.
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

HALF = Fraction(1, 2)


def exact(value: Decimal | int) -> Fraction:
    """The exact rational value of a finite Decimal or an int."""
    return Fraction(value)


def round_half_up(value: Fraction, places: int) -> Decimal:
    """Round ``value`` to ``places`` decimals, ties away from zero, exactly.

    ``floor(|v| * 10^places + 1/2)`` computed on integers, with the sign put back.
    """
    scaled = abs(value) * 10**places
    digits = math.floor(scaled + HALF)
    sign = 1 if value < 0 and digits != 0 else 0
    return Decimal((sign, tuple(int(d) for d in str(digits)), -places))


def sqrt_half_up(value: Fraction, places: int) -> Decimal:
    """``sqrt(value)`` rounded half up to ``places`` decimals, exactly (``value >= 0``).

    The result is the largest ``k`` (in units of ``10^-places``) with ``(k - 1/2)^2 <= value*10^(2*places)``,
    i.e. the largest odd ``m = 2k - 1`` with ``m^2 <= 4*value*10^(2*places)``; integer square roots only.
    """
    if value < 0:
        raise ValueError("square root of a negative number")
    bound = math.floor(4 * value * 10 ** (2 * places))
    root = math.isqrt(bound)
    odd = root if root % 2 else root - 1
    k = (odd + 1) // 2
    return Decimal((0, tuple(int(d) for d in str(k)), -places))


def _scaled(values: Sequence[Fraction]) -> tuple[list[int], int]:
    """``values`` as integers over one common denominator: ``values[i] == ints[i] / den`` exactly.

    Summing and ordering these integers gives the same exact results as Fraction arithmetic, with
    one normalisation at the end instead of a gcd on every addition and comparison (the engine's
    cost on a large panel).
    """
    den = math.lcm(*(v.denominator for v in values)) if values else 1
    return [v.numerator * (den // v.denominator) for v in values], den


def mean(scores: Sequence[Fraction]) -> Fraction:
    ints, den = _scaled(scores)
    return Fraction(sum(ints), den * len(scores))


def median(scores: Sequence[Fraction]) -> Fraction:
    ints, den = _scaled(scores)
    ordered = sorted(ints)
    n = len(ordered)
    mid = n // 2
    if n % 2:
        return Fraction(ordered[mid], den)
    return Fraction(ordered[mid - 1] + ordered[mid], 2 * den)


def trimmed_mean(scores: Sequence[Fraction]) -> Fraction:
    """The mean after dropping exactly one highest and one lowest score (needs 3 or more)."""
    if len(scores) < 3:
        raise ValueError("a trimmed mean needs at least three scores")
    ints, den = _scaled(scores)
    kept = sorted(ints)[1:-1]
    return Fraction(sum(kept), den * len(kept))


def population_variance(scores: Sequence[Fraction]) -> Fraction:
    """``sum((x - mean)^2) / n`` — the population variance (divide by n, not n - 1).

    With ``x_i = a_i / d`` and ``S = sum(a_i)``: ``x_i - mean = (n*a_i - S) / (n*d)``, so the
    variance is ``sum((n*a_i - S)^2) / (n^3 * d^2)``, on integers.
    """
    ints, den = _scaled(scores)
    n, total = len(ints), sum(ints)
    return Fraction(sum((n * a - total) ** 2 for a in ints), n**3 * den**2)


def applied_method(method: AggregationMethod, n: int, trim_from_panel_size: int) -> AggregationMethod:
    """The method actually used for ``n`` scores: a trimmed mean falls back to the mean below its size."""
    if method is AggregationMethod.TRIMMED_MEAN and n < max(trim_from_panel_size, 3):
        return AggregationMethod.MEAN
    return method


def aggregate(method: AggregationMethod, scores: Sequence[Fraction]) -> Fraction:
    """The exact (unrounded) aggregate of ``scores`` by ``method`` (already the applied method)."""
    if method is AggregationMethod.MEDIAN:
        return median(scores)
    if method is AggregationMethod.TRIMMED_MEAN:
        return trimmed_mean(scores)
    return mean(scores)


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

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


def mean(scores: Sequence[Fraction]) -> Fraction:
    return sum(scores, Fraction(0)) / len(scores)


def median(scores: Sequence[Fraction]) -> Fraction:
    ordered = sorted(scores)
    n = len(ordered)
    mid = n // 2
    if n % 2:
        return ordered[mid]
    return (ordered[mid - 1] + ordered[mid]) / 2


def trimmed_mean(scores: Sequence[Fraction]) -> Fraction:
    """The mean after dropping exactly one highest and one lowest score (needs 3 or more)."""
    if len(scores) < 3:
        raise ValueError("a trimmed mean needs at least three scores")
    ordered = sorted(scores)
    return mean(ordered[1:-1])


def population_variance(scores: Sequence[Fraction]) -> Fraction:
    """``sum((x - mean)^2) / n`` — the population variance (divide by n, not n - 1)."""
    m = mean(scores)
    return sum(((x - m) ** 2 for x in scores), Fraction(0)) / len(scores)


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


def percent_divergent(score: Fraction, panel_mean: Fraction, percent: Fraction) -> bool:
    """``|score - mean| > percent/100 * mean``. With a mean of 0 every score is 0: never divergent."""
    return abs(score - panel_mean) > percent / 100 * panel_mean


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

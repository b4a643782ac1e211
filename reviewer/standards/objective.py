"""Objective indicators (客观指标) and numeric gates (数据门槛): points and limits from figures.

Pure and exact: the candidate's figures are :class:`~decimal.Decimal` values keyed by the figure
code (``software_revenue``), the year's national figures by ``national:<code>``; every computation
is integer or :class:`~fractions.Fraction` arithmetic, rounded once, half up, to the standard's
``aggregation.decimal_places``. The rules and worked examples are in ``docs/standard-format.md``
and ``docs/reconciliation.md`` ("Objective indicators").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Protocol

from reviewer.errors import InvalidInput
from reviewer.i18n import T
from reviewer.standards.model import Bilingual, Criterion, GateEffect, Standard, results_for

Figures = Mapping[str, Decimal]


class FigureSpec(Protocol):
    """What names a value: an objective leaf's :class:`~reviewer.standards.model.Objective` or a
    :class:`~reviewer.standards.model.NumericGate`."""

    @property
    def figure(self) -> str: ...

    @property
    def relative_to(self) -> str | None: ...


class MissingFigure(InvalidInput):
    """The candidate's data lacks a figure the standard needs (an objective leaf or a numeric gate)."""

    def __init__(self, figure: str, *, candidate: str = "", needed_by: str = "") -> None:
        self.figure = figure
        self.candidate = candidate
        self.needed_by = needed_by
        super().__init__(
            T(
                "{who}的数据缺少数据项 {figure}（{needed_by} 需要）：请补报该数据后重试。",
                "The data of {who} lacks the figure {figure} (needed by {needed_by}): "
                "add it to the data and try again.",
                who=candidate or T("申报单位", "the candidate"),
                figure=figure,
                needed_by=needed_by or figure,
            )
        )


def _get(figures: Figures, code: str, candidate: str, needed_by: str) -> Decimal:
    try:
        value = figures[code]
    except KeyError:
        raise MissingFigure(code, candidate=candidate, needed_by=needed_by) from None
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        raise TypeError(f"figure {code} must be a Decimal, not {type(value).__name__}")
    value = Decimal(value)
    if not value.is_finite():
        raise TypeError(f"figure {code} must be finite, not {value}")
    return value


def figure_value(spec: FigureSpec, figures: Figures, *, candidate: str = "", needed_by: str = "") -> Decimal:
    """The value ``spec`` names: the figure, minus ``relative_to`` when given. Exact."""
    where = needed_by or spec.figure
    value = _get(figures, spec.figure, candidate, where)
    if spec.relative_to is not None:
        value -= _get(figures, spec.relative_to, candidate, where)  # exact: Decimal subtraction of two
    return value  # finite values of at most 28 digits, far below the context's precision


def _fixed(count: int, places: int) -> Decimal:
    """``count * 10^-places`` (count ≥ 0) with exactly ``places`` decimals."""
    return Decimal((0, tuple(map(int, str(count))), -places))


def _half_up(value: Fraction, places: int) -> int:
    """``value`` (≥ 0) in units of ``10^-places``, rounded half up: ``floor(value * 10^p + 1/2)``."""
    scaled = value * 10**places
    numerator: int = scaled.numerator
    denominator: int = scaled.denominator
    return (2 * numerator + denominator) // (2 * denominator)


def objective_points(leaf: Criterion, figures: Figures, places: int, *, candidate: str = "") -> Decimal:
    """The points of an objective leaf for ``figures``, with exactly ``places`` decimals.

    Bands: the points of the first band whose ``min`` the value reaches (``value >= min``); the last
    band has no min. Linear: ``points * (value - zero_at) / (full_at - zero_at)``, clamped to
    ``[0, points]``, rounded half up to ``places``.
    """
    spec = leaf.objective
    if spec is None:
        raise ValueError(f"criterion {leaf.code} is not an objective indicator")
    value = figure_value(spec, figures, candidate=candidate, needed_by=leaf.code)
    if spec.linear is not None:
        zero, full = spec.linear.zero_at, spec.linear.full_at
        share = (Fraction(value) - Fraction(zero)) / (Fraction(full) - Fraction(zero))
        share = min(max(share, Fraction(0)), Fraction(1))
        return _fixed(_half_up(Fraction(leaf.points) * share, places), places)
    for band in spec.bands:
        if band.minimum is None or value >= band.minimum:
            return _fixed(_half_up(Fraction(band.points), places), places)
    raise AssertionError(f"criterion {leaf.code}: no band matched (the last band has no min)")


@dataclass(frozen=True)
class ObjectiveScore:
    """How one objective leaf got its points, for a record or a ranking table."""

    code: str
    figure: str
    relative_to: str | None
    value: Decimal  # the figure, minus relative_to when given
    points: Decimal  # with the aggregation's decimal places
    band: int | None  # the index of the band taken (None: a linear scale)


def objective_scores(
    standard: Standard, figures: Figures, *, candidate: str = ""
) -> tuple[ObjectiveScore, ...]:
    """Each objective leaf's value, band and points for ``figures``, in the standard's order."""
    places = standard.aggregation.decimal_places
    out = []
    for leaf in objective_leaves(standard):
        spec = leaf.objective
        assert spec is not None  # objective_leaves keeps only these
        value = figure_value(spec, figures, candidate=candidate, needed_by=leaf.code)
        band = None
        if spec.linear is None:
            band = next(i for i, b in enumerate(spec.bands) if b.minimum is None or value >= b.minimum)
        points = objective_points(leaf, figures, places, candidate=candidate)
        out.append(ObjectiveScore(leaf.code, spec.figure, spec.relative_to, value, points, band))
    return tuple(out)


def objective_leaves(standard: Standard) -> tuple[Criterion, ...]:
    """The standard's objective leaves, in the standard's order."""
    return tuple(leaf for leaf in standard.leaves() if leaf.objective is not None)


def objective_points_by_leaf(
    standard: Standard, figures: Figures, *, candidate: str = ""
) -> dict[str, Decimal]:
    """Each objective leaf's points, by code, in the standard's order."""
    places = standard.aggregation.decimal_places
    return {
        leaf.code: objective_points(leaf, figures, places, candidate=candidate)
        for leaf in objective_leaves(standard)
    }


def objective_total(standard: Standard, figures: Figures, *, candidate: str = "") -> Decimal:
    """The sum of the objective leaves' points (each already rounded), exactly."""
    places = standard.aggregation.decimal_places
    points = objective_points_by_leaf(standard, figures, candidate=candidate).values()
    return sum(points, _fixed(0, places))


@dataclass(frozen=True)
class GateOutcome:
    """One numeric gate checked against the candidate's figures."""

    code: str
    title: Bilingual
    value: Decimal
    minimum: Decimal
    passed: bool  # value >= minimum
    effect: GateEffect
    cap: str | None


def numeric_gates(standard: Standard, figures: Figures, *, candidate: str = "") -> tuple[GateOutcome, ...]:
    """Each of the standard's numeric gates for ``figures``, in the standard's order."""
    out = []
    for gate in standard.numeric_gates:
        value = figure_value(gate, figures, candidate=candidate, needed_by=gate.code)
        out.append(
            GateOutcome(
                gate.code, gate.title, value, gate.minimum, value >= gate.minimum, gate.effect, gate.cap
            )
        )
    return tuple(out)


def cap_result(standard: Standard, result: str, outcomes: Iterable[GateOutcome]) -> str:
    """``result`` limited by the failed gates: "fail" → the kind's lowest result, "cap" → at most
    the gate's cap. Results are ranked best first (``3, 2, 1``; ``pass, pass_after_rectification,
    fail``); the worst limit wins."""
    order = results_for(standard.kind)
    rank = order.index(result)
    for outcome in outcomes:
        if outcome.passed:
            continue
        limit = len(order) - 1 if outcome.effect is GateEffect.FAIL else order.index(str(outcome.cap))
        rank = max(rank, limit)
    return order[rank]

"""The reconciliation engine: (standard, sheets, chair's decisions) → :class:`Reconciliation`.

Pure and deterministic: no Qt, no database, no files, no clock, no global Decimal context. The
ministry reruns it on import and compares the canonical JSON byte for byte. The arithmetic is
specified in ``docs/reconciliation.md``; :mod:`reviewer.scoring.stats` implements it exactly.

Every score is converted once to a whole number of one common unit (:class:`_Arithmetic`); the
statistics, the divergence tests and the leniency are integer arithmetic on those numbers, each
result normalised once, where it is rounded.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from decimal import Decimal
from operator import itemgetter

from reviewer.scoring import stats
from reviewer.scoring.conclusion import conclude, yes_no_results
from reviewer.scoring.inputs import ConsensusScore, Decisions, ExpertScores
from reviewer.scoring.result import (
    FORMAT,
    DivergentScore,
    ExpertScore,
    ExpertSheet,
    IndicatorResult,
    Leniency,
    NodeResult,
    Reconciliation,
)
from reviewer.scoring.validate import check_decisions, check_sheets
from reviewer.standards.model import Criterion, Standard
from reviewer.standards.objective import numeric_gates


def reconcile(
    standard: Standard,
    sheets: Iterable[ExpertScores],
    decisions: Decisions | None = None,
    figures: Mapping[str, Decimal] | None = None,
    *,
    candidate: str = "",
) -> Reconciliation:
    """Reconcile the panel's sheets under ``standard``; raises a ``ReconcileInputError`` on bad input.

    ``figures``: the candidate's figures (with the year's ``national:<code>`` ones) when the panel
    has them; the standard's numeric gates then limit the conclusion (``MissingFigure`` when one
    is absent). Without them, the numeric gates are not applied.
    """
    decisions = decisions or Decisions()
    ordered = check_sheets(standard, list(sheets))
    scoring = [s for s in ordered if not s.recused]
    check_decisions(standard, decisions, {s.expert_id for s in scoring})
    explained = {(e.expert_id, e.code): e.text for e in decisions.explanations}

    leaves = standard.leaves()
    arithmetic = _Arithmetic(standard, leaves)
    ids = tuple(s.expert_id for s in scoring)
    # one row per expert, in the standard's order of leaves: the scores and the same in units
    pick = _picker([leaf.code for leaf in leaves])
    rows = [[Decimal(v) for v in pick(s.scores)] for s in scoring]
    units = [arithmetic.units(row) for row in rows]
    # and one column per leaf (empty when no expert scores)
    columns = list(zip(*rows, strict=True)) if rows else [()] * len(leaves)
    unit_columns = list(zip(*units, strict=True)) if units else [()] * len(leaves)

    indicators: list[IndicatorResult] = []
    aggregates: list[int] = []  # each leaf's rounded aggregate, in units (when it has one)
    divergences: list[DivergentScore] = []
    for leaf, scores, ints in zip(leaves, columns, unit_columns, strict=True):
        indicator, aggregate = arithmetic.indicator(
            leaf, ids, scores, ints, decisions.consensus.get(leaf.code)
        )
        indicators.append(indicator)
        if aggregate is not None:
            aggregates.append(aggregate)
        if indicator.divergent_experts:
            by_expert = dict(zip(ids, scores, strict=True))
            divergences.extend(
                DivergentScore(e, leaf.code, by_expert[e], explained.get((e, leaf.code)))
                for e in indicator.divergent_experts
            )

    by_code = {i.code: i for i in indicators}
    nodes: dict[str, NodeResult] = {}
    for top in standard.criteria:
        _node(standard, top, by_code, nodes)
    values = [nodes[top.code].value for top in standard.criteria]
    total = None if any(v is None for v in values) else sum(values, Decimal(0))  # type: ignore[type-var]  # no None: checked just before

    quorum_met = len(scoring) >= standard.quorum.min_experts
    yes_no = yes_no_results(standard, scoring)
    numeric = None if figures is None else numeric_gates(standard, figures, candidate=candidate)
    conclusion = conclude(
        standard, quorum_met=quorum_met, total=total, nodes=nodes, yes_no=yes_no, numeric=numeric
    )

    return Reconciliation(
        format=FORMAT,
        standard_id=standard.id,
        standard_version=standard.version,
        decimal_places=standard.aggregation.decimal_places,
        experts=tuple(ExpertSheet(s.expert_id, s.version, s.recused) for s in ordered),
        scoring_experts=len(scoring),
        quorum_required=standard.quorum.min_experts,
        quorum_met=quorum_met,
        indicators=tuple(indicators),
        nodes=tuple(nodes[c.code] for c in standard.walk() if c.code in nodes),
        total=total,
        yes_no=yes_no,
        divergences=tuple(divergences),
        explanations=decisions.explanations,
        leniency=_leniency(ids, units, aggregates, arithmetic.unit),
        conclusion=conclusion,
    )


def _picker(codes: Sequence[str]) -> Callable[[Mapping[str, Decimal]], tuple[Decimal, ...]]:
    """A function returning the values of ``codes`` from a mapping, in that order, as a tuple."""
    if len(codes) == 1:
        return lambda mapping: (mapping[codes[0]],)
    return itemgetter(*codes)


class _Arithmetic:
    """The standard's constants for one reconciliation, and the per-indicator computation.

    ``unit`` is the least common multiple of every leaf's step denominator and of
    ``10^decimal_places``: every (checked) score and every rounded aggregate is a whole number of
    ``1/unit``. The percent and share thresholds are kept as integer ratios.
    """

    def __init__(self, standard: Standard, leaves: Sequence[Criterion]) -> None:
        agg = standard.aggregation
        self.method = agg.method
        self.trim_from = agg.trim_from_panel_size
        self.places = agg.decimal_places
        steps = {
            (leaf.step if leaf.step is not None else Decimal(1)).as_integer_ratio()[1] for leaf in leaves
        }
        self.unit = math.lcm(10**self.places, *steps)
        self.per_place = self.unit // 10**self.places  # units in one 10^-places
        div = standard.divergence
        pct = div.percent_from_mean
        self.percent = None if pct is None else pct.as_integer_ratio()
        share = div.spread_share_of_points
        self.share = None if share is None else share.as_integer_ratio()
        self._scale: dict[int, int] = {}  # a value's denominator -> units in 1/denominator

    def units(self, values: Sequence[Decimal]) -> list[int]:
        """Each (checked, on-step) value as a whole number of ``1/unit``."""
        out = []
        scale = self._scale
        for numerator, denominator in map(Decimal.as_integer_ratio, values):
            factor = scale.get(denominator)
            if factor is None:
                if self.unit % denominator:  # cannot happen after check_sheets: the value is on its step
                    raise ValueError(f"{numerator}/{denominator} is not a whole number of 1/{self.unit}")
                factor = scale[denominator] = self.unit // denominator
            out.append(numerator * factor)
        return out

    def indicator(
        self,
        leaf: Criterion,
        ids: Sequence[str],
        scores: Sequence[Decimal],
        ints: Sequence[int],
        consensus: ConsensusScore | None,
    ) -> tuple[IndicatorResult, int | None]:
        """One leaf's result, and its rounded aggregate in units (``None`` without scores)."""
        if consensus is not None:  # an int value was accepted by the checks; the output holds a Decimal
            consensus = replace(consensus, value=Decimal(consensus.value))
        n = len(scores)
        method = stats.applied_method(self.method, n, self.trim_from)
        if not n:
            value = None if consensus is None else consensus.value
            empty = IndicatorResult(
                code=leaf.code,
                points=leaf.points,
                scores=(),
                mean=None,
                median=None,
                minimum=None,
                maximum=None,
                spread=None,
                std_dev=None,
                method=method,
                aggregate=None,
                consensus=consensus,
                value=value,
                spread_divergent=False,
                divergent_experts=(),
            )
            return empty, None
        unit = self.unit
        ordered = sorted(ints)
        total = sum(ints)
        # the first lowest and first highest score, as min() and max() over the scores would pick
        low, high = scores[ints.index(ordered[0])], scores[ints.index(ordered[-1])]
        count = stats.half_up(*stats.aggregate_ratio(method, ordered, unit), self.places)
        aggregate = stats.fixed(count, self.places)

        divergent: tuple[str, ...] = ()
        if self.percent is not None:
            # |x - m| > p/100 * m, with x = a/unit and m = S/(n*unit), times n*unit*100*q (p = r/q):
            # |n*a - S| * 100*q > r * S
            r, q = self.percent
            factor, limit = 100 * q, r * total
            divergent = tuple(
                e for e, a in zip(ids, ints, strict=True) if abs(n * a - total) * factor > limit
            )
        spread_flag = False
        if self.share is not None:
            # (max - min)/unit > share * points, share = r/q and points = u/v
            r, q = self.share
            u, v = leaf.points.as_integer_ratio()
            spread_flag = (ordered[-1] - ordered[0]) * q * v > r * u * unit
        indicator = IndicatorResult(
            code=leaf.code,
            points=leaf.points,
            scores=tuple(map(ExpertScore, ids, scores)),
            mean=stats.round_ratio(total, unit * n, stats.STAT_PLACES),
            median=stats.round_ratio(*stats.median_ratio(ordered, unit), stats.STAT_PLACES),
            minimum=low,
            maximum=high,
            spread=high - low,
            std_dev=stats.sqrt_half_up_ratio(*stats.variance_ratio(ints, unit), stats.STAT_PLACES),
            method=method,
            aggregate=aggregate,
            consensus=consensus,
            value=aggregate if consensus is None else consensus.value,
            spread_divergent=spread_flag,
            divergent_experts=divergent,
        )
        return indicator, count * self.per_place


def _node(
    standard: Standard, node: Criterion, leaves: Mapping[str, IndicatorResult], out: dict[str, NodeResult]
) -> Decimal | None:
    """Record ``node`` (if it has children or is level 1) and its descendants; return its value.

    A leaf's value is its indicator's value; a parent's is the exact sum of its children's values.
    """
    if node.is_leaf:
        value = leaves[node.code].value
    else:
        parts = [_node(standard, child, leaves, out) for child in node.children]
        value = None if any(p is None for p in parts) else sum(parts, Decimal(0))  # type: ignore[type-var]  # no None: checked just before
    if node.level == 1 or not node.is_leaf:
        minimum = standard.level1_minimum(node) if node.level == 1 else None
        met = None if minimum is None or value is None else value >= minimum
        out[node.code] = NodeResult(node.code, node.level, node.points, value, minimum, met)
    return value


def _leniency(
    ids: Sequence[str], units: Sequence[Sequence[int]], aggregates: Sequence[int], unit: int
) -> tuple[Leniency, ...]:
    """Each expert's mean (and mean absolute) deviation from the rounded aggregates, in ``1/unit``.

    Every leaf has an aggregate as soon as one expert scores, so the rows and the aggregates align.
    """
    if not aggregates:
        return ()
    out = []
    den = unit * len(aggregates)
    for expert_id, row in zip(ids, units, strict=True):
        deviations = [a - g for a, g in zip(row, aggregates, strict=True)]
        out.append(
            Leniency(
                expert_id,
                stats.round_ratio(sum(deviations), den, stats.STAT_PLACES),
                stats.round_ratio(sum(map(abs, deviations)), den, stats.STAT_PLACES),
            )
        )
    return tuple(out)

"""The reconciliation engine: (standard, sheets, chair's decisions) → :class:`Reconciliation`.

Pure and deterministic: no Qt, no database, no files, no clock, no global Decimal context. The
ministry reruns it on import and compares the canonical JSON byte for byte. The arithmetic is
specified in ``docs/reconciliation.md``; :mod:`reviewer.scoring.stats` implements it exactly.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from decimal import Decimal
from fractions import Fraction

from reviewer.scoring import stats
from reviewer.scoring.conclusion import conclude, yes_no_results
from reviewer.scoring.inputs import Decisions, ExpertScores
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


def reconcile(
    standard: Standard, sheets: Iterable[ExpertScores], decisions: Decisions | None = None
) -> Reconciliation:
    """Reconcile the panel's sheets under ``standard``; raises a ``ReconcileInputError`` on bad input."""
    decisions = decisions or Decisions()
    ordered = check_sheets(standard, list(sheets))
    scoring = [s for s in ordered if not s.recused]
    check_decisions(standard, decisions, {s.expert_id for s in scoring})
    explained = {(e.expert_id, e.code): e.text for e in decisions.explanations}

    indicators = tuple(
        _indicator(standard, leaf, scoring, decisions, explained) for leaf in standard.leaves()
    )
    by_code = {i.code: i for i in indicators}
    nodes: dict[str, NodeResult] = {}
    for top in standard.criteria:
        _node(standard, top, by_code, nodes)
    values = [nodes[top.code].value for top in standard.criteria]
    total = None if any(v is None for v in values) else sum(values, Decimal(0))  # type: ignore[arg-type]

    quorum_met = len(scoring) >= standard.quorum.min_experts
    yes_no = yes_no_results(standard, scoring)
    conclusion = conclude(standard, quorum_met=quorum_met, total=total, nodes=nodes, yes_no=yes_no)

    divergences = tuple(
        DivergentScore(e, i.code, i.score_of(e), explained.get((e, i.code)))  # type: ignore[arg-type]
        for i in indicators
        for e in i.divergent_experts
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
        indicators=indicators,
        nodes=tuple(nodes[c.code] for c in standard.walk() if c.code in nodes),
        total=total,
        yes_no=yes_no,
        divergences=divergences,
        explanations=decisions.explanations,
        leniency=_leniency(scoring, indicators),
        conclusion=conclusion,
    )


def _indicator(
    standard: Standard,
    leaf: Criterion,
    scoring: Sequence[ExpertScores],
    decisions: Decisions,
    explained: Mapping[tuple[str, str], str],
) -> IndicatorResult:
    agg = standard.aggregation
    scores = tuple(ExpertScore(s.expert_id, Decimal(s.scores[leaf.code])) for s in scoring)
    consensus = decisions.consensus.get(leaf.code)
    if consensus is not None:  # an int value was accepted by the checks; the output holds a Decimal
        consensus = replace(consensus, value=Decimal(consensus.value))
    method = stats.applied_method(agg.method, len(scores), agg.trim_from_panel_size)
    if not scores:
        value = None if consensus is None else consensus.value
        return IndicatorResult(
            leaf.code,
            leaf.points,
            (),
            None,
            None,
            None,
            None,
            None,
            None,
            method,
            None,
            consensus,
            value,
            False,
            (),
        )
    exact = [stats.exact(s.score) for s in scores]
    mean = stats.mean(exact)
    low, high = min(s.score for s in scores), max(s.score for s in scores)
    aggregate = stats.round_half_up(stats.aggregate(method, exact), agg.decimal_places)

    div = standard.divergence
    divergent: tuple[str, ...] = ()
    if div.percent_from_mean is not None:
        limit = stats.divergence_limit(mean, stats.exact(div.percent_from_mean))  # once per indicator
        divergent = tuple(s.expert_id for s, x in zip(scores, exact, strict=True) if abs(x - mean) > limit)
    spread_flag = div.spread_share_of_points is not None and stats.spread_divergent(
        stats.exact(high - low), stats.exact(div.spread_share_of_points), stats.exact(leaf.points)
    )
    return IndicatorResult(
        code=leaf.code,
        points=leaf.points,
        scores=scores,
        mean=stats.round_half_up(mean, stats.STAT_PLACES),
        median=stats.round_half_up(stats.median(exact), stats.STAT_PLACES),
        minimum=low,
        maximum=high,
        spread=high - low,
        std_dev=stats.sqrt_half_up(stats.population_variance(exact), stats.STAT_PLACES),
        method=method,
        aggregate=aggregate,
        consensus=consensus,
        value=aggregate if consensus is None else consensus.value,
        spread_divergent=spread_flag,
        divergent_experts=divergent,
    )


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
        value = None if any(p is None for p in parts) else sum(parts, Decimal(0))  # type: ignore[arg-type]
    if node.level == 1 or not node.is_leaf:
        minimum = standard.level1_minimum(node) if node.level == 1 else None
        met = None if minimum is None or value is None else value >= minimum
        out[node.code] = NodeResult(node.code, node.level, node.points, value, minimum, met)
    return value


def _leniency(scoring: Sequence[ExpertScores], indicators: Sequence[IndicatorResult]) -> tuple[Leniency, ...]:
    out = []
    aggregates = [(i.code, Fraction(i.aggregate)) for i in indicators if i.aggregate is not None]
    for sheet in scoring:
        deviations = [Fraction(Decimal(sheet.scores[code])) - agg for code, agg in aggregates]
        if not deviations:
            continue
        out.append(
            Leniency(
                sheet.expert_id,
                stats.round_half_up(stats.mean(deviations), stats.STAT_PLACES),
                stats.round_half_up(stats.mean([abs(d) for d in deviations]), stats.STAT_PLACES),
            )
        )
    return tuple(out)

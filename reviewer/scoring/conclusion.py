"""The panel's yes/no answers, the level-1 minimums and the conclusion rules.

Order of the checks (``docs/reconciliation.md``): quorum, then vetoes, then the rules in order.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from reviewer.scoring.inputs import ExpertScores
from reviewer.scoring.result import (
    REASON_QUORUM,
    REASON_RULE,
    REASON_VETO,
    Conclusion,
    ExpertAnswer,
    NodeResult,
    RuleCheck,
    YesNoResult,
)
from reviewer.standards.model import Standard, VetoCombine, YesNoEffect
from reviewer.standards.objective import GateOutcome, cap_result


def panel_says_no(combine: VetoCombine, no_count: int, n: int) -> bool:
    """Whether ``no_count`` "no" answers out of ``n`` make the panel's answer "no"."""
    if combine is VetoCombine.ANY_NO:
        return no_count >= 1
    if combine is VetoCombine.MAJORITY_NO:
        return 2 * no_count > n
    return n > 0 and no_count == n  # ALL_NO


def yes_no_results(standard: Standard, scoring: Sequence[ExpertScores]) -> tuple[YesNoResult, ...]:
    """Each yes/no item's answers from the scoring (non-recused) experts, and the panel's answer."""
    out = []
    for item in standard.yes_no:
        answers = tuple(ExpertAnswer(s.expert_id, bool(s.answers[item.code])) for s in scoring)
        no_count = sum(1 for a in answers if not a.answer)
        out.append(
            YesNoResult(
                code=item.code,
                effect=item.effect,
                combine=item.combine,
                answers=answers,
                no_count=no_count,
                panel_no=panel_says_no(item.combine, no_count, len(answers)),
            )
        )
    return tuple(out)


def conclude(
    standard: Standard,
    *,
    quorum_met: bool,
    total: Decimal | None,
    nodes: Mapping[str, NodeResult],
    yes_no: Sequence[YesNoResult],
    numeric: Sequence[GateOutcome] | None = None,
) -> Conclusion:
    """Apply quorum, vetoes and the ordered rules; the first rule whose every condition holds wins.

    ``numeric``: the numeric gates' outcomes for the candidate's figures (``None``: no figures
    given, as before). They limit the rules' result (:func:`cap_result`); a veto stays a veto.
    """
    answered_no = {y.code for y in yes_no if y.panel_no}
    vetoed_by = tuple(y.code for y in yes_no if y.panel_no and y.effect is YesNoEffect.VETO)
    failed_gates = tuple(y.code for y in yes_no if y.panel_no and y.effect is YesNoEffect.GATE)
    failed_minimums = tuple(top.code for top in standard.criteria if nodes[top.code].minimum_met is False)
    common: dict[str, Any] = {
        "vetoed_by": vetoed_by,
        "failed_gates": failed_gates,
        "failed_minimums": failed_minimums,
        "numeric_gates": tuple(numeric or ()),
    }
    if not quorum_met or total is None:
        return Conclusion(None, None, REASON_QUORUM, None, False, trace=(), **common)
    if vetoed_by:
        result = standard.conclusion.on_veto
        return Conclusion(result, standard.result_label(result), REASON_VETO, None, True, trace=(), **common)
    trace = []
    for index, rule in enumerate(standard.conclusion.rules):
        total_met = None if rule.min_total is None else total >= rule.min_total
        gates = tuple(g for g in rule.gates if g in answered_no)
        minimums = None if not rule.minimums_met else not failed_minimums
        matched = total_met is not False and not gates and minimums is not False
        trace.append(RuleCheck(index, rule.result, total_met, gates, minimums, matched))
        if matched:
            result = rule.result
            if numeric:
                common["rule_result"] = result
                result = cap_result(standard, result, numeric)
            label = standard.result_label(result)
            return Conclusion(result, label, REASON_RULE, index, False, trace=tuple(trace), **common)
    # The standard's last rule has no condition (checked when the standard is loaded).
    raise AssertionError("no conclusion rule matched: the standard has no unconditional last rule")

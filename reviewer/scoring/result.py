"""The output of the reconciliation engine: a tree of frozen values, serialisable to canonical JSON.

Everything a reader of the record needs to recompute or explain the conclusion is here: every
score that counted, the statistics, the aggregate and the value taken, the chair's consensus with
its rationale, the divergences with their explanations, the subtotals and minimums, the panel's
yes/no answers, and the conclusion with the trace of the rules tried.
Lists are in a fixed order (standard order for indicators and items, expert id for experts).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from reviewer.i18n import T, Text
from reviewer.scoring.inputs import ConsensusScore, Explanation
from reviewer.scoring.serial import OMIT_DEFAULT, canonical_json, from_plain, to_plain
from reviewer.standards.model import (
    RESULT_LABELS,
    AggregationMethod,
    Bilingual,
    GateEffect,
    VetoCombine,
    YesNoEffect,
)
from reviewer.standards.objective import GateOutcome

FORMAT = "reviewer.reconciliation/1"

REASON_QUORUM = "quorum"
REASON_VETO = "veto"
REASON_RULE = "rule"


@dataclass(frozen=True)
class ExpertSheet:
    expert_id: str
    version: int
    recused: bool


@dataclass(frozen=True)
class ExpertScore:
    expert_id: str
    score: Decimal


@dataclass(frozen=True)
class DivergentScore:
    """A score further from the panel mean than the standard allows, and its explanation if given."""

    expert_id: str
    code: str
    score: Decimal
    explanation: str | None


@dataclass(frozen=True)
class IndicatorResult:
    """One leaf indicator. Statistics are ``None`` when no non-recused expert scored."""

    code: str
    points: Decimal
    scores: tuple[ExpertScore, ...]
    mean: Decimal | None  # rounded half up to STAT_PLACES, informative
    median: Decimal | None  # rounded half up to STAT_PLACES, informative
    minimum: Decimal | None
    maximum: Decimal | None
    spread: Decimal | None  # maximum - minimum
    std_dev: Decimal | None  # population standard deviation, rounded half up to STAT_PLACES
    method: AggregationMethod  # the method applied (a trimmed mean below its panel size is a mean)
    aggregate: Decimal | None  # rounded half up to the standard's decimal_places
    consensus: ConsensusScore | None
    value: Decimal | None  # the consensus value if decided, else the aggregate
    spread_divergent: bool
    divergent_experts: tuple[str, ...]

    @property
    def n(self) -> int:
        return len(self.scores)

    def score_of(self, expert_id: str) -> Decimal | None:
        return next((s.score for s in self.scores if s.expert_id == expert_id), None)


@dataclass(frozen=True)
class NodeResult:
    """An indicator with children: its value is the exact sum of its children's values."""

    code: str
    level: int
    points: Decimal
    value: Decimal | None
    minimum: Decimal | None  # level-1 only: the standard's minimum for it
    minimum_met: bool | None  # level-1 with a minimum only


@dataclass(frozen=True)
class ExpertAnswer:
    expert_id: str
    answer: bool


@dataclass(frozen=True)
class YesNoResult:
    code: str
    effect: YesNoEffect
    combine: VetoCombine
    answers: tuple[ExpertAnswer, ...]
    no_count: int
    panel_no: bool  # the panel's answer is "no" under the item's combine rule


@dataclass(frozen=True)
class RuleCheck:
    """One conclusion rule tried: which of its conditions held (``None``: the rule has no such condition)."""

    index: int
    result: str
    total_met: bool | None
    failed_gates: tuple[str, ...]
    minimums_met: bool | None
    matched: bool


@dataclass(frozen=True)
class Conclusion:
    result: str | None  # None when there is no conclusion (quorum not met)
    label: Bilingual | None
    reason: str  # "quorum", "veto" or "rule"
    rule_index: int | None  # which rule matched (reason "rule")
    vetoed: bool
    vetoed_by: tuple[str, ...]  # veto items the panel answered "no"
    failed_gates: tuple[str, ...]  # gate items the panel answered "no"
    failed_minimums: tuple[str, ...]  # level-1 indicators below their minimum
    trace: tuple[RuleCheck, ...]  # the rules tried, in order, up to the one that matched
    # Numeric gates (数据门槛), present only when the candidate's figures were given and the
    # standard has gates: each gate's outcome, and the rules' result before the gates limited it.
    numeric_gates: tuple[GateOutcome, ...] = field(default=(), metadata=OMIT_DEFAULT)
    rule_result: str | None = field(default=None, metadata=OMIT_DEFAULT)

    def explain(self) -> list[Text]:
        """Why this conclusion, in sentences for the record."""
        if self.reason == REASON_QUORUM:
            return [T("未达到法定人数，不作结论。", "The quorum is not met: no conclusion.")]
        if self.reason == REASON_VETO:
            return [
                T(
                    "一票否决项 {codes} 的专家组意见为“否”。",
                    "Veto item(s) {codes} answered “no” by the panel.",
                    codes=", ".join(self.vetoed_by),
                )
            ]
        lines = []
        for check in self.trace:
            label = RESULT_LABELS.get(check.result, Bilingual(check.result, check.result))
            if check.matched:
                lines.append(
                    Text(
                        f"符合规则 {check.index + 1}（{label.zh}）。",
                        f"Rule {check.index + 1} ({label.en}) holds.",
                    )
                )
                continue
            why = []
            if check.total_met is False:
                why.append(T("总分未达到门槛", "the total is below its threshold"))
            if check.failed_gates:
                why.append(T("门槛项未通过：{g}", "gate(s) failed: {g}", g=", ".join(check.failed_gates)))
            if check.minimums_met is False:
                why.append(
                    T(
                        "一级指标未达最低分：{m}",
                        "level-1 minimum(s) not met: {m}",
                        m=", ".join(self.failed_minimums),
                    )
                )
            reasons_zh = "；".join(w.zh.format(**w.args) for w in why)
            reasons_en = "; ".join(w.en.format(**w.args) for w in why)
            lines.append(
                Text(
                    f"不符合规则 {check.index + 1}（{label.zh}）：{reasons_zh}。",
                    f"Rule {check.index + 1} ({label.en}) does not hold: {reasons_en}.",
                )
            )
        lines.extend(self._numeric_lines())
        return lines

    def _numeric_lines(self) -> list[Text]:
        lines = []
        for gate in self.numeric_gates:
            if gate.passed:
                continue
            if gate.effect is GateEffect.FAIL:
                zh_effect, en_effect = "结论为最低档", "the result is the lowest"
            else:
                cap = RESULT_LABELS.get(str(gate.cap), Bilingual(str(gate.cap), str(gate.cap)))
                zh_effect, en_effect = f"结论至多为{cap.zh}", f"the result is at most {cap.en}"
            lines.append(
                Text(
                    f"数据门槛 {gate.code}（{gate.title.zh}）未达到：{gate.value} 低于 {gate.minimum}，{zh_effect}。",
                    f"Numeric gate {gate.code} ({gate.title.en}) not met: {gate.value} is below "
                    f"{gate.minimum}; {en_effect}.",
                )
            )
        if self.rule_result is not None and self.rule_result != self.result:
            before = RESULT_LABELS.get(self.rule_result, Bilingual(self.rule_result, self.rule_result))
            after = self.label or Bilingual(str(self.result), str(self.result))
            lines.append(
                Text(
                    f"结论由{before.zh}调整为{after.zh}。",
                    f"The result is lowered from {before.en} to {after.en}.",
                )
            )
        return lines


@dataclass(frozen=True)
class Leniency:
    """How an expert scores against the panel: mean of (own score - computed aggregate) over the leaves."""

    expert_id: str
    mean_deviation: Decimal  # signed: > 0 more lenient than the panel, < 0 stricter
    mean_abs_deviation: Decimal


@dataclass(frozen=True)
class Reconciliation:
    format: str
    standard_id: str
    standard_version: str
    decimal_places: int
    experts: tuple[ExpertSheet, ...]
    scoring_experts: int
    quorum_required: int
    quorum_met: bool
    indicators: tuple[IndicatorResult, ...]
    nodes: tuple[NodeResult, ...]
    total: Decimal | None
    yes_no: tuple[YesNoResult, ...]
    divergences: tuple[DivergentScore, ...]
    explanations: tuple[Explanation, ...]
    leniency: tuple[Leniency, ...]
    conclusion: Conclusion

    def indicator(self, code: str) -> IndicatorResult:
        return next(i for i in self.indicators if i.code == code)

    def node(self, code: str) -> NodeResult:
        return next(n for n in self.nodes if n.code == code)

    def answer(self, code: str) -> YesNoResult:
        return next(y for y in self.yes_no if y.code == code)

    def leniency_of(self, expert_id: str) -> Leniency:
        return next(x for x in self.leniency if x.expert_id == expert_id)

    @property
    def result(self) -> str | None:
        return self.conclusion.result

    @property
    def unexplained(self) -> tuple[DivergentScore, ...]:
        return tuple(d for d in self.divergences if d.explanation is None)

    def to_dict(self) -> dict[str, Any]:
        return to_plain(self)

    def to_json(self) -> bytes:
        """Canonical JSON: sorted keys, compact, UTF-8, Decimals as normalised strings."""
        return canonical_json(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Reconciliation:
        return from_plain(cls, data)

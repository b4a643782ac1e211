"""The standard (评审标准 / 指标体系): plain, frozen domain objects.

A standard is loaded from a JSON file (see ``docs/standard-format.md``) and never hard-coded.
All numbers are :class:`~decimal.Decimal` so that arithmetic on points is exact.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from reviewer.i18n import bilingual


class ReviewKind(StrEnum):
    APPLICATION = "application"  # 申请审查
    CREATION = "creation"  # 评审授予 (创建评审)
    ANNUAL = "annual"  # 年度评估


class CandidateType(StrEnum):
    CITY = "city"  # 名城
    PARK = "park"  # 名园


class EvidenceMethod(StrEnum):
    DOCUMENT_REVIEW = "document_review"  # 文档审查
    SITE_INSPECTION = "site_inspection"  # 实地考察
    KEY_INTERVIEW = "key_interview"  # 重点约谈
    THEMED_FORUM = "themed_forum"  # 专题座谈
    PRESENTATION_QUESTIONING = "presentation_questioning"  # 汇报、质询答辩


class AggregationMethod(StrEnum):
    MEAN = "mean"
    TRIMMED_MEAN = "trimmed_mean"  # drop one highest and one lowest
    MEDIAN = "median"


class YesNoEffect(StrEnum):
    VETO = "veto"  # 一票否决: a "no" from the panel decides the review
    GATE = "gate"  # 门槛: a condition the conclusion rules may require


class VetoCombine(StrEnum):
    """How the panel's yes/no answers on one item combine into the panel's answer."""

    ANY_NO = "any_no"  # one "no" is enough for the panel's "no"
    MAJORITY_NO = "majority_no"  # more than half of the scoring experts say "no"
    ALL_NO = "all_no"  # every scoring expert says "no"


class GateEffect(StrEnum):
    """What a numeric gate (数据门槛) does to the conclusion when the figure is below its minimum."""

    FAIL = "fail"  # the standard's lowest result
    CAP = "cap"  # at most the gate's ``cap`` result


class CommentRule(StrEnum):
    DEFAULT = "default"  # the standard's comment policy applies
    ALWAYS = "always"
    NEVER = "never"


@dataclass(frozen=True)
class Bilingual:
    zh: str
    en: str

    def text(self, lang: str | None = None) -> str:
        return bilingual({"zh": self.zh, "en": self.en}, lang)


@dataclass(frozen=True)
class LevelDescriptor:
    """What a score in ``[low, high]`` means for one indicator (评分档次)."""

    low: Decimal
    high: Decimal
    text: Bilingual


@dataclass(frozen=True)
class Band:
    """One band of an objective indicator: ``points`` when the value is at least ``minimum``.

    The last band of a leaf has no minimum (``None``): it takes every value below the others.
    """

    minimum: Decimal | None
    points: Decimal


@dataclass(frozen=True)
class Linear:
    """Points proportional to the value: 0 at ``zero_at``, the leaf's points at ``full_at``."""

    zero_at: Decimal
    full_at: Decimal


@dataclass(frozen=True)
class Objective:
    """How an objective leaf (客观指标) takes its points from a statistical figure.

    The value is ``figures[figure]``, minus ``figures[relative_to]`` when that is given
    (e.g. ``national:software_revenue_growth``). Exactly one of ``bands`` and ``linear`` is set.
    """

    figure: str
    relative_to: str | None = None
    bands: tuple[Band, ...] = ()
    linear: Linear | None = None


@dataclass(frozen=True)
class NumericGate:
    """A threshold on a figure (数据门槛): below ``minimum``, the result fails or is capped."""

    code: str
    title: Bilingual
    figure: str
    minimum: Decimal
    effect: GateEffect
    relative_to: str | None = None
    cap: str | None = None  # for effect "cap": the best result allowed


@dataclass(frozen=True)
class Criterion:
    """A node of the indicator tree: a level-1 indicator with children, or a scored leaf."""

    code: str
    title: Bilingual
    points: Decimal
    level: int
    children: tuple[Criterion, ...] = ()
    step: Decimal | None = None
    levels: tuple[LevelDescriptor, ...] = ()
    guidance: Bilingual | None = None
    evidence: tuple[EvidenceMethod, ...] = ()
    comment_rule: CommentRule = CommentRule.DEFAULT
    minimum: Decimal | None = None  # per-indicator minimum, on level-1 nodes
    objective: Objective | None = None  # on an objective leaf: points computed from a figure

    @property
    def is_leaf(self) -> bool:
        return not self.children

    def walk(self) -> Iterator[Criterion]:
        yield self
        for child in self.children:
            yield from child.walk()

    def leaves(self) -> Iterator[Criterion]:
        return (c for c in self.walk() if c.is_leaf)


@dataclass(frozen=True)
class YesNoItem:
    """A yes/no item answered by every expert: a veto (材料真实性) or a gate (产业不萎缩)."""

    code: str
    title: Bilingual
    effect: YesNoEffect
    combine: VetoCombine
    guidance: Bilingual | None = None
    evidence: tuple[EvidenceMethod, ...] = ()


@dataclass(frozen=True)
class EligibilityItem:
    """A pass/fail condition checked before scoring (资格条件 / 形式审查)."""

    code: str
    text: Bilingual


@dataclass(frozen=True)
class Aggregation:
    method: AggregationMethod
    trim_from_panel_size: int  # trimmed mean applies from this many scoring experts on
    decimal_places: int  # each indicator's aggregate is rounded half-up to this many places


@dataclass(frozen=True)
class Divergence:
    """When a score must be re-checked and explained. ``None`` disables a criterion."""

    percent_from_mean: Decimal | None
    spread_share_of_points: Decimal | None


@dataclass(frozen=True)
class Quorum:
    min_experts: int  # scoring (non-recused) sheets needed for any conclusion


@dataclass(frozen=True)
class CommentPolicy:
    """When a comment is required by default: at or above / at or below a share of the points."""

    at_or_above_share: Decimal | None
    at_or_below_share: Decimal | None


@dataclass(frozen=True)
class ConclusionRule:
    """One outcome, taken when every condition holds; rules are tried in order."""

    result: str
    min_total: Decimal | None = None
    gates: tuple[str, ...] = ()
    minimums_met: bool = False
    label: Bilingual | None = None


@dataclass(frozen=True)
class ConclusionRules:
    rules: tuple[ConclusionRule, ...]
    on_veto: str
    level1_min_share: Decimal | None  # default minimum of each level-1 indicator, share of points


CREATION_RESULTS = ("pass", "pass_after_rectification", "fail")
STAR_RESULTS = ("3", "2", "1")
RESULT_LABELS = {
    "pass": Bilingual("通过", "Pass"),
    "pass_after_rectification": Bilingual("整改后通过", "Pass after rectification"),
    "fail": Bilingual("不通过", "Fail"),
    "3": Bilingual("三星", "Three stars"),
    "2": Bilingual("二星", "Two stars"),
    "1": Bilingual("一星", "One star"),
}


def results_for(kind: ReviewKind) -> tuple[str, ...]:
    return STAR_RESULTS if kind is ReviewKind.ANNUAL else CREATION_RESULTS


@dataclass(frozen=True)
class Standard:
    id: str
    version: str
    kind: ReviewKind
    candidate_type: CandidateType
    title: Bilingual
    sample: bool
    criteria: tuple[Criterion, ...]
    yes_no: tuple[YesNoItem, ...]
    eligibility: tuple[EligibilityItem, ...]
    aggregation: Aggregation
    divergence: Divergence
    quorum: Quorum
    comments: CommentPolicy
    conclusion: ConclusionRules
    description: Bilingual | None = None
    numeric_gates: tuple[NumericGate, ...] = ()
    _index: dict[str, Criterion] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        for node in self.walk():
            self._index[node.code] = node

    def walk(self) -> Iterator[Criterion]:
        for top in self.criteria:
            yield from top.walk()

    def leaves(self) -> tuple[Criterion, ...]:
        return tuple(c for c in self.walk() if c.is_leaf)

    def criterion(self, code: str) -> Criterion:
        return self._index[code]

    def has_criterion(self, code: str) -> bool:
        return code in self._index

    @property
    def total_points(self) -> Decimal:
        return sum((c.points for c in self.criteria), Decimal(0))

    def vetoes(self) -> tuple[YesNoItem, ...]:
        return tuple(i for i in self.yes_no if i.effect is YesNoEffect.VETO)

    def gates(self) -> tuple[YesNoItem, ...]:
        return tuple(i for i in self.yes_no if i.effect is YesNoEffect.GATE)

    def level1_minimum(self, top: Criterion) -> Decimal | None:
        """The minimum a level-1 indicator must reach, from its own value or the default share."""
        if top.minimum is not None:
            return top.minimum
        share = self.conclusion.level1_min_share
        return None if share is None else top.points * share

    def comment_required(self, leaf: Criterion, score: Decimal) -> bool:
        """Whether the standard requires a comment for ``score`` on ``leaf``."""
        if leaf.comment_rule is CommentRule.ALWAYS:
            return True
        if leaf.comment_rule is CommentRule.NEVER:
            return False
        hi, lo = self.comments.at_or_above_share, self.comments.at_or_below_share
        if hi is not None and score >= leaf.points * hi:
            return True
        return lo is not None and score <= leaf.points * lo

    def result_label(self, result: str) -> Bilingual:
        for rule in self.conclusion.rules:
            if rule.result == result and rule.label:
                return rule.label
        return RESULT_LABELS.get(result, Bilingual(result, result))

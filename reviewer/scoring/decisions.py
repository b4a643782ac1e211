"""The panel's decisions (``reviewer.decisions/2``): each one recorded with who, when and why.

    decisions = PanelDecisions(package_id)
    decisions = decisions.with_consensus(
        ConsensusDecision("2.1", Decimal("4.5"), "…", chair, at, ground="extreme"))
    data = decisions.to_json()                       # canonical UTF-8 JSON, stable bytes
    again = parse_decisions(data)                    # strict; DecisionsInvalid names the bad field
    reconcile(standard, sheets, decisions.to_engine_decisions())

Frozen values, no files, no clock. Lists are kept in a fixed order (consensus by code, explanations
by expert then code, returns by time then expert, dissents by member) so that the same decisions
always give the same bytes. The format is specified in ``docs/decisions-format.md``; reading and
its typed errors are in :mod:`reviewer.scoring.decisions_io`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from typing import Any

from reviewer.scoring.inputs import ConsensusScore, Decisions, Explanation
from reviewer.scoring.serial import canonical_json, to_plain

FORMAT = "reviewer.decisions/2"
EARLIER_FORMATS = ("reviewer.decisions/1",)
ROLES = ("chair", "expert")
VOTES = ("approve", "object")


@dataclass(frozen=True)
class Actor:
    """Who decided or wrote: a panel member's name, certificate fingerprint and roster role."""

    name: str
    fingerprint: str  # SHA-256 of the member's certificate, 64 lower-case hex digits
    role: str = "chair"  # "chair" or "expert"


@dataclass(frozen=True)
class CastVote:
    """One member's vote, as given in their signed statement (``statement_sha256``)."""

    expert: str  # the member's fingerprint
    vote: str  # approve | object
    statement_sha256: str


def _votes(votes: Any) -> tuple[CastVote, ...]:
    return tuple(sorted(votes, key=lambda v: v.expert))


@dataclass(frozen=True)
class ConsensusDecision:
    """A change after aggregation (财政部令第87号第六十四条): a score for one leaf indicator replacing
    the computed aggregate, on a ``ground`` of the panel rules, put to the panel by a motion and
    voted on by the members. It enters the reconciliation only once adopted (the rules' approval)."""

    code: str
    value: Decimal
    rationale: str  # why the panel departs from the arithmetic (mandatory)
    by: Actor
    at: str  # ISO 8601 UTC, ``2026-06-17T08:00:00Z``
    ground: str = ""  # a code of the rules' grounds (mandatory in a valid file)
    motion_sha256: str | None = None  # the chair's motion that put it to the panel
    votes: tuple[CastVote, ...] = ()  # the members' votes (the chair's approval is the motion)

    def __post_init__(self) -> None:
        object.__setattr__(self, "votes", _votes(self.votes))


@dataclass(frozen=True)
class ExplanationDecision:
    """An expert's written explanation of a divergent score (偏离说明), entered by the chair."""

    expert: str  # the fingerprint of the expert whose score diverges (and who wrote the text)
    code: str
    text: str
    by: Actor  # who entered it (the chair)
    at: str


@dataclass(frozen=True)
class ReturnDecision:
    """A sheet returned for correction (退回更正) with a signed return notice."""

    expert: str  # fingerprint of the expert whose sheet was returned
    revision: int  # the version returned
    codes: tuple[str, ...]  # indicators / yes-no items to correct, sorted
    reason: str
    notice_sha256: str  # digest of the signed return notice (.rvreturn)
    by: Actor
    at: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "codes", tuple(sorted(set(self.codes))))


@dataclass(frozen=True)
class Opinion:
    """The panel's written opinion (专家组意见), Chinese text."""

    strengths: tuple[str, ...]  # 主要成效与特色
    problems: tuple[str, ...]  # 存在的问题
    recommendations: tuple[str, ...]  # 意见和建议
    conclusion: str  # 评审结论意见: the wording the panel agreed
    by: Actor
    at: str
    motion_sha256: str | None = None  # the motion that put this text to the panel
    votes: tuple[CastVote, ...] = ()  # the members' votes on the text

    def __post_init__(self) -> None:
        object.__setattr__(self, "votes", _votes(self.votes))

    @property
    def approvals(self) -> tuple[str, ...]:
        """Who approved the opinion text: the members approving (the chair by the motion)."""
        return tuple(v.expert for v in self.votes if v.vote == "approve")

    def same_text(self, other: Any) -> bool:
        return (
            tuple(self.strengths) == tuple(other.strengths)
            and tuple(self.problems) == tuple(other.problems)
            and tuple(self.recommendations) == tuple(other.recommendations)
            and self.conclusion == other.conclusion
        )


@dataclass(frozen=True)
class DissentDecision:
    """A member's dissent (保留意见), written and signed by the member in a statement
    (``statement_sha256``), carried into the record under their name. ``by`` is the dissenter."""

    expert: str  # fingerprint of the dissenting member
    text: str
    by: Actor  # the dissenter (never the chair on a member's behalf)
    at: str  # when the statement was signed
    statement_sha256: str = ""  # the member's signed statement (mandatory in a valid file)


@dataclass(frozen=True)
class VisitInfo:
    """The site visit for the record: its days (``YYYY-MM-DD``) and where it took place."""

    dates: tuple[str, ...]
    place: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "dates", tuple(sorted(set(self.dates))))

    @property
    def days(self) -> tuple[date, ...]:
        return tuple(sorted(date.fromisoformat(d) for d in self.dates))


def _sorted(items: Any, key: Any) -> tuple[Any, ...]:
    return tuple(sorted(items, key=key))


@dataclass(frozen=True)
class PanelDecisions:
    """Everything the chair decided or recorded for one package."""

    package_id: str
    consensus: tuple[ConsensusDecision, ...] = ()
    explanations: tuple[ExplanationDecision, ...] = ()
    returns: tuple[ReturnDecision, ...] = ()
    opinion: Opinion | None = None
    dissents: tuple[DissentDecision, ...] = ()
    visit: VisitInfo | None = None
    format: str = field(default=FORMAT)

    def __post_init__(self) -> None:
        object.__setattr__(self, "consensus", _sorted(self.consensus, lambda c: c.code))
        object.__setattr__(self, "explanations", _sorted(self.explanations, lambda e: (e.expert, e.code)))
        object.__setattr__(
            self, "returns", _sorted(self.returns, lambda r: (r.at, r.expert, r.revision, r.notice_sha256))
        )
        object.__setattr__(self, "dissents", _sorted(self.dissents, lambda d: d.expert))

    # --- reading ------------------------------------------------------------------------------

    def consensus_for(self, code: str) -> ConsensusDecision | None:
        return next((c for c in self.consensus if c.code == code), None)

    def explanation_for(self, expert: str, code: str) -> ExplanationDecision | None:
        return next((e for e in self.explanations if (e.expert, e.code) == (expert, code)), None)

    def dissent_of(self, expert: str) -> DissentDecision | None:
        return next((d for d in self.dissents if d.expert == expert), None)

    @property
    def empty(self) -> bool:
        return not (
            self.consensus or self.explanations or self.returns or self.opinion or self.dissents or self.visit
        )

    # --- changing (each returns a new value) --------------------------------------------------

    def with_consensus(self, decision: ConsensusDecision) -> PanelDecisions:
        """Decide (or re-decide) the consensus score of ``decision.code``."""
        kept = tuple(c for c in self.consensus if c.code != decision.code)
        return replace(self, consensus=(*kept, decision))

    def without_consensus(self, code: str) -> PanelDecisions:
        """Withdraw a consensus: the computed aggregate counts again."""
        return replace(self, consensus=tuple(c for c in self.consensus if c.code != code))

    def with_explanation(self, decision: ExplanationDecision) -> PanelDecisions:
        key = (decision.expert, decision.code)
        kept = tuple(e for e in self.explanations if (e.expert, e.code) != key)
        return replace(self, explanations=(*kept, decision))

    def without_explanation(self, expert: str, code: str) -> PanelDecisions:
        return replace(
            self, explanations=tuple(e for e in self.explanations if (e.expert, e.code) != (expert, code))
        )

    def with_return(self, decision: ReturnDecision) -> PanelDecisions:
        """Returns are history: they are only ever added."""
        return replace(self, returns=(*self.returns, decision))

    def with_opinion(self, opinion: Opinion) -> PanelDecisions:
        return replace(self, opinion=opinion)

    def with_dissent(self, decision: DissentDecision) -> PanelDecisions:
        kept = tuple(d for d in self.dissents if d.expert != decision.expert)
        return replace(self, dissents=(*kept, decision))

    def without_dissent(self, expert: str) -> PanelDecisions:
        return replace(self, dissents=tuple(d for d in self.dissents if d.expert != expert))

    def with_visit(self, visit: VisitInfo) -> PanelDecisions:
        return replace(self, visit=visit)

    # --- output -------------------------------------------------------------------------------

    def to_engine_decisions(self, adopted: Iterable[str] | None = None) -> Decisions:
        """What enters the arithmetic (consensus) or is carried with it (explanations). With
        ``adopted``, only the consensus of those codes (the changes the panel approved)."""
        codes = None if adopted is None else set(adopted)
        return Decisions(
            consensus={
                c.code: ConsensusScore(c.value, c.rationale, c.by.fingerprint, c.at)
                for c in self.consensus
                if codes is None or c.code in codes
            },
            explanations=tuple(Explanation(e.expert, e.code, e.text) for e in self.explanations),
        )

    def to_dict(self) -> dict[str, Any]:
        return to_plain(self)

    def to_json(self) -> bytes:
        """Canonical JSON: sorted keys, compact, UTF-8, decimals as canonical strings."""
        return canonical_json(self)

    @classmethod
    def from_json(cls, data: bytes | str) -> PanelDecisions:
        from reviewer.scoring.decisions_io import parse_decisions

        return parse_decisions(data)

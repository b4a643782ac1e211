"""What goes into a review record (评审意见表): plain frozen values, checked once when built.

The chair's app (or ``reviewer panel reconcile``) assembles a :class:`RecordInput` from the package
(candidate, standard, roster), the reconciliation and the panel's written opinion;
:func:`reviewer.export.record.build_record_pdf` lays it out. Nothing here reads files or keys.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from reviewer.errors import InvalidInput
from reviewer.i18n import T
from reviewer.scoring.result import Reconciliation
from reviewer.standards.model import CandidateType, ReviewKind, Standard

_FINGERPRINT = re.compile(r"[0-9a-f]{64}")
# Keywords of the document information that bind the record to the files it was made from (here, light
# to import: the chair's window compares them without loading the PDF stack).
RECONCILIATION_KEY = "reconciliation-sha256"
DECISIONS_KEY = "decisions-sha256"
RECORD = "record.pdf"  # the record's file name in its folder


class MemberRole(StrEnum):
    CHAIR = "chair"  # 专家组组长
    EXPERT = "expert"  # 专家组成员

    @property
    def zh(self) -> str:
        return "组长" if self is MemberRole.CHAIR else "专家"


@dataclass(frozen=True)
class Candidate:
    name: str  # 示例软件园
    type: CandidateType
    province: str
    city: str = ""

    @property
    def place(self) -> str:
        """``江苏省南京市``; a municipality (北京市) is not repeated."""
        return self.province if self.city in ("", self.province) else f"{self.province}{self.city}"


@dataclass(frozen=True)
class Visit:
    """The site visit (实地考察): its day or days and where it took place."""

    dates: tuple[date, ...]
    place: str

    @property
    def text(self) -> str:
        """``2026年6月15日`` or ``2026年6月15日至17日`` (consecutive or not: first to last)."""
        days = sorted(self.dates)
        first, last = days[0], days[-1]
        head = f"{first.year}年{first.month}月{first.day}日"
        if first == last:
            return head
        if (first.year, first.month) == (last.year, last.month):
            return f"{head}至{last.day}日"
        if first.year == last.year:
            return f"{head}至{last.month}月{last.day}日"
        return f"{head}至{last.year}年{last.month}月{last.day}日"


@dataclass(frozen=True)
class PanelMember:
    """A member of the panel as the record shows them; ``expert_id`` is the id used in the sheets."""

    expert_id: str
    name: str
    org: str
    role: MemberRole
    cert_fingerprint: str  # SHA-256 of the member's certificate (lower-case hex)
    title: str = ""  # 职称, optional
    recused: bool = False
    recusal_reason: str = ""

    @property
    def signs(self) -> bool:
        """A recused member (回避) took no part in the review and does not sign the record."""
        return not self.recused


@dataclass(frozen=True)
class PanelOpinion:
    """The panel's written opinion (专家组意见)."""

    strengths: tuple[str, ...]  # 主要成效与特色
    problems: tuple[str, ...]  # 存在的问题
    recommendations: tuple[str, ...]  # 意见和建议
    conclusion: str  # 评审结论意见 (the wording the panel agreed)


@dataclass(frozen=True)
class Dissent:
    """A member's dissent (保留意见), written and signed by the member (their statement's digest),
    carried in the record under their name."""

    expert_id: str
    text: str
    statement_sha256: str = ""


@dataclass(frozen=True)
class PanelVote:
    """How the panel voted on one change (``code``) or on the opinion text (``code`` empty): who
    approved (the chair, by the motion, first) and who objected, by member id."""

    code: str
    ground: str  # the ground's Chinese label (a change); empty for the opinion
    approve: tuple[str, ...]
    object: tuple[str, ...]
    voters: int


@dataclass(frozen=True)
class RecordInput:
    document_id: uuid.UUID
    kind: ReviewKind
    candidate: Candidate
    standard: Standard  # gives id, version, title and the indicator titles
    visit: Visit
    members: tuple[PanelMember, ...]  # in the order the record lists them
    reconciliation: Reconciliation
    opinion: PanelOpinion
    dissents: tuple[Dissent, ...] = ()
    changes: tuple[PanelVote, ...] = ()  # the votes on each consensus change, by code
    opinion_vote: PanelVote | None = None  # the votes on the opinion text
    # SHA-256 of the chair's decisions (canonical reviewer.decisions/2 JSON) the record was made
    # from; printed on the record and kept in its metadata (see reviewer.export.record.bindings_of)
    decisions_sha256: str = ""

    def __post_init__(self) -> None:
        check(self)

    @property
    def chair(self) -> PanelMember:
        return next(m for m in self.members if m.role is MemberRole.CHAIR)

    def member(self, expert_id: str) -> PanelMember:
        return next(m for m in self.members if m.expert_id == expert_id)

    def change(self, code: str) -> PanelVote | None:
        return next((c for c in self.changes if c.code == code), None)

    def signers(self) -> tuple[PanelMember, ...]:
        """Who signs, in signing order: the members as listed, the chair last (the chair closes the record)."""
        experts = tuple(m for m in self.members if m.signs and m.role is MemberRole.EXPERT)
        return (*experts, self.chair)

    def scoring_members(self) -> tuple[PanelMember, ...]:
        """Members whose scores count, in the record's order (the columns of the indicator table)."""
        counted = {e.expert_id for e in self.reconciliation.experts if not e.recused}
        return tuple(m for m in self.members if m.expert_id in counted)


def _bad(zh: str, en: str, **args: object) -> InvalidInput:
    return InvalidInput(T(zh, en, **args))


def check(record: RecordInput) -> None:
    """Refuse a record whose parts do not belong together (typed :class:`InvalidInput`)."""
    rec, std = record.reconciliation, record.standard
    if (rec.standard_id, rec.standard_version) != (std.id, std.version):
        raise _bad(
            "对账结果所用标准（{a}）与记录中的标准（{b}）不一致。",
            "The reconciliation was computed under {a}, not under the record's standard {b}.",
            a=f"{rec.standard_id} {rec.standard_version}",
            b=f"{std.id} {std.version}",
        )
    if record.kind is not std.kind or record.candidate.type is not std.candidate_type:
        raise _bad(
            "评审类型或对象类型与标准不符。",
            "The review kind or candidate type does not match the standard.",
        )
    if not record.visit.dates:
        raise _bad("请给出实地考察日期。", "Give the date(s) of the site visit.")
    ids = [m.expert_id for m in record.members]
    if len(set(ids)) != len(ids) or any(not i.strip() for i in ids):
        raise _bad("专家组成员编号为空或重复。", "A panel member's id is empty or repeated.")
    chairs = [m for m in record.members if m.role is MemberRole.CHAIR]
    if len(chairs) != 1 or chairs[0].recused:
        raise _bad(
            "专家组须有且仅有一名组长，且组长不得回避。",
            "The panel needs exactly one chair, who is not recused.",
        )
    for m in record.members:
        if not _FINGERPRINT.fullmatch(m.cert_fingerprint):
            raise _bad(
                "成员 {name} 的证书指纹不是 64 位十六进制小写字符。",
                "The certificate fingerprint of {name} is not 64 lower-case hex digits.",
                name=m.name,
            )
        if m.recused and not m.recusal_reason.strip():
            raise _bad("请说明 {name} 回避的原因。", "Give the reason why {name} is recused.", name=m.name)
    if record.decisions_sha256 and not _FINGERPRINT.fullmatch(record.decisions_sha256):
        raise _bad(
            "组长决定的 SHA-256 不是 64 位十六进制小写字符。",
            "The SHA-256 of the chair's decisions is not 64 lower-case hex digits.",
        )
    fps = [m.cert_fingerprint for m in record.members]
    if len(set(fps)) != len(fps):
        raise _bad("两名成员的证书相同。", "Two members have the same certificate.")
    by_id = {m.expert_id: m for m in record.members}
    for sheet in rec.experts:
        member = by_id.get(sheet.expert_id)
        if member is None:
            raise _bad(
                "评分表的专家 {id} 不在专家组名单中。",
                "The sheet of expert {id} is not from a panel member.",
                id=sheet.expert_id,
            )
        if member.recused != sheet.recused:
            raise _bad(
                "专家 {name} 的回避状态与其评分表不一致。",
                "Whether {name} is recused differs between the roster and the sheet.",
                name=member.name,
            )
    for dissent in record.dissents:
        if dissent.expert_id not in by_id or not dissent.text.strip():
            raise _bad(
                "保留意见须出自专家组成员且不能为空（{id}）。",
                "A dissent must come from a panel member and must not be blank ({id}).",
                id=dissent.expert_id,
            )

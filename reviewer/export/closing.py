"""Closing facts (``closing.json``, ``reviewer.closing/1``): the members who did not sign the record.

The rules (评标委员会和评标方法暂行规定 §43, 政府采购法实施条例 §41) let a member refuse to sign the
record with written reasons, and deem a member who neither signs nor gives reasons to agree, the fact
being recorded. So the chair may close a record whose member fields are not all signed, when each
empty field is either

- **refused**: covered by that member's verified ``refusal`` statement
  (:mod:`reviewer.scoring.statement`) bound to this record (its document id and the SHA-256 of the
  reconciliation and decisions it was made from, as every member signed them), or
- **not-signed**: recorded by the chair at closing (the member neither signed nor gave reasons).

    ref = record_ref(pdf)                                   # what a refusal binds to
    data = refusal_for(pdf, member, opened, reason="…")     # a member refuses (.rvstatement)
    closing = build_closing(pdf, refusals=[stmt], not_signed=[NotSigned(fp, at)])
    pdf = sign_record(pdf, chair_field, chair, CHAIR, unsigned=closing.lines(names),
                      closing_sha256=closing.sha256)        # the facts printed in the chair's stamp
    check_closing(closing_json, statements, pdf, binding, recused, signed_at)  # bundle / ministry

``closing.json`` is canonical JSON carried in the result bundle (payload ``closing``); the chair's
closing signature names its SHA-256 (/Reason) and prints each fact in its appearance. Format:
``docs/bundle-format.md`` (closing) and ``docs/record-format.md`` (the signature page's facts).
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pyhanko.pdf_utils.reader import PdfFileReader

from reviewer.errors import Refused
from reviewer.export.bundle_checks import record_bindings, record_subject
from reviewer.export.bundle_format import ForeignContent, RecordIncomplete
from reviewer.export.pades import CLOSING_KEY, DAMAGED_PDF, RecordField, find_field, read_pdf, record_fields
from reviewer.export.pades_validate import require_valid, validate_record
from reviewer.export.panel_record import record_document_id
from reviewer.export.record import RECORD_FORMAT
from reviewer.export.record_input import DECISIONS_KEY, RECONCILIATION_KEY, MemberRole
from reviewer.i18n import T
from reviewer.packages.reader import OpenedPackage
from reviewer.scoring.sheet_binding import PackageBinding
from reviewer.scoring.sheet_types import CLOCK_SKEW
from reviewer.scoring.statement import Refusal, Statement, build_statement
from reviewer.trust import clock
from reviewer.trust.encoding import canonical_json, parse_json
from reviewer.trust.identity import Identity

FORMAT = "reviewer.closing"
CLOSING = "closing.json"
REFUSED, NOT_SIGNED = "refused", "not-signed"
STATUSES = (REFUSED, NOT_SIGNED)


class ClosingIncomplete(RecordIncomplete):
    """A member's field is empty and neither a refusal nor the chair's record covers it (exit 18)."""


@dataclass(frozen=True)
class RecordRef:
    """What a refusal binds to: the record's document id and the two bindings it prints, as signed."""

    record_id: str
    reconciliation_sha256: str
    decisions_sha256: str

    def binds(self, refusal: Refusal) -> bool:
        return (refusal.record_id, refusal.reconciliation_sha256, refusal.decisions_sha256) == (
            self.record_id,
            self.reconciliation_sha256,
            self.decisions_sha256,
        )


def record_ref(pdf: bytes | PdfFileReader) -> RecordRef:
    """The record's document id (its /Subject) and bindings (/Keywords), as every member signed them."""
    subject = record_subject(pdf) or ""
    fmt_name, _, document = subject.partition(" ")
    bound = record_bindings(pdf)
    if (
        fmt_name != RECORD_FORMAT
        or not document
        or RECONCILIATION_KEY not in bound
        or DECISIONS_KEY not in bound
    ):
        raise ForeignContent(
            T(
                "该 PDF 不是由本程序生成的评审意见表（缺少文档编号或其依据的 SHA-256）。",
                "This PDF is not a review record made by this app (no document id, or no bindings).",
            )
        )
    return RecordRef(document, bound[RECONCILIATION_KEY], bound[DECISIONS_KEY])


@dataclass(frozen=True)
class NotSigned:
    """The chair's record that a member neither signed nor gave written reasons (deemed to agree)."""

    expert: str  # the member's certificate SHA-256
    recorded_at: str  # ISO 8601 UTC


@dataclass(frozen=True)
class Unsigned:
    """One member whose field the chair's closing signature left empty, and why."""

    expert: str  # certificate SHA-256
    status: str  # refused | not-signed
    statement_sha256: str | None  # the refusal statement's digest (refused only)
    reason: str | None  # the refusal's written reasons (refused only)
    recorded_at: str  # refused: when the member signed the refusal; not-signed: when the chair recorded it

    def to_json(self) -> dict[str, Any]:
        return {
            "expert": self.expert,
            "status": self.status,
            "statement_sha256": self.statement_sha256,
            "reason": self.reason,
            "recorded_at": self.recorded_at,
        }

    def line(self, name: str) -> str:
        """The fact as the chair's signature appearance prints it."""
        if self.status == REFUSED:
            return f"{name}：拒绝签字，已书面说明理由（见拒签说明 {(self.statement_sha256 or '')[:8]}…）"
        return f"{name}：未签字，亦未书面说明理由，依规视为同意"


@dataclass(frozen=True)
class Closing:
    """``closing.json``: the record it closes and every member left unsigned, in the record's order."""

    record_id: str
    unsigned: tuple[Unsigned, ...]

    def to_json(self) -> bytes:
        return canonical_json(
            {
                "format": FORMAT,
                "version": 1,
                "record_id": self.record_id,
                "unsigned": [u.to_json() for u in self.unsigned],
            }
        )

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.to_json()).hexdigest()

    def of(self, fingerprint: str) -> Unsigned | None:
        return next((u for u in self.unsigned if u.expert == fingerprint), None)

    def lines(self, names: Mapping[str, str]) -> dict[str, str]:
        """Certificate SHA-256 → the printed fact (``sign_record``'s ``unsigned``)."""
        return {u.expert: u.line(names.get(u.expert, u.expert[:16])) for u in self.unsigned}


def nobody_unsigned(pdf: bytes | PdfFileReader) -> bytes:
    """``closing.json`` of a record every member signed: it states nobody."""
    return Closing(record_ref(pdf).record_id, ()).to_json()


def _invalid(why: str) -> Refused:
    return Refused(
        T(
            "结案说明（closing.json）无效：{why}。",
            "The closing facts (closing.json) are invalid: {why}.",
            why=why,
        )
    )


def parse_closing(data: bytes) -> Closing:
    """Canonical ``reviewer.closing/1`` — else :class:`Refused`."""
    try:
        doc = parse_json(data)
        if (
            doc.get("format") != FORMAT
            or doc.get("version") != 1
            or set(doc)
            != {
                "format",
                "version",
                "record_id",
                "unsigned",
            }
        ):
            raise ValueError("format")
        unsigned = []
        for u in doc["unsigned"]:
            if set(u) != {"expert", "status", "statement_sha256", "reason", "recorded_at"}:
                raise ValueError("entry keys")
            entry = Unsigned(
                str(u["expert"]), str(u["status"]), u["statement_sha256"], u["reason"], str(u["recorded_at"])
            )
            clock.parse_iso(entry.recorded_at)
            refused = entry.status == REFUSED
            if entry.status not in STATUSES or refused != isinstance(entry.statement_sha256, str):
                raise ValueError("status")
            if refused != isinstance(entry.reason, str):
                raise ValueError("reason")
            unsigned.append(entry)
        closing = Closing(str(doc["record_id"]), tuple(unsigned))
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise _invalid(str(exc)) from exc
    if closing.to_json() != data:
        raise _invalid("not canonical JSON")
    if len({u.expert for u in closing.unsigned}) != len(closing.unsigned):
        raise _invalid("a member is listed twice")
    return closing


def refusal_for(
    pdf: bytes, member: Identity, package: OpenedPackage, *, reason: str, now: datetime | None = None
) -> bytes:
    """``member`` refuses to sign ``pdf`` with written ``reason``: a signed ``refusal`` statement bound
    to the record as signed so far. Refused when the record is damaged, belongs to another package,
    has no field for the member, or the member has already signed it."""
    require_valid(validate_record(pdf, member.trust_root()))  # nobody acts on a damaged record
    ref = record_ref(pdf)
    if ref.record_id != str(record_document_id(package.manifest.package_id)):
        raise ForeignContent(
            T(
                "该评审意见表（{doc}）不是本评审包的意见表。",
                "The record ({doc}) is not the record of this package.",
                doc=ref.record_id,
            )
        )
    field = find_field(pdf, member)
    if field.info is None or field.info.role is not MemberRole.EXPERT:
        raise Refused(T("组长不拒签：组长最后签署并封闭意见表。", "The chair does not refuse: the chair signs "
                        "last and closes the record."))  # fmt: skip
    if field.signed:
        raise Refused(
            T(
                "{who} 已签署本意见表，不能再拒签。",
                "{who} has already signed the record and can no longer refuse to sign it.",
                who=field.label or member.name,
            )
        )
    refusal = Refusal(ref.record_id, ref.reconciliation_sha256, ref.decisions_sha256, reason)
    return build_statement(member, package, refusal=refusal, now=now)


def _member_fields(fields: Sequence[RecordField]) -> dict[str, RecordField]:
    """The members' (not the chair's) fields by certificate prefix."""
    return {f.info.fingerprint_prefix: f for f in fields if f.info and f.info.role is MemberRole.EXPERT}


def _by_prefix(binding: PackageBinding) -> dict[str, str]:
    return {m.cert_sha256[:16]: m.cert_sha256 for m in binding.roster}


def build_closing(
    pdf: bytes,
    binding: PackageBinding,
    *,
    refusals: Sequence[Statement] = (),
    not_signed: Sequence[NotSigned] = (),
) -> Closing:
    """The closing facts for ``pdf``: each empty member field covered by the member's refusal bound
    to this record (a refusal prevails over the chair's record), else by the chair's ``not_signed``
    record. A member who signed after all is left out (the signature prevails). Raises
    :class:`ForeignContent` for a refusal of another record or signed by someone else, and
    :class:`ClosingIncomplete` naming each member neither signed, refused nor recorded."""
    ref = record_ref(pdf)
    fields = record_fields(pdf)
    full = _by_prefix(binding)
    refused: dict[str, Statement] = {}
    for s in refusals:
        if s.kind != "refusal" or s.refusal is None or s.package_id != binding.package_id:
            raise ForeignContent(T("{who} 的声明不是拒签声明。", "The statement of {who} is not a refusal to "
                                   "sign.", who=s.member.name))  # fmt: skip
        if not ref.binds(s.refusal):
            raise ForeignContent(
                T(
                    "{who} 的拒签声明针对的是另一份评审意见表（依据不同的对账结果或组长决定），不适用于本意见表。"
                    "请其对本意见表重新签署或重新拒签。",
                    "The refusal of {who} is for another record (made from another reconciliation or other "
                    "decisions); it does not apply to this one. Ask them to sign or refuse this record again.",
                    who=s.member.name,
                )
            )
        old = refused.get(s.member.fingerprint)
        if old is None or old.created < s.created:
            refused[s.member.fingerprint] = s
    marks = {m.expert: m for m in not_signed}
    unsigned: list[Unsigned] = []
    missing: list[str] = []
    for prefix, field in _member_fields(fields).items():
        if field.signed:
            continue
        fingerprint = full.get(prefix, "")
        statement, mark = refused.get(fingerprint), marks.get(fingerprint)
        if statement is not None and statement.refusal is not None:
            unsigned.append(
                Unsigned(fingerprint, REFUSED, statement.digest, statement.refusal.reason, statement.created)
            )
        elif mark is not None:
            unsigned.append(Unsigned(fingerprint, NOT_SIGNED, None, None, mark.recorded_at))
        else:
            missing.append(field.label or field.name)
    if missing:
        raise ClosingIncomplete(
            T(
                "以下成员既未签署，也未书面拒签，组长也未载明其未签字：{who}。请让其签署或提交拒签声明，"
                "或由组长载明其未签字（依规视为同意）后再封闭。",
                "These members have neither signed, refused in writing, nor been recorded by the chair as not "
                "signing: {who}. Have them sign or send a refusal, or record them as not signing (deemed to "
                "agree), then close.",
                who="、".join(missing),
            ).in_app(
                T(
                    "以下成员既未签署，也未书面拒签，也未被记录为未签字：{who}。请让其签署或导入其拒签声明，"
                    "或将其记录为“未签字”（依规视为同意）后再封闭。",
                    "These members have neither signed, refused in writing, nor been recorded as not signing: "
                    "{who}. Have them sign or import their refusal, or record them as “not signed” (deemed to "
                    "agree), then close.",
                    who="、".join(missing),
                )
            )
        )
    return Closing(ref.record_id, tuple(unsigned))


def stated_closing(reader: PdfFileReader) -> str | None:
    """The ``closing.json`` SHA-256 the chair's closing signature names (its /Reason), or None."""
    for sig in reader.embedded_signatures:
        reason = str(sig.sig_object.get("/Reason", ""))
        marker = f"{CLOSING_KEY}:"
        if marker in reason:
            return reason.split(marker, 1)[1][:64]
    return None


def check_closing(
    data: bytes,
    statements: Mapping[str, Statement],
    pdf: bytes,
    binding: PackageBinding,
    recused: Collection[str],
    signed_at: datetime,
    *,
    reader: PdfFileReader | None = None,
) -> Closing:
    """``closing.json`` as carried in a bundle: canonical, for this record, named by the chair's
    closing signature, and covering exactly the record's empty member fields — each ``refused``
    entry a refusal statement among ``statements`` (verified, by digest) signed by that member,
    bound to this record, with the same reasons, made before the bundle; each ``not-signed`` entry
    recorded before the bundle. Raises :class:`RecordIncomplete` (or :class:`ForeignContent`)
    naming the member."""
    closing = parse_closing(data)
    try:
        reader = reader or read_pdf(pdf)
        ref = record_ref(reader)
        named = stated_closing(reader)
    except DAMAGED_PDF as exc:  # the signature validation reports a damaged file first
        raise ForeignContent(T("无法读取评审意见表。", "The record cannot be read.")) from exc
    if closing.record_id != ref.record_id:
        raise ForeignContent(
            T("结案说明属于另一份评审意见表。", "The closing facts belong to another record.")
        )
    if (named is not None or closing.unsigned) and named != hashlib.sha256(data).hexdigest():
        raise RecordIncomplete(
            T(
                "组长的封闭签名未载明本结案说明（closing.json）：二者不一致。",
                "The chair's closing signature does not name these closing facts (closing.json): they differ.",
            )
        )
    names = {m.cert_sha256: m.name for m in binding.roster}
    fields = _member_fields(record_fields(pdf))
    empty = {fp for fp in (_by_prefix(binding).get(p, p) for p, f in fields.items() if not f.signed)}
    for u in closing.unsigned:
        who = names.get(u.expert, u.expert[:16])
        if u.expert not in empty or u.expert in recused:
            raise RecordIncomplete(
                T(
                    "结案说明列出的 {who} 在评审意见表上没有空白的成员签名栏。",
                    "The closing facts list {who}, who has no empty member's field on the record.",
                    who=who,
                )
            )
        if clock.parse_iso(u.recorded_at) > signed_at + CLOCK_SKEW:
            raise RecordIncomplete(
                T("{who} 的未签字记录晚于结果包。", "The record of {who} not signing is later than the bundle.",
                  who=who)
            )  # fmt: skip
        if u.status == REFUSED:
            _check_refusal(u, statements.get(u.statement_sha256 or ""), ref, who, signed_at)
        elif any(
            s.refusal is not None and s.member.fingerprint == u.expert and ref.binds(s.refusal)
            for s in statements.values()
        ):  # the chair may not hide written reasons behind "deemed to agree"
            raise RecordIncomplete(
                T(
                    "结案说明称 {who} 未签字亦未书面说明理由，但结果包附有其对本评审意见表的书面拒签声明："
                    "请将其记为拒绝签字（载明理由）后重新封闭。",
                    "The closing facts say {who} neither signed nor gave reasons, yet the bundle carries "
                    "their written refusal of this record: state the refusal (with its reasons) and close "
                    "again.",
                    who=who,
                )
            )
    uncovered = [names.get(fp, fp[:16]) for fp in sorted(empty) if closing.of(fp) is None]
    if uncovered:
        raise RecordIncomplete(
            T(
                "评审意见表缺少以下成员的签名，且既无其拒签声明，也无组长的未签字记录：{who}。",
                "The record lacks the signature of {who}, with neither their refusal nor the chair's record "
                "of their not signing.",
                who="、".join(uncovered),
            )
        )
    return closing


def _check_refusal(
    u: Unsigned, statement: Statement | None, ref: RecordRef, who: str, signed_at: datetime
) -> None:
    if statement is None:
        raise RecordIncomplete(
            T(
                "结果包未附 {who} 的拒签声明。",
                "The bundle does not carry the refusal of {who}.",
                who=who,
            )
        )
    if statement.member.fingerprint != u.expert or statement.refusal is None:
        raise ForeignContent(
            T(
                "{who} 的拒签声明不是由其本人签署的拒签声明。",
                "The refusal given for {who} is not a refusal signed by them.",
                who=who,
            )
        )
    if not ref.binds(statement.refusal):
        raise ForeignContent(
            T(
                "{who} 的拒签声明针对的是另一份评审意见表。",
                "The refusal of {who} is for another record.",
                who=who,
            )
        )
    if statement.refusal.reason != u.reason or statement.created != u.recorded_at:
        raise RecordIncomplete(
            T(
                "结案说明中 {who} 的拒签理由或时间与其签署的拒签声明不一致。",
                "The closing facts give other reasons or another time for the refusal of {who} than "
                "the refusal they signed.",
                who=who,
            )
        )
    if clock.parse_iso(statement.created) > signed_at + CLOCK_SKEW:
        raise RecordIncomplete(
            T("{who} 的拒签声明晚于结果包。", "The refusal of {who} is later than the bundle.", who=who)
        )

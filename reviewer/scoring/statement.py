"""Member statements (``.rvstatement``): a member's signed answer to the panel's business.

Two kinds, both signed by a member on the roster who is not the chair, encrypted to the member,
the chair and the ministry (the shared envelope, :mod:`reviewer.packages.envelope`):

- ``vote``: the member's answer to a motion (:mod:`reviewer.scoring.motion`) — one vote
  (``approve`` / ``object`` with a reason) per proposed change, the vote on the draft opinion when
  the motion has one, and the member's own dissent (保留意见), if any;
- ``refusal``: the member refuses to sign the record, with written reasons, bound to the record
  (its document id and the two bindings printed in it).

The format is in ``docs/statement-format.md``.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cryptography import x509

from reviewer.errors import Refused
from reviewer.i18n import T
from reviewer.packages import envelope as fmt
from reviewer.packages.manifest import SUITES
from reviewer.packages.reader import OpenedPackage
from reviewer.scoring.decisions import Actor
from reviewer.scoring.motion import Motion
from reviewer.scoring.sheet import bind
from reviewer.scoring.sheet_binding import PackageBinding
from reviewer.scoring.sheet_model import HEX64
from reviewer.trust import clock, suites
from reviewer.trust.encoding import canonical_json, parse_json
from reviewer.trust.identity import Identity
from reviewer.trust.revocation import RevocationList

MIMETYPE = "application/vnd.reviewer.statement+zip"
FORMAT = "reviewer.statement"
CONTENT_FORMAT = "reviewer.statement-content"
KIND = "statement"
KINDS = ("vote", "refusal")
VOTES = ("approve", "object")
MAX_TEXT = 20_000


@dataclass(frozen=True)
class Vote:
    """A member's vote on one proposed change (``reason`` is required when objecting)."""

    code: str
    vote: str  # approve | object
    reason: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "vote": self.vote, "reason": self.reason}


@dataclass(frozen=True)
class Refusal:
    """A refusal to sign the record, bound to it by its document id and the two bindings it prints."""

    record_id: str
    reconciliation_sha256: str
    decisions_sha256: str
    reason: str

    def to_json(self) -> dict[str, Any]:
        return {
            "record_id": self.record_id,
            "reconciliation_sha256": self.reconciliation_sha256,
            "decisions_sha256": self.decisions_sha256,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class Statement:
    """A verified statement: signed by a (non-chair) member on the roster, bound to the package."""

    digest: str  # SHA-256 of header.json: what decisions cite (``statement_sha256``)
    statement_id: str
    package_id: str
    created: str
    member: Actor  # name and role from the signed roster
    kind: str  # vote | refusal
    motion_sha256: str | None
    votes: tuple[Vote, ...]
    opinion: str | None  # approve | object | None (no opinion in the motion)
    dissent: str | None
    refusal: Refusal | None
    data: bytes = b""  # the file as signed

    def vote_on(self, code: str) -> Vote | None:
        return next((v for v in self.votes if v.code == code), None)


def _refused(zh: str, en: str, **args: object) -> Refused:
    return Refused(T(zh, en, **args))


def _clean(text: str | None) -> str | None:
    if text is None or not text.strip():
        return None
    return text.strip()


def check_content(
    kind: str,
    *,
    motion_sha256: str | None,
    votes: Iterable[Vote],
    opinion: str | None,
    dissent: str | None,
    refusal: Refusal | None,
) -> tuple[tuple[Vote, ...], str | None, Refusal | None]:
    """The rules of a statement's content on its own (Refused naming what is wrong)."""
    if kind not in KINDS:
        raise _refused("未知的声明种类：{k}", "Unknown kind of statement: {k}", k=kind)
    out: list[Vote] = []
    if kind == "refusal":
        if refusal is None or votes or opinion is not None or dissent is not None or motion_sha256:
            raise _refused(
                "拒签声明只写明拒签的理由，不能同时表决。",
                "A refusal to sign states its reasons only; it cannot also vote.",
            )
        reason = _clean(refusal.reason)
        ok = (
            bool(refusal.record_id.strip())
            and bool(HEX64.match(refusal.reconciliation_sha256))
            and bool(HEX64.match(refusal.decisions_sha256))
        )
        if not ok:
            raise _refused(
                "拒签声明须指明所拒签的评审记录。", "A refusal must name the record it refuses to sign."
            )
        if reason is None or len(reason) > MAX_TEXT:
            raise _refused("请写明拒签的理由。", "Write the reasons for refusing to sign.")
        return (
            (),
            None,
            Refusal(
                refusal.record_id.strip(), refusal.reconciliation_sha256, refusal.decisions_sha256, reason
            ),
        )
    if refusal is not None:
        raise _refused("表决声明不能同时拒签。", "A vote cannot also refuse to sign.")
    if motion_sha256 is None or not HEX64.match(motion_sha256):
        raise _refused("表决声明须针对组长的表决提请。", "A vote must answer the chair's motion.")
    seen: set[str] = set()
    for v in votes:
        if v.vote not in VOTES:
            raise _refused(
                "指标 {c} 的表决应为“同意”或“反对”。",
                "The vote on indicator {c} must be approve or object.",
                c=v.code,
            )
        if v.code in seen:
            raise _refused("指标 {c} 表决了两次。", "Indicator {c} is voted on twice.", c=v.code)
        seen.add(v.code)
        reason = _clean(v.reason)
        if v.vote == "object" and reason is None:
            raise _refused(
                "反对指标 {c} 的变更须写明理由。",
                "Give the reason for objecting to the change of {c}.",
                c=v.code,
            )
        if reason is not None and len(reason) > MAX_TEXT:
            raise _refused("理由过长。", "The reason is too long.")
        out.append(Vote(v.code, v.vote, reason))
    if opinion is not None and opinion not in VOTES:
        raise _refused(
            "对专家组意见的表决应为“同意”或“反对”。", "The vote on the opinion must be approve or object."
        )
    text = _clean(dissent)
    if text is not None and len(text) > MAX_TEXT:
        raise _refused("保留意见过长。", "The dissent is too long.")
    return tuple(sorted(out, key=lambda v: v.code)), text, None


def check_answers_motion(statement_votes: Iterable[Vote], opinion: str | None, motion: Motion) -> None:
    """Exactly one vote per change of ``motion``, and a vote on the opinion iff it has one."""
    voted = sorted(v.code for v in statement_votes)
    proposed = sorted(c.code for c in motion.changes)
    if voted != proposed:
        raise _refused(
            "表决须对提请的每项变更各表决一次（提请：{want}；表决：{got}）。",
            "A vote must answer each proposed change once (proposed: {want}; voted: {got}).",
            want=", ".join(proposed) or "—",
            got=", ".join(voted) or "—",
        )
    if (opinion is None) != (motion.opinion is None):
        raise _refused(
            "提请含专家组意见草稿时须对其表决，否则不能表决。",
            "Vote on the draft opinion when the motion has one, and only then.",
        )


def _member(binding: PackageBinding, fingerprint: str) -> Actor:
    member = binding.member(fingerprint)
    if member is None:
        raise _refused("签署人不是本专家组成员。", "The signer is not a member of this panel.")
    if member.role == "chair":
        raise _refused(
            "组长以表决提请表明其同意，不另行签署声明。",
            "The chair approves by the motion; the chair does not sign statements.",
        )
    return Actor(member.name, member.cert_sha256, member.role)


def build_statement(
    identity: Identity,
    package: PackageBinding | OpenedPackage,
    *,
    motion: Motion | None = None,
    votes: Iterable[Vote] = (),
    opinion: str | None = None,
    dissent: str | None = None,
    refusal: Refusal | None = None,
    now: datetime | None = None,
) -> bytes:
    """Signed by ``identity`` (a member, not the chair); encrypted to the member, the chair and the ministry."""
    binding = bind(package)
    _member(binding, identity.fingerprint)
    kind = "refusal" if refusal is not None else "vote"
    if motion is not None and motion.package_id != binding.package_id:
        raise _refused("该表决提请属于另一个评审包。", "This motion belongs to another package.")
    motion_sha256 = None if motion is None else motion.digest
    checked, text, refused = check_content(
        kind, motion_sha256=motion_sha256, votes=votes, opinion=opinion, dissent=dissent, refusal=refusal
    )
    if motion is not None:
        check_answers_motion(checked, opinion, motion)
    statement_id = str(uuid.uuid4())
    header = {
        "format": FORMAT,
        "version": 1,
        "suite": suites.of_root(identity.trust_root()).id,
        "statement_id": statement_id,
        "package": {"id": binding.package_id, "manifest_sha256": binding.manifest_sha256},
        "signer": {"cert_sha256": identity.fingerprint, "role": "expert"},
        "created": clock.iso(now or clock.utcnow()),
    }
    content = {
        "format": CONTENT_FORMAT,
        "version": 1,
        "statement_id": statement_id,
        "kind": kind,
        "motion_sha256": motion_sha256,
        "votes": [v.to_json() for v in checked],
        "opinion": opinion,
        "dissent": text,
        "refusal": None if refused is None else refused.to_json(),
    }
    chair = binding.chair
    recipients = [
        fmt.recipient_of(identity.certificate, "member"),
        fmt.recipient_of(chair.certificate, "chair"),
        fmt.recipient_of(binding.ministry, "ministry"),
    ]
    return fmt.seal_envelope(
        mimetype=MIMETYPE,
        kind=KIND,
        artifact_id=statement_id,
        header=header,
        payload=canonical_json(content),
        signer=identity,
        recipients=recipients,
    )


def _opt_text(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError("text")
    return value


def _parse(plain: bytes, statement_id: str) -> dict[str, Any]:
    doc = parse_json(plain)
    if not isinstance(doc, dict) or doc.get("format") != CONTENT_FORMAT or doc.get("version") != 1:
        raise ValueError("content format")
    if doc["statement_id"] != statement_id or doc["kind"] not in KINDS:
        raise ValueError("content disagrees with header")
    return doc


def open_statement(
    data: bytes,
    reader: fmt.Reader,
    package: PackageBinding | OpenedPackage,
    root: x509.Certificate,
    *,
    motion: Motion | None = None,
    revocations: RevocationList | None = None,
    now: datetime | None = None,
) -> Statement:
    """Verified: signer on the roster and not the chair (chain to ``root``, not revoked when
    signed), bound to the package, readable by ``reader``, content rules kept; with ``motion``, it
    must answer that motion with one vote per change."""
    binding = bind(package)
    env = fmt.read_envelope(
        data,
        MIMETYPE,
        FORMAT,
        T(
            "该文件不是专家组成员的声明（.rvstatement）。",
            "This file is not a member's statement (.rvstatement).",
        ),
    )
    env.require_suite(root, T("该声明", "The statement"))
    h = env.header
    try:
        pkg, signer = h["package"], h["signer"]
        created = clock.parse_iso(str(h["created"]))
        statement_id = str(h["statement_id"])
        ok = h.get("suite") in SUITES and isinstance(signer.get("cert_sha256"), str)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise fmt._damaged(f"header: {exc}") from exc
    if not ok:
        raise fmt._damaged("header fields")
    opened = env.open(reader, KIND, statement_id)  # the sealed certificate is the header's signer
    opened.verify(root, created, revocations or binding.revocations)
    member = _member(binding, opened.signer_fingerprint)
    if pkg.get("id") != binding.package_id or pkg.get("manifest_sha256") != binding.manifest_sha256:
        raise _refused("该声明属于另一个评审包。", "This statement belongs to another package.")
    plain = opened.payload
    try:
        doc = _parse(plain, statement_id)
        votes = [Vote(str(v["code"]), str(v["vote"]), _opt_text(v["reason"])) for v in doc["votes"]]
        r = doc["refusal"]
        refusal = (
            None
            if r is None
            else Refusal(
                str(r["record_id"]),
                str(r["reconciliation_sha256"]),
                str(r["decisions_sha256"]),
                str(r["reason"]),
            )
        )
        motion_sha256 = _opt_text(doc["motion_sha256"])
        opinion, dissent = _opt_text(doc["opinion"]), _opt_text(doc["dissent"])
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise fmt._damaged(f"content: {exc}") from exc
    checked, text, refused = check_content(
        doc["kind"],
        motion_sha256=motion_sha256,
        votes=votes,
        opinion=opinion,
        dissent=dissent,
        refusal=refusal,
    )
    if motion is not None and doc["kind"] == "vote":
        if motion_sha256 != motion.digest:
            raise _refused("该声明针对的是另一份表决提请。", "This statement answers another motion.")
        check_answers_motion(checked, opinion, motion)
    return Statement(
        env.digest,
        statement_id,
        binding.package_id,
        clock.iso(created),
        member,
        doc["kind"],
        motion_sha256,
        checked,
        opinion,
        text,
        refused,
        data,
    )

"""Motions (``.rvmotion``): the chair puts the proposed changes and the draft opinion to the panel.

After aggregation the chair proposes changes (a consensus score replacing the computed aggregate,
each naming one of the §64 grounds of the panel rules and a rationale) and the draft panel
opinion, and signs them as a motion. It is encrypted to every member on the roster and the
ministry; each member answers it with a signed statement (:mod:`reviewer.scoring.statement`).
The chair's motion counts as the chair's approval of everything in it. The format is in
``docs/statement-format.md``; it uses the shared envelope (:mod:`reviewer.packages.envelope`).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from cryptography import x509

from reviewer.errors import Refused
from reviewer.i18n import T
from reviewer.packages import envelope as fmt
from reviewer.packages.manifest import SUITES
from reviewer.packages.reader import OpenedPackage
from reviewer.scoring.decisions import Actor, Opinion
from reviewer.scoring.sheet import bind
from reviewer.scoring.sheet_binding import PackageBinding
from reviewer.scoring.sheet_model import HEX64
from reviewer.scoring.stats import canonical as decimal_text
from reviewer.standards.panel_rules import PanelRules
from reviewer.trust import certs, clock, suites
from reviewer.trust.encoding import canonical_json, parse_json
from reviewer.trust.identity import Identity
from reviewer.trust.revocation import RevocationList

MIMETYPE = "application/vnd.reviewer.motion+zip"
FORMAT = "reviewer.motion"
CONTENT_FORMAT = "reviewer.motion-content"
KIND = "motion"
MAX_TEXT = 20_000


@dataclass(frozen=True)
class Change:
    """A proposed change after aggregation: ``aggregate`` (computed) → ``value``, on a §64 ground."""

    code: str
    value: Decimal
    aggregate: Decimal
    ground: str  # a code of the panel rules' grounds (summing-error, out-of-range, …)
    rationale: str

    def to_json(self) -> dict[str, str]:
        return {
            "code": self.code,
            "value": decimal_text(self.value),
            "aggregate": decimal_text(self.aggregate),
            "ground": self.ground,
            "rationale": self.rationale,
        }


@dataclass(frozen=True)
class MotionOpinion:
    """The draft panel opinion put to the panel (the texts of :class:`~reviewer.scoring.decisions.Opinion`)."""

    strengths: tuple[str, ...]
    problems: tuple[str, ...]
    recommendations: tuple[str, ...]
    conclusion: str

    @classmethod
    def of(cls, opinion: Opinion | MotionOpinion) -> MotionOpinion:
        return cls(
            tuple(opinion.strengths),
            tuple(opinion.problems),
            tuple(opinion.recommendations),
            opinion.conclusion,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "strengths": list(self.strengths),
            "problems": list(self.problems),
            "recommendations": list(self.recommendations),
            "conclusion": self.conclusion,
        }


@dataclass(frozen=True)
class Motion:
    """A verified motion: signed by the package's chair, bound to the package, decrypted."""

    digest: str  # SHA-256 of header.json: what statements answer (``motion_sha256``)
    motion_id: str
    package_id: str
    created: str
    chair: Actor
    changes: tuple[Change, ...]
    opinion: MotionOpinion | None
    data: bytes  # the file as signed

    def change(self, code: str) -> Change | None:
        return next((c for c in self.changes if c.code == code), None)


def _refused(zh: str, en: str, **args: object) -> Refused:
    return Refused(T(zh, en, **args))


def rules_of(package: PackageBinding | OpenedPackage, rules: PanelRules | None = None) -> PanelRules:
    """The panel rules that apply: those given, else the package's ``procedure.json``, else the defaults."""
    if rules is not None:
        return rules
    if isinstance(package, OpenedPackage):
        return package.procedure()
    return package.procedure


def check_changes(
    changes: Iterable[Change], rules: PanelRules, leaves: Iterable[str] | None
) -> tuple[Change, ...]:
    """Each change names a leaf indicator once, a ground of ``rules`` and a rationale (Refused otherwise)."""
    known = None if leaves is None else set(leaves)
    seen: set[str] = set()
    out = []
    for c in changes:
        if known is not None and c.code not in known:
            raise _refused(
                "“{c}”不是评审标准中的评分指标。",
                "“{c}” is not a scored indicator of the standard.",
                c=c.code,
            )
        if c.code in seen:
            raise _refused("指标 {c} 有两项变更提议。", "Indicator {c} has two proposed changes.", c=c.code)
        seen.add(c.code)
        if rules.ground(c.ground) is None:
            raise _refused(
                "指标 {c} 的变更须注明评分规则允许的理由（{grounds}），“{g}”不在其中。",
                "The change of indicator {c} must name a ground the rules allow ({grounds}); “{g}” is not one.",
                c=c.code,
                g=c.ground or "—",
                grounds=", ".join(g.code for g in rules.grounds),
            )
        if not c.rationale.strip() or len(c.rationale) > MAX_TEXT:
            raise _refused(
                "请说明指标 {c} 变更的理由。", "Give the rationale for changing indicator {c}.", c=c.code
            )
        out.append(Change(c.code, c.value, c.aggregate, c.ground, c.rationale.strip()))
    return tuple(sorted(out, key=lambda c: c.code))


def build_motion(
    identity: Identity,
    package: PackageBinding | OpenedPackage,
    *,
    changes: Iterable[Change],
    opinion: Opinion | MotionOpinion | None,
    rules: PanelRules | None = None,
    now: datetime | None = None,
) -> bytes:
    """Signed by the chair; encrypted to every member on the roster and the ministry."""
    binding = bind(package)
    if identity.fingerprint != binding.chair.cert_sha256:
        raise _refused(
            "只有本专家组组长可以提请专家组表决。", "Only this panel's chair can put a motion to the panel."
        )
    leaves = None if binding.standard is None else [leaf.code for leaf in binding.standard.leaves()]
    checked = check_changes(changes, rules_of(package, rules), leaves)
    draft = None if opinion is None else MotionOpinion.of(opinion)
    if not checked and draft is None:
        raise _refused(
            "提请表决的内容为空：请提出变更或专家组意见草稿。",
            "The motion is empty: propose a change or the draft panel opinion.",
        )
    motion_id = str(uuid.uuid4())
    at = now or clock.utcnow()
    header = {
        "format": FORMAT,
        "version": 1,
        "suite": suites.of_root(identity.trust_root()).id,
        "motion_id": motion_id,
        "package": {"id": binding.package_id, "manifest_sha256": binding.manifest_sha256},
        "signer": {"cert_sha256": identity.fingerprint, "role": "chair"},
        "created": clock.iso(at),
    }
    content = {
        "format": CONTENT_FORMAT,
        "version": 1,
        "motion_id": motion_id,
        "changes": [c.to_json() for c in checked],
        "opinion": None if draft is None else draft.to_json(),
    }
    recipients = []
    for member in binding.roster:
        cert = identity.certificate if member.cert_sha256 == identity.fingerprint else member.certificate
        if cert is not identity.certificate:
            certs.verify_chain(cert, identity.trust_root(), purpose=certs.EKU_MEMBER)
        recipients.append(fmt.recipient_of(cert, member.role))
    recipients.append(fmt.recipient_of(binding.ministry, "ministry"))
    return fmt.seal_envelope(
        mimetype=MIMETYPE,
        kind=KIND,
        artifact_id=motion_id,
        header=header,
        payload=canonical_json(content),
        signer=identity,
        recipients=recipients,
    )


def _text(value: Any) -> str:
    if not isinstance(value, str) or len(value) > MAX_TEXT:
        raise ValueError("text")
    return value


def _decimal(value: Any) -> Decimal:
    try:
        number = Decimal(_text(value))
    except InvalidOperation:
        raise ValueError("decimal") from None
    if not number.is_finite():
        raise ValueError("decimal")
    return number


def open_motion(
    data: bytes,
    reader: fmt.Reader,
    package: PackageBinding | OpenedPackage,
    root: x509.Certificate,
    *,
    rules: PanelRules | None = None,
    revocations: RevocationList | None = None,
    now: datetime | None = None,
) -> Motion:
    """Verified: signed by this package's chair (chain to ``root``, not revoked when signed), bound
    to the package, readable by ``reader``; every change names a ground of the rules."""
    binding = bind(package)
    env = fmt.read_envelope(
        data,
        MIMETYPE,
        FORMAT,
        T("该文件不是表决提请（.rvmotion）。", "This file is not a motion (.rvmotion)."),
    )
    env.require_suite(root, T("该表决提请", "The motion"))
    h = env.header
    try:
        pkg, signer = h["package"], h["signer"]
        created = clock.parse_iso(str(h["created"]))
        motion_id = str(h["motion_id"])
        ok = h.get("suite") in SUITES and isinstance(signer.get("cert_sha256"), str)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise fmt._damaged(f"header: {exc}") from exc
    if not ok:
        raise fmt._damaged("header fields")
    opened = env.open(reader, KIND, motion_id)  # the sealed certificate is the header's signer
    opened.verify(root, created, revocations or binding.revocations)
    chair = binding.chair
    if opened.signer_fingerprint != chair.cert_sha256:
        raise _refused(
            "该表决提请不是由本专家组组长“{name}”签署的，不予接受。",
            "This motion was not signed by this panel's chair “{name}”; it is refused.",
            name=chair.name,
        )
    if pkg.get("id") != binding.package_id or pkg.get("manifest_sha256") != binding.manifest_sha256:
        raise _refused("该表决提请属于另一个评审包。", "This motion belongs to another package.")
    plain = opened.payload
    try:
        doc = parse_json(plain)
        if doc.get("format") != CONTENT_FORMAT or doc.get("version") != 1 or doc["motion_id"] != motion_id:
            raise ValueError("content format")
        changes = [
            Change(
                _text(c["code"]),
                _decimal(c["value"]),
                _decimal(c["aggregate"]),
                _text(c["ground"]),
                _text(c["rationale"]),
            )
            for c in doc["changes"]
        ]
        op = doc["opinion"]
        opinion = (
            None
            if op is None
            else MotionOpinion(
                tuple(_text(s) for s in op["strengths"]),
                tuple(_text(s) for s in op["problems"]),
                tuple(_text(s) for s in op["recommendations"]),
                _text(op["conclusion"]),
            )
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise fmt._damaged(f"content: {exc}") from exc
    leaves = None if binding.standard is None else [leaf.code for leaf in binding.standard.leaves()]
    checked = check_changes(changes, rules_of(package, rules), leaves)
    return Motion(
        env.digest,
        motion_id,
        binding.package_id,
        clock.iso(created),
        Actor(chair.name, chair.cert_sha256, "chair"),
        checked,
        opinion,
        data,
    )


def is_digest(value: object) -> bool:
    return isinstance(value, str) and bool(HEX64.match(value))

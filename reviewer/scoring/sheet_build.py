"""Building a score sheet on the expert's side: check, sign, encrypt, write. See :mod:`.sheet`."""

from __future__ import annotations

import uuid
from datetime import datetime
from pathlib import Path

from cryptography import x509

from reviewer.errors import NotOnPanel, Refused
from reviewer.i18n import T
from reviewer.packages import envelope as fmt
from reviewer.packages.manifest import RosterMember
from reviewer.packages.reader import OpenedPackage
from reviewer.scoring.sheet_binding import PackageBinding
from reviewer.scoring.sheet_model import (
    Declarations,
    SheetAnswers,
    SheetInvalid,
    answers_to_json,
    check_answers,
    check_declarations,
)
from reviewer.scoring.sheet_types import CONTENT_FORMAT, FORMAT, MIMETYPE, Correction
from reviewer.trust import certs, clock, suites
from reviewer.trust.encoding import canonical_json
from reviewer.trust.identity import Identity
from reviewer.trust.keys import cert_fingerprint

# --- building -------------------------------------------------------------------------------


def _roster_member(binding: PackageBinding, identity: Identity) -> RosterMember:
    member = binding.member(identity.fingerprint)
    if member is None:
        raise NotOnPanel(
            T(
                "您（{name}）不在本评审包的专家组名单中，不能为其签署评分表。",
                "You ({name}) are not on this package's roster and cannot sign a sheet for it.",
                name=identity.name,
            )
        )
    return member


def chair_certificate_for(
    binding: PackageBinding,
    identity: Identity,
    supplied: x509.Certificate | None = None,
    *,
    now: datetime | None = None,
) -> x509.Certificate:
    """The chair's certificate to encrypt to, checked: the one the signed roster carries (or, as an
    override, ``supplied``, which must have the fingerprint the roster names). It must chain to the
    pinned root as a member certificate and not be revoked now (the package's CRL or a newer one)."""
    chair = binding.chair
    if identity.fingerprint == chair.cert_sha256:
        return identity.certificate
    cert = chair.certificate if supplied is None else supplied
    if cert_fingerprint(cert) != chair.cert_sha256:
        raise Refused(
            T(
                "给出的证书不是本专家组组长“{name}”的证书（指纹不符）。",
                "The certificate given is not that of this panel's chair “{name}” (the fingerprint differs).",
                name=chair.name,
            )
        )
    certs.verify_chain(cert, identity.trust_root(), purpose=certs.EKU_MEMBER)
    if binding.revocations is not None:
        binding.revocations.check(cert, now or clock.utcnow())
    return cert


def seal_sheet(
    binding: PackageBinding,
    identity: Identity,
    *,
    kind: str,
    answers: SheetAnswers,
    role: str,
    chair_certificate: x509.Certificate,
    revision: int = 1,
    previous_sha256: str | None = None,
    correction: Correction | None = None,
    now: datetime | None = None,
) -> bytes:
    """Sign and encrypt already-checked ``answers`` (no roster check: :func:`build_sheet` does that)."""
    created = clock.iso(now or clock.utcnow())
    sheet_id = str(uuid.uuid4())
    # the header (public) names the signer by certificate fingerprint only; the content (encrypted)
    # also carries the name and organisation
    signer = {"cert_sha256": identity.fingerprint, "role": role}
    expert = {
        "name": certs.common_name(identity.certificate),
        "org": certs.organization(identity.certificate),
        **signer,
    }
    package = {"id": binding.package_id, "manifest_sha256": binding.manifest_sha256}
    content = {
        "format": CONTENT_FORMAT,
        "version": 1,
        "sheet_id": sheet_id,
        "kind": kind,
        "package": {**package, "standard": dict(binding.standard_ref)},
        "expert": expert,
        "revision": {
            "number": revision,
            "previous_sha256": previous_sha256,
            "correction": None
            if correction is None
            else {
                "reason": correction.reason,
                "return_notice_sha256": correction.return_notice_sha256,
                "codes": list(correction.codes),
            },
        },
        "created": created,
        **answers_to_json(answers),
    }
    header = {
        "format": FORMAT,
        "version": 1,
        "suite": suites.of_root(identity.trust_root()).id,
        "sheet_id": sheet_id,
        "kind": kind,
        "package": package,
        "signer": signer,
        "revision": {"number": revision, "previous_sha256": previous_sha256},
        "created": created,
    }
    recipients = [
        fmt.recipient_of(identity.certificate, identity.name),
        fmt.recipient_of(chair_certificate, "chair"),
        fmt.recipient_of(binding.ministry, "ministry"),
    ]
    return fmt.seal_envelope(
        mimetype=MIMETYPE,
        kind="sheet",
        artifact_id=sheet_id,
        header=header,
        payload=canonical_json(content),
        signer=identity,
        recipients=recipients,
    )


def bind(package: PackageBinding | OpenedPackage) -> PackageBinding:
    return package if isinstance(package, PackageBinding) else PackageBinding.of(package)


def _check_signer_now(binding: PackageBinding, identity: Identity, now: datetime | None) -> RosterMember:
    member = _roster_member(binding, identity)
    at = now or clock.utcnow()
    identity.installed().verify(identity.trust_root(), at, binding.revocations)
    return member


def build_sheet(
    package: PackageBinding | OpenedPackage,
    identity: Identity,
    answers: SheetAnswers,
    *,
    chair_certificate: x509.Certificate | None = None,
    now: datetime | None = None,
) -> bytes:
    """A finished score sheet: every rule of :func:`check_answers` holds (else :class:`SheetInvalid`)."""
    binding = bind(package)
    member = _check_signer_now(binding, identity, now)
    standard = binding.require_standard()
    checked = check_answers(standard, answers, binding.materials)
    chair = chair_certificate_for(binding, identity, chair_certificate, now=now)
    return seal_sheet(
        binding, identity, kind="score", answers=checked, role=member.role, chair_certificate=chair, now=now
    )


def build_recusal(
    package: PackageBinding | OpenedPackage,
    identity: Identity,
    reason: str,
    *,
    chair_certificate: x509.Certificate | None = None,
    pledge_at: str | None = None,
    now: datetime | None = None,
) -> bytes:
    """A recusal sheet (回避): the declared conflict and its reason, no scores, signed the same way."""
    binding = bind(package)
    member = _check_signer_now(binding, identity, now)
    declarations = Declarations(True, reason.strip(), pledge_at is not None, pledge_at)
    problems = check_declarations(declarations, recusal=True)
    if problems:
        raise SheetInvalid(problems)
    chair = chair_certificate_for(binding, identity, chair_certificate, now=now)
    return seal_sheet(
        binding,
        identity,
        kind="recusal",
        answers=SheetAnswers(declarations),
        role=member.role,
        chair_certificate=chair,
        now=now,
    )


def write_sheet(path: str | Path, data: bytes) -> Path:
    """Write whole or not at all (temporary file + rename); a finalised sheet is never overwritten."""
    from reviewer.trust.files import write_atomic

    target = Path(path)
    if target.exists():
        raise Refused(
            T(
                "{path} 已存在，不会覆盖已签署的评分表。请换一个文件名。",
                "{path} exists already; a signed sheet is never overwritten. Choose another name.",
                path=str(target),
            )
        )
    return write_atomic(target, data)

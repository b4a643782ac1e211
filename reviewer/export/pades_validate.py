"""Validating the record's PAdES signatures (pyHanko), against a trust anchor the caller pins.

:func:`validate_record` checks every signature against one trust anchor given by the caller (the
ministry root; certificates inside the file are never trusted), and what every revision after the
record was made changed, under the record's own strict rule (:mod:`reviewer.export.pades_revisions`:
each revision is one signature in its own pre-made field, nothing else) instead of pyHanko's more
lenient default analysis. Under an SM2 anchor (the SM suite) the PDF signatures chain to the
authority's PDF root, the one the SM2 root pins (its ``ARC.6``), each signer is the member its PDF
certificate names (``ARC.5``), and each signature's SM2 attribute carries that member's SM2
certificate, which must chain to the SM2 root, pin the PDF signing key (``ARC.4``) and verify the
SM2 signature (:mod:`reviewer.export.pades_sm2`): the record alone is checked, no roster needed. :func:`require_valid` turns a problem into the typed errors
:class:`RecordChanged` (a :class:`~reviewer.errors.Tampered`, naming the revision),
:class:`~reviewer.errors.Tampered` and :class:`~reviewer.errors.Untrusted`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from io import BytesIO

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from reviewer.errors import Expired, InvalidInput, Refused, Tampered, Untrusted
from reviewer.export.pades import DAMAGED_PDF, RecordField, asn1_cert, damaged_pdf, read_pdf
from reviewer.export.pades_revisions import RecordChanged, RevisionProblem, check_revisions
from reviewer.export.pades_sm2 import attribute_of, signature_placeholder, verify_sm2_signature
from reviewer.export.record import parse_field_name
from reviewer.export.record_input import MemberRole
from reviewer.i18n import T
from reviewer.trust import cert_fingerprint, certs, sm, sm_profile, suites

WHOLE_DOCUMENT = "whole_document"
EARLIER_REVISION = "earlier_revision"


@dataclass(frozen=True)
class SignatureStatus:
    """One signature of the record as validated."""

    field: str
    signer_name: str  # the certificate's common name
    signer_fingerprint: str  # SHA-256 of the signer's certificate
    role: MemberRole | None  # from the field
    signed_at: datetime | None  # the time the signer claims (no timestamp in PAdES-B-B)
    intact: bool  # the signed bytes are unchanged and the cryptographic signature is good
    trusted: bool  # the signer's certificate chains to the given root, valid for signing
    in_own_field: bool  # signed by the certificate the field was made for
    coverage: str  # WHOLE_DOCUMENT, or EARLIER_REVISION (later revisions were appended)
    modification_level: str  # what was changed after it: none, form_filling (signatures only), other
    changes_allowed: bool  # every revision from its own on is one signature in its own pre-made field
    problem: str = ""  # why it is not valid, for the log
    # the record's first revision that is not one signature in its own pre-made field (the same on
    # every signature of the record: the record is refused as a whole)
    revision_problem: RevisionProblem | None = None
    # the SM suite: the member's SM2 certificate the signature's SM2 attribute carries, once checked
    # (SHA-256 named by the PDF certificate, chained to the SM2 root); None under a NIST anchor
    sm2_certificate: x509.Certificate | None = None

    @property
    def valid(self) -> bool:
        return self.intact and self.trusted and self.in_own_field and self.changes_allowed


def _context(root: asn1_x509.Certificate, at: datetime | None) -> ValidationContext:
    return ValidationContext(
        trust_roots=[root],  # only this anchor: never the system store, never the file's certs
        allow_fetching=False,
        revocation_mode="soft-fail",
        moment=at,
    )


def validate_record(
    pdf: bytes,
    trust_root: x509.Certificate,
    *,
    at: datetime | None = None,
) -> list[SignatureStatus]:
    """Validate every signature against ``trust_root`` only, at ``at`` (default: now). Under an SM2
    root each signature's SM2 attribute is verified too, with the SM2 certificate it carries."""
    return validate_opened(read_pdf(pdf), trust_root, at=at)


def validate_opened(
    reader: PdfFileReader,
    trust_root: x509.Certificate,
    *,
    at: datetime | None = None,
) -> list[SignatureStatus]:
    """:func:`validate_record` on a file already opened with :func:`~reviewer.export.pades.read_pdf`
    (the caller may go on reading the same file's objects from ``reader``)."""
    try:  # objects are read lazily: a damaged one surfaces here, not when the file is opened
        return _validate(reader, trust_root, at, sm_profile.is_sm(trust_root))
    except DAMAGED_PDF as exc:
        raise damaged_pdf(exc) from exc


def _digest(read: Callable[[x509.Certificate], bytes], cert: x509.Certificate) -> bytes | None:
    """The SHA-256 an ``ARC.4``/``ARC.5``/``ARC.6`` extension holds (read by :mod:`~reviewer.trust.sm_profile`),
    None when it is absent or malformed: here that is a finding about the signature, not an error."""
    try:
        return read(cert)
    except (Untrusted, ValueError):
        return None


def _pdf_anchor(sig: EmbeddedPdfSignature, pinned: bytes | None) -> asn1_x509.Certificate | None:
    """The certificate the signature embeds whose SHA-256 the SM2 root pins (the PDF root)."""
    for choice in sig.signed_data["certificates"] or ():
        if (
            choice.name == "certificate"
            and pinned
            and hashlib.sha256(choice.chosen.dump()).digest() == pinned
        ):
            return choice.chosen
    return None


def _pdf_bytes(reader: PdfFileReader) -> bytes:
    stream = reader.stream
    if isinstance(stream, BytesIO):
        return stream.getvalue()
    stream.seek(0)
    data: bytes = stream.read()
    return data


@dataclass(frozen=True)
class _Sm2Check:
    """What the SM2 attribute proves about one signature: ``tampered`` (the signature is not intact)
    or ``untrusted`` (the member's certificate does not hold under the SM2 root at the moment)."""

    tampered: str = ""
    untrusted: str = ""
    certificate: x509.Certificate | None = None


def _sm2_check(
    pdf: bytes, sig: EmbeddedPdfSignature, member_sha256: bytes | None, root: x509.Certificate, at: datetime
) -> _Sm2Check:
    """Check the signature's SM2 attribute on its own: the SM2 certificate it carries is the one the
    PDF certificate names (``ARC.5``), chains to ``root`` as a member certificate valid at ``at``,
    pins the PDF signing key (``ARC.4``), and its key verifies the SM2 signature over the covered bytes."""
    if member_sha256 is None:
        return _Sm2Check(tampered="the PDF certificate names no member (no ARC.5)")
    try:
        place = signature_placeholder(pdf, sig)  # ByteRange checked once, for both reads
        found = attribute_of(pdf, sig, place)
        if hashlib.sha256(found.certificate).digest() != member_sha256:
            return _Sm2Check(
                tampered="the SM2 certificate in the attribute is not the member the PDF certificate names"
            )
        member = x509.load_der_x509_certificate(found.certificate)
        spki = asn1_x509.Certificate.load(found.certificate)["tbs_certificate"][
            "subject_public_key_info"
        ].dump()
        verify_sm2_signature(pdf, sig, sm.load_sm2_public_key(spki), member_sha256, place=place, found=found)
    except (Tampered, InvalidInput) as exc:
        return _Sm2Check(tampered=f"SM2: {exc.detail or exc}")
    except (ValueError, TypeError, KeyError) as exc:  # not a certificate, or not an SM2 key
        return _Sm2Check(tampered=f"SM2: the attribute's certificate: {exc}")
    pdf_key = hashlib.sha256(sig.signer_cert["tbs_certificate"]["subject_public_key_info"].dump()).digest()
    if _digest(sm_profile.pdf_key_digest_of, member) != pdf_key:
        return _Sm2Check(
            tampered="the member's SM2 certificate does not certify this PDF signing key (ARC.4)"
        )
    if int(sig.signer_cert.serial_number) != member.serial_number:  # one CRL entry revokes both
        return _Sm2Check(untrusted="the PDF certificate's serial is not the member certificate's")
    try:
        certs.verify_issued(member, root, purpose=certs.EKU_MEMBER, at=at)
    except (Untrusted, Expired) as exc:
        return _Sm2Check(untrusted=f"SM2 certificate: {exc.detail or exc}", certificate=None)
    return _Sm2Check(certificate=member)


def _require_suite(signer: x509.Certificate, anchor: x509.Certificate, sm_anchor: bool) -> None:
    """A record signed in the other suite than the anchor's is refused as such (``SuiteMismatch``),
    not reported as changed: an SM authority's PDF certificates name their member (``ARC.5``), a NIST
    member's certificate never does. A stripped or altered SM2 attribute still is tampering; an SM
    record checked against its own PDF root (a reader that knows no SM2) is plain PAdES."""
    signed_sm = _digest(sm_profile.member_digest_of_pdf_cert, signer) is not None
    own_pdf_root = signed_sm and not sm_anchor and signer.issuer == anchor.subject
    if signed_sm != sm_anchor and not own_pdf_root:
        used, expected = (suites.SM, suites.NIST) if signed_sm else (suites.NIST, suites.SM)
        raise suites.mismatch(T("评审意见表", "The record"), used, expected)


def _validate(
    reader: PdfFileReader,
    trust_root: x509.Certificate,
    at: datetime | None,
    sm_anchor: bool,
) -> list[SignatureStatus]:
    out = []
    anchor = asn1_cert(trust_root)  # parsed once (asn1crypto parses lazily and keeps what it parsed)
    pinned = _digest(sm_profile.pdf_root_digest_of, trust_root) if sm_anchor else None
    data = _pdf_bytes(reader) if sm_anchor else b""
    moment = at if at is not None else datetime.now(UTC)  # pyHanko's moment when at is None
    signatures = reader.embedded_signatures
    bad = check_revisions(reader, signatures)  # one comparison per revision, for every signature
    last = reader.xrefs.total_revisions - 1
    for sig in signatures:
        info = parse_field_name(sig.field_name)
        cert = sig.signer_cert
        signer = x509.load_der_x509_certificate(cert.dump())
        _require_suite(signer, trust_root, sm_anchor)
        member: bytes | None = None
        if not sm_anchor:
            fingerprint = cert_fingerprint(signer)
        else:  # the SM suite: the PDF certificate names its member; it chains to the pinned PDF root
            member = _digest(sm_profile.member_digest_of_pdf_cert, signer)
            fingerprint = member.hex() if member else ""
            anchor = _pdf_anchor(sig, pinned) or asn1_cert(trust_root)
        base = {
            "field": sig.field_name,
            "signer_name": cert.subject.native.get("common_name", ""),
            "signer_fingerprint": fingerprint,
            "role": info.role if info else None,
            "in_own_field": info is not None and fingerprint.startswith(info.fingerprint_prefix),
        }
        try:
            # a fresh context for each: pyHanko adds the certificates a signature carries to its
            # context. pyHanko's own difference analysis is skipped: check_revisions is stricter.
            status = validate_pdf_signature(
                sig, signer_validation_context=_context(anchor, at), skip_diff=True
            )
        except Exception as exc:  # a damaged signature must be reported, not crash the report
            out.append(SignatureStatus(**base, signed_at=None, intact=False, trusted=False,
                                       coverage=EARLIER_REVISION, modification_level="unknown",
                                       changes_allowed=False, problem=repr(exc),
                                       revision_problem=bad))  # fmt: skip
            continue
        # changed after it (or in its own revision) by a revision that is not a signature in its field;
        # a revision before every signature is charged to all of them
        spoiled = bad is not None and (
            bad.index < signatures[0].signed_revision or sig.signed_revision <= bad.index
        )
        level = "other" if spoiled else ("none" if sig.signed_revision == last else "form_filling")
        sm2 = _sm2_check(data, sig, member, trust_root, moment) if sm_anchor else _Sm2Check()
        out.append(
            SignatureStatus(
                **base,
                signed_at=status.signer_reported_dt,
                intact=bool(status.intact and status.valid) and not sm2.tampered,
                trusted=bool(status.trusted) and not sm2.untrusted,
                coverage=WHOLE_DOCUMENT
                if status.coverage == SignatureCoverageLevel.ENTIRE_FILE
                else EARLIER_REVISION,
                modification_level=level,
                changes_allowed=not spoiled
                and status.coverage is not None
                and status.coverage >= SignatureCoverageLevel.ENTIRE_REVISION,
                problem=(bad.detail if spoiled and bad else "")
                or sm2.tampered
                or str(status.trust_problem_indic or "")
                or sm2.untrusted,
                revision_problem=bad,
                sm2_certificate=sm2.certificate,
            )
        )
    return out


def record_error(statuses: Sequence[SignatureStatus]) -> Tampered | None:
    """The integrity problem of a record's signatures, if any: a signature whose bytes changed or that
    sits in another's field, else a revision that is not one signature in its own pre-made field."""
    for s in statuses:
        if not (s.intact and s.in_own_field):
            return _changed_after(s)
    if statuses and statuses[0].revision_problem is not None:
        return RecordChanged.of(statuses[0].revision_problem)
    for s in statuses:
        if not s.changes_allowed:
            return _changed_after(s)
    return None


def _changed_after(s: SignatureStatus) -> Tampered:
    return Tampered(
        T(
            "评审意见表在 {name} 签署后被改动（签名栏“{field}”）。请勿使用此文件，向组长索取原件。",
            "The record was changed after {name} signed it (field “{field}”). Do not use this file; "
            "ask the chair for the original.",
            name=s.signer_name,
            field=s.field,
        ),
        detail=s.problem,
    )


def require_valid(statuses: Sequence[SignatureStatus], *, complete: Sequence[RecordField] = ()) -> None:
    """Raise :class:`Tampered` (:class:`RecordChanged` for a revision that is not one signature in its
    own field) or :class:`Untrusted` for the first problem; ``complete``: every field signed."""
    error = record_error(statuses)
    if error is not None:
        raise error
    if statuses and all(s.coverage != WHOLE_DOCUMENT for s in statuses):
        raise Tampered(
            T(
                "评审意见表在最后一个签名之后被追加了内容。请勿使用此文件，向组长索取原件。",
                "Something was appended to the record after its last signature. Do not use this file; "
                "ask the chair for the original.",
            )
        )
    for s in statuses:
        if not s.trusted:
            raise Untrusted(
                T(
                    "{name} 的签名证书不是由您信任的部级根证书签发的，或已不在有效期内。",
                    "The certificate of {name} was not issued under the ministry root you trust, or is not "
                    "valid now.",
                    name=s.signer_name,
                ),
                detail=s.problem,
            )
    missing = [f.label or f.name for f in complete if not f.signed]
    if missing:
        raise Refused(
            T(
                "尚未签署：{who}。",
                "Not signed yet: {who}.",
                who="、".join(missing),
            )
        )

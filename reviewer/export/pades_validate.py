"""Validating the record's PAdES signatures (pyHanko), against a trust anchor the caller pins.

:func:`validate_record` checks every signature against one trust anchor given by the caller (the
ministry root; certificates inside the file are never trusted), with pyHanko's difference
analysis of what each later revision changed. :func:`require_valid` turns a problem into the typed
errors :class:`~reviewer.errors.Tampered` and :class:`~reviewer.errors.Untrusted`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from reviewer.errors import Refused, Tampered, Untrusted
from reviewer.export.pades import DAMAGED_PDF, RecordField, asn1_cert, damaged_pdf, read_pdf
from reviewer.export.record import parse_field_name
from reviewer.export.record_input import MemberRole
from reviewer.i18n import T
from reviewer.trust import cert_fingerprint

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
    modification_level: str  # what was changed after it: none, form_filling, annotations, other
    changes_allowed: bool  # later changes are within what earlier signatures permit
    problem: str = ""  # why it is not valid, for the log

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
    pdf: bytes, trust_root: x509.Certificate, *, at: datetime | None = None
) -> list[SignatureStatus]:
    """Validate every signature against ``trust_root`` only, at ``at`` (default: now)."""
    return validate_opened(read_pdf(pdf), trust_root, at=at)


def validate_opened(
    reader: PdfFileReader, trust_root: x509.Certificate, *, at: datetime | None = None
) -> list[SignatureStatus]:
    """:func:`validate_record` on a file already opened with :func:`~reviewer.export.pades.read_pdf`
    (the caller may go on reading the same file's objects from ``reader``)."""
    try:  # objects are read lazily: a damaged one surfaces here, not when the file is opened
        return _validate(reader, trust_root, at)
    except DAMAGED_PDF as exc:
        raise damaged_pdf(exc) from exc


def _validate(
    reader: PdfFileReader, trust_root: x509.Certificate, at: datetime | None
) -> list[SignatureStatus]:
    out = []
    anchor = asn1_cert(trust_root)  # parsed once (asn1crypto parses lazily and keeps what it parsed)
    for sig in reader.embedded_signatures:
        info = parse_field_name(sig.field_name)
        cert = sig.signer_cert
        fingerprint = cert_fingerprint(x509.load_der_x509_certificate(cert.dump()))
        base = {
            "field": sig.field_name,
            "signer_name": cert.subject.native.get("common_name", ""),
            "signer_fingerprint": fingerprint,
            "role": info.role if info else None,
            "in_own_field": info is not None and fingerprint.startswith(info.fingerprint_prefix),
        }
        try:
            # a fresh context for each: pyHanko adds the certificates a signature carries to its context
            status = validate_pdf_signature(sig, signer_validation_context=_context(anchor, at))
        except Exception as exc:  # a damaged signature must be reported, not crash the report
            out.append(SignatureStatus(**base, signed_at=None, intact=False, trusted=False,
                                       coverage=EARLIER_REVISION, modification_level="unknown",
                                       changes_allowed=False, problem=repr(exc)))  # fmt: skip
            continue
        level = status.modification_level
        out.append(
            SignatureStatus(
                **base,
                signed_at=status.signer_reported_dt,
                intact=bool(status.intact and status.valid),
                trusted=bool(status.trusted),
                coverage=WHOLE_DOCUMENT
                if status.coverage == SignatureCoverageLevel.ENTIRE_FILE
                else EARLIER_REVISION,
                modification_level=level.name.lower() if level is not None else "unknown",
                changes_allowed=bool(status.docmdp_ok)
                and status.coverage is not None
                and status.coverage >= SignatureCoverageLevel.ENTIRE_REVISION,
                problem="" if status.bottom_line else str(status.trust_problem_indic or ""),
            )
        )
    return out


def require_valid(statuses: Sequence[SignatureStatus], *, complete: Sequence[RecordField] = ()) -> None:
    """Raise :class:`Tampered` or :class:`Untrusted` for the first problem; ``complete``: every field signed."""
    for s in statuses:
        if not (s.intact and s.changes_allowed and s.in_own_field):
            raise Tampered(
                T(
                    "评审意见表在 {name} 签署后被改动（签名栏“{field}”）。请勿使用此文件，向组长索取原件。",
                    "The record was changed after {name} signed it (field “{field}”). Do not use this file; "
                    "ask the chair for the original.",
                    name=s.signer_name,
                    field=s.field,
                ),
                detail=s.problem,
            )
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

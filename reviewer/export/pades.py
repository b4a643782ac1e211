"""PAdES signatures on the review record (pyHanko; PAdES-B-B, no network, no timestamps).

Signing order (``docs/record-format.md``): every member signs into their own pre-created field,
each signature an incremental update over everything before it; the chair signs last. The chair's
field locks every field and allows no further change (DocMDP "no changes"), so the chair's
signature closes the record and covers every member's signature. :func:`sign_record` enforces the
order: a field is signed once, by the certificate it was made for, in the role it was made for;
the chair only when every member has signed; nobody once the chair has.

Under the SM suite a member signs PAdES with their PDF certificate (ECDSA P-256, under the authority's
PDF root) and adds, inside the same CMS, an SM2 signature over the same bytes
(:mod:`reviewer.export.pades_sm2`); NIST signatures are unchanged.

Validation is in :mod:`reviewer.export.pades_validate`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from io import BytesIO
from typing import Any

from asn1crypto import x509 as asn1_x509
from asn1crypto.algos import SignedDigestAlgorithm
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.pdf_utils.writer import BasePdfFileWriter
from pyhanko.sign import signers
from pyhanko.sign.fields import MDPPerm, SigSeedSubFilter, enumerate_sig_fields
from pyhanko.sign.signers.pdf_signer import PdfSigningSession
from pyhanko.stamp import TextStampStyle
from pyhanko_certvalidator.registry import SimpleCertificateStore

from reviewer.errors import NotAnArtifact, Refused, Tampered
from reviewer.export.pades_revisions import RecordChanged, signed_revisions, unsigned_revision
from reviewer.export.pades_sm2 import sm2_attribute_reserve, sm2_sign_field
from reviewer.export.pades_stamp import stamp_params, stamp_style
from reviewer.export.record import FieldInfo, parse_field_name
from reviewer.export.record_input import MemberRole
from reviewer.i18n import T, Text
from reviewer.trust import Identity
from reviewer.trust.clock import utcnow


def asn1_cert(cert: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


# What a record signature's CMS (SignedData, DER) holds besides its certificates: the framing, the
# digest and signature algorithm identifiers, the signer's issuer and serial number (twice: the
# signer identifier and the signing-certificate attribute, counted apart, see cms_reserve), the
# other signed attributes (content type, message digest, CMS algorithm protection) and an ECDSA
# P-256 signature (at most 72 bytes). About 330 bytes are measured; this bound is three times that.
CMS_OVERHEAD = 1024


def cms_reserve(signer: signers.Signer) -> int:
    """Hex digits to reserve in the signature's /Contents: a safe upper bound of the CMS size.

    pyHanko otherwise signs twice, once on a dummy digest to measure the CMS. The certificates
    embedded (the signer's and the registry's: the ministry root) are counted exactly.
    """
    cert = signer.signing_cert
    assert cert is not None
    embedded = sum(len(c.dump()) for c in (cert, *signer.cert_registry))
    issuer_serial = len(cert.issuer.dump()) + len(cert["tbs_certificate"]["serial_number"].dump())
    return 2 * (embedded + 2 * issuer_serial + CMS_OVERHEAD)


SM_SUITE = "RV1-SM2-SM3-SM4"  # suites.SM_ID (reviewer.trust.suites)


def is_sm(identity: Identity) -> bool:
    """Whether ``identity`` is of the SM suite (an identity without a suite is NIST)."""
    return getattr(getattr(identity, "suite", None), "id", None) == SM_SUITE


class _IdentitySigner(signers.Signer):
    """A pyHanko signer whose raw signatures come from the unlocked identity (ECDSA P-256, SHA-256).

    Under the SM suite that is the member's PDF certificate and key, issued under the authority's
    PDF root (``Identity.pdf_*``); under NIST the member certificate itself."""

    def __init__(self, identity: Identity) -> None:
        self._sm = is_sm(identity)
        ident: Any = identity
        cert, root = (
            (ident.pdf_certificate, ident.pdf_root())
            if self._sm
            else (identity.certificate, identity.trust_root())
        )
        super().__init__(
            signing_cert=asn1_cert(cert),
            cert_registry=SimpleCertificateStore.from_certs([asn1_cert(root)]),
            signature_mechanism=SignedDigestAlgorithm({"algorithm": "sha256_ecdsa"}),
            embed_roots=True,
        )
        self._sign: Callable[[bytes], bytes] = ident.pdf_sign if self._sm else identity.sign
        # the SM2 certificate the SM2 attribute carries (pades_sm2); none for NIST
        self.sm2_certificate = (
            identity.certificate.public_bytes(serialization.Encoding.DER) if self._sm else b""
        )

    async def async_sign_raw(self, data: bytes, digest_algorithm: str, dry_run: bool = False) -> bytes:
        if digest_algorithm != "sha256":
            raise ValueError(f"only SHA-256 is used, not {digest_algorithm}")
        return self._sign(data)

    def reserve(self) -> int:
        """Hex digits for the /Contents: the CMS, and under the SM suite room for the SM2 attribute
        and the SM2 certificate it carries."""
        return cms_reserve(self) + (sm2_attribute_reserve(self.sm2_certificate) if self._sm else 0)


class _TimedPdfSigner(signers.PdfSigner):
    """A PdfSigner that records the given signing time instead of reading the clock."""

    def __init__(
        self,
        signature_meta: signers.PdfSignatureMetadata,
        signer: signers.Signer,
        *,
        when: datetime,
        stamp_style: TextStampStyle | None = None,
    ) -> None:
        super().__init__(signature_meta, signer, stamp_style=stamp_style)
        self._when = when

    def init_signing_session(
        self, pdf_out: BasePdfFileWriter, existing_fields_only: bool = False
    ) -> PdfSigningSession:
        session = super().init_signing_session(pdf_out, existing_fields_only=existing_fields_only)
        session.system_time = self._when
        return session


class _SigningWriter(IncrementalPdfFileWriter):
    """Leaves the document information and the XMP metadata alone: a signature's revision changes
    only the field it signs (pyHanko would stamp /ModDate and /Producer and add XMP metadata, which
    the record's own validation refuses, ``pades_revisions``)."""

    def _update_meta(self) -> None:
        pass


@dataclass(frozen=True)
class RecordField:
    """A signature field of the record: what it is for and whether it is signed."""

    name: str
    info: FieldInfo | None  # None: a field the record builder did not make
    label: str  # the readable name (/TU), e.g. 王堃（组长）
    signed: bool


# What pyHanko and asn1crypto raise on a damaged file, at opening or later when objects are read lazily.
DAMAGED_PDF = (PdfError, ValueError, KeyError, TypeError, IndexError)


def damaged_pdf(exc: Exception) -> Tampered:
    return Tampered(
        T(
            "PDF 文件已损坏或被改动，无法读取。请向组长索取原件。",
            "The PDF is damaged or altered and cannot be read. Ask the chair for the original.",
        ),
        detail=repr(exc),
    )


def read_pdf(pdf: bytes) -> PdfFileReader:
    if not pdf.startswith(b"%PDF-"):
        raise NotAnArtifact(T("这不是 PDF 文件。", "This is not a PDF file."))
    try:
        return PdfFileReader(BytesIO(pdf))
    except DAMAGED_PDF as exc:
        raise damaged_pdf(exc) from exc


def record_fields(pdf: bytes) -> list[RecordField]:
    """Every signature field, in signing order for the record's own fields."""
    return _fields(read_pdf(pdf))


def _fields(reader: PdfFileReader) -> list[RecordField]:
    out = []
    try:  # objects are read lazily: a damaged one surfaces here, not when the file is opened
        for name, value, ref in enumerate_sig_fields(reader):
            label = str(ref.get_object().get("/TU", ""))
            out.append(RecordField(name, parse_field_name(name), label, value is not None))
    except DAMAGED_PDF as exc:
        raise damaged_pdf(exc) from exc
    return sorted(out, key=lambda f: (f.info is None, f.info.order if f.info else 0, f.name))


def find_field(pdf: bytes, identity: Identity) -> RecordField:
    """The record field made for this identity's certificate (:class:`Refused` if there is none)."""
    prefix = identity.fingerprint[:16]
    for f in record_fields(pdf):
        if f.info is not None and f.info.fingerprint_prefix == prefix:
            return f
    for f in record_fields(pdf):  # a record made for another certificate of the same person
        if f.label.split("（")[0] == identity.name:
            raise Refused(
                T(
                    "签名栏“{field}”属于 {name} 的另一张证书，不能用本身份签署。",
                    "The field “{field}” belongs to another certificate of {name}; this identity cannot sign it.",
                    field=f.name,
                    name=identity.name,
                )
            )
    raise Refused(
        T(
            "本记录中没有 {name} 的签名栏：不在本专家组或已回避。",
            "This record has no signature field for {name}: not on this panel, or recused.",
            name=identity.name,
        )
    )


def role_text(role: MemberRole) -> Text:
    return T("组长", "chair") if role is MemberRole.CHAIR else T("专家", "expert")


def _check_order(
    fields: Sequence[RecordField],
    target: RecordField,
    identity: Identity,
    role: MemberRole,
    unsigned: Mapping[str, str],
) -> None:
    info = target.info
    if info is None:
        raise Refused(
            T("“{f}”不是评审记录的签名栏。", "“{f}” is not a signature field of the record.", f=target.name)
        )
    if target.signed:
        raise Refused(T("签名栏“{f}”已经签署过。", "The field “{f}” is already signed.", f=target.name))
    if info.fingerprint_prefix != identity.fingerprint[:16]:
        raise Refused(
            T(
                "签名栏“{f}”不是为 {name} 的证书创建的。",
                "The field “{f}” was not made for the certificate of {name}.",
                f=target.name,
                name=identity.name,
            )
        )
    if info.role is not role:
        raise Refused(
            T(
                "签名栏“{f}”的身份是{want}，不是{got}。",
                "The field “{f}” is for the {want}, not the {got}.",
                f=target.name,
                want=str(role_text(info.role)),
                got=str(role_text(role)),
            )
        )
    if any(f.signed and f.info and f.info.role is MemberRole.CHAIR for f in fields):
        raise Refused(
            T(
                "组长已签署，本意见表已完成，不能再签署。",
                "The chair has signed: the record is closed and takes no more signatures.",
            )
        )
    if unsigned and role is not MemberRole.CHAIR:
        raise Refused(T("只有组长在最后签署时载明未签字的成员。", "Only the chair, signing last, states "
                        "who did not sign."))  # fmt: skip
    if role is MemberRole.CHAIR:
        _check_unsigned(fields, unsigned)
        stated = {fp[:16] for fp in unsigned}
        waiting = [
            f.label or f.name
            for f in fields
            if f.info
            and f.info.role is MemberRole.EXPERT
            and not f.signed
            and f.info.fingerprint_prefix not in stated
        ]
        if waiting:
            raise Refused(
                T(
                    "组长须最后签署。尚未签署的成员：{who}。",
                    "The chair signs last. Members who have not signed yet: {who}.",
                    who="、".join(waiting),
                )
            )


def _check_unsigned(fields: Sequence[RecordField], unsigned: Mapping[str, str]) -> None:
    """Every member the chair states as not signing has an empty member's field on this record."""
    members = {f.info.fingerprint_prefix: f for f in fields if f.info and f.info.role is MemberRole.EXPERT}
    for fingerprint in unsigned:
        field = members.get(fingerprint[:16])
        if field is None:
            raise Refused(
                T(
                    "证书 {fp} 在本意见表上没有成员签名栏，不能载明其未签字。",
                    "Certificate {fp} has no member's field on this record; it cannot be stated as not signing.",
                    fp=fingerprint[:16],
                )
            )
        if field.signed:
            raise Refused(
                T(
                    "{who} 已签署本意见表，不能再载明其未签字。",
                    "{who} has signed the record; they cannot be stated as not signing.",
                    who=field.label or field.name,
                )
            )


CLOSING_KEY = "closing-sha256"  # in the chair's signature's /Reason: the closing facts it states


def closing_reason(closing_sha256: str | None) -> str:
    """The chair's signature's /Reason; it names the closing facts (``closing.json``) it states."""
    reason = "专家组组长签署，评审意见表完成"
    return f"{reason}（{CLOSING_KEY}:{closing_sha256}）" if closing_sha256 else reason


def sign_record(
    pdf: bytes,
    field_name: str,
    identity: Identity,
    role: MemberRole,
    when: datetime | None = None,
    *,
    unsigned: Mapping[str, str] | None = None,
    closing_sha256: str | None = None,
) -> bytes:
    """Sign ``field_name`` as ``identity`` in ``role``; returns the PDF with the signature appended.

    The chair's closing signature may leave members' fields empty when it states each of them:
    ``unsigned`` maps the member's certificate SHA-256 to the line its appearance prints (a refusal
    with written reasons, or no signature and no reasons); ``closing_sha256`` (the SHA-256 of
    ``closing.json``, which holds those facts) goes into the signature's /Reason."""
    stated = dict(unsigned or {})
    reader = read_pdf(pdf)  # read once: for the fields, then by pyHanko to sign
    fields = _fields(reader)
    target = next((f for f in fields if f.name == field_name), None)
    if target is None:
        raise Refused(T("没有名为“{f}”的签名栏。", "There is no signature field named “{f}”.", f=field_name))
    _check_order(fields, target, identity, role, stated)
    try:  # nobody signs on top of an unsigned change (the full check is pades_validate's)
        changed = unsigned_revision(reader, signed_revisions(reader))
    except DAMAGED_PDF as exc:
        raise damaged_pdf(exc) from exc
    if changed is not None:
        raise RecordChanged.of(changed)
    when = when or utcnow()
    closing = role is MemberRole.CHAIR
    # The record's first signature certifies it (DocMDP P=2: only filling in and signing fields may
    # follow); the others are approval signatures under their field's FieldMDP lock.
    certify = not any(f.signed for f in fields)
    meta = signers.PdfSignatureMetadata(
        field_name=field_name,
        md_algorithm="sha256",
        subfilter=SigSeedSubFilter.PADES,
        name=identity.name,
        reason=closing_reason(closing_sha256) if closing else "专家组成员审阅并签署",
        certify=certify,
        # the chair's: what the field lock already demands (pyHanko would otherwise warn and apply it)
        docmdp_permissions=MDPPerm.NO_CHANGES if closing else MDPPerm.FILL_FORMS,
    )
    order = {f.info.fingerprint_prefix: f.info.order for f in fields if f.info}
    facts = [stated[fp] for fp in sorted(stated, key=lambda fp: order.get(fp[:16], 0))]
    params = stamp_params(identity.name, role.zh, when, closing, facts)
    signer = _IdentitySigner(identity)
    pdf_signer = _TimedPdfSigner(meta, signer, stamp_style=stamp_style(params), when=when)
    writer = _SigningWriter.from_reader(reader)
    out = pdf_signer.sign_pdf(
        writer, existing_fields_only=True, bytes_reserved=signer.reserve(), appearance_text_params=params
    )
    signed: bytes = out.getvalue()
    if is_sm(identity):  # the SM2 signature over the same bytes, inside the PAdES CMS (pades_sm2)
        signed = sm2_sign_field(signed, field_name, identity.sign, signer.sm2_certificate)
    return signed

"""The SM2 signature inside a PAdES signature of the record (SM suite, ``docs/crypto-suites.md``).

Under the SM suite every record signature is two signatures in one: pyHanko writes the PAdES
signature (ECDSA P-256, the member's PDF certificate, readable by every PDF reader), and right after
it the member's SM2 key signs (SM3withSM2) exactly the bytes that signature covers — its two
/ByteRange segments. The SM2 signature goes into the PAdES CMS as an *unsigned* attribute of the
SignerInfo, type ``ARC.7``, value ``SEQUENCE { certSHA256 OCTET STRING, signature OCTET STRING,
certificate OCTET STRING }`` (the SHA-256 of the member's SM2 certificate, the DER ``(r, s)``
signature, and that certificate's DER, so the record alone proves who signed), written into the
same reserved /Contents placeholder: the bytes the ByteRange covers do not change, and unsigned
attributes are outside what the CMS signs, so the ECDSA signature stays valid in every reader.

Parsing goes through pyHanko (the signature dictionary and its /ByteRange) and asn1crypto (the CMS);
SM2 through :mod:`reviewer.trust.sm`.
"""

from __future__ import annotations

import binascii
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from io import BytesIO
from typing import ClassVar, Final

from asn1crypto import cms, core
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.fields import enumerate_sig_fields
from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature

from reviewer.errors import Tampered
from reviewer.i18n import T, Text
from reviewer.trust import sm
from reviewer.trust.certs import ARC

OID_SM2_SIGNATURE_ATTRIBUTE: Final = ARC + ".7"
CERT_SHA256_SIZE: Final = 32
# /Contents room an SM signer reserves beyond the PAdES CMS, besides the certificate it carries: the
# attribute's own part is about 150 bytes (the 39-character arc OID, a 32-byte hash, an SM2
# signature of at most 72 bytes, the framing of the value and of the certificate's OCTET STRING)
# and lengthens the enclosing SEQUENCEs' headers by a few bytes; twice that, in hex digits.
SM2_ATTRIBUTE_RESERVE: Final = 2 * 512


def sm2_attribute_reserve(certificate_der: bytes) -> int:
    """Hex digits an SM signer reserves for the attribute carrying ``certificate_der``."""
    return SM2_ATTRIBUTE_RESERVE + 2 * len(certificate_der)


DAMAGED = (PdfError, ValueError, KeyError, TypeError, IndexError)  # as pades.DAMAGED_PDF


class _Sm2Signature(core.Sequence):  # type: ignore[misc]  # asn1crypto is untyped
    _fields: ClassVar = [
        ("cert_sha256", core.OctetString),
        ("signature", core.OctetString),
        ("certificate", core.OctetString),
    ]


@dataclass(frozen=True)
class Sm2Attribute:
    """An ``ARC.7`` attribute as read: nothing in it is checked yet but its shape."""

    cert_sha256: bytes  # what the attribute says the SHA-256 of ``certificate`` is
    signature: bytes  # SM3withSM2, DER (r, s), over the covered bytes
    certificate: bytes  # the member's SM2 certificate (DER), as the attribute carries it


def _message(field_name: str) -> Text:
    return T(
        "签名栏“{field}”中的国密（SM2）签名缺失或与内容不符：文件在签名后被改动过。"
        "请勿使用此文件，向组长索取原件。",
        "The SM2 signature in the field “{field}” is missing or does not match the content: the "
        "file was changed after it was signed. Do not use this file; ask the chair for the original.",
        field=field_name,
    )


def _tampered(field_name: str, detail: str) -> Tampered:
    return Tampered(_message(field_name), detail=detail)


@dataclass(frozen=True)
class _Placeholder:
    """A signature's /ByteRange ``[0, start, end, length]``: /Contents is ``pdf[start:end]``."""

    start: int  # the '<' of the /Contents hex string
    end: int  # just after its '>'
    stop: int  # end of the second segment: the end of the signature's revision

    def covered(self, pdf: bytes) -> bytes:
        return pdf[: self.start] + pdf[self.end : self.stop]

    def cms(self, pdf: bytes) -> bytes:
        return binascii.unhexlify(pdf[self.start + 1 : self.end - 1])


def _signature(pdf: bytes, field_name: str) -> EmbeddedPdfSignature:
    """The signature in the field named ``field_name``, looked up by that name alone: pyHanko's
    ``embedded_signatures`` parses every signature's CMS and orders them by revision, which costs
    a record of eight signers ~30 ms a read (``docs/performance.md``, benchmark 11)."""
    try:
        reader = PdfFileReader(BytesIO(pdf))
        found = [
            EmbeddedPdfSignature(reader, sig_field, name)
            for name, _, sig_field in enumerate_sig_fields(reader, filled_status=True, with_name=field_name)
        ]
    except DAMAGED as exc:
        raise _tampered(field_name, repr(exc)) from exc
    if not found:
        raise _tampered(field_name, "no signature in this field")
    if len(found) != 1:
        raise _tampered(field_name, f"{len(found)} signed fields of this name")
    return found[0]


def signature_placeholder(pdf: bytes, sig: EmbeddedPdfSignature) -> _Placeholder:
    """The ByteRange of ``sig``, checked sane: it starts at 0, its gap is exactly the /Contents
    hex string (the CMS pyHanko reads), its second segment runs to the end of a revision."""
    name = sig.field_name
    try:
        values = [int(v) for v in sig.byte_range]
    except (TypeError, ValueError) as exc:
        raise _tampered(name, f"bad /ByteRange: {exc}") from exc
    if len(values) != 4:
        raise _tampered(name, f"bad /ByteRange {values}")
    zero, start, end, length = values
    stop = end + length
    if zero != 0 or not 0 < start < end - 1 or length < 0 or stop > len(pdf):
        raise _tampered(name, f"bad /ByteRange {values}")
    if pdf[start : start + 1] != b"<" or pdf[end - 1 : end] != b">" or (end - start) % 2:
        raise _tampered(name, f"/ByteRange {values} does not frame a hex string")
    if not pdf[:stop].rstrip(b"\r\n ").endswith(b"%%EOF"):
        raise _tampered(name, f"/ByteRange {values} does not end a revision")
    place = _Placeholder(start, end, stop)
    try:
        contents = place.cms(pdf)
    except (binascii.Error, ValueError) as exc:
        raise _tampered(name, f"/Contents is not hex: {exc}") from exc
    if contents != sig.pkcs7_content:
        raise _tampered(name, "the /ByteRange gap is not this signature's /Contents")
    return place


def covered_bytes(pdf: bytes, field_name: str) -> bytes:
    """The two ByteRange segments of ``field_name``'s signature, concatenated: exactly what the CMS
    messageDigest covers."""
    sig = _signature(pdf, field_name)
    return signature_placeholder(pdf, sig).covered(pdf)


def _signer_info(content: bytes) -> tuple[cms.ContentInfo, cms.SignedData, cms.SignerInfo]:
    info = cms.ContentInfo.load(content, strict=False)  # /Contents ends in zero padding
    signed = info["content"]
    if info["content_type"].native != "signed_data" or len(signed["signer_infos"]) != 1:
        raise ValueError("not a CMS SignedData with one signer")
    return info, signed, signed["signer_infos"][0]


def _attributes(signer: cms.SignerInfo) -> list[cms.CMSAttribute]:
    unsigned = signer["unsigned_attrs"]
    return [] if isinstance(unsigned, core.Void) else list(unsigned)


def add_sm2_attribute(
    pdf: bytes,
    field_name: str,
    *,
    certificate: bytes,
    signature: bytes,
    cert_sha256: bytes | None = None,
    placeholder: _Placeholder | None = None,
) -> bytes:
    """``pdf`` with the SM2 attribute added to ``field_name``'s signature, written into the same
    /Contents placeholder; every byte outside the placeholder is unchanged. ``certificate``: the
    signer's SM2 certificate (DER); ``cert_sha256`` defaults to its SHA-256 (tests forge others).
    :class:`ValueError` (an internal error: the signer reserved too little room) when the CMS no
    longer fits. ``placeholder``: the field's :func:`signature_placeholder` in ``pdf``, when the
    caller has it already (:func:`sm2_sign_field`); else it is read from ``pdf``."""
    if cert_sha256 is None:
        cert_sha256 = hashlib.sha256(certificate).digest()
    if len(cert_sha256) != CERT_SHA256_SIZE:
        raise ValueError(f"cert_sha256 must be {CERT_SHA256_SIZE} bytes, not {len(cert_sha256)}")
    place = signature_placeholder(pdf, _signature(pdf, field_name)) if placeholder is None else placeholder
    info, signed, signer = _signer_info(place.cms(pdf))
    signed_attrs = signer["signed_attrs"].dump()
    unsigned = _attributes(signer)
    if any(a["type"].dotted == OID_SM2_SIGNATURE_ATTRIBUTE for a in unsigned):
        raise ValueError(f"the signature in {field_name} already has an SM2 attribute")
    value = _Sm2Signature({"cert_sha256": cert_sha256, "signature": signature, "certificate": certificate})
    attribute = cms.CMSAttribute(
        {"type": OID_SM2_SIGNATURE_ATTRIBUTE, "values": [core.Any.load(value.dump())]}
    )
    # rebuilt level by level, so asn1crypto re-encodes each parent around the changed child
    new_signer = cms.SignerInfo.load(signer.dump())
    new_signer["unsigned_attrs"] = cms.CMSAttributes([*unsigned, attribute])
    new_signed = cms.SignedData.load(signed.untag().dump())
    new_signed["signer_infos"] = cms.SignerInfos([new_signer])
    content = cms.ContentInfo({"content_type": info["content_type"].native, "content": new_signed}).dump()
    if cms.ContentInfo.load(content)["content"]["signer_infos"][0]["signed_attrs"].dump() != signed_attrs:
        raise ValueError("re-encoding the CMS changed its signed attributes")
    hex_digits = binascii.hexlify(content).upper()
    room = place.end - place.start - 2
    if len(hex_digits) > room:
        raise ValueError(
            f"the SM2 attribute does not fit in the /Contents of {field_name}: "
            f"{len(hex_digits)} hex digits, {room} reserved"
        )
    out = pdf[: place.start + 1] + hex_digits + b"0" * (room - len(hex_digits)) + pdf[place.end - 1 :]
    assert len(out) == len(pdf) and place.covered(out) == place.covered(pdf)
    return out


def read_sm2_attribute(pdf: bytes, field_name: str) -> Sm2Attribute | None:
    """``field_name``'s SM2 attribute, None when it has none; :class:`Tampered` when there are
    several or one is malformed. Nothing in it is verified: :func:`verify_sm2_signature`."""
    sig = _signature(pdf, field_name)
    return _read(sig, signature_placeholder(pdf, sig).cms(pdf))


def _read(sig: EmbeddedPdfSignature, content: bytes) -> Sm2Attribute | None:
    name = sig.field_name
    try:
        _, _, signer = _signer_info(content)
        attributes = [a for a in _attributes(signer) if a["type"].dotted == OID_SM2_SIGNATURE_ATTRIBUTE]
        if not attributes:
            return None
        if len(attributes) != 1 or len(attributes[0]["values"]) != 1:
            raise ValueError("more than one SM2 signature")
        value = _Sm2Signature.load(attributes[0]["values"][0].dump(), strict=True)
        found = Sm2Attribute(
            value["cert_sha256"].native, value["signature"].native, value["certificate"].native
        )
    except (ValueError, TypeError, KeyError) as exc:
        raise _tampered(name, f"malformed SM2 attribute: {exc!r}") from exc
    if len(found.cert_sha256) != CERT_SHA256_SIZE:
        raise _tampered(name, "the SM2 attribute's certificate hash is not 32 bytes")
    if not found.certificate or not found.signature:
        raise _tampered(name, "the SM2 attribute carries no certificate or no signature")
    return found


def sm2_sign_field(pdf: bytes, field_name: str, sign: Callable[[bytes], bytes], certificate: bytes) -> bytes:
    """Sign ``field_name``'s covered bytes with ``sign`` (SM3withSM2) and add the attribute carrying
    ``certificate`` (the signer's SM2 certificate, DER)."""
    place = signature_placeholder(pdf, _signature(pdf, field_name))  # read once, for both steps
    signature = sign(place.covered(pdf))
    return add_sm2_attribute(pdf, field_name, certificate=certificate, signature=signature, placeholder=place)


def verify_sm2_field(pdf: bytes, field_name: str, public_key: sm.Sm2PublicKey, cert_sha256: bytes) -> None:
    """:class:`Tampered` unless ``field_name``'s signature carries one SM2 attribute naming
    ``cert_sha256`` whose signature verifies under ``public_key`` over the covered bytes."""
    verify_sm2_signature(pdf, _signature(pdf, field_name), public_key, cert_sha256)


def attribute_of(pdf: bytes, sig: EmbeddedPdfSignature, place: _Placeholder | None = None) -> Sm2Attribute:
    """The SM2 attribute of a signature already read from ``pdf``; :class:`Tampered` when it has none.
    ``place``: its :func:`signature_placeholder`, when the caller has it already."""
    if place is None:
        place = signature_placeholder(pdf, sig)
    found = _read(sig, place.cms(pdf))
    if found is None:
        raise _tampered(sig.field_name, "no SM2 signature attribute")
    return found


def verify_sm2_signature(
    pdf: bytes,
    sig: EmbeddedPdfSignature,
    public_key: sm.Sm2PublicKey,
    cert_sha256: bytes,
    *,
    place: _Placeholder | None = None,
    found: Sm2Attribute | None = None,
) -> None:
    """:func:`verify_sm2_field` on a signature already read from ``pdf``: the attribute names
    ``cert_sha256`` (and carries that certificate) and its signature verifies over the covered bytes.
    ``place`` and ``found``: that signature's :func:`signature_placeholder` and :func:`attribute_of`
    in ``pdf``, when the caller has read them already (``found`` only with its ``place``)."""
    name = sig.field_name
    if place is None or found is None:
        place = signature_placeholder(pdf, sig)
        found = attribute_of(pdf, sig, place)
    if found.cert_sha256 != cert_sha256:
        raise _tampered(
            name, f"the SM2 signature names certificate {found.cert_sha256.hex()}, not {cert_sha256.hex()}"
        )
    if hashlib.sha256(found.certificate).digest() != cert_sha256:
        raise _tampered(name, "the certificate the SM2 attribute carries is not the one it names")
    sm.sm2_verify(public_key, place.covered(pdf), found.signature, what=_message(name))

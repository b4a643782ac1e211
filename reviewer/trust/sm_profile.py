"""Reading and checking the SM suite's X.509 certificates (issue 20): the GM/T 0015 profile.

``cryptography`` parses SM2 certificates and CRLs but cannot check them (it has no SM2), so the
signature is checked by tongsuopy (``sm.sm2_verify``, SM3withSM2), the profile by
:func:`check_profile`, and the private extensions (arc ``certs.ARC``) are read here:

* ``ARC.3`` (end-entity SM2 certificate): OCTET STRING, the SubjectPublicKeyInfo DER of the
  holder's SM2 encryption key — the SM analogue of ``ARC.1``.
* ``ARC.4`` (member SM2 certificate): OCTET STRING, SHA-256 of the SubjectPublicKeyInfo DER of the
  member's P-256 key that signs PDFs.
* ``ARC.5`` (a member's ECDSA PDF certificate): OCTET STRING, SHA-256 of the member's SM2
  certificate DER.
* ``ARC.6`` (the SM2 root): OCTET STRING, SHA-256 of the DER of the authority's ECDSA PDF root.

The certificates and the CRL are built in ``sm_x509``.
"""

from __future__ import annotations

from typing import Final

from asn1crypto import core as a_core
from asn1crypto import x509 as a_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ObjectIdentifier

from reviewer.errors import InvalidInput, Tampered, Untrusted
from reviewer.i18n import T
from reviewer.trust import certs, sm

OID_SM2_ENCRYPTION_KEY: Final = ObjectIdentifier(certs.ARC + ".3")
OID_PDF_KEY_DIGEST: Final = ObjectIdentifier(certs.ARC + ".4")
OID_MEMBER_DIGEST: Final = ObjectIdentifier(certs.ARC + ".5")
OID_PDF_ROOT_DIGEST: Final = ObjectIdentifier(certs.ARC + ".6")

_DIGEST_SIZE: Final = 32


# --- digests -------------------------------------------------------------------------------------


def _sha256(data: bytes) -> bytes:
    digest = hashes.Hash(hashes.SHA256())
    digest.update(data)
    return digest.finalize()


def _spki_der(public_key: sm.Sm2PublicKey | ec.EllipticCurvePublicKey) -> bytes:
    if isinstance(public_key, ec.EllipticCurvePublicKey):
        return public_key.public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    return sm.sm2_public_der(public_key)


def spki_sha256(public_key: sm.Sm2PublicKey | ec.EllipticCurvePublicKey) -> bytes:
    """SHA-256 of a public key's SubjectPublicKeyInfo DER (the value of ``ARC.4``)."""
    return _sha256(_spki_der(public_key))


def cert_sha256(cert: x509.Certificate) -> bytes:
    """SHA-256 of a certificate's DER (the value of ``ARC.5`` and ``ARC.6``)."""
    return _sha256(cert.public_bytes(serialization.Encoding.DER))


# --- reading -------------------------------------------------------------------------------------


def is_sm(item: x509.Certificate | x509.CertificateRevocationList) -> bool:
    """Whether a certificate or CRL is signed SM3withSM2."""
    return certs.is_sm_signed(item)


def sm2_public_key_of(cert: x509.Certificate) -> sm.Sm2PublicKey:
    """The SM2 key an SM2 certificate certifies (tongsuopy); Untrusted for any other key."""
    try:
        tbs = a_x509.TbsCertificate.load(cert.tbs_certificate_bytes)
        spki = tbs["subject_public_key_info"].dump()
        return sm.load_sm2_public_key(spki, label=certs.common_name(cert))
    except ValueError as exc:  # asn1crypto parse errors; InvalidInput is not a ValueError
        raise _malformed(T("证书公钥", "certificate public key"), str(exc)) from exc
    except InvalidInput as exc:
        raise Untrusted(
            T("证书中的公钥不是 SM2 公钥。", "The certificate's public key is not an SM2 key."),
            detail=str(exc.detail or exc),
        ) from exc


def _malformed(what: object, detail: str) -> Untrusted:
    return Untrusted(
        T("证书中的{what}格式不正确。", "The certificate's {what} is malformed.", what=what), detail=detail
    )


def _octet_ext(cert: x509.Certificate, oid: ObjectIdentifier, what: object) -> bytes:
    try:
        value = cert.extensions.get_extension_for_oid(oid).value
    except x509.ExtensionNotFound as exc:
        raise Untrusted(
            T("证书中缺少{what}。", "The certificate carries no {what}.", what=what), detail=oid.dotted_string
        ) from exc
    raw = value.value if isinstance(value, x509.UnrecognizedExtension) else b""
    try:
        parsed = a_core.OctetString.load(raw, strict=True)
        data: bytes = parsed.native
    except (ValueError, TypeError) as exc:
        raise _malformed(what, f"{oid.dotted_string}: {exc}") from exc
    return data


def _digest_ext(cert: x509.Certificate, oid: ObjectIdentifier, what: object) -> bytes:
    data = _octet_ext(cert, oid, what)
    if len(data) != _DIGEST_SIZE:
        raise _malformed(what, f"{oid.dotted_string}: {len(data)} bytes, not 32")
    return data


def sm2_encryption_key_of(cert: x509.Certificate) -> sm.Sm2PublicKey:
    """The SM2 encryption key the root certified in ``cert`` (``ARC.3``)."""
    what = T("经认证的 SM2 加密公钥", "certified SM2 encryption key")
    data = _octet_ext(cert, OID_SM2_ENCRYPTION_KEY, what)
    try:
        return sm.load_sm2_public_key(data, label="ARC.3")
    except InvalidInput as exc:
        raise _malformed(what, str(exc.detail or exc)) from exc


def pdf_key_digest_of(cert: x509.Certificate) -> bytes:
    """SHA-256 of the member's certified PDF-signing key's SPKI (``ARC.4``)."""
    return _digest_ext(cert, OID_PDF_KEY_DIGEST, T("PDF 签名公钥摘要", "PDF-signing key digest"))


def member_digest_of_pdf_cert(cert: x509.Certificate) -> bytes:
    """SHA-256 of the member SM2 certificate a PDF certificate belongs to (``ARC.5``)."""
    return _digest_ext(cert, OID_MEMBER_DIGEST, T("成员证书摘要", "member certificate digest"))


def pdf_root_digest_of(root: x509.Certificate) -> bytes:
    """SHA-256 of the PDF root the SM2 root pins (``ARC.6``)."""
    return _digest_ext(root, OID_PDF_ROOT_DIGEST, T("PDF 根证书摘要", "PDF root digest"))


# critical extensions an SM2 certificate may carry: basicConstraints, keyUsage, extendedKeyUsage
_UNDERSTOOD_CRITICAL: Final = frozenset({"2.5.29.19", "2.5.29.15", "2.5.29.37"})


def check_profile(cert: x509.Certificate) -> None:
    """:class:`ValueError` unless ``cert`` keeps to the profile a verifier relies on (RFC 5280
    4.1.1.2 and 4.2, GM/T 0015): its TBS names the same signature algorithm (SM3withSM2) as the
    outer one the suite is decided by, and it carries no critical extension we do not understand."""
    tbs = a_x509.TbsCertificate.load(cert.tbs_certificate_bytes)
    inner = tbs["signature"]["algorithm"].dotted
    if inner != sm.OID_SM3_WITH_SM2 or cert.signature_algorithm_oid.dotted_string != inner:
        raise ValueError(f"the TBS names signature algorithm {inner}, the certificate another")
    critical = [e.oid.dotted_string for e in cert.extensions if e.critical]
    unknown = [oid for oid in critical if oid not in _UNDERSTOOD_CRITICAL]
    if unknown:
        raise ValueError(f"unknown critical extension {', '.join(unknown)}")


def verify_sm_signed(tbs: bytes, signature: bytes, issuer: x509.Certificate) -> None:
    """Raise :class:`Untrusted` unless ``signature`` is an SM3withSM2 signature of ``tbs`` (a
    certificate's or CRL's to-be-signed bytes) by ``issuer``'s SM2 key."""
    key = sm2_public_key_of(issuer)
    try:
        sm.sm2_verify(key, tbs, signature)
    except Tampered as exc:
        raise Untrusted(
            T(
                "SM2 签名无效：证书或吊销列表不是由该根证书签发的，或签发后被改动过。",
                "The SM2 signature is not valid: the certificate or revocation list was not issued by "
                "this root, or was changed after it was issued.",
            ),
            detail=exc.detail,
        ) from exc


verify_sm_signature = verify_sm_signed  # the name docs/design uses for the same check

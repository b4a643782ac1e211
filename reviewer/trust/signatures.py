"""Signing bytes, and checking a signature against the pinned chain at a time.

Both suites, chosen by the key's type: a P-256 key (``cryptography``) signs ECDSA over SHA-256,
DER-encoded (RFC 3279 ``Ecdsa-Sig-Value``); an SM2 key (tongsuopy, :mod:`reviewer.trust.sm`) signs
SM3withSM2 with the default signer id, DER ``SEQUENCE { r, s }``. Callers need not know which.
"""

from __future__ import annotations

from datetime import datetime

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.types import CertificatePublicKeyTypes
from cryptography.x509 import ObjectIdentifier

from reviewer.errors import Tampered
from reviewer.i18n import T, Text
from reviewer.trust import certs, sm
from reviewer.trust.revocation import RevocationList

SIGNATURE_ALGORITHM = "ecdsa-p256-sha256"


def sign_bytes(key: ec.EllipticCurvePrivateKey | sm.Sm2PrivateKey, data: bytes) -> bytes:
    """ECDSA P-256/SHA-256 for a P-256 key, SM3withSM2 for an SM2 key (DER either way)."""
    if isinstance(key, ec.EllipticCurvePrivateKey):
        return key.sign(data, ec.ECDSA(hashes.SHA256()))
    if sm.is_sm2_private_key(key):
        return sm.sm2_sign(key, data)
    raise TypeError(f"cannot sign with a {type(key).__name__}")


def verify_bytes(
    public_key: CertificatePublicKeyTypes | sm.Sm2PublicKey,
    data: bytes,
    signature: bytes,
    *,
    what: Text | None = None,
) -> None:
    """Raise :class:`Tampered` unless ``signature`` is a valid signature of ``data`` by
    ``public_key`` — ECDSA P-256/SHA-256 or, for an SM2 public key, SM3withSM2."""
    if sm.is_sm2_public_key(public_key):
        sm.sm2_verify(public_key, data, signature, what=what)
        return
    try:
        if not isinstance(public_key, ec.EllipticCurvePublicKey):
            raise InvalidSignature("not an EC key")
        public_key.verify(signature, data, ec.ECDSA(hashes.SHA256()))
    except (InvalidSignature, ValueError) as exc:
        raise Tampered(
            what
            or T(
                "签名与内容不符：文件在签名后被改动过。请勿使用，向发送方索取原件。",
                "The signature does not match the content: the file was changed after it was signed. "
                "Do not use it; ask the sender for the original.",
            ),
            detail=str(exc),
        ) from exc


def verify_signed_by(
    data: bytes,
    signature: bytes,
    cert: x509.Certificate,
    *,
    root: x509.Certificate,
    at: datetime,
    revocations: RevocationList | None = None,
    purpose: ObjectIdentifier = certs.EKU_MEMBER,
) -> None:
    """The whole check of a signature made at time ``at``: chain to the pinned ``root`` (never a
    certificate supplied with the data), validity at ``at``, not revoked at or before ``at``, then
    the signature itself. Raises Untrusted / Expired / Revoked / Tampered.
    """
    certs.verify_issued(cert, root, purpose=purpose, at=at)
    if revocations is not None:
        revocations.check(cert, at)
    verify_bytes(certs.public_key_of(cert), data, signature)

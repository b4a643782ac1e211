"""The enrolment request: an identity asks the ministry to certify its two public keys.

UTF-8 JSON; ``signature`` is an ECDSA P-256/SHA-256 signature (DER, base64) by the requested
signing key over the canonical JSON of every other field::

    {"format": "reviewer.enrolment-request/1", "identity": "<uuid>", "name": "张三",
     "org": "某大学", "created": "2026-05-01T08:00:00Z",
     "signing_key": "<base64 SubjectPublicKeyInfo DER>", "encryption_key": "<base64 raw X25519>",
     "signature": "<base64>"}

The signature proves possession of the signing key and binds the encryption key to it: only the
holder of the signing key can ask for that pair. X25519 keys cannot sign, and a proof that needs
no answer from the ministry cannot prove possession of a Diffie-Hellman key; it does not have to:
whoever names an encryption key they do not hold only makes packages unreadable to themselves,
and ``identity install`` refuses a credential whose keys differ from the identity's own.

In the SM suite (only there) the request names its suite and carries three keys and two proofs of
possession, both over the same canonical body (every field but the two signatures)::

    {"format": "reviewer.enrolment-request/1", "suite": "RV1-SM2-SM3-SM4", "identity": ..., "name": ...,
     "org": ..., "created": ..., "signing_key": "<base64 SM2 SPKI DER>",
     "encryption_key": "<base64 SM2 SPKI DER>", "pdf_signing_key": "<base64 P-256 SPKI DER>",
     "signature": "<base64 SM3withSM2 by the SM2 signing key>",
     "pdf_signature": "<base64 ECDSA P-256/SHA-256 by the PDF-signing key>"}

A NIST request has no ``suite`` field and is unchanged.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, x25519

from reviewer.errors import InvalidInput, NotAnArtifact
from reviewer.i18n import T
from reviewer.trust import clock, sm
from reviewer.trust.encoding import b64, canonical_json, parse_json, unb64
from reviewer.trust.keys import ec_public_der, x25519_public_bytes
from reviewer.trust.names import NAME_FIELD, ORG_FIELD, check_name
from reviewer.trust.signatures import sign_bytes, verify_bytes
from reviewer.trust.suites import NIST, SM, Suite, by_id

REQUEST_FORMAT = "reviewer.enrolment-request/1"
MAX_REQUEST_BYTES = 16 * 1024


@dataclass(frozen=True)
class EnrolmentRequest:
    identity: str
    name: str
    org: str
    created: str
    signing_key: ec.EllipticCurvePublicKey | sm.Sm2PublicKey  # SM2 in the SM suite
    encryption_key: x25519.X25519PublicKey | sm.Sm2PublicKey  # SM2 in the SM suite
    signature: bytes
    suite: Suite = NIST
    pdf_signing_key: ec.EllipticCurvePublicKey | None = None  # the SM suite's P-256 PDF-signing key
    pdf_signature: bytes = b""

    def body(self) -> dict[str, str]:
        if self.suite is not SM:
            return {
                "format": REQUEST_FORMAT,
                "identity": self.identity,
                "name": self.name,
                "org": self.org,
                "created": self.created,
                "signing_key": b64(ec_public_der(self.signing_key)),
                "encryption_key": b64(x25519_public_bytes(self.encryption_key)),
            }
        assert self.pdf_signing_key is not None
        return {
            "format": REQUEST_FORMAT,
            "suite": SM.id,
            "identity": self.identity,
            "name": self.name,
            "org": self.org,
            "created": self.created,
            "signing_key": b64(sm.sm2_public_der(self.signing_key)),
            "encryption_key": b64(sm.sm2_public_der(self.encryption_key)),
            "pdf_signing_key": b64(ec_public_der(self.pdf_signing_key)),
        }

    def to_bytes(self) -> bytes:
        doc = {**self.body(), "signature": b64(self.signature)}
        if self.suite is SM:
            doc["pdf_signature"] = b64(self.pdf_signature)
        return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def make_request(
    identity: str,
    name: str,
    org: str,
    signing: ec.EllipticCurvePrivateKey | sm.Sm2PrivateKey,
    encryption: x25519.X25519PrivateKey | sm.Sm2PrivateKey,
    now: datetime,
    *,
    pdf_signing: ec.EllipticCurvePrivateKey | None = None,
) -> EnrolmentRequest:
    """The signed request. SM2 signing and encryption keys make an SM request, which also needs the
    P-256 ``pdf_signing`` key (and is signed by both); P-256 + X25519 make today's NIST request."""
    suite = SM if sm.is_sm2_private_key(signing) else NIST
    if (suite is SM) != (pdf_signing is not None) or (suite is SM and not sm.is_sm2_private_key(encryption)):
        raise ValueError("an SM request has SM2 signing and encryption keys and a P-256 PDF-signing key")
    unsigned = EnrolmentRequest(
        identity,
        name,
        org,
        clock.iso(now),
        signing.public_key(),
        encryption.public_key(),
        b"",
        suite,
        pdf_signing.public_key() if pdf_signing is not None else None,
    )
    body = canonical_json(unsigned.body())
    signature = sign_bytes(signing, body)
    pdf_signature = sign_bytes(pdf_signing, body) if pdf_signing is not None else b""
    return EnrolmentRequest(**{**unsigned.__dict__, "signature": signature, "pdf_signature": pdf_signature})


def parse_request(data: bytes, source: str) -> EnrolmentRequest:
    """Parse and check the proof of possession; raises NotAnArtifact / InvalidInput / Tampered."""
    not_request = NotAnArtifact(
        T("{path} 不是评审身份的申请文件。", "{path} is not a reviewer enrolment request.", path=source)
    )
    if len(data) > MAX_REQUEST_BYTES:
        raise not_request
    try:
        doc = parse_json(data)
    except (ValueError, UnicodeDecodeError) as exc:
        raise not_request from exc
    if not isinstance(doc, dict) or doc.get("format") != REQUEST_FORMAT:
        raise not_request
    if "suite" in doc and by_id(doc["suite"]) is SM:
        return _parse_sm_request(doc, source)
    try:
        signing = serialization.load_der_public_key(unb64(doc["signing_key"], "signing_key"))
        encryption = x25519.X25519PublicKey.from_public_bytes(unb64(doc["encryption_key"], "encryption_key"))
        fields = {k: doc[k] for k in ("identity", "name", "org", "created")}
        signature = unb64(doc["signature"], "signature")
    except (KeyError, ValueError) as exc:
        raise InvalidInput(
            T(
                "申请文件 {path} 缺少字段或格式不正确。",
                "The request {path} is missing a field or malformed.",
                path=source,
            )
        ) from exc
    if not isinstance(signing, ec.EllipticCurvePublicKey) or not isinstance(signing.curve, ec.SECP256R1):
        raise InvalidInput(T("申请中的签名公钥不是 P-256。", "The request's signing key is not P-256."))
    if not all(isinstance(v, str) and v.strip() for v in fields.values()) or set(doc) != {
        *fields,
        "format",
        "signing_key",
        "encryption_key",
        "signature",
    }:
        raise InvalidInput(
            T("申请文件 {path} 的字段不正确。", "The request {path} has wrong fields.", path=source)
        )
    check_name(fields["name"], NAME_FIELD)  # a hand-made request never went through `identity new`
    check_name(fields["org"], ORG_FIELD)
    request = EnrolmentRequest(**fields, signing_key=signing, encryption_key=encryption, signature=signature)
    verify_bytes(
        signing,
        canonical_json(request.body()),
        signature,
        what=T(
            "申请文件的签名无效：文件被改动过，或不是由该密钥的持有人生成。",
            "The request's signature is invalid: it was altered, or not made by the key's holder.",
        ),
    )
    return request


def _malformed(source: str) -> InvalidInput:
    return InvalidInput(
        T(
            "申请文件 {path} 缺少字段或格式不正确。",
            "The request {path} is missing a field or malformed.",
            path=source,
        )
    )


def _parse_sm_request(doc: dict[str, object], source: str) -> EnrolmentRequest:
    """An SM request: SM2 signing and encryption keys, a P-256 PDF-signing key, both proofs."""
    names = ("identity", "name", "org", "created")
    expected = {*names, "format", "suite", "signing_key", "encryption_key", "pdf_signing_key"}
    if set(doc) != {*expected, "signature", "pdf_signature"}:
        raise InvalidInput(
            T("申请文件 {path} 的字段不正确。", "The request {path} has wrong fields.", path=source)
        )
    try:
        fields = {k: doc[k] for k in names}
        signing = sm.load_sm2_public_key(unb64(doc["signing_key"], "signing_key"), label="signing_key")
        encryption = sm.load_sm2_public_key(
            unb64(doc["encryption_key"], "encryption_key"), label="encryption_key"
        )
        pdf_key = serialization.load_der_public_key(unb64(doc["pdf_signing_key"], "pdf_signing_key"))
        signature = unb64(doc["signature"], "signature")
        pdf_signature = unb64(doc["pdf_signature"], "pdf_signature")
    except (KeyError, ValueError, TypeError) as exc:
        raise _malformed(source) from exc
    except InvalidInput as exc:
        raise InvalidInput(_malformed(source).message, detail=str(exc)) from exc
    if not isinstance(pdf_key, ec.EllipticCurvePublicKey) or not isinstance(pdf_key.curve, ec.SECP256R1):
        raise InvalidInput(
            T("申请中的 PDF 签名公钥不是 P-256。", "The request's PDF-signing key is not P-256.")
        )
    if not all(isinstance(v, str) and v.strip() for v in fields.values()):
        raise InvalidInput(
            T("申请文件 {path} 的字段不正确。", "The request {path} has wrong fields.", path=source)
        )
    text = {k: str(v) for k, v in fields.items()}
    check_name(text["name"], NAME_FIELD)
    check_name(text["org"], ORG_FIELD)
    request = EnrolmentRequest(
        **text,
        signing_key=signing,
        encryption_key=encryption,
        signature=signature,
        suite=SM,
        pdf_signing_key=pdf_key,
        pdf_signature=pdf_signature,
    )
    body = canonical_json(request.body())
    invalid = T(
        "申请文件的签名无效：文件被改动过，或不是由该密钥的持有人生成。",
        "The request's signature is invalid: it was altered, or not made by the key's holder.",
    )
    verify_bytes(signing, body, signature, what=invalid)
    verify_bytes(pdf_key, body, pdf_signature, what=invalid)
    return request

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
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, x25519

from reviewer.errors import InvalidInput, NotAnArtifact
from reviewer.i18n import T
from reviewer.trust import clock
from reviewer.trust.encoding import b64, canonical_json, parse_json, unb64
from reviewer.trust.keys import ec_public_der, x25519_public_bytes
from reviewer.trust.names import NAME_FIELD, ORG_FIELD, check_name
from reviewer.trust.signatures import sign_bytes, verify_bytes

REQUEST_FORMAT = "reviewer.enrolment-request/1"
MAX_REQUEST_BYTES = 16 * 1024


@dataclass(frozen=True)
class EnrolmentRequest:
    identity: str
    name: str
    org: str
    created: str
    signing_key: ec.EllipticCurvePublicKey
    encryption_key: x25519.X25519PublicKey
    signature: bytes

    def body(self) -> dict[str, str]:
        return {
            "format": REQUEST_FORMAT,
            "identity": self.identity,
            "name": self.name,
            "org": self.org,
            "created": self.created,
            "signing_key": b64(ec_public_der(self.signing_key)),
            "encryption_key": b64(x25519_public_bytes(self.encryption_key)),
        }

    def to_bytes(self) -> bytes:
        doc = {**self.body(), "signature": b64(self.signature)}
        return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def make_request(
    identity: str,
    name: str,
    org: str,
    signing: ec.EllipticCurvePrivateKey,
    encryption: x25519.X25519PrivateKey,
    now: datetime,
) -> EnrolmentRequest:
    unsigned = EnrolmentRequest(
        identity, name, org, clock.iso(now), signing.public_key(), encryption.public_key(), b""
    )
    signature = sign_bytes(signing, canonical_json(unsigned.body()))
    return EnrolmentRequest(**{**unsigned.__dict__, "signature": signature})


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

"""Write ``sm-suite.json``: the SM suite's own vectors (issue 20), from fixed inputs.

Run once (``python tests/vectors/make_sm_vectors.py``); the file is committed and
``tests/trust/test_sm_vectors.py`` checks every value against our code and, where its command line
can, OpenSSL 3. Two kinds of value (docs/crypto-suites.md, "Our own vectors"):

* **recomputed** — deterministic functions of the fixed inputs: the SM2 public keys of the given
  private scalars, SM3 digests, the HKDF-SM3 stream key, the SM4-GCM STREAM chunks (their nonces
  are counters). A change in our code that changes one of them changes the format.
* **verify-only** — SM2 signatures and SM2 ciphertexts are randomized (and so are the certificates'
  serials and signatures): a new run writes other bytes, equally valid. The test checks that the
  committed ones still verify / unwrap, and that the negative cases are refused.

The NIST vectors (``package-v2.json``, ``make_vectors.py``) are not touched by this script.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from tongsuopy.crypto.asymciphers import ec as t_ec

from reviewer.packages import stream
from reviewer.trust import sm, sm_x509, suites
from reviewer.trust.recipients import Recipient, wrap
from reviewer.trust.revocation import RevokedEntry

HERE = Path(__file__).resolve().parent

# Fixed private scalars (hex, 32 bytes; all below the order of sm2p256v1 and of P-256).
SM2_SCALARS = {
    "root": "11" * 32,
    "member_signing": "22" * 32,
    "member_encryption": "33" * 32,
    "other": "44" * 32,
}
P256_SCALARS = {"pdf_root": "55" * 32, "member_pdf": "66" * 32}

MESSAGE = "reviewer/1 SM suite vector · 国密套件测试向量".encode()
FILE_KEY = bytes(range(32))
CONTEXT = b"reviewer/1 package 00000000-0000-4000-8000-000000000000"
OTHER_CONTEXT = b"reviewer/1 package 00000000-0000-4000-8000-000000000001"
STREAM_NONCE = bytes.fromhex("a0a1a2a3a4a5a6a7a8a9aaabacadaeaf")
CHUNK = stream.MIN_CHUNK  # 16 KiB: the smallest chunk the format allows, so the plaintext stays small
PLAINTEXT_RULE = "bytes(i % 251 for i in range(40000))"
NOW = datetime(2026, 6, 1, 8, 0, tzinfo=UTC)  # when the certificates were issued
AUTHORITY = "工业和信息化部"


def plaintext() -> bytes:
    return bytes(i % 251 for i in range(40_000))


def sm2_key(name: str) -> sm.Sm2PrivateKey:
    return t_ec.derive_private_key(int(SM2_SCALARS[name], 16), t_ec.SM2())


def p256_key(name: str) -> ec.EllipticCurvePrivateKey:
    return ec.derive_private_key(int(P256_SCALARS[name], 16), ec.SECP256R1())


def _der(cert) -> str:  # type: ignore[no-untyped-def]
    return cert.public_bytes(serialization.Encoding.DER).hex()


def p256_spki(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def keys_vector() -> dict:
    out = {
        name: {
            "curve": "sm2p256v1",
            "private_scalar": scalar,
            "public_spki_der": sm.sm2_public_der(sm2_key(name)).hex(),
        }
        for name, scalar in SM2_SCALARS.items()
    }
    out.update(
        {
            name: {
                "curve": "P-256",
                "private_scalar": scalar,
                "public_spki_der": p256_spki(p256_key(name)).hex(),
            }
            for name, scalar in P256_SCALARS.items()
        }
    )
    return out


def sm3_vector() -> dict:
    return {
        "message_utf8": MESSAGE.decode(),
        "sm3": sm.sm3(MESSAGE).hex(),
        "context_utf8": CONTEXT.decode(),
        "context_sm3": sm.sm3(CONTEXT).hex(),
    }


def signature_vector() -> dict:
    signature = sm.sm2_sign(sm2_key("member_signing"), MESSAGE)
    sm.sm2_verify(sm2_key("member_signing").public_key(), MESSAGE, signature)
    return {
        "signer": "member_signing",
        "signer_id_utf8": sm.DEFAULT_SIGNER_ID.decode(),
        "message_utf8": MESSAGE.decode(),
        "signature_der": signature.hex(),
        "refused": {
            "message_utf8": MESSAGE.decode() + ".",
            "note": "the same signature over the message with one byte appended; also refused: "
            "the signature under the key 'other', and the signature with its last byte flipped",
        },
    }


def wrap_vector() -> dict:
    recipient = sm2_key("member_encryption").public_key()
    wrapped = wrap(FILE_KEY, Recipient("member", recipient), CONTEXT)
    return {
        "recipient": "member_encryption",
        "file_key": FILE_KEY.hex(),
        "context_utf8": CONTEXT.decode(),
        "ephemeral": wrapped.ephemeral.hex(),
        "wrapped_key": wrapped.wrapped.hex(),
        "sm2_plaintext": (FILE_KEY + sm.sm3(CONTEXT)).hex(),
        "refused_context_utf8": OTHER_CONTEXT.decode(),
        "refused_recipient": "other",
    }


def stream_vector() -> dict:
    key = stream.derive_key(FILE_KEY, STREAM_NONCE, suite=suites.SM)
    sealed = list(stream.encrypt(key, [plaintext()], CHUNK))
    return {
        "kdf": "HKDF-SM3",
        "file_key": FILE_KEY.hex(),
        "stream_nonce": STREAM_NONCE.hex(),
        "info_utf8": stream.STREAM_INFO.decode(),
        "derived_key": key.hex(),
        "aead": "SM4-GCM",
        "chunk_size": CHUNK,
        "plaintext": PLAINTEXT_RULE,
        "chunks": [
            {
                "nonce": stream.chunk_nonce(i, i == len(sealed) - 1).hex(),
                "size": len(chunk),
                "sha256": hashlib.sha256(chunk).hexdigest(),
                "head": chunk[:32].hex(),
                "tag": chunk[-16:].hex(),
            }
            for i, chunk in enumerate(sealed)
        ],
        "ciphertext_size": sum(map(len, sealed)),
        "ciphertext_sha256": hashlib.sha256(b"".join(sealed)).hexdigest(),
    }


def certificates_vector() -> dict:
    pdf_root = sm_x509.make_pdf_root(p256_key("pdf_root"), AUTHORITY, NOW)
    root = sm_x509.make_sm_root(sm2_key("root"), AUTHORITY, NOW, pdf_root=pdf_root)
    member = sm_x509.issue_sm(
        root,
        sm2_key("root"),
        common_name="张伟",
        org="南京大学",
        public_key=sm2_key("member_signing").public_key(),
        encryption_key=sm2_key("member_encryption").public_key(),
        package_signer=False,
        now=NOW,
        pdf_key=p256_key("member_pdf").public_key(),
    )
    pdf_cert = sm_x509.issue_pdf_cert(
        pdf_root, p256_key("pdf_root"), member=member, public_key=p256_key("member_pdf").public_key(), now=NOW
    )
    revoked_at = NOW + timedelta(days=30)
    crl = sm_x509.build_sm_crl(
        root, sm2_key("root"), [RevokedEntry(member.serial_number, revoked_at)], number=2, now=revoked_at
    )
    return {
        "issued_at": NOW.isoformat().replace("+00:00", "Z"),
        "verify_at": (NOW + timedelta(days=1)).isoformat().replace("+00:00", "Z"),
        "root_der": _der(root),
        "member_der": _der(member),
        "pdf_root_der": _der(pdf_root),
        "pdf_certificate_der": _der(pdf_cert),
        "crl_der": crl.hex(),
        "crl_revokes_member_at": revoked_at.isoformat().replace("+00:00", "Z"),
        "keys": {
            "root": "root",
            "member": "member_signing",
            "member_arc3": "member_encryption",
            "member_arc4": "member_pdf",
            "pdf_root": "pdf_root",
        },
    }


def build() -> dict:
    return {
        "suite": suites.SM_ID,
        "note": "Fixed inputs of the SM suite (docs/crypto-suites.md, 'Our own vectors'). Signatures, "
        "SM2 ciphertexts and certificates are randomized: verify-only. Everything else is recomputed.",
        "keys": keys_vector(),
        "sm3": sm3_vector(),
        "signature": signature_vector(),
        "wrap": wrap_vector(),
        "stream": stream_vector(),
        "certificates": certificates_vector(),
    }


if __name__ == "__main__":
    (HERE / "sm-suite.json").write_text(
        json.dumps(build(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )

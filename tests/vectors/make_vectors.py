"""Write ``package-v2.json``: fixed keys and nonces → the bytes the format must produce.

Run once (``python tests/vectors/make_vectors.py``); the file is committed and
``tests/packages/test_vectors.py`` recomputes every value from the formulas of
docs/package-format.md. Changing an output means changing the format.
"""

from __future__ import annotations

import hashlib
import io
import json
from datetime import UTC, datetime
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, x25519
from cryptography.x509.oid import NameOID

from reviewer.packages import stream
from reviewer.trust import certs
from reviewer.trust.encoding import b64, canonical_json
from reviewer.trust.recipients import Recipient, wrap
from reviewer.trust.signatures import sign_bytes

HERE = Path(__file__).resolve().parent


def plaintext() -> bytes:
    return bytes(i % 251 for i in range(40_000))


def member_certificate() -> x509.Certificate:
    """A member certificate in the profile of ``certs.issue`` with a fixed serial, fixed keys and
    deterministic ECDSA (RFC 6979), so that the roster vector is reproducible byte for byte."""
    root_key = ec.derive_private_key(0xA11CE, ec.SECP256R1())
    member_key = ec.derive_private_key(0xB0B, ec.SECP256R1())
    enc = x25519.X25519PrivateKey.from_private_bytes(bytes([0x33]) * 32).public_key()
    issuer = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, "工业和信息化部 评审根证书"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "工业和信息化部"),
        ]
    )
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, "张伟"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "南京大学"),
        ]
    )
    raw = enc.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(member_key.public_key())
        .serial_number(0x1F2E3D4C5B6A79880123456789ABCDEF)
        .not_valid_before(datetime(2026, 1, 1, tzinfo=UTC))
        .not_valid_after(datetime(2029, 1, 1, tzinfo=UTC))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([certs.EKU_MEMBER]), critical=False)
        .add_extension(x509.UnrecognizedExtension(certs.OID_X25519_KEY, b"\x04\x20" + raw), critical=False)
        .sign(root_key, hashes.SHA256(), ecdsa_deterministic=True)
    )


def roster_vector() -> dict:
    cert = member_certificate()
    der = cert.public_bytes(serialization.Encoding.DER)
    entry = {
        "name": "张伟",
        "org": "南京大学",
        "role": "chair",
        "cert_sha256": hashlib.sha256(der).hexdigest(),
        "serial": f"{cert.serial_number:x}",
        "certificate": b64(der),
    }
    return {
        "entry": entry,
        "encryption_private": (bytes([0x33]) * 32).hex(),
        "bytes_utf8": canonical_json(entry).decode("utf-8"),
    }


def header_vector(file_key: bytes) -> dict:
    """A whole small package's two JSON documents: the confidential header (roster of one, the chair,
    one standard entry) encrypted under ``file_key`` with a fixed nonce, and the public manifest that
    gives its hashes. Recipients: the chair (X25519 key 0x33…) and the ministry (0x44…)."""
    chunk = 16_384
    package_id = "00000000-0000-4000-8000-000000000000"
    member = roster_vector()["entry"]
    standard = b'{"id":"SAMPLE"}'
    entry_nonce = bytes(range(0x10, 0x20))
    entry_sealed = b"".join(stream.encrypt(stream.derive_key(file_key, entry_nonce), [standard], chunk))
    header = {
        "format": "reviewer.package-header",
        "version": 2,
        "package_id": package_id,
        "kind": "creation",
        "candidate": {"name": "示例软件园", "type": "park"},
        "standard": {"id": "SAMPLE", "version": "1"},
        "roster": [member],
        "entries": [
            {
                "name": "standard.json",
                "path": "payload/000001",
                "kind": "standard",
                "media_type": "application/json",
                "size": len(standard),
                "sha256": hashlib.sha256(standard).hexdigest(),
                "nonce": b64(entry_nonce),
            }
        ],
    }
    plain = canonical_json(header)
    header_nonce = bytes(range(0xC0, 0xD0))
    sealed = b"".join(stream.encrypt(stream.derive_key(file_key, header_nonce), [plain], chunk))
    ministry = x25519.X25519PrivateKey.from_private_bytes(bytes([0x44]) * 32)
    chair = x25519.X25519PrivateKey.from_private_bytes(bytes([0x33]) * 32)
    signer_sha256 = "ab" * 32  # the package-signing certificate's fingerprint (a stand-in)
    context = ("reviewer/1 package " + package_id).encode("ascii")
    recipients = [
        wrap(file_key, Recipient(member["cert_sha256"], chair.public_key()), context,
             ephemeral=x25519.X25519PrivateKey.from_private_bytes(bytes([0x55]) * 32)),
        wrap(file_key, Recipient(signer_sha256, ministry.public_key()), context,
             ephemeral=x25519.X25519PrivateKey.from_private_bytes(bytes([0x66]) * 32)),
    ]  # fmt: skip
    manifest = {
        "format": "reviewer.package",
        "version": 2,
        "suite": "RV1-P256-X25519-AES256GCM",
        "package_id": package_id,
        "created": "2026-06-01T08:00:00Z",
        "expires": "2026-08-30T15:59:59Z",
        "issuer": {"name": "工业和信息化部", "root_sha256": "cd" * 32, "signer_sha256": signer_sha256},
        "recipients": [
            {"id": w.recipient, "ephemeral": b64(w.ephemeral), "wrapped_key": b64(w.wrapped)}
            for w in recipients
        ],
        "revocations": {"number": 1, "sha256": "ef" * 32},
        "stream": {"chunk_size": chunk},
        "header": {
            "path": "payload/000000",
            "nonce": b64(header_nonce),
            "size": len(plain),
            "sha256": hashlib.sha256(plain).hexdigest(),
            "encrypted_size": len(sealed),
            "encrypted_sha256": hashlib.sha256(sealed).hexdigest(),
        },
        "entries": [
            {
                "path": "payload/000001",
                "encrypted_size": len(entry_sealed),
                "encrypted_sha256": hashlib.sha256(entry_sealed).hexdigest(),
            }
        ],
    }
    return {
        "file_key": file_key.hex(),
        "header_plaintext_utf8": plain.decode("utf-8"),
        "header_derived_key": stream.derive_key(file_key, header_nonce).hex(),
        "header_ciphertext": sealed.hex(),
        "standard_plaintext_utf8": standard.decode("utf-8"),
        "manifest_utf8": canonical_json(manifest).decode("utf-8"),
        "ministry_private": (bytes([0x44]) * 32).hex(),
    }


def build() -> dict:
    file_key = bytes.fromhex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f")
    nonce = bytes.fromhex("a0a1a2a3a4a5a6a7a8a9aaabacadaeaf")
    chunk = 16_384
    key = stream.derive_key(file_key, nonce)
    sealed = b"".join(stream.encrypt(key, io.BytesIO(plaintext()), chunk))
    recipient = x25519.X25519PrivateKey.from_private_bytes(bytes([0x11]) * 32)
    ephemeral = x25519.X25519PrivateKey.from_private_bytes(bytes([0x22]) * 32)
    context = b"reviewer/1 package 00000000-0000-4000-8000-000000000000"
    wrapped = wrap(file_key, Recipient("r", recipient.public_key()), context, ephemeral=ephemeral)
    canon_in = {"b": [1, "二"], "a": {"z": True, "y": None}, "c": 'line\nbreak "q"'}
    signer = ec.derive_private_key(0x1234567890ABCDEF, ec.SECP256R1())
    signed = canonical_json(canon_in)
    return {
        "stream": {
            "file_key": file_key.hex(),
            "stream_nonce": nonce.hex(),
            "chunk_size": chunk,
            "plaintext": "bytes(i % 251 for i in range(40000))",
            "derived_key": key.hex(),
            "ciphertext_size": len(sealed),
            "ciphertext_sha256": hashlib.sha256(sealed).hexdigest(),
            "first_chunk_head": sealed[:32].hex(),
            "last_chunk": sealed[2 * (chunk + 16) :].hex()[:64],
            "last_chunk_tag": sealed[-16:].hex(),
        },
        "wrap": {
            "recipient_private": (bytes([0x11]) * 32).hex(),
            "ephemeral_private": (bytes([0x22]) * 32).hex(),
            "file_key": file_key.hex(),
            "context": context.decode("ascii"),
            "ephemeral_public": wrapped.ephemeral.hex(),
            "wrapped_key": wrapped.wrapped.hex(),
        },
        "canonical_json": {"input": canon_in, "bytes_utf8": signed.decode("utf-8")},
        "signature": {
            "public_key_der": signer.public_key()
            .public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
            .hex(),
            "message_utf8": signed.decode("utf-8"),
            "signature_der": sign_bytes(signer, signed).hex(),
        },
        "roster_entry": roster_vector(),
        "package": header_vector(file_key),
    }


if __name__ == "__main__":
    (HERE / "package-v2.json").write_text(
        json.dumps(build(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )

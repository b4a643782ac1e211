"""The format's test vectors (tests/vectors/package-v2.json), recomputed from the documented
formulas with bare ``cryptography`` primitives — as a second reader would — and with our modules."""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import io
import json
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, x25519
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from reviewer.packages import stream
from reviewer.packages.manifest import parse_header, parse_manifest, roster_member_from_json
from reviewer.trust import certs
from reviewer.trust.encoding import canonical_json
from reviewer.trust.keys import x25519_public_bytes
from reviewer.trust.recipients import Recipient, WrappedKey, unwrap, wrap

VECTORS = Path(__file__).resolve().parents[1] / "vectors"
V = json.loads((VECTORS / "package-v2.json").read_text("utf-8"))
_spec = importlib.util.spec_from_file_location("make_vectors", VECTORS / "make_vectors.py")
assert _spec is not None and _spec.loader is not None
make_vectors = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_vectors)


def hkdf(ikm: bytes, salt: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info).derive(ikm)


def test_stream_vector_from_the_spec() -> None:
    s = V["stream"]
    file_key, nonce, size = bytes.fromhex(s["file_key"]), bytes.fromhex(s["stream_nonce"]), s["chunk_size"]
    plain = bytes(i % 251 for i in range(40000))
    key = hkdf(file_key, nonce, b"reviewer/1 payload")
    assert key.hex() == s["derived_key"]
    aead, sealed = AESGCM(key), b""
    pieces = [plain[i : i + size] for i in range(0, len(plain), size)]
    for i, piece in enumerate(pieces):
        last = i == len(pieces) - 1
        sealed += aead.encrypt(i.to_bytes(11, "big") + (b"\x01" if last else b"\x00"), piece, None)
    assert len(sealed) == s["ciphertext_size"]
    assert hashlib.sha256(sealed).hexdigest() == s["ciphertext_sha256"]
    assert sealed[:32].hex() == s["first_chunk_head"] and sealed[-16:].hex() == s["last_chunk_tag"]
    # ... and our implementation agrees, both ways.
    assert b"".join(stream.encrypt(stream.derive_key(file_key, nonce), io.BytesIO(plain), size)) == sealed
    assert b"".join(stream.decrypt(key, io.BytesIO(sealed), size)) == plain


def test_wrap_vector_from_the_spec() -> None:
    w = V["wrap"]
    recipient = x25519.X25519PrivateKey.from_private_bytes(bytes.fromhex(w["recipient_private"]))
    ephemeral = x25519.X25519PrivateKey.from_private_bytes(bytes.fromhex(w["ephemeral_private"]))
    e_pub, r_pub = x25519_public_bytes(ephemeral), x25519_public_bytes(recipient)
    assert e_pub.hex() == w["ephemeral_public"]
    key = hkdf(ephemeral.exchange(recipient.public_key()), e_pub + r_pub, b"reviewer/1 x25519 wrap")
    context = w["context"].encode("ascii")
    wrapped = AESGCM(key).encrypt(bytes(12), bytes.fromhex(w["file_key"]), context)
    assert wrapped.hex() == w["wrapped_key"]
    ours = wrap(
        bytes.fromhex(w["file_key"]), Recipient("r", recipient.public_key()), context, ephemeral=ephemeral
    )
    assert ours.wrapped == wrapped
    assert unwrap(WrappedKey("r", e_pub, wrapped), recipient, context).hex() == w["file_key"]


def test_canonical_json_and_signature_vectors() -> None:
    c = V["canonical_json"]
    assert canonical_json(c["input"]) == c["bytes_utf8"].encode("utf-8")
    s = V["signature"]
    public = serialization.load_der_public_key(bytes.fromhex(s["public_key_der"]))
    assert isinstance(public, ec.EllipticCurvePublicKey)
    public.verify(
        bytes.fromhex(s["signature_der"]), s["message_utf8"].encode("utf-8"), ec.ECDSA(hashes.SHA256())
    )


def test_roster_entry_vector() -> None:
    """A roster entry carries the member certificate; its fingerprint and serial are recomputable."""
    r = V["roster_entry"]
    entry = r["entry"]
    assert canonical_json(entry) == r["bytes_utf8"].encode("utf-8")
    der = base64.b64decode(entry["certificate"], validate=True)
    assert hashlib.sha256(der).hexdigest() == entry["cert_sha256"]
    cert = x509.load_der_x509_certificate(der)
    assert f"{cert.serial_number:x}" == entry["serial"]
    assert certs.common_name(cert) == entry["name"] and certs.organization(cert) == entry["org"]
    private = x25519.X25519PrivateKey.from_private_bytes(bytes.fromhex(r["encryption_private"]))
    assert x25519_public_bytes(certs.encryption_key_of(cert)) == x25519_public_bytes(private)
    # ... our reader parses it to the certificate and writes back the same bytes.
    member = roster_member_from_json(entry)
    assert member.certificate == cert and member.role == "chair"
    assert canonical_json(member.to_json()) == r["bytes_utf8"].encode("utf-8")
    # ... and the generator reproduces it exactly (fixed keys, serial, RFC 6979 signature).
    assert make_vectors.roster_vector() == r


def _open_stream(key: bytes, sealed: bytes, size: int) -> bytes:
    """STREAM decryption as §6 writes it: chunks of ``size + 16`` bytes, the last one flagged."""
    aead, plain, step = AESGCM(key), b"", size + 16
    pieces = [sealed[i : i + step] for i in range(0, len(sealed), step)]
    for i, piece in enumerate(pieces):
        plain += aead.decrypt(
            i.to_bytes(11, "big") + (b"\x01" if i == len(pieces) - 1 else b"\x00"), piece, None
        )
    return plain


def test_package_vector_confidential_header_from_the_spec() -> None:
    """Version 2: the public manifest names nobody; a recipient unwraps the file key, decrypts the
    header (payload/000000) and checks it against the hashes the manifest gives — bare primitives."""
    p = V["package"]
    body = p["manifest_utf8"].encode("utf-8")
    manifest = json.loads(body)
    assert manifest["version"] == 2 and not {"roster", "candidate", "standard", "kind"} & set(manifest)
    assert "示例软件园".encode() not in body and "张伟".encode() not in body
    # the ministry unwraps the file key (its recipient id is issuer.signer_sha256)
    ministry = x25519.X25519PrivateKey.from_private_bytes(bytes.fromhex(p["ministry_private"]))
    mine = next(r for r in manifest["recipients"] if r["id"] == manifest["issuer"]["signer_sha256"])
    e_pub, r_pub = base64.b64decode(mine["ephemeral"]), x25519_public_bytes(ministry)
    shared = ministry.exchange(x25519.X25519PublicKey.from_public_bytes(e_pub))
    wrap_key = hkdf(shared, e_pub + r_pub, b"reviewer/1 x25519 wrap")
    context = ("reviewer/1 package " + manifest["package_id"]).encode("ascii")
    file_key = AESGCM(wrap_key).decrypt(bytes(12), base64.b64decode(mine["wrapped_key"]), context)
    assert file_key.hex() == p["file_key"]
    # the header: HKDF(file key, its nonce, "reviewer/1 payload"), STREAM, then the signed hashes
    h, sealed = manifest["header"], bytes.fromhex(p["header_ciphertext"])
    key = hkdf(file_key, base64.b64decode(h["nonce"]), b"reviewer/1 payload")
    assert key.hex() == p["header_derived_key"] and h["path"] == "payload/000000"
    assert (len(sealed), hashlib.sha256(sealed).hexdigest()) == (h["encrypted_size"], h["encrypted_sha256"])
    plain = _open_stream(key, sealed, manifest["stream"]["chunk_size"])
    assert plain == p["header_plaintext_utf8"].encode("utf-8")
    assert (len(plain), hashlib.sha256(plain).hexdigest()) == (h["size"], h["sha256"])
    header = json.loads(plain)
    assert header["candidate"]["name"] == "示例软件园" and header["roster"][0]["name"] == "张伟"
    assert {r["id"] for r in manifest["recipients"]} == {header["roster"][0]["cert_sha256"], mine["id"]}
    # an entry: its own nonce from the header, its ciphertext hash in the public manifest
    entry, public_entry = header["entries"][0], manifest["entries"][0]
    assert entry["path"] == public_entry["path"]
    standard = p["standard_plaintext_utf8"].encode("utf-8")
    assert hashlib.sha256(standard).hexdigest() == entry["sha256"]
    entry_key = hkdf(file_key, base64.b64decode(entry["nonce"]), b"reviewer/1 payload")
    entry_sealed = AESGCM(entry_key).encrypt(bytes(11) + b"\x01", standard, None)
    assert hashlib.sha256(entry_sealed).hexdigest() == public_entry["encrypted_sha256"]
    # ... and our reader accepts both documents and writes back the same bytes.
    public = parse_manifest(body)
    assert public.to_bytes() == body
    opened = parse_header(plain, public)
    assert opened.header_bytes() == plain and opened.chair().name == "张伟"
    assert opened.entry("standard.json").encrypted_sha256 == public_entry["encrypted_sha256"]
    assert make_vectors.header_vector(file_key) == p

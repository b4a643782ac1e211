"""The signed, encrypted envelope shared by score sheets (``.rvsheet``) and return notices (``.rvreturn``).

See ``docs/sheet-format.md``. A ZIP container (:mod:`reviewer.packages.container`) holding::

    mimetype          the artifact's media type, first and stored (magic at byte 0)
    header.json       canonical JSON, plaintext: what the file claims, who may read it, the payload's hash
    signature.json    the signer's ECDSA P-256 signature over the exact bytes of header.json, with the
                      signer's member certificate and (as a claim only) the root
    payload           the content, STREAM AES-256-GCM under a key derived from a random file key

The file key is wrapped for every recipient (X25519, :mod:`reviewer.trust.recipients`) with the
context ``"reviewer/1 <kind> " + id``, so a wrapped key cannot be moved to another file. The header
carries ``key_check`` = SHA-256("reviewer/1 key check" || file key): every recipient checks the key it
unwrapped against the signed value, so a signer cannot give different recipients different contents.
"""

from __future__ import annotations

import hashlib
import io
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import x25519

from reviewer.errors import InvalidInput, NotAnArtifact, Tampered
from reviewer.i18n import T, Text
from reviewer.packages import stream
from reviewer.packages.container import ContainerWriter, SafeZip
from reviewer.trust import certs
from reviewer.trust.encoding import b64, canonical_json, parse_json, unb64
from reviewer.trust.identity import Identity
from reviewer.trust.keys import cert_fingerprint
from reviewer.trust.recipients import Recipient, WrappedKey, find_wrapped, unwrap, wrap_for_all
from reviewer.trust.revocation import RevocationList
from reviewer.trust.signatures import SIGNATURE_ALGORITHM, verify_signed_by

SIGNATURE_FORMAT = "reviewer.signature/1"
MEMBERS = ("mimetype", "header.json", "signature.json", "payload")
CHUNK = stream.MIN_CHUNK * 4  # 64 KiB: a sheet is small
MAX_HEADER = 256 * 1024
MAX_SIGNATURE = 64 * 1024
MAX_PAYLOAD = 16 * 1024 * 1024
MAX_FILE = MAX_HEADER + MAX_SIGNATURE + MAX_PAYLOAD + 64 * 1024
KEY_CHECK = b"reviewer/1 key check"


class Reader(Protocol):
    """Who opens an envelope: an :class:`~reviewer.trust.identity.Identity` or :class:`MinistryReader`."""

    @property
    def fingerprint(self) -> str: ...

    def unwrap(self, wrapped: WrappedKey, context: bytes) -> bytes: ...


@dataclass(frozen=True)
class MinistryReader:
    """The ministry opening a sheet: its X25519 key, certified in its package-signing certificate."""

    signing_cert: x509.Certificate
    encryption_key: x25519.X25519PrivateKey

    @property
    def fingerprint(self) -> str:
        return cert_fingerprint(self.signing_cert)

    def unwrap(self, wrapped: WrappedKey, context: bytes) -> bytes:
        return unwrap(wrapped, self.encryption_key, context)


def recipient_of(cert: x509.Certificate, label: str) -> Recipient:
    """A recipient named by its certificate's fingerprint, reading with its certified X25519 key."""
    return Recipient(cert_fingerprint(cert), certs.encryption_key_of(cert), label)


def key_check(file_key: bytes) -> str:
    return hashlib.sha256(KEY_CHECK + file_key).hexdigest()


def context_for(kind: str, artifact_id: str) -> bytes:
    return f"reviewer/1 {kind} {artifact_id}".encode()


def _der(cert: x509.Certificate) -> str:
    return b64(cert.public_bytes(serialization.Encoding.DER))


def seal_envelope(
    *,
    mimetype: str,
    kind: str,
    artifact_id: str,
    header: dict[str, Any],
    payload: bytes,
    signer: Identity,
    recipients: Iterable[Recipient],
) -> bytes:
    """Encrypt ``payload`` for ``recipients``, add the crypto fields to ``header``, sign, pack."""
    file_key = secrets.token_bytes(32)
    nonce = secrets.token_bytes(16)
    sealed = b"".join(stream.encrypt(stream.derive_key(file_key, nonce), [payload], CHUNK))
    wrapped = wrap_for_all(file_key, recipients, context_for(kind, artifact_id))
    full = {
        **header,
        "recipients": [
            {"id": w.recipient, "ephemeral": b64(w.ephemeral), "wrapped_key": b64(w.wrapped)} for w in wrapped
        ],
        "key_check": key_check(file_key),
        "payload": {
            "nonce": b64(nonce),
            "chunk_size": CHUNK,
            "size": len(payload),
            "encrypted_size": len(sealed),
            "encrypted_sha256": hashlib.sha256(sealed).hexdigest(),
        },
    }
    body = canonical_json(full)
    signature = {
        "format": SIGNATURE_FORMAT,
        "algorithm": SIGNATURE_ALGORITHM,
        "signature": b64(signer.sign(body)),
        "certificates": [_der(signer.certificate), _der(signer.trust_root())],
    }
    out = io.BytesIO()
    writer = ContainerWriter(out, mimetype)
    writer.add_bytes("header.json", body)
    writer.add_bytes("signature.json", canonical_json(signature))
    writer.add_bytes("payload", sealed)
    writer.close()
    return out.getvalue()


@dataclass(frozen=True)
class Envelope:
    """A structurally sound envelope whose header parsed as canonical JSON. Nothing is trusted yet."""

    header: dict[str, Any]
    header_bytes: bytes
    signature: bytes
    signer: x509.Certificate
    claimed_root: x509.Certificate | None
    payload: bytes

    @property
    def digest(self) -> str:
        """SHA-256 of ``header.json``: the name of this file's signed content (independent of the
        signature's encoding)."""
        return hashlib.sha256(self.header_bytes).hexdigest()

    @property
    def signer_fingerprint(self) -> str:
        return cert_fingerprint(self.signer)

    def verify(self, root: x509.Certificate, at: datetime, revocations: RevocationList | None) -> None:
        """Chain to the pinned ``root``, validity and revocation at ``at``, then the signature."""
        verify_signed_by(
            self.header_bytes, self.signature, self.signer, root=root, at=at, revocations=revocations
        )

    def decrypt(self, reader: Reader, kind: str, artifact_id: str) -> bytes:
        """The payload for ``reader`` (NotOnPanel when not a recipient, Tampered when altered)."""
        try:
            wrapped = [
                WrappedKey(r["id"], unb64(r["ephemeral"]), unb64(r["wrapped_key"]))
                for r in self.header["recipients"]
            ]
            meta = self.header["payload"]
            nonce, chunk = unb64(meta["nonce"]), int(meta["chunk_size"])
            size, encrypted_sha256 = int(meta["size"]), str(meta["encrypted_sha256"])
        except (KeyError, TypeError, ValueError, InvalidInput) as exc:
            raise _damaged(str(exc)) from exc
        file_key = reader.unwrap(find_wrapped(wrapped, reader.fingerprint), context_for(kind, artifact_id))
        if key_check(file_key) != self.header.get("key_check"):
            raise _damaged("key check differs")
        if hashlib.sha256(self.payload).hexdigest() != encrypted_sha256:
            raise _damaged("payload hash differs")
        try:
            plain = b"".join(
                stream.decrypt(stream.derive_key(file_key, nonce), io.BytesIO(self.payload), chunk)
            )
        except ValueError as exc:
            raise _damaged(str(exc)) from exc
        if len(plain) != size:
            raise _damaged("payload size differs")
        return plain


def _damaged(detail: str) -> Tampered:
    return Tampered(
        T(
            "文件已损坏或在签名后被改动过。请勿使用，向发送人索取原件。",
            "The file is damaged or was changed after it was signed. Do not use it; ask the sender for "
            "the original.",
        ),
        detail=detail,
    )


def read_envelope(data: bytes, mimetype: str, fmt: str, not_artifact: Text) -> Envelope:
    """Check the container strictly and parse header and signature; raise NotAnArtifact / Tampered /
    HostileArchive. ``fmt`` is the ``format`` the header must declare."""
    if len(data) > MAX_FILE:
        raise NotAnArtifact(not_artifact, detail="too large")
    with SafeZip(io.BytesIO(data), mimetype, not_artifact) as zf:
        if zf.physical_order() != list(MEMBERS):  # the members, and in the order written
            raise _damaged(f"members {zf.physical_order()}")
        header_bytes = zf.read("header.json", MAX_HEADER)
        sig_bytes = zf.read("signature.json", MAX_SIGNATURE)
        payload = zf.read("payload", MAX_PAYLOAD + stream.TAG * (MAX_PAYLOAD // CHUNK + 1))
    try:
        header = parse_json(header_bytes)
        if not isinstance(header, dict) or canonical_json(header) != header_bytes:
            raise ValueError("header is not canonical JSON")
    except (ValueError, UnicodeDecodeError, TypeError) as exc:
        raise _damaged(str(exc)) from exc
    if header.get("format") != fmt or header.get("version") != 1:
        raise NotAnArtifact(
            T(
                "该文件的格式（{f}）不是本版本能读取的。请升级 reviewer 后重试。",
                "The file's format ({f}) is not one this version can read. Update reviewer and try again.",
                f=f"{header.get('format')}/{header.get('version')}",
            )
        )
    try:
        sig = parse_json(sig_bytes)
        if sig.get("format") != SIGNATURE_FORMAT or sig.get("algorithm") != SIGNATURE_ALGORITHM:
            raise ValueError("signature format or algorithm")
        chain = [x509.load_der_x509_certificate(unb64(c)) for c in sig["certificates"]]
        signature = unb64(sig["signature"])
    except Exception as exc:  # any malformation of the signature block means the same to a reader
        raise _damaged(f"signature block: {exc}") from exc
    if not chain:
        raise _damaged("no signer certificate")
    return Envelope(header, header_bytes, signature, chain[0], chain[1] if len(chain) > 1 else None, payload)

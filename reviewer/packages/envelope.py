"""The signed, encrypted envelope shared by score sheets (``.rvsheet``), return notices (``.rvreturn``),
motions, statements and result bundles.

See ``docs/sheet-format.md``. A ZIP container (:mod:`reviewer.packages.container`) holding::

    mimetype          the artifact's media type, first and stored (magic at byte 0)
    header.json       canonical JSON, plaintext: what the file claims, who may read it, the payload's hash
    signature.json    the signer's ECDSA P-256 signature over the exact bytes of header.json and the
                      signer's public key (SubjectPublicKeyInfo), no certificate: nothing names anyone
    payload           the content, STREAM AES-256-GCM under a key derived from a random file key

Version 2 of the signature block (``reviewer.signature/2``, issue 18): the signer's certificate, which
names the person and their organisation, is sealed inside the signed header under the file key
(``signer_certificate``: STREAM AES-256-GCM under HKDF-SHA256(file key, salt=its own nonce,
info="reviewer/1 signer certificate")). Anyone can check that the header was signed by the key in
``signature.json`` (:func:`read_envelope` does); only a recipient learns who signed
(:meth:`Envelope.open` checks the certificate against the header's ``signer.cert_sha256`` and against
that key), and only then can the signer be chained to the pinned root (:meth:`Opened.verify`).

In the SM suite (the header's ``"suite"`` is ``RV1-SM2-SM3-SM4``) the signature is SM3withSM2
(``"algorithm": "sm2-sm3"``, ``public_key`` the signer's SM2 SubjectPublicKeyInfo), every stream key
is HKDF-SM3 → 16 bytes for SM4-GCM and the file key is wrapped with SM2; a header without
``"suite"`` is read as NIST. A reader requires the header's suite to be its pinned root's
(:class:`~reviewer.errors.SuiteMismatch`, :meth:`Opened.verify`, :meth:`Envelope.open`).

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
from cryptography.hazmat.primitives.asymmetric import ec, x25519

from reviewer.errors import EarlierFormat, InvalidInput, NotAnArtifact, Tampered
from reviewer.i18n import T, Text
from reviewer.packages import stream
from reviewer.packages.container import ContainerWriter, SafeZip
from reviewer.trust import certs, sm, suites
from reviewer.trust.encoding import b64, canonical_json, parse_json, unb64
from reviewer.trust.identity import Identity
from reviewer.trust.keys import cert_fingerprint, ec_public_der
from reviewer.trust.recipients import Recipient, WrappedKey, find_wrapped, unwrap, wrap_for_all
from reviewer.trust.revocation import RevocationList
from reviewer.trust.signatures import SIGNATURE_ALGORITHM, verify_bytes, verify_signed_by

SIGNATURE_FORMAT = "reviewer.signature/2"  # /1 carried the signer's certificate in the clear
EARLIER_SIGNATURE_FORMATS = ("reviewer.signature/1",)
CERTIFICATE_INFO = b"reviewer/1 signer certificate"  # HKDF info of the sealed signer certificate
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
    """The ministry opening a sheet: its X25519 key (or SM2 key, for an SM authority), certified in
    its package-signing certificate."""

    signing_cert: x509.Certificate
    encryption_key: x25519.X25519PrivateKey | sm.Sm2PrivateKey

    @property
    def fingerprint(self) -> str:
        return cert_fingerprint(self.signing_cert)

    @property
    def suite(self) -> suites.Suite:
        return suites.of_certificate(self.signing_cert)

    def unwrap(self, wrapped: WrappedKey, context: bytes) -> bytes:
        return unwrap(wrapped, self.encryption_key, context)


def recipient_of(cert: x509.Certificate, label: str) -> Recipient:
    """A recipient named by its certificate's fingerprint, reading with its certified X25519 key."""
    return Recipient(cert_fingerprint(cert), certs.encryption_key_of(cert), label)


SIGNATURE_ALGORITHMS = {suites.NIST_ID: SIGNATURE_ALGORITHM, suites.SM_ID: sm.SIGNATURE_ALGORITHM}


def suite_of_header(header: dict[str, Any]) -> suites.Suite:
    """The suite an envelope's header names (absent: NIST); NotAnArtifact for an unknown one."""
    return suites.by_id(header["suite"]) if "suite" in header else suites.NIST


def _key_kind_ok(suite: suites.Suite, public_key: object) -> bool:
    if suite is suites.SM:
        return sm.is_sm2_public_key(public_key)
    return isinstance(public_key, x25519.X25519PublicKey)


def key_check(file_key: bytes) -> str:
    return hashlib.sha256(KEY_CHECK + file_key).hexdigest()


def context_for(kind: str, artifact_id: str) -> bytes:
    return f"reviewer/1 {kind} {artifact_id}".encode()


def _der(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.DER)


def key_fingerprint(public_key_der: bytes) -> str:
    """SHA-256 (hex) of a SubjectPublicKeyInfo DER: how a report names a key it cannot name a person for."""
    return hashlib.sha256(public_key_der).hexdigest()


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
    """Encrypt ``payload`` for ``recipients``, add the crypto fields to ``header``, sign, pack — in the
    suite the header names (the signer's: SuiteMismatch otherwise, or for a recipient of the other
    suite)."""
    suite = suite_of_header(header)
    if suite is not signer.suite:
        raise suites.mismatch(T("签署人的身份", "The signer's identity"), signer.suite, suite)
    recipients = list(recipients)
    for r in recipients:
        if not _key_kind_ok(suite, r.public_key):
            other = suites.NIST if suite is suites.SM else suites.SM
            raise suites.mismatch(T("收件人“{name}”", "The recipient “{name}”", name=r.label), other, suite)
    file_key = secrets.token_bytes(32)
    nonce = secrets.token_bytes(16)
    sealed = b"".join(stream.encrypt(stream.derive_key(file_key, nonce, suite=suite), [payload], CHUNK))
    cert_nonce = secrets.token_bytes(16)
    cert_key = stream.derive_key(file_key, cert_nonce, CERTIFICATE_INFO, suite=suite)
    sealed_cert = b"".join(stream.encrypt(cert_key, [_der(signer.certificate)], CHUNK))
    wrapped = wrap_for_all(file_key, recipients, context_for(kind, artifact_id))
    full = {
        **header,
        "recipients": [
            {"id": w.recipient, "ephemeral": b64(w.ephemeral), "wrapped_key": b64(w.wrapped)} for w in wrapped
        ],
        "key_check": key_check(file_key),
        "signer_certificate": {"nonce": b64(cert_nonce), "sealed": b64(sealed_cert)},
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
        "algorithm": SIGNATURE_ALGORITHMS[suite.id],
        "signature": b64(signer.sign(body)),
        "public_key": b64(signer.public_key_der()),
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
    """A structurally sound envelope whose header parsed as canonical JSON and whose signature verifies
    with the public key in ``signature.json`` — who holds that key is not known yet: only a recipient
    learns it (:meth:`open`), and only then can it be trusted (:meth:`Opened.verify`)."""

    header: dict[str, Any]
    header_bytes: bytes
    signature: bytes
    public_key_der: bytes  # SubjectPublicKeyInfo of the key that signed header.json
    payload: bytes

    @property
    def digest(self) -> str:
        """SHA-256 of ``header.json``: the name of this file's signed content (independent of the
        signature's encoding)."""
        return hashlib.sha256(self.header_bytes).hexdigest()

    @property
    def key_fingerprint(self) -> str:
        """SHA-256 of the signing key (SubjectPublicKeyInfo DER): all an outsider learns of the signer."""
        return key_fingerprint(self.public_key_der)

    @property
    def suite(self) -> suites.Suite:
        """The suite the header names (checked against the signature block by :func:`read_envelope`)."""
        return suite_of_header(self.header)

    def require_suite(self, root: x509.Certificate, what: Text | None = None) -> suites.Suite:
        """SuiteMismatch unless the envelope's suite is the pinned ``root``'s."""
        return suites.require(self.suite.id, root, what=what or T("该文件", "The file"))

    def open(self, reader: Reader, kind: str, artifact_id: str) -> Opened:
        """Decrypt for ``reader``: the file key (NotOnPanel when not a recipient), the key check, the
        signer's certificate — its SHA-256 must be the header's ``signer.cert_sha256`` and its key the
        one that signed — then the payload. Tampered when anything differs. The signer is NOT trusted
        yet: call :meth:`Opened.verify`."""
        try:
            wrapped = [
                WrappedKey(r["id"], unb64(r["ephemeral"]), unb64(r["wrapped_key"]))
                for r in self.header["recipients"]
            ]
            meta = self.header["payload"]
            nonce, chunk = unb64(meta["nonce"]), int(meta["chunk_size"])
            size, encrypted_sha256 = int(meta["size"]), str(meta["encrypted_sha256"])
            sealed_cert = self.header["signer_certificate"]
            cert_nonce, cert_sealed = unb64(sealed_cert["nonce"]), unb64(sealed_cert["sealed"])
            claimed = str(self.header["signer"]["cert_sha256"])
        except (KeyError, TypeError, ValueError, InvalidInput) as exc:
            raise _damaged(str(exc)) from exc
        suite = self.suite
        reader_suite = getattr(reader, "suite", None)  # an identity's or the ministry's
        if isinstance(reader_suite, suites.Suite) and reader_suite is not suite:
            raise suites.mismatch(T("该文件", "The file"), suite, reader_suite)
        file_key = reader.unwrap(find_wrapped(wrapped, reader.fingerprint), context_for(kind, artifact_id))
        if key_check(file_key) != self.header.get("key_check"):
            raise _damaged("key check differs")
        try:
            cert_key = stream.derive_key(file_key, cert_nonce, CERTIFICATE_INFO, suite=suite)
            der = b"".join(stream.decrypt(cert_key, io.BytesIO(cert_sealed), CHUNK))
            signer = x509.load_der_x509_certificate(der)
        except ValueError as exc:
            raise _damaged(f"signer certificate: {exc}") from exc
        if cert_fingerprint(signer) != claimed:
            raise _damaged("the sealed certificate is not the one the header names")
        if _public_der(signer) != self.public_key_der:
            raise _damaged("the sealed certificate's key is not the key that signed")
        if hashlib.sha256(self.payload).hexdigest() != encrypted_sha256:
            raise _damaged("payload hash differs")
        try:
            plain = b"".join(
                stream.decrypt(
                    stream.derive_key(file_key, nonce, suite=suite), io.BytesIO(self.payload), chunk
                )
            )
        except ValueError as exc:
            raise _damaged(str(exc)) from exc
        if len(plain) != size:
            raise _damaged("payload size differs")
        return Opened(self, signer, plain)


def _public_der(cert: x509.Certificate) -> bytes:
    """The SubjectPublicKeyInfo DER of the key ``cert`` certifies (P-256 or SM2)."""
    try:
        key = certs.public_key_of(cert)
    except (ValueError, InvalidInput) as exc:
        raise _damaged(f"the signer certificate's key: {exc}") from exc
    if sm.is_sm2_public_key(key):
        return sm.sm2_public_der(key)
    if not isinstance(key, ec.EllipticCurvePublicKey):
        raise _damaged("the signer certificate's key is not an EC key")
    return ec_public_der(key)


@dataclass(frozen=True)
class Opened:
    """An envelope a recipient decrypted: the signer's certificate (checked against the header and the
    signing key) and the plaintext payload. Trusted only after :meth:`verify`."""

    envelope: Envelope
    signer: x509.Certificate
    payload: bytes

    @property
    def header(self) -> dict[str, Any]:
        return self.envelope.header

    @property
    def digest(self) -> str:
        return self.envelope.digest

    @property
    def signer_fingerprint(self) -> str:
        return cert_fingerprint(self.signer)

    def verify(self, root: x509.Certificate, at: datetime, revocations: RevocationList | None) -> None:
        """The suite (the pinned ``root``'s, else SuiteMismatch), chain to ``root``, validity and
        revocation at ``at``, then the signature."""
        self.envelope.require_suite(root)
        verify_signed_by(
            self.envelope.header_bytes,
            self.envelope.signature,
            self.signer,
            root=root,
            at=at,
            revocations=revocations,
        )


def _damaged(detail: str) -> Tampered:
    return Tampered(
        T(
            "文件已损坏或在签名后被改动过。请勿使用，向发送人索取原件。",
            "The file is damaged or was changed after it was signed. Do not use it; ask the sender for "
            "the original.",
        ),
        detail=detail,
    )


def _signing_key_of(suite: suites.Suite, der: bytes) -> Any:
    """The signer's public key from ``signature.json``: P-256 (NIST) or SM2 (SM), in its one DER."""
    if suite is suites.SM:
        key = sm.load_sm2_public_key(der, label="signature.json")
        if sm.sm2_public_der(key) != der:
            raise ValueError("not a canonical SM2 SubjectPublicKeyInfo")
        return key
    public_key = serialization.load_der_public_key(der)
    if (
        not isinstance(public_key, ec.EllipticCurvePublicKey)
        or not isinstance(public_key.curve, ec.SECP256R1)
        or ec_public_der(public_key) != der
    ):
        raise ValueError("not a P-256 SubjectPublicKeyInfo")
    return public_key


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
        sig_format = sig.get("format") if isinstance(sig, dict) else None
    except Exception as exc:  # any malformation of the signature block means the same to a reader
        raise _damaged(f"signature block: {exc}") from exc
    if sig_format in EARLIER_SIGNATURE_FORMATS:
        raise EarlierFormat(
            T(
                "该文件由较早版本的 reviewer 制作（签名块 {f} 会公开签署人的姓名和单位），本版本不再读取。"
                "请发送人用当前版本重新制作并签署。",
                "This file was made by an earlier release of reviewer (its signature block {f} shows the "
                "signer's name and organisation), which this release no longer reads. Ask the sender to "
                "make and sign it again with the current release.",
                f=str(sig_format),
            )
        )
    suite = suite_of_header(header)  # NotAnArtifact for a suite this release does not know
    try:
        if (
            sig_format != SIGNATURE_FORMAT
            or sig.get("algorithm") != SIGNATURE_ALGORITHMS[suite.id]
            or set(sig) != {"format", "algorithm", "signature", "public_key"}
        ):
            raise ValueError("signature format or algorithm")
        public_key_der = unb64(sig["public_key"])
        public_key = _signing_key_of(suite, public_key_der)
        signature = unb64(sig["signature"])
    except Exception as exc:  # any malformation of the signature block means the same to a reader
        raise _damaged(f"signature block: {exc}") from exc
    verify_bytes(public_key, header_bytes, signature)  # (a): intact, signed by that key (else Tampered)
    return Envelope(header, header_bytes, signature, public_key_der, payload)

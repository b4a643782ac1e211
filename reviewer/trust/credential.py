"""Credentials (``.rvcred``): what the ministry gives a member, and what travels back and forth.

A credential file is UTF-8 JSON::

    {"format": "reviewer.credential/1",
     "certificate": "-----BEGIN CERTIFICATE-----...",   # the member's, issued by the root
     "root": "-----BEGIN CERTIFICATE-----..."}          # the ministry root, to pin on install

The member certificate certifies the member's P-256 signing key and, in an extension, the X25519
encryption key (see :mod:`reviewer.trust.certs`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import x25519

from reviewer.errors import InvalidInput, NotAnArtifact
from reviewer.i18n import T
from reviewer.trust import certs
from reviewer.trust.encoding import parse_json
from reviewer.trust.files import write_atomic
from reviewer.trust.keys import cert_fingerprint
from reviewer.trust.revocation import RevocationList

CREDENTIAL_FORMAT = "reviewer.credential/1"
MAX_CREDENTIAL_BYTES = 64 * 1024


def pem(cert: x509.Certificate) -> str:
    return cert.public_bytes(serialization.Encoding.PEM).decode("ascii")


def load_pem_cert(text: str | bytes, what: str) -> x509.Certificate:
    try:
        return x509.load_pem_x509_certificate(text.encode("ascii") if isinstance(text, str) else text)
    except (ValueError, UnicodeEncodeError) as exc:
        raise InvalidInput(
            T("{what} 不是有效的证书。", "{what} is not a valid certificate.", what=what)
        ) from exc


@dataclass(frozen=True)
class Credential:
    certificate: x509.Certificate
    root: x509.Certificate

    @property
    def name(self) -> str:
        return certs.common_name(self.certificate)

    @property
    def org(self) -> str:
        return certs.organization(self.certificate)

    @property
    def fingerprint(self) -> str:
        return cert_fingerprint(self.certificate)

    @property
    def serial(self) -> int:
        return self.certificate.serial_number

    @property
    def encryption_key(self) -> x25519.X25519PublicKey:
        return certs.encryption_key_of(self.certificate)

    @property
    def root_fingerprint(self) -> str:
        return cert_fingerprint(self.root)

    def verify(self, root: x509.Certificate, at: datetime, revocations: RevocationList | None = None) -> None:
        """Issued as a member credential by ``root`` (the caller's anchor), valid and not revoked at ``at``."""
        certs.verify_issued(self.certificate, root, purpose=certs.EKU_MEMBER, at=at)
        if revocations is not None:
            revocations.check(self.certificate, at)

    def to_bytes(self) -> bytes:

        doc = {"format": CREDENTIAL_FORMAT, "certificate": pem(self.certificate), "root": pem(self.root)}
        return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")

    def save(self, path: Path) -> Path:
        return write_atomic(path, self.to_bytes())


def load_credential(path: str | Path) -> Credential:
    path = Path(path)
    try:
        data = path.read_bytes()[: MAX_CREDENTIAL_BYTES + 1]
    except OSError as exc:
        raise InvalidInput(
            T("无法读取凭证文件 {path}。", "Cannot read the credential file {path}.", path=str(path))
        ) from exc
    return parse_credential(data, str(path))


def parse_credential(data: bytes, source: str) -> Credential:
    not_cred = NotAnArtifact(
        T(
            "{path} 不是评审凭证文件（.rvcred）。请使用工业和信息化部签发的凭证。",
            "{path} is not a reviewer credential (.rvcred). Use the credential the ministry issued.",
            path=source,
        )
    )
    if len(data) > MAX_CREDENTIAL_BYTES:
        raise not_cred
    try:
        doc = parse_json(data)
    except (ValueError, UnicodeDecodeError) as exc:
        raise not_cred from exc
    if not isinstance(doc, dict) or doc.get("format") != CREDENTIAL_FORMAT:
        raise not_cred
    return Credential(
        certificate=load_pem_cert(str(doc.get("certificate", "")), f"{source}: certificate"),
        root=load_pem_cert(str(doc.get("root", "")), f"{source}: root"),
    )

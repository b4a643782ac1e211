"""Credentials (``.rvcred``): what the ministry gives a member, and what travels back and forth.

A credential file is UTF-8 JSON::

    {"format": "reviewer.credential/1",
     "certificate": "-----BEGIN CERTIFICATE-----...",   # the member's, issued by the root
     "root": "-----BEGIN CERTIFICATE-----..."}          # the ministry root, to pin on install

The member certificate certifies the member's P-256 signing key and, in an extension, the X25519
encryption key (see :mod:`reviewer.trust.certs`).

In the SM suite (only there) the certificate and root are SM2 and the file adds the member's PDF
certificate (ECDSA P-256, issued by the authority's PDF root, same serial) and that PDF root::

     "pdf_certificate": "-----BEGIN CERTIFICATE-----...",
     "pdf_root": "-----BEGIN CERTIFICATE-----..."

The three are tied together by digests the signatures cover (:func:`check_pdf_links`): the SM2 root
names the PDF root (ARC.6), the PDF certificate names the member certificate (ARC.5), and the member
certificate names the PDF certificate's key (ARC.4).
"""

from __future__ import annotations

import hmac
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import x25519

from reviewer.errors import InvalidInput, NotAnArtifact, Untrusted
from reviewer.i18n import T
from reviewer.trust import certs, sm, suites
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


def check_pdf_links(
    certificate: x509.Certificate,
    root: x509.Certificate,
    pdf_certificate: x509.Certificate,
    pdf_root: x509.Certificate,
) -> None:
    """The SM suite's three links (each a digest inside a signed certificate), else Untrusted:
    SHA-256(pdf_root) == the root's ARC.6, the PDF certificate's ARC.5 == SHA-256(member
    certificate), the member certificate's ARC.4 == SHA-256(the PDF certificate's SPKI), and one
    serial for both (one CRL entry revokes both)."""
    from reviewer.trust import sm_profile  # the SM suite only

    digest = sm_profile.cert_sha256
    links = (
        (digest(pdf_root), sm_profile.pdf_root_digest_of(root)),
        (sm_profile.member_digest_of_pdf_cert(pdf_certificate), digest(certificate)),
        (sm_profile.pdf_key_digest_of(certificate), sm_profile.spki_sha256(pdf_certificate.public_key())),
    )
    if not all(hmac.compare_digest(a, b) for a, b in links) or (
        pdf_certificate.serial_number != certificate.serial_number
    ):
        raise Untrusted(
            T(
                "凭证中的 PDF 签名证书与成员证书或根证书不对应，拒绝使用。请向工业和信息化部索取原凭证。",
                "The credential's PDF-signing certificate does not belong to its member certificate "
                "or root; it is refused. Ask the ministry for the original credential.",
            )
        )


@dataclass(frozen=True)
class Credential:
    certificate: x509.Certificate
    root: x509.Certificate
    pdf_certificate: x509.Certificate | None = None  # the SM suite only: ECDSA, for PAdES
    pdf_root: x509.Certificate | None = None  # the SM suite only: the root of pdf_certificate

    @property
    def suite(self) -> suites.Suite:
        return suites.of_root(self.root)

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
    def encryption_key(self) -> x25519.X25519PublicKey | sm.Sm2PublicKey:
        return certs.encryption_key_of(self.certificate)

    @property
    def root_fingerprint(self) -> str:
        return cert_fingerprint(self.root)

    def verify(self, root: x509.Certificate, at: datetime, revocations: RevocationList | None = None) -> None:
        """Issued as a member credential by ``root`` (the caller's anchor), valid and not revoked at ``at``;
        in the SM suite also the PDF certificate, issued by the PDF root that ``root`` names."""
        certs.verify_issued(self.certificate, root, purpose=certs.EKU_MEMBER, at=at)
        sm_anchor = root.signature_algorithm_oid.dotted_string == sm.OID_SM3_WITH_SM2
        if self.pdf_certificate is not None or self.pdf_root is not None or sm_anchor:
            if self.pdf_certificate is None or self.pdf_root is None:
                raise Untrusted(
                    T(
                        "国密凭证缺少 PDF 签名证书。",
                        "The SM credential lacks its PDF-signing certificate.",
                    )
                )
            check_pdf_links(self.certificate, root, self.pdf_certificate, self.pdf_root)
            certs.verify_issued(self.pdf_certificate, self.pdf_root, purpose=certs.EKU_MEMBER, at=at)
        if revocations is not None:
            revocations.check(self.certificate, at)

    def to_bytes(self) -> bytes:
        doc = {"format": CREDENTIAL_FORMAT, "certificate": pem(self.certificate), "root": pem(self.root)}
        if self.pdf_certificate is not None and self.pdf_root is not None:
            doc |= {"pdf_certificate": pem(self.pdf_certificate), "pdf_root": pem(self.pdf_root)}
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
    cred = Credential(
        certificate=load_pem_cert(str(doc.get("certificate", "")), f"{source}: certificate"),
        root=load_pem_cert(str(doc.get("root", "")), f"{source}: root"),
    )
    pdf = [k for k in ("pdf_certificate", "pdf_root") if k in doc]
    sm_suite = cred.root.signature_algorithm_oid.dotted_string == sm.OID_SM3_WITH_SM2
    if not sm_suite and not pdf:
        return cred
    if not sm_suite or len(pdf) != 2:
        raise InvalidInput(
            T(
                "{path}：国密凭证须同时含有 PDF 签名证书及其根证书，国际算法凭证则不含。",
                "{path}: an SM credential carries a PDF-signing certificate and its root; a NIST one "
                "carries neither.",
                path=source,
            )
        )
    return Credential(
        cred.certificate,
        cred.root,
        load_pem_cert(str(doc["pdf_certificate"]), f"{source}: pdf_certificate"),
        load_pem_cert(str(doc["pdf_root"]), f"{source}: pdf_root"),
    )

"""The SM suite's side of the ministry's authority (issue 20): its two roots and what they issue.

In the SM suite (``create_authority(..., suite=SM)``; ``authority.json`` then says
``"suite": "RV1-SM2-SM3-SM4"``, absent = NIST) the root, the package-signing key and the encryption
key are SM2 (the root names the PDF root in ARC.6, the signing certificate carries the SM2
encryption key in ARC.3), the CRL is signed SM3withSM2, and two more files hold the ECDSA P-256
root that only issues members' PDF certificates (each with its member certificate's serial)::

    pdf-root.crt.pem / pdf-root.key.pem    PDF root CA (ECDSA P-256, CA:TRUE, pathlen 0)

``reviewer.trust.authority`` keeps the folder, the ledger and revocation, and dispatches here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec

from reviewer.errors import InvalidInput
from reviewer.i18n import T
from reviewer.trust import sm, sm_profile, sm_x509
from reviewer.trust.credential import Credential, load_pem_cert
from reviewer.trust.enrolment import EnrolmentRequest
from reviewer.trust.keys import new_signing_key

PDF_ROOT_CERT, PDF_ROOT_KEY = "pdf-root.crt.pem", "pdf-root.key.pem"


@dataclass(frozen=True)
class SmHierarchy:
    """A new SM authority's certificates: the SM2 root, its package-signing certificate and the
    ECDSA PDF root (with its key) the SM2 root pins."""

    root: x509.Certificate
    signing: x509.Certificate
    pdf_root: x509.Certificate
    pdf_root_key: ec.EllipticCurvePrivateKey


def make_hierarchy(
    name: str,
    root_key: sm.Sm2PrivateKey,
    signing_key: sm.Sm2PrivateKey,
    encryption_key: sm.Sm2PrivateKey,
    now: datetime,
) -> SmHierarchy:
    """The PDF root, the SM2 root pinning it (ARC.6) and the SM2 package-signing certificate."""
    pdf_root_key = new_signing_key()
    pdf_root = sm_x509.make_pdf_root(pdf_root_key, name, now)
    root = sm_x509.make_sm_root(root_key, name, now, pdf_root=pdf_root)
    signing = sm_x509.issue_sm(
        root,
        root_key,
        common_name=f"{name} Package Signing",
        org=name,
        public_key=signing_key.public_key(),
        encryption_key=encryption_key.public_key(),
        package_signer=True,
        now=now,
    )
    return SmHierarchy(root, signing, pdf_root, pdf_root_key)


def checked_pdf_root_key(keys: list[object], pdf_root_key: object) -> ec.EllipticCurvePrivateKey:
    """``pdf_root_key`` if the root, signing and encryption ``keys`` are SM2 and it is ECDSA;
    :class:`InvalidInput` otherwise (a folder holding keys of the wrong type)."""
    if not (
        all(sm.is_sm2_private_key(k) for k in keys) and isinstance(pdf_root_key, ec.EllipticCurvePrivateKey)
    ):
        raise InvalidInput(
            T(
                "签发机构文件夹中的密钥类型不正确。",
                "The authority folder holds keys of the wrong type.",
            )
        )
    return pdf_root_key


def load_pdf_root(folder: Path, root: x509.Certificate) -> x509.Certificate:
    """The folder's PDF root; :class:`ValueError` unless it is the one ``root`` names (ARC.6)."""
    pdf_root = load_pem_cert((folder / PDF_ROOT_CERT).read_bytes(), PDF_ROOT_CERT)
    if sm_profile.cert_sha256(pdf_root) != sm_profile.pdf_root_digest_of(root):
        raise ValueError(f"{PDF_ROOT_CERT} is not the PDF root root.crt.pem names (ARC.6)")
    return pdf_root


def issue_member(
    root: x509.Certificate,
    root_key: sm.Sm2PrivateKey,
    pdf_root: x509.Certificate,
    pdf_root_key: ec.EllipticCurvePrivateKey,
    req: EnrolmentRequest,
    now: datetime,
) -> Credential:
    """The SM2 member certificate and, with the same serial, the member's PDF certificate."""
    assert req.pdf_signing_key is not None
    cert = sm_x509.issue_sm(
        root,
        root_key,
        common_name=req.name,
        org=req.org,
        public_key=req.signing_key,
        encryption_key=req.encryption_key,
        package_signer=False,
        now=now,
        pdf_key=req.pdf_signing_key,
    )
    pdf = sm_x509.issue_pdf_cert(pdf_root, pdf_root_key, member=cert, public_key=req.pdf_signing_key, now=now)
    return Credential(cert, root, pdf, pdf_root)

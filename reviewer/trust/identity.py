"""An expert's or chair's identity: two key pairs in a folder, unlocked by a passphrase.

Folder layout (all written whole, private keys mode 0600, PKCS#8 encrypted)::

    identity.json            name, org, id, public keys, where the passphrase lives
    signing.key.pem          ECDSA P-256 (sign sheets, records)
    encryption.key.pem       X25519 (open packages)
    enrolment-request.json   what goes to the ministry
    credential.rvcred        what comes back (after ``identity install``)
    trust-root.crt.pem       the pinned ministry root: the only trust anchor

In the SM suite (``create_identity(..., suite=SM)``) both keys are SM2, a third key signs PDFs, and
``identity.json`` adds ``"suite"`` and ``"pdf_signing_public_key"`` (base64 SPKI DER; the NIST file is
unchanged)::

    pdf-signing.key.pem      ECDSA P-256 (PAdES signatures of the record, certified via the SM2 cert)
    trust-root-pdf.crt.pem   the pinned PDF root (named by the SM2 root's ARC.6), after install
"""

from __future__ import annotations

import json
import os
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec, x25519

from reviewer.errors import InvalidInput, NotAnArtifact, Refused, Untrusted, UsageError
from reviewer.i18n import T
from reviewer.trust import certs, clock, sm, suites
from reviewer.trust.credential import Credential, check_pdf_links, load_credential, load_pem_cert, pem
from reviewer.trust.encoding import b64, parse_json, unb64
from reviewer.trust.enrolment import EnrolmentRequest, make_request
from reviewer.trust.files import write_atomic
from reviewer.trust.keys import (
    SCRYPT_N,
    SCRYPT_P,
    SCRYPT_R,
    cert_fingerprint,
    ec_public_der,
    load_private_key,
    new_encryption_key,
    new_signing_key,
    new_sm2_key,
    save_private_key,
    stretch,
    x25519_public_bytes,
)
from reviewer.trust.names import NAME_FIELD, ORG_FIELD, check_name
from reviewer.trust.passphrase import PassphraseSource
from reviewer.trust.recipients import WrappedKey, unwrap
from reviewer.trust.signatures import sign_bytes

IDENTITY_FORMAT = "reviewer.identity/1"
INFO, SIGNING_KEY, ENCRYPTION_KEY = "identity.json", "signing.key.pem", "encryption.key.pem"
REQUEST, CREDENTIAL, ROOT = "enrolment-request.json", "credential.rvcred", "trust-root.crt.pem"
PDF_SIGNING_KEY, PDF_ROOT = "pdf-signing.key.pem", "trust-root-pdf.crt.pem"  # the SM suite only


@dataclass(frozen=True)
class IdentityInfo:
    path: Path
    id: str
    name: str
    org: str
    created: str
    keyring: bool
    signing_public: bytes  # SPKI DER (P-256 or SM2)
    encryption_public: bytes  # raw X25519 (NIST) or SM2 SPKI DER (SM)
    salt: bytes
    suite: suites.Suite = suites.NIST
    pdf_signing_public: bytes = b""  # the SM suite only: P-256 SPKI DER

    @property
    def account(self) -> str:
        return f"identity:{self.id}"

    @property
    def label(self) -> str:
        return str(T("身份“{name}”", "the identity “{name}”", name=self.name))


def create_identity(
    folder: str | Path,
    *,
    name: str,
    org: str,
    source: PassphraseSource,
    now: datetime | None = None,
    suite: suites.Suite = suites.NIST,
) -> tuple[IdentityInfo, EnrolmentRequest]:
    """Make the key pairs (two, or three in the SM suite) and the enrolment request; refuse to
    overwrite an existing identity."""
    folder = Path(folder)
    if (folder / INFO).exists():
        raise Refused(
            T(
                "{path} 中已有身份，不会覆盖。请换一个文件夹。",
                "{path} already holds an identity; it is not overwritten. Choose another folder.",
                path=str(folder),
            )
        )
    if not name.strip() or not org.strip():
        raise UsageError(T("姓名和单位不能为空。", "Name and organisation must not be empty."))
    check_name(name, NAME_FIELD)
    check_name(org, ORG_FIELD)
    folder.mkdir(parents=True, exist_ok=True)
    ident = str(uuid.uuid4())
    sm_suite = suite is suites.SM
    signing: ec.EllipticCurvePrivateKey | sm.Sm2PrivateKey
    encryption: x25519.X25519PrivateKey | sm.Sm2PrivateKey
    if sm_suite:
        signing, encryption, pdf_signing = new_sm2_key(), new_sm2_key(), new_signing_key()
    else:
        signing, encryption, pdf_signing = new_signing_key(), new_encryption_key(), None
    label = str(T("身份“{name}”", "the identity “{name}”", name=name))
    passphrase, in_keyring = source.for_new_key(f"identity:{ident}", label)
    salt = os.urandom(16)
    password = stretch(passphrase, salt)
    save_private_key(folder / SIGNING_KEY, signing, password)
    save_private_key(folder / ENCRYPTION_KEY, encryption, password)
    if pdf_signing is not None:
        save_private_key(folder / PDF_SIGNING_KEY, pdf_signing, password)
    info = IdentityInfo(
        folder,
        ident,
        name.strip(),
        org.strip(),
        clock.iso(now or clock.utcnow()),
        in_keyring,
        sm.sm2_public_der(signing) if sm_suite else ec_public_der(signing),
        sm.sm2_public_der(encryption) if sm_suite else x25519_public_bytes(encryption),
        salt,
        suite,
        ec_public_der(pdf_signing) if pdf_signing is not None else b"",
    )
    request = make_request(
        info.id, info.name, info.org, signing, encryption, now or clock.utcnow(), pdf_signing=pdf_signing
    )
    write_atomic(folder / REQUEST, request.to_bytes())
    doc = {
        "format": IDENTITY_FORMAT,
        "id": info.id,
        "name": info.name,
        "org": info.org,
        "created": info.created,
        "passphrase": "keyring" if in_keyring else "user",
        "signing_public_key": b64(info.signing_public),
        "encryption_public_key": b64(info.encryption_public),
        "kdf": {"name": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P, "salt": b64(salt)},
    }
    if sm_suite:  # the NIST file stays as it was
        doc |= {"suite": suite.id, "pdf_signing_public_key": b64(info.pdf_signing_public)}
    write_atomic(folder / INFO, (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    return info, request


def read_info(folder: str | Path) -> IdentityInfo:
    folder = Path(folder)
    try:
        doc = parse_json((folder / INFO).read_bytes())
        if doc.get("format") != IDENTITY_FORMAT:
            raise ValueError("format")
        suite = suites.by_id(doc["suite"]) if "suite" in doc else suites.NIST
        return IdentityInfo(
            folder,
            doc["id"],
            doc["name"],
            doc["org"],
            doc["created"],
            doc["passphrase"] == "keyring",
            unb64(doc["signing_public_key"]),
            unb64(doc["encryption_public_key"]),
            unb64(doc["kdf"]["salt"]),
            suite,
            unb64(doc["pdf_signing_public_key"]) if suite is suites.SM else b"",
        )
    except (OSError, ValueError, KeyError, AttributeError, UnicodeDecodeError, NotAnArtifact) as exc:
        raise InvalidInput(
            T(
                "{path} 不是评审身份文件夹。请先运行 reviewer identity new。",
                "{path} is not a reviewer identity folder. Run `reviewer identity new` first.",
                path=str(folder),
            ),
            detail=str(exc),
        ) from exc


def install_credential(
    folder: str | Path, credential_path: str | Path, now: datetime | None = None
) -> Credential:
    """Check the credential is for this identity's keys, then save it and pin its root."""
    info = read_info(folder)
    cred = load_credential(credential_path)
    mismatch = Refused(
        T(
            "该凭证不是为本身份签发的（公钥不符）。请确认凭证文件。",
            "This credential was not issued for this identity (the keys differ). Check the credential file.",
        )
    )
    try:
        cred_suite = suites.of_root(cred.root)
    except Untrusted as exc:
        raise mismatch from exc
    if cred_suite is not info.suite:
        raise Refused(
            T(
                "该凭证使用{used}，而本身份使用{expected}，无法安装。请按签发机构的算法套件新建身份"
                "（reviewer identity new --suite），再申请凭证。",
                "This credential uses {used} but this identity uses {expected}; it cannot be installed. "
                "Create an identity in the authority's suite (reviewer identity new --suite) and enrol it.",
                used=cred_suite.label,
                expected=info.suite.label,
            ),
            detail=f"{cred_suite.id} != {info.suite.id}",
        )
    if not _keys_match(info, cred):
        raise mismatch
    cred.verify(cred.root, now or clock.utcnow())
    # The PDF root needs no pin check of its own: the SM2 root names it (ARC.6, checked above).
    pinned = info.path / ROOT
    if pinned.exists():
        old = load_pem_cert(pinned.read_bytes(), str(pinned))
        if cert_fingerprint(old) != cred.root_fingerprint:
            raise Refused(
                T(
                    "本身份已信任另一个根证书（指纹 {fp}），不会替换。如确需更换，请新建身份。",
                    "This identity already trusts another root (fingerprint {fp}); it is not replaced. "
                    "Create a new identity if you really must change it.",
                    fp=cert_fingerprint(old)[:16],
                )
            )
    cred.save(info.path / CREDENTIAL)
    if cred.pdf_root is not None:  # before the root: an identity is installed once its root is pinned
        write_atomic(info.path / PDF_ROOT, pem(cred.pdf_root).encode("ascii"))
    write_atomic(info.path / ROOT, pem(cred.root).encode("ascii"))
    return cred


def _keys_match(info: IdentityInfo, cred: Credential) -> bool:
    """The credential certifies exactly this identity's public keys (and, in the SM suite, its
    PDF certificate belongs to it: the three links, checked by ``cred.verify`` too)."""
    key = certs.public_key_of(cred.certificate)
    if info.suite is suites.NIST:
        return (
            isinstance(key, ec.EllipticCurvePublicKey)
            and ec_public_der(key) == info.signing_public
            and x25519_public_bytes(cred.encryption_key) == info.encryption_public
        )
    if cred.pdf_certificate is None or cred.pdf_root is None or not sm.is_sm2_public_key(key):
        return False
    pdf_key = cred.pdf_certificate.public_key()
    check_pdf_links(cred.certificate, cred.root, cred.pdf_certificate, cred.pdf_root)
    return (
        sm.sm2_public_der(key) == info.signing_public
        and sm.sm2_public_der(cred.encryption_key) == info.encryption_public
        and isinstance(pdf_key, ec.EllipticCurvePublicKey)
        and ec_public_der(pdf_key) == info.pdf_signing_public
    )


@dataclass(frozen=True)
class Identity:
    """An unlocked identity: sign with the member key, open what is addressed to it."""

    info: IdentityInfo
    credential: Credential | None
    root: x509.Certificate | None
    _signing_key: ec.EllipticCurvePrivateKey | sm.Sm2PrivateKey  # SM2 in the SM suite
    _encryption_key: x25519.X25519PrivateKey | sm.Sm2PrivateKey  # SM2 in the SM suite
    _pdf_signing_key: ec.EllipticCurvePrivateKey | None = None  # the SM suite only
    pdf_anchor: x509.Certificate | None = None  # the SM suite: the pinned PDF root, once installed

    @property
    def name(self) -> str:
        return self.info.name

    @property
    def suite(self) -> suites.Suite:
        return self.info.suite

    @property
    def certificate(self) -> x509.Certificate:
        return self.installed().certificate

    @property
    def fingerprint(self) -> str:
        """The recipient id of this identity: SHA-256 of its certificate."""
        return self.installed().fingerprint

    def installed(self) -> Credential:
        if self.credential is None:
            raise UsageError(
                T(
                    "身份“{name}”尚未安装凭证。请先运行 reviewer identity install。",
                    "The identity “{name}” has no credential yet. Run `reviewer identity install` first.",
                    name=self.info.name,
                )
            )
        return self.credential

    def trust_root(self) -> x509.Certificate:
        self.installed()
        assert self.root is not None
        return self.root

    def sign(self, data: bytes) -> bytes:
        """The member's signature (DER): ECDSA P-256/SHA-256, or SM3withSM2 in the SM suite."""
        return sign_bytes(self._signing_key, data)

    def public_key_der(self) -> bytes:
        """The SubjectPublicKeyInfo DER of the signing key (P-256, or SM2 in the SM suite): what a
        signature block names the signer by."""
        key = self._signing_key
        return sm.sm2_public_der(key) if sm.is_sm2_private_key(key) else ec_public_der(key)

    def signing_key(self) -> ec.EllipticCurvePrivateKey | sm.Sm2PrivateKey:
        """The private signing key (SM2 in the SM suite; PDFs use :meth:`pdf_signing_key`). Never
        write it out."""
        return self._signing_key

    # --- the record PDF: PAdES is ECDSA in both suites ------------------------------------------
    @property
    def pdf_certificate(self) -> x509.Certificate:
        """The certificate that signs PDFs: the member certificate (NIST) or, in the SM suite, the
        ECDSA certificate the authority's PDF root issued for the member (same serial)."""
        cred = self.installed()
        if self.suite is suites.NIST:
            return cred.certificate
        assert cred.pdf_certificate is not None
        return cred.pdf_certificate

    def pdf_root(self) -> x509.Certificate:
        """The anchor of :attr:`pdf_certificate`: the pinned root (NIST) or the pinned PDF root."""
        if self.suite is suites.NIST:
            return self.trust_root()
        self.installed()
        assert self.pdf_anchor is not None
        return self.pdf_anchor

    def pdf_signing_key(self) -> ec.EllipticCurvePrivateKey:
        """The P-256 key that signs PDFs (the signing key itself in the NIST suite). Never write it out."""
        key = self._pdf_signing_key if self.suite is suites.SM else self._signing_key
        assert isinstance(key, ec.EllipticCurvePrivateKey)
        return key

    def pdf_sign(self, data: bytes) -> bytes:
        """ECDSA P-256/SHA-256 (DER) by :meth:`pdf_signing_key`."""
        return sign_bytes(self.pdf_signing_key(), data)

    def unwrap(self, wrapped: WrappedKey, context: bytes) -> bytes:
        return unwrap(wrapped, self._encryption_key, context)


def load_identity(folder: str | Path, source: PassphraseSource) -> Identity:
    """Unlock the identity in ``folder`` (passphrase from ``source``); credential/root if installed."""
    info = read_info(folder)
    passphrase = stretch(source.for_existing_key(info.account, info.label), info.salt)
    signing = load_private_key(info.path / SIGNING_KEY, passphrase, label=info.label)
    encryption = load_private_key(info.path / ENCRYPTION_KEY, passphrase, label=info.label)
    wrong_type = InvalidInput(
        T("身份文件夹中的密钥类型不正确。", "The identity folder holds keys of the wrong type.")
    )
    pdf_signing: ec.EllipticCurvePrivateKey | None = None
    if info.suite is suites.SM:
        pdf_key = load_private_key(info.path / PDF_SIGNING_KEY, passphrase, label=info.label)
        if not (
            sm.is_sm2_private_key(signing)
            and sm.is_sm2_private_key(encryption)
            and isinstance(pdf_key, ec.EllipticCurvePrivateKey)
        ):
            raise wrong_type
        pdf_signing = pdf_key
    elif not isinstance(signing, ec.EllipticCurvePrivateKey) or not isinstance(
        encryption, x25519.X25519PrivateKey
    ):
        raise wrong_type
    cred = load_credential(info.path / CREDENTIAL) if (info.path / CREDENTIAL).exists() else None
    root = load_pinned_root(info.path) if cred else None
    pdf_anchor = None
    if cred is not None and root is not None and info.suite is suites.SM:
        pdf_anchor = _pinned_pdf_root(info.path, root)
    return Identity(info, cred, root, signing, encryption, pdf_signing, pdf_anchor)


def _pinned_pdf_root(folder: Path, root: x509.Certificate) -> x509.Certificate:
    """The pinned PDF root, refused (Untrusted) unless the pinned SM2 root names it (``ARC.6``): the
    link checked at install holds every time the identity signs a PDF, whatever the folder now holds."""
    from reviewer.trust import sm_profile  # the SM suite only

    pdf_root = load_pinned_root(folder, PDF_ROOT)
    if sm_profile.cert_sha256(pdf_root) != sm_profile.pdf_root_digest_of(root):
        raise Untrusted(
            T(
                "身份文件夹中的 PDF 根证书（{file}）不是所信任的国密根证书指定的那一个，拒绝使用。"
                "请重新安装工业和信息化部签发的凭证（reviewer identity install）。",
                "The PDF root in the identity folder ({file}) is not the one the pinned SM2 root names; "
                "refusing it. Install the credential the ministry issued again (reviewer identity install).",
                file=PDF_ROOT,
            ),
            detail=f"SHA-256 {sm_profile.cert_sha256(pdf_root).hex()}",
        )
    return pdf_root


def load_pinned_root(folder: str | Path, name: str = ROOT) -> x509.Certificate:
    """The pinned root (``trust-root.crt.pem``), or with ``name=PDF_ROOT`` the SM suite's PDF root."""
    path = Path(folder) / name
    try:
        return load_pem_cert(path.read_bytes(), str(path))
    except OSError as exc:
        raise UsageError(
            T(
                "身份 {path} 尚未信任任何根证书。请先运行 reviewer identity install。",
                "The identity {path} trusts no root yet. Run `reviewer identity install` first.",
                path=str(folder),
            )
        ) from exc

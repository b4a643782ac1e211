"""An expert's or chair's identity: two key pairs in a folder, unlocked by a passphrase.

Folder layout (all written whole, private keys mode 0600, PKCS#8 encrypted)::

    identity.json            name, org, id, public keys, where the passphrase lives
    signing.key.pem          ECDSA P-256 (sign sheets, records)
    encryption.key.pem       X25519 (open packages)
    enrolment-request.json   what goes to the ministry
    credential.rvcred        what comes back (after ``identity install``)
    trust-root.crt.pem       the pinned ministry root: the only trust anchor
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

from reviewer.errors import InvalidInput, Refused, UsageError
from reviewer.i18n import T
from reviewer.trust import clock
from reviewer.trust.credential import Credential, load_credential, load_pem_cert, pem
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


@dataclass(frozen=True)
class IdentityInfo:
    path: Path
    id: str
    name: str
    org: str
    created: str
    keyring: bool
    signing_public: bytes
    encryption_public: bytes
    salt: bytes

    @property
    def account(self) -> str:
        return f"identity:{self.id}"

    @property
    def label(self) -> str:
        return str(T("身份“{name}”", "the identity “{name}”", name=self.name))


def create_identity(
    folder: str | Path, *, name: str, org: str, source: PassphraseSource, now: datetime | None = None
) -> tuple[IdentityInfo, EnrolmentRequest]:
    """Make both key pairs and the enrolment request; refuse to overwrite an existing identity."""
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
    signing, encryption = new_signing_key(), new_encryption_key()
    label = str(T("身份“{name}”", "the identity “{name}”", name=name))
    passphrase, in_keyring = source.for_new_key(f"identity:{ident}", label)
    salt = os.urandom(16)
    password = stretch(passphrase, salt)
    save_private_key(folder / SIGNING_KEY, signing, password)
    save_private_key(folder / ENCRYPTION_KEY, encryption, password)
    info = IdentityInfo(
        folder,
        ident,
        name.strip(),
        org.strip(),
        clock.iso(now or clock.utcnow()),
        in_keyring,
        ec_public_der(signing),
        x25519_public_bytes(encryption),
        salt,
    )
    request = make_request(info.id, info.name, info.org, signing, encryption, now or clock.utcnow())
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
    write_atomic(folder / INFO, (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    return info, request


def read_info(folder: str | Path) -> IdentityInfo:
    folder = Path(folder)
    try:
        doc = parse_json((folder / INFO).read_bytes())
        if doc.get("format") != IDENTITY_FORMAT:
            raise ValueError("format")
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
        )
    except (OSError, ValueError, KeyError, AttributeError, UnicodeDecodeError) as exc:
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
    key = cred.certificate.public_key()
    if not isinstance(key, ec.EllipticCurvePublicKey) or ec_public_der(key) != info.signing_public:
        raise mismatch
    if x25519_public_bytes(cred.encryption_key) != info.encryption_public:
        raise mismatch
    cred.verify(cred.root, now or clock.utcnow())
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
    write_atomic(pinned, pem(cred.root).encode("ascii"))
    return cred


@dataclass(frozen=True)
class Identity:
    """An unlocked identity: sign with the member key, open what is addressed to it."""

    info: IdentityInfo
    credential: Credential | None
    root: x509.Certificate | None
    _signing_key: ec.EllipticCurvePrivateKey
    _encryption_key: x25519.X25519PrivateKey

    @property
    def name(self) -> str:
        return self.info.name

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
        """ECDSA P-256/SHA-256 signature (DER) by the member's signing key."""
        return sign_bytes(self._signing_key, data)

    def signing_key(self) -> ec.EllipticCurvePrivateKey:
        """The private signing key, for PDF signing (issue 6). Never write it out."""
        return self._signing_key

    def unwrap(self, wrapped: WrappedKey, context: bytes) -> bytes:
        return unwrap(wrapped, self._encryption_key, context)


def load_identity(folder: str | Path, source: PassphraseSource) -> Identity:
    """Unlock the identity in ``folder`` (passphrase from ``source``); credential/root if installed."""
    info = read_info(folder)
    passphrase = stretch(source.for_existing_key(info.account, info.label), info.salt)
    signing = load_private_key(info.path / SIGNING_KEY, passphrase, label=info.label)
    encryption = load_private_key(info.path / ENCRYPTION_KEY, passphrase, label=info.label)
    if not isinstance(signing, ec.EllipticCurvePrivateKey) or not isinstance(
        encryption, x25519.X25519PrivateKey
    ):
        raise InvalidInput(
            T("身份文件夹中的密钥类型不正确。", "The identity folder holds keys of the wrong type.")
        )
    cred = load_credential(info.path / CREDENTIAL) if (info.path / CREDENTIAL).exists() else None
    root = load_pinned_root(info.path) if cred else None
    return Identity(info, cred, root, signing, encryption)


def load_pinned_root(folder: str | Path) -> x509.Certificate:
    path = Path(folder) / ROOT
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

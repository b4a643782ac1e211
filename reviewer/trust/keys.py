"""Private keys on disk: PKCS#8 PEM, always encrypted, files readable by their owner only.

P-256 and X25519 keys through ``cryptography``; SM2 keys (the SM suite) through tongsuopy
(:mod:`reviewer.trust.sm`, PBES2 with SM4-CBC). The PEM tells the type: :func:`load_private_key`
tries ``cryptography`` first and, when it does not know the key or its encryption, tongsuopy.
"""

from __future__ import annotations

import contextlib
import hashlib
from pathlib import Path
from typing import TypeAlias

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, x25519
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from cryptography.x509 import Certificate

from reviewer.errors import InvalidInput, WrongPassphrase
from reviewer.i18n import T
from reviewer.trust import sm
from reviewer.trust.files import SECRET_MODE, write_atomic
from reviewer.trust.sm import new_sm2_key

# sm.Sm2PrivateKey is Any to mypy (tongsuopy has no types): the union says what a value may be.
PrivateKey: TypeAlias = ec.EllipticCurvePrivateKey | x25519.X25519PrivateKey | sm.Sm2PrivateKey

__all__ = [
    "PrivateKey",
    "cert_fingerprint",
    "ec_public_der",
    "load_private_key",
    "new_encryption_key",
    "new_signing_key",
    "new_sm2_key",
    "pretty_fingerprint",
    "save_private_key",
    "stretch",
    "x25519_public_bytes",
]


SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1


def stretch(passphrase: str, salt: bytes) -> str:
    """scrypt(passphrase, salt, N=2^15, r=8, p=1) as hex: the password the PKCS#8 files use.

    ``BestAvailableEncryption`` uses PBKDF2 with few iterations, too cheap for a typed passphrase;
    stretching first makes each guess cost ~0.1 s and 32 MiB. The salt lives beside the keys.
    """
    kdf = Scrypt(salt=salt, length=32, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P)
    return kdf.derive(passphrase.encode("utf-8")).hex()


def new_signing_key() -> ec.EllipticCurvePrivateKey:
    return ec.generate_private_key(ec.SECP256R1())


def new_encryption_key() -> x25519.X25519PrivateKey:
    return x25519.X25519PrivateKey.generate()


def save_private_key(path: Path, key: PrivateKey, passphrase: str) -> None:
    """PKCS#8 PEM encrypted under ``passphrase`` (``BestAvailableEncryption``), mode 0600.
    An SM2 key is written by tongsuopy (``sm.sm2_private_pem``: PBES2, SM4-CBC)."""
    if not passphrase:
        raise ValueError("a private key is never written without a passphrase")
    if sm.is_sm2_private_key(key):
        write_atomic(path, sm.sm2_private_pem(key, passphrase), mode=SECRET_MODE)
        return
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(passphrase.encode("utf-8")),
    )
    write_atomic(path, pem, mode=SECRET_MODE)


def load_private_key(path: Path, passphrase: str, *, label: str) -> PrivateKey:
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise InvalidInput(
            T("找不到私钥文件 {path}。", "The private key file {path} is missing.", path=str(path))
        ) from exc
    if b"BEGIN ENCRYPTED PRIVATE KEY" not in data:
        raise InvalidInput(
            T(
                "{path} 不是加密的私钥文件，拒绝使用。",
                "{path} is not an encrypted private key file; refusing to use it.",
                path=str(path),
            )
        )
    try:
        key = serialization.load_pem_private_key(data, password=passphrase.encode("utf-8"))
    except (ValueError, TypeError, UnsupportedAlgorithm) as exc:
        # cryptography knows neither SM2 nor SM4-CBC ("Unknown key encryption algorithm"): the key
        # may be an SM2 key, which tongsuopy opens; if it cannot either, the passphrase is wrong.
        with contextlib.suppress(InvalidInput, WrongPassphrase):
            return sm.load_sm2_private_pem(data, passphrase, label=label)
        raise WrongPassphrase(
            T(
                "{label}的口令不正确，无法解锁私钥。请检查口令（或 --passphrase-env 指定的变量）后重试。",
                "The passphrase for {label} is wrong; the private key cannot be unlocked. Check it "
                "(or the variable named by --passphrase-env) and try again.",
                label=label,
            ).in_app(
                T(
                    "{label}的口令不正确，无法解锁私钥。请检查口令后重试。",
                    "The passphrase for {label} is wrong; the private key cannot be unlocked. Check it "
                    "and try again.",
                    label=label,
                )
            ),
            detail=str(exc),
        ) from exc
    if not isinstance(key, ec.EllipticCurvePrivateKey | x25519.X25519PrivateKey):
        raise InvalidInput(
            T("{path} 的密钥类型不受支持。", "{path} holds an unsupported key type.", path=str(path))
        )
    return key


def x25519_public_bytes(key: x25519.X25519PublicKey | x25519.X25519PrivateKey) -> bytes:
    public = key.public_key() if isinstance(key, x25519.X25519PrivateKey) else key
    return public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def ec_public_der(key: ec.EllipticCurvePublicKey | ec.EllipticCurvePrivateKey) -> bytes:
    public = key.public_key() if isinstance(key, ec.EllipticCurvePrivateKey) else key
    return public.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)


def cert_fingerprint(cert: Certificate) -> str:
    """SHA-256 of the certificate's DER, lower-case hex: how the format names a certificate."""
    return hashlib.sha256(cert.public_bytes(serialization.Encoding.DER)).hexdigest()


def pretty_fingerprint(hex_digest: str) -> str:
    """``AB:CD:...`` in groups, for reading aloud over the phone."""
    up = hex_digest.upper()
    return ":".join(up[i : i + 2] for i in range(0, len(up), 2))

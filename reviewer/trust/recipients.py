"""Wrapping a symmetric key for X25519 recipients (the panel's members and the ministry).

For each recipient public key ``R`` (32 bytes) the sender draws an ephemeral X25519 key ``e``:

    shared   = X25519(e, R)                       (all-zero output is refused)
    wrap_key = HKDF-SHA256(ikm=shared, salt=E || R, info="reviewer/1 x25519 wrap", L=32)
    wrapped  = AES-256-GCM(wrap_key, nonce=0^12, plaintext=file_key, aad=context)

``E`` is the ephemeral public key. The nonce can be fixed because every wrap key is used once.
``context`` binds the wrap to its artifact (a package id, a bundle id), so a wrapped key cannot be
moved to another artifact. Sheets, records and bundles reuse this module.

An SM2 recipient (the SM suite) gets SM2 public-key encryption (GB/T 32918.4, GM/T 0009 DER
ciphertext) of the file key followed by the SM3 of the context, and no ephemeral key::

    wrapped   = SM2Encrypt(R, file_key || SM3(context))     (64-byte plaintext)
    ephemeral = b""

SM2 encryption takes no associated data; the SM3 of the context inside the plaintext binds the wrap
to its artifact as the AAD does above (C3, SM2's own SM3 check value, covers the whole plaintext):
:func:`unwrap` requires the tail to equal SM3 of its own context, in constant time.
"""

from __future__ import annotations

import hmac
from collections.abc import Iterable
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import x25519
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from reviewer.errors import NotOnPanel, Tampered
from reviewer.i18n import T
from reviewer.trust import sm
from reviewer.trust.keys import x25519_public_bytes

WRAP_INFO = b"reviewer/1 x25519 wrap"
WRAP_NONCE = bytes(12)
FILE_KEY_BYTES = 32


@dataclass(frozen=True)
class Recipient:
    """Who may read: ``id`` is the SHA-256 fingerprint (hex) of the recipient's certificate;
    ``public_key`` the X25519 key (NIST suite) or SM2 key (SM suite) the certificate certifies."""

    id: str
    public_key: x25519.X25519PublicKey | sm.Sm2PublicKey
    label: str = ""


@dataclass(frozen=True)
class WrappedKey:
    recipient: str
    ephemeral: bytes
    wrapped: bytes


def _wrap_key(shared: bytes, ephemeral: bytes, recipient: bytes) -> bytes:
    if shared == bytes(32):
        raise ValueError("all-zero X25519 shared secret")
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=ephemeral + recipient, info=WRAP_INFO).derive(
        shared
    )


def wrap(
    file_key: bytes,
    recipient: Recipient,
    context: bytes,
    *,
    ephemeral: x25519.X25519PrivateKey | None = None,
) -> WrappedKey:
    """Wrap ``file_key`` for one recipient. ``ephemeral`` is only given by the test vectors."""
    if len(file_key) != FILE_KEY_BYTES:
        raise ValueError("file keys are 32 bytes")
    if sm.is_sm2_public_key(recipient.public_key):
        if ephemeral is not None:
            raise ValueError("an SM2 wrap has no ephemeral key")
        return WrappedKey(recipient.id, b"", sm.sm2_encrypt(recipient.public_key, file_key + sm.sm3(context)))
    if not isinstance(recipient.public_key, x25519.X25519PublicKey):
        raise TypeError(f"cannot wrap for a {type(recipient.public_key).__name__}")
    eph = ephemeral or x25519.X25519PrivateKey.generate()
    e_pub = x25519_public_bytes(eph)
    r_pub = x25519_public_bytes(recipient.public_key)
    key = _wrap_key(eph.exchange(recipient.public_key), e_pub, r_pub)
    return WrappedKey(recipient.id, e_pub, AESGCM(key).encrypt(WRAP_NONCE, file_key, context))


def wrap_for_all(file_key: bytes, recipients: Iterable[Recipient], context: bytes) -> list[WrappedKey]:
    seen: set[str] = set()
    out = []
    for r in recipients:
        if r.id in seen:
            continue
        seen.add(r.id)
        out.append(wrap(file_key, r, context))
    return out


def _not_yours(detail: str) -> Tampered:
    return Tampered(
        T(
            "无法解开发给您的密钥：文件已被改动，或与您的加密密钥不匹配。请向工业和信息化部索取原件。",
            "The key addressed to you cannot be unwrapped: the file was altered or does not match "
            "your encryption key. Ask the ministry for the original.",
        ),
        detail=detail,
    )


def _unwrap_sm2(wrapped: WrappedKey, private_key: sm.Sm2PrivateKey, context: bytes) -> bytes:
    if wrapped.ephemeral:
        raise _not_yours("an SM2 wrap carries no ephemeral key")
    plain = sm.sm2_decrypt(private_key, wrapped.wrapped, what=_not_yours("SM2").message)
    if len(plain) != FILE_KEY_BYTES + 32:
        raise _not_yours(f"SM2 wrap holds {len(plain)} bytes, not 64")
    file_key, bound = plain[:FILE_KEY_BYTES], plain[FILE_KEY_BYTES:]
    if not hmac.compare_digest(bound, sm.sm3(context)):
        raise _not_yours("SM2 wrap is bound to another artifact (SM3 of the context differs)")
    return file_key


def unwrap(
    wrapped: WrappedKey, private_key: x25519.X25519PrivateKey | sm.Sm2PrivateKey, context: bytes
) -> bytes:
    """Recover the file key; raises :class:`Tampered` if the wrap was altered, is not for this key,
    or belongs to another artifact (``context``)."""
    if sm.is_sm2_private_key(private_key):
        return _unwrap_sm2(wrapped, private_key, context)
    if not isinstance(private_key, x25519.X25519PrivateKey):
        raise TypeError(f"cannot unwrap with a {type(private_key).__name__}")
    r_pub = x25519_public_bytes(private_key)
    try:
        eph = x25519.X25519PublicKey.from_public_bytes(wrapped.ephemeral)
        key = _wrap_key(private_key.exchange(eph), wrapped.ephemeral, r_pub)
        file_key = AESGCM(key).decrypt(WRAP_NONCE, wrapped.wrapped, context)
    except (InvalidTag, ValueError) as exc:
        raise _not_yours(str(exc)) from exc
    if len(file_key) != FILE_KEY_BYTES:
        raise Tampered(T("密钥长度不正确。", "The unwrapped key has the wrong length."))
    return file_key


def find_wrapped(wrapped_keys: Iterable[WrappedKey], recipient_id: str) -> WrappedKey:
    for w in wrapped_keys:
        if w.recipient == recipient_id:
            return w
    raise NotOnPanel(
        T(
            "您不是本文件的收件人（不在本专家组），无法打开。如您认为有误，请联系工业和信息化部。",
            "You are not a recipient of this file (not on this panel), so it cannot be opened. If "
            "you think this is a mistake, contact the ministry.",
        )
    )

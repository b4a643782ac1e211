"""Sealed columns: what an expert or a chair wrote is kept on disk only as AES-256-GCM ciphertext.

Each identity that keeps work in a store has its own random 256-bit *store key*, wrapped to the
identity's X25519 key (:mod:`reviewer.trust.recipients`, context ``reviewer/1 store key`` + the
identity's fingerprint) in the ``store_keys`` table. The X25519 key is encrypted under the identity's
scrypt-stretched passphrase, so the store key is unusable without that passphrase.
:meth:`reviewer.models.store.Store.unlock` unwraps it into the store's :class:`StoreKeys`.

A sealed value is ``MAGIC | key id (8) | nonce (12) | AES-256-GCM(ciphertext + tag)``, the additional
data being the column's name (``scores.comment``): a value cannot be moved to another column
unnoticed. Text columns hold ``"rvs1:" + base64`` of that. Columns declared with :class:`SealedText`,
:class:`SealedBytes` or :class:`SealedBool` are sealed on every write and opened on every read by
SQLAlchemy itself; the key comes from the :class:`StoreKeys` of the store whose session is running
(a context variable set by ``Store.session()``/``Store.reading()`` on the thread that runs it).

Writing a sealed column while no identity has unlocked the store raises :class:`StoreLocked`:
nothing sensitive is ever written in the clear. Reading a value written before sealing existed (a
store not yet upgraded, see :mod:`reviewer.models.sealing_upgrade`) returns it as it is.
"""

from __future__ import annotations

import base64
import hashlib
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import LargeBinary, Text
from sqlalchemy.types import TypeDecorator

from reviewer.errors import ReviewerError, Tampered
from reviewer.i18n import T

MAGIC = b"rvs1"
TEXT_PREFIX = "rvs1:"
KEY_ID_BYTES = 8
NONCE_BYTES = 12
KEY_BYTES = 32
_HEADER = len(MAGIC) + KEY_ID_BYTES + NONCE_BYTES


class StoreLocked(ReviewerError):
    """Sealed work was written or read while the identity that owns it has not unlocked the store."""

    exit_code = 15


def key_id(data_key: bytes) -> bytes:
    """The 8-byte id a sealed value names its key by (a hash of the key: says nothing about it)."""
    return hashlib.sha256(b"reviewer/1 store key id" + data_key).digest()[:KEY_ID_BYTES]


class StoreKeys:
    """The store keys unlocked in this process: any of them opens; a value is sealed with its owner's.

    Shared by the threads using one store; adding a key is guarded by a lock, reads are of an
    immutable snapshot.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._keys: dict[bytes, AESGCM] = {}
        self._owners: dict[str, bytes] = {}
        self._active: bytes | None = None

    def add(self, owner: str, data_key: bytes, *, active: bool = True) -> bytes:
        """Hold ``data_key`` (of the identity ``owner``); ``active``: new values are sealed with it."""
        if len(data_key) != KEY_BYTES:
            raise ValueError("store keys are 32 bytes")
        kid = key_id(data_key)
        with self._lock:
            keys = dict(self._keys)
            keys[kid] = AESGCM(data_key)
            self._keys = keys
            self._owners = {**self._owners, owner: kid}
            if active:
                self._active = kid
        return kid

    def holds(self, owner: str) -> bool:
        return owner in self._owners

    def holds_key(self, kid: bytes) -> bool:
        """Whether the key with id ``kid`` is held (a value sealed under it can be opened)."""
        return kid in self._keys

    def key_id_of(self, owner: str) -> bytes | None:
        """The id of ``owner``'s key, when it is held."""
        return self._owners.get(owner)

    def activate(self, owner: str) -> None:
        """Seal new values with ``owner``'s key (held already)."""
        with self._lock:
            self._active = self._owners[owner]

    @property
    def unlocked(self) -> bool:
        return self._active is not None

    def forget(self) -> None:
        """Drop every key (the store is locked again)."""
        with self._lock:
            self._keys, self._owners, self._active = {}, {}, None

    def seal(self, plain: bytes, column: str, owner: str | None = None) -> bytes:
        """Seal with ``owner``'s key; :class:`StoreLocked` when that identity has not unlocked the store.

        Never another identity's key instead: work sealed under a key its owner does not hold is lost
        to them the next time they unlock alone. Without ``owner`` only a store holding exactly one
        key seals (with it); with several held, whose work it is cannot be guessed, so it refuses."""
        owners = self._owners
        if owner:
            kid = owners.get(owner)
        else:
            kid = next(iter(owners.values())) if len(set(owners.values())) == 1 else None
        if kid is None:
            raise StoreLocked(
                T(
                    "评审数据只能在解锁身份后保存：请先用口令打开您的身份（打开评审包）。",
                    "Review data can only be saved once your identity is unlocked: open your identity "
                    "with its passphrase (open the review package) first.",
                )
            )
        nonce = os.urandom(NONCE_BYTES)
        return MAGIC + kid + nonce + self._keys[kid].encrypt(nonce, plain, column.encode("ascii"))

    def open(self, sealed: bytes, column: str) -> bytes:
        kid, nonce, body = sealed[4:12], sealed[12:_HEADER], sealed[_HEADER:]
        aead = self._keys.get(kid)
        if aead is None:
            raise StoreLocked(
                T(
                    "这些评审数据属于尚未解锁的身份：请用其口令打开该身份后再读取。",
                    "This review data belongs to an identity that is not unlocked: open that identity "
                    "with its passphrase to read it.",
                )
            )
        try:
            return aead.decrypt(nonce, body, column.encode("ascii"))
        except InvalidTag as exc:
            raise Tampered(
                T(
                    "本地数据库中 {col} 的一个值已被改动，无法解密。",
                    "A value of {col} in the local database was altered and cannot be decrypted.",
                    col=column,
                ),
                detail=str(exc),
            ) from exc


_current: ContextVar[tuple[StoreKeys, str | None] | None] = ContextVar("reviewer_store_keys", default=None)


@contextmanager
def using(keys: StoreKeys, owner: str | None = None) -> Iterator[None]:
    """Sealed columns read and written in this block use ``keys`` (set by the store's sessions);
    ``owner``: the identity whose work the block writes (its key seals, when it is unlocked)."""
    token = _current.set((keys, owner))
    try:
        yield
    finally:
        _current.reset(token)


class _Bound:
    """The keys of the running session, bound to the session's owner for sealing."""

    def __init__(self, keys: StoreKeys, owner: str | None) -> None:
        self.keys, self.owner = keys, owner

    def seal(self, plain: bytes, column: str) -> bytes:
        return self.keys.seal(plain, column, self.owner)

    def open(self, sealed: bytes, column: str) -> bytes:
        return self.keys.open(sealed, column)


def _keys() -> _Bound:
    current = _current.get()
    if current is None:  # a session not opened through Store: never write or read sealed data blind
        return _Bound(StoreKeys(), None)
    return _Bound(*current)


def is_sealed_bytes(value: bytes) -> bool:
    return len(value) >= _HEADER + 16 and value[:4] == MAGIC


def is_sealed_text(value: str) -> bool:
    return value.startswith(TEXT_PREFIX)


def seal_text(keys: StoreKeys | _Bound, value: str, column: str) -> str:
    return TEXT_PREFIX + base64.b64encode(keys.seal(value.encode("utf-8"), column)).decode("ascii")


def open_text(keys: StoreKeys | _Bound, value: str, column: str) -> str:
    return keys.open(base64.b64decode(value[len(TEXT_PREFIX) :]), column).decode("utf-8")


class SealedText(TypeDecorator[str]):
    """A text column kept sealed (``"rvs1:" + base64``); ``column`` is bound into every value."""

    impl = Text
    cache_ok = True

    def __init__(self, column: str) -> None:
        super().__init__()
        self.column = column

    def process_bind_param(self, value: Any, dialect: Any) -> str | None:
        return None if value is None else seal_text(_keys(), str(value), self.column)

    def process_result_value(self, value: Any, dialect: Any) -> str | None:
        if value is None or not isinstance(value, str) or not is_sealed_text(value):
            return value  # written before the store was sealed (upgraded at the owner's unlock)
        return open_text(_keys(), value, self.column)


class SealedBool(TypeDecorator[bool]):
    """A yes/no kept sealed as the text ``"1"`` or ``"0"``."""

    impl = Text
    cache_ok = True

    def __init__(self, column: str) -> None:
        super().__init__()
        self.column = column

    def process_bind_param(self, value: Any, dialect: Any) -> str | None:
        return None if value is None else seal_text(_keys(), "1" if value else "0", self.column)

    def process_result_value(self, value: Any, dialect: Any) -> bool | None:
        if value is None:
            return None
        if isinstance(value, str) and is_sealed_text(value):
            return open_text(_keys(), value, self.column) == "1"
        return bool(int(value))  # a legacy Boolean column value: 0/1


class SealedBytes(TypeDecorator[bytes]):
    """A blob kept sealed."""

    impl = LargeBinary
    cache_ok = True

    def __init__(self, column: str) -> None:
        super().__init__()
        self.column = column

    def process_bind_param(self, value: Any, dialect: Any) -> bytes | None:
        return None if value is None else _keys().seal(bytes(value), self.column)

    def process_result_value(self, value: Any, dialect: Any) -> bytes | None:
        if value is None:
            return None
        data = bytes(value)
        return _keys().open(data, self.column) if is_sealed_bytes(data) else data

"""STREAM: a file encrypted as a sequence of AES-256-GCM chunks, in the manner of age.

The plaintext is cut into chunks of ``chunk_size`` bytes; the last chunk holds the remainder
(1..chunk_size bytes, or 0 bytes only when the whole plaintext is empty). Chunk *i* is sealed as

    AES-256-GCM(key, nonce = i as 11-byte big-endian || last, plaintext_i, aad = "")

with ``last`` = 0x01 for the final chunk and 0x00 otherwise, giving ``len(plaintext_i) + 16``
bytes. The counter prevents reordering and dropping chunks, the flag prevents truncation and
extension. Each stream must use its own key: :func:`derive_key` draws it from a file key and a
per-stream 16-byte nonce with HKDF-SHA256.

In the SM suite the chunks are SM4-GCM (same nonces, 16-byte tags, same chunking) under a 16-byte
key drawn with HKDF-SM3 (``derive_key(..., suite=SM)``); :func:`encrypt` and :func:`decrypt` pick
the AEAD by the key's length (32 → AES-256-GCM, 16 → SM4-GCM).

Decryption reads one chunk ahead (to know which chunk is last), so memory stays at two chunks
whatever the size, and yields each chunk only after its tag has been checked.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import BinaryIO, Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from reviewer.errors import Tampered
from reviewer.i18n import T
from reviewer.trust.suites import NIST, Suite

TAG = 16
COUNTER_BYTES = 11
STREAM_INFO = b"reviewer/1 payload"
MIN_CHUNK = 16 * 1024
MAX_CHUNK = 4 * 1024 * 1024
DEFAULT_CHUNK = 256 * 1024


def derive_key(
    file_key: bytes, stream_nonce: bytes, info: bytes = STREAM_INFO, *, suite: Suite = NIST
) -> bytes:
    """HKDF-SHA256(ikm=file_key, salt=stream_nonce (16 bytes), info="reviewer/1 payload") → 32 bytes;
    in the SM suite HKDF-SM3 → 16 bytes (an SM4 key). ``info`` separates another stream under the
    same file key (the envelope's signer certificate)."""
    if len(stream_nonce) != 16:
        raise ValueError("stream nonces are 16 bytes")
    return HKDF(
        algorithm=suite.kdf_hash(), length=suite.stream_key_bytes, salt=stream_nonce, info=info
    ).derive(file_key)


class _Aead(Protocol):
    def encrypt(self, nonce: bytes, data: bytes, associated_data: bytes | None, /) -> bytes: ...
    def decrypt(self, nonce: bytes, data: bytes, associated_data: bytes | None, /) -> bytes: ...


def _aead(key: bytes) -> _Aead:
    """AES-256-GCM for a 32-byte key, SM4-GCM for a 16-byte one (the SM suite)."""
    if len(key) == 16:
        from reviewer.trust.sm import SM4GCM  # the SM suite only: NIST readers do not load tongsuopy

        return SM4GCM(key)
    if len(key) != 32:
        raise ValueError("stream keys are 32 (AES-256-GCM) or 16 (SM4-GCM) bytes")
    return AESGCM(key)


def chunk_nonce(counter: int, last: bool) -> bytes:
    if counter >= 1 << (8 * COUNTER_BYTES):
        raise OverflowError("STREAM counter exhausted")
    return counter.to_bytes(COUNTER_BYTES, "big") + (b"\x01" if last else b"\x00")


def ciphertext_size(plain_size: int, chunk_size: int) -> int:
    chunks = max(1, -(-plain_size // chunk_size))
    return plain_size + TAG * chunks


def _check_chunk(chunk_size: int) -> None:
    if not MIN_CHUNK <= chunk_size <= MAX_CHUNK:
        raise ValueError(f"chunk size must be within {MIN_CHUNK}..{MAX_CHUNK}")


class Readable(Protocol):
    """What :func:`decrypt` reads from: a binary file, or a wrapper with its ``read``."""

    def read(self, n: int, /) -> bytes: ...


def _read_full(fh: Readable, n: int) -> bytes:
    """Read exactly ``n`` bytes unless the stream ends first (zip members may return short reads)."""
    parts = []
    while n:
        block = fh.read(n)
        if not block:
            break
        parts.append(block)
        n -= len(block)
    return b"".join(parts)


def encrypt(
    key: bytes, source: BinaryIO | Iterable[bytes], chunk_size: int = DEFAULT_CHUNK
) -> Iterator[bytes]:
    """Yield the sealed chunks of ``source`` (a binary file or an iterable of byte blocks)."""
    _check_chunk(chunk_size)
    aead = _aead(key)
    reader = _rechunk(source, chunk_size)
    current = next(reader, b"")
    counter = 0
    while True:
        following = next(reader, None)
        last = following is None
        yield aead.encrypt(chunk_nonce(counter, last), current, None)
        if following is None:  # the last chunk
            return
        current, counter = following, counter + 1


def _rechunk(source: BinaryIO | Iterable[bytes], size: int) -> Iterator[bytes]:
    if hasattr(source, "read"):
        while block := _read_full(source, size):  # type: ignore[arg-type]  # hasattr() does not narrow the union
            yield block
        return
    pending = bytearray()
    for block in source:
        pending += block
        while len(pending) >= size:
            yield bytes(pending[:size])
            del pending[:size]
    if pending:
        yield bytes(pending)


def _tampered(detail: str) -> Tampered:
    return Tampered(
        T(
            "加密内容未通过完整性校验：文件已损坏或被篡改。请勿使用，向发送方索取原件。",
            "The encrypted content failed its integrity check: the file is damaged or was tampered "
            "with. Do not use it; ask the sender for the original.",
        ),
        detail=detail,
    )


def decrypt(key: bytes, source: Readable, chunk_size: int = DEFAULT_CHUNK) -> Iterator[bytes]:
    """Yield plaintext chunks, each authenticated before it is yielded.

    Raises :class:`Tampered` on any altered, reordered, dropped, truncated or appended chunk.
    """
    _check_chunk(chunk_size)
    aead = _aead(key)
    sealed = chunk_size + TAG
    current = _read_full(source, sealed)
    counter = 0
    while True:
        if len(current) < TAG:
            raise _tampered(f"chunk {counter} shorter than a tag")
        following = _read_full(source, sealed)
        last = not following
        try:
            plain = aead.decrypt(chunk_nonce(counter, last), current, None)
        except InvalidTag as exc:
            raise _tampered(f"chunk {counter} (last={last}) failed authentication") from exc
        if not last and len(plain) != chunk_size:
            raise _tampered(f"short chunk {counter} before the end")
        if last and not plain and counter > 0:
            raise _tampered("empty final chunk after data")
        yield plain
        if last:
            return
        current, counter = following, counter + 1

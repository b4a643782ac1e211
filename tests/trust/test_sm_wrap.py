"""The SM suite through the trust layer's dispatch: signatures, private keys on disk, key wraps,
and STREAM with SM4-GCM. Each refusal is an attack that must fail."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import x25519

from reviewer.errors import Tampered, WrongPassphrase
from reviewer.packages import stream
from reviewer.trust import keys, recipients, signatures, sm, suites
from reviewer.trust.recipients import Recipient, WrappedKey

# --- signatures ------------------------------------------------------------------------------


def test_sign_bytes_dispatches_on_the_key_type() -> None:
    sm2, p256 = keys.new_sm2_key(), keys.new_signing_key()
    sig = signatures.sign_bytes(sm2, b"sheet")
    sm.sm2_verify(sm2.public_key(), b"sheet", sig)  # an SM3withSM2 signature, not ECDSA
    signatures.verify_bytes(sm2.public_key(), b"sheet", sig)
    with pytest.raises(Tampered):
        signatures.verify_bytes(sm2.public_key(), b"sheet!", sig)
    with pytest.raises(Tampered):  # an SM2 signature is no ECDSA signature, and the other way round
        signatures.verify_bytes(p256.public_key(), b"sheet", sig)
    with pytest.raises(Tampered):
        signatures.verify_bytes(sm2.public_key(), b"sheet", signatures.sign_bytes(p256, b"sheet"))
    with pytest.raises(Tampered):
        signatures.verify_bytes(keys.new_sm2_key().public_key(), b"sheet", sig)


# --- private keys on disk ----------------------------------------------------------------------


def test_sm2_key_saved_encrypted_and_loaded_back(tmp_path: Path) -> None:
    key = keys.new_sm2_key()
    path = tmp_path / "signing.key.pem"
    keys.save_private_key(path, key, "stretched")
    data = path.read_bytes()
    assert data.startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY-----")
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    loaded = keys.load_private_key(path, "stretched", label="x")
    assert sm.is_sm2_private_key(loaded)
    assert sm.sm2_public_der(loaded) == sm.sm2_public_der(key)
    with pytest.raises(WrongPassphrase):
        keys.load_private_key(path, "wrong", label="x")


def test_nist_keys_still_load_and_refuse_a_wrong_passphrase(tmp_path: Path) -> None:
    for key in (keys.new_signing_key(), keys.new_encryption_key()):
        path = tmp_path / "k.pem"
        keys.save_private_key(path, key, "stretched")
        assert type(keys.load_private_key(path, "stretched", label="x")) is type(key)
        with pytest.raises(WrongPassphrase):
            keys.load_private_key(path, "wrong", label="x")


# --- wraps -----------------------------------------------------------------------------------


def _sm_recipient() -> tuple[Recipient, object]:
    key = keys.new_sm2_key()
    return Recipient("ab" * 32, key.public_key(), "member"), key


def test_sm2_wrap_round_trip_and_shape() -> None:
    recipient, key = _sm_recipient()
    file_key = os.urandom(32)
    w = recipients.wrap(file_key, recipient, b"package-1")
    assert w.ephemeral == b"" and w.recipient == recipient.id
    assert 150 <= len(w.wrapped) <= 180  # GM/T 0009 DER of a 64-byte plaintext
    assert sm.sm2_decrypt(key, w.wrapped) == file_key + sm.sm3(b"package-1")
    assert recipients.unwrap(w, key, b"package-1") == file_key


def test_sm2_wrap_moved_to_another_artifact_is_tampered() -> None:
    recipient, key = _sm_recipient()
    w = recipients.wrap(os.urandom(32), recipient, b"package-1")
    with pytest.raises(Tampered):
        recipients.unwrap(w, key, b"package-2")


def test_sm2_wrap_changed_ciphertext_is_tampered() -> None:
    recipient, key = _sm_recipient()
    w = recipients.wrap(os.urandom(32), recipient, b"ctx")
    for at in (len(w.wrapped) - 1, len(w.wrapped) // 2, 5):
        changed = bytearray(w.wrapped)
        changed[at] ^= 1
        with pytest.raises(Tampered):
            recipients.unwrap(WrappedKey(w.recipient, b"", bytes(changed)), key, b"ctx")


def test_sm2_wrap_with_someone_elses_key_is_tampered() -> None:
    recipient, _ = _sm_recipient()
    w = recipients.wrap(os.urandom(32), recipient, b"ctx")
    with pytest.raises(Tampered):
        recipients.unwrap(w, keys.new_sm2_key(), b"ctx")
    with pytest.raises(Tampered):  # an X25519 key facing an SM2 wrap
        recipients.unwrap(w, x25519.X25519PrivateKey.generate(), b"ctx")


def test_sm2_wrap_of_a_forged_plaintext_is_tampered() -> None:
    """Whoever knows the recipient's public key can encrypt anything to it: a wrap whose plaintext
    is not 32 + 32 bytes, or whose tail is not SM3 of this context, is refused."""
    recipient, key = _sm_recipient()
    for plain in (os.urandom(32), os.urandom(32) + sm.sm3(b"other"), os.urandom(65)):
        forged = WrappedKey(recipient.id, b"", sm.sm2_encrypt(recipient.public_key, plain))
        with pytest.raises(Tampered):
            recipients.unwrap(forged, key, b"ctx")
    with pytest.raises(Tampered):  # an ephemeral key smuggled beside an SM2 wrap
        w = recipients.wrap(os.urandom(32), recipient, b"ctx")
        recipients.unwrap(WrappedKey(w.recipient, b"\0" * 32, w.wrapped), key, b"ctx")


def test_x25519_key_cannot_open_an_x25519_wrap_as_sm2() -> None:
    x = x25519.X25519PrivateKey.generate()
    w = recipients.wrap(os.urandom(32), Recipient("r", x.public_key()), b"ctx")
    assert len(w.ephemeral) == 32 and len(w.wrapped) == 48  # the NIST wrap, unchanged
    with pytest.raises(Tampered):
        recipients.unwrap(w, keys.new_sm2_key(), b"ctx")


# --- STREAM with SM4-GCM ------------------------------------------------------------------------


def test_derive_key_per_suite() -> None:
    fk, nonce = bytes(range(32)), bytes(16)
    nist = stream.derive_key(fk, nonce)
    assert nist == stream.derive_key(fk, nonce, suite=suites.NIST) and len(nist) == 32
    smk = stream.derive_key(fk, nonce, suite=suites.SM)
    assert len(smk) == 16 and smk != nist[:16]
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    assert smk == HKDF(hashes.SM3(), 16, nonce, stream.STREAM_INFO).derive(fk)


def _sealed(key: bytes, data: bytes) -> list[bytes]:
    return list(stream.encrypt(key, io.BytesIO(data), stream.MIN_CHUNK))


def _open(key: bytes, chunks: list[bytes]) -> bytes:
    return b"".join(stream.decrypt(key, io.BytesIO(b"".join(chunks)), stream.MIN_CHUNK))


def test_sm_stream_round_trip_is_sm4_gcm() -> None:
    key = stream.derive_key(os.urandom(32), os.urandom(16), suite=suites.SM)
    data = os.urandom(3 * stream.MIN_CHUNK + 100)
    chunks = _sealed(key, data)
    assert [len(c) for c in chunks] == [stream.MIN_CHUNK + 16] * 3 + [116]
    assert _open(key, chunks) == data
    first = sm.sm4_gcm_decrypt(key, stream.chunk_nonce(0, False), chunks[0])
    assert first == data[: stream.MIN_CHUNK]  # chunk 0 is plain SM4-GCM under the STREAM nonce
    assert _open(key, _sealed(key, b"")) == b""


def test_sm_stream_refuses_reorder_truncate_extend_and_change() -> None:
    key = stream.derive_key(os.urandom(32), os.urandom(16), suite=suites.SM)
    chunks = _sealed(key, os.urandom(3 * stream.MIN_CHUNK + 100))
    attacks = [
        [chunks[1], chunks[0], *chunks[2:]],  # reordered
        chunks[:-1],  # truncated at a chunk boundary
        [*chunks, chunks[-1]],  # extended
        [*chunks[:-1], chunks[-1][:-1]],  # last tag cut
    ]
    changed = bytearray(chunks[2])
    changed[7] ^= 1
    attacks.append([*chunks[:2], bytes(changed), chunks[3]])
    for attack in attacks:
        with pytest.raises(Tampered):
            _open(key, attack)
    with pytest.raises(Tampered):  # the AES key of the same length class cannot open it either
        _open(os.urandom(16), chunks)


def test_sm4gcm_class_behaves_like_aesgcm() -> None:
    from cryptography.exceptions import InvalidTag

    aead = sm.SM4GCM(bytes(16))
    sealed = aead.encrypt(bytes(12), b"abc", None)
    assert sealed == sm.sm4_gcm_encrypt(bytes(16), bytes(12), b"abc")
    assert aead.decrypt(bytes(12), sealed, None) == b"abc"
    with pytest.raises(InvalidTag):
        aead.decrypt(bytes(12), sealed, b"aad")
    with pytest.raises(ValueError):
        sm.SM4GCM(bytes(32))

"""STREAM, key wrapping, member signatures against the pinned root and the revocation list."""

from __future__ import annotations

import io
import os
from datetime import timedelta

import pytest
from cryptography.hazmat.primitives.asymmetric import x25519

from reviewer.errors import NotOnPanel, Revoked, Tampered, Untrusted
from reviewer.packages import stream
from reviewer.trust import (
    PassphraseSource,
    Recipient,
    clock,
    create_authority,
    create_identity,
    install_credential,
    load_identity,
    unwrap,
    verify_signed_by,
    wrap,
)
from reviewer.trust.identity import REQUEST
from reviewer.trust.recipients import find_wrapped

C = stream.MIN_CHUNK
KEY = bytes(range(32))


def seal_chunks(plain: bytes) -> list[bytes]:
    return list(stream.encrypt(KEY, io.BytesIO(plain), C))


@pytest.mark.parametrize("size", [0, 1, C - 1, C, C + 1, 3 * C, 3 * C + 5])
def test_stream_round_trip(size) -> None:
    plain = os.urandom(size)
    chunks = seal_chunks(plain)
    assert len(b"".join(chunks)) == stream.ciphertext_size(size, C)
    out = list(stream.decrypt(KEY, io.BytesIO(b"".join(chunks)), C))
    assert b"".join(out) == plain
    assert all(len(c) <= C for c in out)


def test_stream_from_iterable_matches_file() -> None:
    plain = os.urandom(2 * C + 10)
    blocks = [plain[i : i + 1000] for i in range(0, len(plain), 1000)]
    assert b"".join(stream.encrypt(KEY, blocks, C)) == b"".join(seal_chunks(plain))  # deterministic
    assert b"".join(stream.decrypt(KEY, io.BytesIO(b"".join(stream.encrypt(KEY, blocks, C))), C)) == plain


@pytest.mark.parametrize(
    "attack",
    [
        lambda ch: ch[:-1],  # drop the last chunk: the new last one was not sealed as last
        lambda ch: [ch[1], ch[0], *ch[2:]],  # reorder
        lambda ch: [*ch, ch[-1]],  # append
        lambda ch: [ch[0][:-1] + bytes([ch[0][-1] ^ 1]), *ch[1:]],  # flip a tag bit
        lambda ch: [*ch[:-1], ch[-1][:-3]],  # truncate inside the last chunk
    ],
)
def test_stream_attacks_are_tampered(attack) -> None:
    chunks = seal_chunks(os.urandom(3 * C + 7))
    with pytest.raises(Tampered):
        b"".join(stream.decrypt(KEY, io.BytesIO(b"".join(attack(chunks))), C))


def test_stream_wrong_key() -> None:
    data = b"".join(seal_chunks(b"hello"))
    with pytest.raises(Tampered):
        list(stream.decrypt(bytes(32), io.BytesIO(data), C))


def test_wrap_unwrap_and_context_binding() -> None:
    alice = x25519.X25519PrivateKey.generate()
    bob = x25519.X25519PrivateKey.generate()
    w = wrap(KEY, Recipient("a" * 64, alice.public_key()), b"package 1")
    assert unwrap(w, alice, b"package 1") == KEY
    with pytest.raises(Tampered):
        unwrap(w, alice, b"package 2")  # moved to another artifact
    with pytest.raises(Tampered):
        unwrap(w, bob, b"package 1")
    with pytest.raises(NotOnPanel):
        find_wrapped([w], "b" * 64)


@pytest.fixture(scope="module")
def member(tmp_path_factory):
    root = tmp_path_factory.mktemp("sig")
    src = PassphraseSource(explicit="module-passphrase")
    authority = create_authority(root / "auth", name="工业和信息化部", source=src)
    info, _ = create_identity(root / "id", name="张伟", org="南京大学", source=src)
    cred = authority.enroll((info.path / REQUEST).read_bytes(), src)
    install_credential(info.path, cred.save(root / "zhang.rvcred"))
    other = create_authority(root / "other", name="冒名机构", source=src)
    return authority, load_identity(info.path, src), cred, other, src


def test_member_signature_at_a_time_against_root_and_revocations(member) -> None:
    authority, identity, cred, other, src = member
    data = "评分表 v1".encode()
    signature = identity.sign(data)
    signed_at = clock.utcnow()
    verify_signed_by(
        data,
        signature,
        identity.certificate,
        root=identity.trust_root(),
        at=signed_at,
        revocations=authority.revocations(),
    )
    with pytest.raises(Tampered):
        verify_signed_by(
            data + b"!", signature, identity.certificate, root=identity.trust_root(), at=signed_at
        )
    with pytest.raises(Untrusted):
        verify_signed_by(data, signature, identity.certificate, root=other.root, at=signed_at)
    crl = authority.revoke(cred, "笔记本丢失", src, now=signed_at + timedelta(hours=1))
    # Signed before the revocation: still valid. Signed after it: refused.
    verify_signed_by(
        data, signature, identity.certificate, root=identity.trust_root(), at=signed_at, revocations=crl
    )
    with pytest.raises(Revoked):
        verify_signed_by(
            data,
            signature,
            identity.certificate,
            root=identity.trust_root(),
            at=signed_at + timedelta(hours=2),
            revocations=crl,
        )

"""Payload bytes read straight from the checked layout (no zipfile CRC pass) are exactly the member's,
and a changed payload byte is still refused: the signed manifest's SHA-256 and AES-GCM catch it."""

from __future__ import annotations

import io
import shutil
import zipfile

import pytest
from pkg_world import PASSPHRASE

from reviewer.errors import HostileArchive, Tampered
from reviewer.packages import open_package
from reviewer.packages.container import SafeZip, _Stored
from reviewer.packages.manifest import MIMETYPE
from reviewer.trust import PassphraseSource, load_identity
from tests.packages.test_tamper import flip, offset_of


def test_stored_bytes_are_the_members(world) -> None:
    with zipfile.ZipFile(world.small_package) as zf:
        expected = {i.filename: zf.read(i) for i in zf.infolist()}
    with SafeZip(world.small_package, MIMETYPE, "not a package") as safe:
        for name, data in expected.items():
            with safe.open_authenticated(name) as raw:
                chunks = []
                while block := raw.read(7):
                    chunks.append(block)
                assert b"".join(chunks) == data
                assert raw.read(100) == b""


def test_a_file_object_reads_like_the_path(world) -> None:
    """Bytes in memory are checked and read the same way; the caller's file stays open."""
    with zipfile.ZipFile(world.small_package) as zf:
        expected = {i.filename: zf.read(i) for i in zf.infolist()}
    fh = io.BytesIO(world.small_package.read_bytes())
    with SafeZip(fh, MIMETYPE, "not a package") as safe:
        with pytest.raises(ValueError):
            _ = safe.path  # no path to reopen: reads go through the caller's file
        assert safe.physical_order() == list(expected)
        raws = [safe.open_authenticated(name) for name in expected]
        for name, raw in zip(expected, raws, strict=True):  # interleaved: each read seeks to its place
            assert raw.read(3) == expected[name][:3]
        for name, raw in zip(expected, raws, strict=True):
            assert raw.read() == expected[name][3:]
            assert safe.read(name, len(expected[name])) == expected[name]
    assert not fh.closed


def test_a_hostile_file_object_is_refused_like_a_path(world) -> None:
    data = bytearray(world.small_package.read_bytes())
    data += b"trailing"
    with pytest.raises(HostileArchive):  # extra data at the end, as from a path
        SafeZip(io.BytesIO(bytes(data)), MIMETYPE, "not a package")


def test_a_short_file_is_an_error_not_an_end() -> None:
    with pytest.raises(EOFError):
        _Stored(io.BytesIO(b"abc"), 5).read()
    assert _Stored(io.BytesIO(b"abcdef"), 4).read() == b"abcd"


def test_a_flipped_payload_byte_is_still_refused(world, tmp_path) -> None:
    pkg = tmp_path / "p.rvpkg"
    shutil.copyfile(world.small_package, pkg)
    with zipfile.ZipFile(pkg) as zf:
        payload = next(i for i in zf.infolist() if i.filename.startswith("payload/") and i.file_size > 64)
    flip(pkg, offset_of(pkg, payload.filename) + payload.file_size // 2)
    identity = load_identity(world.identities["li"], PassphraseSource(explicit=PASSPHRASE))
    with pytest.raises(Tampered), open_package(pkg, identity) as opened:
        opened.verify_all()

"""Issue 14 §4: a package whose encrypted content was changed is never called VALID by a verifier.

``reviewer verify`` and ``reviewer package verify`` check the whole file by default: the signed
manifest and, streamed, every encrypted entry against its signed ``encrypted_sha256`` (no key needed).
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from pkg_world import cli

from reviewer.errors import Tampered
from reviewer.packages import verify_package
from reviewer.trust.credential import load_pem_cert


def _payload_offset(path: Path, member: str) -> int:
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo(member)
    return info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)


@pytest.fixture
def corrupted(world, tmp_path: Path) -> Path:
    """The small package with one byte flipped in the middle of its first encrypted entry."""
    victim = tmp_path / "corrupted.rvpkg"
    shutil.copyfile(world.small_package, victim)
    data = bytearray(victim.read_bytes())
    data[_payload_offset(victim, "payload/000001") + 100] ^= 0x01
    victim.write_bytes(bytes(data))
    return victim


def test_reviewer_verify_refuses_a_corrupted_payload(world, corrupted: Path) -> None:
    root = world.authority / "root.crt.pem"
    code, out, _ = cli("verify", corrupted, "--trust", root)
    assert code == 11, out
    assert "NOT VALID (exit 11)" in out and "Result: VALID." not in out


def test_package_verify_refuses_a_corrupted_payload(world, corrupted: Path) -> None:
    code, out, err = cli("package", "verify", corrupted, "--trust", world.authority / "root.crt.pem")
    assert code == 11, out + err
    assert "Signature: valid" not in out


def test_the_core_check_names_the_entry_and_reads_in_bounded_chunks(world, corrupted: Path) -> None:
    root = load_pem_cert((world.authority / "root.crt.pem").read_bytes(), "root")
    with pytest.raises(Tampered) as caught:
        verify_package(corrupted, root)
    assert "standard.json" in str(caught.value) or "payload" in (caught.value.detail or "")
    view = verify_package(corrupted, root, contents=False)  # the manifest alone is still intact
    assert view.contents_checked is None


def test_valid_package_says_what_was_checked(world) -> None:
    root = world.authority / "root.crt.pem"
    code, out, _ = cli("verify", world.small_package, "--trust", root)
    assert code == 0, out
    assert "every encrypted file" in out
    code, out, _ = cli("package", "verify", world.small_package, "--trust", root)
    assert code == 0, out
    assert "every encrypted file" in out


def test_checking_the_whole_file_streams_in_bounded_memory(world) -> None:
    """50 MB of content, checked a mebibyte at a time: the peak of Python allocations stays small."""
    import tracemalloc

    root = load_pem_cert((world.authority / "root.crt.pem").read_bytes(), "root")
    tracemalloc.start()
    try:
        view = verify_package(world.big_package, root)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert view.contents_checked is not None
    assert view.contents_checked.encrypted_bytes > 50 * 1024 * 1024 - 2 * 1024 * 1024
    assert peak < 8 * 1024 * 1024, peak

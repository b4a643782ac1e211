"""The one streaming atomic writer (reviewer.files.atomic_writer): write_atomic and sealing use it."""

from __future__ import annotations

import errno
import importlib
import inspect
import os
import stat
from pathlib import Path

import pytest

from reviewer.errors import DiskFull
from reviewer.files import atomic_writer, write_atomic


def test_streams_to_a_temporary_file_beside_the_target_then_renames(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "out.bin"
    with atomic_writer(target) as fh:
        fh.write(b"first ")
        fh.write(b"second")
        fh.seek(0)
        assert fh.read(5) == b"first"  # w+b: a writer may read back
        fh.seek(0, os.SEEK_END)
        temps = list(target.parent.iterdir())
        assert not target.exists() and len(temps) == 1 and temps[0].name.startswith(".out.bin.")
    assert target.read_bytes() == b"first second"
    assert list(target.parent.iterdir()) == [target]


def test_an_error_in_the_block_removes_the_temporary_and_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "out.bin"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), atomic_writer(target) as fh:
        fh.write(b"half")
        raise RuntimeError("interrupted")
    assert target.read_bytes() == b"old" and list(tmp_path.iterdir()) == [target]


def test_fsync_before_rename_and_a_full_disk_is_disk_full(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "out.bin"
    calls: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(os, "fsync", lambda fd: calls.append("fsync") or real_fsync(fd))
    monkeypatch.setattr(os, "replace", lambda a, b: calls.append("replace") or real_replace(a, b))
    with atomic_writer(target) as fh:
        fh.write(b"x")
    assert calls[:2] == ["fsync", "replace"]

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(DiskFull), atomic_writer(tmp_path / "other.bin") as fh:
        fh.write(b"y")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.bin"]


def test_mode_is_exact(tmp_path: Path) -> None:
    with atomic_writer(tmp_path / "key.pem", mode=0o600) as fh:
        fh.write(b"secret")
    assert stat.S_IMODE((tmp_path / "key.pem").stat().st_mode) == 0o600
    assert write_atomic(tmp_path / "b", b"data").read_bytes() == b"data"


def test_sealing_has_no_temp_and_rename_of_its_own() -> None:
    sealing = importlib.import_module("reviewer.packages.seal")
    source = inspect.getsource(sealing.seal)
    assert "atomic_writer(" in source
    assert "os.replace" not in source and "mkstemp" not in source

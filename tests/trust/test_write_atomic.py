"""Issue 14 (13): ``write_atomic`` never changes the process umask, creates its temporary file with the
intended mode from the first byte, and turns a full disk into :class:`DiskFull` with nothing left behind."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from reviewer.errors import DiskFull
from reviewer.files import write_atomic
from tests.trust.faults import failing


def test_no_moment_where_another_threads_file_gets_mode_0666(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another thread creating a file while write_atomic runs must get the process umask (here 077)."""
    real = os.umask
    previous = real(0o077)
    try:
        changes: list[int] = []

        def umask(mask: int) -> int:
            old = real(mask)
            changes.append(mask)
            fd = os.open(
                tmp_path / f"other-{len(changes)}", os.O_CREAT | os.O_WRONLY, 0o666
            )  # "another thread"
            os.close(fd)
            return old

        monkeypatch.setattr(os, "umask", umask)
        write_atomic(tmp_path / "report.xlsx", b"report")
        write_atomic(tmp_path / "key.pem", b"secret", mode=0o600)
        write_atomic(tmp_path / "public.crt", b"cert", mode=0o644)
        monkeypatch.setattr(os, "umask", real)
        others = {p.name: stat.S_IMODE(p.stat().st_mode) for p in tmp_path.glob("other-*")}
        assert all(mode & 0o077 == 0 for mode in others.values()), others
        assert changes == []  # no process-wide change at all
        assert stat.S_IMODE((tmp_path / "report.xlsx").stat().st_mode) == 0o600  # 0666 under umask 077
        assert stat.S_IMODE((tmp_path / "key.pem").stat().st_mode) == 0o600
        assert stat.S_IMODE((tmp_path / "public.crt").stat().st_mode) == 0o644  # an explicit mode is exact
    finally:
        real(previous)


def test_the_temporary_file_is_created_with_the_secret_mode(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    modes: list[int] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        st = os.fstat(fd)
        if stat.S_ISREG(st.st_mode):
            modes.append(stat.S_IMODE(st.st_mode))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    write_atomic(tmp_path / "key.pem", b"secret", mode=0o600)
    assert modes == [0o600]


@pytest.mark.parametrize("fail_at", [1, 2, 3])
def test_a_full_disk_leaves_the_previous_file_and_no_temporary(tmp_path: Path, fail_at: int) -> None:
    target = tmp_path / "sheet.rvsheet"
    target.write_bytes(b"the previous version")
    with failing(fail_at) as faults, pytest.raises(DiskFull) as info:
        write_atomic(target, b"x" * 100_000)
    assert faults.fired and str(target) in str(info.value)
    assert target.read_bytes() == b"the previous version"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sheet.rvsheet"]


def test_sqlite_full_and_quota_are_recognised_through_wrappers() -> None:
    import errno
    import sqlite3

    from sqlalchemy.exc import OperationalError

    from reviewer.errors import disk_full

    wrapped = OperationalError("INSERT ...", {}, sqlite3.OperationalError("database or disk is full"))
    assert isinstance(disk_full(wrapped, "store.sqlite3"), DiskFull)
    assert "store.sqlite3" in str(disk_full(wrapped, "store.sqlite3"))
    assert isinstance(disk_full(OSError(errno.EDQUOT, "quota")), DiskFull)
    try:
        try:
            raise OSError(errno.ENOSPC, "No space left on device")
        except OSError as inner:
            raise RuntimeError("a library wrapped it") from inner
    except RuntimeError as outer:
        assert isinstance(disk_full(outer), DiskFull)
    assert disk_full(OSError(errno.EACCES, "denied")) is None
    assert disk_full(ValueError("database is locked")) is None


def test_disk_full_is_still_caught_where_write_failures_are(tmp_path: Path) -> None:
    """Callers that handle a failed write with ``except OSError`` (GUI save paths) keep catching it."""
    import errno

    with failing(1) as faults, pytest.raises(OSError) as info:
        write_atomic(tmp_path / "notice.rvreturn", b"data")
    assert faults.fired and isinstance(info.value, DiskFull) and info.value.errno == errno.ENOSPC
    assert info.value.exit_code == 4

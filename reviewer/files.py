"""Writing files whole or not at all: the one place every artifact, key and report is written.

A file is written to a temporary name in the same folder, flushed and fsynced, then renamed into
place (``os.replace`` is atomic on POSIX and Windows) and the folder fsynced, so a crash or a full
disk leaves either the previous file or the new one under the final name — never half of one.

The process umask is never changed (it is shared by every thread): the temporary file is created
by ``os.open`` with the intended mode, and an explicit mode is then set exactly with ``fchmod``.
A full disk (ENOSPC, EDQUOT) becomes :class:`~reviewer.errors.DiskFull`, with the temporary file
removed and the previous file untouched.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from reviewer.errors import UsageError, disk_full
from reviewer.i18n import T

_CREATE = (
    os.O_WRONLY
    | os.O_CREAT
    | os.O_EXCL
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


def write_all(fd: int, data: bytes | memoryview) -> None:
    """``os.write`` until every byte is written (a write may be short)."""
    view = memoryview(data)
    while view:
        done = os.write(fd, view)
        view = view[done:]


def fsync_dir(folder: str | os.PathLike[str]) -> None:
    """Make a rename in ``folder`` durable (POSIX). Best effort: it comes after the rename, which it
    cannot undo, so a failure (or a platform whose folders cannot be opened) is not an error."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _temp_beside(target: Path) -> Path:
    return target.parent / f".{target.name}.{secrets.token_hex(6)}.tmp"


@contextlib.contextmanager
def atomic_writer(path: str | os.PathLike[str], *, mode: int | None = None) -> Iterator[BinaryIO]:
    """Stream a file into place: yield a binary file open on a temporary name in the same folder.

    When the ``with`` block ends normally the file is flushed, fsynced, closed and renamed to
    ``path`` (then the folder fsynced); when it raises, or the rename fails, the temporary file is
    removed and a previous ``path`` is untouched. The file is opened ``w+b`` (a writer may read
    back what it wrote). ``mode`` is as for :func:`write_atomic`; a full disk raises
    :class:`~reviewer.errors.DiskFull`. Work done inside the block after the last write (a ledger
    entry, a check that ``path`` is still free) happens before the rename.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = _temp_beside(target)
    try:
        fd = os.open(tmp, _CREATE & ~os.O_WRONLY | os.O_RDWR, 0o666 if mode is None else mode & 0o777)
    except OSError as exc:
        full = disk_full(exc, target)
        if full is None:
            raise
        raise full from exc
    try:
        with os.fdopen(fd, "w+b") as fh:
            if mode is not None:
                if hasattr(os, "fchmod"):
                    os.fchmod(fd, mode)
                else:  # pragma: no cover - Windows: only the read-only bit exists
                    os.chmod(tmp, mode)
            yield fh
            fh.flush()
            os.fsync(fd)
        os.replace(tmp, target)
        fsync_dir(target.parent)
    except BaseException as exc:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        if isinstance(exc, OSError) and (full := disk_full(exc, target)):
            raise full from exc
        raise


def write_atomic(path: str | os.PathLike[str], data: bytes, *, mode: int | None = None) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then rename it.

    The temporary file is created with ``mode`` (default: 0666 under the process umask, the usual
    permissions) from its first byte — a secret (0600) is never readable by others, even for a
    moment — and an explicit ``mode`` is set exactly, whatever the umask.
    """
    with atomic_writer(path, mode=mode) as fh:
        write_all(fh.fileno(), data)
    return Path(path)


def cannot_read(path: str | os.PathLike[str], exc: OSError) -> UsageError:
    """The typed error for a file that could not be read, said in the user's language (the system's
    own words, often English only, go to the detail)."""
    p = str(path)
    if isinstance(exc, FileNotFoundError):
        text = T("找不到文件 {p}，请检查路径。", "The file {p} does not exist; check the path.", p=p)
    elif isinstance(exc, IsADirectoryError):
        text = T("{p} 是文件夹，不是文件。", "{p} is a folder, not a file.", p=p)
    elif isinstance(exc, PermissionError):
        text = T(
            "没有读取 {p} 的权限，请检查文件的访问权限。",
            "There is no permission to read {p}; check the file's access rights.",
            p=p,
        )
    else:
        text = T(
            "无法读取文件 {p}（系统错误号 {n}），请检查该文件和磁盘。",
            "Cannot read the file {p} (system error {n}); check the file and the disk.",
            p=p,
            n=exc.errno if exc.errno is not None else "—",
        )
    return UsageError(text, detail=exc.strerror or str(exc))

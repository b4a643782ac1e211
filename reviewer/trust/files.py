"""Writing files whole or not at all, with the permissions secrets need; the authority's append-only logs.

An appended log (the authority's ``ledger.jsonl``) holds one JSON record per line, and a record
counts only once its terminating newline is on disk. A full disk or a crash during an append can
leave an unterminated *torn tail*: readers ignore it (and say so in the log), and the next append
cuts it off before writing (:func:`append_line`). An append that fails is undone at once when the
file can still be truncated.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from reviewer.errors import disk_full
from reviewer.files import write_all, write_atomic

__all__ = ["SECRET_MODE", "Appended", "append_line", "read_lines", "retract_line", "write_atomic"]

SECRET_MODE = 0o600
log = logging.getLogger(__name__)

try:  # POSIX: one appender at a time, so a torn tail is never another writer's record in progress
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX)
except ImportError:  # pragma: no cover - Windows: appends of one small line are not interleaved

    def _lock(fd: int) -> None:
        return None


def _torn_tail(fd: int, size: int) -> int:
    """The length of the unterminated last piece of the file (0 when it ends with a newline)."""
    pos = size
    while pos > 0:
        start = max(0, pos - 4096)
        os.lseek(fd, start, os.SEEK_SET)
        chunk = os.read(fd, pos - start)
        if pos == size and chunk.endswith(b"\n"):
            return 0
        nl = chunk.rfind(b"\n")
        if nl >= 0:
            return size - (start + nl + 1)
        pos = start
    return size


@dataclass(frozen=True)
class Appended:
    """Where :func:`append_line` put a line: what :func:`retract_line` needs to take it back."""

    offset: int
    data: bytes


def append_line(path: str | os.PathLike[str], line: str) -> Appended:
    """Append one line (a JSON record), fsynced, after cutting off a torn tail left by a failed append.

    Either the whole line with its newline ends up in the file, or — when the disk is full — the
    file is truncated back to what it was and :class:`~reviewer.errors.DiskFull` is raised.
    """
    data = (line.rstrip("\n") + "\n").encode("utf-8")
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags, 0o666)
    except OSError as exc:
        full = disk_full(exc, path)
        if full is None:
            raise
        raise full from exc
    try:
        _lock(fd)
        size = os.fstat(fd).st_size
        torn = _torn_tail(fd, size)
        if torn:
            os.lseek(fd, size - torn, os.SEEK_SET)
            if _whole_record(os.read(fd, torn)):  # only the newline is missing (a hand edit)
                write_all(fd, b"\n")
                size += 1
            else:
                log.warning(
                    "%s: cutting off an unfinished last record (%d bytes) before appending", path, torn
                )
                size -= torn
                os.ftruncate(fd, size)
        os.lseek(fd, size, os.SEEK_SET)
        try:
            write_all(fd, data)
            os.fsync(fd)
        except OSError:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, size)
                os.fsync(fd)
            raise
    except OSError as exc:
        full = disk_full(exc, path)
        if full is None:
            raise
        raise full from exc
    finally:
        os.close(fd)
    return Appended(size, data)


def retract_line(path: str | os.PathLike[str], appended: Appended) -> bool:
    """Take back the line just appended when the step it recorded failed; only if it is still the
    last line (nothing was appended after it). Returns whether it was taken back."""
    try:
        fd = os.open(path, os.O_RDWR | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return False
    try:
        _lock(fd)
        end = appended.offset + len(appended.data)
        if os.fstat(fd).st_size != end:
            return False
        os.lseek(fd, appended.offset, os.SEEK_SET)
        if os.read(fd, len(appended.data)) != appended.data:
            return False
        os.ftruncate(fd, appended.offset)
        os.fsync(fd)
        return True
    except OSError:
        return False
    finally:
        os.close(fd)


def _whole_record(data: bytes) -> bool:
    """Whether an unterminated last line is nevertheless one whole JSON object (newline lost)."""
    try:
        return isinstance(json.loads(data), dict)
    except (ValueError, RecursionError):
        return False


def read_lines(path: str | os.PathLike[str]) -> Iterator[tuple[int, str]]:
    """The complete lines of an appended log with their numbers (1-based); a torn tail is skipped
    with a warning (the next :func:`append_line` removes it). A last line that lacks only its
    newline (a whole JSON object) counts."""
    path = Path(path)
    if not path.exists():
        return
    data = path.read_bytes()
    pieces = data.split(b"\n")
    if pieces[-1] and _whole_record(pieces[-1]):
        pieces.append(b"")
    elif pieces[-1]:
        log.warning("%s: the last record is unfinished (%d bytes; a full disk or a crash), ignored", path,
                    len(pieces[-1]))  # fmt: skip
    for number, raw in enumerate(pieces[:-1], 1):
        if raw.strip():
            yield number, raw.decode("utf-8", "replace")

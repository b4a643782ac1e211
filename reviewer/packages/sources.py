"""What goes into a package: bytes in memory or files read from disk, and only regular files.

Materials are never a link followed, a device or FIFO read, or a file skipped; the check at
listing time is repeated when each file is opened (:func:`open_regular`), since a name can be
swapped in between.
"""

from __future__ import annotations

import contextlib
import mimetypes
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from reviewer.errors import InvalidInput, UsageError
from reviewer.i18n import T
from reviewer.trust.encoding import canonical_json
from reviewer.trust.names import MATERIAL_FIELD, check_name


@dataclass(frozen=True)
class Source:
    """One thing to put in the package: bytes in memory or a file streamed from disk."""

    name: str
    kind: str
    media_type: str
    data: bytes | None = None
    path: Path | None = None

    def size(self) -> int:
        return len(self.data) if self.data is not None else os.lstat(self.path).st_size  # type: ignore[arg-type]  # data or a path

    def blocks(self, size: int) -> Iterator[bytes]:
        if self.data is not None:
            yield self.data
            return
        with open_regular(self.path) as fh:  # type: ignore[arg-type]  # no data: a path
            while block := fh.read(size):
                yield block


# --- materials are regular files: never a link followed, a device or FIFO read, or one skipped ---
def _not_regular(path: Path) -> InvalidInput:
    return InvalidInput(
        T(
            "材料 {path} 不是普通文件（符号链接、设备、管道或套接字），不会封装，也不会跟随链接。"
            "请把真正的文件复制到材料文件夹中。",
            "The material {path} is not a regular file (a symbolic link, device, FIFO or socket); it is "
            "not sealed and a link is not followed. Copy the real file into the materials folder.",
            path=str(path),
        )
    )


def _file_type(path: Path) -> int:
    """The file's own type (``lstat``: a link is a link); UsageError when it does not exist."""
    try:
        return stat.S_IFMT(os.lstat(path).st_mode)
    except FileNotFoundError:
        raise UsageError(
            T("找不到材料 {path}。", "The material {path} does not exist.", path=str(path))
        ) from None


def regular_files(folder: Path) -> list[tuple[Path, str]]:
    """Every file under ``folder`` with its relative path, refusing anything but folders and regular files."""
    out = []
    for current, dirs, files in os.walk(folder, followlinks=False, onerror=_raise):
        for name in sorted(dirs + files):
            path = Path(current) / name
            kind = _file_type(path)
            if kind == stat.S_IFREG:
                out.append((path, path.relative_to(folder).as_posix()))
            elif kind != stat.S_IFDIR:
                raise _not_regular(path)
    return sorted(out, key=lambda item: item[0])


def _raise(exc: OSError) -> None:
    raise UsageError(
        T("无法读取材料 {path}。", "Cannot read the material {path}.", path=str(exc.filename)),
        detail=str(exc),
    ) from exc


@contextlib.contextmanager
def open_regular(path: Path) -> Iterator[BinaryIO]:
    """Open for reading without following a link or blocking on a FIFO, and only a regular file
    (the check at listing time may be stale: the name can be swapped before it is read)."""
    flags = (
        os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    )
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise _not_regular(path) from exc
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise _not_regular(path)
    with os.fdopen(fd, "rb") as fh:
        yield fh


def json_source(name: str, kind: str, value: Any) -> Source:
    return Source(name, kind, "application/json", data=canonical_json(value))


def material_sources(paths: list[Path]) -> list[Source]:
    """Files as given (by base name) and folders walked (by relative path), under ``materials/``."""
    out: dict[str, Source] = {}
    for path in paths:
        kind = _file_type(path)
        if kind == stat.S_IFDIR:
            files = regular_files(path)
        elif kind == stat.S_IFREG:
            files = [(path, path.name)]
        else:
            raise _not_regular(path)
        for file, rel in files:
            name = f"materials/{check_name(rel, MATERIAL_FIELD)}"
            if name in out:
                raise UsageError(
                    T("材料名重复：{name}", "Two materials have the same name: {name}", name=name)
                )
            media = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
            out[name] = Source(name, "material", media, path=file)
    return list(out.values())

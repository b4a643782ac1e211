"""The ZIP container of reviewer artifacts: written canonically, read with suspicion.

Writing: every member is STORED (ciphertext does not compress), with fixed header values
(date 1980-01-01 00:00, Unix ``create_system`` 3, regular file mode 0644, no comment, no extra
field except ZIP64 where sizes need it), in one contiguous run followed by the central directory
and the end record. The first member is ``mimetype`` (as in EPUB/ODF) so a reader can tell at
byte 0 whether the file is a reviewer artifact at all.

Reading (:class:`SafeZip`) refuses, before anything is read: any member that is compressed,
encrypted, a symlink or a folder; absolute, ``..`` or backslash names; duplicate names; too many
members; gaps, overlaps or trailing bytes; a comment; a central directory that disagrees with a
local header. The size of every member is known before it is read, so a caller can cap it.
"""

from __future__ import annotations

import os
import stat
import struct
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import IO, BinaryIO

from reviewer.errors import HostileArchive, NotAnArtifact, Tampered
from reviewer.i18n import T, Text
from reviewer.packages.limits import MAX_MEMBERS

FIXED_DATE = (1980, 1, 1, 0, 0, 0)
FILE_ATTR = (stat.S_IFREG | 0o644) << 16
UNIX = 3
LOCAL = struct.Struct("<4sHHHHHIIIHH")  # 30 bytes
EOCD = struct.Struct("<4sHHHHIIH")  # 22 bytes
ZIP64_LOCATOR = b"PK\x06\x07"


def _member(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
    info.compress_type = zipfile.ZIP_STORED
    info.create_system = UNIX
    info.external_attr = FILE_ATTR
    return info


class ContainerWriter:
    """Writes the members of an artifact to an open, seekable binary file."""

    def __init__(self, fh: BinaryIO, mimetype: str) -> None:
        self._zip = zipfile.ZipFile(fh, "w", compression=zipfile.ZIP_STORED, allowZip64=True)
        self.add_bytes("mimetype", mimetype.encode("ascii"))

    def add_bytes(self, name: str, data: bytes) -> None:
        self._zip.writestr(_member(name), data)

    def add_stream(self, name: str, size: int, chunks: Iterable[bytes]) -> None:
        info = _member(name)
        info.file_size = size
        written = 0
        with self._zip.open(info, "w") as dest:
            for chunk in chunks:
                dest.write(chunk)
                written += len(chunk)
        if written != size:
            raise ValueError(f"{name}: wrote {written} bytes, announced {size}")

    def close(self) -> None:
        self._zip.close()


def _hostile(zh: str, en: str, **args: object) -> HostileArchive:
    return HostileArchive(
        T(
            zh + "。该文件可能是恶意构造的，请勿打开，并通知工业和信息化部。",
            en + ". The file may be crafted to attack; do not open it, and tell the ministry.",
            **args,
        )
    )


def _tampered(detail: str) -> Tampered:
    return Tampered(
        T(
            "文件结构已损坏（被截断或改动过）。请勿使用，向发送方索取原件。",
            "The file's structure is damaged (truncated or altered). Do not use it; ask the sender "
            "for the original.",
        ),
        detail=detail,
    )


def check_name(name: str) -> None:
    bad = (
        not name
        or name.startswith(("/", "\\"))
        or "\\" in name
        or (len(name) > 1 and name[1] == ":")
        or any(part in ("", ".", "..") for part in name.split("/"))
        or any(ord(c) < 32 for c in name)
    )
    if bad:
        raise _hostile(
            "归档中有不安全的条目名“{name}”", "The archive has an unsafe member name “{name}”", name=name
        )


def check_magic(fh: BinaryIO, mimetype: str, not_artifact: Text) -> None:
    """The artifact's magic: a ZIP whose first member is ``mimetype``, stored, holding ``mimetype``
    (read from ``fh``'s current position); :class:`NotAnArtifact` with ``not_artifact`` otherwise."""
    expected = mimetype.encode("ascii")
    head = fh.read(LOCAL.size + len("mimetype") + len(expected))
    if len(head) < LOCAL.size or head[:4] != b"PK\x03\x04":
        raise NotAnArtifact(not_artifact)
    n, m = LOCAL.unpack(head[: LOCAL.size])[9:11]
    start = LOCAL.size
    if (
        head[start : start + n] != b"mimetype"
        or m != 0
        or head[start + n : start + n + len(expected)] != expected
    ):
        raise NotAnArtifact(not_artifact)


def check_header(path: str | os.PathLike[str], mimetype: str, not_artifact: Text) -> None:
    """A cheap first look at the file at ``path``: its first bytes only (see :func:`check_magic`)."""
    with open(path, "rb") as fh:
        check_magic(fh, mimetype, not_artifact)


class SafeZip:
    """A ZIP opened only after its whole structure has been checked.

    ``source`` is a path, or an open, seekable binary file (``io.BytesIO`` for bytes in memory),
    which stays the caller's to close (as with :class:`zipfile.ZipFile`)."""

    def __init__(self, source: str | os.PathLike[str] | BinaryIO, mimetype: str, not_artifact: Text) -> None:
        if isinstance(source, (str, os.PathLike)):
            self._path: Path | None = Path(source)
            self._fh: BinaryIO = open(self._path, "rb")  # noqa: SIM115 - closed by close()
        else:
            self._path = None
            self._fh = source
            self._fh.seek(0)
        self._owned = self._path is not None
        try:
            self._check_magic(mimetype, not_artifact)
            try:
                self._zip = zipfile.ZipFile(self._fh)
            # NotImplementedError: zipfile's answer to an unknown "version needed" (found by atheris)
            except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError,
                    NotImplementedError) as exc:  # fmt: skip
                raise _tampered(str(exc)) from exc
            self._data: dict[str, int] = {}  # member → offset of its stored bytes (from _check_layout)
            self.members = self._check_structure()
        except BaseException:
            self._release()
            raise

    @property
    def path(self) -> Path:
        """The file's path; a ZIP read from a file object has none (ValueError)."""
        if self._path is None:
            raise ValueError("this archive was opened from a file object, not a path")
        return self._path

    def _check_magic(self, mimetype: str, not_artifact: Text) -> None:
        check_magic(self._fh, mimetype, not_artifact)

    def _check_structure(self) -> dict[str, zipfile.ZipInfo]:
        infos = self._zip.infolist()
        if len(infos) > MAX_MEMBERS:
            raise _hostile("归档条目过多（{n} 个）", "The archive has too many members ({n})", n=len(infos))
        if self._zip.comment:
            raise _hostile("归档带有注释", "The archive carries a comment")
        members: dict[str, zipfile.ZipInfo] = {}
        for info in infos:
            check_name(info.filename)
            if info.filename in members:
                raise _hostile(
                    "归档中有重名条目“{name}”",
                    "The archive has duplicate members “{name}”",
                    name=info.filename,
                )
            mode = info.external_attr >> 16
            if stat.S_ISLNK(mode) or info.is_dir() or (mode and not stat.S_ISREG(mode)):
                raise _hostile(
                    "归档中有链接或目录条目“{name}”",
                    "The archive has a link or folder member “{name}”",
                    name=info.filename,
                )
            if info.compress_type != zipfile.ZIP_STORED or info.compress_size != info.file_size:
                raise _hostile(
                    "条目“{name}”被压缩（可能是压缩炸弹）",
                    "The member “{name}” is compressed (a possible decompression bomb)",
                    name=info.filename,
                )
            if info.flag_bits & 0x1:
                raise _hostile(
                    "条目“{name}”使用了 ZIP 加密",
                    "The member “{name}” uses ZIP encryption",
                    name=info.filename,
                )
            canonical = (
                info.date_time == FIXED_DATE
                and info.create_system == UNIX
                and info.external_attr == FILE_ATTR
                and info.flag_bits == 0
                and info.volume == 0
                and info.reserved == 0
                and info.internal_attr == 0
                and not info.comment
                and info.create_version in (20, 45)
                and info.extract_version in (20, 45)
                and _only_zip64(info.extra)
            )
            if not canonical:
                raise _tampered(f"non-canonical central header for {info.filename!r}")
            members[info.filename] = info
        self._check_layout(infos)
        if not infos or infos[0].filename != "mimetype" or infos[0].header_offset != 0:
            raise _tampered("mimetype is not the first member")
        return members

    def _check_layout(self, infos: list[zipfile.ZipInfo]) -> None:
        """Members back to back from offset 0, then the central directory, then the end record."""
        position = 0
        for info in sorted(infos, key=lambda i: i.header_offset):
            if info.header_offset != position:
                raise _hostile("归档中有重叠或隐藏的数据", "The archive has overlapping or hidden data")
            self._fh.seek(info.header_offset)
            raw = self._fh.read(LOCAL.size)
            if len(raw) != LOCAL.size:
                raise _tampered("truncated local header")
            sig, ver, flags, method, mtime, mdate, crc, csize, usize, n, m = LOCAL.unpack(raw)
            name = self._fh.read(n)
            extra = self._fh.read(m)
            if (
                sig != b"PK\x03\x04"
                or name != info.filename.encode("ascii", "replace")
                or flags != info.flag_bits
                or method != info.compress_type
                or (mtime, mdate) != (0, 0x21)
                or crc != info.CRC
                or ver not in (20, 45)
                or not _only_zip64(extra)
                or (m == 0 and (csize, usize) != (info.compress_size, info.file_size))
            ):
                raise _tampered(f"local header of {info.filename!r} disagrees with the central directory")
            self._data[info.filename] = info.header_offset + LOCAL.size + n + m
            position = self._data[info.filename] + info.compress_size
        size = self._fh.seek(0, os.SEEK_END)
        self._fh.seek(size - EOCD.size)
        eocd = self._fh.read(EOCD.size)
        if len(eocd) != EOCD.size or eocd[:4] != b"PK\x05\x06" or EOCD.unpack(eocd)[7] != 0:
            raise _hostile("归档末尾有多余数据", "The archive has extra data at its end")
        self._fh.seek(max(0, size - EOCD.size - 20))
        zip64 = self._fh.read(4) == ZIP64_LOCATOR
        if self._zip.start_dir != position or (not zip64 and EOCD.unpack(eocd)[6] != position):
            raise _hostile("归档中有重叠或隐藏的数据", "The archive has overlapping or hidden data")
        if not zip64:
            self._check_directory(position, size - EOCD.size, EOCD.unpack(eocd), len(infos))

    def _check_directory(self, start: int, end: int, eocd: tuple, count: int) -> None:
        """The central directory's own lengths and the end record's counts add up exactly
        (``zipfile`` reads a short last entry or a wrong count without complaint)."""
        self._fh.seek(start)
        directory = self._fh.read(end - start)
        position, entries = 0, 0
        while position < len(directory):
            if directory[position : position + 4] != b"PK\x01\x02" or position + 46 > len(directory):
                raise _tampered("central directory entry lengths do not add up")
            n, m, k = struct.unpack_from("<HHH", directory, position + 28)
            position += 46 + n + m + k
            entries += 1
        _sig, disk, disk_cd, on_disk, total, cd_size, _offset, _comment = eocd
        expected = (0, 0, count, count, len(directory), count)
        if position != len(directory) or (disk, disk_cd, on_disk, total, cd_size, entries) != expected:
            raise _tampered("end of central directory record disagrees with the directory")

    def physical_order(self) -> list[str]:
        """The member names in the order their bytes lie in the file."""
        return [i.filename for i in sorted(self.members.values(), key=lambda i: i.header_offset)]

    def size(self, name: str) -> int:
        return self.members[name].file_size

    def read(self, name: str, limit: int) -> bytes:
        """The whole member, refused when larger than ``limit`` (checked before reading)."""
        if self.members[name].file_size > limit:
            raise _hostile(
                "条目“{name}”超出允许的大小", "The member “{name}” is larger than allowed", name=name
            )
        try:
            with self.open(name) as fh:
                return fh.read()
        except (zipfile.BadZipFile, EOFError, OSError, NotImplementedError) as exc:
            raise _tampered(f"{name}: {exc}") from exc

    def open(self, name: str) -> IO[bytes]:
        try:
            return self._zip.open(self.members[name])
        except (zipfile.BadZipFile, OSError, NotImplementedError) as exc:
            raise _tampered(str(exc)) from exc

    def open_authenticated(self, name: str) -> _Stored:
        """The stored bytes of ``name``, read directly, without ``zipfile``'s CRC-32 pass.

        Only for content the caller authenticates itself, every byte (a package's payload: the
        SHA-256 of the ciphertext against the signed manifest, and each chunk's AES-GCM tag); the
        CRC would add a third pass over the data and no protection (benchmarks: ~25 % of opening).
        Its own handle, so reads never move the shared one; the layout was checked on opening.
        A file object has no second handle: each read then seeks the shared one to its place.
        """
        if self._path is None:
            return _Stored(self._fh, self.members[name].compress_size, start=self._data[name], owned=False)
        fh = open(self._path, "rb")  # noqa: SIM115 - closed by the caller (a context manager)
        fh.seek(self._data[name])
        return _Stored(fh, self.members[name].compress_size)

    def _release(self) -> None:
        if self._owned:
            self._fh.close()

    def close(self) -> None:
        self._zip.close() if hasattr(self, "_zip") else None
        self._release()

    def __enter__(self) -> SafeZip:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _only_zip64(extra: bytes) -> bool:
    """Empty, or exactly one ZIP64 extended-information field (header id 0x0001)."""
    if not extra:
        return True
    if len(extra) < 4:
        return False
    tag, length = struct.unpack("<HH", extra[:4])
    return tag == 0x0001 and len(extra) == 4 + length


class _Stored:
    """``size`` bytes of ``fh`` from its current position (or from ``start``, seeking there before
    every read when the handle is shared); a short file is an error, not an EOF."""

    def __init__(self, fh: BinaryIO, size: int, *, start: int | None = None, owned: bool = True) -> None:
        self._fh, self._left, self._at, self._owned = fh, size, start, owned

    def read(self, n: int = -1) -> bytes:
        n = self._left if n < 0 else min(n, self._left)
        if self._at is not None:
            self._fh.seek(self._at)
            self._at += n
        data = self._fh.read(n)
        if len(data) != n:
            raise EOFError("the archive ends inside a member")
        self._left -= n
        return data

    def close(self) -> None:
        if self._owned:
            self._fh.close()

    def __enter__(self) -> _Stored:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

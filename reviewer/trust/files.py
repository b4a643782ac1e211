"""Writing files whole or not at all, with the permissions secrets need."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

SECRET_MODE = 0o600
PUBLIC_MODE = 0o644


def write_atomic(path: str | os.PathLike[str], data: bytes, *, mode: int = PUBLIC_MODE) -> Path:
    """Write ``data`` to a temporary file in the same folder, fsync it, then rename it into place.

    ``mkstemp`` creates the temporary file readable by its owner only, so a secret is never
    readable by others even for a moment; ``mode`` is applied before the rename.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    return target


def append_line(path: str | os.PathLike[str], line: str) -> None:
    """Append one line (a JSON record) in a single write and fsync it."""
    data = (line.rstrip("\n") + "\n").encode("utf-8")
    with open(path, "ab") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())

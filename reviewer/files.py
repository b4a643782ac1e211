"""Writing files whole or not at all: the one place every artifact, key and report is written.

A file is written to a temporary name in the same folder, flushed and fsynced, then renamed into
place (``os.replace`` is atomic on POSIX and Windows), so a crash or a full disk leaves either the
previous file or the new one under the final name — never half of one.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def _default_mode() -> int:
    current = os.umask(0)
    os.umask(current)
    return 0o666 & ~current


def write_atomic(path: str | os.PathLike[str], data: bytes, *, mode: int | None = None) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then rename it.

    ``mkstemp`` creates the temporary file readable by its owner only, so a secret is never
    readable by others even for a moment; ``mode`` (default: the usual permissions under the
    process umask) is applied before the rename.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, _default_mode() if mode is None else mode)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    return target

"""Writing files whole or not at all, with the permissions secrets need."""

from __future__ import annotations

import os

from reviewer.files import write_atomic

__all__ = ["SECRET_MODE", "append_line", "write_atomic"]

SECRET_MODE = 0o600


def append_line(path: str | os.PathLike[str], line: str) -> None:
    """Append one line (a JSON record) in a single write and fsync it."""
    data = (line.rstrip("\n") + "\n").encode("utf-8")
    with open(path, "ab") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())

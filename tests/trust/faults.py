"""A fault-injection hook for the write path: the n-th call of os.write / os.fsync / os.replace fails.

``os.write`` fails half-way (half of the bytes reach the file, then ENOSPC), as a full disk does;
``os.fsync`` and ``os.replace`` fail whole. Calls are counted only while the context is active.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Iterator

import pytest

HOOKED = ("write", "fsync", "replace")


class Faults:
    def __init__(self, fail_at: int | None, names: tuple[str, ...] = HOOKED) -> None:
        self.fail_at = fail_at
        self.names = names
        self.calls = 0
        self.fired = False

    def _hook(self, name: str, real):
        def call(*args, **kwargs):
            self.calls += 1
            if self.calls == self.fail_at:
                self.fired = True
                if name == "write":
                    fd, data = args
                    real(fd, bytes(data)[: max(1, len(data) // 2)])
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            return real(*args, **kwargs)

        return call


@contextlib.contextmanager
def failing(fail_at: int | None, names: tuple[str, ...] = HOOKED) -> Iterator[Faults]:
    faults = Faults(fail_at, names)
    with pytest.MonkeyPatch.context() as mp:
        for name in names:
            mp.setattr(os, name, faults._hook(name, getattr(os, name)))
        yield faults

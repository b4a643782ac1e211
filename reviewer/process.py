"""Process-wide settings, made only where a process starts: never inside a library function.

The cycle collector's thresholds belong to the whole process (every thread, the GUI's included), so
the library leaves them alone and the entry points that know what the process is for choose them:
``reviewer ministry import`` (the CLI command), the desktop app's event loop, and each import worker
process (:func:`reviewer.ministry.importer` starts them).

Why: checking a bundle leaves ~10^4 objects in reference cycles (pyHanko's PDF readers). At Python's
default the cycle collector runs every 700 new objects, mostly while a file's objects are still in
use, and its full passes walk the whole heap: ~10 % of an import. With :data:`GC_THRESHOLD` it runs
every 10,000 new objects; the importer still collects once after each file, when that file's
objects have just become garbage (which keeps the peak memory where it was).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

GC_THRESHOLD = 10_000


def tune_gc(threshold: int = GC_THRESHOLD) -> tuple[int, int, int]:
    """Raise the collector's first threshold to ``threshold`` (never lower it); the previous ones.

    For the entry of a process that lives only for this work (an import worker); elsewhere use
    :func:`tuned_gc`, which puts them back."""
    before = gc.get_threshold()
    gc.set_threshold(max(before[0], threshold), *before[1:])
    return before


@contextmanager
def tuned_gc(threshold: int = GC_THRESHOLD) -> Iterator[None]:
    """The collector's first threshold at least ``threshold`` inside the block, then as it was."""
    before = tune_gc(threshold)
    try:
        yield
    finally:
        gc.set_threshold(*before)

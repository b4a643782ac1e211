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


def keep_loaded() -> None:
    """What the process holds now lives as long as it: move it out of the collector's full passes.

    For the moments after a load (the window built, a package opened, the record's stack imported,
    the ministry desk opened). A full pass of the cycle collector walks every object that is not
    frozen, ~10^5–10^6 of them once the app has loaded its stack, and holds the interpreter
    throughout: 0.1–0.12 s in which no thread runs, the GUI's included, whichever thread's
    allocation set it off (benchmark 10, journeys f, g and h, docs/performance.md). ``gc.freeze``
    moves every object alive now into a generation the collector never walks, so a full pass walks
    only what was made since. Reference counting still frees a frozen object; only cyclic garbage
    alive at this moment is kept (an opened package's, once it is closed: bounded by the packages
    opened in one session), so call it after a load, never in the midst of work.
    """
    gc.freeze()

"""A process's peak memory, with nothing imported but the standard library (the bare-window child
imports this and PySide6 only)."""

from __future__ import annotations

import sys
from pathlib import Path


def peak_rss() -> int:
    """This process's peak resident set size in bytes (``VmHWM``; ``ru_maxrss`` where /proc is absent)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    import resource

    scale = 1 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale

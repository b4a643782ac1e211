"""A 5 ms heartbeat on the GUI thread, and a watchdog that says what the GUI thread was doing when it
stalled.

:class:`Heartbeat` starts a ``QTimer`` firing every 5 ms on the GUI thread and notes the time of each
tick. While the GUI thread is busy (a slot, a synchronous call made by the driver, an import) the timer
cannot fire, so the gap between two ticks is how long the window was frozen; the *stall* is that gap
less the 5 ms the timer waits anyway. Gaps are filed under the current *phase* (a label the driver sets
with :meth:`Heartbeat.phase`), so the report names the step of a journey that froze the window.

The watchdog is a plain thread: every few milliseconds it looks at the time since the last tick, and
while that exceeds ``sample_after`` (50 ms) it takes the GUI thread's stack
(``sys._current_frames()``) and keeps its innermost frames of the app (``reviewer/``) and the innermost
frame of all. Each stall over ``sample_after`` is then reported with the frames seen most often while
it lasted: the call on the GUI thread that froze the window.
"""

from __future__ import annotations

import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.harness import percentile

PERIOD_MS = 5
APP = str(Path(__file__).resolve().parent.parent / "reviewer")


def _where(frame) -> str:
    code = frame.f_code
    path = code.co_filename
    for marker in ("/reviewer/", "/site-packages/", "/lib/python"):
        if marker in path:
            path = path.split(marker, 1)[1]
            break
    return f"{path}:{frame.f_lineno} {code.co_name}"


BENCH = str(Path(__file__).resolve().parent)
IN_QT = "[in Qt's C++: events, layout, painting, or waiting for the GIL]"


def app_frames(frame, depth: int) -> list[str]:
    mine: list[str] = []
    f = frame
    while f is not None and len(mine) < depth:
        if f.f_code.co_filename.startswith(APP):
            mine.append("reviewer/" + _where(f))
        f = f.f_back
    return mine


def stack_summary(frame, depth: int = 3, others: dict | None = None) -> tuple[str, ...]:
    """The innermost ``depth`` frames of the app (``reviewer/``) in ``frame``'s stack, innermost first,
    after the innermost frame of all when it is outside the app (the library or import that holds the
    thread). When the GUI thread is in none of the app's code but in Qt's (the driver's frame is the
    innermost Python one), the app frames of the other threads (``others``: thread id → frame) follow:
    a worker holding the GIL also freezes the window."""
    if frame is not None and frame.f_code.co_filename.startswith(BENCH):
        busy = [f"[worker] {app_frames(f, 1)[0]}" for f in (others or {}).values() if app_frames(f, 1)]
        return (IN_QT, *sorted(busy))
    mine = app_frames(frame, depth)
    innermost = _where(frame) if frame is not None else "?"
    if frame is not None and frame.f_back is not None and not frame.f_code.co_filename.startswith(APP):
        innermost += f" ← {_where(frame.f_back)}"  # its caller too: who opened the file, took the lock
    inner = () if mine and innermost.endswith(mine[0][len("reviewer/") :]) else (f"[in] {innermost}",)
    return (*inner, *mine)


@dataclass
class Stall:
    phase: str
    gap: float  # seconds between the two ticks
    samples: Counter = field(default_factory=Counter)  # stack summary → times seen

    @property
    def stall(self) -> float:
        return max(0.0, self.gap - PERIOD_MS / 1000)

    def top(self, n: int = 2) -> list[tuple[tuple[str, ...], int]]:
        return self.samples.most_common(n)


class Heartbeat:
    """Ticks every 5 ms on the GUI thread; gaps per phase; stacks of the stalls over ``sample_after``."""

    def __init__(self, sample_after: float = 0.05, interval: float = 0.01) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.sample_after, self.interval = sample_after, interval
        self.gaps: dict[str, list[float]] = {}
        self.stalls: list[Stall] = []  # every gap over sample_after, in order
        self._phase = "start"
        self._last = time.perf_counter()
        self._pending: Counter = Counter()  # samples of the stall in progress
        self._lock = threading.Lock()
        self._main = threading.main_thread().ident
        self._stop = threading.Event()
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(PERIOD_MS)
        self._timer.timeout.connect(self._tick)
        self._watch = threading.Thread(target=self._watchdog, name="heartbeat-watchdog", daemon=True)

    def start(self) -> Heartbeat:
        self._last = time.perf_counter()
        self._timer.start()
        self._watch.start()
        return self

    def stop(self) -> None:
        self._tick()
        self._timer.stop()
        self._stop.set()
        self._watch.join()

    def phase(self, label: str) -> None:
        """From now on gaps count for ``label`` (a gap spanning the change counts for the new phase,
        which is the one whose first call froze the window)."""
        self._phase = label
        self.gaps.setdefault(label, [])

    def skip(self) -> None:
        """Forget the gap in progress: the driver has just made a synchronous call that is not the
        event loop's (building the window before it is shown: start-up, benchmark 2's business)."""
        with self._lock:
            self._last, self._pending = time.perf_counter(), Counter()

    def _tick(self) -> None:
        now = time.perf_counter()
        with self._lock:
            gap, self._last = now - self._last, now
            samples, self._pending = self._pending, Counter()
        self.gaps.setdefault(self._phase, []).append(gap)
        if gap > self.sample_after:
            self.stalls.append(Stall(self._phase, gap, samples))

    def _watchdog(self) -> None:
        while not self._stop.wait(self.interval):
            with self._lock:
                late = time.perf_counter() - self._last > self.sample_after
            if late:
                frames = sys._current_frames()
                frame = frames.pop(self._main, None)
                frames.pop(threading.get_ident(), None)
                summary = stack_summary(frame, others=frames)
                with self._lock:
                    if time.perf_counter() - self._last > self.sample_after:
                        self._pending[summary] += 1

    # --- the figures ---------------------------------------------------------------------------

    def longest(self, phases: list[str] | None = None) -> tuple[float, str]:
        """The longest stall (seconds, gap less the period) and the phase it happened in."""
        best, where = 0.0, ""
        for label, gaps in self.gaps.items():
            if phases is not None and label not in phases:
                continue
            if gaps and max(gaps) - PERIOD_MS / 1000 > best:
                best, where = max(gaps) - PERIOD_MS / 1000, label
        return max(best, 0.0), where

    def p99(self, phases: list[str] | None = None) -> float:
        gaps = [g for label, gs in self.gaps.items() if phases is None or label in phases for g in gs]
        return percentile(gaps, 99) if gaps else 0.0

    def worst_stalls(self, n: int = 3, phases: list[str] | None = None) -> list[Stall]:
        chosen = [s for s in self.stalls if phases is None or s.phase in phases]
        return sorted(chosen, key=lambda s: s.gap, reverse=True)[:n]


def wait_until(condition, timeout: float = 120.0, what: str = "") -> None:
    """Turn the event loop (the heartbeat ticks meanwhile) until ``condition()`` holds."""
    from PySide6.QtCore import QCoreApplication, QEventLoop, QThread

    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError(f"waited {timeout:.0f} s for {what or condition}")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        QThread.msleep(1)


def settle(seconds: float = 0.1) -> None:
    """Turn the event loop for ``seconds`` (what follows a step: repaints, queued slots)."""
    end = time.perf_counter() + seconds
    wait_until(lambda: time.perf_counter() >= end, timeout=seconds + 60)

"""Start a process that reports its progress, SIGKILL it at a random moment, return what it printed.

The protocol every killed process here follows: it prints ``ready N`` once it is set up, then one
number per unit of work *after* that work returned (a save, an export round), flushing each line.

The kill moment follows the process's reported *progress*, not the wall clock: a share ``early`` of
the kills come at a random time from the start (perhaps while it imports, opens or migrates); the
others wait until it has reported 1–``most`` units of this run and then sleep a random fraction
(0–1.5) of the observed time per unit, so they land before, during or after a write however slow
the machine is. (Timing by the wall clock alone made the store-level test fail under heavy parallel
load: every kill came before the first save, although every durability check held.)
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
READY_TIMEOUT = 180.0  # starting Python (and Qt) on a loaded CI machine can take long
WORK_TIMEOUT = 120.0


def run_and_kill(
    argv: list[str],
    rng: random.Random,
    *,
    early: float = 0.0,
    most: int = 4,
    env: dict[str, str] | None = None,
) -> list[str]:
    proc = subprocess.Popen(
        [sys.executable, *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=REPO,
    )
    lines: list[str] = []
    progress = threading.Condition()

    def read() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            with progress:
                lines.append(line.strip())
                progress.notify_all()
        with progress:
            progress.notify_all()

    def wait_for(predicate, timeout: float, what: str) -> None:  # type: ignore[no-untyped-def]
        with progress:
            if not progress.wait_for(lambda: predicate() or proc.poll() is not None, timeout=timeout):
                proc.kill()
                pytest.fail(f"{argv[0]} {what} within {timeout:.0f} s")

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    if rng.random() < early:
        time.sleep(rng.uniform(0.0, 0.6))
    else:
        wanted = rng.randint(1, most)
        wait_for(lambda: any(x.startswith("ready") for x in lines), READY_TIMEOUT, "never got ready")
        started = time.monotonic()
        wait_for(lambda: sum(x.isdigit() for x in lines) >= wanted, WORK_TIMEOUT, "did no work")
        time.sleep(rng.uniform(0.0, 1.5) * (time.monotonic() - started) / wanted)
    if proc.poll() is not None:  # it must not have died by itself
        pytest.fail(f"{argv[0]} exited with {proc.returncode}: {proc.stderr.read() if proc.stderr else ''}")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=60)
    reader.join(timeout=60)
    assert not reader.is_alive(), "the output was not read to the end"
    assert proc.returncode == -signal.SIGKILL
    return lines

"""Kill -9 a real process in the middle of scoring, again and again: nothing it saved may be lost.

A separate Python process (:mod:`tests.crash.scorer`) opens a store in a temporary data folder and
saves scores in a loop, printing each save's number after ``set_score`` returned. The test SIGKILLs
it at random (seeded) moments — some while it is still starting or migrating, most mid-loop — and
after each kill checks, on the files left behind:

* ``PRAGMA integrity_check`` is ``ok``;
* every save whose return was reported is there, and at most the one save in flight beyond it;
* each of those saves has its audit entry (old and new value), in order, and the ``scores`` table
  holds exactly the last value of every indicator.

``REVIEWER_CRASH_KILLS`` sets the number of kills (default 30; the issue's long run is 200:
``REVIEWER_CRASH_KILLS=200 pytest tests/crash/test_kill_while_scoring.py``, a few minutes) and
``REVIEWER_CRASH_SEED`` the random seed. The kill moments follow the scorer's progress (see
:func:`run_and_kill`), so the test holds on a loaded machine.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from reviewer.standards import load_standard
from tests.crash.scorer import FINGERPRINT, PACKAGE_ID, leaf_plan, plan

SCORER = Path(__file__).with_name("scorer.py")
KILLS = int(os.environ.get("REVIEWER_CRASH_KILLS", "30"))
SEED = int(os.environ.get("REVIEWER_CRASH_SEED", "20261128"))

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")


READY_TIMEOUT = 180.0  # starting Python and migrating can take long on a loaded CI machine
SAVE_TIMEOUT = 120.0


def run_and_kill(data_dir: Path, standard: Path, rng: random.Random) -> list[str]:
    """Start the scorer, kill it at a random moment, return every line it printed.

    The moment is chosen against the scorer's *progress*, not the wall clock: 15 % of the kills come
    at a random time from the start (perhaps while it imports, opens or migrates); the others wait
    until it has reported 1–4 saves of this run and then a random fraction of a save's duration
    more, so they land mid-loop — before, during or after a commit — however slow the machine is.
    (A wall-clock delay made the "most kills land mid-loop" check fail on a heavily loaded machine:
    every save was still there, the kills had just all come before the first save.)
    """
    proc = subprocess.Popen(
        [sys.executable, str(SCORER), str(data_dir), str(standard)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
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
                pytest.fail(f"the scorer {what} within {timeout:.0f} s")

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    if rng.random() < 0.15:
        time.sleep(rng.uniform(0.0, 0.6))
    else:
        wanted = rng.randint(1, 4)
        wait_for(lambda: any(x.startswith("ready") for x in lines), READY_TIMEOUT, "never got ready")
        started = time.monotonic()
        wait_for(lambda: sum(x.isdigit() for x in lines) >= wanted, SAVE_TIMEOUT, "saved nothing")
        per_save = (time.monotonic() - started) / wanted
        time.sleep(rng.uniform(0.0, 1.5) * per_save)
    if proc.poll() is not None:  # it must not have died by itself
        pytest.fail(f"the scorer exited with {proc.returncode}: {proc.stderr.read() if proc.stderr else ''}")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=60)
    reader.join(timeout=60)
    assert not reader.is_alive(), "the scorer's output was not read to the end"
    assert proc.returncode == -signal.SIGKILL
    return lines


def check_store(db: Path, leaves: list, reported: int | None, before: int) -> int:
    """Check the store left by a kill; return how many saves it holds."""
    if not db.exists():  # killed before the database was even created
        assert reported is None and before == 0
        return 0
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "audit_log" not in tables:  # killed before the migration committed: all or nothing
            assert reported is None and before == 0
            return 0
        review = conn.execute(
            "SELECT id FROM reviews WHERE package_id = ? AND member_fingerprint = ?",
            (PACKAGE_ID, FINGERPRINT),
        ).fetchone()
        if review is None:
            assert reported is None and before == 0
            return 0
        audit = conn.execute(
            "SELECT key, old_value, new_value FROM audit_log "
            "WHERE review_id = ? AND entity = 'score' AND action = 'set' ORDER BY id",
            review,
        ).fetchall()
        saved = len(audit)
        # Every reported save is there; at most the one in flight when the kill came is there too.
        floor = before if reported is None else reported + 1
        assert floor <= saved <= floor + 1, (before, reported, saved)
        last: dict[str, str] = {}
        for i, (key, old, new) in enumerate(audit):
            code, value = plan(leaves, i)
            assert (key, json.loads(new)) == (code, value), i
            assert (None if old is None else json.loads(old)) == last.get(code), i
            last[code] = value
        stored = dict(conn.execute("SELECT code, value FROM scores WHERE review_id = ?", review).fetchall())
        assert stored == last
        return saved
    finally:
        conn.close()


@pytest.mark.slow
def test_every_returned_save_survives_sigkill(tmp_path: Path, park_standard_path: Path):
    rng = random.Random(SEED)
    leaves = leaf_plan(load_standard(park_standard_path))
    data_dir = tmp_path / "data"
    db = data_dir / "reviewer.sqlite3"
    saved = 0
    mid_loop_kills = 0
    for kill in range(KILLS):
        lines = run_and_kill(data_dir, park_standard_path, rng)
        numbers = [int(x) for x in lines if x.isdigit()]
        readies = [x for x in lines if x.startswith("ready")]
        if readies:
            assert readies == [f"ready {saved}"], (kill, lines)  # it resumed where the last run ended
        reported = numbers[-1] if numbers else None
        if numbers:
            assert numbers == list(range(saved, reported + 1))
            mid_loop_kills += 1
        saved = check_store(db, leaves, reported, saved)
    assert mid_loop_kills >= KILLS // 2  # most kills landed while scores were being saved
    assert saved > KILLS  # and real work was done between them

"""Kill -9 a real process in the middle of scoring, again and again: nothing it saved may be lost.

A separate Python process (:mod:`tests.crash.scorer`) opens a store in a temporary data folder and
saves scores in a loop, printing each save's number after ``set_score`` returned. The test SIGKILLs
it at random (seeded) moments — some while it is still starting or migrating, most mid-loop — and
after each kill checks, on the files left behind:

* ``PRAGMA integrity_check`` is ``ok``;
* every save whose return was reported is there, and at most the one save in flight beyond it;
* each of those saves has its audit entry (old and new value), in order, and the ``scores`` table
  holds exactly the last value of every indicator; the undo stack holds exactly those saves.

``REVIEWER_CRASH_KILLS`` sets the number of kills (default 30; the issue's long run is 200:
``REVIEWER_CRASH_KILLS=200 pytest tests/crash/test_kill_while_scoring.py``, a few minutes) and
``REVIEWER_CRASH_SEED`` the random seed. The kill moments follow the scorer's progress (see
:mod:`tests.crash.killer`), so the test holds on a loaded machine.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
from pathlib import Path

import pytest

from reviewer.standards import load_standard
from tests.crash import killer
from tests.crash.scorer import FINGERPRINT, PACKAGE_ID, leaf_plan, plan
from tests.sealing import opened_text

SCORER = Path(__file__).with_name("scorer.py")
KILLS = int(os.environ.get("REVIEWER_CRASH_KILLS", "30"))
SEED = int(os.environ.get("REVIEWER_CRASH_SEED", "20261128"))

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")


def run_and_kill(data_dir: Path, standard: Path, rng: random.Random) -> list[str]:
    """Start the scorer, kill it at a random moment (:func:`tests.crash.killer.run_and_kill`: 15 %
    of the kills at a random time from the start, the others after 1–4 reported saves plus a random
    fraction of a save), return every line it printed."""
    return killer.run_and_kill([str(SCORER), str(data_dir), str(standard)], rng, early=0.15)


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
        audit = [
            (key, opened_text(old, "audit_log.old_value"), opened_text(new, "audit_log.new_value"))
            for key, old, new in audit
        ]
        for i, (key, old, new) in enumerate(audit):
            code, value = plan(leaves, i)
            assert (key, json.loads(new)) == (code, value), i
            assert (None if old is None else json.loads(old)) == last.get(code), i
            last[code] = value
        rows = conn.execute("SELECT code, value FROM scores WHERE review_id = ?", review).fetchall()
        stored = {code: opened_text(value, "scores.value") for code, value in rows}
        assert stored == last
        # The undo stack moved in the same transaction as each save: exactly the saves, in order.
        undo = conn.execute(
            "SELECT audit_id FROM undo_stack WHERE review_id = ? AND stack = 'undo' ORDER BY position",
            review,
        ).fetchall()
        sets = conn.execute(
            "SELECT id FROM audit_log WHERE review_id = ? AND entity = 'score' AND action = 'set' ORDER BY id",
            review,
        ).fetchall()
        assert undo == sets
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

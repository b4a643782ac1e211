"""Kill -9 the GUI process mid-scoring: every score the workspace reported saved is in the store.

:mod:`tests.crash.gui_scorer` types scores through the real widgets of the scoring workspace, which
writes them through the serial background write lane (:mod:`reviewer.ui.tasks`); it
prints each save's number when the writer's ``saved`` signal arrives. The test SIGKILLs it at
seeded random moments and checks the store left behind with the same checks as the core crash test
(integrity, every reported save and its audit entry present, at most the one in flight beyond).

``REVIEWER_GUI_CRASH_KILLS`` sets the number of kills (default 12), ``REVIEWER_CRASH_SEED`` the seed.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reviewer.standards import load_standard
from tests.crash import killer
from tests.crash.scorer import leaf_plan
from tests.crash.test_kill_while_scoring import check_store
from tests.sealing import opened_text

GUI_SCORER = Path(__file__).with_name("gui_scorer.py")
GUI_COMMENTER = Path(__file__).with_name("gui_commenter.py")
KILLS = int(os.environ.get("REVIEWER_GUI_CRASH_KILLS", "12"))
SEED = int(os.environ.get("REVIEWER_CRASH_SEED", "20261128"))

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")


def run_and_kill(data_dir: Path, standard: Path, rng: random.Random) -> list[str]:
    """Kill after 1–3 reported saves plus a random fraction of one: mid-typing, mid-write or
    between the two (:mod:`tests.crash.killer`)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return killer.run_and_kill([str(GUI_SCORER), str(data_dir), str(standard)], rng, most=3, env=env)


@pytest.mark.slow
def test_every_score_the_workspace_reported_saved_survives_sigkill(tmp_path: Path, park_standard_path: Path):
    rng = random.Random(SEED)
    leaves = leaf_plan(load_standard(park_standard_path))
    data_dir = tmp_path / "data"
    db = data_dir / "reviewer.sqlite3"
    saved = 0
    kills_with_saves = 0
    for kill in range(KILLS):
        lines = run_and_kill(data_dir, park_standard_path, rng)
        numbers = [int(x) for x in lines if x.isdigit()]
        assert [x for x in lines if x.startswith("ready")] == [f"ready {saved}"], (kill, lines)
        reported = numbers[-1] if numbers else None
        if numbers:
            assert numbers == list(range(saved, reported + 1))
            kills_with_saves += 1
        saved = check_store(db, leaves, reported, saved)
    assert kills_with_saves >= KILLS // 2
    assert saved > KILLS


@pytest.mark.slow
def test_a_comment_typed_then_a_pause_survives_sigkill(tmp_path: Path, park_standard_path: Path):
    """Typed, then the pause — no Enter, no click, no focus change — then SIGKILL: it is stored."""
    from reviewer.ui.panels.score_editor import COMMENT_DELAY_MS

    data_dir = tmp_path / "data"
    text = "materials checked on site"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    argv = [sys.executable, str(GUI_COMMENTER), str(data_dir), str(park_standard_path), "1.2", text]
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            cwd=killer.REPO)  # fmt: skip
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().strip()  # blocks until it has typed (or died)
        assert line == "typed", (line, proc.stderr.read() if proc.stderr else "")
        time.sleep(COMMENT_DELAY_MS / 1000)  # the expert pauses: at least the debounce ...
        deadline = time.monotonic() + 30  # ... and on a loaded machine up to 30 s more
        while time.monotonic() < deadline and not _stored_comment(data_dir, "1.2"):
            time.sleep(0.2)
        assert proc.poll() is None, "the GUI process must still be running when it is killed"
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=60)
    db = sqlite3.connect(data_dir / "reviewer.sqlite3")
    try:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        comments = db.execute("SELECT comment FROM scores WHERE code = '1.2'").fetchall()
        assert [opened_text(c, "scores.comment") for (c,) in comments] == [text]
        audit = db.execute(
            "SELECT new_value FROM audit_log WHERE entity = 'comment' AND key = '1.2'"
        ).fetchall()
        assert [opened_text(v, "audit_log.new_value") for (v,) in audit] == [f'"{text}"']
    finally:
        db.close()


def _stored_comment(data_dir: Path, code: str) -> str | None:
    db = sqlite3.connect(data_dir / "reviewer.sqlite3", timeout=10)
    try:
        row = db.execute("SELECT comment FROM scores WHERE code = ?", (code,)).fetchone()
        return None if row is None else opened_text(row[0], "scores.comment")
    finally:
        db.close()

"""Kill -9 the GUI process mid-scoring: every score the workspace reported saved is in the store.

:mod:`tests.crash.gui_scorer` types scores through the real widgets of the scoring workspace, which
writes them through the serial background :class:`~reviewer.ui.review_writer.ReviewWriter`; it
prints each save's number when the writer's ``saved`` signal arrives. The test SIGKILLs it at
seeded random moments and checks the store left behind with the same checks as the core crash test
(integrity, every reported save and its audit entry present, at most the one in flight beyond).

``REVIEWER_GUI_CRASH_KILLS`` sets the number of kills (default 12), ``REVIEWER_CRASH_SEED`` the seed.
"""

from __future__ import annotations

import os
import random
import signal
from pathlib import Path

import pytest

from reviewer.standards import load_standard
from tests.crash import killer
from tests.crash.scorer import leaf_plan
from tests.crash.test_kill_while_scoring import check_store

GUI_SCORER = Path(__file__).with_name("gui_scorer.py")
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

"""A store being sealed in place is SIGKILLed at random moments: old or new, never neither.

The old store (revision 0004, every value in the clear) is made once; each round copies it, starts
``tests/crash/upgrader.py`` on the copy and kills it a random time after it began unlocking. After
each kill the file is intact and either still entirely the old store (no key, every value readable
in the clear) or entirely sealed (the key, and every value of the review sealed); then a normal
unlock reads the whole review back, equal to before."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reviewer.app.opening import load_review
from reviewer.demo.package import DEMO_PASSPHRASE
from reviewer.models import Store
from reviewer.models.workbench import Workbench
from tests.ui.test_at_rest import COMMENT, SCRATCH, fill, legacy_store, source

pytestmark = [pytest.mark.real_store_keys, pytest.mark.slow]

UPGRADER = Path(__file__).resolve().parents[1] / "crash" / "upgrader.py"
KILLS = int(os.environ.get("REVIEWER_UPGRADE_KILLS", "12"))
SEED = int(os.environ.get("REVIEWER_CRASH_SEED", "20261204"))


def start(data: Path, identity: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, str(UPGRADER), str(data), str(identity), DEMO_PASSPHRASE],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline().strip()
    assert line == "unlocking", (line, proc.stderr.read() if proc.stderr else "")
    return proc


def raw_state(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        keys = conn.execute("SELECT count(*) FROM store_keys").fetchone()[0]
        texts = [r[0] for r in conn.execute("SELECT comment FROM scores WHERE comment IS NOT NULL")]
        texts += [r[0] for r in conn.execute("SELECT text FROM scratchpad")]
        texts += [r[0] for r in conn.execute("SELECT new_value FROM audit_log WHERE new_value IS NOT NULL")]
    finally:
        conn.close()
    sealed = [t.startswith("rvs1:") for t in texts]
    if keys == 0:
        assert not any(sealed) and COMMENT in texts and SCRATCH in texts
        return "old"
    assert all(sealed), "a key, but values left in the clear"
    return "new"


def test_a_store_killed_while_being_sealed_is_old_or_new(demo_world, tmp_path: Path, monkeypatch) -> None:
    opened = load_review(demo_world.package, demo_world.chair, source(), lambda *a: None)
    template = tmp_path / "old"
    template.mkdir()
    with legacy_store(template, monkeypatch), Store.open(template) as store:
        bench = fill(store, opened, tmp_path / "photo.pdf")
        review = bench.open_review(
            opened.manifest.package_id,
            opened.identity.fingerprint,
            package_path=opened.path,
            standard=opened.standard,
        )
        for i in range(300):  # a longer history: a wider window for the kill
            bench.set_scratchpad(review, f"{SCRATCH} {i}")
        bench.set_scratchpad(review, SCRATCH)
        before = bench.snapshot(review), bench.history(review)
    # how long an unlock of this store takes, uninterrupted
    timing = tmp_path / "timing"
    shutil.copytree(template, timing)
    began = time.monotonic()
    proc = start(timing, demo_world.chair)
    assert proc.wait(timeout=120) == 0, proc.stderr.read() if proc.stderr else ""
    span = time.monotonic() - began
    rng = random.Random(SEED)
    outcomes = []
    for kill in range(KILLS):
        data = tmp_path / f"kill-{kill}"
        shutil.copytree(template, data)
        proc = start(data, demo_world.chair)
        time.sleep(rng.uniform(0, span * 0.6))  # the sealing transaction comes before the VACUUM
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        outcomes.append(raw_state(data / "reviewer.sqlite3"))
        with Store.open(data) as store:
            store.unlock(opened.identity)
            assert (Workbench(store).snapshot(review), Workbench(store).history(review)) == before, kill
        assert raw_state(data / "reviewer.sqlite3") == "new"
    print("outcomes:", outcomes)

"""3. Autosave latency of the expert's work store and 4. reconciliation of a large panel.

Save path (issue 21): what the scoring view's autosave costs after 0, 10k and 100k earlier edits —
``set_score`` and the fresh ``snapshot`` read after it (reviewer.app.review_edits.save), then ``undo`` and its
snapshot; the history is written in one transaction beforehand (``_prior_edits``). p99 at 100k
over p99 at 0 is the ratio that must stay ≤ 1.5×: a save never reads the log.

Autosave: a fresh store (SQLite, migrated) and a review of a 300-indicator standard; 2,000
``Workbench.set_score`` calls, each its own committed transaction with its audit entry, as the
scoring view makes them; the latency of each call is recorded and p50/p99 reported per run.

Reconciliation: 25 experts' sheets over 300 leaf indicators (deterministic pseudo-random scores on
the standard's steps, some divergent), ``reconcile()`` timed on its own (the sheets built beforehand).
"""

from __future__ import annotations

import os
import random
import tempfile
import time
from decimal import Decimal

from benchmarks.harness import Row, child_main, fmt_s, interleaved, median, percentile, run_child
from benchmarks.world import standard_file

LEAVES = 300
EDITS = 2000
EXPERTS = 25
HISTORY = (0, 10_000, 100_000)  # prior edits for the save path (100k builds in ~8 s)
SAVES = 200


def _standard(leaves: int):
    from reviewer.standards import load_standard

    return load_standard(standard_file(leaves))


def _value(rng: random.Random, leaf) -> Decimal:
    step = leaf.step or Decimal(1)
    return min(leaf.points, (leaf.points * Decimal(rng.uniform(0.4, 1.0)) / step).to_integral_value() * step)


def autosave(edits: str) -> dict:
    from reviewer.models import Store
    from reviewer.models.workbench import Workbench
    from reviewer.scoring.workbench_types import Conflict

    standard = _standard(LEAVES)
    leaves = standard.leaves()
    rng = random.Random(8)
    with tempfile.TemporaryDirectory(prefix="reviewer-bench-") as tmp, Store.open(tmp) as store:
        # Sealed at rest: each value and audit entry is sealed (AES-256-GCM) as in the app; the key is
        # a random one, as Store.unlock would hold it (unwrapping it once is not part of a save).
        store.keys.add("ab" * 32, os.urandom(32))
        bench = Workbench(store)
        review = bench.open_review("BENCH-PKG", "ab" * 32, package_path=f"{tmp}/p.rvpkg", standard=standard)
        bench.declare(review, Conflict.NONE)
        bench.accept_pledge(review)
        latencies, last = [], {}
        for i in range(int(edits)):
            leaf = leaves[i % len(leaves)]
            value = _value(rng, leaf)
            start = time.perf_counter()
            bench.set_score(review, leaf.code, value)
            latencies.append(time.perf_counter() - start)
            last[leaf.code] = value
        assert dict(bench.snapshot(review).scores) == last, "the store lost an edit"
    return {"p50": percentile(latencies, 50), "p99": percentile(latencies, 99), "max": max(latencies)}


def _prior_edits(store, review, count: int) -> None:
    """``count`` earlier score changes, written in one transaction as the app would have logged them
    (sealed audit rows, each pushed on the undo stack): building them through ``set_score`` one
    commit at a time would take minutes at 100k. The stacks are then filled the way the migration
    fills them, by one replay of the log."""
    from reviewer.models import workbench_slots as slots
    from reviewer.models.orm import AuditRow, ReviewRow

    leaves = review.standard.leaves()
    with store.session(owner=review.member_fingerprint) as s:
        row = s.get_one(ReviewRow, review.id)
        s.add_all(
            AuditRow(review_id=row.id, entity="score", key=leaves[i % len(leaves)].code,
                     old_value=None, new_value=f'"{i % 3}"', action="set")
            for i in range(count)
        )  # fmt: skip
        s.flush()
        rebuild = getattr(slots, "rebuild_stacks", None)
        if rebuild is not None:  # absent before the stacks were kept (for before/after runs)
            rebuild(s, row.id)


def save_path(prior: str, saves: str = str(SAVES)) -> dict:
    """What the scoring view's autosave costs after ``prior`` earlier edits: the write and the
    fresh snapshot read after it (reviewer.app.review_edits.save) (the undo/redo tops included), then an undo
    with its snapshot. The cost must not grow with the review's history."""
    from reviewer.models import Store
    from reviewer.models.workbench import Workbench
    from reviewer.scoring.workbench_types import Conflict

    standard = _standard(LEAVES)
    leaves = standard.leaves()
    rng = random.Random(9)
    with tempfile.TemporaryDirectory(prefix="reviewer-bench-") as tmp, Store.open(tmp) as store:
        store.keys.add("ab" * 32, os.urandom(32))
        bench = Workbench(store)
        review = bench.open_review("BENCH-PKG", "ab" * 32, package_path=f"{tmp}/p.rvpkg", standard=standard)
        bench.declare(review, Conflict.NONE)
        bench.accept_pledge(review)
        start = time.perf_counter()
        _prior_edits(store, review, int(prior))
        built = time.perf_counter() - start
        for leaf in leaves[:20]:  # warm-up, not timed: the bulk write's WAL checkpoint lands here
            bench.set_score(review, leaf.code, _value(rng, leaf))
        saves_t, undo_t = [], []
        for i in range(int(saves)):
            leaf = leaves[i % len(leaves)]
            start = time.perf_counter()
            bench.set_score(review, leaf.code, _value(rng, leaf))
            state = bench.snapshot(review)
            saves_t.append(time.perf_counter() - start)
            assert state.can_undo and state.undo_next is not None
        for _ in range(max(1, int(saves) // 4)):
            start = time.perf_counter()
            bench.undo(review)
            state = bench.snapshot(review)
            undo_t.append(time.perf_counter() - start)
            assert state.can_redo
    return {
        "p50": percentile(saves_t, 50),
        "p99": percentile(saves_t, 99),
        "undo_p50": percentile(undo_t, 50),
        "undo_p99": percentile(undo_t, 99),
        "built": built,
    }


def commit_floor(edits: str) -> dict:
    """The floor under autosave: one-row SQLite commits with the store's durability settings (WAL,
    ``synchronous=FULL``), raw ``sqlite3``, no ORM: what the disk's flush costs on this machine."""
    import sqlite3

    latencies = []
    with tempfile.TemporaryDirectory(prefix="reviewer-bench-") as tmp:
        conn = sqlite3.connect(f"{tmp}/floor.sqlite3", isolation_level=None)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("CREATE TABLE t (code TEXT PRIMARY KEY, value TEXT)")
        for i in range(int(edits)):
            start = time.perf_counter()
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("INSERT OR REPLACE INTO t VALUES (?, ?)", (str(i % LEAVES), str(i)))
            conn.execute("COMMIT")
            latencies.append(time.perf_counter() - start)
        conn.close()
    return {"p50": percentile(latencies, 50), "p99": percentile(latencies, 99), "max": max(latencies)}


def reconciliation(repeat: str, experts: str = str(EXPERTS), leaves: str = str(LEAVES)) -> dict:
    from reviewer.scoring.inputs import ExpertScores
    from reviewer.scoring.reconcile import reconcile

    standard = _standard(int(leaves))
    rng = random.Random(25)
    sheets = [
        ExpertScores(
            f"expert-{e:02d}",
            scores={leaf.code: _value(rng, leaf) for leaf in standard.leaves()},
            answers={i.code: True for i in standard.yes_no},
        )
        for e in range(int(experts))
    ]
    times = []
    for _ in range(int(repeat)):
        start = time.perf_counter()
        result = reconcile(standard, sheets)
        times.append(time.perf_counter() - start)
    assert len(result.indicators) >= int(leaves)
    return {"seconds": median(times), "first": times[0]}


def run(runs: int, log=print) -> list[Row]:
    res = interleaved(
        runs,
        {
            "floor": lambda: run_child("bench_work", "commit_floor", str(EDITS)),
            "autosave": lambda: run_child("bench_work", "autosave", str(EDITS)),
            **{f"save {n}": (lambda n=n: run_child("bench_work", "save_path", str(n))) for n in HISTORY},
            "reconcile": lambda: run_child("bench_work", "reconciliation", "5"),
            "typical": lambda: run_child("bench_work", "reconciliation", "5", "7", "40"),
        },
    )
    p50 = median([r["p50"] for r in res["autosave"]])
    p99 = median([r["p99"] for r in res["autosave"]])
    f50 = median([r["p50"] for r in res["floor"]])
    f99 = median([r["p99"] for r in res["floor"]])
    t_rec = median([r["seconds"] for r in res["reconcile"]])
    first = median([r["first"] for r in res["reconcile"]])
    t_typ = median([r["seconds"] for r in res["typical"]])
    peak_a = max(r["peak_rss"] for r in res["autosave"])
    save = {n: {k: median([r[k] for r in res[f"save {n}"]]) for k in ("p50", "p99", "undo_p50", "undo_p99")}
            for n in HISTORY}  # fmt: skip
    ratio = save[HISTORY[-1]]["p99"] / save[0]["p99"]
    undo_ratio = save[HISTORY[-1]]["undo_p99"] / save[0]["undo_p99"]
    return [
        Row("autosave floor: raw SQLite commit p50 / p99 (WAL, FULL)", f"{fmt_s(f50)} / {fmt_s(f99)}"),
        Row(f"autosave: set_score p50 ({EDITS} edits, {LEAVES} indicators)", fmt_s(p50), peak=peak_a),
        Row(f"autosave: set_score p99 ({EDITS} edits)", fmt_s(p99), "≤ 5 ms", p99 <= 0.005),
        *(
            Row(
                f"save path (set_score + snapshot) p50 / p99, {n:,} prior edits; undo + snapshot",
                f"{fmt_s(v['p50'])} / {fmt_s(v['p99'])}; undo {fmt_s(v['undo_p50'])} / {fmt_s(v['undo_p99'])}",
            )
            for n, v in save.items()
        ),
        Row(f"save path p99 ratio, {HISTORY[-1]:,} / 0 prior edits", f"{ratio:.2f}×", "≤ 1.5×", ratio <= 1.5),
        Row(
            f"undo p99 ratio, {HISTORY[-1]:,} / 0 prior edits",
            f"{undo_ratio:.2f}×",
            "≤ 1.5×",
            undo_ratio <= 1.5,
        ),
        Row(
            f"reconcile {EXPERTS} experts × {LEAVES} indicators",
            f"{fmt_s(t_rec)} (first call {fmt_s(first)})",
            "≤ 50 ms",
            t_rec <= 0.050,
            max(r["peak_rss"] for r in res["reconcile"]),
        ),
        Row("reconcile (typical: 7 experts × 40 indicators)", fmt_s(t_typ)),
    ]


if __name__ == "__main__":
    child_main(
        {
            "autosave": autosave,
            "save_path": save_path,
            "commit_floor": commit_floor,
            "reconciliation": reconciliation,
        }
    )

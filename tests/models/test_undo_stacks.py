"""Issue 21: the undo and redo stacks kept in ``undo_stack`` equal the replay of the log at every step.

Random sequences of changes, undos, redos, locks, unlocks and declaration changes go through the real
``Workbench``; after each, the kept stacks, the tops a snapshot shows and the replay oracle
(``undo_stacks.replay_stacks``, the algorithm the app used before) must agree. Undos and redos of
entries no longer on a stack (older logs, written under older rules) are written into the log too.
"""

from __future__ import annotations

import itertools
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reviewer.errors import Refused, UsageError
from reviewer.models import Store, undo_stacks
from reviewer.models import workbench_slots as slots
from reviewer.models.orm import AuditRow, ReviewRow
from reviewer.models.workbench import Workbench
from reviewer.scoring.workbench_types import Conflict, Review
from reviewer.standards import Standard

_ids = itertools.count()

OPS = st.one_of(
    st.tuples(st.just("score"), st.sampled_from(["1.1", "1.2"]), st.sampled_from(["1", "2", None])),
    st.tuples(st.just("comment"), st.sampled_from(["1.1"]), st.sampled_from(["a", None])),
    st.tuples(st.just("scratchpad"), st.just(""), st.sampled_from(["x", "y"])),
    st.tuples(st.sampled_from(["undo", "redo"]), st.just(""), st.none()),
    st.tuples(st.sampled_from(["undo", "redo"]), st.just(""), st.none()),
    st.tuples(st.just("declare"), st.just(""), st.sampled_from([Conflict.NONE, Conflict.DECLARED])),
    st.tuples(st.just("pledge"), st.just(""), st.none()),
    st.tuples(st.just("lock"), st.just(""), st.none()),
    st.tuples(st.just("unlock"), st.sampled_from(["1.1", "1.2"]), st.none()),
    st.tuples(st.sampled_from(["stale undo", "stale redo"]), st.just(""), st.integers(0, 40)),
)


def apply(bench: Workbench, store: Store, review: Review, op: tuple) -> None:
    kind, key, value = op
    try:
        if kind == "score":
            bench.set_score(review, key, value)
        elif kind == "comment":
            bench.set_comment(review, key, value)
        elif kind == "scratchpad":
            bench.set_scratchpad(review, value)
        elif kind == "undo":
            bench.undo(review)
        elif kind == "redo":
            bench.redo(review)
        elif kind == "declare":
            bench.declare(review, value, "a reason" if value is Conflict.DECLARED else None)
        elif kind == "pledge":
            bench.accept_pledge(review)
        elif kind == "lock":
            bench.lock(review, bench.snapshot(review).version)
        elif kind == "unlock":
            bench.unlock(review, [key], "returned")
        else:
            stale(store, review, kind.split()[1], value)
    except (Refused, UsageError):
        pass  # a refused step writes nothing, which the comparison checks too


def stale(store: Store, review: Review, action: str, pick: int) -> None:
    """An undo or redo as an older app wrote it: of any earlier change, on a stack or not."""
    with store.session(owner=review.member_fingerprint) as s:
        ids = s.scalars(
            AuditRow.__table__.select()
            .with_only_columns(AuditRow.id)
            .where(AuditRow.review_id == review.id, AuditRow.action == "set")
            .order_by(AuditRow.id)
        ).all()
        if not ids:
            return
        target = s.get_one(AuditRow, ids[pick % len(ids)])
        row = s.get_one(ReviewRow, review.id)
        value = slots.loads(target.old_value if action == "undo" else target.new_value)
        current = slots.read(s, row, target.entity, target.key)
        if current != value:
            slots.write(s, row, target.entity, target.key, value)
        slots.record(s, row, target.entity, target.key, current, value, action, target.id)


def check(bench: Workbench, store: Store, review: Review) -> None:
    with store.reading() as s:
        undo, redo = undo_stacks.replay_stacks(s, review.id)
        assert undo_stacks.kept_stacks(s, review.id) == (undo, redo)
    state = bench.snapshot(review)
    assert (state.can_undo, state.can_redo) == (bool(undo), bool(redo))
    assert (state.undo_next and state.undo_next.id) == (undo[-1] if undo else None)
    assert (state.redo_next and state.redo_next.id) == (redo[-1] if redo else None)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=st.lists(OPS, max_size=25), declared=st.booleans())
def test_kept_stacks_equal_the_replay_at_every_step(
    store: Store, standard: Standard, ops: list[tuple], declared: bool
) -> None:
    bench = Workbench(store)
    review = bench.open_review(f"PKG-{next(_ids)}", "SHA256:fp", package_path="/p", standard=standard)
    if declared:
        bench.declare(review, Conflict.NONE)
        bench.accept_pledge(review)
    check(bench, store, review)
    for op in ops:
        apply(bench, store, review, op)
        check(bench, store, review)


def test_an_undo_of_an_entry_off_the_stack_changes_nothing(store: Store, standard: Standard) -> None:
    bench = Workbench(store)
    review = bench.open_review("PKG-stale", "SHA256:fp", package_path="/p", standard=standard)
    bench.declare(review, Conflict.NONE)
    bench.accept_pledge(review)
    bench.set_score(review, "1.1", "1")
    bench.set_score(review, "1.2", "2")
    first = bench.history(review)[-2].id
    bench.undo(review)  # 1.2 moves to redo
    stale(store, review, "undo", 2)  # the 1.1 change: on the undo stack, moved (old rules)
    stale(store, review, "undo", 2)  # again: now on redo, a no-op
    with store.reading() as s:
        undo, redo = undo_stacks.kept_stacks(s, review.id)
    assert undo == [] and redo[-1] == first
    check(bench, store, review)


def test_a_store_at_0006_with_a_history_gets_the_replayed_stacks(
    store: Store, standard: Standard, data_dir: Path
) -> None:
    """Revision 0007 fills ``undo_stack`` from one replay per review, without keys (values sealed)."""
    import random

    from reviewer.models import migrate

    bench = Workbench(store)
    rng = random.Random(21)
    kinds = ["score", "score", "comment", "undo", "undo", "redo", "declare", "pledge", "lock", "unlock",
             "stale undo", "stale redo"]  # fmt: skip
    reviews = []
    for n in range(16):
        review = bench.open_review(f"UPG-{n}", "SHA256:fp", package_path="/p", standard=standard)
        reviews.append(review)
        for _ in range(40):
            kind = rng.choice(kinds)
            value = {
                "score": rng.choice(["1", "2", None]),
                "comment": rng.choice(["a", None]),
                "declare": rng.choice([Conflict.NONE, Conflict.NONE, Conflict.DECLARED]),
            }.get(kind, rng.randrange(40))
            apply(bench, store, review, (kind, rng.choice(["1.1", "1.2"]), value))
    with store.reading() as s:
        expected = {r.id: undo_stacks.replay_stacks(s, r.id) for r in reviews}
    assert any(undo or redo for undo, redo in expected.values())  # the history has something to undo
    assert any(redo for _, redo in expected.values())

    migrate.downgrade(store.engine, "0006")
    assert migrate.current_revision(store.engine) == "0006"
    store.keys.forget()  # a migration runs without keys: the declarations' values stay sealed
    migrate.upgrade(store.engine)
    with store.reading() as s:
        kept = {r.id: undo_stacks.kept_stacks(s, r.id) for r in reviews}
    assert kept == expected

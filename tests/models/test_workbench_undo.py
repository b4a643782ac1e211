"""Undo and redo: each step is itself logged; a new change clears redo; the stacks survive a reopen."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from reviewer.models import Store
from reviewer.models.workbench import Workbench
from reviewer.scoring.workbench_types import (
    Conflict,
    EligibilityState,
    NothingToRedo,
    NothingToUndo,
    Review,
    ReviewStatus,
)
from reviewer.standards import Standard
from reviewer.standards.model import EvidenceMethod


@pytest.fixture
def review(bench: Workbench, standard: Standard) -> Review:
    opened = bench.open_review("PKG", "SHA256:fp", package_path="/p", standard=standard)
    bench.declare(opened, Conflict.NONE)
    bench.accept_pledge(opened)
    return opened


def scores(bench: Workbench, review: Review) -> dict[str, str]:
    return {code: str(v) for code, v in bench.snapshot(review).scores.items()}


def test_undo_and_redo_walk_the_changes(bench: Workbench, review: Review):
    bench.set_score(review, "1.1", "5")
    bench.set_score(review, "1.1", "6")
    bench.set_score(review, "1.2", "3")
    assert scores(bench, review) == {"1.1": "6", "1.2": "3"}
    bench.undo(review)
    assert scores(bench, review) == {"1.1": "6"}
    bench.undo(review)
    assert scores(bench, review) == {"1.1": "5"}
    bench.redo(review)
    assert scores(bench, review) == {"1.1": "6"}
    bench.redo(review)
    assert scores(bench, review) == {"1.1": "6", "1.2": "3"}
    with pytest.raises(NothingToRedo):
        bench.redo(review)
    state = bench.snapshot(review)
    assert state.can_undo and not state.can_redo


def test_undo_and_redo_are_logged_with_their_target(bench: Workbench, review: Review):
    bench.set_score(review, "1.1", "5")
    set_entry = bench.history(review)[-1]
    undone = bench.undo(review)
    redone = bench.redo(review)
    log = bench.history(review)
    assert log[-2:] == (undone, redone)
    assert (undone.action, undone.target_id, undone.old, undone.new) == ("undo", set_entry.id, "5", None)
    assert (redone.action, redone.target_id, redone.old, redone.new) == ("redo", set_entry.id, None, "5")


def test_a_new_change_clears_the_redo_stack(bench: Workbench, review: Review):
    bench.set_score(review, "1.1", "5")
    bench.set_score(review, "1.1", "6")
    bench.undo(review)
    assert bench.snapshot(review).can_redo
    bench.set_score(review, "1.3", "2")
    assert not bench.snapshot(review).can_redo
    with pytest.raises(NothingToRedo, match="nothing to redo"):
        bench.redo(review)
    bench.undo(review)
    bench.undo(review)
    assert scores(bench, review) == {}


def test_confirming_the_declarations_is_a_barrier_undo_never_crosses(bench: Workbench, review: Review):
    state = bench.snapshot(review)
    assert not state.can_undo and state.undo_next is None  # the declarations are fixed once complete
    with pytest.raises(NothingToUndo, match="nothing to undo"):
        bench.undo(review)
    bench.set_score(review, "1.1", "5")
    bench.undo(review)
    with pytest.raises(NothingToUndo):
        bench.undo(review)
    state = bench.snapshot(review)
    assert state.declaration.complete and state.scores == {}
    assert state.redo_next is not None and state.redo_next.entity == "score"


def test_before_they_are_complete_a_declaration_can_still_be_undone(bench: Workbench, standard: Standard):
    r = bench.open_review("PKG2", "SHA256:fp2", package_path="/p", standard=standard)
    bench.declare(r, Conflict.NONE)
    assert bench.snapshot(r).undo_next.entity == "declaration"
    bench.undo(r)
    assert bench.snapshot(r).declaration.conflict is Conflict.UNDECLARED
    bench.redo(r)
    bench.accept_pledge(r)  # now complete: a barrier
    state = bench.snapshot(r)
    assert state.declaration.complete and not state.can_undo and not state.can_redo


def test_a_recusal_after_the_declarations_cannot_be_undone(bench: Workbench, review: Review):
    bench.set_score(review, "1.1", "5")
    bench.declare(review, Conflict.DECLARED, "related party")
    assert bench.snapshot(review).status is ReviewStatus.RECUSED
    with pytest.raises(NothingToUndo):
        bench.undo(review)  # the declarations stay as confirmed, and the score before them too
    assert bench.snapshot(review).status is ReviewStatus.RECUSED


def test_undo_next_and_redo_next_name_the_entries_undo_and_redo_would_use(bench: Workbench, review: Review):
    bench.set_score(review, "1.1", "5")
    bench.set_comment(review, "1.1", "good")
    state = bench.snapshot(review)
    assert (state.undo_next.entity, state.undo_next.key, state.undo_next.new) == ("comment", "1.1", "good")
    assert state.redo_next is None
    undone = bench.undo(review)
    state = bench.snapshot(review)
    assert state.redo_next.id == undone.target_id and state.redo_next.entity == "comment"
    assert (state.undo_next.entity, state.undo_next.old, state.undo_next.new) == ("score", None, "5")


def test_every_kind_of_change_can_be_undone_and_redone(bench: Workbench, review: Review):
    bench.set_score(review, "2.1", "4")
    bench.set_comment(review, "2.1", "why")
    bench.answer_yes_no(review, "V1", True)
    bench.answer_yes_no(review, "V1", False, "fraud found")
    bench.answer_eligibility(review, "E1", EligibilityState.FLAGGED, "too young")
    ref = bench.add_evidence(review, "2.1", file_name="a.png", data=b"png bytes")
    bench.remove_evidence(review, ref.id)
    bench.set_scratchpad(review, "draft")
    bench.add_site_note(review, EvidenceMethod.SITE_INSPECTION, "visited lab", ["2.1"])
    full = bench.snapshot(review)
    steps = 9
    for _ in range(steps):
        bench.undo(review)
    empty = bench.snapshot(review)
    assert (empty.scores, empty.comments, empty.yes_no, empty.eligibility) == ({}, {}, {}, {})
    assert (empty.evidence, empty.scratchpad, empty.site_notes) == ((), "", ())
    assert empty.declaration.complete  # the declarations were before these nine steps
    with pytest.raises(NothingToUndo):
        bench.undo(review)  # and they are a barrier
    for _ in range(steps):
        bench.redo(review)
    again = bench.snapshot(review)
    fields = ("scores", "comments", "yes_no", "eligibility", "evidence", "scratchpad", "site_notes")
    assert all(getattr(again, f) == getattr(full, f) for f in fields)
    # the file removed at step 7 comes back with its id and its stored bytes when step 7 is undone
    bench.undo(review)
    bench.undo(review)
    bench.undo(review)
    restored = bench.snapshot(review).evidence
    assert [(e.id, e.sha256) for e in restored] == [(ref.id, ref.sha256)]
    assert bench.evidence_file(ref.sha256) == b"png bytes"


def test_a_new_evidence_row_never_reuses_an_undone_id(bench: Workbench, review: Review):
    first = bench.add_evidence(review, "1.1", material="a.pdf")
    bench.undo(review)
    second = bench.add_evidence(review, "1.1", material="b.pdf")
    assert second.id != first.id
    assert [e.key for e in bench.history(review) if e.entity == "evidence"] == [
        str(first.id),
        str(first.id),
        str(second.id),
    ]


def test_undo_redo_state_survives_a_reopened_store(data_dir: Path, standard: Standard):
    with Store.open() as store:
        bench = Workbench(store)
        r = bench.open_review("P", "fp", package_path="/p", standard=standard)
        bench.declare(r, Conflict.NONE)
        bench.accept_pledge(r)
        bench.set_score(r, "1.1", "1")
        bench.set_score(r, "1.1", "2")
        bench.undo(r)
    with Store.open() as store:
        bench = Workbench(store)
        r = bench.open_review("P", "fp", package_path="/p", standard=standard)
        assert bench.snapshot(r).scores["1.1"] == Decimal(1)
        bench.redo(r)
        assert bench.snapshot(r).scores["1.1"] == Decimal(2)

"""Finalised sheets are locked; a chair's return notice unlocks only the indicators it names, as v n+1."""

from __future__ import annotations

from decimal import Decimal

import pytest

from reviewer.models.workbench import Workbench
from reviewer.scoring import entry
from reviewer.scoring.workbench_types import (
    Conflict,
    DeclarationsFirst,
    EligibilityState,
    NotFinalised,
    NothingToUndo,
    NotReturned,
    ReasonRequired,
    Review,
    ReviewLocked,
    ReviewRecused,
    ReviewStatus,
    WrongVersion,
)
from reviewer.standards import Standard
from reviewer.standards.model import EvidenceMethod


@pytest.fixture
def review(bench: Workbench, standard: Standard) -> Review:
    opened = bench.open_review("PKG", "SHA256:fp", package_path="/p", standard=standard)
    bench.declare(opened, Conflict.NONE)
    bench.accept_pledge(opened)
    bench.set_score(opened, "1.1", "6")
    bench.set_score(opened, "1.2", "4")
    bench.answer_yes_no(opened, "V1", True)
    return opened


def test_locking_needs_the_current_version_and_the_declarations(bench: Workbench, standard: Standard):
    fresh = bench.open_review("P0", "fp", package_path="/p", standard=standard)
    with pytest.raises(DeclarationsFirst):
        bench.lock(fresh, 1)
    bench.declare(fresh, Conflict.NONE)
    bench.accept_pledge(fresh)
    with pytest.raises(WrongVersion, match="version 2 cannot be locked"):
        bench.lock(fresh, 2)
    bench.lock(fresh, 1)
    with pytest.raises(ReviewLocked):
        bench.lock(fresh, 1)


def test_a_finalised_sheet_refuses_every_change_but_private_notes(bench: Workbench, review: Review):
    bench.lock(review, 1)
    state = bench.snapshot(review)
    assert state.status is ReviewStatus.FINALISED
    assert state.versions[0].finalised_at is not None
    assert state.editable_codes == frozenset()
    refused = [
        lambda: bench.set_score(review, "1.1", "7"),
        lambda: bench.set_comment(review, "1.1", "x"),
        lambda: bench.answer_yes_no(review, "V1", False),
        lambda: bench.answer_eligibility(review, "E1", EligibilityState.CONFIRMED),
        lambda: bench.add_evidence(review, "1.1", material="m.pdf"),
        lambda: bench.declare(review, Conflict.DECLARED, "late"),
    ]
    for attempt in refused:
        with pytest.raises(ReviewLocked, match="locked"):
            attempt()
    with pytest.raises(NothingToUndo):
        bench.undo(review)  # the lock is a barrier: nothing before it can be undone
    bench.set_scratchpad(review, "still mine")
    bench.add_site_note(review, EvidenceMethod.THEMED_FORUM, "after the forum")
    bench.set_position(review, "1.2")
    assert bench.snapshot(review).scores == {"1.1": Decimal(6), "1.2": Decimal(4)}
    lock = bench.history(review)[-3]
    assert (lock.action, lock.entity, lock.key) == ("lock", "sheet", "1")
    assert lock.old == {"status": "open", "version": 1} and lock.new == {"status": "finalised", "version": 1}


def test_a_return_notice_unlocks_only_its_indicators_as_the_next_version(bench: Workbench, review: Review):
    bench.lock(review, 1)
    version = bench.unlock(review, ["1.1", "V1"], "1.1 diverges from the panel by 40 %")
    assert version == 2
    state = bench.snapshot(review)
    assert state.status is ReviewStatus.OPEN and state.version == 2
    assert state.editable_codes == {"1.1", "V1"}
    assert state.versions[1].reason == "1.1 diverges from the panel by 40 %"
    assert state.versions[1].returned_codes == ("1.1", "V1")
    bench.set_score(review, "1.1", "7.5")
    bench.set_comment(review, "1.1", "re-checked the revenue table")
    bench.add_evidence(review, "1.1", material="自评报告.pdf", page=4)
    bench.answer_yes_no(review, "V1", True, "re-checked")
    with pytest.raises(NotReturned) as caught:
        bench.set_score(review, "1.2", "5")
    assert caught.value.code == "1.2"
    assert "1.2 was not returned" in str(caught.value) and "1.1, V1" in str(caught.value)
    with pytest.raises(NotReturned):
        bench.answer_eligibility(review, "E1", EligibilityState.CONFIRMED)
    with pytest.raises(ReviewLocked, match="declarations"):
        bench.declare(review, Conflict.DECLARED, "now conflicted")
    unlock = next(e for e in bench.history(review) if e.action == "unlock")
    assert unlock.key == "2" and unlock.old == {"status": "finalised", "version": 1}
    assert unlock.new == {
        "status": "open",
        "version": 2,
        "codes": ["1.1", "V1"],
        "reason": "1.1 diverges from the panel by 40 %",
    }
    bench.undo(review)  # within the returned version undo still works
    assert "V1" in bench.snapshot(review).yes_no and bench.snapshot(review).yes_no["V1"].comment is None
    bench.lock(review, 2)
    assert bench.unlock(review, ["2"], "score the innovation indicators again") == 3
    assert bench.snapshot(review).editable_codes == {
        "2.1",
        "2.2",
        "2.3",
        "2.4",
    }  # a parent unlocks its leaves


def test_return_notices_are_checked(bench: Workbench, review: Review):
    with pytest.raises(NotFinalised):
        bench.unlock(review, ["1.1"], "reason")
    bench.lock(review, 1)
    with pytest.raises(ReasonRequired):
        bench.unlock(review, ["1.1"], "  ")
    with pytest.raises(ReasonRequired):
        bench.unlock(review, [], "reason")
    with pytest.raises(entry.UnknownIndicator, match=r"8\.8"):
        bench.unlock(review, ["1.1", "8.8"], "reason")
    assert bench.snapshot(review).status is ReviewStatus.FINALISED  # nothing half-applied


def test_a_recusal_sheet_is_locked_and_cannot_be_returned(bench: Workbench, standard: Standard):
    r = bench.open_review("P9", "fp", package_path="/p", standard=standard)
    bench.declare(r, Conflict.DECLARED, "relative works there")
    bench.accept_pledge(r)
    with pytest.raises(ReviewRecused):
        bench.set_score(r, "1.1", "3")
    bench.lock(r, 1)
    with pytest.raises(ReviewRecused):
        bench.unlock(r, ["1.1"], "please score")

"""The workbench: every change stored at once with its audit entry, read back whole, resumed after reopening."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from reviewer.errors import InvalidInput
from reviewer.models import Store
from reviewer.models.orm import AuditRow, EvidenceFileRow, ScoreRow
from reviewer.models.workbench import Workbench
from reviewer.scoring import entry
from reviewer.scoring.workbench_types import (
    Conflict,
    DeclarationsFirst,
    EligibilityState,
    EvidenceKind,
    EvidenceNotFound,
    ReasonRequired,
    Review,
    ReviewMismatch,
    ReviewNotFound,
    ReviewRecused,
    ReviewStatus,
    Role,
)
from reviewer.standards import Standard
from reviewer.standards.model import EvidenceMethod

FP = "SHA256:ab12cd34"


@pytest.fixture
def review(bench: Workbench, standard: Standard) -> Review:
    opened = bench.open_review("PKG-2026-001", FP, package_path="/pk/park.rvpkg", standard=standard)
    bench.declare(opened, Conflict.NONE)
    bench.accept_pledge(opened)
    return opened


def audit_count(store: Store) -> int:
    with store.reading() as s:
        return s.scalar(select(func.count()).select_from(AuditRow))


def test_open_creates_once_and_resumes(bench: Workbench, standard: Standard):
    first = bench.open_review("P", FP, package_path="/a.rvpkg", standard=standard, role=Role.CHAIR)
    again = bench.open_review("P", FP, package_path="/moved/a.rvpkg", standard=standard)
    other = bench.open_review("P", "SHA256:other", package_path="/a.rvpkg", standard=standard)
    assert again.id == first.id and again.role is Role.CHAIR
    assert other.id != first.id
    state = bench.snapshot(again)
    assert state.package_path == "/moved/a.rvpkg"
    assert (state.standard_id, state.standard_version) == ("SAMPLE-PARK-CREATION", "2026.1")
    assert state.status is ReviewStatus.OPEN and state.version == 1
    assert [v.version for v in state.versions] == [1]
    assert state.declaration.conflict is Conflict.UNDECLARED and not state.declaration.complete
    assert bench.history(again) == ()


def test_a_package_reopened_with_another_standard_is_refused(bench: Workbench, standard: Standard):
    from dataclasses import replace

    bench.open_review("P", FP, package_path="/a", standard=standard)
    with pytest.raises(ReviewMismatch, match=r"SAMPLE-PARK-CREATION 2026\.1"):
        bench.open_review("P", FP, package_path="/a", standard=replace(standard, version="2027.1"))


def test_unknown_review_handle(bench: Workbench, standard: Standard):
    with pytest.raises(ReviewNotFound):
        bench.snapshot(Review(999, "P", FP, standard))


def test_round_trip_of_everything(bench: Workbench, review: Review, tmp_path: Path):
    assert bench.set_score(review, "1.1", "6.50") == Decimal("6.5")
    bench.set_score(review, "2.1", Decimal("6"))
    bench.set_comment(review, "2.1", "  R&D at 12 % of revenue  ")
    bench.set_comment(review, "1.2", "comment before any score")
    bench.answer_yes_no(review, "V1", True, "checked against tax records")
    bench.answer_eligibility(review, "E1", EligibilityState.CONFIRMED)
    bench.answer_eligibility(review, "E2", EligibilityState.FLAGGED, "management body not independent")
    material = bench.add_evidence(review, "1.1", material="自评报告.pdf", page=12, note="revenue table")
    photo = tmp_path / "lab.jpg"
    photo.write_bytes(b"\xff\xd8 a photo of the lab")
    attached = bench.attach_file(review, "2.1", photo)
    bench.set_scratchpad(review, "ask about the 2025 figures")
    note = bench.add_site_note(review, EvidenceMethod.KEY_INTERVIEW, "CEO interview", ["2.1", "V1", "2.1"])
    bench.set_position(review, "2.1", "evidence")

    state = bench.snapshot(review)
    assert dict(state.scores) == {"1.1": Decimal("6.5"), "2.1": Decimal("6")}
    assert dict(state.comments) == {"2.1": "  R&D at 12 % of revenue  ", "1.2": "comment before any score"}
    assert state.yes_no["V1"].answer is True and state.yes_no["V1"].comment == "checked against tax records"
    assert state.eligibility["E1"].state is EligibilityState.CONFIRMED
    assert state.eligibility["E2"].comment == "management body not independent"
    assert [e.id for e in state.evidence] == [material.id, attached.id]
    assert state.evidence_for("1.1")[0].material == "自评报告.pdf" and state.evidence_for("1.1")[0].page == 12
    assert attached.kind is EvidenceKind.FILE and attached.file_name == "lab.jpg"
    assert attached.sha256 == hashlib.sha256(photo.read_bytes()).hexdigest() and attached.size == 21
    assert bench.evidence_file(attached.sha256) == photo.read_bytes()
    assert state.scratchpad == "ask about the 2025 figures"
    assert state.site_notes == (note,)
    assert note.codes == ("2.1", "V1") and note.activity is EvidenceMethod.KEY_INTERVIEW
    assert state.position.code == "2.1" and state.position.tab == "evidence"
    assert state.can_undo and not state.can_redo
    with pytest.raises(TypeError):
        state.scores["1.1"] = Decimal(0)  # type: ignore[index]


def test_scores_are_stored_as_exact_text(store: Store, bench: Workbench, review: Review):
    bench.set_score(review, "1.1", "7.5")
    with store.reading() as s:
        raw = s.execute(text("SELECT value, typeof(value) FROM scores WHERE code = '1.1'")).one()
        opened = s.execute(select(ScoreRow.value).where(ScoreRow.code == "1.1")).scalar_one()
    assert opened == "7.5"  # exact text once opened; sealed on disk (docs/security.md, at rest)
    assert raw[1] == "text" and raw[0].startswith("rvs1:") and "7.5" not in raw[0]


def test_every_change_is_audited_with_old_and_new_values(bench: Workbench, review: Review):
    before = datetime.now(UTC)
    bench.set_score(review, "1.1", "6")
    bench.set_score(review, "1.1", "6.5")
    bench.set_score(review, "1.1", "6.5")  # unchanged: no entry
    bench.set_comment(review, "1.1", "ok")
    bench.set_comment(review, "1.1", " ")  # blank clears it
    bench.set_score(review, "1.1", None)
    bench.answer_yes_no(review, "V1", False, "figures inflated")
    bench.answer_eligibility(review, "E3", "confirmed")
    bench.set_scratchpad(review, "x")
    ref = bench.add_evidence(review, "1.1", material="m.pdf")
    bench.remove_evidence(review, ref.id)
    entries = [e for e in bench.history(review) if e.entity != "declaration"]
    assert [(e.entity, e.key, e.old, e.new, e.action) for e in entries[:9]] == [
        ("score", "1.1", None, "6", "set"),
        ("score", "1.1", "6", "6.5", "set"),
        ("comment", "1.1", None, "ok", "set"),
        ("comment", "1.1", "ok", None, "set"),
        ("score", "1.1", "6.5", None, "set"),
        ("yes_no", "V1", None, {"answer": False, "comment": "figures inflated"}, "set"),
        ("eligibility", "E3", None, {"state": "confirmed", "comment": None}, "set"),
        ("scratchpad", "", "", "x", "set"),
        ("evidence", str(ref.id), None, entries[8].new, "set"),
    ]
    assert entries[8].new["material"] == "m.pdf" and entries[8].new["code"] == "1.1"
    assert (entries[9].old, entries[9].new) == (entries[8].new, None)
    assert all(before <= e.at <= datetime.now(UTC) + timedelta(seconds=1) for e in entries)
    assert all(e.at.tzinfo is UTC for e in entries)
    assert bench.snapshot(review).scores == {}


def test_declarations_are_audited_and_recusal_disables_scoring(bench: Workbench, standard: Standard):
    r = bench.open_review("P2", FP, package_path="/p2", standard=standard)
    with pytest.raises(DeclarationsFirst, match="before scoring"):
        bench.set_score(r, "1.1", "6")
    bench.set_scratchpad(r, "private notes are fine before declaring")
    bench.declare(r, Conflict.NONE)
    with pytest.raises(DeclarationsFirst):
        bench.answer_yes_no(r, "V1", True)  # the pledge is still missing
    bench.accept_pledge(r)
    bench.accept_pledge(r)  # once is enough: no second entry
    with pytest.raises(ReasonRequired):
        bench.declare(r, Conflict.DECLARED, "  ")
    bench.declare(r, Conflict.DECLARED, "former employee of the operator")
    state = bench.snapshot(r)
    assert state.status is ReviewStatus.RECUSED
    assert state.declaration.reason == "former employee of the operator"
    assert state.declaration.pledge_accepted and state.declaration.pledge_at is not None
    with pytest.raises(ReviewRecused):
        bench.set_score(r, "1.1", "6")
    with pytest.raises(ReviewRecused):
        bench.add_evidence(r, "1.1", material="m.pdf")
    decl = [(e.key, e.old, e.new) for e in bench.history(r) if e.entity == "declaration"]
    assert decl[0] == (
        "conflict",
        {"conflict": "undeclared", "reason": None},
        {"conflict": "none", "reason": None},
    )
    assert decl[1][0] == "pledge" and decl[1][2]["accepted"] is True
    assert decl[2] == (
        "conflict",
        {"conflict": "none", "reason": None},
        {"conflict": "declared", "reason": "former employee of the operator"},
    )
    assert len(decl) == 3
    bench.declare(r, Conflict.NONE)  # a mistake, corrected before finalising
    assert bench.snapshot(r).status is ReviewStatus.OPEN
    bench.set_score(r, "1.1", "6")


@pytest.mark.parametrize(
    ("code", "value", "error"),
    [
        ("1.1", "8.5", entry.ScoreOutOfRange),
        ("1.1", "6.3", entry.OffStep),
        ("1.1", "six", entry.NotANumber),
        ("9.9", "1", entry.UnknownIndicator),
        ("1", "20", entry.NotScorable),
    ],
)
def test_invalid_scores_are_refused_and_nothing_is_written(
    store: Store, bench: Workbench, review: Review, code: str, value: str, error: type
):
    count = audit_count(store)
    with pytest.raises(error) as caught:
        bench.set_score(review, code, value)
    assert caught.value.code == code and code in str(caught.value)
    assert bench.snapshot(review).scores == {}
    assert audit_count(store) == count


def test_invalid_answers_evidence_and_notes_are_refused(bench: Workbench, review: Review):
    with pytest.raises(entry.UnknownIndicator, match="V9"):
        bench.answer_yes_no(review, "V9", True)
    with pytest.raises(entry.UnknownIndicator, match="E9"):
        bench.answer_eligibility(review, "E9", EligibilityState.CONFIRMED)
    with pytest.raises(entry.CommentRequired, match="E1"):
        bench.answer_eligibility(review, "E1", EligibilityState.FLAGGED, "")
    with pytest.raises(entry.UnknownIndicator, match=r"7\.7"):
        bench.add_evidence(review, "7.7", material="m.pdf")
    with pytest.raises(entry.UnknownIndicator, match="Z"):
        bench.add_site_note(review, EvidenceMethod.THEMED_FORUM, "forum", ["1.1", "Z"])
    with pytest.raises(entry.UnknownIndicator, match="Q"):
        bench.set_position(review, "Q")
    with pytest.raises(ValueError):
        bench.add_evidence(review, "1.1", material="m.pdf", file_name="x", data=b"x")
    with pytest.raises(ValueError):
        bench.add_evidence(review, "1.1", material="m.pdf", page=0)
    with pytest.raises(InvalidInput, match="Cannot read the file to attach"):
        bench.attach_file(review, "1.1", "/no/such/photo.jpg")
    with pytest.raises(EvidenceNotFound):
        bench.remove_evidence(review, 12345)
    with pytest.raises(EvidenceNotFound):
        bench.evidence_file("0" * 64)
    state = bench.snapshot(review)
    assert (state.yes_no, state.eligibility, state.evidence, state.site_notes) == ({}, {}, (), ())


def test_evidence_for_a_veto_item_and_shared_file_bytes(store: Store, bench: Workbench, review: Review):
    one = bench.add_evidence(review, "V1", file_name="a.jpg", data=b"same")
    two = bench.add_evidence(review, "1.1", file_name="b.jpg", data=b"same")
    assert one.sha256 == two.sha256
    with store.reading() as s:
        assert s.scalar(select(func.count()).select_from(EvidenceFileRow)) == 1


def test_position_and_work_survive_reopening_the_store(data_dir: Path, standard: Standard):
    with Store.open() as store:
        bench = Workbench(store)
        r = bench.open_review("PKG", FP, package_path="/p", standard=standard)
        bench.declare(r, Conflict.NONE)
        bench.accept_pledge(r)
        bench.set_score(r, "3.2", "5")
        bench.set_position(r, "3.2", "materials")
        bench.set_position(r, "4.1", "scoring")
    with Store.open() as store:
        bench = Workbench(store)
        r = bench.open_review("PKG", FP, package_path="/p", standard=standard)
        state = bench.snapshot(r)
        assert state.position.code == "4.1" and state.position.tab == "scoring"
        assert dict(state.scores) == {"3.2": Decimal("5")}
        assert state.declaration.complete
        assert state.can_undo
        assert bench.undo(r).key == "3.2"  # undo works across restarts: it lives in the log
        assert bench.snapshot(r).scores == {}


def test_position_is_not_audited(bench: Workbench, review: Review):
    count = len(bench.history(review))
    bench.set_position(review, "1.1", "scoring")
    bench.set_position(review, None)
    assert len(bench.history(review)) == count
    assert bench.snapshot(review).position.code is None

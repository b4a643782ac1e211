"""Finalising a workbench review: what is missing, sign + verify + lock, recusal, return → version 2."""

from __future__ import annotations

import hashlib
from decimal import Decimal

import pytest
from sheet_fixtures import MATERIAL, sheet_world

from reviewer.app.finalise import (
    SheetArchive,
    accept_return_notice,
    answers_of,
    finalise,
    missing,
)
from reviewer.errors import NotAnArtifact, Refused
from reviewer.models.store import Store
from reviewer.models.workbench import Workbench
from reviewer.scoring.return_notice import build_return_notice
from reviewer.scoring.sheet import open_sheet
from reviewer.scoring.sheet_model import FileRef, MaterialRef, SheetInvalid
from reviewer.scoring.workbench_types import (
    Conflict,
    EligibilityState,
    Review,
    ReviewLocked,
    ReviewStatus,
    SignedFile,
)

__all__ = ["sheet_world"]


@pytest.fixture
def bench(data_dir):
    store = Store.open(data_dir)
    yield Workbench(store)
    store.close()


def _half(leaf) -> Decimal:
    step = leaf.step or Decimal(1)
    return (leaf.points * Decimal("0.5") / step).to_integral_value() * step


def _open(w, bench, who="li"):
    return bench.open_review(
        w.binding.package_id, w.ids[who].fingerprint, package_path=w.package, standard=w.standard
    )


def _fill(w, bench, review, tmp_path):
    bench.declare(review, Conflict.NONE)
    bench.accept_pledge(review)
    for leaf in w.standard.leaves():
        bench.set_score(review, leaf.code, _half(leaf))
        bench.set_comment(review, leaf.code, f"意见 {leaf.code}")
    for item in w.standard.yes_no:
        bench.answer_yes_no(review, item.code, True)
    for cond in w.standard.eligibility:
        bench.answer_eligibility(review, cond.code, EligibilityState.CONFIRMED)
    first = w.standard.leaves()[0].code
    bench.add_evidence(review, first, material=MATERIAL, page=3)
    photo = tmp_path / "现场照片.jpg"
    photo.write_bytes(b"\xff\xd8 a photo")
    bench.attach_file(review, first, photo)
    return first


def test_missing_lists_declarations_first_then_every_gap(sheet_world, bench) -> None:
    w = sheet_world
    review = _open(w, bench)
    assert [m.code for m in missing(w.standard, bench.snapshot(review))][:2] == ["conflict", "pledge"]
    bench.declare(review, Conflict.NONE)
    bench.accept_pledge(review)
    first = w.standard.leaves()[0]
    bench.set_score(review, first.code, _half(first))
    codes = [m.code for m in missing(w.standard, bench.snapshot(review))]
    leaves = [leaf.code for leaf in w.standard.leaves()]
    assert first.code not in codes
    assert set(leaves[1:]) <= set(codes)
    assert {i.code for i in w.standard.yes_no} <= set(codes)
    assert {c.code for c in w.standard.eligibility} <= set(codes)


def test_finalise_signs_verifies_locks_and_the_chair_reads_every_score(
    sheet_world, bench, data_dir, tmp_path
) -> None:
    w = sheet_world
    review = _open(w, bench)
    first = _fill(w, bench, review, tmp_path)
    state = bench.snapshot(review)
    assert missing(w.standard, state, set(w.binding.materials)) == []
    answers = answers_of(w.standard, state)
    assert answers.scores[first].evidence[0] == MaterialRef(MATERIAL, 3)
    assert isinstance(answers.scores[first].evidence[1], FileRef)
    archive = SheetArchive(tmp_path / "archive")
    done = finalise(bench, review, w.binding, w.ids["li"], tmp_path / "li.rvsheet", archive=archive)
    assert done.version == 1 and done.path.read_bytes() == done.sheet.data
    assert archive.sheet_path(review, 1).read_bytes() == done.sheet.data
    assert bench.snapshot(review).status is ReviewStatus.FINALISED
    # The version keeps what was signed, for the pages to show after a restart (a fresh store).
    store = Store.open(data_dir)
    try:
        again = Workbench(store).snapshot(review)
    finally:
        store.close()
    assert again.versions[0].signed == SignedFile(
        str(tmp_path / "li.rvsheet"), hashlib.sha256(done.sheet.data).hexdigest(), done.digest
    )
    assert again.versions[0].finalised_at is not None
    with pytest.raises(ReviewLocked):
        bench.set_score(review, first, "0")
    chair = open_sheet(done.sheet.data, w.ids["zhang"], w.binding, w.root_cert)
    assert chair.digest == done.digest
    for leaf in w.standard.leaves():
        assert chair.answers.scores[leaf.code].score == _half(leaf)
        assert chair.answers.scores[leaf.code].comment == f"意见 {leaf.code}"
    with pytest.raises(Refused):  # a second finalise of a locked version
        finalise(bench, review, w.binding, w.ids["li"], tmp_path / "again.rvsheet", archive=archive)


def test_an_incomplete_review_is_not_signed_and_nothing_is_written(sheet_world, bench, tmp_path) -> None:
    w = sheet_world
    review = _open(w, bench, "wang")
    bench.declare(review, Conflict.NONE)
    bench.accept_pledge(review)
    out = tmp_path / "wang.rvsheet"
    with pytest.raises(SheetInvalid) as caught:
        finalise(bench, review, w.binding, w.ids["wang"], out, archive=SheetArchive(tmp_path / "a"))
    assert w.standard.leaves()[0].code in caught.value.codes
    assert not out.exists() and bench.snapshot(review).status is ReviewStatus.OPEN


def test_a_declared_conflict_produces_a_recusal_sheet_that_verifies(sheet_world, bench, tmp_path) -> None:
    w = sheet_world
    review = _open(w, bench, "zhou")
    bench.declare(review, Conflict.DECLARED, "曾为该园区提供咨询")
    bench.accept_pledge(review)
    assert missing(w.standard, bench.snapshot(review)) == []
    done = finalise(
        bench,
        review,
        w.binding,
        w.ids["zhou"],
        tmp_path / "zhou.rvsheet",
        archive=SheetArchive(tmp_path / "a"),
    )
    chair = open_sheet(done.sheet.data, w.ids["zhang"], w.binding, w.root_cert)
    assert chair.recused and chair.declarations.conflict_reason == "曾为该园区提供咨询"
    assert chair.declarations.pledge_accepted and not chair.answers.scores


def test_a_return_notice_unlocks_only_its_codes_and_version_2_records_the_reason(
    sheet_world, bench, tmp_path
) -> None:
    w = sheet_world
    review = _open(w, bench)
    _fill(w, bench, review, tmp_path)
    archive = SheetArchive(tmp_path / "archive")
    v1 = finalise(bench, review, w.binding, w.ids["li"], tmp_path / "v1.rvsheet", archive=archive).sheet
    leaves = w.standard.leaves()
    named, other = leaves[1], leaves[2]
    notice = build_return_notice(w.ids["zhang"], w.binding, v1, [named.code], "请核实该项得分")
    accepted = accept_return_notice(bench, review, w.binding, w.ids["li"], notice, archive=archive)
    assert accepted.codes == (named.code,)
    state = bench.snapshot(review)
    assert state.version == 2 and state.editable_codes == frozenset({named.code})
    with pytest.raises(Refused):
        bench.set_score(review, other.code, "0")
    bench.set_score(review, named.code, "0")
    assert bench.snapshot(review).versions[1].signed is None  # version 2 is not signed yet
    v2 = finalise(bench, review, w.binding, w.ids["li"], tmp_path / "v2.rvsheet", archive=archive)
    assert v2.version == 2
    versions = bench.snapshot(review).versions
    assert [v.signed.digest for v in versions] == [v1.digest, v2.digest]  # type: ignore[union-attr]
    assert versions[1].signed.path == str(tmp_path / "v2.rvsheet")  # type: ignore[union-attr]
    chair = open_sheet(v2.sheet.data, w.ids["zhang"], w.binding, w.root_cert, previous=v1)
    assert chair.correction is not None and chair.correction.reason == "请核实该项得分"
    assert chair.answers.scores[named.code].score == 0
    assert chair.answers.scores[other.code].score == v1.answers.scores[other.code].score
    # The same notice again names version 1, not the version 2 now signed: refused, nothing unlocked.
    with pytest.raises(Refused, match="another version"):
        accept_return_notice(bench, review, w.binding, w.ids["li"], notice, archive=archive)
    with pytest.raises(NotAnArtifact):
        accept_return_notice(bench, review, w.binding, w.ids["li"], b"not a notice", archive=archive)
    assert bench.snapshot(review).status is ReviewStatus.FINALISED


def test_the_newest_kept_sheet_of_a_member(sheet_world, tmp_path) -> None:
    """What the chair counts as their own at opening: the highest version kept, as kept; others'
    sheets, other packages and stray files are not it."""
    archive = SheetArchive(tmp_path / "archive")
    me, other = "ab" * 32, "cd" * 32
    assert archive.newest_sheet("pkg/1", me) is None  # no folder yet
    review = Review(0, "pkg/1", me, sheet_world.standard)
    for version in (1, 2, 10):
        archive.keep_sheet(review, version, f"v{version}".encode())
    archive.keep_sheet(Review(0, "pkg/1", other, sheet_world.standard), 11, b"theirs")
    archive.keep_sheet(Review(0, "pkg-2", me, sheet_world.standard), 12, b"elsewhere")
    archive.keep_notice(review, 11, b"notice")
    (archive.sheet_path(review, 1).parent / "sheet-v99.rvsheet.tmp").write_bytes(b"stray")
    assert archive.newest_sheet("pkg/1", me) == (10, b"v10")
    assert archive.newest_sheet("pkg/1", other) == (11, b"theirs")
    assert archive.newest_sheet("pkg/2", other) is None

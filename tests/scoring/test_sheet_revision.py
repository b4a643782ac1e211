"""Return notices, version n+1, and the chair's import rules (SheetCollection)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sheet_fixtures import full_answers, sheet_world

from reviewer.errors import NotAnArtifact, Refused
from reviewer.scoring.return_notice import (
    build_return_notice,
    check_successor,
    open_return_notice,
    revise_sheet,
)
from reviewer.scoring.sheet import build_recusal, build_sheet, open_sheet, seal_sheet
from reviewer.scoring.sheet_collection import SheetCollection
from reviewer.scoring.sheet_model import ScoreAnswer, YesNoAnswer

__all__ = ["sheet_world"]


def _open(w, data, reader="zhang", previous=None):
    return open_sheet(data, w.ids[reader], w.binding, w.root_cert, previous=previous)


def _sheet(w, who="li", **bump):
    data = build_sheet(
        w.binding,
        w.ids[who],
        full_answers(w.standard, bump={k.replace("_", "."): v for k, v in bump.items()}),
    )
    return _open(w, data)


@pytest.fixture(scope="module")
def v1(sheet_world):
    return _sheet(sheet_world, "li", **{"1_1": "7.5"})


@pytest.fixture(scope="module")
def notice(sheet_world, v1):
    w = sheet_world
    data = build_return_notice(w.ids["zhang"], w.binding, v1, ["1.1", "V1"], "1.1 偏离组内均值，请复核")
    return open_return_notice(data, w.ids["li"], w.binding, sheet=v1)


@pytest.fixture(scope="module")
def v2(sheet_world, v1, notice):
    w = sheet_world
    data = revise_sheet(
        w.binding, w.ids["li"], v1, notice, scores={"1.1": ScoreAnswer(Decimal("5"), "复核后调整")}
    )
    return _open(w, data, previous=v1)


def test_notice_names_the_sheet_codes_and_reason(sheet_world, v1, notice):
    assert notice.sheet_sha256 == v1.digest and notice.revision == 1
    assert notice.codes == ("1.1", "V1")
    assert notice.reason == "1.1 偏离组内均值，请复核"
    assert notice.expert_fingerprint == sheet_world.ids["li"].fingerprint


def test_version_2_changes_only_the_named_indicators(sheet_world, v1, notice, v2):
    assert v2.revision == 2 and v2.header.previous_sha256 == v1.digest
    assert v2.correction is not None
    assert v2.correction.reason == notice.reason
    assert v2.correction.return_notice_sha256 == notice.digest
    assert v2.answers.scores["1.1"].score == Decimal("5")
    unchanged = {c for c in v1.answers.scores if c != "1.1"}
    assert all(v2.answers.scores[c] == v1.answers.scores[c] for c in unchanged)
    # the chair can read version 2: it was encrypted with the chair's certificate from the notice
    assert v2.to_expert_scores().scores["1.1"] == Decimal("5")


def test_locked_indicators_cannot_be_changed(sheet_world, v1, notice):
    w = sheet_world
    with pytest.raises(Refused, match=r"1\.2 is locked"):
        revise_sheet(w.binding, w.ids["li"], v1, notice, scores={"1.2": ScoreAnswer(Decimal("1"), "x")})
    # a yes/no item the notice names may change; a "no" still needs its comment
    data = revise_sheet(w.binding, w.ids["li"], v1, notice, yes_no={"V1": YesNoAnswer(False, "材料存疑")})
    assert _open(w, data, previous=v1).answers.yes_no["V1"].answer is False


def test_a_successor_that_changes_more_than_named_is_refused(sheet_world, v1, notice):
    """A modified client could sign n+1 with other changes: opening it against n catches it."""
    w = sheet_world
    from reviewer.scoring.sheet import Correction
    from reviewer.scoring.sheet_model import SheetAnswers, check_answers

    old = v1.answers
    sneaky = check_answers(
        w.standard,
        SheetAnswers(
            old.declarations,
            {**old.scores, "3.1": ScoreAnswer(Decimal("8"), "满分")},
            old.yes_no,
            old.eligibility,
        ),
    )
    data = seal_sheet(
        w.binding,
        w.ids["li"],
        kind="score",
        answers=sneaky,
        role="expert",
        chair_certificate=w.ids["zhang"].certificate,
        revision=2,
        previous_sha256=v1.digest,
        correction=Correction(notice.reason, notice.digest, ("1.1",)),
    )
    with pytest.raises(Refused, match=r"\(3\.1\)"):
        _open(w, data, previous=v1)
    sheet = _open(w, data)  # without n at hand the signature alone holds
    with pytest.raises(Refused):
        check_successor(v1, sheet)


def test_the_expert_accepts_only_the_chairs_notice_for_their_own_sheet(sheet_world, v1):
    w = sheet_world
    data = build_return_notice(w.ids["zhang"], w.binding, v1, ["1.1"], "请复核")
    with pytest.raises(Refused, match="another expert"):
        open_return_notice(data, w.ids["wang"], w.binding)
    wang = _sheet(w, "wang")
    with pytest.raises(Refused, match="another version"):
        open_return_notice(data, w.ids["li"], w.binding, sheet=wang)
    with pytest.raises(Refused, match="Only this panel's chair"):
        build_return_notice(w.ids["wang"], w.binding, v1, ["1.1"], "请复核")
    with pytest.raises(Refused, match=r"invalid: 9\.9"):
        build_return_notice(w.ids["zhang"], w.binding, v1, ["9.9"], "请复核")
    with pytest.raises(NotAnArtifact):  # a sheet is not a return notice
        open_return_notice(v1.data, w.ids["li"], w.binding)


def test_a_notice_signed_by_a_non_chair_member_is_refused(sheet_world, v1):
    """A member who is not the chair cannot pass off a notice (built here with the envelope directly)."""
    w = sheet_world
    from dataclasses import replace

    from reviewer.scoring.sheet_binding import PackageBinding

    # Pretend wang chairs: the notice is then signed by wang, and li's side checks the real roster.
    roster = tuple(replace(m, role="chair" if m.name == "王芳" else "expert") for m in w.binding.roster)
    fake = PackageBinding(**{**w.binding.__dict__, "roster": roster})
    data = build_return_notice(w.ids["wang"], fake, v1, ["1.1"], "伪造")
    with pytest.raises(Refused, match="not signed by this panel's chair"):
        open_return_notice(data, w.ids["li"], w.binding, sheet=v1)


# --- SheetCollection --------------------------------------------------------------------------


def test_collection_rules(sheet_world, v1, v2):
    w = sheet_world
    wang = _sheet(w, "wang")
    zhou = _open(w, build_recusal(w.binding, w.ids["zhou"], "亲属任职"))
    c = SheetCollection(w.binding.package_id)
    c, first = c.add(v1, "li-1.rvsheet")
    assert first.accepted
    c, dup = c.add(v1, "copy.rvsheet")
    assert not dup.accepted and "Duplicate" in str(dup.reason)
    c, newer = c.add(v2, "li-2.rvsheet")
    assert newer.accepted and newer.superseded is v1
    c, older = c.add(v1, "li-1-again.rvsheet")
    assert not older.accepted and "Duplicate" in str(older.reason)  # seen before: a duplicate
    c = c.add_all([(wang, "wang.rvsheet"), (zhou, "zhou.rvsheet")])
    assert [o.source for o in c.refusals] == ["copy.rvsheet", "li-1-again.rvsheet"]
    assert {s.expert_id: s.revision for s in c.sheets()} == {
        w.ids["li"].fingerprint: 2,
        w.ids["wang"].fingerprint: 1,
        w.ids["zhou"].fingerprint: 1,
    }
    scores = {e.expert_id: e for e in c.expert_scores()}
    assert scores[w.ids["zhou"].fingerprint].recused
    assert scores[w.ids["li"].fingerprint].scores["1.1"] == Decimal("5")


def test_an_older_version_arriving_later_is_refused(sheet_world, v1, v2):
    c = SheetCollection(sheet_world.binding.package_id)
    c, _ = c.add(v2, "li-2")
    c, late = c.add(v1, "li-1")
    assert not late.accepted and "Outdated" in str(late.reason)
    assert c.current[v2.expert_id] is v2


def test_same_version_conflict_and_wrong_package(sheet_world, v1):
    w = sheet_world
    again = _sheet(w, "li", **{"1_1": "7.5"})  # the same answers signed again: another file, same version
    assert again.digest != v1.digest
    c, _ = SheetCollection(w.binding.package_id).add(v1)
    c, conflict = c.add(again)
    assert not conflict.accepted and "Conflict" in str(conflict.reason)
    _, other = SheetCollection(w.other_binding.package_id).add(v1)
    assert not other.accepted and "another package" in str(other.reason)


def test_a_successor_that_does_not_follow_is_refused(sheet_world, v1, notice):
    """Version 2 built on a different version 1 than the one held is refused."""
    w = sheet_world
    v1b = _sheet(w, "li", **{"1_1": "7.5"})
    notice_b = open_return_notice(
        build_return_notice(w.ids["zhang"], w.binding, v1b, ["1.1"], "复核"),
        w.ids["li"],
        w.binding,
        sheet=v1b,
    )
    v2b = _open(
        w, revise_sheet(w.binding, w.ids["li"], v1b, notice_b, scores={"1.1": ScoreAnswer(Decimal("6"), "c")})
    )
    c, _ = SheetCollection(w.binding.package_id).add(v1)
    c, out = c.add(v2b)
    assert not out.accepted and "not a correction" in str(out.reason)

"""The expert's answer to the chair's motion, Qt-free (reviewer.app.member_vote): the motion read for
the expert's package with each change's indicator title and ground label; the statement signed,
written, verified and kept; a motion of another package refused with its reason."""

from __future__ import annotations

from pathlib import Path

import pytest
from bundle_world import CHAIR, BundleWorld, bundle_world

from reviewer.app.finalise import SheetArchive
from reviewer.app.member_vote import kept_statements, read_motion, sign_statement
from reviewer.app.opening import load_review
from reviewer.errors import Refused
from reviewer.scoring.statement import Vote, open_statement
from tests.export.conftest import source

__all__ = ["bundle_world"]


def test_read_vote_sign_keep(bundle_world: BundleWorld, tmp_path: Path) -> None:
    w = bundle_world
    motion_file = tmp_path / "motion.rvmotion"
    motion_file.write_bytes(w.motions[0])
    opened = load_review(w.package, w.folders["li-zhe"], source(), lambda *a: None)
    shown = read_motion(opened, motion_file)
    assert shown.changes and all(c.title is not None and c.ground is not None for c in shown.changes)
    change = shown.changes[0]
    assert change.title == opened.standard.criterion(change.change.code).title
    assert change.ground.zh  # the rules' Chinese label of the ground
    archive = SheetArchive(tmp_path / "sheets")
    assert kept_statements(opened, archive) == []
    votes = [Vote(c.change.code, "object", "理由充分") for c in shown.changes]
    opinion = None if shown.motion.opinion is None else "approve"
    out = tmp_path / "li.rvstatement"
    s = sign_statement(
        opened, shown, votes=votes, opinion=opinion, dissent="保留意见", out=out, archive=archive
    )
    chair = w.ids[CHAIR]
    again = open_statement(out.read_bytes(), chair, w.binding, chair.trust_root(), motion=shown.motion)
    assert again.digest == s.digest and again.dissent == "保留意见" and again.votes == tuple(votes)
    assert [k.digest for k in kept_statements(opened, archive)] == [s.digest]
    with pytest.raises(Refused, match="reason"):  # an objection without a reason
        sign_statement(
            opened, shown, votes=[Vote(c.change.code, "object", None) for c in shown.changes],
            opinion=opinion, dissent=None, out=tmp_path / "x.rvstatement", archive=archive,
        )  # fmt: skip
    assert not (tmp_path / "x.rvstatement").exists()


def test_a_motion_of_another_package_is_refused(bundle_world: BundleWorld, tmp_path: Path) -> None:
    w = bundle_world
    motion_file = tmp_path / "motion.rvmotion"
    motion_file.write_bytes(w.motions[0])
    other = load_review(w.other_package, w.folders["li-zhe"], source(), lambda *a: None)
    with pytest.raises(Refused, match="another package"):
        read_motion(other, motion_file)

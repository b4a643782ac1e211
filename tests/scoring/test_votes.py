"""Votes and dissents in the decisions, checked against the signed motions and statements."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from decimal import Decimal

import pytest
from sheet_fixtures import sheet_world

from reviewer.scoring.decisions import (
    Actor,
    CastVote,
    ConsensusDecision,
    DissentDecision,
    Opinion,
    PanelDecisions,
)
from reviewer.scoring.motion import Change, build_motion, open_motion
from reviewer.scoring.statement import Vote, build_statement, open_statement
from reviewer.scoring.votes import (
    ChangeNotAdopted,
    VoteNotSigned,
    adopted_codes,
    apply_statements,
    check_against_statements,
    require_adopted,
)
from reviewer.standards.panel_rules import load_panel_rules
from reviewer.trust import clock

__all__ = ["sheet_world"]
AT = "2026-06-17T08:00:00Z"


@pytest.fixture(scope="module")
def voted(sheet_world):
    """Decisions with a change of 1.1 and an opinion, put to the panel; li approves both and
    dissents; wang objects to the change; zhou (not recused here) approves."""
    w = sheet_world
    chair = Actor("张伟", w.ids["zhang"].fingerprint, "chair")
    opinion = Opinion(("成效显著",), ("问题",), ("建议",), "同意通过", chair, AT)
    decisions = (
        PanelDecisions(w.binding.package_id)
        .with_consensus(ConsensusDecision("1.1", Decimal("4"), "畸高", chair, AT, "extreme"))
        .with_opinion(opinion)
    )
    data = build_motion(
        w.ids["zhang"],
        w.binding,
        changes=[Change("1.1", Decimal("4"), Decimal("7.5"), "extreme", "畸高")],
        opinion=opinion,
    )
    motion = open_motion(data, w.ids["zhang"], w.binding, w.root_cert)

    def answer(who, vote, dissent=None, reason=None):
        raw = build_statement(
            w.ids[who],
            w.binding,
            motion=motion,
            votes=[Vote("1.1", vote, reason)],
            opinion="approve",
            dissent=dissent,
        )
        return open_statement(raw, w.ids["zhang"], w.binding, w.root_cert, motion=motion)

    statements = [
        answer("li", "approve", dissent="本人对结论持保留意见：研发投入证据不足。"),
        answer("wang", "object", reason="应取 5 分"),
        answer("zhou", "approve"),
    ]
    return w, apply_statements(decisions, motion, statements), motion, statements


def _maps(motion, statements):
    return {motion.digest: motion}, {s.digest: s for s in statements}


def test_statements_fill_votes_and_the_members_own_dissent(voted) -> None:
    w, decisions, motion, statements = voted
    li, wang, zhou = (w.ids[k].fingerprint for k in ("li", "wang", "zhou"))
    c = decisions.consensus[0]
    assert c.motion_sha256 == motion.digest
    assert {(v.expert, v.vote) for v in c.votes} == {(li, "approve"), (wang, "object"), (zhou, "approve")}
    assert set(decisions.opinion.approvals) == {li, wang, zhou}
    (dissent,) = decisions.dissents
    assert dissent.expert == li and dissent.by.fingerprint == li and dissent.by.name == "李娜"
    assert dissent.statement_sha256 == statements[0].digest
    check_against_statements(decisions, *_maps(motion, statements), names={})
    rules = load_panel_rules()
    voters = [w.ids[k].fingerprint for k in ("zhang", "li", "wang", "zhou")]
    assert adopted_codes(decisions, rules, voters, w.ids["zhang"].fingerprint) == ("1.1",)  # 3 of 4


def test_a_change_without_the_approvals_is_refused(voted) -> None:
    w, decisions, _, _ = voted
    rules = load_panel_rules()
    voters = [w.ids[k].fingerprint for k in ("zhang", "li", "wang", "zhou")]
    c = decisions.consensus[0]
    only_one = replace(
        decisions, consensus=(replace(c, votes=tuple(v for v in c.votes if v.vote == "object")),)
    )
    names = {w.ids["zhang"].fingerprint: "张伟", w.ids["wang"].fingerprint: "王芳"}
    with pytest.raises(ChangeNotAdopted) as info:
        require_adopted(only_one, rules, voters, w.ids["zhang"].fingerprint, names)
    text = str(info.value)
    assert (
        "1.1" in text
        and "1 approved (张伟)" in text
        and "1 objected (王芳)" in text
        and "of 4 voters" in text
    )
    assert "3 approvals are needed" in text and "MOF Order No. 87 art. 64" in text


def test_a_chair_typed_dissent_is_refused(voted) -> None:
    w, decisions, motion, statements = voted
    li = w.ids["li"].fingerprint
    chair = Actor("张伟", w.ids["zhang"].fingerprint, "chair")
    typed = decisions.with_dissent(DissentDecision(li, "组长代写的保留意见", chair, AT, statements[0].digest))
    with pytest.raises(VoteNotSigned):
        check_against_statements(typed, *_maps(motion, statements), names={})
    reworded = decisions.with_dissent(replace(decisions.dissents[0], text="改过的保留意见"))
    with pytest.raises(VoteNotSigned, match="differs from their signed statement"):
        check_against_statements(reworded, *_maps(motion, statements), names={})


def test_a_dissent_citing_another_members_statement_is_refused(voted) -> None:
    w, decisions, motion, statements = voted
    wang = w.ids["wang"].fingerprint
    wang_actor = Actor("王芳", wang, "expert")
    borrowed = decisions.with_dissent(
        DissentDecision(wang, statements[0].dissent, wang_actor, AT, statements[0].digest)
    )
    with pytest.raises(VoteNotSigned, match="signed by 李娜, not by them"):
        check_against_statements(borrowed, *_maps(motion, statements), names={wang: "王芳"})


def test_a_forged_vote_is_refused(voted) -> None:
    w, decisions, motion, statements = voted
    c = decisions.consensus[0]
    wang = w.ids["wang"].fingerprint
    flipped = tuple(
        CastVote(v.expert, "approve", v.statement_sha256) if v.expert == wang else v for v in c.votes
    )
    forged = replace(decisions, consensus=(replace(c, votes=flipped),))
    with pytest.raises(VoteNotSigned, match=r"王芳 on indicator 1\.1 differs"):
        check_against_statements(forged, *_maps(motion, statements), names={})
    missing = replace(
        decisions, consensus=(replace(c, votes=(*c.votes, CastVote("f" * 64, "approve", "a" * 64))),)
    )
    with pytest.raises(VoteNotSigned, match="not carried"):
        check_against_statements(missing, *_maps(motion, statements), names={})
    other_value = replace(decisions, consensus=(replace(c, value=Decimal("3")),))
    with pytest.raises(VoteNotSigned, match="differs from the motion"):
        check_against_statements(other_value, *_maps(motion, statements), names={})


def test_a_rationale_rewritten_after_the_vote_is_refused(voted) -> None:
    """The members voted on the rationale the motion gave: the chair cannot print another one over
    their votes (the record prints the rationale beside the votes)."""
    _w, decisions, motion, statements = voted
    c = decisions.consensus[0]
    rewritten = replace(decisions, consensus=(replace(c, rationale="组长事后改写的理由"),))
    with pytest.raises(VoteNotSigned, match="differs from the motion"):
        check_against_statements(rewritten, *_maps(motion, statements), names={})


def _again(w, motion, who, vote, *, dissent=None, reason=None):
    """A second statement of ``who`` answering ``motion``, a minute later than the app's clock."""
    now = clock.utcnow() + timedelta(minutes=1)
    raw = build_statement(
        w.ids[who],
        w.binding,
        motion=motion,
        votes=[Vote("1.1", vote, reason)],
        opinion="approve",
        dissent=dissent,
        now=now,
    )
    return open_statement(raw, w.ids["zhang"], w.binding, w.root_cert, motion=motion)


def test_attack_a_superseded_approval_is_refused_when_the_newer_objection_is_carried(voted) -> None:
    """A member voted twice (approve, then object): the newest statement counts; the chair citing
    the older approval while the newer objection is carried is refused."""
    w, decisions, motion, statements = voted
    zhou = w.ids["zhou"].fingerprint
    newer = _again(w, motion, "zhou", "object", reason="改变主意")
    filled = apply_statements(decisions, motion, [*statements, newer]).consensus[0].votes
    assert {v.expert: (v.vote, v.statement_sha256) for v in filled}[zhou] == ("object", newer.digest)
    with pytest.raises(VoteNotSigned, match=r"newer|较新"):
        check_against_statements(decisions, *_maps(motion, [*statements, newer]), names={zhou: "周"})


def test_attack_a_carried_dissent_hidden_by_the_chair_is_refused(voted) -> None:
    """li's signed statement (carried: it is li's vote) holds a dissent; decisions without it are refused."""
    w, decisions, motion, statements = voted
    li = w.ids["li"].fingerprint
    hidden = decisions.without_dissent(li)
    with pytest.raises(VoteNotSigned, match=r"dissent|保留意见"):
        check_against_statements(hidden, *_maps(motion, statements), names={li: "李"})


def test_attack_an_objection_left_out_of_the_votes_is_refused(voted) -> None:
    """wang's carried objection dropped from the change's votes (the record would print fewer objections)."""
    w, decisions, motion, statements = voted
    wang = w.ids["wang"].fingerprint
    c = decisions.consensus[0]
    dropped = replace(decisions, consensus=(replace(c, votes=tuple(v for v in c.votes if v.expert != wang)),))
    with pytest.raises(VoteNotSigned, match=r"left out|未记入"):
        check_against_statements(dropped, *_maps(motion, statements), names={wang: "王"})


def test_attack_statements_answering_an_earlier_motion_do_not_count_for_a_newer_one(voted) -> None:
    """The chair re-puts 1.1 in a new motion and cites the members' answers to the old one."""
    w, decisions, motion, statements = voted
    again = build_motion(
        w.ids["zhang"],
        w.binding,
        changes=[Change("1.1", Decimal("4"), Decimal("7.5"), "extreme", "畸高")],
        opinion=decisions.opinion,
    )
    newer = open_motion(again, w.ids["zhang"], w.binding, w.root_cert)
    c = decisions.consensus[0]
    moved = replace(decisions, consensus=(replace(c, motion_sha256=newer.digest),))
    maps = ({motion.digest: motion, newer.digest: newer}, {s.digest: s for s in statements})
    with pytest.raises(VoteNotSigned, match=r"differs from their signed statement"):
        check_against_statements(moved, *maps, names={})


def test_attack_a_recused_members_and_the_chairs_votes_are_not_counted(voted) -> None:
    """zhou recused: their approval is not counted, nor are they a voter; a vote entered under the
    chair's fingerprint adds nothing (the chair approves once, by the motion)."""
    from reviewer.scoring.votes import change_tally

    w, decisions, _, _ = voted
    chair, li, wang = (w.ids[k].fingerprint for k in ("zhang", "li", "wang"))
    c = decisions.consensus[0]
    t = change_tally(c, [chair, li, wang], chair)
    assert (t.approve, t.object, t.voters) == ((chair, li), (wang,), 3)
    doubled = replace(c, votes=(*c.votes, CastVote(chair, "approve", c.votes[0].statement_sha256)))
    assert change_tally(doubled, [chair, li, wang], chair).approve == (chair, li)

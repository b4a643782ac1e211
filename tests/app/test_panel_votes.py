"""The window's panel vote (reviewer.app.panel_votes), Qt-free: a motion of the proposals not yet
adopted, statements taken (a recused member's refused), where each change and the opinion stand."""

from __future__ import annotations

from decimal import Decimal

from reviewer.app import panel_votes as pv
from reviewer.models.chair import ChairStore
from reviewer.models.store import Store
from reviewer.scoring.decisions import Actor, ConsensusDecision, Opinion, PanelDecisions
from reviewer.scoring.panel import PanelState
from reviewer.scoring.sheet import build_recusal, build_sheet
from reviewer.scoring.statement import Vote, build_statement
from tests.scoring.sheet_fixtures import full_answers, sheet_world

__all__ = ["sheet_world"]
AT = "2026-06-17T08:00:00Z"


class _Review:  # what put_to_panel reads of an opened review
    def __init__(self, identity) -> None:
        self.identity = identity


def test_a_proposal_is_moved_voted_and_adopted_and_a_recused_member_does_not_vote(
    sheet_world, data_dir
) -> None:
    w = sheet_world
    chair = w.ids["zhang"]
    state = PanelState.start(w.binding, chair)
    offered = [
        (k, build_sheet(w.binding, w.ids[k], full_answers(w.standard))) for k in ("zhang", "li", "wang")
    ]
    offered.append(("zhou", build_recusal(w.binding, w.ids["zhou"], "本人所在单位为申报单位。")))
    state, _ = state.import_sheets(offered)
    by = Actor("张伟", chair.fingerprint, "chair")
    decisions = PanelDecisions(w.binding.package_id).with_consensus(
        ConsensusDecision("1.1", Decimal("5"), "合议取 5 分", by, AT, "extreme")
    )
    decisions = decisions.with_opinion(Opinion(("特色",), (), (), "同意通过。", by, AT))
    state = state.with_decisions(decisions)
    rec = state.reconcile()
    assert pv.change_status(state, "1.1").status == pv.UNMOVED
    assert pv.change_status(state, "1.2") is None and pv.opinion_status(state).status == pv.UNMOVED

    changes, draft = pv.proposals(state, rec)
    assert [(c.code, c.value, c.aggregate, c.ground) for c in changes] == [
        ("1.1", Decimal("5"), rec.indicator("1.1").aggregate, "extreme")
    ]
    assert draft is not None and draft.conclusion == "同意通过。"
    with Store.open() as store:
        chair_store = ChairStore(store)
        state = pv.put_to_panel(_Review(chair), state, rec, chair_store)
        motion = pv.held_votes(state).motion
        assert motion is not None and state.decisions.consensus_for("1.1").motion_sha256 == motion.digest
        assert len(chair_store.vote_bytes(w.binding.package_id, "motion")) == 1
        st = pv.change_status(state, "1.1")
        assert (st.status, st.approve, st.voters, st.needed) == (pv.PENDING, (chair.fingerprint,), 3, 2)

        def answer(key: str, vote: str, dissent: str | None = None) -> tuple[str, bytes]:
            reason = "不应变更" if vote == "object" else None
            data = build_statement(
                w.ids[key], w.binding, motion=motion, votes=[Vote("1.1", vote, reason)], opinion="approve",
                dissent=dissent,
            )  # fmt: skip
            return f"{key}.rvstatement", data

        state, outcomes = pv.take_statements(
            state, [answer("zhou", "approve"), answer("wang", "object", "本人保留意见"), ("x.rvstatement", b"PK junk")],
            chair_store,
        )  # fmt: skip
        assert [o.accepted for o in outcomes] == [False, True, False]
        assert outcomes[0].reason.render("en") == "周淼 recused and does not vote."
        st = pv.change_status(state, "1.1")
        assert st.status == pv.PENDING and st.object == (w.ids["wang"].fingerprint,)
        assert state.decisions.dissent_of(w.ids["wang"].fingerprint).text == "本人保留意见"

        rejected, _ = pv.take_statements(state, [answer("li", "object")], None)  # were 李 to object
        st = pv.change_status(rejected, "1.1")
        assert (st.status, len(st.approve), len(st.object)) == (pv.REJECTED, 1, 2)
        assert rejected.reconcile().indicator("1.1").value == rec.indicator("1.1").aggregate
        state, _ = pv.take_statements(state, [answer("li", "approve")], chair_store)
        assert pv.change_status(state, "1.1").status == pv.ADOPTED  # the chair and 李 of 3 voters
        assert state.reconcile().indicator("1.1").value == Decimal("5")
        assert pv.opinion_status(state).status == pv.ADOPTED
        assert [s.member.fingerprint for s in pv.held_votes(state).statements] == [
            w.ids["wang"].fingerprint,
            w.ids["li"].fingerprint,
        ]
        assert pv.proposals(state, state.reconcile()) == ((), None)  # nothing left to put
        assert len(chair_store.vote_bytes(w.binding.package_id, "statement")) == 2


def test_a_change_voted_on_an_aggregate_the_sheets_no_longer_give_goes_to_the_panel_again(
    sheet_world, data_dir
) -> None:
    """王芳's sheet arrives after the vote and moves the 1.1 aggregate: the members voted on a figure
    that is no longer true, so the change is no longer adopted, the next motion puts it again with
    the current aggregate, and the record is refused until then (MotionMisstated), before anyone
    signs rather than when the result file is built."""
    import pytest

    from reviewer.scoring.votes import MotionMisstated

    w = sheet_world
    chair = w.ids["zhang"]
    state = PanelState.start(w.binding, chair)
    offered = [(k, build_sheet(w.binding, w.ids[k], full_answers(w.standard))) for k in ("zhang", "li")]
    offered.append(("zhou", build_recusal(w.binding, w.ids["zhou"], "本人所在单位为申报单位。")))
    state, _ = state.import_sheets(offered)
    by = Actor("张伟", chair.fingerprint, "chair")
    decisions = PanelDecisions(w.binding.package_id).with_consensus(
        ConsensusDecision("1.1", Decimal("5"), "合议取 5 分", by, AT, "extreme")
    )
    state = state.with_decisions(decisions)
    with Store.open() as store:
        chair_store = ChairStore(store)
        state = pv.put_to_panel(_Review(chair), state, state.reconcile(), chair_store)
        motion = pv.held_votes(state).motion
        assert motion is not None
        voted = build_statement(w.ids["li"], w.binding, motion=motion, votes=[Vote("1.1", "approve")])
        state, _ = pv.take_statements(state, [("li.rvstatement", voted)], chair_store)
        assert pv.change_status(state, "1.1").status == pv.ADOPTED and state.adopted() == ("1.1",)
        state.require_adopted()

        late = build_sheet(w.binding, w.ids["wang"], full_answers(w.standard, bump={"1.1": "0"}))
        state, _ = state.import_sheets([("wang", late)])
        now = state.reconcile().indicator("1.1")
        assert now.aggregate != motion.change("1.1").aggregate
        assert state.stale() == {"1.1"} and state.adopted() == ()
        assert pv.change_status(state, "1.1").status == pv.PENDING
        assert now.value == now.aggregate  # the change no longer counts
        with pytest.raises(MotionMisstated, match=r"1\.1"):
            state.require_adopted()
        changes, _ = pv.proposals(state, state.reconcile())
        assert [(c.code, c.aggregate) for c in changes] == [("1.1", now.aggregate)]

"""The chair's core (reviewer.scoring.panel): collect verified sheets with a reason for each file,
keep the decisions checked against the package, reconcile, summarise in both languages."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sheet_fixtures import full_answers, sheet_world

from reviewer.errors import Refused
from reviewer.scoring.decisions import Actor, CastVote, ConsensusDecision, PanelDecisions
from reviewer.scoring.decisions_io import DecisionsInvalid
from reviewer.scoring.motion import Change, build_motion, open_motion
from reviewer.scoring.panel import PanelState, collect, summary_markdown, summary_text
from reviewer.scoring.sheet import build_recusal, build_sheet
from reviewer.scoring.statement import Vote, build_statement, open_statement
from reviewer.scoring.votes import ChangeNotAdopted, apply_statements

__all__ = ["sheet_world"]


@pytest.fixture(scope="module")
def files(sheet_world):
    w = sheet_world
    li = build_sheet(w.binding, w.ids["li"], full_answers(w.standard, base=Decimal("0.8")))
    wang = build_sheet(w.binding, w.ids["wang"], full_answers(w.standard, base=Decimal("0.6")))
    zhou = build_recusal(w.binding, w.ids["zhou"], "曾为该园区提供咨询服务")
    other = build_sheet(w.other_binding, w.ids["li"], full_answers(w.standard))
    return {"li": li, "wang": wang, "zhou": zhou, "other": other}


def test_collect_gives_one_outcome_per_file_with_its_reason(sheet_world, files) -> None:
    w = sheet_world
    offered = [
        ("li", files["li"]),
        ("other", files["other"]),
        ("zhou", files["zhou"]),
        ("li-again", files["li"]),
        ("junk", b"not a sheet"),
        ("wang", files["wang"]),
    ]
    collection, outcomes = collect(w.binding, offered, w.ids["zhang"])
    assert [o.accepted for o in outcomes] == [True, False, True, False, False, True]
    by = {o.source: o for o in outcomes}
    assert "another package" in str(by["other"].reason)
    assert "Duplicate" in str(by["li-again"].reason) and by["li-again"].error == "Refused"
    assert by["junk"].error == "NotAnArtifact" and by["junk"].expert_fingerprint is None
    assert by["zhou"].recused and by["li"].expert_name == "李娜" and by["li"].revision == 1
    scores = {s.expert_id: s for s in collection.expert_scores()}
    assert scores[w.ids["zhou"].fingerprint].recused
    assert len(scores) == 3


def test_only_the_chair_collects(sheet_world, files) -> None:
    w = sheet_world
    with pytest.raises(Refused):
        collect(w.binding, [("li", files["li"])], w.ids["li"])
    with pytest.raises(Refused):
        PanelState.start(w.binding, w.ids["wang"])


def test_state_reconciles_with_checked_decisions_and_summarises(sheet_world, files) -> None:
    w = sheet_world
    state = PanelState.start(w.binding, w.ids["zhang"])
    state, outcomes = state.import_sheets(
        [("li", files["li"]), ("wang", files["wang"]), ("zhou", files["zhou"])]
    )
    assert len(state.outcomes) == 3 and all(o.accepted for o in outcomes)
    chair = Actor("张伟", w.ids["zhang"].fingerprint, "chair")
    decided = PanelDecisions(w.binding.package_id).with_consensus(
        ConsensusDecision("1.1", Decimal("5"), "合议一致", chair, "2026-06-17T08:00:00Z", "extreme")
    )
    state = state.with_decisions(decided)
    assert state.voters() == (w.ids["zhang"].fingerprint, w.ids["li"].fingerprint, w.ids["wang"].fingerprint)
    assert state.reconcile().indicator("1.1").value == Decimal("5.75")  # a proposal: not adopted yet
    with pytest.raises(
        ChangeNotAdopted, match=r"1\.1.*0 approved.*of 3 voters; 2 approvals are needed \(more than 1/2"
    ):
        state.require_adopted()
    data = build_motion(
        w.ids["zhang"],
        w.binding,
        changes=[Change("1.1", Decimal("5"), Decimal("5.75"), "extreme", "合议一致")],
        opinion=None,
    )
    motion = open_motion(data, w.ids["zhang"], w.binding, w.root_cert)
    answer = build_statement(w.ids["li"], w.binding, motion=motion, votes=[Vote("1.1", "approve")])
    statement = open_statement(answer, w.ids["zhang"], w.binding, w.root_cert, motion=motion)
    state = state.with_decisions(apply_statements(state.decisions, motion, [statement]))
    assert state.decisions.consensus[0].votes == (
        CastVote(w.ids["li"].fingerprint, "approve", statement.digest),
    )
    state.require_adopted()
    rec = state.reconcile()
    assert rec.scoring_experts == 2 and rec.quorum_met is False and rec.result is None
    assert rec.indicator("1.1").value == Decimal("5")
    assert rec.indicator("1.1").aggregate == Decimal(
        "5.75"
    )  # mean of 6.5 (0.8 × 8) and 5 (0.6 × 8 = 4.8, to the step)
    with pytest.raises(DecisionsInvalid) as info:
        state.with_decisions(PanelDecisions("someone-else"))
    assert info.value.path == "package_id"
    names = state.names()
    en = summary_text(rec, names, state.decisions, lang="en")
    zh = summary_text(rec, names, state.decisions, lang="zh_CN")
    assert "2 scoring expert(s), 1 recused (周淼); quorum 5: NOT met." in en
    assert "Conclusion: none (quorum not met)" in en
    assert "1.1: computed 5.75 → consensus 5 (张伟, 2026-06-17T08:00:00Z). Rationale: 合议一致" in en, en
    assert (
        "计分专家 2 人，回避 1 人（周淼）；法定人数 5 人：未达到。" in zh
        and "结论：无（未达到法定人数）" in zh
    )
    md = summary_markdown(rec, names, state.decisions, lang="en")
    assert md.startswith("# Reconciliation summary") and "| 1.1 | 8 | 2 | 5 | 6.5 | 1.5 | 5.75 | 5 * |" in md

"""The chair's use cases for the panel's votes (Qt-free, as the chair's window calls them): put the
proposals to the panel, import the members' statements into the store, restore them on reopening."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from reviewer.app.chair_work import import_statements, put_to_panel, restore_votes
from reviewer.models.chair import ChairStore
from reviewer.models.store import Store
from reviewer.scoring.decisions import Actor, ConsensusDecision, PanelDecisions
from reviewer.scoring.motion import open_motion
from reviewer.scoring.panel import PanelState
from reviewer.scoring.sheet import build_sheet
from reviewer.scoring.statement import Vote, build_statement
from tests.scoring.sheet_fixtures import full_answers, sheet_world

__all__ = ["sheet_world"]
AT = "2026-06-17T08:00:00Z"


def test_put_to_panel_then_import_statements_and_restore(sheet_world, data_dir: Path, tmp_path: Path) -> None:
    w = sheet_world
    chair = w.ids["zhang"]
    state = PanelState.start(w.binding, chair)
    state, _ = state.import_sheets(
        [
            (k, build_sheet(w.binding, w.ids[k], full_answers(w.standard)))
            for k in ("zhang", "li", "wang", "zhou")
        ]
    )
    by = Actor("张伟", chair.fingerprint, "chair")
    proposal = ConsensusDecision("1.1", Decimal("5"), "评分畸高，合议取 5 分", by, AT, "extreme")
    state = state.with_decisions(PanelDecisions(w.binding.package_id).with_consensus(proposal))
    assert state.adopted() == ()
    with Store.open() as store:
        chair_store = ChairStore(store)
        path = put_to_panel(chair, w.binding, state.decisions, state.reconcile(), tmp_path / "m.rvmotion",
                            chair_store=chair_store)  # fmt: skip
        motion = open_motion(path.read_bytes(), w.ids["li"], w.binding, w.root_cert)
        assert motion.changes[0].aggregate == state.reconcile().indicator("1.1").aggregate
        files = []
        for key, vote in (("li", "approve"), ("wang", "approve"), ("zhou", "object")):
            files.append(tmp_path / f"{key}.rvstatement")
            reason = "不应变更" if vote == "object" else None
            dissent = "本人保留意见" if key == "zhou" else None
            files[-1].write_bytes(
                build_statement(
                    w.ids[key], w.binding, motion=motion, votes=[Vote("1.1", vote, reason)], dissent=dissent
                )
            )
        done = import_statements(state, [*files, tmp_path / "m.rvmotion"], chair_store)
        assert done.changed and done.accepted == 3 and done.refused == 1  # the motion is no statement
        assert done.state.adopted() == ("1.1",)  # 3 of 4 voters
        assert done.state.reconcile().indicator("1.1").value == Decimal("5")
        assert done.state.decisions.dissents[0].by.name == "周淼"
        assert chair_store.decisions(w.binding.package_id) == done.state.decisions
        again = restore_votes(state.with_decisions(done.state.decisions), chair_store)
        assert again.decisions == done.state.decisions and len(again.statements) == 3

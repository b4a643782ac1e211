"""The panel's vote in the chair's window (issue 18): a consensus change needs a ground and is a
proposal until adopted; the chair puts it and the draft opinion to the panel; two members vote on the
chair's laptop with their own keys (one approves, one objects with a reason and writes a dissent), a
third member's statement file is imported (and a recused member's refused with its reason); the
tally and the adoption are shown, the dissent listed under its author; reopening shows it all again.
Driven with clicks and keys."""

from __future__ import annotations

import hashlib
from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from reviewer.demo.package import DEMO_PASSPHRASE, source
from reviewer.export.bundle_checks import record_bindings
from reviewer.packages.envelope import read_envelope
from reviewer.scoring import motion as motions
from reviewer.scoring.statement import Vote, build_statement
from reviewer.trust import load_identity
from reviewer.ui import labels
from reviewer.ui.dialogs import member_vote as vote_dialogs
from reviewer.ui.panels import chair_decisions, chair_votes
from tests.ui.chair_fixtures import ChairWorld, type_text
from tests.ui.test_chair import import_everything, open_as_chair
from tests.ui.test_one_language import left_in_english

pytestmark = pytest.mark.slow


def click(qtbot, widget) -> None:
    assert widget.isEnabled(), widget.objectName()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def click_cell(qtbot, matrix, code: str) -> None:
    """Click the indicator cell of ``code`` in the matrix view (as the chair does)."""
    model, proxy, view = matrix.model, matrix.proxy, matrix.table
    index = proxy.mapFromSource(model.index(model.row_of(code), 0))
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())


def set_consensus(qtbot, chair, monkeypatch, value: str, ground_steps: int, why: str) -> list[str]:
    """Open the consensus dialog from the matrix's button and fill it with the keyboard: the value,
    the ground (Down ``ground_steps`` times in the combo; 0: none chosen), the rationale; then OK."""
    refused: list[str] = []

    def fill(dialog) -> bool:
        with qtbot.waitActive(dialog):
            dialog.show()
            dialog.activateWindow()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.value_edit, timeout=3000)
        dialog.value_edit.selectAll()
        qtbot.keyClicks(dialog.value_edit, value)
        qtbot.keyClick(dialog.value_edit, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is dialog.ground_box
        for _ in range(ground_steps):
            qtbot.keyClick(dialog.ground_box, Qt.Key.Key_Down)
        qtbot.keyClick(dialog.ground_box, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is dialog.rationale_edit
        type_text(dialog.rationale_edit, why)
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
        refused.append(dialog.error.text() if dialog.error.isVisibleTo(dialog) else "")
        ok = dialog.result() == dialog.DialogCode.Accepted
        dialog.hide()
        return ok

    monkeypatch.setattr(chair_decisions, "run_dialog", fill)
    click(qtbot, chair.matrix.consensus_button)
    return refused


def vote_on_laptop(qtbot, chair, world: ChairWorld, monkeypatch, key: str, answer) -> None:
    """Member ``key`` votes on the chair's laptop: their identity folder, the dialog driven with
    clicks and keys, their passphrase (the keyring has none)."""
    monkeypatch.setattr(vote_dialogs, "choose_voter_folder", lambda parent, start="": world.identities[key])
    asked: list[str] = []

    def passphrase(parent, who: str) -> str:
        asked.append(who)
        return DEMO_PASSPHRASE

    monkeypatch.setattr(vote_dialogs, "ask_voter_passphrase", passphrase)

    def drive(dialog) -> bool:
        with qtbot.waitActive(dialog):
            dialog.show()
            dialog.activateWindow()
        answer(dialog)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        ok = dialog.result() == dialog.DialogCode.Accepted
        dialog.hide()
        return ok

    monkeypatch.setattr(vote_dialogs, "run_vote_dialog", drive)
    click(qtbot, chair.votes.member_vote_button)
    assert asked and asked[-1] in chair._names().values()


def test_a_change_is_put_to_the_panel_voted_and_adopted(
    qtbot, make_window, chair_world, shown_errors, monkeypatch, tmp_path, confirmations
) -> None:
    w = chair_world
    window, chair = open_as_chair(make_window, w)
    import_everything(qtbot, chair, w, monkeypatch)
    chair.tabs.setCurrentWidget(chair.matrix)
    click_cell(qtbot, chair.matrix, "1.1")
    assert chair.matrix.code == "1.1"

    # --- a consensus needs a ground; then it is a proposal: the aggregate stays the value taken ----
    refused = set_consensus(qtbot, chair, monkeypatch, "5", 0, "专家组复核统计口径后一致认为收入按核实数计。")
    assert "ground" in refused[-1] and chair.decisions.consensus_for("1.1") is None
    refused = set_consensus(qtbot, chair, monkeypatch, "5", 4, "专家组复核统计口径后一致认为收入按核实数计。")
    assert refused[-1] == ""
    proposed = chair.decisions.consensus_for("1.1")
    assert proposed.value == Decimal(5) and proposed.ground == chair.state.rules.grounds[3].code
    one = chair.reconciliation.indicator("1.1")
    assert one.consensus is None and one.value == one.aggregate == Decimal("6.33")
    model = chair.matrix.model
    value_cell = model.index(model.row_of("1.1"), model.column_of("value")).data()
    assert value_cell == "6.33 (proposed 5.00, Pending vote (not yet put to the panel))"

    # --- the draft opinion, then put to the panel (confirmed: what goes in), the motion saved --------
    editor = chair.opinion
    chair.tabs.setCurrentWidget(editor)
    type_text(editor.strengths, "产业集聚明显")
    type_text(editor.conclusion, "专家组同意通过评审。")
    click(qtbot, editor.save_button)
    assert chair.decisions.opinion.conclusion == "专家组同意通过评审。"
    chair.tabs.setCurrentWidget(chair.votes)
    saved = tmp_path / "motion.rvmotion"
    monkeypatch.setattr(chair_votes, "choose_motion_path", lambda parent, suggested: saved)
    click(qtbot, chair.votes.put_button)
    title, said, _action = confirmations.asked[-1]
    assert title == "Put to the panel" and "1.1: 6.33 → 5" in said and "专家组同意通过评审。" in said
    motion = chair.held_votes.motion
    assert motion is not None and saved.read_bytes() == motion.data
    assert read_envelope(saved.read_bytes(), motions.MIMETYPE, motions.FORMAT, "").digest == motion.digest
    assert chair.decisions.consensus_for("1.1").motion_sha256 == motion.digest
    assert chair.decisions.opinion.motion_sha256 == motion.digest
    assert chair.votes.proposals.item(0, 4).text() == "Pending vote"
    assert chair.votes.proposals.item(0, 5).text() == "Approve 1 / voters 6, 4 needed"

    # --- 李喆 approves everything on this laptop (keyboard: Space on the choices) ------------------
    def approve_all(dialog) -> None:
        for choice in [*dialog.choices.values(), dialog.opinion_choice]:
            choice.approve.setFocus()
            qtbot.keyClick(choice.approve, Qt.Key.Key_Space)

    vote_on_laptop(qtbot, chair, w, monkeypatch, "li-zhe", approve_all)
    assert shown_errors == []
    assert chair.votes.proposals.item(0, 5).text() == "Approve 2 / voters 6, 4 needed"

    # --- 张玥 objects (a reason is required) and writes her own dissent ----------------------------
    def object_with_dissent(dialog) -> None:
        choice = dialog.choices["1.1"]
        qtbot.mouseClick(choice.object, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)  # no reason yet: refused
        assert "reason" in dialog.error.text() and dialog.isVisible()
        type_text(choice.reason, "核实口径差异应由申报单位说明。")
        qtbot.mouseClick(dialog.opinion_choice.approve, Qt.MouseButton.LeftButton)
        type_text(dialog.dissent, "本人认为软件业务收入得分不应下调。")

    vote_on_laptop(qtbot, chair, w, monkeypatch, "zhang-yue", object_with_dissent)
    zhang = w.names["zhang-yue"]
    assert chair.decisions.dissent_of(zhang).text == "本人认为软件业务收入得分不应下调。"
    assert chair.votes.proposals.item(0, 4).text() == "Pending vote"
    assert chair.votes.proposals.item(0, 5).text() == "Approve 2 / voters 6, 4 needed; objecting: 张玥"

    # --- 陈燊 and 赵鑫 voted on their own laptops: their files imported; 周淼 (recused) refused -------
    chen = load_identity(w.identities["chen-shen"], source())
    zhao = load_identity(w.identities["zhao-xin"], source())
    zhou = load_identity(w.identities["zhou-miao"], source())
    files = tmp_path / "statements"
    files.mkdir()
    for who, name in ((chen, "chen.rvstatement"), (zhao, "zhao.rvstatement"), (zhou, "zhou.rvstatement")):
        (files / name).write_bytes(
            build_statement(who, w.binding, motion=motion, votes=[Vote("1.1", "approve")], opinion="approve")
        )
    monkeypatch.setattr(
        chair_votes,
        "choose_statement_files",
        lambda parent, start="": [
            files / "chen.rvstatement",
            files / "zhao.rvstatement",
            files / "zhou.rvstatement",
        ],
    )
    click(qtbot, chair.votes.import_button)
    offered = chair.votes.files
    assert offered.rowCount() == 5  # the two votes signed here, then the three files
    assert offered.item(0, 0).text() == "李喆's vote (signed here)"
    assert offered.item(2, 1).text() == "Accepted" and offered.item(2, 2).text() == "陈燊"
    assert offered.item(3, 1).text() == "Accepted" and offered.item(3, 2).text() == "赵鑫"
    assert offered.item(4, 1).text() == "Refused" and "周淼 recused" in offered.item(4, 3).text()

    # --- adopted: the tally, the value taken, the matrix; the opinion's approvals; the dissent -------
    assert chair.votes.proposals.item(0, 4).text() == "Adopted"
    assert chair.votes.proposals.item(0, 5).text() == "Approve 4 / voters 6, 4 needed; objecting: 张玥"
    assert chair.reconciliation.indicator("1.1").value == Decimal(5)
    value_cell = model.index(model.row_of("1.1"), model.column_of("value")).data()
    assert value_cell == "5.00 (consensus, Adopted)"
    chair.tabs.setCurrentWidget(chair.matrix)
    click_cell(qtbot, chair.matrix, "1.1")
    assert "Approve 4 / voters 6, 4 needed; objecting: 张玥" in chair.matrix.details.text()
    assert chair.votes.statements.rowCount() == 4
    assert [chair.votes.statements.item(r, 0).text() for r in range(4)] == ["李喆", "张玥", "陈燊", "赵鑫"]
    assert "with a dissent" in chair.votes.statements.item(1, 2).text()
    assert editor.approvals.text() == "Approved the text: 王堃、李喆、张玥、陈燊、赵鑫."
    dissent = chair.decisions.dissent_of(zhang)
    assert dissent.by.fingerprint == zhang and dissent.by.name == "张玥"
    assert (
        f"• 张玥, {labels.beijing_time(dissent.at)}, written and signed by the member: 本人认为软件业务收入得分不应下调。"
        in editor.dissents.text()
    )
    # --- in Chinese, nothing English is left on the vote, opinion and matrix pages ----------------
    window.language_actions["zh_CN"].trigger()
    assert chair.votes.proposals.item(0, 4).text() == "已通过"
    assert chair.votes.proposals.item(0, 5).text() == "同意 4 / 应到 6，需 4 票；反对：张玥"
    assert f"• 张玥，{labels.beijing_time(dissent.at)}，本人撰写并签署" in editor.dissents.text()
    for page in (chair.votes, chair.opinion, chair.matrix):
        assert left_in_english(page) == [], page.objectName()
    window.language_actions["en"].trigger()

    # --- the record is produced from the adopted change and the signed votes (the store holds them) ---
    page = chair.record
    page.visit.set_values(date(2026, 6, 15), date(2026, 6, 16), "江苏省南京市 示例软件园管理委员会")
    click(qtbot, page.visit.save_button)
    click(qtbot, page.produce_button)
    assert shown_errors == [] and page.pdf is not None
    assert (
        record_bindings(page.pdf)["decisions-sha256"] == hashlib.sha256(chair.decisions.to_json()).hexdigest()
    )
    before = chair.decisions.to_json()
    window.close()

    # --- reopened: the motion, the statements, the votes, the dissent are all there ---------------
    _, again = open_as_chair(make_window, w)
    assert again.decisions.to_json() == before
    assert again.held_votes.motion is not None and again.held_votes.motion.digest == motion.digest
    assert again.votes.statements.rowCount() == 4
    assert again.votes.proposals.item(0, 4).text() == "Adopted"
    assert "张玥" in again.opinion.dissents.text()
    assert again.reconciliation.indicator("1.1").value == Decimal(5)
    assert shown_errors == []

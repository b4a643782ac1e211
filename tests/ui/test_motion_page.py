"""专家组表决 in the expert's own window: open the chair's motion, vote, write a reservation, sign."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from reviewer.demo.package import DEMO_PASSPHRASE
from reviewer.scoring.motion import Change, MotionOpinion, build_motion
from reviewer.scoring.statement import Vote, open_statement
from reviewer.scoring.workbench_types import Conflict
from reviewer.ui.dialogs import motion_files
from reviewer.ui.panels.motion_page import MotionPage
from reviewer.ui.tasks import ImmediateExecutor
from tests.ui.expert_fixtures import chair_reader, expert
from tests.ui.expert_typing import click_page, commit
from tests.ui.test_accessibility import assert_all_named

__all__ = ["expert"]
pytestmark = pytest.mark.slow

OPINION = MotionOpinion(("产业集聚度高",), ("人才储备不足",), ("加强人才引进",), "专家组建议通过评审。")


def _motion(demo_world, tmp_path, binding_change=None, more=0):
    """The chair's motion: two changes (and ``more`` besides, for a page taller than the window)."""
    chair, binding = chair_reader(demo_world.chair, demo_world.package)
    leaves = binding.standard.leaves()
    changes = [
        Change(leaves[0].code, Decimal("4"), Decimal("7.5"), "extreme", "一名专家评分畸高，合议取 4 分"),
        Change(leaves[1].code, Decimal("3"), Decimal("2.5"), "summing-error", "分项合计有误"),
    ]
    changes += [
        Change(leaf.code, Decimal("1"), Decimal("1.5"), "summing-error", "分项合计有误")
        for leaf in leaves[2 : 2 + more]
    ]
    if binding_change:
        binding = dataclasses.replace(binding, **binding_change)
    path = tmp_path / "motion.rvmotion"
    path.write_bytes(build_motion(chair, binding, changes=changes, opinion=OPINION))
    return path, [c.code for c in changes]


def _page(expert, qtbot):
    ws = expert.workspace
    ws.show()
    click_page(qtbot, ws, "motion")
    page = ws.motion_page
    assert page is not None and ws.current_page == "motion"
    return page


def test_an_expert_votes_objects_writes_a_reservation_and_signs(
    expert, qtbot, monkeypatch, demo_world, tmp_path, confirmations, shown_errors
) -> None:
    motion, codes = _motion(demo_world, tmp_path)
    page = _page(expert, qtbot)
    monkeypatch.setattr(motion_files, "choose_motion", lambda parent, start: motion)
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert shown_errors == []
    assert [r.code for r in page.rows] == codes
    first, second = page.rows
    assert "7.5 → " in first.details.text() and "4" in first.details.text()
    assert "专家组建议通过评审" in page.opinion_text.text()
    assert not page.sign_button.isEnabled()
    assert_all_named(page)  # each vote and reason named by its indicator

    # the first change: approve (Down once); the second: object (Down twice) with a reason
    qtbot.keyClick(first.choice, Qt.Key.Key_Down)
    qtbot.keyClick(second.choice, Qt.Key.Key_Down)
    qtbot.keyClick(second.choice, Qt.Key.Key_Down)
    qtbot.keyClick(page.opinion_choice, Qt.Key.Key_Down)
    assert not page.sign_button.isEnabled()  # an objection needs its reason
    assert codes[1] in page.todo.text()
    commit(second.reason, "分项合计无误，不应变更")
    commit(page.dissent, "本人对第二项变更持保留意见。")
    assert page.sign_button.isEnabled()

    out = tmp_path / "me.rvstatement"
    monkeypatch.setattr(motion_files, "choose_statement_path", lambda parent, suggested: out)
    qtbot.mouseClick(page.sign_button, Qt.MouseButton.LeftButton)
    assert shown_errors == []
    asked = confirmations.asked[-1]
    assert "分项合计无误，不应变更" in asked.text and "本人对第二项变更持保留意见。" in asked.text
    assert str(out) in asked.text

    chair, binding = chair_reader(demo_world.chair, demo_world.package)
    statement = open_statement(out.read_bytes(), chair, binding, chair.trust_root())
    assert statement.kind == "vote" and statement.member.fingerprint == expert.opened.identity.fingerprint
    assert statement.votes == (
        Vote(codes[0], "approve", None),
        Vote(codes[1], "object", "分项合计无误，不应变更"),
    )
    assert statement.opinion == "approve" and statement.dissent == "本人对第二项变更持保留意见。"
    kept = expert.archive.folder_of(binding.package_id, expert.opened.identity.fingerprint)
    assert [p.read_bytes() for p in kept.glob("statement-*.rvstatement")] == [out.read_bytes()]
    assert statement.digest[:16] in page.result.text()

    # after a restart: the page built again finds the statement kept, verified
    again = MotionPage(expert.opened, archive=expert.archive, executor=ImmediateExecutor())
    qtbot.addWidget(again)
    assert [s.digest for s in again.kept] == [statement.digest]
    assert statement.digest[:16] in again.result.text() and "1" in again.result.text()


def test_a_motion_of_another_package_is_refused_with_its_reason(
    expert, qtbot, monkeypatch, demo_world, tmp_path, shown_errors
) -> None:
    motion, _ = _motion(demo_world, tmp_path, {"package_id": "another-package"})
    page = _page(expert, qtbot)
    monkeypatch.setattr(motion_files, "choose_motion", lambda parent, start: motion)
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert len(shown_errors) == 1 and "another package" in shown_errors[0]
    assert page.shown is None and page.rows == [] and not page.sign_button.isEnabled()


def test_a_recused_member_does_not_vote(expert, qtbot, demo_world, tmp_path) -> None:
    page = _page(expert, qtbot)
    assert page.open_button.isEnabled()
    expert.bench.declare(expert.review, Conflict.DECLARED, "曾为该园区提供咨询")
    expert.workspace.refresh()
    assert not page.open_button.isEnabled() and not page.sign_button.isEnabled()
    assert "recused" in page.todo.text() and not page.todo.isHidden()


def test_the_whole_vote_by_keyboard(expert, qtbot, monkeypatch, demo_world, tmp_path, confirmations) -> None:
    from tests.ui.test_keyboard_journey import ALT, focused, tab_to

    motion, codes = _motion(demo_world, tmp_path)
    out = tmp_path / "kb.rvstatement"
    monkeypatch.setattr(motion_files, "choose_motion", lambda parent, start: motion)
    monkeypatch.setattr(motion_files, "choose_statement_path", lambda parent, suggested: out)
    ws = expert.workspace
    ws.show()
    ws.activateWindow()
    qtbot.waitUntil(lambda: ws.isActiveWindow())
    ws.nav.setFocus()
    while ws.current_page != "motion":
        qtbot.keyClick(ws.nav, Qt.Key.Key_Down)
    page = ws.motion_page
    tab_to(qtbot, page.open_button)
    qtbot.keyClick(page.open_button, Qt.Key.Key_Space)
    first, second = page.rows
    assert focused() is first.choice  # on to the first vote
    qtbot.keyClick(first.choice, Qt.Key.Key_Down)
    tab_to(qtbot, second.choice)
    qtbot.keyClick(second.choice, Qt.Key.Key_Down)
    qtbot.keyClick(second.choice, Qt.Key.Key_Down)
    tab_to(qtbot, second.reason)
    commit(second.reason, "依据不足")
    tab_to(qtbot, page.opinion_choice)
    qtbot.keyClick(page.opinion_choice, Qt.Key.Key_Down)
    qtbot.keyClick(page.opinion_choice, Qt.Key.Key_Down)  # object to the draft opinion
    tab_to(qtbot, page.dissent)
    commit(page.dissent, "保留意见")
    qtbot.keyClick(page.dissent, Qt.Key.Key_Tab)
    assert focused() is not page.dissent  # Tab leaves the box
    qtbot.keyClick(focused(), Qt.Key.Key_S, ALT)  # a mnemonic "clicks" its button 100 ms later
    qtbot.waitUntil(lambda: page.statement is not None, timeout=10000)
    assert page.statement.votes == (Vote(codes[0], "approve", None), Vote(codes[1], "object", "依据不足"))
    assert page.statement.opinion == "object" and page.statement.dissent == "保留意见" and out.exists()


def test_the_panel_vote_speaks_one_language(make_window, demo_world, qtbot, monkeypatch, tmp_path) -> None:
    from tests.ui.test_one_language import check_both_ways, package_data

    window = make_window(
        open_file=demo_world.package, identity_dir=demo_world.expert, passphrase=DEMO_PASSPHRASE, lang="zh_CN"
    )
    ws = window.package_panel.workspace
    window.package_panel.tabs.setCurrentWidget(ws)
    motion, _ = _motion(demo_world, tmp_path)
    ws.show_page("motion")
    page = ws.motion_page
    monkeypatch.setattr(motion_files, "choose_motion", lambda parent, start: motion)
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert page.shown is not None
    m = page.shown.motion
    said = {c.rationale for c in m.changes} | {m.chair.name, *OPINION.strengths, *OPINION.problems}
    said |= {*OPINION.recommendations, OPINION.conclusion}
    said |= {
        c.ground.en for c in page.shown.changes if c.ground
    }  # the rules' words (畸高/畸低 in English too)
    check_both_ways(window, package_data(window) | said)


@pytest.mark.parametrize("size", [(1024, 700), (1280, 800)])
def test_the_signed_statement_is_in_view_with_the_keyboard_on_it(
    make_window, demo_world, qtbot, monkeypatch, tmp_path, size
) -> None:
    """The walk (issue 22, D): after 「签署声明」 the outcome was below the fold at 1280×800 and nothing
    visible changed. Now the page shows it, and the keyboard is on it (a screen reader reads it)."""
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QScrollArea

    from tests.ui.expert_typing import click, declare_by_mouse, open_window
    from tests.ui.test_keyboard_journey import focused

    window, ws = open_window(make_window, demo_world, qtbot, lang="zh_CN")
    window.resize(*size)
    declare_by_mouse(qtbot, ws)
    motion, _ = _motion(demo_world, tmp_path, more=3)  # as long as the walk's at 1280×800
    out = tmp_path / "walk.rvstatement"
    monkeypatch.setattr(motion_files, "choose_motion", lambda parent, start: motion)
    monkeypatch.setattr(motion_files, "choose_statement_path", lambda parent, suggested: out)
    click_page(qtbot, ws, "motion")
    page = ws.motion_page
    click(qtbot, page.open_button)
    for row in page.rows:
        qtbot.keyClick(row.choice, Qt.Key.Key_Down)  # approve
    qtbot.keyClick(page.opinion_choice, Qt.Key.Key_Down)
    commit(page.dissent, "本人同意上述变更。")
    scroll = page.findChild(QScrollArea)
    bar = scroll.verticalScrollBar()

    def outcome_in_view() -> bool:
        viewport = scroll.viewport()
        top = page.result.mapTo(viewport, QPoint(0, 0)).y()
        return page.result.isVisible() and top >= 0 and top + page.result.height() <= viewport.height()

    # by the mouse, the page scrolled down to the sign button (the outcome was under it, out of view)
    qtbot.waitUntil(lambda: bar.maximum() > 0)  # the page laid out: taller than the window
    bar.setValue(bar.maximum())
    click(qtbot, page.sign_button)
    qtbot.waitUntil(lambda: page.statement is not None, timeout=10000)
    first = page.statement
    assert outcome_in_view()
    assert first.digest[:16] in page.result.text() and "已签署" in page.result.text()
    assert focused() is page.result  # the keyboard (and a screen reader) on the outcome

    # by the keyboard, the page at its top as the walk had it: Alt+S (预览并签署表决声明(S)) signs again
    bar.setValue(0)
    qtbot.keyClick(page.dissent, Qt.Key.Key_Tab)
    qtbot.keyClick(focused(), Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: page.statement is not first, timeout=10000)
    assert outcome_in_view() and page.statement.digest[:16] in page.result.text()
    assert focused() is page.result

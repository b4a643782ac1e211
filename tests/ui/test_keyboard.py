"""The keyboard pass: Tab leaves every text box, focus lands where work starts, the keys move between
indicators, the shortcut table is what the app uses and lists, the evidence page box is bounded."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QShortcut
from PySide6.QtWidgets import QApplication

import reviewer.ui
from reviewer.scoring.workbench_types import Conflict
from reviewer.ui import shortcuts
from reviewer.ui.dialogs.shortcuts_dialog import ShortcutsDialog
from reviewer.ui.panels.chair_decisions import ConsensusDialog
from reviewer.ui.panels.score_evidence import UNKNOWN_PAGES, EvidenceBox
from tests.ui.expert_fixtures import expert  # noqa: F401 (a fixture)
from tests.ui.expert_typing import open_window

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def test_every_multi_line_input_box_in_the_app_is_made_with_leave_with_tab() -> None:
    """New boxes included: a QPlainTextEdit/QTextEdit built for input anywhere in reviewer/ui is wrapped."""
    root = Path(reviewer.ui.__file__).parent
    made = 0
    for path in root.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        for match in re.finditer(r"(leave_with_tab\()?Q(?:Plain)?TextEdit\(", source):
            made += 1
            assert match.group(1), f"{path.name}: a text box not made with leave_with_tab: {match.group(0)}"
    assert made >= 12  # comment, scratchpad, reason, site note, 5 opinion, 3 chair


def test_tab_leaves_the_comment_and_ctrl_tab_there_keeps_the_tab(make_window, demo_world, qtbot) -> None:
    window, ws = open_window(make_window, demo_world, qtbot)
    tabs = window.package_panel.tabs
    page = ws.declarations_page
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.no_conflict, timeout=5000)
    editor = ws.scoring.editor
    ws.show_page("scoring")
    editor.comment_edit.setFocus()
    qtbot.keyClicks(editor.comment_edit, "ab")
    qtbot.keyClick(editor.comment_edit, Qt.Key.Key_Tab, CTRL)
    qtbot.keyClick(editor.comment_edit, Qt.Key.Key_PageDown, CTRL)
    assert tabs.currentWidget() is ws  # Ctrl+Tab and Ctrl+PgDn inside a comment switch nothing
    qtbot.keyClick(editor.comment_edit, Qt.Key.Key_Tab)
    assert "\t" not in editor.comment_edit.toPlainText()
    assert QApplication.focusWidget() is not editor.comment_edit  # Tab left it
    qtbot.keyClick(ws.scoring.tree, Qt.Key.Key_Tab, CTRL)
    assert tabs.currentWidget() is not ws  # outside a text box Ctrl+Tab switches tabs as usual


def test_the_consensus_dialog_opens_on_its_score(qtbot, expert) -> None:  # noqa: F811
    leaf = expert.workspace.standard.leaves()[0]
    dialog = ConsensusDialog(None, expert.workspace.standard, leaf.code, Decimal("3"))
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
    assert QApplication.focusWidget() is dialog.value_edit
    qtbot.keyClicks(dialog.value_edit, "2")
    assert dialog.value_edit.text() == "2"


def test_alt_arrows_f8_and_f9_move_between_indicators(qtbot, expert) -> None:  # noqa: F811
    ws = expert.workspace
    b, r = expert.bench, expert.review
    b.declare(r, Conflict.NONE)
    b.accept_pledge(r)
    leaves = ws.standard.leaves()
    b.set_score(r, leaves[0].code, leaves[0].points * Decimal("0.5"))
    b.set_score(r, leaves[2].code, leaves[2].points)  # full points: the standard wants a comment
    ws.refresh()
    ws.show_page("scoring")
    with qtbot.waitActive(ws):  # the keys are shortcuts: they answer in the active window
        ws.show()
        ws.activateWindow()
    ws.scoring.select_code(leaves[0].code)
    box = ws.scoring.editor.score_edit
    qtbot.keyClick(box, Qt.Key.Key_Down, ALT)
    assert ws.scoring.current_code == leaves[1].code
    qtbot.keyClick(box, Qt.Key.Key_Up, ALT)
    assert ws.scoring.current_code == leaves[0].code
    qtbot.keyClick(box, Qt.Key.Key_Up, ALT)  # the first stays the first
    assert ws.scoring.current_code == leaves[0].code
    qtbot.keyClick(box, Qt.Key.Key_F8)
    assert ws.scoring.current_code == leaves[1].code  # 1 unscored; 0 and 2 are scored
    qtbot.keyClick(box, Qt.Key.Key_F9)
    assert ws.scoring.current_code == leaves[2].code
    assert QApplication.focusWidget() is box  # ready to type its score


def test_the_shortcut_table_is_what_the_app_uses_and_what_help_lists(make_window, demo_world, qtbot) -> None:
    window, _ws = open_window(make_window, demo_world, qtbot)
    named = {row.name: row.sequence() for row in shortcuts.TABLE if row.name}
    assert set(named) >= {"next_indicator", "previous_indicator", "next_unscored", "next_comment", "undo"}
    used = {a.shortcut() for a in window.findChildren(QAction) if not a.shortcut().isEmpty()}
    used |= {s.key() for s in window.findChildren(QShortcut)}
    assert set(named.values()) <= used  # every named key is bound to something
    for key in used:
        assert key in named.values(), f"{key.toString()} is bound but not in reviewer.ui.shortcuts"
    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    listed = [dialog.table.item(row, 0).text() for row in range(dialog.table.rowCount())]
    assert listed == [row.text() for row in shortcuts.TABLE] and all(listed)
    assert window.shortcuts_action.shortcut() == named["shortcuts"]


def test_the_evidence_page_box_stops_at_the_material_s_last_page(qtbot) -> None:
    box = EvidenceBox(("materials/a.pdf", "materials/b.pdf"))
    qtbot.addWidget(box)
    assert box.page.maximum() == UNKNOWN_PAGES  # not read yet: any page
    box.set_page_count("materials/a.pdf", 4)
    assert box.page.maximum() == 4
    box.page.setFocus()
    box.page.selectAll()
    qtbot.keyClicks(box.page, "9")
    assert box.page.value() <= 4
    box.material.setCurrentIndex(1)
    assert box.page.maximum() == UNKNOWN_PAGES
    box.material.setCurrentIndex(0)
    assert box.page.maximum() == 4


def test_cite_names_its_indicator_and_a_read_material_bounds_the_page_box(qtbot, expert) -> None:  # noqa: F811
    from reviewer.ui.panels.visit_pages import attach_visit_pages
    from reviewer.ui.tasks import ImmediateExecutor

    ws = expert.workspace
    attach_visit_pages(ws, expert.opened, executor=ImmediateExecutor())
    ws.scoring.select_code("1.4")
    ws.show_page("materials")
    viewer = ws.materials_viewer
    name = next(e.name for e in expert.opened.materials if e.name.endswith(".pdf"))
    with qtbot.waitSignal(viewer.material_shown, timeout=20000):
        viewer.open_material(name)
    assert "1.4" in viewer.bar.cite.text()  # the indicator selected in the scoring page, named
    ws.show_page("scoring")
    ws.scoring.select_code("2.1")
    ws.show_page("materials")
    assert "2.1" in viewer.bar.cite.text() and "1.4" not in viewer.bar.cite.text()
    box = ws.scoring.editor.evidence_box
    box.material.setCurrentIndex(box.material.findData(name))
    assert box.page.maximum() == viewer.page_count >= 1


def test_a_member_votes_with_the_keyboard_alone(qtbot) -> None:
    """成员表决…: Tab reaches one choice per proposal, an arrow key moves to 反对 (Space keeps it), Tab
    reaches the reason, then the next proposal, the opinion, the dissent and the sign button, Enter signs."""
    from reviewer.ui.dialogs import member_vote as mv

    shown = [mv.ChangeShown(code, "标题", "6.33", "5", "依据", "理由") for code in ("1.1", "1.2")]
    dialog = mv.MemberVoteDialog(None, "李喆", shown, "专家组意见")
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    first = dialog.choices["1.1"]
    assert QApplication.focusWidget() is first.approve

    def key(k) -> None:
        qtbot.keyClick(QApplication.focusWidget(), k)

    key(Qt.Key.Key_Right)
    key(Qt.Key.Key_Space)
    assert first.object.isChecked() and first.reason.isEnabled()
    key(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is first.reason
    qtbot.keyClicks(first.reason, "data differ")
    key(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.choices["1.2"].approve
    key(Qt.Key.Key_Space)
    key(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.opinion_choice.approve
    key(Qt.Key.Key_Space)
    key(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.dissent
    qtbot.keyClicks(dialog.dissent, "my own words")
    key(Qt.Key.Key_Tab)  # the dissent box passes Tab on (it does not take a tab character)
    assert QApplication.focusWidget() is dialog.ok_button
    key(Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert [(v.code, v.vote, v.reason) for v in dialog.votes] == [
        ("1.1", "object", "data differ"),
        ("1.2", "approve", None),
    ]
    assert dialog.opinion == "approve" and dialog.dissent_text == "my own words"

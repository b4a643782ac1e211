"""Issue 13: nothing typed is ever lost — the three defects found on a real display, driven as a
person drives the window (mouse clicks on rows, typing, pauses past the debounce, Ctrl+Z)."""

from __future__ import annotations

import threading
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from reviewer.errors import ReviewerError
from reviewer.scoring.workbench_types import EligibilityState
from reviewer.ui.dialogs import errors
from reviewer.ui.models.scoring_model import STATUS
from reviewer.ui.tasks import PoolExecutor
from tests.ui.expert_typing import (
    PAUSE_MS,
    click,
    click_page,
    click_row,
    commit,
    ctrl_z,
    declare_by_mouse,
    open_window,
)

pytestmark = pytest.mark.slow


@pytest.fixture
def expert(make_window, demo_world, shown_errors, qtbot):  # type: ignore[no-untyped-def]
    window, ws = open_window(make_window, demo_world, qtbot)
    declare_by_mouse(qtbot, ws)
    return window, ws


def stored(ws):  # type: ignore[no-untyped-def]
    return ws.bench.snapshot(ws.review)


def test_defect_1_a_comment_typed_then_a_pause_is_saved(expert, qtbot) -> None:
    _window, ws = expert
    editor = ws.scoring.editor
    click_row(qtbot, ws, "1.1")
    qtbot.keyClicks(editor.score_edit, "8")  # full marks: the standard requires a comment
    qtbot.keyClick(editor.score_edit, Qt.Key.Key_Return)
    status = ws.scoring.model.index_of("1.1").siblingAtColumn(STATUS)
    assert status.data() == "Comment needed"
    click_row(qtbot, ws, "1.1")
    click(qtbot, editor.comment_edit.viewport())
    qtbot.keyClicks(editor.comment_edit, "checked ")
    commit(editor.comment_edit, "材料齐全")
    qtbot.wait(PAUSE_MS)  # the expert pauses, then clicks another indicator
    assert stored(ws).comments.get("1.1") == "checked 材料齐全"
    click_row(qtbot, ws, "1.3")
    qtbot.wait(PAUSE_MS)
    assert stored(ws).comments.get("1.1") == "checked 材料齐全"
    assert ws.scoring.model.index_of("1.1").siblingAtColumn(STATUS).data() == "Scored"
    assert ws.save_state.text() == "Saved"


def test_defect_2_a_score_typed_without_enter_is_saved_when_the_expert_clicks_elsewhere(
    expert, qtbot
) -> None:
    _window, ws = expert
    editor = ws.scoring.editor
    click_row(qtbot, ws, "1.1")
    qtbot.keyClicks(editor.score_edit, "4")
    click(qtbot, editor.comment_edit.viewport())
    commit(editor.comment_edit, "依据充分")
    click_row(qtbot, ws, "1.2")  # no Enter anywhere
    qtbot.keyClicks(editor.score_edit, "3")
    click(qtbot, editor.comment_edit.viewport())  # another field
    click_row(qtbot, ws, "2.1")
    qtbot.keyClicks(editor.score_edit, "5")
    click_page(qtbot, ws, "checks")  # another page
    qtbot.waitUntil(lambda: ws.pending == 0)
    state = stored(ws)
    assert dict(state.scores) == {"1.1": Decimal(4), "1.2": Decimal(3), "2.1": Decimal(5)}
    assert state.comments.get("1.1") == "依据充分"
    assert ws.save_state.text() == "Saved"


def test_defect_2_an_invalid_typed_score_is_never_written_nor_silently_dropped(
    expert, qtbot, monkeypatch
) -> None:
    _window, ws = expert
    editor = ws.scoring.editor
    click_row(qtbot, ws, "1.3")
    qtbot.keyClicks(editor.score_edit, "99")
    click(qtbot, editor.comment_edit.viewport())  # focus leaves: refused, said under the box and above
    assert "1.3" in editor.error.text() and "out of range" in editor.error.text()
    assert ws.save_state.text().startswith("Not saved") and "1.3" in ws.save_state.text()
    assert "99" in ws.save_state.text()
    questions: list[str] = []
    monkeypatch.setattr(errors, "ask", lambda parent, title, q: questions.append(q) or True)  # go back
    click_row(qtbot, ws, "1.4")
    assert len(questions) == 1 and "1.3" in questions[0]
    assert ws.scoring.current_code == "1.3" and editor.score_edit.text() == "99"  # back, value kept
    monkeypatch.setattr(errors, "ask", lambda parent, title, q: questions.append(q) and False)  # discard
    click_row(qtbot, ws, "1.4")
    assert len(questions) == 2 and ws.scoring.current_code == "1.4"
    assert "1.3" not in stored(ws).scores
    assert ws.save_state.text() == "Saved"


def test_defect_3_ctrl_z_in_the_score_box_edits_the_box_not_the_review(expert, qtbot) -> None:
    _window, ws = expert
    editor = ws.scoring.editor
    click_row(qtbot, ws, "1.1")
    qtbot.keyClicks(editor.score_edit, "7")
    qtbot.keyClick(editor.score_edit, Qt.Key.Key_Return)
    assert ws.scoring.current_code == "1.2"
    qtbot.keyClicks(editor.score_edit, "3")
    ctrl_z(qtbot, editor.score_edit)
    qtbot.waitUntil(lambda: ws.pending == 0)
    assert dict(stored(ws).scores) == {"1.1": Decimal(7)}  # not the review's undo: the 7 stays
    assert editor.score_edit.text() == ""  # the box's own undo
    ctrl_z(qtbot, editor.score_edit, shift=True)
    assert editor.score_edit.text() == "3"
    qtbot.waitUntil(lambda: ws.pending == 0)
    assert dict(stored(ws).scores) == {"1.1": Decimal(7)}  # the saved 7 is still there
    click(qtbot, editor.comment_edit.viewport())  # leaving the box saves the 3 typed in it
    qtbot.waitUntil(lambda: ws.pending == 0)
    assert dict(stored(ws).scores) == {"1.1": Decimal(7), "1.2": Decimal(3)}
    qtbot.keyClicks(editor.comment_edit, "ok")
    ctrl_z(qtbot, editor.comment_edit)  # the comment box's own undo too
    assert editor.comment_edit.toPlainText() == ""
    qtbot.wait(PAUSE_MS)
    assert dict(stored(ws).scores) == {"1.1": Decimal(7), "1.2": Decimal(3)}
    assert "1.2" not in stored(ws).comments


def test_defect_3_ctrl_z_outside_a_field_never_undoes_the_declarations(expert, qtbot) -> None:
    _window, ws = expert
    click_row(qtbot, ws, "1.1")
    ws.scoring.tree.setFocus()
    ctrl_z(qtbot, ws.scoring.tree)
    qtbot.waitUntil(lambda: ws.pending == 0)
    assert stored(ws).declaration.complete  # confirming them is a barrier undo never crosses
    assert ws.undo_action.text() == "Undo" and not ws.undo_action.isEnabled()
    assert ws.notice.text().startswith("Nothing to undo. The confirmed declarations")


def test_the_review_undo_is_labelled_and_says_what_it_undid(expert, qtbot) -> None:
    _window, ws = expert
    editor = ws.scoring.editor
    click_row(qtbot, ws, "1.1")
    qtbot.keyClicks(editor.score_edit, "7")
    qtbot.keyClick(editor.score_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ws.pending == 0)
    assert ws.undo_action.text() == "Undo: score of 1.1, 7 → empty"
    click_row(qtbot, ws, "1.3")
    ws.scoring.tree.setFocus()
    ctrl_z(qtbot, ws.scoring.tree)  # outside a text field: the review's undo, as labelled
    qtbot.waitUntil(lambda: ws.pending == 0)
    assert "1.1" not in stored(ws).scores
    assert ws.notice.text() == "Undone: score of 1.1, 7 → empty"
    assert ws.redo_action.text() == "Redo: score of 1.1, empty → 7"
    ws.redo_action.trigger()  # the toolbar button
    qtbot.waitUntil(lambda: ws.pending == 0)
    assert stored(ws).scores["1.1"] == Decimal(7) and ws.notice.text() == "Redone: score of 1.1, empty → 7"


def test_closing_the_window_saves_the_scratchpad_a_checks_comment_and_a_site_note_being_typed(
    make_window, demo_world, expert, qtbot
) -> None:
    window, ws = expert
    scratch = ws.scoring.scratchpad
    click(qtbot, scratch.viewport())
    commit(scratch, "问园区负责人：入驻率")
    qtbot.wait(PAUSE_MS)  # saved by the pause alone
    assert stored(ws).scratchpad == "问园区负责人：入驻率"
    qtbot.keyClicks(scratch, " / ask about rent")  # and more, closed before the pause
    click_page(qtbot, ws, "checks")
    v1 = ws.checks.yes_no["V1"]
    v1.answer.setFocus()
    qtbot.keyClick(v1.answer, Qt.Key.Key_Down)
    qtbot.keyClick(v1.answer, Qt.Key.Key_Down)  # "no": its reason is typed next
    click(qtbot, v1.comment)
    qtbot.keyClicks(v1.comment, "forged lease")
    click_page(qtbot, ws, "site_visit")
    site = ws.site_visit
    click(qtbot, site.note_edit.viewport())
    commit(site.note_edit, "实地查看孵化器")  # typed, never added with the button
    window.close()
    _again, ws2 = open_window(make_window, demo_world, qtbot)
    state = stored(ws2)
    assert state.scratchpad == "问园区负责人：入驻率 / ask about rent"
    assert state.yes_no["V1"].answer is False and state.yes_no["V1"].comment == "forged lease"
    assert [n.text for n in state.site_notes if n.text == "实地查看孵化器"] == ["实地查看孵化器"]


def test_the_toolbar_undo_names_the_typing_it_saves_and_undoes(expert, qtbot) -> None:
    _window, ws = expert
    editor = ws.scoring.editor
    click_row(qtbot, ws, "1.1")
    click(qtbot, editor.comment_edit.viewport())
    qtbot.keyClicks(editor.comment_edit, "abc")
    assert ws.save_state.text() == "Saving…"  # waiting for the pause: not "Saved"
    assert ws.undo_action.text() == "Undo: comment on 1.1, “abc” → empty"
    click(qtbot, ws.toolbar.widgetForAction(ws.undo_action))
    qtbot.waitUntil(lambda: ws.pending == 0)
    assert "1.1" not in stored(ws).comments and editor.comment_edit.toPlainText() == ""
    assert ws.notice.text() == "Undone: comment on 1.1, “abc” → empty"
    assert ws.save_state.text() == "Saved"


def test_closing_the_window_with_a_score_that_cannot_be_saved_asks_first(expert, qtbot, monkeypatch) -> None:
    window, ws = expert
    editor = ws.scoring.editor
    click_row(qtbot, ws, "1.3")
    qtbot.keyClicks(editor.score_edit, "99")
    monkeypatch.setattr(errors, "ask", lambda parent, title, q: True)  # go back and fix it
    window.close()
    assert window.isVisible() and editor.score_edit.text() == "99" and ws.scoring.current_code == "1.3"
    editor.score_edit.selectAll()
    qtbot.keyClicks(editor.score_edit, "3")
    window.close()  # now it saves and closes
    assert not window.isVisible()
    assert stored(ws).scores["1.3"] == Decimal(3)


def test_in_chinese_the_labels_the_notice_and_the_indicator_speak_chinese(
    make_window, demo_world, shown_errors, qtbot, monkeypatch
) -> None:
    _window, ws = open_window(make_window, demo_world, qtbot, lang="zh_CN")
    declare_by_mouse(qtbot, ws)
    editor = ws.scoring.editor
    click_row(qtbot, ws, "1.1")
    qtbot.keyClicks(editor.score_edit, "7")
    qtbot.keyClick(editor.score_edit, Qt.Key.Key_Return)
    assert ws.undo_action.text() == "撤销：1.1 的评分 7 → 空" and ws.save_state.text() == "已保存"
    qtbot.keyClicks(editor.score_edit, "99")  # 1.2: out of range
    click(qtbot, editor.comment_edit.viewport())
    assert ws.save_state.text().startswith("未保存（指标 1.2 的分数 99 超出范围")
    monkeypatch.setattr(errors, "ask", lambda parent, title, q: False)  # discard it
    ws.scoring.tree.setFocus()
    click_row(qtbot, ws, "1.3")
    ctrl_z(qtbot, ws.scoring.tree)
    assert ws.notice.text() == "已撤销：1.1 的评分 7 → 空" and ws.save_state.text() == "已保存"


def refusing(monkeypatch, bench, method: str):  # type: ignore[no-untyped-def]
    """Make ``bench.method`` refuse (as a full disk would) while ``switch["on"]``; the real call after."""
    real = getattr(bench, method)
    switch = {"on": True}

    def write(*args, **kwargs):  # type: ignore[no-untyped-def]
        if switch["on"]:
            raise ReviewerError("the disk is full")  # type: ignore[arg-type]
        return real(*args, **kwargs)

    monkeypatch.setattr(bench, method, write)
    return switch


def test_a_comment_whose_write_fails_stays_in_its_box_unsaved_until_it_is_written(
    expert, qtbot, monkeypatch
) -> None:
    _window, ws = expert
    editor = ws.scoring.editor
    switch = refusing(monkeypatch, ws.bench, "set_comment")
    click_row(qtbot, ws, "1.1")
    click(qtbot, editor.comment_edit.viewport())
    qtbot.keyClicks(editor.comment_edit, "lease checked")
    qtbot.wait(PAUSE_MS)  # sent after the pause: refused
    qtbot.waitUntil(lambda: ws.pending == 0)
    assert stored(ws).comments.get("1.1") is None
    assert editor.comment_edit.toPlainText() == "lease checked"  # not wiped by the refresh
    assert ws.save_state.text() == "Not saved (the disk is full)"
    ws.write(lambda b, r: b.set_position(r, "1.1", "scoring"))  # an unrelated write succeeds
    ws.write(lambda b, r: b.answer_yes_no(r, "V1", True, ""))
    qtbot.waitUntil(lambda: ws.pending == 0)
    assert ws.save_state.text() == "Not saved (the disk is full)"  # the comment is still not saved
    assert editor.comment_edit.toPlainText() == "lease checked"
    click_row(qtbot, ws, "1.2")  # leaving it tries again: refused again, kept again
    qtbot.waitUntil(lambda: ws.pending == 0)
    assert ws.save_state.text() == "Not saved (the disk is full)"
    click_row(qtbot, ws, "1.1")
    assert editor.comment_edit.toPlainText() == "lease checked"
    switch["on"] = False  # the disk has room again
    click_row(qtbot, ws, "1.3")
    qtbot.waitUntil(lambda: ws.pending == 0)
    assert stored(ws).comments.get("1.1") == "lease checked"
    assert ws.save_state.text() == "Saved"


def test_a_score_whose_write_fails_comes_back_typed_and_unsaved_until_it_is_written(
    expert, qtbot, monkeypatch
) -> None:
    _window, ws = expert
    editor = ws.scoring.editor
    switch = refusing(monkeypatch, ws.bench, "set_score")
    click_row(qtbot, ws, "1.1")
    qtbot.keyClicks(editor.score_edit, "7")
    qtbot.keyClick(editor.score_edit, Qt.Key.Key_Return)  # moves on to 1.2; the write is refused
    qtbot.waitUntil(lambda: ws.pending == 0)
    assert "1.1" not in stored(ws).scores
    assert ws.save_state.text() == "Not saved (the disk is full)"
    ws.write(lambda b, r: b.answer_yes_no(r, "V1", True, ""))  # an unrelated write succeeds
    qtbot.waitUntil(lambda: ws.pending == 0)
    assert ws.save_state.text() == "Not saved (the disk is full)"
    click_row(qtbot, ws, "1.1")
    assert editor.score_edit.text() == "7" and editor.score_dirty  # typed, not saved
    switch["on"] = False
    click(qtbot, editor.comment_edit.viewport())  # leaving the box saves it
    qtbot.waitUntil(lambda: ws.pending == 0)
    assert stored(ws).scores["1.1"] == Decimal(7)
    assert ws.save_state.text() == "Saved"


def test_the_indicator_is_not_saved_while_a_checks_comment_or_a_flag_without_reason_is_unsent(
    expert, qtbot
) -> None:
    _window, ws = expert
    click_page(qtbot, ws, "checks")
    v1 = ws.checks.yes_no["V1"]
    v1.answer.setFocus()
    qtbot.keyClick(v1.answer, Qt.Key.Key_Down)
    qtbot.keyClick(v1.answer, Qt.Key.Key_Down)  # "no": sent at once
    qtbot.waitUntil(lambda: ws.pending == 0)
    assert ws.save_state.text() == "Saved"
    click(qtbot, v1.comment)
    qtbot.keyClicks(v1.comment, "forged")  # typed, not sent until the box is left
    assert ws.save_state.text() == "Saving…"
    qtbot.keyClick(v1.comment, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: ws.pending == 0)
    assert stored(ws).yes_no["V1"].comment == "forged" and ws.save_state.text() == "Saved"
    row = next(iter(ws.checks.eligibility.values()))
    row.answer.setFocus()
    qtbot.keyClick(row.answer, Qt.Key.Key_Down)
    qtbot.keyClick(row.answer, Qt.Key.Key_Down)  # "confirmed" (sent), then "flagged": sent with its reason
    qtbot.waitUntil(lambda: ws.pending == 0)
    assert stored(ws).eligibility[row.code].state is EligibilityState.CONFIRMED
    assert ws.save_state.text() == "Saving…"
    click(qtbot, row.comment)
    qtbot.keyClicks(row.comment, "no lease")
    qtbot.keyClick(row.comment, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: ws.pending == 0)
    assert stored(ws).eligibility[row.code].comment == "no lease"
    assert ws.save_state.text() == "Saved"


def test_the_scratchpad_is_not_put_back_by_a_refresh_while_its_write_is_queued(
    expert, qtbot, monkeypatch
) -> None:
    _window, ws = expert
    ws.executor = PoolExecutor()  # as in the app: the pool and the serial write lane
    gate, real = threading.Event(), ws.bench.set_scratchpad
    monkeypatch.setattr(ws.bench, "set_scratchpad", lambda r, text: gate.wait(10) and real(r, text))
    scratch = ws.scoring.scratchpad
    click(qtbot, scratch.viewport())
    commit(scratch, "问入驻率")
    qtbot.wait(PAUSE_MS)  # sent after the pause; its write is slow
    assert ws.pending == 1
    ws.refresh()  # a full refresh (another panel changed the review) reads it before the write
    gate.set()
    qtbot.waitUntil(lambda: ws.pending == 0)
    assert stored(ws).scratchpad == "问入驻率"
    assert scratch.toPlainText() == "问入驻率"


def test_a_scratchpad_write_that_fails_stays_typed_and_unsaved_until_written(
    expert, qtbot, monkeypatch
) -> None:
    _window, ws = expert
    switch = refusing(monkeypatch, ws.bench, "set_scratchpad")
    scratch = ws.scoring.scratchpad
    click(qtbot, scratch.viewport())
    commit(scratch, "问租金")
    qtbot.wait(PAUSE_MS)
    qtbot.waitUntil(lambda: ws.pending == 0)
    assert stored(ws).scratchpad == "" and scratch.toPlainText() == "问租金"
    assert ws.save_state.text() == "Not saved (the disk is full)"
    switch["on"] = False
    click_row(qtbot, ws, "1.2")  # leaving it tries again
    qtbot.waitUntil(lambda: ws.pending == 0)
    assert stored(ws).scratchpad == "问租金" and ws.save_state.text() == "Saved"


def test_closing_when_the_last_write_fails_says_so_and_keeps_the_window_open(
    expert, shown_errors, qtbot, monkeypatch
) -> None:
    window, ws = expert
    ws.executor = PoolExecutor()  # as in the app: the pool and the serial write lane
    editor = ws.scoring.editor
    switch = refusing(monkeypatch, ws.bench, "set_comment")
    click_row(qtbot, ws, "1.1")
    click(qtbot, editor.comment_edit.viewport())
    qtbot.keyClicks(editor.comment_edit, "lease checked")
    questions: list[str] = []
    monkeypatch.setattr(errors, "ask", lambda parent, title, q: questions.append(q) or True)  # go back
    window.close()  # before the pause: the comment is written on closing, and refused
    assert shown_errors == ["the disk is full"] and len(questions) == 1
    assert "the disk is full" in questions[0]
    assert window.isVisible() and editor.comment_edit.toPlainText() == "lease checked"
    assert ws.save_state.text() == "Not saved (the disk is full)"
    switch["on"] = False
    window.close()  # now it is written, and the window goes
    assert not window.isVisible() and len(questions) == 1
    assert stored(ws).comments.get("1.1") == "lease checked"

"""Issue 13, done when: an expert scores the whole standard with comments in the real main window —
pausing past the debounce, clicking other indicators and pages with the mouse, pressing Ctrl+Z
inside the boxes, closing the window in the middle of a comment and reopening it — and every score
and comment is in the store AND on the signed sheet the chair opens.

The window runs with the real background executor, so the review's writer is the asynchronous one
(the test waits for it with ``qtbot.waitUntil``, never on a clock).
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from reviewer.scoring.sheet import open_sheet
from reviewer.scoring.workbench_types import ReviewStatus
from reviewer.ui.dialogs import errors, sheet_files
from reviewer.ui.tasks import PoolExecutor
from tests.ui.expert_fixtures import chair_reader
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


def typed_score(leaf) -> Decimal:  # type: ignore[no-untyped-def]
    step = leaf.step or Decimal(1)
    return (leaf.points * Decimal("0.7") / step).to_integral_value() * step


def comment_for(code: str) -> str:
    return f"现场核实 {code}：材料与实际一致"


def idle(ws) -> bool:  # type: ignore[no-untyped-def]
    return ws.pending == 0


def score_one(qtbot, ws, leaf, style: int) -> None:  # type: ignore[no-untyped-def]
    """One indicator, the way people do it — four different ways."""
    editor, code, score = ws.scoring.editor, leaf.code, str(typed_score(leaf))
    click_row(qtbot, ws, code)
    assert ws.scoring.current_code == code
    if style == 0:  # the comment first, a pause, then the score and Enter
        click(qtbot, editor.comment_edit.viewport())
        commit(editor.comment_edit, comment_for(code))
        qtbot.wait(PAUSE_MS)
        click(qtbot, editor.score_edit)
        qtbot.keyClicks(editor.score_edit, score)
        qtbot.keyClick(editor.score_edit, Qt.Key.Key_Return)
    elif style == 1:  # a wrong digit undone with Ctrl+Z in the box, no Enter; a draft undone too
        qtbot.keyClicks(editor.score_edit, "9")
        ctrl_z(qtbot, editor.score_edit)
        assert editor.score_edit.text() == ""
        qtbot.keyClicks(editor.score_edit, score)
        click(qtbot, editor.comment_edit.viewport())
        qtbot.keyClicks(editor.comment_edit, "draft")
        ctrl_z(qtbot, editor.comment_edit)
        assert editor.comment_edit.toPlainText() == ""
        commit(editor.comment_edit, comment_for(code))
        # the next indicator's click is what leaves this one
    elif style == 2:  # score without Enter, the comment, a pause, off to another page and back
        qtbot.keyClicks(editor.score_edit, score)
        click(qtbot, editor.comment_edit.viewport())
        commit(editor.comment_edit, comment_for(code))
        qtbot.wait(PAUSE_MS)
        click_page(qtbot, ws, "checks")
        click_page(qtbot, ws, "scoring")
    else:  # the comment, no pause, the score without Enter, then a click on another indicator
        click(qtbot, editor.comment_edit.viewport())
        commit(editor.comment_edit, comment_for(code))
        click(qtbot, editor.score_edit)
        qtbot.keyClicks(editor.score_edit, score)


def test_nothing_typed_is_lost_from_the_keyboard_to_the_signed_sheet(
    make_window, demo_world, monkeypatch, shown_errors, tmp_path, qtbot
) -> None:
    out = tmp_path / "专家-评分表.rvsheet"
    monkeypatch.setattr(sheet_files, "choose_sheet_path", lambda parent, suggested: out)
    monkeypatch.setattr(errors, "confirm", lambda parent, title, what_happens, action: True)
    window, ws = open_window(make_window, demo_world, qtbot, executor=PoolExecutor())
    assert isinstance(ws.executor, PoolExecutor)  # the real, asynchronous write lane
    declare_by_mouse(qtbot, ws)
    leaves = ws.standard.leaves()
    middle = len(leaves) // 2
    for i, leaf in enumerate(leaves[:middle]):
        score_one(qtbot, ws, leaf, i % 4)

    # In the middle of an indicator the window is closed: the score typed without Enter, the
    # comment typed a moment ago — no pause, no Enter, no click anywhere.
    editor, code = ws.scoring.editor, leaves[middle].code
    click_row(qtbot, ws, code)
    qtbot.keyClicks(editor.score_edit, str(typed_score(leaves[middle])))
    click(qtbot, editor.comment_edit.viewport())
    commit(editor.comment_edit, comment_for(code))
    assert ws.save_state.text() == "Saving…"  # typing waits: not "Saved"
    window.close()
    assert not window.isVisible()
    state = ws.bench.snapshot(ws.review)
    assert state.scores[code] == typed_score(leaves[middle]) and state.comments[code] == comment_for(code)

    # Reopened: back on that indicator, everything there; the rest scored the same four ways.
    window, ws = open_window(make_window, demo_world, qtbot, executor=PoolExecutor())
    assert ws.scoring.current_code == code and ws.current_page == "scoring"
    for i, leaf in enumerate(leaves[middle + 1 :]):
        score_one(qtbot, ws, leaf, i % 4)
    # The twentieth entry: the first indicator corrected, typed without Enter, then another page.
    first = leaves[0]
    corrected = typed_score(first) - (first.step or Decimal(1))
    click_row(qtbot, ws, first.code)
    ws.scoring.editor.score_edit.selectAll()
    qtbot.keyClicks(ws.scoring.editor.score_edit, str(corrected))
    click_page(qtbot, ws, "checks")
    qtbot.waitUntil(lambda: idle(ws), timeout=10000)
    assert ws.save_state.text() == "Saved"

    expected_scores = {leaf.code: typed_score(leaf) for leaf in leaves} | {first.code: corrected}
    expected_comments = {leaf.code: comment_for(leaf.code) for leaf in leaves}
    state = ws.bench.snapshot(ws.review)
    assert dict(state.scores) == expected_scores
    assert dict(state.comments) == expected_comments
    assert shown_errors == []

    # The checks, from the keyboard; then finalise and sign through the finalise page.
    for row in [*ws.checks.yes_no.values(), *ws.checks.eligibility.values()]:
        row.answer.setFocus()
        qtbot.keyClick(row.answer, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: idle(ws), timeout=10000)
    click_page(qtbot, ws, "finalise")
    finalise = ws.finalise_page
    qtbot.waitUntil(lambda: finalise.sign_button.isEnabled(), timeout=10000)
    click(qtbot, finalise.sign_button)
    qtbot.waitUntil(lambda: finalise.running is None and out.exists(), timeout=60000)
    assert shown_errors == []
    assert ws.bench.snapshot(ws.review).status is ReviewStatus.FINALISED

    chair, binding = chair_reader(demo_world.chair, demo_world.package)
    sheet = open_sheet(out.read_bytes(), chair, binding, chair.trust_root())
    assert {c: a.score for c, a in sheet.answers.scores.items()} == expected_scores
    assert {c: a.comment for c, a in sheet.answers.scores.items()} == expected_comments

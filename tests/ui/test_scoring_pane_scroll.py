"""The scoring page's lower pane (the score, comment and evidence under the indicator's description)
as the new-user walk found it (issue 22, C): another indicator opens at its top, with the score box
in view, however far down the last one was scrolled; and the pane never scrolls sideways, so the
focus moving into it never hides the start of 「您的评分」 or 「依据」."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtWidgets import QWidget

from tests.ui.expert_typing import click, click_page, click_row, declare_by_mouse, open_window
from tests.ui.test_keyboard_journey import focused, tab_to

SIZES = [(1024, 700), (1280, 800)]


def _settle() -> None:
    for _ in range(5):
        QCoreApplication.processEvents()


def _in_view(widget: QWidget, scroller) -> bool:  # type: ignore[no-untyped-def]
    """``widget`` is wholly inside the scroll area's viewport (not scrolled out of it)."""
    viewport = scroller.viewport()
    top_left = widget.mapTo(viewport, QPoint(0, 0))
    return (
        top_left.y() >= 0
        and top_left.y() + widget.height() <= viewport.height()
        and top_left.x() >= 0
        and top_left.x() + widget.width() <= viewport.width()
    )


@pytest.mark.parametrize("size", SIZES)
def test_another_indicator_opens_at_its_score_box(make_window, demo_world, qtbot, size) -> None:
    window, ws = open_window(make_window, demo_world, qtbot, lang="zh_CN")
    window.resize(*size)
    declare_by_mouse(qtbot, ws)
    click_page(qtbot, ws, "scoring")
    scoring, editor = ws.scoring, ws.scoring.editor
    scroller = editor.split.scroller
    leaves = [leaf.code for leaf in scoring.standard.leaves()]
    click_row(qtbot, ws, leaves[0])
    tab_to(qtbot, editor.score_edit)
    _settle()
    assert _in_view(editor.score_box, scroller)

    # down to the evidence by Tab, a page added by a click: the pane is scrolled down to it
    tab_to(qtbot, editor.add_material)
    click(qtbot, editor.add_material)
    _settle()
    assert editor.evidence.count() == 1
    assert scroller.verticalScrollBar().value() > 0  # (the window is short enough for the pane to scroll)

    # the next indicator by its key: it shows its top, the score box, with the focus in it
    qtbot.keyClick(focused(), Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    _settle()
    assert scoring.current_code == leaves[1]
    assert scroller.verticalScrollBar().value() == 0
    assert focused() is editor.score_edit and _in_view(editor.score_box, scroller)

    # and by a click on its row in the tree
    tab_to(qtbot, editor.attach)
    assert scroller.verticalScrollBar().value() > 0
    click_row(qtbot, ws, leaves[2])
    _settle()
    assert scoring.current_code == leaves[2]
    assert scroller.verticalScrollBar().value() == 0 and _in_view(editor.score_box, scroller)


@pytest.mark.parametrize("size", SIZES)
def test_the_lower_pane_never_scrolls_sideways(make_window, demo_world, qtbot, size) -> None:
    window, ws = open_window(make_window, demo_world, qtbot, lang="zh_CN")
    window.resize(*size)
    declare_by_mouse(qtbot, ws)
    click_page(qtbot, ws, "scoring")
    editor = ws.scoring.editor
    split, scroller = editor.split, editor.split.scroller
    click_row(qtbot, ws, next(iter(ws.scoring.standard.leaves())).code)
    _settle()
    # what the pane holds fits its width: nothing to scroll to sideways
    assert split.below_widget.width() <= scroller.viewport().width()
    assert scroller.horizontalScrollBar().maximum() == 0
    # the focus through every field of the pane, by Tab: the content never moves sideways
    e = editor
    fields = (e.comment_edit, e.evidence, e.material, e.page, e.attach, e.remove)
    for target in fields:
        tab_to(qtbot, target)
        _settle()
        assert scroller.horizontalScrollBar().value() == 0, target.objectName()
        for box in (editor.score_box, editor.evidence_box):  # their titles start where they should
            assert box.mapTo(scroller.viewport(), QPoint(0, 0)).x() >= 0, box.objectName()
        assert _in_view(target, scroller), target.objectName()

"""The expert's rubric (评分档次) stays readable at the default window size and at 1024×700: the
indicator's description shows its whole score-level table without scrolling, and the score box stays
in view below it (the boxes below scroll when the window is short)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication

from reviewer.ui.panels.scoring_panel import ScoringPanel
from tests.ui.expert_typing import open_window


@pytest.mark.parametrize("size", [(1200, 760), (1024, 700)])
def test_the_score_levels_are_readable(make_window, demo_world, qtbot, size) -> None:
    window, ws = open_window(make_window, demo_world, qtbot, lang="zh_CN")
    ws.show_page("scoring")
    scoring = window.findChild(ScoringPanel)
    leaf = next(c for c in window.package_panel.review.standard.leaves() if c.levels)
    assert scoring.select_code(leaf.code)
    window.resize(*size)
    for _ in range(5):
        QCoreApplication.processEvents()
    details = scoring.editor.details
    html = details.toHtml()
    assert "评分档次" in html and html.index("评分档次") < html.index("评分说明")  # the rubric first
    # the bottom of the level table is inside the pane, not scrolled out of it
    doc = details.document()
    table_bottom = max(
        doc.documentLayout().blockBoundingRect(block).bottom()
        for block in _blocks(doc)
        if block.text().strip() and any(lv.text.text("zh_CN") in block.text() for lv in leaf.levels)
    )
    assert details.verticalScrollBar().value() == 0
    assert table_bottom <= details.viewport().height(), (table_bottom, details.viewport().height())
    box = scoring.editor.score_edit
    top_left = box.mapTo(scoring.editor.split.scroller.viewport(), box.rect().topLeft())
    assert (
        top_left.y() >= 0 and top_left.y() + box.height() <= scoring.editor.split.scroller.viewport().height()
    )


def _blocks(doc):
    block = doc.begin()
    while block.isValid():
        yield block
        block = block.next()

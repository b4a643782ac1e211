"""The record viewer: the review record on file is shown in the app, page by page, before a member
co-signs it, and the signed record after (Page Up / Page Down and the page buttons turn pages)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument

from reviewer.ui.dialogs import cosign as cosign_dialogs
from tests.ui.test_chair_frozen import cosign_as, prepared

pytestmark = pytest.mark.slow


def test_a_member_reads_the_records_pages_before_cosigning(
    qtbot, make_window, chair_world, monkeypatch, shown_errors
) -> None:
    monkeypatch.setattr(cosign_dialogs, "notify", lambda parent, text: None)
    _window, chair = open_chair_record(qtbot, make_window, chair_world)
    page = chair.record
    viewer = page.viewer
    assert viewer.isVisibleTo(page)
    assert viewer.document.status() == QPdfDocument.Status.Ready
    n = viewer.document.pageCount()
    assert n >= 2 and viewer.current_page == 1 and viewer.page_label.text() == f"Page 1 of {n}"
    assert not viewer.previous.isEnabled() and viewer.next.isEnabled()
    # the record shown is the record the member will sign: its text is in the document
    first_page = viewer.document.getAllText(0).text()
    assert "示例软件园" in first_page

    viewer.view.setFocus()
    qtbot.keyClick(viewer.view, Qt.Key.Key_PageDown)
    assert viewer.current_page == 2 and viewer.page_label.text() == f"Page 2 of {n}"
    qtbot.keyClick(viewer.view, Qt.Key.Key_PageUp)
    assert viewer.current_page == 1
    qtbot.mouseClick(viewer.next, Qt.MouseButton.LeftButton)
    assert viewer.current_page == 2

    unsigned = page.pdf
    cosign_as(qtbot, page, chair_world, "li-zhe", monkeypatch)
    assert page.signed_count == 1 and page.pdf != unsigned
    assert viewer.document.status() == QPdfDocument.Status.Ready and viewer.page_count == n
    assert viewer.current_page == 1  # the signed record, read again from its first page
    assert shown_errors == []


def open_chair_record(qtbot, make_window, world):
    window, chair = prepared(qtbot, make_window, world)
    chair.tabs.setCurrentWidget(chair.record)
    return window, chair


def test_before_the_record_is_produced_the_viewer_says_so(make_window, chair_world) -> None:
    from tests.ui.test_chair_frozen import open_chair

    _, chair = open_chair(make_window, chair_world)
    viewer = chair.record.viewer
    assert viewer.page_count == 0 and viewer.page_label.text() == ""
    assert viewer.pages.currentWidget() is viewer.empty
    assert viewer.empty.text() == "No review record yet: produce it to read it here before anyone signs."

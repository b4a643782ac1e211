"""The registered result's signed record and sheets, opened from the review dialog: the archived bundle
verified with the authority's keys, the record's pages shown from memory, each sheet saved as signed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from reviewer.ministry import archive
from reviewer.ui.panels.ministry import MinistryPanel, asks
from reviewer.ui.panels.ministry.registry_review import ReviewDialog
from tests.export.bundle_world import BundleWorld
from tests.ui import test_ministry_desk as desk_tests
from tests.ui.test_ministry_decisions import NAME, import_the_bundle

world, panel, on_worker = desk_tests.world, desk_tests.panel, desk_tests.on_worker  # the desk's fixtures


def open_the_review(qtbot, panel: MinistryPanel) -> ReviewDialog:
    reviews = panel.registry.history.views["reviews"]
    reviews.setFocus()
    reviews.setCurrentIndex(reviews.model().index(0, 0))
    qtbot.keyClick(reviews, Qt.Key.Key_Return)
    dialog = panel.registry.review_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_the_record_and_every_sheet_open_from_the_review(
    qtbot, panel: MinistryPanel, world: BundleWorld, tmp_path: Path, monkeypatch, shown_errors
) -> None:
    import_the_bundle(panel, world, tmp_path, monkeypatch)
    stored = on_worker(lambda: panel.desk.registry.history(NAME)).reviews[0]
    panel.desk.keys = panel.desk.source = None  # locked again: the button asks for the passphrase
    panel.desk._given = None
    asked: list[str] = []
    monkeypatch.setattr(asks, "passphrase", lambda parent, who: asked.append(who) or desk_tests.PASSPHRASE)
    dialog = open_the_review(qtbot, panel)
    assert dialog.sha256 == stored.bundle_sha256
    assert dialog.tabs.count() == 1  # the scores only, until the record is opened
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert asked == [world.authority.name]
    assert shown_errors == []
    assert dialog.tabs.currentWidget() is dialog.record_tab and dialog.tabs.count() == 2
    assert dialog.opened is not None and dialog.opened.record_pdf == world.record_signed
    assert dialog.viewer.page_count > 0 and dialog.viewer.current_page == 1
    table = dialog.sheets.table
    members = [table.item(i, dialog.sheets.MEMBER).text() for i in range(table.rowCount())]
    assert sorted(members) == sorted(f"{r.name}（{r.org}）" for r in world.binding.roster)  # every member
    versions = [table.item(i, dialog.sheets.VERSION).text() for i in range(table.rowCount())]
    assert versions == [str(s.version) for s in dialog.opened.sheets] and "1" in versions
    assert not dialog.open_button.isEnabled()  # open already

    table.setFocus()
    table.selectRow(2)
    chosen = dialog.opened.sheets[2]
    out = tmp_path / "saved" / "sheet.rvsheet"
    monkeypatch.setattr(asks, "save_file", lambda parent, title, suggested, filters: out)
    qtbot.mouseClick(dialog.sheets.save_button, Qt.MouseButton.LeftButton)
    assert on_worker(out.read_bytes) == chosen.data
    assert str(out) in dialog.sheets.status.text()
    dialog.close()
    assert shown_errors == []


def test_a_bundle_missing_from_the_archive_is_said(
    qtbot, panel: MinistryPanel, world: BundleWorld, tmp_path: Path, monkeypatch, shown_errors
) -> None:
    import_the_bundle(panel, world, tmp_path, monkeypatch)
    stored = on_worker(lambda: panel.desk.registry.history(NAME)).reviews[0]
    on_worker(archive.archive_path(panel.desk.authority.path, stored.bundle_sha256).unlink)
    dialog = open_the_review(qtbot, panel)
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert len(shown_errors) == 1 and "import the result bundle (.rvresult) again" in shown_errors[0].lower()
    assert dialog.open_button.isEnabled() and dialog.tabs.count() == 1
    dialog.close()

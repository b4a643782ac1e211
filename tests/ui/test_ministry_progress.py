"""The registry page's progress reports and priority flags, by clicks and keys: a creating park with
overdue reports is marked in the table; recording a report (file chosen, due period, a confirmation)
stores its SHA-256 and lowers the count; a city flag is set citing its source."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt

from reviewer.ministry.priority import flag_history
from reviewer.ministry.progress import beijing_today, progress_status
from reviewer.ministry.types import CandidateInfo
from reviewer.ui.dialogs import errors
from reviewer.ui.panels.ministry import MinistryPanel, asks
from reviewer.ui.panels.ministry.progress_actions import FlagsDialog, RecordProgressDialog
from tests.ui import test_ministry_desk as desk_tests
from tests.ui.chair_fixtures import type_text

world, panel, on_worker = desk_tests.world, desk_tests.panel, desk_tests.on_worker  # the desk's fixtures

PARK = CandidateInfo("进展示例园", "park", "江苏省", "无锡市")
CITY = CandidateInfo("无锡市", "city", "江苏省", "无锡市")


def status_of(panel: MinistryPanel, name: str) -> str:
    page = panel.registry
    row = next(i for i in range(page.model.rowCount()) if page.model.row_value(i).info.name == name)
    return page.model.index(row, page.model.STATUS).data()


def test_record_a_progress_report_and_set_a_flag(
    qtbot, panel: MinistryPanel, tmp_path: Path, monkeypatch, shown_errors
) -> None:
    reg = panel.desk.registry
    entered = datetime(2025, 1, 10, 2, 0, tzinfo=UTC)
    on_worker(lambda: reg.register(PARK, year=2025, at=entered))
    on_worker(lambda: reg.register(CITY, year=2020, status="awarded", at=entered))
    today = beijing_today()
    before = on_worker(lambda: progress_status(reg, PARK.name, today))
    late = sum(d.overdue for d in before)
    assert late >= 2  # 2025-07-10 and 2026-01-10 at least
    panel.desk.registry_changed.emit()
    page = panel.registry
    assert f"progress report overdue ({late})" in status_of(panel, PARK.name)
    assert "overdue" not in status_of(panel, CITY.name)

    body = b"%PDF-1.7 progress report 2025 H1\n"
    report = tmp_path / "进展报告.pdf"
    report.write_bytes(body)
    monkeypatch.setattr(asks, "open_file", lambda *a, **k: report)

    offered: list[object] = []

    def answer(parent, view):
        dialog = RecordProgressDialog(view, parent)
        dialog.finished.connect(dialog.deleteLater)
        dialog.show()
        assert not dialog.ok_button.isEnabled()  # no file yet
        offered.append(dialog.due.currentData())  # the first one not received
        qtbot.mouseClick(dialog.choose, Qt.MouseButton.LeftButton)
        assert dialog.file.text() == str(report)
        assert dialog.ok_button.isEnabled()
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        assert dialog.result() == dialog.DialogCode.Accepted
        return dialog.value()

    asked: list[str] = []
    monkeypatch.setattr(asks, "progress_report", answer)
    monkeypatch.setattr(errors, "confirm", lambda parent, title, what, action: asked.append(what) or True)
    assert page.select(PARK.name)
    qtbot.mouseClick(page.progress_actions.record_button, Qt.MouseButton.LeftButton)
    assert shown_errors == []
    assert offered == [before[0].due]
    assert len(asked) == 1 and "cannot be undone" in asked[0] and before[0].due.isoformat() in asked[0]
    after = on_worker(lambda: progress_status(reg, PARK.name, today))
    assert (after[0].received, after[0].sha256) == (today, hashlib.sha256(body).hexdigest())
    assert f"progress report overdue ({late - 1})" in status_of(panel, PARK.name)
    assert "SHA-256" in page.decision.text()

    # the same file again: refused, the person told why
    qtbot.mouseClick(page.progress_actions.record_button, Qt.MouseButton.LeftButton)
    assert offered[1] == before[1].due  # the next one not received
    assert len(shown_errors) == 1 and "recorded already" in shown_errors[0]

    def set_flag(parent, view):
        dialog = FlagsDialog(view, today, parent)
        dialog.finished.connect(dialog.deleteLater)
        dialog.show()
        assert [dialog.flag.itemData(i) for i in range(dialog.flag.count())] == [
            "city_industrial_upgrade",
            "city_digital_infrastructure",
        ]
        assert not dialog.ok_button.isEnabled()  # a source is required
        dialog.source.setFocus()
        type_text(dialog.source, "工信厅信发〔2025〕8号")
        assert dialog.ok_button.text() == "Set the flag…"
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        return dialog.value()

    monkeypatch.setattr(asks, "flag_change", set_flag)
    assert page.select(CITY.name)
    qtbot.mouseClick(page.progress_actions.flags_button, Qt.MouseButton.LeftButton)
    assert len(shown_errors) == 1
    assert on_worker(lambda: reg.candidate(CITY.name)).flags == ("city_industrial_upgrade",)
    facts = on_worker(lambda: flag_history(reg, CITY.name))
    assert [(f.action, f.source) for f in facts] == [("set", "工信厅信发〔2025〕8号")]
    assert "now carries" in page.decision.text()

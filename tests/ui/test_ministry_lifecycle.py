"""The registry page's lifecycle steps, by clicks: a park's paper check (every item ticked, passed), its
third-party report (file hashed), and the 公示 opened for 5 working days across 国庆 (the end shown as
it is typed, then recorded); the screens are grabbed at 1024×700 in zh_CN and en."""

from __future__ import annotations

import hashlib
import os
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, Qt

from reviewer.app import ministry_lifecycle as ops
from reviewer.ministry.lifecycle import today_beijing
from reviewer.ministry.types import CandidateInfo, ReceivedDocument
from reviewer.ui.dialogs import errors
from reviewer.ui.language import Language
from reviewer.ui.panels.ministry import MinistryPanel, asks
from reviewer.ui.panels.ministry import lifecycle_actions as actions
from tests.ministry.seed import result
from tests.ui import test_ministry_desk as desk_tests

world, panel, on_worker = desk_tests.world, desk_tests.panel, desk_tests.on_worker  # the desk's fixtures

PARK = CandidateInfo("生命周期示例园", "park", "浙江省", "杭州市")
DOCS = (ReceivedDocument("申请表.pdf", "1" * 64), ReceivedDocument("申请函.pdf", "2" * 64))
SHOTS = Path(os.environ.get("REVIEWER_SHOTS", "/tmp/d19/shots/1"))


def grab(widget, name: str) -> None:
    if SHOTS.parent.exists():
        SHOTS.mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(SHOTS / f"{name}.png"))


def test_paper_check_third_party_and_publicity(
    qtbot, panel: MinistryPanel, tmp_path: Path, monkeypatch, shown_errors
) -> None:
    reg = panel.desk.registry
    on_worker(lambda: reg.apply(PARK, year=2026, documents=DOCS, at=datetime(2026, 3, 2, 2, tzinfo=UTC)))
    panel.desk.registry_changed.emit()
    page = panel.registry
    panel.resize(1024, 700)
    asked: list[str] = []
    monkeypatch.setattr(errors, "confirm", lambda parent, title, what, action: asked.append(what) or True)

    def tick_all(parent, view):
        dialog = actions.PaperCheckDialog(view, parent)
        dialog.finished.connect(dialog.deleteLater)
        dialog.show()
        assert list(dialog.boxes)[:2] == ["two_years", "management_body"]
        qtbot.mouseClick(dialog.pass_choice, Qt.MouseButton.LeftButton)
        assert not dialog.ok_button.isEnabled() and "not met" in dialog.state.text()
        for box in dialog.boxes.values():
            box.setChecked(True)
        assert dialog.ok_button.isEnabled()
        grab(dialog, "paper-check-en")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        return dialog.value()

    monkeypatch.setattr(actions, "ask_paper_check", tick_all)
    assert page.select(PARK.name)
    panel.tabs.setCurrentWidget(page)
    grab(panel, "registry-page-en")
    qtbot.mouseClick(page.lifecycle_actions.paper_check_button, Qt.MouseButton.LeftButton)
    assert shown_errors == [] and "passes the paper check" in asked[-1]
    assert on_worker(lambda: reg.history(PARK.name)).timeline[-1].reason_code == "paper_check:pass"

    report = tmp_path / "评估报告.pdf"
    report.write_bytes(b"%PDF-1.7 third-party report\n")
    monkeypatch.setattr(asks, "open_file", lambda *a, **k: report)

    def third_party(parent, name):
        dialog = actions.ThirdPartyDialog(name, parent)
        dialog.finished.connect(dialog.deleteLater)
        dialog.show()
        dialog.institution.setText("示例评估中心")
        qtbot.mouseClick(dialog.choose, Qt.MouseButton.LeftButton)
        assert dialog.ok_button.isEnabled()
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        return dialog.value()

    monkeypatch.setattr(actions, "ask_third_party", third_party)
    qtbot.mouseClick(page.lifecycle_actions.third_party_button, Qt.MouseButton.LeftButton)
    assert shown_errors == []
    docs = on_worker(lambda: reg.history(PARK.name)).documents
    assert docs[-1].sha256 == hashlib.sha256(report.read_bytes()).hexdigest()
    assert "SHA-256" in page.decision.text()

    # the application panel passes, then the creation panel: under publicity
    now = on_worker(lambda: reg.history(PARK.name)).timeline[-1].at  # the panels close after the report
    on_worker(
        lambda: reg.record(
            replace(result(PARK, "application", 2026, "pass"), at=now + timedelta(milliseconds=1))
        )
    )
    on_worker(
        lambda: reg.record(
            replace(result(PARK, "creation", 2026, "pass"), at=now + timedelta(milliseconds=2))
        )
    )
    panel.desk.registry_changed.emit()
    assert page.select(PARK.name)

    def dates(parent, view):
        dialog = actions.OpenPublicityDialog(view, parent)
        dialog.finished.connect(dialog.deleteLater)
        dialog.show()
        dialog.start.setDate(QDate(2026, 9, 24))
        dialog.length.setValue(5)
        dialog.unit.setCurrentIndex(dialog.unit.findData("working_days"))
        assert "2026-09-24 to 2026-10-08" in dialog.computed.text()
        assert "from 2026-10-09" in dialog.computed.text()
        grab(dialog, "open-publicity-en")
        dialog.start.setDate(QDate(2027, 3, 1))  # a year the calendar does not list
        assert not dialog.ok_button.isEnabled() and "2027" in dialog.computed.text()
        first = today_beijing()  # a 公示 cannot start before the day of the pass (today)
        dialog.start.setDate(QDate(first.year, first.month, first.day))
        dialog.length.setValue(7)
        dialog.unit.setCurrentIndex(dialog.unit.findData("calendar_days"))
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        return dialog.value()

    monkeypatch.setattr(actions, "ask_publicity_dates", dates)
    qtbot.mouseClick(page.lifecycle_actions.open_publicity_button, Qt.MouseButton.LeftButton)
    assert shown_errors == []
    (entry,) = on_worker(lambda: reg.publicity(year=2026))
    first = today_beijing()
    assert (entry.starts, entry.ends, entry.length, entry.unit) == (
        first,
        first + timedelta(days=6),
        7,
        "calendar_days",
    )
    assert (first + timedelta(days=6)).isoformat() in page.decision.text()

    # the paper check of a candidate not applying is refused with a message, nothing asked
    qtbot.mouseClick(page.lifecycle_actions.paper_check_button, Qt.MouseButton.LeftButton)
    assert len(shown_errors) == 1 and "no application waiting" in shown_errors[0]

    # the same screens in Chinese (the language the desk starts in)
    chinese = Language(None)
    chinese.apply("zh_CN")
    assert page.lifecycle_actions.paper_check_button.text() == "形式审查…"
    grab(panel, "registry-page-zh_CN")
    view = on_worker(lambda: ops.lifecycle_view(reg, PARK.name))
    opened = actions.OpenPublicityDialog(view)
    qtbot.addWidget(opened)
    opened.start.setDate(QDate(2026, 9, 24))
    opened.length.setValue(5)
    opened.unit.setCurrentIndex(opened.unit.findData("working_days"))
    assert "2026-09-24 至 2026-10-08" in opened.computed.text()
    grab(opened, "open-publicity-zh_CN")
    checking = actions.PaperCheckDialog(replace(view, status="applicant"))
    qtbot.addWidget(checking)
    assert "园区成立满2年" in [b.text() for b in checking.boxes.values()]
    grab(checking, "paper-check-zh_CN")
    third = actions.ThirdPartyDialog(PARK.name)
    qtbot.addWidget(third)
    grab(third, "third-party-zh_CN")
    chinese.remove()

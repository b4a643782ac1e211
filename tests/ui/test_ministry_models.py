"""The ministry desk's item models (qtmodeltester) and the registry page on a seeded multi-year
registry: filters by type, province, status and year, a candidate's history, the year's warnings and
exits, CSV and XLSX exports written by the core's report functions."""

from __future__ import annotations

import csv
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from reviewer.ministry.desk import EnrolledExpert
from reviewer.ministry.importer import FileOutcome
from reviewer.ministry.registry import Registry
from reviewer.ministry.reports import registry_report
from reviewer.ui.models.ministry_models import (
    CandidatesModel,
    ExpertsModel,
    OutcomesModel,
    PanelChoiceModel,
    ReportTableModel,
)
from reviewer.ui.panels.ministry import asks
from reviewer.ui.panels.ministry.registry_page import RegistryPage
from reviewer.ui.tasks import ImmediateExecutor
from tests.ministry.seed import seed

AT = datetime(2026, 3, 1, tzinfo=UTC)
EXPERTS = [
    EnrolledExpert("a1", "李喆", "江汉理工大学", "a" * 64, AT, None, "active"),
    EnrolledExpert("b2", "张玥", "华夏电子信息标准化研究所", "b" * 64, AT, None, "active"),
    EnrolledExpert("c3", "钱犇", "西部软件测评中心", "c" * 64, AT, None, "revoked", AT, "离职"),
]


pytestmark = pytest.mark.usefixtures("english_ui")


def on_worker(fn):
    """Build or read the test's registry off the GUI thread (as the app does)."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(fn).result()


@pytest.fixture
def registry(tmp_path: Path):
    reg = on_worker(lambda: Registry.open(f"sqlite:///{tmp_path / 'seeded.sqlite3'}"))
    on_worker(lambda: seed(reg))
    yield reg
    on_worker(reg.close)


def test_models_pass_qtmodeltester(qtmodeltester, registry: Registry) -> None:
    experts = ExpertsModel()
    experts.set_rows(EXPERTS)
    qtmodeltester.check(experts)
    assert experts.index(2, experts.STATUS).data() == "revoked 2026-03-01: 离职"
    choice = PanelChoiceModel()
    choice.set_rows(EXPERTS)
    qtmodeltester.check(choice)
    candidates = CandidatesModel()
    candidates.set_rows(on_worker(registry.candidates))
    qtmodeltester.check(candidates)
    report = ReportTableModel(on_worker(lambda: registry_report(registry, 2025)).tables[0])
    qtmodeltester.check(report)
    outcomes = OutcomesModel()
    outcomes.set_rows(
        [FileOutcome("/x/a.rvresult", "refused", "forged"), FileOutcome("/x/b.rvresult", "duplicate", "")]
    )
    qtmodeltester.check(outcomes)
    assert outcomes.index(0, outcomes.DETAIL).data() == "forged"


def test_panel_choice_has_exactly_one_chair_and_no_revoked_member() -> None:
    m = PanelChoiceModel()
    m.set_rows(EXPERTS)
    m.choose("a" * 64, chair=True)
    m.choose("b" * 64, chair=True)  # the chair moves; the first stays a member
    assert m.chair == "b" * 64 and [x.name for x in m.chosen()] == ["李喆", "张玥"]
    assert m.index(0, m.CHAIR).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert m.index(1, m.CHAIR).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    m.setData(m.index(1, m.MEMBER), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    assert m.chair is None and [x.name for x in m.chosen()] == ["李喆"]
    assert not m.setData(m.index(2, m.MEMBER), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert m.index(2, m.STATUS).data() == "revoked: 离职"


class _Desk:
    def __init__(self, registry: Registry) -> None:
        from PySide6.QtCore import QObject, Signal

        class Signals(QObject):
            registry_changed = Signal()

        self.signals = Signals()
        self.registry = registry
        self.executor = ImmediateExecutor()
        self.registry_changed = self.signals.registry_changed


def shown(page: RegistryPage) -> list[str]:
    return [page.model.row_value(i).info.name for i in range(page.model.rowCount())]


def pick(box, data) -> None:
    box.setCurrentIndex(box.findData(data))


def test_registry_page_filters_history_and_exports(
    qtbot, registry: Registry, tmp_path: Path, monkeypatch
) -> None:
    page = RegistryPage(_Desk(registry))  # type: ignore[arg-type]
    qtbot.addWidget(page)
    assert len(shown(page)) == 7 and page.count.text() == "7 of 7 candidates"
    pick(page.type_filter, "city")
    assert sorted(shown(page)) == sorted(["成都市", "南京市", "杭州市"])
    pick(page.status_filter, "exited")
    assert sorted(shown(page)) == ["南京市", "成都市"]
    pick(page.type_filter, None)
    pick(page.status_filter, None)
    pick(page.province_filter, "江苏省")
    assert sorted(shown(page)) == sorted(["南京市", "江北软件园", "示例软件园"])
    pick(page.province_filter, None)
    pick(page.year_filter, 2022)
    assert sorted(shown(page)) == sorted(["南京市", "成都市", "示例软件园"])

    # the year's report: 2022 warnings and exits, as the rules say
    notices = page.year_report.models["notices"]
    kinds = {(notices.index(r, 1).data(), notices.index(r, 2).data()) for r in range(notices.rowCount())}
    assert ("成都市", "exit announcement") in kinds and ("南京市", "rectification notice") in kinds

    # a candidate's history: status changes with reasons and its stars
    assert page.select("南京市")
    history = page.history.models["history"]
    statuses = [history.index(r, 2).data() for r in range(history.rowCount())]
    assert statuses[0] == "awarded" and statuses[-1] == "exited"
    stars = page.history.models["stars"]
    assert [(stars.index(r, 0).data(), stars.index(r, 1).data()) for r in range(stars.rowCount())] == [
        ("2021", "3"),
        ("2022", "1"),
        ("2023", "2"),
        ("2024", "1"),
        ("2025", "1"),
    ]

    xlsx, csv_path = tmp_path / "nanjing.xlsx", tmp_path / "year.csv"
    monkeypatch.setattr(asks, "save_file", lambda *a, **k: xlsx)
    page.export_history_button.click()
    book = load_workbook(xlsx)
    assert "状态变化" in book.sheetnames
    cells = [c.value for row in book["历年星级"].iter_rows() for c in row]
    assert cells[:2] == ["年度", "星级"] and 2025 in cells
    monkeypatch.setattr(asks, "save_file", lambda *a, **k: csv_path)
    page.export_year_button.click()
    text = csv_path.read_text("utf-8-sig")
    assert "成都市" in text and "2022" in text
    assert any("成都市" in row for row in csv.reader(text.splitlines()))
    assert page.count.text() == f"Exported to {csv_path}"

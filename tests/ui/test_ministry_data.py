"""The desk's 数据报送 tab: import filled templates on a worker (a bad one refused with its cell), the
returns of the year listed, and the selected candidate's figures year by year with the national value."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QSize

from reviewer import i18n
from reviewer.ministry import data_returns
from reviewer.ministry.data_file import read_data_return
from reviewer.ministry.registry import Registry
from reviewer.ministry.types import CandidateInfo
from reviewer.ui.panels.ministry import MinistryPanel, asks
from tests.ministry.data_world import CITY_2025, PASSPHRASE, filled, new_authority
from tests.ui.test_ministry_desk import on_worker, open_panel

CITY = "示例市"
SHOTS = Path("/tmp/d19/shots/4")


@pytest.fixture
def panel(qtbot, tmp_path: Path, make_window, request) -> MinistryPanel:
    lang = getattr(request, "param", "en")
    window = make_window(lang=lang)
    authority = new_authority(tmp_path / "authority")
    db = f"sqlite:///{tmp_path / 'registry.sqlite3'}"

    def seed() -> None:
        with Registry.open(db) as reg:
            reg.register(CandidateInfo(CITY, "city", "示例省", CITY), year=2020, status="awarded")
            data_returns.record_national(reg, 2025, {"software_revenue_growth": Decimal("13.4")})

    on_worker(seed)
    p = open_panel(window, authority.path, db, PASSPHRASE)
    qtbot.addWidget(p)
    yield p
    p.close_desk()


def test_import_list_and_trend(
    panel: MinistryPanel, tmp_path: Path, monkeypatch, shown_errors, qtmodeltester
) -> None:
    files = tmp_path / "incoming"
    files.mkdir()
    older = {**CITY_2025, "software_revenue": "1000.00", "software_revenue_growth": "11.0"}
    (files / "2024.xlsx").write_bytes(filled("city", 2024, CITY, older))
    (files / "2025.xlsx").write_bytes(filled("city", 2025, CITY, CITY_2025))
    (files / "bad.xlsx").write_bytes(filled("city", 2025, CITY, {**CITY_2025, "rd_share": "八"}))
    monkeypatch.setattr(asks, "open_files", lambda *a, **k: sorted(files.glob("*.xlsx")))
    page = panel.data
    assert panel.tabs.tabText(panel.tabs.indexOf(page)) == "Data returns"
    page.import_button.click()

    m = page.outcomes
    rows = {
        m.index(i, m.FILE).data(): (m.index(i, m.OUTCOME).data(), m.index(i, m.DETAIL).data())
        for i in range(3)
    }
    assert rows["2024.xlsx"] == ("recorded", f"2024, version 1 → {CITY}-2024-v1.rvdata")
    assert rows["2025.xlsx"][0] == "recorded"
    assert rows["bad.xlsx"][0] == "refused" and "数据!C9" in rows["bad.xlsx"][1]
    assert shown_errors == []
    signed = read_data_return((files / f"{CITY}-2025-v1.rvdata").read_bytes(), panel.desk.authority.root)
    assert signed.figures["software_revenue"] == Decimal("1234.56")

    assert page.year.value() == 2025  # the tab follows the year imported
    assert [page.returns.row_value(i).candidate for i in range(page.returns.rowCount())] == [CITY]
    r = page.returns
    assert [r.index(0, c).data() for c in (r.REVENUE, r.GROWTH)] == ["1234.56", "13.4"]
    page.returns_table.selectRow(0)
    t = page.trend
    assert t.headers() == ["Figure", "Unit", "2024", "2025", "National (latest)", "Trend"]
    by_name = {t.index(i, 0).data(): [t.index(i, c).data() for c in range(1, 6)] for i in range(t.rowCount())}
    assert by_name["Software business revenue"] == ["100 million yuan", "1000.00", "1234.56", "", "▁█"]
    assert by_name["Software business revenue growth"] == ["%", "11.0", "13.4", "13.4 (2025)", "▁█"]
    assert page.trend_label.text() == f"Figures of “{CITY}” year by year"

    for model in (page.outcomes, page.returns, page.trend):
        qtmodeltester.check(model)

    page.import_button.click()  # the same files again: nothing new
    assert page.outcomes.index(0, m.OUTCOME).data() == "already recorded"
    assert len(on_worker(lambda: data_returns.history(panel.desk.registry, CITY))) == 2


@pytest.mark.parametrize("panel", ["zh_CN", "en"], indirect=True)
def test_screenshots(panel: MinistryPanel, tmp_path: Path, monkeypatch, shown_errors) -> None:
    (tmp_path / "a.xlsx").write_bytes(filled("city", 2025, CITY, CITY_2025))
    (tmp_path / "b.xlsx").write_bytes(filled("city", 2024, CITY, {**CITY_2025, "software_revenue": 980}))
    monkeypatch.setattr(asks, "open_files", lambda *a, **k: sorted(tmp_path.glob("*.xlsx")))
    panel.tabs.setCurrentWidget(panel.data)
    panel.data.import_button.click()
    panel.data.returns_table.selectRow(0)
    panel.resize(QSize(1024, 700))
    panel.show()
    assert shown_errors == []
    if i18n.language() != "en":
        assert panel.tabs.tabText(panel.tabs.indexOf(panel.data)) == "数据报送"
    SHOTS.mkdir(parents=True, exist_ok=True)
    panel.grab().save(str(SHOTS / f"data-tab-{i18n.language()}.png"))

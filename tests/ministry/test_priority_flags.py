"""Priority flags set by hand, on SQLite and PostgreSQL: with their source, shown beside the computed
ones in Candidate.flags and in the reports, cleared with history kept."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from reviewer.errors import Refused, UsageError
from reviewer.ministry.priority import clear_flag, flag_history, set_flag
from reviewer.ministry.progress import record_progress_report
from reviewer.ministry.registry import Registry
from reviewer.ministry.report_tables import report_language
from reviewer.ministry.reports import history_report, registry_report

from .seed import JIANGBEI, NANJING, SAMPLE_PARK, seed

DOC = "工信厅信发〔2025〕12号"
URL = "https://www.miit.gov.cn/example/2025-demo-bases.html"


@pytest.fixture
def seeded(db_url: str):
    with Registry.open(db_url) as reg:
        reg.register(NANJING, year=2019, status="awarded", at=datetime(2019, 1, 1, tzinfo=UTC))
        reg.register(JIANGBEI, year=2020, status="awarded", at=datetime(2020, 1, 1, tzinfo=UTC))
        reg.register(SAMPLE_PARK, year=2021, at=datetime(2021, 1, 1, tzinfo=UTC))
        yield reg


def test_set_flags_show_with_the_computed_ones_and_their_source(seeded: Registry) -> None:
    assert seeded.candidate(NANJING.name).flags == ()
    set_flag(
        seeded, NANJING.name, "city_industrial_upgrade", source=DOC, source_date=date(2025, 3, 1), by="张处长"
    )
    set_flag(
        seeded, SAMPLE_PARK.name, "park_new_industrialisation_base", source=URL, source_date=date(2025, 4, 2)
    )
    assert seeded.candidate(NANJING.name).flags == ("city_industrial_upgrade",)
    # both parks lie in 南京市, a famous city (computed) now notable in industrial upgrading (computed
    # from the city's flag set by hand); the demonstration base is the park's own flag
    assert seeded.candidate(JIANGBEI.name).flags == ("park_in_famous_city", "park_in_notable_city")
    assert seeded.candidate(SAMPLE_PARK.name).flags == (
        "park_in_famous_city",
        "park_in_notable_city",
        "park_new_industrialisation_base",
    )
    assert {c.info.name: c.flags for c in seeded.candidates()}[SAMPLE_PARK.name] == seeded.candidate(
        SAMPLE_PARK.name
    ).flags
    with report_language("zh"):
        tables = {t.key: t.records() for t in registry_report(seeded, None, date(2025, 5, 1)).tables}
    nanjing = next(r for r in tables["candidates"] if r["name"] == NANJING.name)
    assert nanjing["priority"] == "工业稳增长和转型升级成效明显市（州）"
    assert [(r["name"], r["flag"], r["source"], r["source_date"]) for r in tables["priority_flags"]] == [
        (NANJING.name, "工业稳增长和转型升级成效明显市（州）", DOC, "2025-03-01"),
        (SAMPLE_PARK.name, "国家新型工业化产业示范基地", URL, "2025-04-02"),
    ]
    assert next(r for r in tables["priority_flags"] if r["name"] == NANJING.name)["by"] == "张处长"


def test_clear_keeps_the_history(seeded: Registry) -> None:
    set_flag(seeded, NANJING.name, "city_digital_infrastructure", source=DOC, source_date=date(2024, 1, 5))
    clear_flag(
        seeded,
        NANJING.name,
        "city_digital_infrastructure",
        source="工信厅函〔2025〕3号",
        source_date=date(2025, 2, 1),
    )
    assert seeded.candidate(NANJING.name).flags == ()
    assert seeded.candidate(JIANGBEI.name).flags == ("park_in_famous_city",)
    facts = flag_history(seeded, NANJING.name)
    assert [(f.action, f.source, f.source_date) for f in facts] == [
        ("set", DOC, date(2024, 1, 5)),
        ("clear", "工信厅函〔2025〕3号", date(2025, 2, 1)),
    ]
    with report_language("en"):
        history = {t.key: t.records() for t in history_report(seeded, NANJING.name).tables}
    assert [(r["action"], r["source"]) for r in history["flag_history"]] == [
        ("set", DOC),
        ("cleared", "工信厅函〔2025〕3号"),
    ]
    with report_language("zh"):
        tables = {t.key: t.records() for t in registry_report(seeded).tables}
    assert tables["priority_flags"] == []


def test_refusals(seeded: Registry) -> None:
    with pytest.raises(UsageError, match="city_industrial_upgrade"):  # names the flags there are
        set_flag(seeded, NANJING.name, "no_such_flag", source=DOC, source_date=date(2025, 1, 1))
    with pytest.raises(Refused):  # a park flag on a city
        set_flag(
            seeded, NANJING.name, "park_new_industrialisation_base", source=DOC, source_date=date(2025, 1, 1)
        )
    with pytest.raises(UsageError):  # no source
        set_flag(seeded, NANJING.name, "city_industrial_upgrade", source="  ", source_date=date(2025, 1, 1))
    with pytest.raises(Refused):  # not set: nothing to clear
        clear_flag(seeded, NANJING.name, "city_industrial_upgrade", source=DOC, source_date=date(2025, 1, 1))
    set_flag(seeded, NANJING.name, "city_industrial_upgrade", source=DOC, source_date=date(2025, 1, 1))
    with pytest.raises(Refused):  # set already
        set_flag(seeded, NANJING.name, "city_industrial_upgrade", source=DOC, source_date=date(2025, 1, 1))
    with pytest.raises(UsageError):
        set_flag(seeded, "无此城市", "city_industrial_upgrade", source=DOC, source_date=date(2025, 1, 1))
    assert len(flag_history(seeded, NANJING.name)) == 1


def test_overdue_reports_in_the_registry_report(seeded: Registry, tmp_path: Path) -> None:
    creating = SAMPLE_PARK.name  # creating since 2021-01-01: due 2021-07-01, 2022-01-01, …
    with report_language("zh"):
        tables = {t.key: t.records() for t in registry_report(seeded, None, date(2021, 9, 1)).tables}
    assert [(r["name"], r["due"], r["days_late"]) for r in tables["progress_overdue"]] == [
        (creating, "2021-07-01", 32)  # grace ended 2021-07-31
    ]
    file = tmp_path / "2021H1.pdf"
    file.write_bytes(b"report 2021 H1")
    record_progress_report(
        seeded, creating, file, period_due=date(2021, 7, 1), received=date(2021, 9, 1), today=date(2021, 9, 1)
    )
    with report_language("en"):
        after = {t.key: t.records() for t in registry_report(seeded, None, date(2021, 9, 1)).tables}
        history = {t.key: t.records() for t in history_report(seeded, creating, date(2021, 9, 1)).tables}
    assert after["progress_overdue"] == []
    assert [(r["due"], r["state"], r["file"]) for r in history["progress"]] == [
        ("2021-07-01", "received late", "2021H1.pdf"),
        ("2022-01-01", "not yet due", ""),
    ]


def test_seeded_history_unchanged(db_url: str) -> None:
    with Registry.open(db_url) as reg:
        seed(reg)
        assert all(
            not set(c.flags) - {"park_in_famous_city", "city_with_famous_parks"} for c in reg.candidates()
        )

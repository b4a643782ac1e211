"""Creation progress reports on SQLite and PostgreSQL: due dates, overdue after the grace period,
the file's SHA-256, refusals (duplicate file, not creating, not a due day)."""

from __future__ import annotations

import copy
import hashlib
import json
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from reviewer.errors import InvalidInput, UsageError
from reviewer.ministry.progress import (
    DuplicateReport,
    NotCreating,
    NotDue,
    ProgressDue,
    add_months,
    beijing_today,
    overdue,
    progress_status,
    record_progress_report,
    reports_of,
)
from reviewer.ministry.registry import Registry
from reviewer.ministry.rules import default_rules_path, parse_rules
from reviewer.ministry.types import CandidateInfo

from .seed import result

PARK = CandidateInfo("进展软件园", "park", "江苏省", "苏州市")
CITY = CandidateInfo("示例名城", "city", "江苏省", "示例名城")


@pytest.fixture
def registry(db_url: str):
    with Registry.open(db_url) as reg:
        yield reg


def report(tmp_path: Path, name: str, body: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(body)
    return path


def test_shipped_rules_have_a_progress_section() -> None:
    doc = json.loads(default_rules_path().read_text("utf-8"))
    rules = parse_rules(doc)
    assert rules.progress is not None
    assert (rules.progress.every_months, rules.progress.grace_days) == (6, 30)
    without = copy.deepcopy(doc)
    del without["progress"]
    assert parse_rules(without).progress is None  # optional: files without the section still load
    bad = copy.deepcopy(doc)
    bad["progress"]["every_months"] = 0
    with pytest.raises(InvalidInput, match="/progress/every_months"):
        parse_rules(bad)


def test_add_months_keeps_the_month_end() -> None:
    assert add_months(date(2025, 8, 31), 6) == date(2026, 2, 28)
    assert add_months(date(2024, 2, 29), 12) == date(2025, 2, 28)
    assert add_months(date(2025, 7, 15), 6) == date(2026, 1, 15)


def test_due_dates_from_the_entry_into_creating_in_beijing_days(registry: Registry) -> None:
    # 2025-01-31 17:00 UTC is 2025-02-01 01:00 in Beijing: the candidate entered creating on 02-01
    registry.register(PARK, year=2025, at=datetime(2025, 1, 31, 17, 0, tzinfo=UTC))
    due = progress_status(registry, PARK.name, date(2026, 3, 1))
    assert [d.due for d in due] == [date(2025, 8, 1), date(2026, 2, 1), date(2026, 8, 1)]
    assert [d.overdue for d in due] == [True, False, False]
    assert all(d.received is None and d.sha256 is None for d in due)


def test_overdue_only_after_the_grace_period(registry: Registry) -> None:
    registry.register(PARK, year=2025, at=datetime(2025, 1, 15, 2, 0, tzinfo=UTC))
    # due 2025-07-15, grace 30 days: the last day in time is 2025-08-14
    assert progress_status(registry, PARK.name, date(2025, 7, 15))[0] == ProgressDue(
        date(2025, 7, 15), None, None, False
    )
    assert not progress_status(registry, PARK.name, date(2025, 8, 14))[0].overdue
    assert progress_status(registry, PARK.name, date(2025, 8, 15))[0].overdue
    assert overdue(registry, date(2025, 8, 14)) == []
    late = overdue(registry, date(2025, 8, 20))
    assert [(o.candidate, o.due, o.days_late) for o in late] == [(PARK.name, date(2025, 7, 15), 6)]


def test_recorded_report_with_its_sha256_and_refusals(registry: Registry, tmp_path: Path) -> None:
    registry.register(PARK, year=2025, at=datetime(2025, 1, 15, 2, 0, tzinfo=UTC))
    body = b"%PDF-1.7 progress 2025H1\n" * 5000
    first = report(tmp_path, "进展报告-2025上半年.pdf", body)
    got = record_progress_report(
        registry,
        PARK.name,
        first,
        period_due=date(2025, 7, 15),
        received=date(2025, 8, 20),
        by="部办公室",
        today=date(2025, 9, 1),
    )
    assert got.sha256 == hashlib.sha256(body).hexdigest()
    assert (got.file_name, got.received, got.recorded_by) == (
        "进展报告-2025上半年.pdf",
        date(2025, 8, 20),
        "部办公室",
    )
    (h1, h2) = progress_status(registry, PARK.name, date(2025, 9, 1))
    assert (h1.due, h1.received, h1.sha256, h1.overdue, h1.late) == (
        date(2025, 7, 15),
        date(2025, 8, 20),
        hashlib.sha256(body).hexdigest(),
        False,
        True,  # received after the grace period
    )
    assert (h2.due, h2.received, h2.overdue) == (date(2026, 1, 15), None, False)
    assert overdue(registry, date(2025, 9, 1)) == []
    # the same file again, even for another period: refused, nothing recorded
    with pytest.raises(DuplicateReport, match="进展软件园"):
        record_progress_report(
            registry, PARK.name, first, period_due=date(2026, 1, 15), today=date(2026, 1, 20)
        )
    # a day that is not a due day
    other = report(tmp_path, "other.pdf", b"another report")
    with pytest.raises(NotDue, match="2026-01-15"):
        record_progress_report(
            registry, PARK.name, other, period_due=date(2025, 12, 31), today=date(2026, 1, 2)
        )
    with pytest.raises(UsageError, match=r"not in the registry|没有"):
        record_progress_report(
            registry, "无此园区", other, period_due=date(2025, 7, 15), today=date(2025, 9, 1)
        )
    with pytest.raises(UsageError):  # received in the future
        record_progress_report(
            registry,
            PARK.name,
            other,
            period_due=date(2026, 1, 15),
            received=date(2026, 2, 1),
            today=date(2026, 1, 20),
        )
    assert [r.sha256 for r in reports_of(registry, PARK.name)] == [hashlib.sha256(body).hexdigest()]


def test_no_report_from_a_candidate_not_creating(registry: Registry, tmp_path: Path) -> None:
    registry.register(CITY, year=2020, status="awarded", at=datetime(2020, 1, 1, 2, 0, tzinfo=UTC))
    with pytest.raises(NotCreating, match="示例名城"):
        record_progress_report(
            registry,
            CITY.name,
            report(tmp_path, "r.pdf", b"x"),
            period_due=date(2020, 7, 1),
            today=date(2021, 1, 1),
        )
    assert progress_status(registry, CITY.name, date(2021, 1, 1)) == ()


def test_no_more_reports_due_after_the_title(registry: Registry, tmp_path: Path) -> None:
    registry.register(PARK, year=2024, at=datetime(2024, 1, 10, 2, 0, tzinfo=UTC))
    # reviewed 2024-08-01: creating until then, under publicity (公示) after it
    registry.record(
        replace(result(PARK, "creation", 2024, "pass"), at=datetime(2024, 8, 1, 2, 0, tzinfo=UTC))
    )
    registry.decide_publicity(PARK.name, year=2024, confirmed=True, at=datetime(2024, 9, 1, 2, 0, tzinfo=UTC))
    due = progress_status(registry, PARK.name, date(2026, 1, 1))
    assert [d.due for d in due] == [date(2024, 7, 10)]  # 2025-01-10 fell after the award
    assert overdue(registry, date(2026, 1, 1)) == []  # awarded: not in the overdue list
    with pytest.raises(NotCreating):
        record_progress_report(
            registry,
            PARK.name,
            report(tmp_path, "r.pdf", b"x"),
            period_due=date(2024, 7, 10),
            today=date(2026, 1, 1),
        )


def test_today_is_the_beijing_day() -> None:
    assert beijing_today(datetime(2026, 12, 4, 16, 30, tzinfo=UTC)) == date(2026, 12, 5)
    assert beijing_today(datetime(2026, 12, 4, 15, 59, tzinfo=UTC)) == date(2026, 12, 4)


def test_manual_flag_codes_are_unique_and_not_computed_ones() -> None:
    doc = json.loads(default_rules_path().read_text("utf-8"))
    codes = [m["code"] for m in parse_rules(doc).manual_flags and doc["priority"]["manual"]]
    assert codes == [
        "city_industrial_upgrade",
        "city_digital_infrastructure",
        "park_new_industrialisation_base",
    ]
    bad = copy.deepcopy(doc)
    bad["priority"]["manual"][1]["code"] = "park_in_famous_city"
    with pytest.raises(InvalidInput, match="park_in_famous_city"):
        parse_rules(bad)

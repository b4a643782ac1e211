"""The working-day calendar: holidays, adjusted working weekends (调休), and the end of a 公示."""

from __future__ import annotations

import json
from datetime import date

import pytest

from reviewer.errors import InvalidInput, UsageError
from reviewer.ministry.working_calendar import (
    CalendarNotCovered,
    default_calendar_path,
    load_calendar,
    parse_calendar,
)


def test_holidays_and_adjusted_working_days() -> None:
    cal = load_calendar()
    assert cal.years == (2023, 2024, 2025, 2026)
    assert not cal.is_working_day(date(2026, 2, 16))  # 春节, a Monday
    assert cal.is_working_day(date(2026, 2, 14))  # 调休: Saturday worked before 春节
    assert cal.is_working_day(date(2026, 10, 10))  # 调休: Saturday after 国庆
    assert not cal.is_working_day(date(2026, 10, 11))  # an ordinary Sunday
    assert not cal.is_working_day(date(2025, 10, 8))  # 国庆中秋 2025, a Wednesday
    assert cal.is_working_day(date(2023, 4, 23))  # 2023 劳动节 调休, a Sunday


def test_publicity_end_dates() -> None:
    cal = load_calendar()
    # 5 working days from Thursday 2026-09-24: Thu 24, (25-27 中秋 off), Mon 28, Tue 29, Wed 30, (国庆 1-7),
    # (Thu 8 and Fri 9 are working days) → the 5th is Thursday 8 October
    assert cal.end_date(date(2026, 9, 24), 5, "working_days") == date(2026, 10, 8)
    # across 春节 2026: Thu 12, Fri 13, Sat 14 (调休 worked), (15-23 off), Tue 24, Wed 25
    assert cal.end_date(date(2026, 2, 12), 5, "working_days") == date(2026, 2, 25)
    # a start on a holiday counts from the next working day
    assert cal.end_date(date(2026, 10, 3), 1, "working_days") == date(2026, 10, 8)
    assert cal.end_date(date(2026, 9, 24), 7, "calendar_days") == date(2026, 9, 30)


def test_refusals() -> None:
    cal = load_calendar()
    with pytest.raises(CalendarNotCovered) as caught:
        cal.end_date(date(2027, 3, 1), 5, "working_days")
    assert caught.value.year == 2027 and "2027" in str(caught.value)
    assert cal.end_date(date(2027, 3, 1), 7, "calendar_days") == date(2027, 3, 7)  # no calendar needed
    with pytest.raises(UsageError):
        cal.end_date(date(2026, 3, 2), 0, "working_days")
    with pytest.raises(UsageError):
        cal.end_date(date(2026, 3, 2), 5, "weeks")


def test_a_bad_file_names_the_problem(tmp_path) -> None:
    doc = json.loads(default_calendar_path().read_text("utf-8"))
    doc["years"]["2026"]["working_days"].append("2026-03-02")  # a Monday is no 调休 day
    with pytest.raises(InvalidInput, match="/years/2026/working_days/6"):
        parse_calendar(doc)
    del doc["years"]["2025"]["source"]
    with pytest.raises(InvalidInput, match="/years/2025"):
        parse_calendar(doc)
    path = tmp_path / "cal.json"
    path.write_text("{", "utf-8")
    with pytest.raises(InvalidInput, match="JSON"):
        load_calendar(path)

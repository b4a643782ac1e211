"""The working-day calendar: official holidays and adjusted working weekends (调休), as data.

``reviewer/resources/rules/working-calendar.json`` lists, per year, the days off of the State Council's
holiday notice (国务院办公厅关于某年部分节假日安排的通知, cited in each year's ``source``) and the
weekend days that are working days instead. A day is a working day when it is listed as one, else when
it is not a listed holiday and falls Monday to Friday. The ministry replaces the file when a new notice
is published; a year that is not listed cannot be counted in working days (:class:`CalendarNotCovered`).

A publicity (公示) period of N days starts on its first day and ends on its last day, both included:
N calendar days from ``start`` end on ``start + N - 1``; N working days end on the N-th working day
counted from ``start`` (``start`` itself counts when it is a working day).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema

from reviewer.errors import InvalidInput, UsageError
from reviewer.i18n import T
from reviewer.paths import resource

CALENDAR_FORMAT = "reviewer.working-calendar/1"
UNITS = ("working_days", "calendar_days")
MAX_LENGTH = 60


class CalendarNotCovered(UsageError):
    """Working days were asked of a year the calendar does not list (exit 2)."""

    def __init__(self, year: int, covered: tuple[int, ...]) -> None:
        super().__init__(
            T(
                "工作日历未收录 {year} 年的节假日安排（已收录：{covered}），无法按工作日计算。"
                "请按国务院办公厅当年的节假日安排通知更新 working-calendar.json，或改按自然日计算。",
                "The working calendar has no holiday arrangement for {year} (it lists {covered}), so working "
                "days cannot be counted. Update working-calendar.json from that year's State Council notice, "
                "or count calendar days.",
                year=year,
                covered=", ".join(map(str, covered)) or "—",
            )
        )
        self.year = year


@dataclass(frozen=True)
class WorkingCalendar:
    holidays: frozenset[date]
    working_days: frozenset[date]
    sources: Mapping[int, str]

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(sorted(self.sources))

    def is_working_day(self, day: date) -> bool:
        if day.year not in self.sources:
            raise CalendarNotCovered(day.year, self.years)
        if day in self.working_days:
            return True
        return day not in self.holidays and day.weekday() < 5

    def end_date(self, start: date, length: int, unit: str) -> date:
        """The last day (included) of a period of ``length`` ``unit`` starting on ``start``."""
        if unit not in UNITS:
            raise UsageError(
                T(
                    "期限单位无效：{unit}（工作日或自然日）。",
                    "Unknown unit {unit}: working_days or calendar_days.",
                    unit=unit,
                )
            )
        if not 1 <= length <= MAX_LENGTH:
            raise UsageError(
                T(
                    "期限 {n} 无效：须为 1 至 {max} 天。",
                    "The length {n} is not valid: 1 to {max} days.",
                    n=length,
                    max=MAX_LENGTH,
                )
            )
        if unit == "calendar_days":
            return start + timedelta(days=length - 1)
        day, counted = start, 0
        while True:
            if self.is_working_day(day):
                counted += 1
                if counted == length:
                    return day
            day += timedelta(days=1)


def _where(error: jsonschema.ValidationError) -> str:
    return "/" + "/".join(str(p) for p in error.absolute_path) if error.absolute_path else "/"


def _invalid(source: str, errors: str) -> InvalidInput:
    return InvalidInput(
        T(
            "工作日历文件 {path} 无效：{errors}",
            "The working calendar file {path} is not valid: {errors}",
            path=source,
            errors=errors,
        )
    )


@cache
def _schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(resource("rules", "working-calendar.schema.json").read_text("utf-8"))
    return loaded


def parse_calendar(doc: Any, source: str = "working-calendar.json") -> WorkingCalendar:
    """Validate ``doc`` and build the calendar; every problem is named with its JSON path."""
    validator = jsonschema.Draft202012Validator(_schema())
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(map(str, e.absolute_path)))
    if errors:
        raise _invalid(source, "; ".join(f"{_where(e)}: {e.message}" for e in errors[:10]))
    holidays: set[date] = set()
    working: set[date] = set()
    sources: dict[int, str] = {}
    for key, year in doc["years"].items():
        y = int(key)
        sources[y] = year["source"]
        try:
            for i, (first, last) in enumerate(year["holidays"]):
                a, b = date.fromisoformat(first), date.fromisoformat(last)
                if b < a or a.year != y or b.year != y:
                    raise _invalid(
                        source, f"/years/{key}/holidays/{i}: {first}..{last} is not a range in {y}"
                    )
                holidays.update(a + timedelta(days=k) for k in range((b - a).days + 1))
            for i, text in enumerate(year["working_days"]):
                d = date.fromisoformat(text)
                if d.year != y or d.weekday() < 5:
                    raise _invalid(
                        source, f"/years/{key}/working_days/{i}: {text} is not a weekend day of {y}"
                    )
                working.add(d)
        except ValueError as exc:
            raise _invalid(source, f"/years/{key}: {exc}") from exc
    return WorkingCalendar(frozenset(holidays), frozenset(working), sources)


def default_calendar_path() -> Path:
    return resource("rules", "working-calendar.json")


@cache
def _default() -> WorkingCalendar:
    return load_calendar(default_calendar_path())


def load_calendar(path: str | Path | None = None) -> WorkingCalendar:
    """The calendar from ``path`` (default: the one shipped with the app)."""
    if path is None:
        return _default()
    path = Path(path)
    try:
        doc = json.loads(path.read_text("utf-8"))
    except FileNotFoundError as exc:
        raise InvalidInput(
            T(
                "找不到工作日历文件 {path}。",
                "The working calendar file {path} does not exist.",
                path=str(path),
            )
        ) from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InvalidInput(
            T(
                "工作日历文件 {path} 不是有效的 JSON：{err}",
                "The working calendar file {path} is not valid JSON: {err}",
                path=str(path),
                err=str(exc),
            )
        ) from exc
    return parse_calendar(doc, str(path))

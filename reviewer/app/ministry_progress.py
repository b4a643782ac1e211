"""The desk's creation progress reports and priority flags, Qt-free: run on a worker through
:class:`~reviewer.ui.tasks.Task`. The core is :mod:`reviewer.ministry.progress` and
:mod:`reviewer.ministry.priority`; the heavy stack is imported inside the functions.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reviewer.ministry.priority import FlagFact
    from reviewer.ministry.progress import ProgressDue, ProgressReport
    from reviewer.ministry.registry import Registry


@dataclass(frozen=True)
class ProgressView:
    """What the record dialog offers: the candidate's due reports (with what was received), today."""

    name: str
    status: str
    dues: tuple[ProgressDue, ...]
    today: date


@dataclass(frozen=True)
class FlagChoice:
    code: str
    label_zh: str
    label_en: str
    set_by: FlagFact | None  # the fact that set it, None when not set


@dataclass(frozen=True)
class FlagsView:
    name: str
    flags: tuple[FlagChoice, ...]  # the manual flags that apply to the candidate's type


def progress_view(registry: Registry, name: str) -> ProgressView:
    from reviewer.ministry.progress import beijing_today, progress_status

    today = beijing_today()
    status = registry.candidate(name).status
    dues = progress_status(registry, name, today) if status == "creating" else ()
    return ProgressView(name, status, dues, today)


def record_report(registry: Registry, name: str, file: Path, due: date, received: date) -> ProgressReport:
    from reviewer.ministry.progress import record_progress_report

    return record_progress_report(registry, name, file, period_due=due, received=received)


def flags_view(registry: Registry, name: str) -> FlagsView:
    from reviewer.ministry.priority import flag_history

    kind = registry.candidate(name).info.type
    current: dict[str, FlagFact] = {}
    for fact in flag_history(registry, name):
        if fact.action == "set":
            current[fact.flag] = fact
        else:
            current.pop(fact.flag, None)
    return FlagsView(
        name,
        tuple(
            FlagChoice(m.code, m.label_zh, m.label_en, current.get(m.code))
            for m in registry.rules.manual_flags
            if m.applies_to == kind
        ),
    )


def change_flag(
    registry: Registry, name: str, code: str, *, set: bool, source: str, source_date: date, note: str
) -> tuple[str, ...]:
    """Set or clear ``code`` on ``name`` citing ``source``; the candidate's flags afterwards."""
    from reviewer.ministry.priority import clear_flag, set_flag

    (set_flag if set else clear_flag)(registry, name, code, source=source, source_date=source_date, note=note)
    return registry.candidate(name).flags


def overdue_counts(registry: Registry) -> dict[str, int]:
    """Creating candidates with overdue progress reports today (Beijing): name → how many."""
    from reviewer.ministry.progress import overdue

    counts: dict[str, int] = {}
    for o in overdue(registry):
        counts[o.candidate] = counts.get(o.candidate, 0) + 1
    return counts

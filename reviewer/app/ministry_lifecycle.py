"""The desk's lifecycle steps, Qt-free: run on a worker through :class:`~reviewer.ui.tasks.Task`.

The paper check (形式审查) against the rules' checklist, a third-party institution's report on a park's
application (the file hashed here, not copied), and the publicity (公示) opened with explicit dates.
The core is :mod:`reviewer.ministry.lifecycle`; closing a publicity stays
:func:`reviewer.app.ministry_desk.decide_publicity`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reviewer.ministry.registry import Registry
    from reviewer.ministry.rules import ChecklistItem
    from reviewer.ministry.types import PublicityEntry
    from reviewer.ministry.working_calendar import WorkingCalendar


@dataclass(frozen=True)
class LifecycleView:
    """What the dialogs offer for one candidate: its stage, its checklist, its pending publicity."""

    name: str
    type: str
    status: str
    eligibility: tuple[ChecklistItem, ...]
    documents: tuple[ChecklistItem, ...]
    publicity: PublicityEntry | None  # the pending publicity, if any
    default_length: int
    default_unit: str
    calendar: WorkingCalendar  # in memory: the dialog previews the end date without I/O
    today: date  # Beijing


def lifecycle_view(registry: Registry, name: str) -> LifecycleView:
    from reviewer.ministry.lifecycle import today_beijing

    candidate = registry.candidate(name)
    checklist = registry.rules.checklist(candidate.info.type)
    pending = next((p for p in registry.history(name).publicity if p.outcome == "pending"), None)
    return LifecycleView(
        name,
        candidate.info.type,
        candidate.status,
        checklist.eligibility,
        checklist.documents,
        pending,
        registry.rules.publicity_days,
        registry.rules.publicity_unit,
        registry.calendar,
        today_beijing(),
    )


def paper_check(registry: Registry, name: str, answers: dict[str, bool], *, passed: bool, note: str) -> str:
    """Record the paper check; the candidate's status afterwards."""
    return registry.paper_check(name, answers, passed=passed, note=note)


def attach_third_party(registry: Registry, name: str, institution: str, file: Path) -> str:
    """Hash ``file`` and record it as ``institution``'s report; its SHA-256."""
    from reviewer.ministry.lifecycle import received_document

    doc = received_document(file)
    registry.attach_third_party_report(name, institution=institution, file_name=doc.name, sha256=doc.sha256)
    return doc.sha256


def open_publicity(
    registry: Registry, name: str, start: date, *, length: int | None, unit: str | None, end: date | None
) -> PublicityEntry:
    return registry.open_publicity(name, start=start, length=length, unit=unit, end=end)

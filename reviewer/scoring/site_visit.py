"""The site visit as a checklist: each activity, the indicators that rely on it, its notes.

The standard says how each indicator is evidenced (文档审查, 实地考察, 重点约谈, 专题座谈, 汇报、质询答辩);
turned around, that is what to look for during each activity of the visit::

    for activity in ACTIVITIES:
        linked = indicators_for(standard, activity)   # leaves and yes/no items, in the standard's order

An activity is checked off by a time-stamped note carrying :data:`DONE_MARK` (and opened again by
one carrying :data:`REOPENED_MARK`), so ticking an activity is kept, audited and undone exactly
like the notes themselves (:meth:`reviewer.models.workbench.Workbench.add_site_note`).
Qt-free and store-free: notes are anything with ``activity``, ``text`` and ``noted_at``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Protocol, TypeVar

from reviewer.standards.model import Bilingual, EvidenceMethod, Standard

# The order of a visit day: the papers first, then the site, then the people.
ACTIVITIES: tuple[EvidenceMethod, ...] = (
    EvidenceMethod.DOCUMENT_REVIEW,
    EvidenceMethod.SITE_INSPECTION,
    EvidenceMethod.KEY_INTERVIEW,
    EvidenceMethod.THEMED_FORUM,
    EvidenceMethod.PRESENTATION_QUESTIONING,
)

DONE_MARK = "[site-visit:done]"
REOPENED_MARK = "[site-visit:reopened]"
MARKS = frozenset({DONE_MARK, REOPENED_MARK})


class LinkedKind(StrEnum):
    CRITERION = "criterion"  # a scored indicator (a leaf of the tree)
    YES_NO = "yes_no"  # a veto or gate item


@dataclass(frozen=True)
class LinkedIndicator:
    """An indicator (or yes/no item) whose evidence methods include an activity."""

    code: str
    title: Bilingual
    kind: LinkedKind


class NoteLike(Protocol):
    @property
    def activity(self) -> EvidenceMethod: ...

    @property
    def text(self) -> str: ...

    @property
    def noted_at(self) -> datetime: ...


N = TypeVar("N", bound=NoteLike)


def indicators_for(standard: Standard, activity: EvidenceMethod) -> tuple[LinkedIndicator, ...]:
    """The scored indicators, then the yes/no items, that the standard evidences by ``activity``."""
    activity = EvidenceMethod(activity)
    leaves = (
        LinkedIndicator(leaf.code, leaf.title, LinkedKind.CRITERION)
        for leaf in standard.leaves()
        if activity in leaf.evidence
    )
    items = (
        LinkedIndicator(item.code, item.title, LinkedKind.YES_NO)
        for item in standard.yes_no
        if activity in item.evidence
    )
    return (*leaves, *items)


def checklist(standard: Standard) -> dict[EvidenceMethod, tuple[LinkedIndicator, ...]]:
    """Every activity (in visit order) with the indicators that rely on it; empty ones included."""
    return {activity: indicators_for(standard, activity) for activity in ACTIVITIES}


def activities_of(standard: Standard, code: str) -> tuple[EvidenceMethod, ...]:
    """The activities an indicator or yes/no item relies on (its evidence methods, in visit order)."""
    if standard.has_criterion(code):
        methods = standard.criterion(code).evidence
    else:
        methods = next((i.evidence for i in standard.yes_no if i.code == code), ())
    return tuple(a for a in ACTIVITIES if a in methods)


def is_mark(note: NoteLike) -> bool:
    """A check-off (or reopening) rather than a note the expert wrote."""
    return note.text in MARKS


def notes_for(notes: Iterable[N], activity: EvidenceMethod) -> tuple[N, ...]:
    """The expert's written notes for ``activity``, oldest first (check-off marks left out)."""
    activity = EvidenceMethod(activity)
    mine = (n for n in notes if n.activity is activity and not is_mark(n))
    return tuple(sorted(mine, key=lambda n: n.noted_at))


def done_at(notes: Iterable[NoteLike], activity: EvidenceMethod) -> datetime | None:
    """When ``activity`` was checked off, if its latest mark says done; ``None`` while open."""
    activity = EvidenceMethod(activity)
    marks = sorted((n for n in notes if n.activity is activity and is_mark(n)), key=lambda n: n.noted_at)
    if not marks or marks[-1].text != DONE_MARK:
        return None
    return marks[-1].noted_at


def mark_text(done: bool) -> str:
    """The note text that checks an activity off (``done``) or opens it again."""
    return DONE_MARK if done else REOPENED_MARK

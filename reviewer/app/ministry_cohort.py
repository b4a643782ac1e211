"""The annual cohort evaluation at the desk, Qt-free: evaluate a year, read it, publish it, export it.

Each function is one unit of work on an open registry (the desk's, or one the CLI opens with
:func:`open_registry`), so the desk runs it on a worker through :class:`~reviewer.ui.tasks.Task`.
The heavy stack is imported inside the functions (the GUI imports this module).
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reviewer.ministry.cohort_store import StoredCohort
    from reviewer.ministry.registry import Registry

KINDS = ("publicity", "notice")  # the 公示 list, the 通告


def open_registry(db: str, registry_rules: str | None = None) -> Registry:
    from reviewer.ministry.registry import Registry
    from reviewer.ministry.rules import load_rules

    return Registry.open(db, load_rules(registry_rules) if registry_rules else None)


def evaluate(
    reg: Registry, year: int, type: str, *, rules: str | None = None, standards: tuple[str, ...] = ()
) -> StoredCohort:
    """Evaluate ``year``'s title holders of ``type`` and keep the result as a new draft."""
    from reviewer.ministry.cohort_rules import load_cohort_rules
    from reviewer.ministry.cohort_store import evaluate_year

    cohort_rules = load_cohort_rules(rules)
    return evaluate_year(reg, year, type, cohort_rules, standards=tuple(Path(p) for p in standards))


def current(reg: Registry, year: int, type: str) -> StoredCohort | None:
    """The published evaluation of the year and type, else its newest draft, else None."""
    from reviewer.errors import UsageError
    from reviewer.ministry.cohort_store import latest

    try:
        return latest(reg.engine, year, type)
    except UsageError:
        return None


def publish(
    reg: Registry,
    year: int,
    type: str,
    *,
    rules: str | None = None,
    standards: tuple[str, ...] = (),
    at: datetime | None = None,
) -> StoredCohort:
    """Publish the newest draft: its stars become the year's ratings in the registry. The year is
    evaluated again with the same ``rules`` and ``standards``; a draft that differs is refused
    (:class:`~reviewer.ministry.cohort_store.DraftOutOfDate`)."""
    from reviewer.ministry.cohort_rules import load_cohort_rules
    from reviewer.ministry.cohort_store import publish as publish_cohort

    cohort_rules = load_cohort_rules(rules)
    return publish_cohort(
        reg, year, type, rules=cohort_rules, standards=tuple(Path(p) for p in standards), at=at
    )


def export(
    reg: Registry, year: int, type: str, kind: str, out: str | Path, *, issued: date | None = None
) -> Path:
    """Write the 公示 list (``publicity``) or the 通告 (``notice``) as XLSX or PDF (by ``out``'s suffix)
    of the published evaluation, else of the newest draft: its 公示 list marked 草稿, no 通告
    (:class:`~reviewer.ministry.cohort_export.NotPublished`)."""
    from reviewer.i18n import beijing_date
    from reviewer.ministry.cohort_export import write_export
    from reviewer.ministry.cohort_store import PUBLISHED, latest
    from reviewer.models.orm.base import utcnow

    stored = latest(reg.engine, year, type)
    day = issued or date.fromisoformat(beijing_date(utcnow()))
    return write_export(stored.result, kind, out, issued=day, draft=stored.status != PUBLISHED)

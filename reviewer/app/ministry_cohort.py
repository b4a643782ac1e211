"""The annual cohort evaluation at the desk, Qt-free: evaluate a year, read it, publish it, export it.

Each function is one unit of work on the registry (opened and closed inside), so the desk runs it on
a worker through :class:`~reviewer.ui.tasks.Task` and the CLI calls it directly. The heavy stack is
imported inside the functions (the GUI imports this module).
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reviewer.ministry.cohort_store import StoredCohort
    from reviewer.ministry.registry import Registry


def _open(db: str, registry_rules: str | None) -> Registry:
    from reviewer.ministry.registry import Registry
    from reviewer.ministry.rules import load_rules

    return Registry.open(db, load_rules(registry_rules) if registry_rules else None)


def evaluate(
    db: str,
    year: int,
    type: str,
    *,
    rules: str | None = None,
    registry_rules: str | None = None,
    standards: tuple[str, ...] = (),
) -> StoredCohort:
    """Evaluate ``year``'s title holders of ``type`` and keep the result as a new draft."""
    from reviewer.ministry.cohort_rules import load_cohort_rules
    from reviewer.ministry.cohort_store import evaluate_year

    cohort_rules = load_cohort_rules(rules)
    with _open(db, registry_rules) as reg:
        return evaluate_year(reg, year, type, cohort_rules, standards=tuple(Path(p) for p in standards))


def current(db: str, year: int, type: str, *, registry_rules: str | None = None) -> StoredCohort:
    """The published evaluation of the year and type, else its newest draft."""
    from reviewer.ministry.cohort_store import latest

    with _open(db, registry_rules) as reg:
        return latest(reg.engine, year, type)


def publish(
    db: str, year: int, type: str, *, registry_rules: str | None = None, at: datetime | None = None
) -> StoredCohort:
    """Publish the newest draft: its stars become the year's ratings in the registry."""
    from reviewer.ministry.cohort_store import publish as publish_cohort

    with _open(db, registry_rules) as reg:
        return publish_cohort(reg, year, type, at=at)


def export(
    db: str,
    year: int,
    type: str,
    kind: str,
    out: str | Path,
    *,
    issued: date | None = None,
    registry_rules: str | None = None,
) -> Path:
    """Write the 公示 list (``publicity``) or the 通告 (``notice``) as XLSX or PDF (by ``out``'s suffix)."""
    from reviewer.i18n import beijing_date
    from reviewer.ministry.cohort_export import write_export
    from reviewer.models.orm.base import utcnow

    stored = current(db, year, type, registry_rules=registry_rules)
    day = issued or date.fromisoformat(beijing_date(utcnow()))
    return write_export(stored.result, kind, out, issued=day)

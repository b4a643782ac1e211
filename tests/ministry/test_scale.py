"""The registry at scale, on SQLite and PostgreSQL: opening a current registry is one query of its
version table; a candidate, the registry report and calibration read only what they show; calibration
(aggregated in SQL) gives exactly what the old load-every-row algorithm gave."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import defaultdict
from decimal import Decimal

import pytest
from sqlalchemy import select

from reviewer.ministry import database
from reviewer.ministry.orm import DeviationRow, ReviewRow
from reviewer.ministry.registry import Registry
from reviewer.ministry.registry_read import PLACES, RegistryReader
from reviewer.ministry.reports import registry_report
from reviewer.ministry.types import Calibration
from reviewer.models import migration_runner as migrations
from reviewer.models.db import make_engine
from reviewer.models.migration_runner import MigrationEnv

from .bulk import build
from .seed import seed


def reference_calibration(reg: Registry) -> list[Calibration]:
    """The calibration as it was computed before issue 21: every deviation row loaded as an object."""
    from sqlalchemy.orm import Session

    with Session(reg.engine) as s:
        rows = s.execute(
            select(DeviationRow, ReviewRow.package_id)
            .join(ReviewRow, ReviewRow.id == DeviationRow.review_id)
            .where(ReviewRow.current.is_(True))
            .order_by(DeviationRow.id)
        ).all()
        by_expert: dict[str, list[tuple[DeviationRow, str]]] = defaultdict(list)
        for d, package in rows:
            by_expert[d.expert_id].append((d, package))
        out = []
        for expert_id, items in by_expert.items():
            deltas = [Decimal(d.score) - Decimal(d.aggregate) for d, _ in items]
            n = len(deltas)
            out.append(
                Calibration(
                    expert_id=expert_id,
                    expert_name=items[-1][0].expert_name,
                    reviews=len({p for _, p in items}),
                    scores=n,
                    mean_deviation=(sum(deltas, Decimal(0)) / n).quantize(PLACES),
                    mean_abs_deviation=(sum((abs(x) for x in deltas), Decimal(0)) / n).quantize(PLACES),
                )
            )
    return sorted(out, key=lambda c: (-c.mean_deviation, c.expert_id))


def test_head_is_the_newest_revision_alembic_knows() -> None:
    assert database.head_revision() == database.HEAD


def test_a_current_registry_opens_without_migrating(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    Registry.open(db_url).close()  # created: migrated once
    engine = make_engine(db_url)
    assert database.at_head(engine)
    engine.dispose()

    def refuse(*args: object) -> None:
        raise AssertionError("a registry at head was migrated (write lock, foreign_key_check)")

    monkeypatch.setattr(MigrationEnv, "run", refuse)  # the shared runner, reviewer.models.migration_runner
    monkeypatch.setattr(MigrationEnv, "current_revision", refuse)  # the Alembic reading of the version
    with Registry.open(db_url) as reg:
        assert reg.candidates() == []


def test_a_current_registry_opens_without_alembic(db_url: str) -> None:
    Registry.open(db_url).close()
    code = (
        "import sys; from reviewer.ministry.registry import Registry; "
        f"Registry.open({db_url!r}).close(); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'alembic'))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=dict(os.environ), check=True
    )
    assert out.stdout.strip() == "[]"


def test_a_registry_behind_is_migrated_and_checked(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    engine = make_engine(db_url)
    database.upgrade(engine, "0001")
    assert not database.at_head(engine)
    engine.dispose()
    runs: list[object] = []
    real = migrations.migration_connection
    monkeypatch.setattr(migrations, "migration_connection", lambda e: runs.append(e) or real(e))
    with Registry.open(db_url) as reg:
        assert database.current_revision(reg.engine) == database.HEAD
        assert database.at_head(reg.engine)
    assert len(runs) == 1  # the migration ran, in the checked (foreign_key_check) connection


def test_reports_load_the_candidates_once(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with Registry.open(db_url) as reg:
        seed(reg)
        everyone = {c.info.name: c for c in reg.candidates()}
        loads: list[object] = []
        real = RegistryReader._all
        monkeypatch.setattr(RegistryReader, "_all", lambda self, s: loads.append(s) or real(self, s))
        report = registry_report(reg, 2023)
        assert len(loads) == 1
        assert [t.key for t in report.tables] == [
            "stars",
            "notices",
            "publicity",
            "candidates",
            "progress_overdue",
            "priority_flags",
        ]
        assert len(report.tables[3].rows) == len(everyone)
        for name, candidate in everyone.items():  # one candidate, not the whole register
            assert reg.candidate(name) == candidate
            assert reg.history(name).candidate == candidate
        assert len(loads) == 1


def test_calibration_at_scale_equals_the_old_algorithm(db_url: str) -> None:
    with Registry.open(db_url) as reg:
        rows = build(reg.engine, years=4, candidates=500, codes=4)
        assert rows > 40_000
        with reg._read() as s:
            assert s.scalar(select(ReviewRow.id).order_by(ReviewRow.id.desc()).limit(1)) > 2_000
        got = reg.calibration()
        assert got == reference_calibration(reg)
        assert len(got) == 40 and all(c.reviews > 0 for c in got)
        everyone = {c.info.name: c for c in reg.candidates()}
        assert any(c.flags for c in everyone.values())
        for name in sorted(everyone)[::25]:
            assert reg.candidate(name) == everyone[name]

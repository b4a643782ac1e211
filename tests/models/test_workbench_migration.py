"""Migration 0002: a 0001 database with data upgrades to the workbench tables and back, data intact."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect, text

from reviewer.models import migrate
from reviewer.models.db import make_engine
from reviewer.models.orm import Base

WORKBENCH = {
    "reviews",
    "sheet_versions",
    "returned_codes",
    "scores",
    "yes_no_answers",
    "eligibility_answers",
    "evidence_files",
    "evidence_refs",
    "scratchpad",
    "site_notes",
    "audit_log",
}


@pytest.fixture
def engine(tmp_path: Path):
    eng = make_engine(tmp_path / "w.sqlite3")
    yield eng
    eng.dispose()


def tables(engine: Engine) -> set[str]:
    return set(inspect(engine).get_table_names()) - {"alembic_version"}


def test_0001_to_0002_and_back_keeps_the_existing_data(engine: Engine):
    migrate.upgrade(engine, "0001")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO recent_files (path, kind, title, opened_at) VALUES ('/a.rvpkg', 'package', 'A', '2026-01-01')"
            )
        )
    migrate.upgrade(engine, "0002")
    assert migrate.current_revision(engine) == "0002"
    assert tables(engine) >= WORKBENCH
    with engine.connect() as conn:
        assert conn.execute(text("SELECT path FROM recent_files")).scalars().all() == ["/a.rvpkg"]
        diffs = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    if migrate.head_revision() == "0002":
        assert diffs == []
    migrate.downgrade(engine, "0001")
    assert migrate.current_revision(engine) == "0001"
    assert tables(engine) == {"standards", "recent_files"}
    with engine.connect() as conn:
        assert conn.execute(text("SELECT path FROM recent_files")).scalars().all() == ["/a.rvpkg"]
    migrate.upgrade(engine)
    assert tables(engine) >= WORKBENCH


def test_workbench_constraints_are_named_and_enforced(engine: Engine):
    migrate.upgrade(engine)
    insp = inspect(engine)
    assert {c["name"] for c in insp.get_check_constraints("reviews")} == {
        "ck_reviews_status",
        "ck_reviews_conflict",
        "ck_reviews_role",
        "ck_reviews_version",
    }
    assert {u["name"] for u in insp.get_unique_constraints("reviews")} == {
        "uq_reviews_package_id_member_fingerprint"
    }
    assert {i["name"] for i in insp.get_indexes("audit_log")} == {"ix_audit_log_review_id_id"}
    fks = {fk["name"] for fk in insp.get_foreign_keys("evidence_refs")}
    # no key from the reference to its file since revision 0006 (the file is keyed by owner and sha256)
    assert fks == {"fk_evidence_refs_review_id_reviews"}
    assert insp.get_pk_constraint("evidence_files") == {
        "name": "pk_evidence_files",
        "constrained_columns": ["owner", "sha256"],
    }
    with pytest.raises(Exception, match="CHECK constraint failed"), engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO reviews (package_id, member_fingerprint, package_path, standard_id, "
                "standard_version, role, opened_at, updated_at, conflict, pledge_accepted, status, version) "
                "VALUES ('p', 'f', '/p', 's', '1', 'member', '2026-01-01', '2026-01-01', 'none', 0, 'lost', 1)"
            )
        )
    with pytest.raises(Exception, match="FOREIGN KEY"), engine.begin() as conn:
        conn.execute(
            text("INSERT INTO scratchpad (review_id, text, updated_at) VALUES (42, 'x', '2026-01-01')")
        )


def test_the_workbench_ddl_is_portable():
    sql = migrate.render_sql("postgresql://")
    assert "CREATE TABLE audit_log" in sql
    assert "CONSTRAINT ck_reviews_status CHECK (status IN ('open', 'recused', 'finalised'))" in sql
    assert "data BYTEA NOT NULL" in sql
    assert "value VARCHAR(40)" in sql  # scores are exact text, never a float
    assert "AUTOINCREMENT" not in sql and "PRAGMA" not in sql

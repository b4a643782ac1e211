"""The migrations are the schema: empty → head gives exactly the ORM's tables, and back again."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect, text

from reviewer.models import SchemaTooNew, Store, migrate
from reviewer.models.db import make_engine
from reviewer.models.orm import Base


@pytest.fixture
def engine(tmp_path: Path):
    eng = make_engine(tmp_path / "m.sqlite3")
    yield eng
    eng.dispose()


def tables(engine: Engine) -> set[str]:
    return set(inspect(engine).get_table_names()) - {"alembic_version"}


def differences(engine: Engine) -> list:
    with engine.connect() as conn:
        return compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)


def test_revisions_form_one_line_starting_at_0001():
    script = migrate.script_directory()
    assert script.get_heads() == [migrate.head_revision()]
    assert script.get_bases() == ["0001"]
    assert migrate.next_revision_id() == f"{int(migrate.head_revision()) + 1:04d}"


def test_empty_to_head_creates_exactly_the_orm_tables(engine: Engine):
    assert tables(engine) == set()
    migrate.upgrade(engine)
    assert tables(engine) == set(Base.metadata.tables)
    assert {"standards", "recent_files", "reviews", "scores", "audit_log"} <= tables(engine)
    assert migrate.current_revision(engine) == migrate.head_revision()


def test_orm_metadata_matches_the_migrations(engine: Engine):
    migrate.upgrade(engine)
    assert differences(engine) == []


def test_compare_would_notice_a_drift(engine: Engine):
    # The check above can fail: a database one index short of the ORM is reported.
    migrate.upgrade(engine)
    with engine.begin() as conn:
        conn.execute(text("DROP INDEX ix_recent_files_opened_at"))
    diffs = differences(engine)
    assert [d[0] for d in diffs] == ["add_index"]
    assert diffs[0][1].name == "ix_recent_files_opened_at"


def test_constraints_carry_the_convention_names(engine: Engine):
    migrate.upgrade(engine)
    insp = inspect(engine)
    assert {u["name"] for u in insp.get_unique_constraints("standards")} == {"uq_standards_sha256"}
    assert {u["name"] for u in insp.get_unique_constraints("recent_files")} == {"uq_recent_files_path"}
    assert {c["name"] for c in insp.get_check_constraints("standards")} == {"ck_standards_sha256_length"}
    assert {i["name"] for i in insp.get_indexes("standards")} == {"ix_standards_standard_id_version"}
    assert insp.get_pk_constraint("recent_files")["name"] == "pk_recent_files"


def test_downgrade_to_base_and_upgrade_again(engine: Engine):
    migrate.upgrade(engine)
    migrate.downgrade(engine, "base")
    assert tables(engine) == set()
    assert migrate.current_revision(engine) is None
    migrate.upgrade(engine)
    assert tables(engine) == set(Base.metadata.tables)
    assert differences(engine) == []


def test_upgrade_at_head_is_a_no_op_and_keeps_data(data_dir: Path):
    with Store.open() as store, store.session() as s:
        s.execute(
            text(
                "INSERT INTO recent_files (path, kind, title, opened_at) VALUES ('/x', 'sheet', 't', '2026-01-01')"
            )
        )
    with Store.open() as store, store.session() as s:
        assert s.execute(text("SELECT path FROM recent_files")).scalars().all() == ["/x"]


def test_foreign_keys_are_back_on_after_a_migration_run(engine: Engine):
    migrate.upgrade(engine)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_a_database_from_a_newer_app_is_refused_untouched(data_dir: Path):
    with Store.open() as store, store.session() as s:
        s.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(SchemaTooNew) as caught:
        Store.open()
    assert "newer version" in str(caught.value)
    assert "9999" in str(caught.value)
    eng = make_engine(data_dir / "reviewer.sqlite3")
    try:
        assert migrate.current_revision(eng) == "9999"
    finally:
        eng.dispose()


@pytest.mark.parametrize("url", ["postgresql://", "sqlite://"])
def test_migrations_render_for_each_backend_without_backend_specific_sql(url: str):
    sql = migrate.render_sql(url)
    assert "CREATE TABLE standards" in sql
    assert "CREATE TABLE recent_files" in sql
    assert "CONSTRAINT uq_standards_sha256 UNIQUE (sha256)" in sql
    assert "CREATE INDEX ix_recent_files_opened_at ON recent_files (opened_at)" in sql
    assert "PRAGMA" not in sql
    if url.startswith("postgresql"):
        assert "TIMESTAMP WITH TIME ZONE" in sql


def test_drafting_a_revision_numbers_it_and_finds_no_drift(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # Work on a copy: drafting writes into the migrations folder.
    copy = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(migrate, "STORE", dataclasses.replace(migrate.STORE, scripts=copy))
    head, expected = migrate.STORE.head_revision(), migrate.next_revision_id()
    path = migrate.draft_revision("add score tables")
    assert path.parent == copy / "versions"
    assert path.name == f"{expected}_add_score_tables.py"
    source = path.read_text(encoding="utf-8")
    assert f"down_revision = '{head}'" in source
    assert "op." not in source.split("def upgrade")[1]  # the ORM matches head: nothing to generate
    assert migrate.STORE.head_revision() == expected


def _site_notes_sql(engine: Engine) -> str:
    with engine.connect() as conn:
        return conn.execute(text("SELECT sql FROM sqlite_master WHERE name = 'site_notes'")).scalar_one()


def test_0010_lets_a_note_of_the_presentation_and_questioning_in_and_back_out(engine: Engine):
    migrate.upgrade(engine, "0009")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO reviews (id, package_id, member_fingerprint, package_path, standard_id, "
                "standard_version, role, opened_at, updated_at, conflict, pledge_accepted, status, version) "
                "VALUES (1, 'p', 'f', 'p.rvpkg', 's', '1', 'member', '2026-06-15', '2026-06-15', 'none', 0, "
                "'open', 1)"
            )
        )
    assert "presentation_questioning" not in _site_notes_sql(engine)
    migrate.upgrade(engine)
    assert "presentation_questioning" in _site_notes_sql(engine) and differences(engine) == []
    note = "INSERT INTO site_notes (review_id, activity, codes, text, noted_at) VALUES (1, '{a}', '[]', 'x', '2026-06-15')"
    with engine.begin() as conn:
        conn.execute(text(note.format(a="themed_forum")))
        conn.execute(text(note.format(a="presentation_questioning")))
    migrate.downgrade(engine, "0009")
    with engine.connect() as conn:
        assert conn.execute(text("SELECT activity FROM site_notes")).scalars().all() == ["themed_forum"]

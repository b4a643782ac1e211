"""The one Alembic runner (reviewer.models.migration_runner) behind both the expert store and the ministry registry."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from reviewer.ministry import database
from reviewer.models import migrate
from reviewer.models.db import make_engine
from reviewer.models.migration_runner import MigrationEnv, MigrationFailed, SchemaTooNew

ENV_PY = """
from alembic import context
from sqlalchemy import MetaData
from reviewer.models.migration_env import run
run(context, MetaData(), driver="tests", version_table="toy_version")
"""
REVISION = """
import sqlalchemy as sa
from alembic import op
revision = "{rev}"
down_revision = {down}
branch_labels = None
depends_on = None
def upgrade():
    {body}
def downgrade():
    op.drop_table("t{rev}")
"""


def toy_env(tmp_path: Path, *, second_fails: bool = False) -> MigrationEnv:
    scripts = tmp_path / "toy"
    (scripts / "versions").mkdir(parents=True)
    (scripts / "env.py").write_text(ENV_PY)
    create = 'op.create_table("t{rev}", sa.Column("id", sa.Integer, primary_key=True))'
    (scripts / "versions" / "0001_a.py").write_text(
        REVISION.format(rev="0001", down=None, body=create.format(rev="0001"))
    )
    second = 'op.execute("SELECT * FROM no_such_table")' if second_fails else create.format(rev="0002")
    (scripts / "versions" / "0002_b.py").write_text(REVISION.format(rev="0002", down='"0001"', body=second))
    return MigrationEnv(scripts, "0002", "toy_version")


def test_both_stores_run_through_the_one_runner() -> None:
    assert isinstance(migrate.STORE, MigrationEnv) and isinstance(database.REGISTRY, MigrationEnv)
    assert migrate.upgrade.__func__ is database.upgrade.__func__  # type: ignore[attr-defined]
    assert migrate.STORE.version_table != database.REGISTRY.version_table


def test_upgrade_at_head_and_downgrade(tmp_path: Path) -> None:
    env = toy_env(tmp_path)
    engine = make_engine(tmp_path / "toy.sqlite3")
    try:
        assert env.head_revision() == env.head
        assert not env.at_head(engine)
        env.upgrade(engine, "0001")
        assert env.current_revision(engine) == "0001" and not env.at_head(engine)
        env.upgrade(engine)
        assert env.at_head(engine)
        env.downgrade(engine, "0001")
        assert env.stored_revisions(engine) == ["0001"]
    finally:
        engine.dispose()


def test_a_failed_migration_leaves_the_database_as_it_was(tmp_path: Path) -> None:
    env = toy_env(tmp_path, second_fails=True)
    engine = make_engine(tmp_path / "toy.sqlite3")
    try:
        env.upgrade(engine, "0001")
        with pytest.raises(Exception):  # noqa: B017 - the driver's error, whatever its class
            env.upgrade(engine)
        assert env.current_revision(engine) == "0001"
    finally:
        engine.dispose()


def test_a_newer_schema_is_refused_with_the_environments_own_message(tmp_path: Path) -> None:
    env = toy_env(tmp_path)
    engine = make_engine(tmp_path / "toy.sqlite3")
    try:
        env.upgrade(engine)
        with engine.begin() as conn:
            conn.execute(text("UPDATE toy_version SET version_num = '0099'"))
        with pytest.raises(SchemaTooNew):
            env.upgrade(engine)
        registry = MigrationEnv(env.scripts, "0002", "toy_version", too_new=database.REGISTRY.too_new)
        with pytest.raises(SchemaTooNew, match="registry"):
            registry.upgrade(engine)
    finally:
        engine.dispose()


def test_the_errors_are_one_class_for_both() -> None:
    assert migrate.MigrationFailed is MigrationFailed and migrate.SchemaTooNew is SchemaTooNew

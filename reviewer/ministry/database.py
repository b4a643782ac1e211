"""Opening the registry database: SQLite by default, PostgreSQL through the same SQLAlchemy URL.

``--db`` takes a URL (``sqlite:///registry.sqlite3``, ``postgresql+psycopg://user@host/db``) or a
plain path to a SQLite file. The engine comes from :func:`reviewer.models.db.make_engine` (WAL,
foreign keys, ``BEGIN IMMEDIATE`` on SQLite), and the schema is brought to the newest revision of the
registry's own Alembic environment (``reviewer/ministry/migrations``) in one transaction.

A registry already at :data:`HEAD` is recognised by one query of its version table: no Alembic import,
no write lock, no ``PRAGMA foreign_key_check`` over the whole database — opening is constant time
however large the registry. Only a registry that is behind (or new) is migrated and checked.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import URL, Engine
from sqlalchemy.exc import OperationalError

from reviewer.errors import UsageError
from reviewer.i18n import T
from reviewer.ministry.orm import VERSION_TABLE
from reviewer.models.db import make_engine, to_url
from reviewer.models.migrate import MigrationFailed, SchemaTooNew, migration_connection, stored_revisions

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# The newest revision in MIGRATIONS (tests/ministry/test_open_fast.py checks it against Alembic's own
# reading of the scripts, so a new revision cannot be added without moving this too).
HEAD = "0002"


def alembic_config(url: str | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("file_template", "%%(rev)s_%%(slug)s")
    if url:
        cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn, opts={"version_table": VERSION_TABLE}).get_current_revision()


def _run(engine: Engine, action: Any) -> None:
    cfg = alembic_config()
    with migration_connection(engine) as conn:
        cfg.attributes["connection"] = conn
        action(cfg)


def at_head(engine: Engine) -> bool:
    """True when the schema is already at :data:`HEAD` (nothing to migrate); one query, no Alembic."""
    return stored_revisions(engine, VERSION_TABLE) == [HEAD]


def upgrade(engine: Engine, target: str = "head") -> None:
    if target == "head" and at_head(engine):
        return
    from alembic import command
    from alembic.script import ScriptDirectory
    from alembic.util.exc import CommandError

    current = current_revision(engine)
    if current is not None:
        try:
            ScriptDirectory.from_config(alembic_config()).get_revision(current)
        except CommandError as exc:
            raise SchemaTooNew(
                T(
                    "登记库 {db} 由更新版本的本软件写入（架构版本 {rev}），请升级软件。",
                    "The registry {db} was written by a newer version of this app (schema {rev}); update the app.",
                    db=engine.url.render_as_string(hide_password=True),
                    rev=current,
                )
            ) from exc
    try:
        _run(engine, lambda cfg: command.upgrade(cfg, target))
    except CommandError as exc:
        raise MigrationFailed(
            T("登记库迁移失败：{err}", "The registry migration failed: {err}", err=str(exc))
        ) from exc


def downgrade(engine: Engine, target: str) -> None:
    from alembic import command

    _run(engine, lambda cfg: command.downgrade(cfg, target))


def render_sql(url: str, target: str = "head") -> str:
    """The registry's DDL for the dialect of ``url``, without connecting."""
    import io

    from alembic import command

    buffer = io.StringIO()
    cfg = alembic_config(url)
    cfg.output_buffer = buffer
    command.upgrade(cfg, target, sql=True)
    return buffer.getvalue()


def open_engine(target: str | os.PathLike[str] | URL, *, migrate: bool = True) -> Engine:
    """An engine on the registry at ``target``, its schema at head."""
    url = to_url(target)
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(url)
    if migrate:
        try:
            upgrade(engine)
        except OperationalError as exc:
            engine.dispose()
            raise UsageError(
                T(
                    "无法连接登记库 {db}：{err}",
                    "Cannot connect to the registry {db}: {err}",
                    db=url.render_as_string(hide_password=True),
                    err=str(exc.orig),
                )
            ) from exc
    return engine

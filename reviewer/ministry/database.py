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

from sqlalchemy import URL, Engine
from sqlalchemy.exc import OperationalError

from reviewer.errors import UsageError
from reviewer.i18n import T, Text
from reviewer.ministry.orm import VERSION_TABLE
from reviewer.models.db import make_engine, to_url
from reviewer.models.migration_runner import MigrationEnv

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# The newest revision in MIGRATIONS (tests/ministry/test_open_fast.py checks it against Alembic's own
# reading of the scripts, so a new revision cannot be added without moving this too).
HEAD = "0006"


def _too_new(db: str, rev: str) -> Text:
    return T(
        "登记库 {db} 由更新版本的本软件写入（架构版本 {rev}），请升级软件。",
        "The registry {db} was written by a newer version of this app (schema {rev}); update the app.",
        db=db,
        rev=rev,
    )


def _failed(err: str) -> Text:
    return T("登记库迁移失败：{err}", "The registry migration failed: {err}", err=err)


# The registry's environment; the runner itself is reviewer.models.migration_runner, shared with the expert store.
REGISTRY = MigrationEnv(MIGRATIONS, HEAD, VERSION_TABLE, too_new=_too_new, failed=_failed)

alembic_config = REGISTRY.config
head_revision = REGISTRY.head_revision
current_revision = REGISTRY.current_revision
at_head = REGISTRY.at_head
upgrade = REGISTRY.upgrade
downgrade = REGISTRY.downgrade
render_sql = REGISTRY.render_sql


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

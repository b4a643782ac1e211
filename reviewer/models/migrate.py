"""Run the Alembic migrations from code: no alembic.ini, works from an installed package.

:func:`upgrade` is what :class:`~reviewer.models.store.Store` calls on open. Every migration run
happens on one connection in one transaction, so a failure leaves the database as it was. On SQLite
foreign keys are switched off for the run and checked before commit (``PRAGMA foreign_key_check``),
the procedure SQLite documents for rebuilding tables: batch migrations drop and recreate tables,
which with foreign keys on would cascade or fail.

For developers, ``python -m reviewer.models.migrations`` drafts a new revision or prints the DDL for a
backend; see ``docs/store.md``.

Alembic is imported only when there is something to migrate: a store already at :data:`HEAD` is
recognised by one query of its version table (opening it is then ~0.15 s quicker; docs/performance.md).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, inspect, text

from reviewer.errors import ReviewerError
from reviewer.i18n import T
from reviewer.models.db import READ_ONLY, is_sqlite, make_engine

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# The newest revision in MIGRATIONS (tests/models/test_migrate_head.py checks it against Alembic's
# own reading of the scripts, so a new revision cannot be added without moving this too).
HEAD = "0007"
VERSION_TABLE = "alembic_version"


class SchemaTooNew(ReviewerError):
    """The database was written by a newer version of the app than this one."""


class MigrationFailed(ReviewerError):
    """A migration could not be applied; the database was left as it was."""


def alembic_config(url: str | None = None) -> Config:
    """The settings an ``alembic.ini`` would hold, built in code."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("file_template", "%%(rev)s_%%(slug)s")
    cfg.set_main_option("truncate_slug_length", "40")
    if url:
        cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def script_directory() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = script_directory().get_current_head()
    if head is None:  # pragma: no cover - the package always ships revision 0001
        raise RuntimeError("no migrations found")
    return head


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def stored_revisions(engine: Engine, table: str = VERSION_TABLE) -> list[str] | None:
    """The revisions in the version ``table``, read without Alembic; ``None`` when there is no such table."""
    with engine.connect() as conn:
        conn.execution_options(**{READ_ONLY: True})  # SQLite: a plain BEGIN, no write lock to read
        if not inspect(conn).has_table(table):
            return None
        return [row[0] for row in conn.execute(text(f"SELECT version_num FROM {table}"))]


def at_head(engine: Engine) -> bool:
    """True when the schema is already at :data:`HEAD` (nothing to migrate); one query, no Alembic."""
    return stored_revisions(engine) == [HEAD]


@contextmanager
def migration_connection(engine: Engine) -> Iterator[Connection]:
    """One connection, in one transaction, with SQLite's foreign keys off until the run is checked."""
    sqlite = is_sqlite(engine.url)
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None  # a live connection
        if sqlite:
            raw.execute("PRAGMA foreign_keys=OFF")  # only effective outside a transaction
        try:
            with conn.begin():
                yield conn
                if sqlite:
                    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise MigrationFailed(
                            T(
                                "数据库迁移会破坏外键约束（{n} 处，如表 {table}），已撤销，数据未改变。",
                                "The database migration would break foreign keys ({n}, e.g. in {table}); "
                                "it was undone and the data is unchanged.",
                                n=len(broken),
                                table=broken[0][0],
                            )
                        )
        finally:
            if sqlite:
                raw.execute("PRAGMA foreign_keys=ON")


def _run(engine: Engine, action: Callable[[Config], Any]) -> None:
    cfg = alembic_config()
    with migration_connection(engine) as conn:
        cfg.attributes["connection"] = conn
        action(cfg)


def _check_known(engine: Engine) -> None:
    from alembic.util.exc import CommandError

    current = current_revision(engine)
    if current is None:
        return
    try:
        script_directory().get_revision(current)
    except CommandError as exc:
        raise SchemaTooNew(
            T(
                "数据库 {db} 由更新版本的本软件写入（架构版本 {rev}），本版本无法打开。请升级软件后重试。",
                "The database {db} was written by a newer version of this app (schema {rev}); this "
                "version cannot open it. Update the app and try again.",
                db=engine.url.render_as_string(hide_password=True),
                rev=current,
            )
        ) from exc


def upgrade(engine: Engine, target: str = "head") -> None:
    """Bring the schema to ``target`` (default: the newest revision this app knows)."""
    if target == "head" and at_head(engine):
        return
    from alembic import command
    from alembic.util.exc import CommandError

    _check_known(engine)
    try:
        _run(engine, lambda cfg: command.upgrade(cfg, target))
    except CommandError as exc:
        raise MigrationFailed(
            T("数据库迁移失败：{err}", "The database migration failed: {err}", err=str(exc))
        ) from exc


def downgrade(engine: Engine, target: str) -> None:
    """Step the schema back to ``target`` (``base`` drops every table). For development and tests."""
    from alembic import command

    _run(engine, lambda cfg: command.downgrade(cfg, target))


def render_sql(url: str, target: str = "head") -> str:
    """The DDL from an empty database to ``target`` for the dialect of ``url``, without connecting."""
    import io

    from alembic import command

    buffer = io.StringIO()
    cfg = alembic_config(url)
    cfg.output_buffer = buffer
    command.upgrade(cfg, target, sql=True)
    return buffer.getvalue()


def next_revision_id() -> str:
    numbers = [int(rev.revision) for rev in script_directory().walk_revisions() if rev.revision.isdigit()]
    return f"{max(numbers, default=0) + 1:04d}"


def draft_revision(message: str, *, autogenerate: bool = True) -> Path:
    """Write a draft revision, autogenerated against a scratch database at head, and return its path."""
    from alembic import command

    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(Path(tmp) / "scratch.sqlite3")
        try:
            upgrade(engine)
            written: list[Any] = []

            def action(cfg: Config) -> None:
                result = command.revision(cfg, message, autogenerate=autogenerate, rev_id=next_revision_id())
                written.extend(result if isinstance(result, list) else [result])

            _run(engine, action)
        finally:
            engine.dispose()
    return Path(written[0].path)

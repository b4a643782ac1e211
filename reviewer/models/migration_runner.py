"""The one Alembic runner: migrations driven from code, no alembic.ini, works from an installed package.

Both databases of the app have their own Alembic environment and version table: the expert store
(:mod:`reviewer.models.migrate`) and the ministry registry (:mod:`reviewer.ministry.database`). Each
describes its environment as a :class:`MigrationEnv`; everything else — the config built in code, the
"already at head" check in one query, the newer-schema refusal, the run on one connection in one
transaction — is here, once.

Every migration run happens on one connection in one transaction, so a failure leaves the database
as it was. On SQLite foreign keys are switched off for the run and checked before commit
(``PRAGMA foreign_key_check``), the procedure SQLite documents for rebuilding tables: batch migrations
drop and recreate tables, which with foreign keys on would cascade or fail.

Alembic is imported only when there is something to migrate: a database already at its head is
recognised by one query of its version table (docs/performance.md).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, inspect, text

from reviewer.errors import ReviewerError
from reviewer.i18n import T, Text

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

DEFAULT_VERSION_TABLE = "alembic_version"


class SchemaTooNew(ReviewerError):
    """The database was written by a newer version of the app than this one."""


class MigrationFailed(ReviewerError):
    """A migration could not be applied; the database was left as it was."""


def _too_new_store(db: str, rev: str) -> Text:
    return T(
        "数据库 {db} 由更新版本的本软件写入（架构版本 {rev}），本版本无法打开。请升级软件后重试。",
        "The database {db} was written by a newer version of this app (schema {rev}); this "
        "version cannot open it. Update the app and try again.",
        db=db,
        rev=rev,
    )


def _failed_store(err: str) -> Text:
    return T("数据库迁移失败：{err}", "The database migration failed: {err}", err=err)


@dataclass(frozen=True)
class MigrationEnv:
    """One Alembic environment: its scripts, its head, its version table and how its errors read."""

    scripts: Path
    head: str  # the newest revision in ``scripts``; a test checks it against Alembic's own reading
    version_table: str = DEFAULT_VERSION_TABLE
    too_new: Callable[[str, str], Text] = _too_new_store  # (database, revision) -> message
    failed: Callable[[str], Text] = _failed_store  # (Alembic's error) -> message

    def config(self, url: str | None = None) -> Config:
        """The settings an ``alembic.ini`` would hold, built in code."""
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(self.scripts))
        cfg.set_main_option("file_template", "%%(rev)s_%%(slug)s")
        cfg.set_main_option("truncate_slug_length", "40")
        if url:
            cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
        return cfg

    def script_directory(self) -> ScriptDirectory:
        from alembic.script import ScriptDirectory

        return ScriptDirectory.from_config(self.config())

    def head_revision(self) -> str:
        head = self.script_directory().get_current_head()
        if head is None:  # pragma: no cover - every environment ships revision 0001
            raise RuntimeError(f"no migrations found in {self.scripts}")
        return head

    def current_revision(self, engine: Engine) -> str | None:
        from alembic.runtime.migration import MigrationContext

        with engine.connect() as conn:
            opts = {"version_table": self.version_table}
            return MigrationContext.configure(conn, opts=opts).get_current_revision()

    def stored_revisions(self, engine: Engine) -> list[str] | None:
        return stored_revisions(engine, self.version_table)

    def at_head(self, engine: Engine) -> bool:
        """True when the schema is already at :attr:`head` (nothing to migrate); one query, no Alembic."""
        return self.stored_revisions(engine) == [self.head]

    def run(self, engine: Engine, action: Callable[[Config], Any]) -> None:
        """Run an Alembic ``action`` on one connection in one checked transaction."""
        cfg = self.config()
        with migration_connection(engine) as conn:
            cfg.attributes["connection"] = conn
            action(cfg)

    def check_known(self, engine: Engine) -> None:
        """Refuse a database whose revision this app does not know (written by a newer version)."""
        from alembic.util.exc import CommandError

        current = self.current_revision(engine)
        if current is None:
            return
        try:
            self.script_directory().get_revision(current)
        except CommandError as exc:
            db = engine.url.render_as_string(hide_password=True)
            raise SchemaTooNew(self.too_new(db, current)) from exc

    def upgrade(self, engine: Engine, target: str = "head") -> None:
        """Bring the schema to ``target`` (default: the newest revision this app knows)."""
        if target == "head" and self.at_head(engine):
            return
        from alembic import command
        from alembic.util.exc import CommandError

        self.check_known(engine)
        try:
            self.run(engine, lambda cfg: command.upgrade(cfg, target))
        except CommandError as exc:
            raise MigrationFailed(self.failed(str(exc))) from exc

    def downgrade(self, engine: Engine, target: str) -> None:
        """Step the schema back to ``target`` (``base`` drops every table). For development and tests."""
        from alembic import command

        self.run(engine, lambda cfg: command.downgrade(cfg, target))

    def render_sql(self, url: str, target: str = "head") -> str:
        """The DDL from an empty database to ``target`` for the dialect of ``url``, without connecting."""
        from alembic import command

        buffer = io.StringIO()
        cfg = self.config(url)
        cfg.output_buffer = buffer
        command.upgrade(cfg, target, sql=True)
        return buffer.getvalue()


def stored_revisions(engine: Engine, table: str = DEFAULT_VERSION_TABLE) -> list[str] | None:
    """The revisions in the version ``table``, read without Alembic; ``None`` when there is no such table."""
    from reviewer.models.db import READ_ONLY

    with engine.connect() as conn:
        conn.execution_options(**{READ_ONLY: True})  # SQLite: a plain BEGIN, no write lock to read
        if not inspect(conn).has_table(table):
            return None
        return [row[0] for row in conn.execute(text(f"SELECT version_num FROM {table}"))]


@contextmanager
def migration_connection(engine: Engine) -> Iterator[Connection]:
    """One connection, in one transaction, with SQLite's foreign keys off until the run is checked."""
    sqlite = engine.url.get_backend_name() == "sqlite"
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

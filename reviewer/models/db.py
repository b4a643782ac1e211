"""The engine factory: one place that knows how to open the database durably.

``make_engine`` takes a SQLAlchemy URL (``sqlite:///...``, later ``postgresql+psycopg://...`` for the
ministry's shared server) or a plain path to a SQLite file. For SQLite every new DBAPI connection is
set up by a ``connect`` event listener:

* ``journal_mode=WAL`` — readers never block the writer, and a crash mid-write leaves the last
  committed state intact;
* ``synchronous=FULL`` — in WAL mode ``NORMAL`` may lose the last commits on power loss; a score an
  expert saw committed must survive a dead battery, so every commit is fsynced;
* ``foreign_keys=ON`` — SQLite ignores foreign keys unless asked, per connection;
* ``busy_timeout`` — wait for another writer instead of failing at once;
* ``secure_delete=ON`` — content a row no longer holds is overwritten with zeros, not left in a
  free page (what was in the clear before a store was sealed does not linger in the file).

pysqlite's own transaction handling is switched off (it would silently COMMIT before DDL and open
transactions lazily); instead every SQLAlchemy transaction starts with ``BEGIN IMMEDIATE``. That makes
DDL transactional (a failed migration leaves nothing behind) and takes the write lock up front, so a
unit of work that reads and then writes waits for a concurrent writer (``busy_timeout``) instead of
failing with ``SQLITE_BUSY`` half-way. Connections with the execution option :data:`READ_ONLY` start
with a plain ``BEGIN`` instead: in WAL mode they read a consistent snapshot without waiting for, or
holding up, a writer.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event, make_url

from reviewer import gui_thread

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 10_000
READ_ONLY = "reviewer_read_only"  # execution option: this connection's transactions only read

SQLITE_PRAGMAS: tuple[tuple[str, str], ...] = (
    ("journal_mode", "WAL"),
    ("synchronous", "FULL"),
    ("foreign_keys", "ON"),
    ("busy_timeout", str(BUSY_TIMEOUT_MS)),
    ("secure_delete", "ON"),
)


def to_url(target: str | os.PathLike[str] | URL) -> URL:
    """A SQLAlchemy URL for ``target``: a URL (object or string with ``://``) or a SQLite file path."""
    if isinstance(target, URL):
        return target
    text = os.fspath(target)
    if "://" in text:
        return make_url(text)
    path = Path(text).expanduser().resolve()
    return URL.create("sqlite+pysqlite", database=str(path))


def is_sqlite(url: URL) -> bool:
    return url.get_backend_name() == "sqlite"


def make_engine(target: str | os.PathLike[str] | URL, **kwargs: Any) -> Engine:
    """An engine for ``target``; SQLite engines get the durability settings of this module."""
    url = to_url(target)
    if not is_sqlite(url):
        kwargs.setdefault("pool_pre_ping", True)
        engine = create_engine(url, **kwargs)
        gui_thread.watch(engine)
        return engine
    engine = create_engine(url, **kwargs)
    gui_thread.watch(engine)
    _configure_sqlite(engine)
    return engine


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Autocommit at the driver level: no implicit BEGIN/COMMIT from pysqlite; PRAGMAs that
        # cannot run inside a transaction (journal_mode, foreign_keys) take effect here.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            for name, value in SQLITE_PRAGMAS:
                cursor.execute(f"PRAGMA {name}={value}")
            mode = cursor.execute("PRAGMA journal_mode").fetchone()[0]
        finally:
            cursor.close()
        if str(mode).lower() != "wal" and engine.url.database not in (None, "", ":memory:"):
            log.warning("SQLite refused WAL journal mode for %s (got %s)", engine.url.database, mode)

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        reading = connection.get_execution_options().get(READ_ONLY, False)
        connection.exec_driver_sql("BEGIN" if reading else "BEGIN IMMEDIATE")


def sqlite_pragma(connection: Any, name: str) -> Any:
    """Read one PRAGMA value on a SQLAlchemy connection (for diagnostics and tests)."""
    return connection.exec_driver_sql(f"PRAGMA {name}").scalar()

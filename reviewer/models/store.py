"""The local store: the database in the data folder, migrated on open, used one unit of work at a time.

    store = Store.open()                       # data folder: --data-dir, $REVIEWER_DATA_DIR, platform
    store = Store.open(url="postgresql+psycopg://...")   # the ministry's shared server (issue 7)
    with store.session() as session:           # one unit of work: commit on success, rollback on error
        ...
    with store.reading() as session:           # a read: a consistent snapshot, never blocks a writer
        ...

A :class:`Store` holds only the engine, a session factory and the store keys unlocked so far; all
are safe to share between threads. A session is never kept: each repository method opens one, does
its work, and returns plain frozen dataclasses.

What an expert or a chair writes (scores, comments, notes, evidence, decisions) is sealed at rest
(:mod:`reviewer.models.sealed`): the store opens without a key — the standards library and recent
files are not secret — and :meth:`Store.unlock` with an unlocked identity makes that identity's work
readable and writable. The data folder is made 0700 and the database files 0600 (POSIX).
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from sqlalchemy import URL, Engine
from sqlalchemy.exc import DBAPIError, StatementError
from sqlalchemy.orm import Session, sessionmaker

from reviewer.errors import ReviewerError
from reviewer.i18n import T
from reviewer.models import migrate
from reviewer.models.db import READ_ONLY, make_engine, to_url
from reviewer.models.sealed import StoreKeys, using
from reviewer.paths import data_dir, private_file

if TYPE_CHECKING:
    from reviewer.trust.identity import Identity

log = logging.getLogger(__name__)

DB_FILENAME = "reviewer.sqlite3"


class StoreUnavailable(ReviewerError):
    """The database cannot be opened (not a database, no permission, server unreachable)."""


@contextmanager
def _unwrapped() -> Iterator[None]:
    """A typed error raised while SQLAlchemy sealed or opened a value (locked, altered) reaches the
    caller as itself, not wrapped in SQLAlchemy's ``StatementError``."""
    try:
        yield
    except StatementError as exc:
        if isinstance(exc.orig, ReviewerError):
            raise exc.orig from exc
        raise


class Store:
    """The application's database. Build it with :meth:`open`; close it with :meth:`close`."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.keys = StoreKeys()
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._readers = sessionmaker(engine.execution_options(**{READ_ONLY: True}), autoflush=False)

    @classmethod
    def open(
        cls,
        folder: str | os.PathLike[str] | None = None,
        *,
        url: str | URL | None = None,
    ) -> Store:
        """Open (creating if needed) and migrate to the newest schema.

        ``folder`` overrides the data folder (as ``--data-dir`` does); ``url`` names a database
        directly instead, and then ``folder`` must not be given.
        """
        if url is not None and folder is not None:
            raise ValueError("give either a data folder or a URL, not both")
        if url is not None:
            target = to_url(url)
        else:
            try:
                db_file = data_dir(folder) / DB_FILENAME
                for name in (DB_FILENAME, f"{DB_FILENAME}-wal", f"{DB_FILENAME}-shm"):
                    private_file(db_file.with_name(name), create=name == DB_FILENAME)
                target = to_url(db_file)
            except OSError as exc:
                raise StoreUnavailable(
                    T(
                        "无法创建数据文件夹：{err}。请用 --data-dir 指定一个可写的文件夹。",
                        "Cannot create the data folder: {err}. Choose a writable folder with --data-dir.",
                        err=str(exc),
                    )
                ) from exc
        engine = make_engine(target)
        try:
            migrate.upgrade(engine)
        except DBAPIError as exc:
            engine.dispose()
            raise StoreUnavailable(
                T(
                    "无法打开数据库 {db}：{err}。请检查该文件是否为本软件的数据库、是否有读写权限。",
                    "Cannot open the database {db}: {err}. Check that it is this app's database "
                    "and that you may read and write it.",
                    db=target.render_as_string(hide_password=True),
                    err=str(exc.orig),
                ),
                detail=str(exc),
            ) from exc
        except BaseException:
            engine.dispose()
            raise
        log.debug("store open at %s", target.render_as_string(hide_password=True))
        return cls(engine)

    @property
    def url(self) -> URL:
        return self.engine.url

    @property
    def path(self) -> Path | None:
        """The SQLite file, or ``None`` for a server database."""
        db = self.engine.url.database
        return Path(db) if self.engine.url.get_backend_name() == "sqlite" and db else None

    @contextmanager
    def session(self, owner: str | None = None) -> Iterator[Session]:
        """One unit of work: committed when the block ends normally, rolled back if it raises.

        ``owner``: the fingerprint of the identity whose work this unit writes; sealed values are
        sealed with its store key, so a review keeps its owner's key even after another identity
        unlocked the store. Writing a sealed value raises :class:`~reviewer.models.sealed.StoreLocked`
        when ``owner`` has not unlocked the store, or when no ``owner`` is named and several have."""
        with using(self.keys, owner), _unwrapped(), self._sessions.begin() as session:
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A unit of work that only reads. It is always rolled back: anything written is discarded.

        On SQLite it does not take the write lock, so lists and look-ups run while a writer works.
        """
        with using(self.keys), _unwrapped(), self._readers() as session:
            try:
                yield session
            finally:
                session.rollback()

    def unlock(self, identity: Identity) -> None:
        """Make ``identity``'s work in this store readable and writable (its store key, made and
        wrapped to it the first time, when its older values are sealed too). Runs scrypt-free: the
        identity is already unlocked; call it on the worker that unlocked it."""
        from reviewer.models.unlock import unlock_store

        unlock_store(self, identity)

    def scrub(self, *, vacuum: bool) -> None:
        """Fold the WAL into the database and truncate it; ``vacuum``: rebuild the file too, so no
        freed page keeps what an older row held. Best effort: a busy reader only postpones it."""
        if self.path is None:
            return
        raw = self.engine.raw_connection()
        try:
            cursor = raw.cursor()
            try:
                cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                if vacuum:
                    cursor.execute("VACUUM")
                    cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                cursor.close()
        except sqlite3.Error as exc:  # the raw DBAPI connection: pysqlite's own errors
            log.warning("could not scrub the store: %s", exc)
        finally:
            raw.close()

    def close(self) -> None:
        """Close every pooled connection (SQLite then checkpoints the WAL into the main file)."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

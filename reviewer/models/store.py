"""The local store: the database in the data folder, migrated on open, used one unit of work at a time.

    store = Store.open()                       # data folder: --data-dir, $REVIEWER_DATA_DIR, platform
    store = Store.open(url="postgresql+psycopg://...")   # the ministry's shared server (issue 7)
    with store.session() as session:           # one unit of work: commit on success, rollback on error
        ...
    with store.reading() as session:           # a read: a consistent snapshot, never blocks a writer
        ...

A :class:`Store` holds only the engine and a session factory; both are safe to share between
threads. A session is never kept: each repository method opens one, does its work, and returns
plain frozen dataclasses.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

from sqlalchemy import URL, Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from reviewer.errors import ReviewerError
from reviewer.i18n import T
from reviewer.models import migrate
from reviewer.models.db import READ_ONLY, make_engine, to_url
from reviewer.paths import data_dir

log = logging.getLogger(__name__)

DB_FILENAME = "reviewer.sqlite3"


class StoreUnavailable(ReviewerError):
    """The database cannot be opened (not a database, no permission, server unreachable)."""


class Store:
    """The application's database. Build it with :meth:`open`; close it with :meth:`close`."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
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
                target = to_url(data_dir(folder) / DB_FILENAME)
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
    def session(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends normally, rolled back if it raises."""
        with self._sessions.begin() as session:
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A unit of work that only reads. It is always rolled back: anything written is discarded.

        On SQLite it does not take the write lock, so lists and look-ups run while a writer works.
        """
        with self._readers() as session:
            try:
                yield session
            finally:
                session.rollback()

    def close(self) -> None:
        """Close every pooled connection (SQLite then checkpoints the WAL into the main file)."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

"""Recently opened files, newest first, for the start page and the File menu."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, cast

from sqlalchemy import CursorResult, delete, func, select
from sqlalchemy.orm import Session

from reviewer.models.orm import RecentFileRow, utcnow
from reviewer.models.store import Store

KEEP = 100  # older entries are forgotten; the menus show far fewer
TICK = timedelta(microseconds=1)


@dataclass(frozen=True)
class RecentFile:
    path: Path
    kind: str  # 'standard', 'package', 'sheet', ...
    title: str
    opened_at: datetime

    @property
    def exists(self) -> bool:
        return self.path.exists()


def _recent(row: RecentFileRow) -> RecentFile:
    return RecentFile(Path(row.path), row.kind, row.title, row.opened_at)


def normalise(path: str | os.PathLike[str]) -> str:
    """One spelling per file: absolute, with ``..`` and symlinks resolved."""
    return str(Path(path).expanduser().resolve())


class RecentFiles:
    """Repository over ``recent_files``. Each method is one unit of work.

    ``clock`` gives the current UTC time (injectable for tests).
    """

    def __init__(self, store: Store, *, clock: Callable[[], datetime] = utcnow, keep: int = KEEP) -> None:
        self._store = store
        self._clock = clock
        self._keep = keep

    def touch(self, path: str | os.PathLike[str], kind: str, title: str) -> RecentFile:
        """Record that ``path`` was just opened: it moves to the top, with this kind and title."""
        key = normalise(path)
        with self._store.session() as session:
            latest = session.scalar(select(func.max(RecentFileRow.opened_at)))
            now = self._clock()
            # Two opens within one clock tick (about 16 ms on Windows) must still order correctly.
            if latest is not None and now <= latest:
                now = latest + TICK
            row = session.scalar(select(RecentFileRow).where(RecentFileRow.path == key))
            if row is None:
                row = RecentFileRow(path=key, kind=kind, title=title, opened_at=now)
                session.add(row)
            else:
                row.kind, row.title, row.opened_at = kind, title, now
            session.flush()
            self._prune(session)
            return _recent(row)

    def recent(self, limit: int = 10) -> list[RecentFile]:
        """The ``limit`` most recently opened files, newest first."""
        if limit <= 0:
            return []
        with self._store.reading() as session:
            rows = session.scalars(
                select(RecentFileRow)
                .order_by(RecentFileRow.opened_at.desc(), RecentFileRow.id.desc())
                .limit(limit)
            )
            return [_recent(row) for row in rows]

    def forget(self, path: str | os.PathLike[str]) -> bool:
        """Remove ``path`` from the list (a file that was moved or deleted). True if it was there."""
        with self._store.session() as session:
            result = session.execute(delete(RecentFileRow).where(RecentFileRow.path == normalise(path)))
            return bool(cast(CursorResult[Any], result).rowcount)  # a DELETE's result is a CursorResult

    def _prune(self, session: Session) -> None:
        cutoff = session.scalar(
            select(RecentFileRow.opened_at)
            .order_by(RecentFileRow.opened_at.desc())
            .offset(self._keep - 1)
            .limit(1)
        )
        if cutoff is not None:
            session.execute(delete(RecentFileRow).where(RecentFileRow.opened_at < cutoff))

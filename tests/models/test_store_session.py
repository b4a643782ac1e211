"""``Store.session()`` is one unit of work: all of it is committed, or none of it."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from reviewer.models import RecentFiles, Store
from reviewer.models.orm import RecentFileRow

WHEN = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)


def count(store: Store) -> int:
    with store.session() as s:
        return s.scalar(select(func.count()).select_from(RecentFileRow))


def test_commit_on_success(store: Store):
    with store.session() as s:
        s.add(RecentFileRow(path="/a", kind="sheet", title="A", opened_at=WHEN))
    assert count(store) == 1


def test_rollback_on_exception_leaves_nothing_written(store: Store):
    with pytest.raises(KeyError), store.session() as s:
        s.add(RecentFileRow(path="/a", kind="sheet", title="A", opened_at=WHEN))
        s.flush()  # really sent to the database inside the transaction
        s.add(RecentFileRow(path="/b", kind="sheet", title="B", opened_at=WHEN))
        s.flush()
        assert s.scalar(select(func.count()).select_from(RecentFileRow)) == 2
        raise KeyError("the user cancelled")
    assert count(store) == 0
    assert RecentFiles(store).recent() == []


def test_a_failing_statement_rolls_back_the_whole_unit(store: Store):
    with pytest.raises(Exception, match="UNIQUE"), store.session() as s:
        s.add(RecentFileRow(path="/a", kind="sheet", title="A", opened_at=WHEN))
        s.flush()
        s.add(RecentFileRow(path="/a", kind="package", title="dup", opened_at=WHEN))
        s.flush()
    assert count(store) == 0


def test_times_come_back_as_utc_and_naive_times_are_refused(store: Store):
    from datetime import timedelta, timezone

    beijing = timezone(timedelta(hours=8))
    with store.session() as s:
        s.add(
            RecentFileRow(
                path="/a", kind="sheet", title="A", opened_at=datetime(2026, 3, 1, 17, 30, tzinfo=beijing)
            )
        )
    with store.session() as s:
        stored = s.scalar(select(RecentFileRow.opened_at))
    assert stored == WHEN and stored.tzinfo is UTC
    with pytest.raises(Exception, match="naive datetime"), store.session() as s:
        s.add(RecentFileRow(path="/b", kind="sheet", title="B", opened_at=datetime(2026, 3, 1)))
        s.flush()
    assert count(store) == 1


def test_a_reader_sees_a_snapshot_without_waiting_for_a_writer(store: Store):
    with store.session() as writer:
        writer.add(RecentFileRow(path="/a", kind="sheet", title="A", opened_at=WHEN))
        writer.flush()  # the writer holds SQLite's write lock from here to its commit
        with store.reading() as reader:  # would wait busy_timeout (10 s) and fail if it needed the lock
            assert reader.scalar(select(func.count()).select_from(RecentFileRow)) == 0
    with store.reading() as reader:
        assert reader.scalar(select(func.count()).select_from(RecentFileRow)) == 1


def test_reading_never_writes(store: Store):
    with store.reading() as reader:
        reader.add(RecentFileRow(path="/a", kind="sheet", title="A", opened_at=WHEN))
        reader.flush()
    assert count(store) == 0

"""Recent files: newest first, one entry per file, limited."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from reviewer.models import RecentFile, RecentFiles, Store

T0 = datetime(2026, 5, 1, 8, 0, tzinfo=UTC)


class Clock:
    def __init__(self, start: datetime = T0, step: timedelta = timedelta(minutes=1)) -> None:
        self.now, self.step = start, step

    def __call__(self) -> datetime:
        value = self.now
        self.now += self.step
        return value


def names(items: list[RecentFile]) -> list[str]:
    return [item.path.name for item in items]


def test_newest_first(store: Store, tmp_path: Path):
    recent = RecentFiles(store, clock=Clock())
    for name in ("a.rvpkg", "b.rvsheet", "c.json"):
        recent.touch(tmp_path / name, "package", name.upper())
    assert names(recent.recent()) == ["c.json", "b.rvsheet", "a.rvpkg"]
    first = recent.recent()[0]
    assert first == RecentFile(tmp_path / "c.json", "package", "C.JSON", T0 + timedelta(minutes=2))


def test_touching_again_moves_to_the_top_and_updates(store: Store, tmp_path: Path):
    recent = RecentFiles(store, clock=Clock())
    for name in ("a", "b", "c"):
        recent.touch(tmp_path / name, "sheet", name)
    recent.touch(tmp_path / "a", "standard", "A renamed")
    assert names(recent.recent()) == ["a", "c", "b"]
    top = recent.recent()[0]
    assert (top.kind, top.title) == ("standard", "A renamed")
    assert len(recent.recent(limit=50)) == 3


def test_one_entry_per_file_however_spelled(store: Store, tmp_path: Path):
    recent = RecentFiles(store, clock=Clock())
    (tmp_path / "sub").mkdir()
    recent.touch(tmp_path / "x.json", "standard", "one")
    recent.touch(tmp_path / "sub" / ".." / "x.json", "standard", "two")
    assert [(r.path, r.title) for r in recent.recent()] == [(tmp_path / "x.json", "two")]


def test_limit(store: Store, tmp_path: Path):
    recent = RecentFiles(store, clock=Clock())
    for i in range(15):
        recent.touch(tmp_path / f"f{i:02d}", "sheet", str(i))
    assert names(recent.recent()) == [f"f{i:02d}" for i in range(14, 4, -1)]  # default 10
    assert names(recent.recent(limit=3)) == ["f14", "f13", "f12"]
    assert recent.recent(limit=0) == []


def test_order_holds_when_the_clock_does_not_move(store: Store, tmp_path: Path):
    # A coarse or stalled clock (Windows ticks ~16 ms; a clock set back) must not scramble the order.
    recent = RecentFiles(store, clock=Clock(step=timedelta(0)))
    for name in ("a", "b", "c", "a"):
        recent.touch(tmp_path / name, "sheet", name)
    assert names(recent.recent()) == ["a", "c", "b"]
    backwards = RecentFiles(store, clock=Clock(start=T0 - timedelta(days=1)))
    backwards.touch(tmp_path / "b", "sheet", "b")
    assert names(recent.recent()) == ["b", "a", "c"]


def test_old_entries_are_forgotten_beyond_keep(store: Store, tmp_path: Path):
    recent = RecentFiles(store, clock=Clock(), keep=5)
    for i in range(8):
        recent.touch(tmp_path / f"f{i}", "sheet", str(i))
    assert names(recent.recent(limit=100)) == ["f7", "f6", "f5", "f4", "f3"]


def test_forget(store: Store, tmp_path: Path):
    recent = RecentFiles(store, clock=Clock())
    recent.touch(tmp_path / "a", "sheet", "a")
    recent.touch(tmp_path / "b", "sheet", "b")
    assert recent.forget(tmp_path / "a") is True
    assert recent.forget(tmp_path / "a") is False
    assert names(recent.recent()) == ["b"]

"""Upgrades: databases written by the FIRST schema revision migrate to the current one with no loss.

The fixtures in ``tests/fixtures`` were created once by ``tests/fixtures/make_fixtures.py`` with
revision 0001 of each schema and real data, and are committed: every future migration has to carry
these very files forward. (``tests/models/test_workbench_migration.py`` and
``tests/models/test_store_migrations.py`` test single steps on databases built in the test.)
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from reviewer.ministry import database
from reviewer.ministry.registry import Registry
from reviewer.models import Store, migrate
from reviewer.models.library import StandardLibrary
from reviewer.models.recent import RecentFiles
from reviewer.standards import load_standard
from tests.conftest import STANDARDS
from tests.ministry import seed as seed_module

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
STANDARD = STANDARDS / "sample-park-creation.json"


def rows(db: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(db)
    try:
        tables = [t for (t,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {t: sorted(conn.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables}
    finally:
        conn.close()


@pytest.fixture
def store_0001(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copyfile(FIXTURES / "store-0001.sqlite3", folder / "reviewer.sqlite3")
    return folder


def test_the_store_fixture_is_revision_0001_with_data(store_0001: Path) -> None:
    before = rows(store_0001 / "reviewer.sqlite3")
    assert before["alembic_version"] == [("0001",)]
    assert len(before["standards"]) == 1 and len(before["recent_files"]) == 2
    assert set(before) == {"alembic_version", "standards", "recent_files"}


def test_the_first_store_migrates_to_head_with_no_loss(store_0001: Path) -> None:
    db = store_0001 / "reviewer.sqlite3"
    before = rows(db)
    with Store.open(store_0001) as store:
        assert migrate.current_revision(store.engine) == migrate.head_revision() != "0001"
        library = StandardLibrary(store)
        (record,) = library.records()
        assert library.load(record.sha256) == load_standard(STANDARD)
        assert library.file_bytes(record.sha256) == STANDARD.read_bytes()
        recent = RecentFiles(store).recent()
        assert [(r.kind, r.title) for r in recent] == [
            ("sheet", "李喆 评分表"),
            ("package", "示例软件园 创建评审"),
        ]
    after = rows(db)
    for table in ("standards", "recent_files"):  # every row and value as it was
        assert after[table] == before[table], table
    assert sqlite3.connect(db).execute("PRAGMA integrity_check").fetchall() == [("ok",)]


def test_the_first_registry_migrates_to_head_with_no_loss(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "registry.sqlite3"
    shutil.copyfile(FIXTURES / "registry-0001.sqlite3", db)
    before = rows(db)
    assert before["ministry_alembic_version"] == [("0001",)]
    assert len(before["reviews"]) == 15 and len(before["candidates"]) == 7
    with Registry.open(db) as upgraded:
        assert database.current_revision(upgraded.engine) == database.head_revision()
        fresh = Registry.open(tmp_path / "fresh.sqlite3")  # the same history, recorded at head
        # seed() numbers packages from a module-wide counter; the fixture was made in a new process
        monkeypatch.setattr(seed_module, "_counter", iter(range(1, 10_000)))
        seed_module.seed(fresh)
        try:
            names = [c.info.name for c in fresh.candidates()]
            assert upgraded.candidates() == fresh.candidates()
            for name in names:
                assert upgraded.history(name) == fresh.history(name), name
            assert upgraded.publicity() == fresh.publicity()
            assert upgraded.calibration() == fresh.calibration()
        finally:
            fresh.close()
    after = rows(db)
    # revision 0003 (the lifecycle) rebuilds the derived tables of candidates with a publicity: their
    # period and status anew (equal to a fresh registry's, above), their notices and stars as they were
    # (new row ids); every fact and every other table is as it was
    rebuilt = ("publicity", "status_history")
    renumbered = ("notices", "star_ratings")
    for table, content in before.items():
        if table in renumbered:
            assert sorted(r[1:] for r in after[table]) == sorted(r[1:] for r in content), table
        elif table not in ("ministry_alembic_version", *rebuilt):
            assert after[table] == content, table

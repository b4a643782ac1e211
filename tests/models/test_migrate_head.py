"""Opening a store that is already up to date does not import Alembic; one that is behind still migrates.

``migrate.HEAD`` names the newest revision so that :func:`reviewer.models.migrate.upgrade` can tell
"nothing to do" from one query of the version table (docs/performance.md, app start).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import text

from reviewer.models import Store, migrate
from reviewer.models.db import make_engine


def test_head_is_the_newest_revision_alembic_knows() -> None:
    assert migrate.head_revision() == migrate.HEAD


def test_at_head_reads_the_version_table(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "store.sqlite3")
    try:
        assert not migrate.at_head(engine)  # empty: no version table
        migrate.upgrade(engine, "0002")
        assert not migrate.at_head(engine)  # behind
        migrate.upgrade(engine)
        assert migrate.at_head(engine)
        assert migrate.current_revision(engine) == migrate.HEAD
    finally:
        engine.dispose()


def test_a_store_behind_is_migrated_on_open(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "reviewer.sqlite3")
    migrate.upgrade(engine, "0001")
    engine.dispose()
    with Store.open(tmp_path) as store:
        assert migrate.current_revision(store.engine) == migrate.HEAD
        with store.engine.connect() as conn:  # the tables of the later revisions are there
            assert conn.execute(text("SELECT count(*) FROM reviews")).scalar() == 0


def test_an_up_to_date_store_opens_without_alembic(tmp_path: Path) -> None:
    Store.open(tmp_path).close()  # created and migrated (imports Alembic)
    code = (
        "import sys; from reviewer.models.store import Store; "
        f"Store.open({str(tmp_path)!r}).close(); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'alembic'))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=dict(os.environ), check=True
    )
    assert out.stdout.strip() == "[]"
    fresh = tmp_path / "fresh"
    code = code.replace(repr(str(tmp_path)), repr(str(fresh)))
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=dict(os.environ), check=True
    )
    assert out.stdout.strip() != "[]"  # a new store is migrated by Alembic

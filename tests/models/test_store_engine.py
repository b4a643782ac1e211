"""The engine factory: URLs and paths, and SQLite's durability settings on every connection."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from reviewer.models import DB_FILENAME, Store, StoreUnavailable
from reviewer.models.db import BUSY_TIMEOUT_MS, READ_ONLY, make_engine, to_url


def test_to_url_accepts_a_path_or_a_url(tmp_path: Path):
    url = to_url(tmp_path / "a.sqlite3")
    assert url.get_backend_name() == "sqlite"
    assert url.database == str((tmp_path / "a.sqlite3").resolve())
    assert to_url(str(tmp_path / "b.sqlite3")).database == str((tmp_path / "b.sqlite3").resolve())
    pg = to_url("postgresql+psycopg://u:secret@db.example/reviewer")
    assert (pg.get_backend_name(), pg.host, pg.database) == ("postgresql", "db.example", "reviewer")


def test_a_path_with_spaces_and_chinese_characters(tmp_path: Path):
    path = tmp_path / "评审 数据" / "x.sqlite3"
    path.parent.mkdir()
    engine = make_engine(path)
    try:
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE t (x INTEGER)"))
    finally:
        engine.dispose()
    assert path.is_file()


def test_every_store_connection_is_durable(data_dir: Path):
    with Store.open() as store:
        assert store.path == data_dir / DB_FILENAME
        # Two connections at once: the settings are per connection, so check more than one.
        # (Read-only ones: two write transactions would wait for each other.)
        readers = store.engine.execution_options(**{READ_ONLY: True})
        with readers.connect() as one, readers.connect() as two:
            for conn in (one, two):
                assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
                assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
                assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
                assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == BUSY_TIMEOUT_MS
        with store.session() as session:
            assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_foreign_keys_are_enforced(tmp_path: Path):
    engine = make_engine(tmp_path / "fk.sqlite3")
    try:
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE p (id INTEGER PRIMARY KEY)"))
            conn.execute(text("CREATE TABLE c (id INTEGER PRIMARY KEY, p INTEGER REFERENCES p(id))"))
        with pytest.raises(Exception, match="FOREIGN KEY"), engine.begin() as conn:
            conn.execute(text("INSERT INTO c (id, p) VALUES (1, 42)"))
    finally:
        engine.dispose()


def test_ddl_is_transactional(tmp_path: Path):
    # pysqlite would commit before DDL on its own; with our BEGIN a failed unit undoes its DDL too.
    engine = make_engine(tmp_path / "ddl.sqlite3")
    try:
        with pytest.raises(RuntimeError), engine.begin() as conn:
            conn.execute(text("CREATE TABLE t (x INTEGER)"))
            raise RuntimeError("boom")
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM sqlite_master WHERE name = 't'")).scalar() == 0
    finally:
        engine.dispose()


def test_a_file_that_is_not_a_database_is_reported(data_dir: Path):
    (data_dir / DB_FILENAME).write_bytes(b"this is not a database, just some text " * 200)
    with pytest.raises(StoreUnavailable) as caught:
        Store.open()
    assert "Cannot open the database" in str(caught.value)
    assert DB_FILENAME in str(caught.value)


def test_store_open_on_a_folder_or_a_url(tmp_path: Path):
    folder = tmp_path / "portable"
    with Store.open(folder) as store:
        assert store.path == folder / DB_FILENAME
    with Store.open(url=f"sqlite:///{tmp_path / 'other.sqlite3'}") as store:
        assert store.path == tmp_path / "other.sqlite3"
        with store.session() as s:
            assert s.execute(text("SELECT count(*) FROM standards")).scalar() == 0
    with pytest.raises(ValueError):
        Store.open(folder, url="sqlite://")


def test_a_data_folder_that_cannot_be_created_is_reported(tmp_path: Path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(StoreUnavailable, match="--data-dir"):
        Store.open(blocker / "data")

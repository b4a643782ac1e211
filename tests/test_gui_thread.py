"""The guard that keeps store and registry I/O off the GUI thread (reviewer.gui_thread): a connection
taken on the armed thread on behalf of code in its scope raises (strict) or is logged; a worker
thread, code outside the scope, an ``allowed()`` block and a disarmed guard pass."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from reviewer import gui_thread
from reviewer.gui_thread import GuiThreadIO
from reviewer.models.db import make_engine

HERE = str(Path(__file__).parent) + os.sep  # this file is "the UI" for these tests


def query(engine) -> int:
    with engine.connect() as conn:
        return conn.execute(text("SELECT 1")).scalar_one()


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[object]:
    engine = make_engine(tmp_path / "guarded.sqlite3")
    yield engine
    engine.dispose()


@pytest.fixture
def armed() -> Iterator[None]:
    gui_thread.arm(strict=True, scope=HERE)
    yield
    gui_thread.arm(strict=True, scope=str(Path(gui_thread.__file__).parent / "ui") + os.sep)


def test_a_connection_on_the_gui_thread_for_the_ui_raises(engine, armed) -> None:
    with pytest.raises(GuiThreadIO, match="GUI thread"):
        query(engine)


def test_a_worker_thread_may_connect(engine, armed) -> None:
    got: list[object] = []
    worker = threading.Thread(target=lambda: got.append(query(engine)))
    worker.start()
    worker.join()
    assert got == [1]


def test_code_outside_the_scope_and_allowed_blocks_pass(engine, armed) -> None:
    gui_thread.arm(strict=True, scope=HERE + "elsewhere" + os.sep)
    assert query(engine) == 1  # not on behalf of the scoped code
    gui_thread.arm(strict=True, scope=HERE)
    with gui_thread.allowed():
        assert query(engine) == 1
    with pytest.raises(GuiThreadIO):
        query(engine)


def test_in_the_app_it_is_logged_with_its_stack_not_raised(engine, armed, caplog) -> None:
    gui_thread.disarm()
    gui_thread.arm(strict=False, scope=HERE)
    with caplog.at_level(logging.WARNING, logger="reviewer.gui_thread"):
        assert query(engine) == 1
    assert any("GUI thread" in r.getMessage() and r.stack_info for r in caplog.records)


def test_the_app_arming_it_leniently_never_loosens_the_suites_strict_guard(engine, armed) -> None:
    gui_thread.arm(strict=False, scope=HERE)  # what create_main_window does inside a test
    with pytest.raises(GuiThreadIO):
        query(engine)


def test_a_file_opened_on_the_gui_thread_for_the_ui_raises(armed, tmp_path: Path) -> None:
    ledger = tmp_path / "ledger.jsonl"
    with gui_thread.allowed():  # set-up (this file is in the scope)
        ledger.write_text("{}", "utf-8")
    with pytest.raises(GuiThreadIO, match=r"ledger\.jsonl"):
        ledger.read_text("utf-8")
    with pytest.raises(GuiThreadIO, match=r"new\.json"):
        open(tmp_path / "new.json", "w").close()
    got: list[str] = []
    worker = threading.Thread(target=lambda: got.append(ledger.read_text("utf-8")))
    worker.start()
    worker.join()
    assert got == ["{}"]  # a worker may
    with gui_thread.allowed():
        assert ledger.read_text("utf-8") == "{}"


def test_imports_and_module_sources_are_not_the_windows_io(armed, tmp_path: Path, monkeypatch) -> None:
    import linecache
    import sys

    with gui_thread.allowed():
        (tmp_path / "guard_probe_module.py").write_text("VALUE = 7\n", "utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    import guard_probe_module  # type: ignore[import-not-found]

    assert guard_probe_module.VALUE == 7
    linecache.clearcache()
    assert linecache.getline(guard_probe_module.__file__, 1) == "VALUE = 7\n"  # a traceback's read
    sys.modules.pop("guard_probe_module")


def test_disarmed_it_never_trips(engine) -> None:
    gui_thread.disarm()
    try:
        assert query(engine) == 1
    finally:
        gui_thread.arm(strict=True, scope=str(Path(gui_thread.__file__).parent / "ui") + os.sep)

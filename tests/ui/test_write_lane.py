"""The write lane of the one task helper: an expert's edits in order, on one worker (never the GUI
thread), each failure delivered to its own caller (or shown), the immediate executor for tests."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QObject

from reviewer.app import review_edits
from reviewer.app.review_edits import Saved
from reviewer.models import Store
from reviewer.models.workbench import Workbench
from reviewer.scoring.entry import OffStep
from reviewer.scoring.workbench_types import Conflict, Review
from reviewer.standards import load_standard
from reviewer.ui.dialogs import errors
from reviewer.ui.tasks import ImmediateExecutor, Task, drain_writes


@pytest.fixture
def bench(data_dir: Path) -> Iterator[Workbench]:
    with Store.open() as store:
        yield Workbench(store)


@pytest.fixture
def review(bench: Workbench, park_standard_path: Path) -> Review:
    opened = bench.open_review(
        "PKG-W", "SHA256:w", package_path="/w.rvpkg", standard=load_standard(park_standard_path)
    )
    bench.declare(opened, Conflict.NONE)
    bench.accept_pledge(opened)
    return opened


def test_writes_run_in_order_on_one_other_thread(qtbot, bench: Workbench, review: Review) -> None:
    owner = QObject()
    threads: set[int] = set()
    saved: list[tuple[str, object]] = []

    def write(value: str):
        def run(b: Workbench, r: Review) -> Decimal | None:
            threads.add(threading.get_ident())
            return b.set_score(r, "1.1", value)

        return run

    values = [str(Decimal(i) / 2) for i in range(1, 17)]
    for v in values:
        Task(owner, lambda _p, v=v: review_edits.save(bench, review, write(v)), writes=True).on_success(
            lambda result, v=v: saved.append((v, result.state.scores.get("1.1")))
        ).run()
    qtbot.waitUntil(lambda: len(saved) == len(values), timeout=10000)
    assert [v for v, _ in saved] == values  # delivered in submission order
    assert [str(score) for _, score in saved] == [str(Decimal(v).normalize()) for v in values]
    assert len(threads) == 1 and threading.get_ident() not in threads
    assert bench.snapshot(review).scores["1.1"] == 8


def test_an_error_goes_to_its_own_caller_and_later_writes_still_run(
    qtbot, bench: Workbench, review: Review
) -> None:
    owner = QObject()
    failures: list[BaseException] = []
    saved: list[str] = []
    Task(
        owner,
        lambda _p: review_edits.save(bench, review, lambda b, r: b.set_score(r, "1.1", "6.3")),
        writes=True,
    ).on_success(lambda _s: saved.append("bad")).on_failure(failures.append).run()
    Task(
        owner,
        lambda _p: review_edits.save(bench, review, lambda b, r: b.set_score(r, "1.2", "3")),
        writes=True,
    ).on_success(lambda _s: saved.append("good")).run()
    drain_writes()  # waits for the lane and delivers: what closing a window does
    assert saved == ["good"] and len(failures) == 1 and isinstance(failures[0], OffStep)
    assert dict(bench.snapshot(review).scores) == {"1.2": Decimal(3)}


def test_a_failure_nobody_handles_is_shown(qtbot, bench: Workbench, review: Review, monkeypatch) -> None:
    shown: list[BaseException] = []
    monkeypatch.setattr(errors, "report", lambda parent, exc: shown.append(exc))
    owner = QObject()
    Task(
        owner,
        lambda _p: review_edits.save(bench, review, lambda b, r: b.set_score(r, "1.1", "6.3")),
        ImmediateExecutor(),
        writes=True,
    ).run()
    assert len(shown) == 1 and isinstance(shown[0], OffStep)


def test_the_immediate_executor_delivers_before_run_returns_from_a_worker(
    bench: Workbench, review: Review
) -> None:
    owner = QObject()
    seen: list[Saved[object]] = []
    where: list[int] = []

    def edit(b: Workbench, r: Review) -> Decimal | None:
        where.append(threading.get_ident())
        return b.set_score(r, "2.1", "5.5")

    Task(
        owner, lambda _p: review_edits.save(bench, review, edit), ImmediateExecutor(), writes=True
    ).on_success(seen.append).run()
    assert [s.result for s in seen] == [Decimal("5.5")] and seen[0].state.scores["2.1"] == Decimal("5.5")
    assert where and where[0] != threading.get_ident()  # the guard holds in tests as in the app

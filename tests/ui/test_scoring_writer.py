"""The serial review writer: in order, off the GUI thread, every error delivered, a synchronous mode."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from reviewer.models import Store
from reviewer.models.workbench import Workbench
from reviewer.scoring.entry import OffStep
from reviewer.scoring.workbench_types import Conflict, Review
from reviewer.standards import load_standard
from reviewer.ui.review_writer import ReviewWriter


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
    writer = ReviewWriter(bench, review)
    threads: set[int] = set()
    saved: list[tuple[object, object]] = []
    busy: list[bool] = []
    writer.saved.connect(lambda tag, result, state: saved.append((tag, state.scores.get("1.1"))))
    writer.busy.connect(busy.append)

    def write(value: str):
        def run(b: Workbench, r: Review) -> Decimal | None:
            threads.add(threading.get_ident())
            return b.set_score(r, "1.1", value)

        return run

    values = [str(Decimal(i) / 2) for i in range(1, 17)]
    for v in values:
        writer.submit(write(v), tag=v)
    assert writer.pending == len(values)
    qtbot.waitUntil(lambda: writer.pending == 0, timeout=10000)
    writer.close()
    assert [tag for tag, _ in saved] == values  # delivered in submission order
    assert [str(score) for _, score in saved] == [str(Decimal(v).normalize()) for v in values]
    assert len(threads) == 1 and threading.get_ident() not in threads
    assert busy == [True, False] or (busy[0] is True and busy[-1] is False)
    assert bench.snapshot(review).scores["1.1"] == 8


def test_an_error_is_delivered_and_later_writes_still_run(qtbot, bench: Workbench, review: Review) -> None:
    writer = ReviewWriter(bench, review)
    failures: list[tuple[object, BaseException]] = []
    saved: list[object] = []
    writer.failed.connect(lambda tag, exc: failures.append((tag, exc)))
    writer.saved.connect(lambda tag, result, state: saved.append(tag))
    writer.submit(lambda b, r: b.set_score(r, "1.1", "6.3"), tag="bad")
    writer.submit(lambda b, r: b.set_score(r, "1.2", "3"), tag="good")
    qtbot.waitUntil(lambda: writer.pending == 0, timeout=10000)
    writer.close()
    assert [t for t, _ in failures] == ["bad"] and isinstance(failures[0][1], OffStep)
    assert saved == ["good"]
    assert dict(bench.snapshot(review).scores) == {"1.2": Decimal(3)}


def test_synchronous_mode_delivers_before_submit_returns(bench: Workbench, review: Review) -> None:
    writer = ReviewWriter(bench, review, synchronous=True)
    seen: list[object] = []
    writer.saved.connect(lambda tag, result, state: seen.append((tag, result)))
    writer.submit(lambda b, r: b.set_score(r, "2.1", "5.5"), tag="x")
    assert seen == [("x", Decimal("5.5"))] and writer.pending == 0
    writer.close()
    with pytest.raises(RuntimeError):
        writer.submit(lambda b, r: None)

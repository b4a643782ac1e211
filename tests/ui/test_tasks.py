"""The background-work helper: results, failures and progress reach the GUI thread."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QObject, QThread
from PySide6.QtWidgets import QApplication

from reviewer.errors import InvalidInput
from reviewer.i18n import T
from reviewer.ui.tasks import ImmediateExecutor, PoolExecutor, Task


@pytest.fixture
def owner(qapp) -> QObject:
    return QObject()


def test_success_is_delivered_synchronously_with_the_immediate_executor(owner) -> None:
    got, failed = [], []
    Task(owner, lambda progress: 6 * 7, ImmediateExecutor()).on_success(got.append).on_failure(
        failed.append
    ).run()
    assert got == [42]
    assert failed == []


def test_failure_is_delivered_and_not_raised(owner) -> None:
    got, failed = [], []
    error = InvalidInput(T("坏", "bad"))

    def fail(progress):
        raise error

    Task(owner, fail, ImmediateExecutor()).on_success(got.append).on_failure(failed.append).run()
    assert got == []
    assert failed == [error]


def test_progress_is_reported_in_order(owner) -> None:
    seen = []

    def work(progress):
        for i in range(3):
            progress(i + 1, 3, f"step {i + 1}")
        return "done"

    Task(owner, work, ImmediateExecutor()).on_progress(lambda d, t, text: seen.append((d, t, text))).run()
    assert seen == [(1, 3, "step 1"), (2, 3, "step 2"), (3, 3, "step 3")]


def test_work_runs_off_the_gui_thread_and_callbacks_on_it(qtbot, owner) -> None:
    gui = QApplication.instance().thread()
    worker_threads, callback_threads, progress_threads = [], [], []

    def work(progress):
        worker_threads.append(threading.get_ident())
        progress(1, 1)
        return "ok"

    task = (
        Task(owner, work, PoolExecutor())
        .on_progress(lambda *_: progress_threads.append(QThread.currentThread()))
        .on_success(lambda result: callback_threads.append((QThread.currentThread(), result)))
    )
    with qtbot.waitSignal(task.finished, timeout=10_000):
        task.run()
    assert worker_threads and worker_threads[0] != threading.get_ident()
    assert callback_threads == [(gui, "ok")]
    assert progress_threads == [gui]


def test_failure_from_a_worker_thread_reaches_the_gui_thread(qtbot, owner) -> None:
    gui = QApplication.instance().thread()
    failures = []

    def work(progress):
        raise ValueError("boom")

    task = Task(owner, work, PoolExecutor()).on_failure(
        lambda exc: failures.append((QThread.currentThread(), exc))
    )
    with qtbot.waitSignal(task.finished, timeout=10_000):
        task.run()
    assert len(failures) == 1
    assert failures[0][0] == gui
    assert isinstance(failures[0][1], ValueError) and str(failures[0][1]) == "boom"

"""The one way the GUI does slow work: :class:`Task`, run off the GUI thread.

Modelled on Anki's ``CollectionOp`` and Electrum's ``TaskThread``::

    Task(self, lambda progress: load_standard(path)).on_success(self.show).on_failure(self.report).run()

``fn`` runs on a worker thread and receives a ``progress(done, total, text="")`` function. It must
not touch any widget. Its result, its exception or its progress reach the callbacks on the GUI
thread through queued signals. Tests pass :class:`ImmediateExecutor` to run ``fn`` synchronously.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

Progress = Callable[..., None]


class Executor(Protocol):
    def submit(self, job: Callable[[], None]) -> None: ...


class _Runnable(QRunnable):
    def __init__(self, job: Callable[[], None]) -> None:
        super().__init__()
        self._job = job

    def run(self) -> None:
        self._job()


class PoolExecutor:
    """Runs jobs on a :class:`QThreadPool` (the global one unless given)."""

    def __init__(self, pool: QThreadPool | None = None) -> None:
        self._pool = pool or QThreadPool.globalInstance()

    def submit(self, job: Callable[[], None]) -> None:
        self._pool.start(_Runnable(job))


class ImmediateExecutor:
    """Runs each job at once on the calling thread (for tests and scripts)."""

    def submit(self, job: Callable[[], None]) -> None:
        job()


# Tasks in flight, kept alive until their result has been delivered.
_running: set[Task] = set()


class Task(QObject):
    """One piece of background work with success, failure and progress callbacks."""

    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int, str)
    finished = Signal()

    def __init__(
        self, parent: QObject, fn: Callable[[Progress], Any], executor: Executor | None = None
    ) -> None:
        super().__init__(parent)
        self._fn = fn
        self._executor = executor or PoolExecutor()
        self._success: list[Callable[[Any], None]] = []
        self._failure: list[Callable[[BaseException], None]] = []
        self._progress: list[Callable[[int, int, str], None]] = []
        # The receivers are this object's own slots: it lives on the GUI thread, so a signal
        # emitted from the worker is queued and the callbacks run on the GUI thread.
        self.succeeded.connect(self._deliver_success)
        self.failed.connect(self._deliver_failure)
        self.progressed.connect(self._deliver_progress)

    def on_success(self, cb: Callable[[Any], None]) -> Task:
        self._success.append(cb)
        return self

    def on_failure(self, cb: Callable[[BaseException], None]) -> Task:
        self._failure.append(cb)
        return self

    def on_progress(self, cb: Callable[[int, int, str], None]) -> Task:
        self._progress.append(cb)
        return self

    def run(self) -> Task:
        _running.add(self)
        self._executor.submit(self._work)
        return self

    # --- worker thread ----------------------------------------------------------------------
    def _report(self, done: int, total: int, text: str = "") -> None:
        self._emit(self.progressed, int(done), int(total), str(text))

    def _work(self) -> None:
        try:
            result = self._fn(self._report)
        except BaseException as exc:  # delivered, never swallowed: the failure callback decides
            self._emit(self.failed, exc)
        else:
            self._emit(self.succeeded, result)

    def _emit(self, signal: Any, *args: Any) -> None:
        try:
            signal.emit(*args)
        except RuntimeError:  # the parent (and so this task) was deleted while the work ran
            log.debug("task result dropped: its window is gone")
            _running.discard(self)

    # --- GUI thread -------------------------------------------------------------------------
    @Slot(int, int, str)
    def _deliver_progress(self, done: int, total: int, text: str) -> None:
        for cb in self._progress:
            cb(done, total, text)

    @Slot(object)
    def _deliver_success(self, result: Any) -> None:
        try:
            for cb in self._success:
                cb(result)
        finally:
            self._done()

    @Slot(object)
    def _deliver_failure(self, exc: BaseException) -> None:
        try:
            if not self._failure:
                log.error("background task failed", exc_info=exc)
            for cb in self._failure:
                cb(exc)
        finally:
            self._done()

    def _done(self) -> None:
        _running.discard(self)
        self.finished.emit()
        self.deleteLater()

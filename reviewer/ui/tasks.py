"""The one way the GUI runs work: :class:`Task`, always off the GUI thread.

Modelled on Anki's ``CollectionOp``/``QueryOp`` (one way to run work, failures shown by default),
Picard's one-thread save pool and Electrum's serial task queue::

    Task(self, lambda progress: load_standard(path)).on_success(self.show).run()
    Task(self, lambda _p: edits.save(bench, review, edit), writes=True).on_success(self.saved).run()

``fn`` is an operation of :mod:`reviewer.app` (or a core call): it runs on a worker thread, receives
a ``progress(done, total, text="")`` function, and must not touch any widget. Its result, its
exception and its progress reach the callbacks on the GUI thread through queued signals.

Two lanes:

* **reads and heavy work** (the default) run on a thread pool, side by side;
* **writes** (``writes=True``) run on ONE worker, in the order they were submitted, so an expert's
  edits reach the store as typed, whatever window or page sent them.

A failure goes to the task's own failure callbacks; a task without one shows it through the one
error path (:func:`reviewer.ui.dialogs.errors.report`), so no failure is shown by nobody.

The executor is injectable: tests pass :class:`ImmediateExecutor`, which still runs the work on a
worker thread (the GUI-thread guard, :mod:`reviewer.gui_thread`, holds in tests as in the app)
but waits for it and delivers its result before :meth:`Task.run` returns.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

Progress = Callable[..., None]
T = TypeVar("T")


class Executor(Protocol):
    def submit(self, job: Callable[[], None], *, serial: bool = False) -> None: ...


class _Runnable(QRunnable):
    def __init__(self, job: Callable[[], None]) -> None:
        super().__init__()
        self._job = job

    def run(self) -> None:
        self._job()


_writes_lock = threading.Lock()
_writes: ThreadPoolExecutor | None = None


def _write_lane() -> ThreadPoolExecutor:
    """The process's one serial worker for writes (created on first use)."""
    global _writes
    with _writes_lock:
        if _writes is None:
            _writes = ThreadPoolExecutor(max_workers=1, thread_name_prefix="reviewer-writes")
        return _writes


class PoolExecutor:
    """Reads and heavy work on a :class:`QThreadPool` (the global one unless given); writes on the
    process's one serial worker."""

    def __init__(self, pool: QThreadPool | None = None) -> None:
        self._pool = pool or QThreadPool.globalInstance()

    def submit(self, job: Callable[[], None], *, serial: bool = False) -> None:
        if serial:
            _write_lane().submit(job)
        else:
            self._pool.start(_Runnable(job))


class ImmediateExecutor:
    """For tests and scripts: each job runs at once on a worker thread, and :meth:`submit` returns
    only when it has finished and its result has been delivered on the calling thread."""

    def __init__(self) -> None:
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="reviewer-immediate")

    def submit(self, job: Callable[[], None], *, serial: bool = False) -> None:
        self._worker.submit(job).result()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.MetaCall)


def drain_writes() -> None:
    """Wait until every write submitted so far has run, and deliver the results now (closing a
    window does not wait for the event loop: a failure of the last write is still seen)."""
    lane = _writes
    if lane is not None:
        lane.submit(lambda: None).result()  # one worker, in order: everything before it is done
    QCoreApplication.sendPostedEvents(None, QEvent.Type.MetaCall)


# Tasks in flight, kept alive until their result has been delivered.
_running: set[Task[Any]] = set()


class Task(QObject, Generic[T]):
    """One piece of work off the GUI thread, with success, failure and progress callbacks."""

    succeeded = Signal(object)  # T (a signal cannot carry a type variable)
    failed = Signal(BaseException)
    progressed = Signal(int, int, str)
    finished = Signal()

    def __init__(
        self,
        parent: QObject,
        fn: Callable[[Progress], T],
        executor: Executor | None = None,
        *,
        writes: bool = False,
    ) -> None:
        super().__init__(parent)
        self._fn = fn
        self._executor = executor or PoolExecutor()
        self._serial = writes
        self._success: list[Callable[[T], None]] = []
        self._failure: list[Callable[[BaseException], None]] = []
        self._progress: list[Callable[[int, int, str], None]] = []
        # The receivers are this object's own slots: it lives on the GUI thread, so a signal
        # emitted from the worker is queued and the callbacks run on the GUI thread.
        self.succeeded.connect(self._deliver_success)
        self.failed.connect(self._deliver_failure)
        self.progressed.connect(self._deliver_progress)

    def on_success(self, cb: Callable[[T], None]) -> Task[T]:
        self._success.append(cb)
        return self

    def on_failure(self, cb: Callable[[BaseException], None]) -> Task[T]:
        """Handle a failure here; without any, the failure is shown through the one error path."""
        self._failure.append(cb)
        return self

    def on_progress(self, cb: Callable[[int, int, str], None]) -> Task[T]:
        self._progress.append(cb)
        return self

    def run(self) -> Task[T]:
        _running.add(self)
        self._executor.submit(self._work, serial=self._serial)
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
    def _deliver_success(self, result: T) -> None:
        try:
            for cb in self._success:
                cb(result)
        finally:
            self._done()

    @Slot(BaseException)
    def _deliver_failure(self, exc: BaseException) -> None:
        try:
            if self._failure:
                for cb in self._failure:
                    cb(exc)
            else:
                from reviewer.ui.dialogs import errors

                parent = self.parent()
                errors.report(parent if isinstance(parent, QWidget) else None, exc)
        finally:
            self._done()

    def _done(self) -> None:
        _running.discard(self)
        self.finished.emit()
        self.deleteLater()

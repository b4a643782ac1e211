"""One serial background writer for a review: the GUI never waits for the store's fsync.

Every change the expert makes is a :class:`~reviewer.models.workbench.Workbench` call, committed
and fsynced before it returns. :class:`ReviewWriter` runs those calls on ONE worker thread, in the
order they were submitted, and hands each result (or error) back to the GUI thread by signal::

    writer = ReviewWriter(bench, review)
    writer.saved.connect(on_saved)           # (tag, result, state): after the write returned
    writer.failed.connect(on_failed)         # (tag, exception): nothing was written by that call
    writer.submit(lambda b, r: b.set_score(r, "1.1", "6.5"), tag=("score", "1.1"))

After each successful call the worker also reads a fresh :class:`ReviewState`, so the GUI shows
what is on disk without reading it itself. ``pending`` counts the calls not yet delivered; the
``busy`` signal flips when it leaves or reaches zero. Tests pass ``synchronous=True``: each call
then runs at once on the calling thread and its signal is emitted before :meth:`submit` returns.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal, Slot

from reviewer.models.workbench import Workbench
from reviewer.models.workbench_types import Review, ReviewState

log = logging.getLogger(__name__)

Write = Callable[[Workbench, Review], Any]


class ReviewWriter(QObject):
    saved = Signal(object, object, object)  # tag, the call's result, the ReviewState after it
    failed = Signal(object, object)  # tag, the exception
    busy = Signal(bool)  # True when the first write is queued, False when the last is delivered
    _done = Signal(object, object, object, object)  # worker -> GUI thread: tag, result, state, exc

    def __init__(
        self,
        bench: Workbench,
        review: Review,
        *,
        synchronous: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.bench = bench
        self.review = review
        self._pool = (
            None if synchronous else ThreadPoolExecutor(max_workers=1, thread_name_prefix="review-writer")
        )
        self._pending = 0
        self._closed = False
        # A slot of this object, which lives on the GUI thread: emitted from the worker, queued.
        self._done.connect(self._deliver)

    @property
    def pending(self) -> int:
        """Writes submitted whose result has not reached the GUI thread yet."""
        return self._pending

    def submit(self, write: Write, tag: object = None) -> None:
        """Queue ``write(bench, review)``; its result or error arrives by :attr:`saved` / :attr:`failed`."""
        if self._closed:
            raise RuntimeError("the review writer is closed")
        self._pending += 1
        if self._pending == 1:
            self.busy.emit(True)
        if self._pool is None:
            self._run(write, tag)
        else:
            self._pool.submit(self._run, write, tag)

    def _run(self, write: Write, tag: object) -> None:
        """On the worker thread: the write, then a fresh snapshot; never touches a widget."""
        try:
            result = write(self.bench, self.review)
            state = self.bench.snapshot(self.review)
        except BaseException as exc:  # delivered to the one error path, never swallowed
            self._emit(tag, None, None, exc)
        else:
            self._emit(tag, result, state, None)

    def _emit(self, *args: object) -> None:
        try:
            self._done.emit(*args)
        except RuntimeError:  # the writer was deleted while the write ran: the write itself is done
            log.debug("review writer gone; result of %r dropped", args[0])

    @Slot(object, object, object, object)
    def _deliver(
        self, tag: object, result: object, state: ReviewState | None, exc: BaseException | None
    ) -> None:
        self._pending -= 1
        try:
            if exc is not None:
                self.failed.emit(tag, exc)
            else:
                self.saved.emit(tag, result, state)
        finally:
            if self._pending == 0:
                self.busy.emit(False)

    def drain(self) -> None:
        """Wait for every queued write and deliver its result now, on this (GUI) thread: closing
        does not wait for the event loop, so a failure of the last write is still seen."""
        if self._pool is not None:
            self._pool.submit(lambda: None).result()  # one worker, in order: all before it are done
        QCoreApplication.sendPostedEvents(self, QEvent.Type.MetaCall)

    def close(self) -> None:
        """Finish every queued write (they are the expert's work), deliver their results, stop."""
        self._closed = True
        if self._pool is not None:
            self._pool.shutdown(wait=True)
        QCoreApplication.sendPostedEvents(self, QEvent.Type.MetaCall)

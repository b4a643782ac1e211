"""The rule that keeps the window alive: no database connection is taken on the GUI thread.

The GUI arms the guard on its own thread at start (:func:`arm`). From then on, every connection a
store or the registry checks out of its pool on that thread (an ORM session's first query, a
migration, a raw read) is caught by one SQLAlchemy pool listener: in the app it is logged with the
stack (the person's work goes on, merely slower), under the test suite it raises
:class:`GuiThreadIO` (``strict=True``), so a new path that reads the store on the GUI thread fails
its test instead of freezing a window in the field.

Work that legitimately runs on the GUI thread's behalf (a test setting up its data before the
window exists) says so with :func:`allowed`.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event
from sqlalchemy.pool import Pool

log = logging.getLogger(__name__)

_state = threading.local()  # .allowed: depth of `allowed()` blocks on this thread
_armed: dict[str, Any] = {"ident": None, "strict": False}


class GuiThreadIO(RuntimeError):
    """A programming error: store or registry I/O on the GUI thread (run it through a task)."""


def arm(*, strict: bool, ident: int | None = None) -> None:
    """Forbid database connections on the calling thread (or ``ident``); ``strict`` raises."""
    _armed["ident"] = threading.get_ident() if ident is None else ident
    _armed["strict"] = strict
    if not event.contains(Pool, "checkout", _on_checkout):
        event.listen(Pool, "checkout", _on_checkout)
        event.listen(Pool, "connect", _on_connect)


def disarm() -> None:
    _armed["ident"] = None


def armed() -> bool:
    return _armed["ident"] is not None


@contextmanager
def allowed() -> Iterator[None]:
    """Database work on the GUI thread that is not the window's (test set-up, process exit)."""
    _state.allowed = getattr(_state, "allowed", 0) + 1
    try:
        yield
    finally:
        _state.allowed -= 1


def check(what: str) -> None:
    """Refuse (strict) or log ``what`` when it happens on the armed thread outside :func:`allowed`."""
    if _armed["ident"] != threading.get_ident() or getattr(_state, "allowed", 0):
        return
    message = f"{what} on the GUI thread: run it through reviewer.ui.tasks (a worker), never here"
    if _armed["strict"]:
        raise GuiThreadIO(message)
    log.warning(message, stack_info=True)


def _on_checkout(_dbapi: object, _record: object, _proxy: object) -> None:
    check("a database connection checked out")


def _on_connect(_dbapi: object, _record: object) -> None:
    check("a database connection opened")

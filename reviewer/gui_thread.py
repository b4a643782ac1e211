"""The rule that keeps the window alive: no database connection is taken on the GUI thread.

The GUI arms the guard on its own thread at start (:func:`arm`). From then on, every connection a
store or the registry checks out of its pool on that thread (an ORM session's first query, a
migration, a raw read) is caught by the pool listener every engine gets when it is made
(:func:`watch`, called by :func:`reviewer.models.db.make_engine`; arming imports no SQLAlchemy): in the app it is logged with the
stack (the person's work goes on, merely slower), under the test suite it raises
:class:`GuiThreadIO` (``strict=True``), so a new path that reads the store on the GUI thread fails
its test instead of freezing a window in the field.

``scope`` (a folder: the GUI's own package) narrows the rule to connections taken on behalf of code
in that folder, found on the call stack: a test that builds its data or checks the store directly
on the main thread is not the window reading it. Anything else that must run there says so with
:func:`allowed`.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from types import FrameType

    from sqlalchemy import Engine

log = logging.getLogger(__name__)

_state = threading.local()  # .allowed: depth of `allowed()` blocks on this thread
_armed: dict[str, Any] = {"ident": None, "strict": False, "scope": None}


class GuiThreadIO(RuntimeError):
    """A programming error: store or registry I/O on the GUI thread (run it through a task)."""


def arm(*, strict: bool, scope: str | None = None, ident: int | None = None) -> None:
    """Forbid database connections on the calling thread (or ``ident``) taken on behalf of code under
    the folder ``scope`` (any code when None); ``strict`` raises, else it is logged."""
    _armed["ident"] = threading.get_ident() if ident is None else ident
    _armed["strict"] = strict
    _armed["scope"] = scope


def watch(engine: Engine) -> None:
    """Give ``engine``'s pool the guard's listeners (every engine the app makes has them)."""
    from sqlalchemy import event

    event.listen(engine, "checkout", _on_checkout)
    event.listen(engine, "connect", _on_connect)


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
    scope = _armed["scope"]
    if scope is not None and not _called_from(scope):
        return
    message = f"{what} on the GUI thread: run it through reviewer.ui.tasks (a worker), never here"
    if _armed["strict"]:
        raise GuiThreadIO(message)
    log.warning(message, stack_info=True)


def _on_checkout(_dbapi: object, _record: object, _proxy: object) -> None:
    check("a database connection checked out")


def _on_connect(_dbapi: object, _record: object) -> None:
    check("a database connection opened")


def _called_from(folder: str) -> bool:
    frame: FrameType | None = sys._getframe(2)
    while frame is not None:
        if frame.f_code.co_filename.startswith(folder):
            return True
        frame = frame.f_back
    return False

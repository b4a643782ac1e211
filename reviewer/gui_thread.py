"""The rule that keeps the window alive: no database connection is taken, and no file opened, on the
GUI thread.

The GUI arms the guard on its own thread at start (:func:`arm`). From then on, every connection a
store or the registry checks out of its pool on that thread (an ORM session's first query, a
migration, a raw read) is caught by the pool listener every engine gets when it is made
(:func:`watch`, called by :func:`reviewer.models.db.make_engine`; arming imports no SQLAlchemy): in the app it is logged with the
stack (the person's work goes on, merely slower), under the test suite it raises
:class:`GuiThreadIO` (``strict=True``), so a new path that reads the store on the GUI thread fails
its test instead of freezing a window in the field.

Files are watched the same way, through Python's audit hook for ``open`` (installed once, when the
guard is first armed): a file the window opens itself (a ledger, a candidate file, a sheet) waits on
the disk, which on a laptop during a site visit may be a slow USB stick. Imports are not counted
(the modules the window needs are imported, or prefetched on a worker, before it needs them), nor
files opened by Qt itself (its C++ is not audited).

``scope`` (a folder: the GUI's own package) narrows the rule to connections taken on behalf of code
in that folder, found on the call stack: a test that builds its data or checks the store directly
on the main thread is not the window reading it. Anything else that must run there says so with
:func:`allowed`.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from types import FrameType

    from sqlalchemy import Engine

log = logging.getLogger(__name__)

_SOURCE = (".py", ".pyc")
_state = threading.local()  # .allowed: depth of `allowed()` blocks on this thread
_armed: dict[str, Any] = {"ident": None, "strict": False, "scope": None}


class GuiThreadIO(RuntimeError):
    """A programming error: store or registry I/O on the GUI thread (run it through a task)."""


def arm(*, strict: bool, scope: str | None = None, ident: int | None = None) -> None:
    """Forbid database connections on the calling thread (or ``ident``) taken on behalf of code under
    the folder ``scope`` (any code when None); ``strict`` raises, else it is logged. A lenient arming
    never loosens a strict guard already armed on that thread (the test suite's, when a test starts
    the app)."""
    ident = threading.get_ident() if ident is None else ident
    if _armed["ident"] == ident and _armed["strict"] and not strict:
        return
    _armed["ident"] = ident
    _armed["strict"] = strict
    _armed["scope"] = scope
    if not _armed.get("hooked"):
        _armed["hooked"] = True
        sys.addaudithook(_on_audit)


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


@contextmanager
def watched() -> Iterator[None]:
    """The rule again inside an :func:`allowed` block (the window a self-test opens within its own
    set-up)."""
    depth = getattr(_state, "allowed", 0)
    _state.allowed = 0
    try:
        yield
    finally:
        _state.allowed = depth


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
    with allowed():  # logging the stack reads the source files
        log.warning(message, stack_info=True)


def _on_checkout(_dbapi: object, _record: object, _proxy: object) -> None:
    check("a database connection checked out")


def _on_connect(_dbapi: object, _record: object) -> None:
    check("a database connection opened")


def _on_audit(event: str, args: tuple[Any, ...]) -> None:
    if event != "open" or _armed["ident"] != threading.get_ident() or getattr(_state, "allowed", 0):
        return
    path = args[0] if args else None
    if not isinstance(path, (str, bytes)) or _importing():
        return  # a file descriptor (already open), or an import
    if os.fsdecode(path).endswith(_SOURCE):
        return  # a module's source, read for its import or a traceback (PySide reads it once)
    check(f"the file {path!r} opened")


def _importing() -> bool:
    frame: FrameType | None = sys._getframe(2)
    while frame is not None:
        if frame.f_code.co_filename.startswith("<frozen importlib"):
            return True
        frame = frame.f_back
    return False


def _called_from(folder: str) -> bool:
    frame: FrameType | None = sys._getframe(2)
    while frame is not None:
        if frame.f_code.co_filename.startswith(folder):
            return True
        frame = frame.f_back
    return False

"""The undo and redo stacks: kept in ``undo_stack`` as the log is written, so a save never replays it.

Each stack is rows ``(review_id, stack, position, audit_id)``; the top is the largest position (the
primary key's index answers it). :func:`step` applies one new audit entry to the stacks, in the
transaction that writes the entry (``workbench_slots.record`` calls it), exactly as :func:`replay`
would: a change pushes on undo and clears redo; an undo moves its target from undo to redo (a no-op
when the target is not on the undo stack: older logs stepped back past barriers); a redo moves it
back; a lock or an unlock clears both; a declaration change that leaves the declarations complete
clears both. :func:`replay` is the original algorithm over the whole log: the migration that made
the table fills it with one replay per review (revision 0007), and the tests hold :func:`step` to it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from reviewer.models.orm import AuditRow, UndoStackRow
from reviewer.scoring.workbench_types import Conflict

UNDOABLE = ("set", "undo", "redo")  # the actions that write a slot's value
DECLARATIONS = ("conflict", "pledge")

# One log entry as the replay needs it: id, action, target id, entity, key, new value (parsed JSON;
# only a declaration's is ever looked at).
Entry = tuple[int, str, int | None, str, str, Any]


def declarations_complete(values: dict[str, Any]) -> bool:
    """Both declarations made: a conflict answered (none or declared) and the pledge accepted."""
    conflict, pledge = values.get("conflict"), values.get("pledge")
    return (
        isinstance(conflict, dict)
        and conflict.get("conflict") in (Conflict.NONE.value, Conflict.DECLARED.value)
        and isinstance(pledge, dict)
        and bool(pledge.get("accepted"))
    )


def replay(entries: Iterable[Entry]) -> tuple[list[int], list[int]]:
    """The undo and redo stacks (audit ids of ``set`` entries, oldest first) after ``entries``.

    A change pushes on undo and clears redo; an undo moves its target from undo to redo, a redo
    back. Barriers clear both (nothing before them can be undone): a lock or an unlock (a signed
    version), and a declaration change that leaves the declarations complete — confirming them
    is part of the signed sheet, so undo never reaches back to them or past them.
    """
    undo: list[int] = []
    redo: list[int] = []
    declared: dict[str, Any] = {}
    for entry_id, action, target, entity, key, new in entries:
        if action == "set":
            undo.append(entry_id)
            redo.clear()
        elif action == "undo":
            if target in undo:  # else it stepped back past a barrier, under older rules
                undo.remove(target)
                redo.append(target)
        elif action == "redo":
            if target in redo:
                redo.remove(target)
                undo.append(target)
        else:
            undo.clear()
            redo.clear()
        if entity == "declaration" and action in UNDOABLE:
            declared[key] = new
            if declarations_complete(declared):
                undo.clear()
                redo.clear()
    return undo, redo


def replay_stacks(session: Session, review_id: int) -> tuple[list[int], list[int]]:
    """The stacks replayed from the review's whole log (opens every declaration value): the oracle."""
    rows = session.execute(
        select(AuditRow.id, AuditRow.action, AuditRow.target_id, AuditRow.entity, AuditRow.key,
               AuditRow.new_value)
        .where(AuditRow.review_id == review_id)
        .order_by(AuditRow.id)
    )  # fmt: skip
    return replay((i, a, t, e, k, _loads(v) if e == "declaration" else None) for i, a, t, e, k, v in rows)


def kept_stacks(session: Session, review_id: int) -> tuple[list[int], list[int]]:
    """The stacks as ``undo_stack`` keeps them, oldest first (for tests and checks; saves read tops)."""
    rows = session.execute(
        select(UndoStackRow.stack, UndoStackRow.audit_id)
        .where(UndoStackRow.review_id == review_id)
        .order_by(UndoStackRow.stack, UndoStackRow.position)
    )
    out: dict[str, list[int]] = {"undo": [], "redo": []}
    for stack, audit_id in rows:
        out[stack].append(audit_id)
    return out["undo"], out["redo"]


def top(session: Session, review_id: int, stack: str) -> int | None:
    """The audit id on top of ``stack`` (``"undo"`` or ``"redo"``), ``None`` when it is empty."""
    return session.scalar(
        select(UndoStackRow.audit_id)
        .where(UndoStackRow.review_id == review_id, UndoStackRow.stack == stack)
        .order_by(UndoStackRow.position.desc())
        .limit(1)
    )


def rebuild(session: Session, review_id: int) -> None:
    """Refill the review's stacks from one replay of its log (positions 1..n: below any later push)."""
    undo, redo = replay_stacks(session, review_id)
    _clear(session, review_id)
    session.add_all(
        UndoStackRow(review_id=review_id, stack=name, position=n, audit_id=audit_id)
        for name, ids in (("undo", undo), ("redo", redo))
        for n, audit_id in enumerate(ids, 1)
    )
    session.flush()


def step(session: Session, entry: AuditRow) -> None:
    """Apply the new (flushed) audit ``entry`` to its review's stacks, as :func:`replay` would."""
    rid, action = entry.review_id, entry.action
    if action == "set":
        _clear(session, rid, "redo")
        _push(session, rid, "undo", entry.id, entry.id)
    elif action in ("undo", "redo"):
        source, target = ("undo", "redo") if action == "undo" else ("redo", "undo")
        moved = session.execute(
            delete(UndoStackRow).where(
                UndoStackRow.review_id == rid,
                UndoStackRow.stack == source,
                UndoStackRow.audit_id == entry.target_id,
            )
        ).rowcount  # type: ignore[attr-defined]  # a DELETE's result is a CursorResult
        if moved:
            _push(session, rid, target, entry.id, entry.target_id)
    else:
        _clear(session, rid)
    if entry.entity == "declaration" and action in UNDOABLE:
        declared = {entry.key: _loads(entry.new_value)}
        for key in DECLARATIONS:
            if key != entry.key:
                declared[key] = _last_declared(session, rid, key)
        if declarations_complete(declared):
            _clear(session, rid)
    session.flush()


def _last_declared(session: Session, review_id: int, key: str) -> Any:
    """The value the log last wrote to a declaration (one row opened); ``None`` if never written."""
    value = session.scalar(
        select(AuditRow.new_value)
        .where(
            AuditRow.review_id == review_id,
            AuditRow.entity == "declaration",
            AuditRow.key == key,
            AuditRow.action.in_(UNDOABLE),
        )
        .order_by(AuditRow.id.desc())
        .limit(1)
    )
    return _loads(value)


def _push(session: Session, review_id: int, stack: str, position: int, audit_id: int | None) -> None:
    session.add(UndoStackRow(review_id=review_id, stack=stack, position=position, audit_id=audit_id))


def _clear(session: Session, review_id: int, stack: str | None = None) -> None:
    query = delete(UndoStackRow).where(UndoStackRow.review_id == review_id)
    if stack is not None:
        query = query.where(UndoStackRow.stack == stack)
    session.execute(query)


def _loads(text: str | None) -> Any:
    return None if text is None else json.loads(text)

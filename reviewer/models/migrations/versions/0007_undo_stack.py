"""The undo and redo stacks kept in ``undo_stack`` instead of replayed from the log on every save.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04

Before, every save, undo and snapshot replayed the review's whole audit log (opening every sealed
value) to find the top of each stack: 100k edits cost a quarter of a second per save. Now
``workbench_slots.record`` moves the stacks in the transaction that writes each audit row, and a
save reads only the tops (``undo_stacks.top``).

Existing reviews get their stacks from one replay of their log (``undo_stacks.replay``, the same
algorithm the app used until now). A migration runs without keys, so a declaration's value is read
when it is in the clear, and otherwise known from what the app can write: a ``set`` of the conflict
declaration always answers it (``none`` or ``declared``) and a ``set`` of the pledge always accepts
it; an ``undo`` writes back what its target replaced (the value before that ``set``, the replay's
own running value), a ``redo`` what its target wrote. Only whether the declarations are complete is
looked at, so the replay gives the same stacks. Downgrading drops the table (nothing is lost: the
log is unchanged).
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import context, op

from reviewer.models.undo_stacks import UNDOABLE, replay

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_SEALED = "rvs1:"  # reviewer.models.sealed.TEXT_PREFIX


def _table() -> sa.Table:
    return sa.Table(
        "undo_stack",
        sa.MetaData(),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("stack", sa.String(length=4), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("audit_id", sa.Integer(), nullable=False),
    )


def upgrade() -> None:
    op.create_table(
        "undo_stack",
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("stack", sa.String(length=4), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("audit_id", sa.Integer(), nullable=False),
        sa.CheckConstraint("stack IN ('undo', 'redo')", name=op.f("ck_undo_stack_stack")),
        sa.ForeignKeyConstraint(
            ["audit_id"], ["audit_log.id"], name=op.f("fk_undo_stack_audit_id_audit_log")
        ),
        sa.ForeignKeyConstraint(["review_id"], ["reviews.id"], name=op.f("fk_undo_stack_review_id_reviews")),
        sa.PrimaryKeyConstraint("review_id", "stack", "position", name=op.f("pk_undo_stack")),
        sa.UniqueConstraint("review_id", "audit_id", name=op.f("uq_undo_stack_review_id_audit_id")),
    )
    if context.is_offline_mode():  # ``sql`` rendering: the schema only, no rows to read
        return
    bind = op.get_bind()
    table = _table()
    for (review_id,) in bind.execute(sa.text("SELECT id FROM reviews ORDER BY id")).all():
        rows = bind.execute(
            sa.text(
                "SELECT id, action, target_id, entity, key, "
                "CASE WHEN entity = 'declaration' THEN new_value END "
                "FROM audit_log WHERE review_id = :r ORDER BY id"
            ),
            {"r": review_id},
        )
        undo, redo = replay(_declarations_known(rows))
        values = [
            {"review_id": review_id, "stack": name, "position": n, "audit_id": audit_id}
            for name, ids in (("undo", undo), ("redo", redo))
            for n, audit_id in enumerate(ids, 1)
        ]
        if values:
            bind.execute(table.insert(), values)


def _declarations_known(rows: Any) -> Any:
    """The log's entries, each declaration's value read in the clear or known by what wrote it."""
    import json

    complete = {"conflict": False, "pledge": False}  # nothing declared before the first entry
    before: dict[int, bool] = {}  # a declaration set's id → was its slot answered before it
    after: dict[int, bool] = {}  # a declaration set's id → answered by it
    for entry_id, action, target, entity, key, text in rows:
        value: Any = None
        if entity == "declaration" and action in UNDOABLE and key in complete:
            if text is not None and not text.startswith(_SEALED):
                value = json.loads(text)
                answered = _answered(key, value)
            elif action == "set":
                answered = True
            elif action == "undo":
                answered = before.get(target, False)
            else:
                answered = after.get(target, True)
            if action == "set":
                before[entry_id], after[entry_id] = complete[key], answered
            complete[key] = answered
            if value is None:
                value = _standing_for(key, answered)
        yield entry_id, action, target, entity, key, value


def _answered(key: str, value: Any) -> bool:
    if not isinstance(value, dict):
        return False
    if key == "conflict":
        return value.get("conflict") in ("none", "declared")
    return bool(value.get("accepted"))


def _standing_for(key: str, answered: bool) -> dict[str, Any]:
    if key == "conflict":
        return {"conflict": "none" if answered else "undeclared", "reason": None}
    return {"accepted": answered, "at": None}


def downgrade() -> None:
    op.drop_table("undo_stack")

"""汇报、质询答辩 (a presentation with questioning) as a site-visit activity of ``site_notes``.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05

The activity's CHECK constraint gains ``presentation_questioning``. SQLite changes a CHECK only by
copying the table (batch mode, from the table as revision 0002 made it, so the migration also
renders as SQL). Downgrading first removes the notes taken for the new activity (an older release
does not know it), then restores the old constraint.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

OLD = ("document_review", "site_inspection", "key_interview", "themed_forum")
NEW = (*OLD, "presentation_questioning")


def _notes(activities: tuple[str, ...]) -> sa.Table:
    allowed = ", ".join(f"'{a}'" for a in activities)
    return sa.Table(
        "site_notes",
        sa.MetaData(),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("activity", sa.String(length=32), nullable=False),
        sa.Column("codes", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("noted_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_site_notes"),
        sa.ForeignKeyConstraint(["review_id"], ["reviews.id"], name="fk_site_notes_review_id_reviews"),
        sa.CheckConstraint(f"activity IN ({allowed})", name="ck_site_notes_activity"),
        sa.Index("ix_site_notes_review_id", "review_id"),
        sqlite_autoincrement=True,
    )


def _recreate(activities: tuple[str, ...]) -> None:
    """Copy ``site_notes`` into the table as defined here, with the CHECK allowing ``activities``."""
    with op.batch_alter_table("site_notes", copy_from=_notes(activities), recreate="always"):
        pass


def upgrade() -> None:
    _recreate(NEW)


def downgrade() -> None:
    op.execute("DELETE FROM site_notes WHERE activity = 'presentation_questioning'")
    _recreate(OLD)

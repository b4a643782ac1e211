"""One current result per package: a partial unique index, after repairing what a race left behind.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-04

Before this revision two desks importing versions 2 and 3 of one package's result at the same moment
on PostgreSQL (READ COMMITTED) could both mark their row current. The repair keeps the newest version
of each package current — what importing them one after the other gives — and queues every candidate
concerned in ``pending_rebuilds``: the registry rebuilds those candidates' derived tables (status
history, notices, publicity, stars) with its rules when it next opens the database (a migration does
not import the rules engine). Then ``uq_reviews_package_id_current`` — a unique index on
``package_id`` over the rows ``WHERE current`` (partial indexes exist on SQLite and PostgreSQL) — makes
a second current row impossible. Plain SQLAlchemy Core: portable to both.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

INDEX = "uq_reviews_package_id_current"


def upgrade() -> None:
    pending = op.create_table(
        "pending_rebuilds",
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["candidate_id"], ["candidates.id"], name=op.f("fk_pending_rebuilds_candidate_id_candidates")
        ),
        sa.PrimaryKeyConstraint("candidate_id", name=op.f("pk_pending_rebuilds")),
    )
    reviews = sa.table(
        "reviews",
        sa.column("candidate_id", sa.Integer),
        sa.column("package_id", sa.String),
        sa.column("bundle_version", sa.Integer),
        sa.column("current", sa.Boolean),
    )
    newer = reviews.alias("newer")
    superseded = (
        sa.select(newer.c.package_id)
        .where(
            newer.c.package_id == reviews.c.package_id,
            newer.c.current.is_(sa.true()),
            newer.c.bundle_version > reviews.c.bundle_version,
        )
        .exists()
    )
    stale = sa.and_(reviews.c.current.is_(sa.true()), superseded)
    op.execute(
        pending.insert().from_select(
            ["candidate_id", "reason"],
            sa.select(reviews.c.candidate_id, sa.literal("two-current-results")).where(stale).distinct(),
        )
    )
    op.execute(reviews.update().where(stale).values(current=False))
    op.create_index(
        INDEX,
        "reviews",
        ["package_id"],
        unique=True,
        sqlite_where=sa.text("current"),
        postgresql_where=sa.text("current"),
    )


def downgrade() -> None:
    op.drop_index(INDEX, table_name="reviews")
    op.drop_table("pending_rebuilds")

"""The lifecycle: applications, paper checks, third-party reports, opened publicity periods, ratings.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-05

New fact tables (append-only): ``applications``, ``paper_checks``, ``third_party_reports``,
``publicity_openings`` and ``ratings`` (the ministry's star ratings). ``publicity`` (derived) gains the
period's ``length``, ``unit`` and whether the ministry ``opened`` it.

Existing data: a candidate with a pending publicity was ``creating``; under the new rules a passed
creation review puts it in ``publicity``, its period scheduled from the review's date with the rules'
default length (7 calendar days, the last day included). The migration does not import the rules
engine: it queues every candidate with a publicity entry (pending or decided: its history and period
are derived anew) in ``pending_rebuilds`` and the registry rebuilds their derived tables when it next
opens the database; a pending one can then be opened with explicit dates or decided as before. Plain SQLAlchemy Core: portable to SQLite and PostgreSQL.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

TABLES = ("ratings", "publicity_openings", "third_party_reports", "paper_checks", "applications")


def _fact(name: str, *columns: sa.Column[object]) -> None:
    op.create_table(
        name,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        *columns,
        sa.ForeignKeyConstraint(
            ["candidate_id"], ["candidates.id"], name=op.f(f"fk_{name}_candidate_id_candidates")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{name}")),
    )
    op.create_index(op.f(f"ix_{name}_candidate_id"), name, ["candidate_id"])


def upgrade() -> None:
    when = sa.DateTime(timezone=True)
    _fact(
        "applications",
        sa.Column("documents", sa.Text(), nullable=False),
        sa.Column("filed_at", when, nullable=False),
        sa.Column("recorded_at", when, nullable=False),
    )
    _fact(
        "paper_checks",
        sa.Column("answers", sa.Text(), nullable=False),
        sa.Column("passed", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("checked_at", when, nullable=False),
    )
    _fact(
        "third_party_reports",
        sa.Column("institution", sa.String(length=200), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("received_at", when, nullable=False),
    )
    _fact(
        "publicity_openings",
        sa.Column("package_id", sa.String(length=64), nullable=False),
        sa.Column("starts", sa.Date(), nullable=False),
        sa.Column("ends", sa.Date(), nullable=False),
        sa.Column("length", sa.Integer(), nullable=True),
        sa.Column("unit", sa.String(length=16), nullable=False),
        sa.Column("opened_at", when, nullable=False),
    )
    _fact(
        "ratings",
        sa.Column("stars", sa.Integer(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("rated_at", when, nullable=False),
        sa.Column("recorded_at", when, nullable=False),
    )
    op.create_index(op.f("ix_ratings_year"), "ratings", ["year"])
    with op.batch_alter_table("publicity") as batch:
        batch.add_column(sa.Column("length", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("unit", sa.String(length=16), nullable=False, server_default=""))
        batch.add_column(sa.Column("opened", sa.Boolean(), nullable=False, server_default=sa.false()))
    publicity = sa.table("publicity", sa.column("candidate_id", sa.Integer), sa.column("outcome", sa.String))
    pending = sa.table(
        "pending_rebuilds", sa.column("candidate_id", sa.Integer), sa.column("reason", sa.String)
    )
    queued = sa.select(pending.c.candidate_id).where(pending.c.candidate_id == publicity.c.candidate_id)
    op.execute(
        pending.insert().from_select(
            ["candidate_id", "reason"],
            sa.select(publicity.c.candidate_id, sa.literal("lifecycle-publicity"))
            .where(~queued.exists())
            .distinct(),
        )
    )


def downgrade() -> None:
    with op.batch_alter_table("publicity") as batch:
        batch.drop_column("opened")
        batch.drop_column("unit")
        batch.drop_column("length")
    op.drop_index(op.f("ix_ratings_year"), table_name="ratings")
    for name in TABLES:
        op.drop_index(op.f(f"ix_{name}_candidate_id"), table_name=name)
        op.drop_table(name)

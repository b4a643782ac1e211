"""The lifecycle: star ratings recorded by the ministry (``ratings``).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-05

``ratings`` holds the ministry's star ratings of title holders (a fact table, append-only). Plain
SQLAlchemy Core: portable to SQLite and PostgreSQL.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ratings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("stars", sa.Integer(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("rated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["candidate_id"], ["candidates.id"], name=op.f("fk_ratings_candidate_id_candidates")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ratings")),
    )
    op.create_index(op.f("ix_ratings_candidate_id"), "ratings", ["candidate_id"])
    op.create_index(op.f("ix_ratings_year"), "ratings", ["year"])


def downgrade() -> None:
    op.drop_index(op.f("ix_ratings_year"), table_name="ratings")
    op.drop_index(op.f("ix_ratings_candidate_id"), table_name="ratings")
    op.drop_table("ratings")

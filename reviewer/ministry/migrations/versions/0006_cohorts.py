"""Annual cohort evaluations: drafts and the published evaluation of a year and type, with their rows.

Revision ID: 0006
Revises: 0002
Create Date: 2026-12-05

Portable (SQLite and PostgreSQL): the partial unique index ``uq_cohort_evaluations_published``
allows one published evaluation per year and type.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"  # the lead re-chains at merge (design: "0002")
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "cohort_evaluations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(length=16), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("method", sa.String(length=16), nullable=False),
        sa.Column("standard_id", sa.String(length=200), nullable=False),
        sa.Column("rules_version", sa.String(length=100), nullable=False),
        sa.Column("excluded", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cohort_evaluations")),
        sa.UniqueConstraint("year", "type", "version", name=op.f("uq_cohort_evaluations_year_type_version")),
    )
    op.create_index(
        "uq_cohort_evaluations_published",
        "cohort_evaluations",
        ["year", "type"],
        unique=True,
        sqlite_where=sa.text("status = 'published'"),
        postgresql_where=sa.text("status = 'published'"),
    )
    op.create_table(
        "cohort_rows",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("evaluation_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("objective", sa.String(length=32), nullable=True),
        sa.Column("expert", sa.String(length=32), nullable=True),
        sa.Column("total", sa.String(length=32), nullable=True),
        sa.Column("stars", sa.Integer(), nullable=False),
        sa.Column("capped_by", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["evaluation_id"],
            ["cohort_evaluations.id"],
            name=op.f("fk_cohort_rows_evaluation_id_cohort_evaluations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cohort_rows")),
        sa.UniqueConstraint("evaluation_id", "position", name=op.f("uq_cohort_rows_evaluation_id_position")),
    )


def downgrade() -> None:
    op.drop_table("cohort_rows")
    op.drop_index("uq_cohort_evaluations_published", table_name="cohort_evaluations")
    op.drop_table("cohort_evaluations")

"""Annual data returns and national figures (append-only facts).

Revision ID: 0005
Revises: 0002
Create Date: 2026-12-05

``data_returns``: a candidate's figures of a year as imported from its checked XLSX, one row per
version (the newest is current). ``national_figures``: the ministry's national figures of a year, one
row per version of a year and code. Plain SQLAlchemy Core: portable to SQLite and PostgreSQL.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"  # chained here for the merged branch; the lead re-chains
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "data_returns",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(length=16), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("figures", sa.Text(), nullable=False),
        sa.Column("source_sha256", sa.String(length=64), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["candidate_id"], ["candidates.id"], name=op.f("fk_data_returns_candidate_id_candidates")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_data_returns")),
        sa.UniqueConstraint(
            "candidate_id", "year", "version", name=op.f("uq_data_returns_candidate_id_year_version")
        ),
    )
    op.create_index(op.f("ix_data_returns_candidate_id"), "data_returns", ["candidate_id"], unique=False)
    op.create_index(op.f("ix_data_returns_year"), "data_returns", ["year"], unique=False)
    op.create_table(
        "national_figures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("value", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_national_figures")),
        sa.UniqueConstraint("year", "code", "version", name=op.f("uq_national_figures_year_code_version")),
    )
    op.create_index(op.f("ix_national_figures_year"), "national_figures", ["year"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_national_figures_year"), table_name="national_figures")
    op.drop_table("national_figures")
    op.drop_index(op.f("ix_data_returns_year"), table_name="data_returns")
    op.drop_index(op.f("ix_data_returns_candidate_id"), table_name="data_returns")
    op.drop_table("data_returns")

"""Creation progress reports and the priority flags the ministry sets by hand.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-05

Two fact tables, append-only: ``progress_reports`` (a received 创建工作进展 report: its due period,
file name and SHA-256 — unique, one file is recorded once — the Beijing day received, who recorded
it) and ``priority_flags`` (a flag set or cleared, with its source: a document number or URL and its
date). Nothing derived: the due dates and a flag's state are computed when read.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"  # re-chained after revision 0003 (lifecycle) when merged
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "progress_reports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("period_due", sa.Date(), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("received", sa.Date(), nullable=False),
        sa.Column("recorded_by", sa.String(length=200), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["candidate_id"], ["candidates.id"], name=op.f("fk_progress_reports_candidate_id_candidates")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_progress_reports")),
        sa.UniqueConstraint("sha256", name=op.f("uq_progress_reports_sha256")),
    )
    op.create_index(
        op.f("ix_progress_reports_candidate_id"), "progress_reports", ["candidate_id"], unique=False
    )
    op.create_table(
        "priority_flags",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("flag", sa.String(length=48), nullable=False),
        sa.Column("action", sa.String(length=8), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("source_date", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("recorded_by", sa.String(length=200), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["candidate_id"], ["candidates.id"], name=op.f("fk_priority_flags_candidate_id_candidates")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_priority_flags")),
    )
    op.create_index(op.f("ix_priority_flags_candidate_id"), "priority_flags", ["candidate_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_priority_flags_candidate_id"), table_name="priority_flags")
    op.drop_table("priority_flags")
    op.drop_index(op.f("ix_progress_reports_candidate_id"), table_name="progress_reports")
    op.drop_table("progress_reports")

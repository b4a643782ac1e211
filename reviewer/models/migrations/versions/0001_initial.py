"""The first schema: the local library of standards and the recent files list.

Revision ID: 0001
Revises:
Create Date: 2026-11-28

Hand-written. Portable: plain types, every constraint named by the naming convention
(reviewer.models.orm.base.NAMING_CONVENTION), no backend-specific SQL.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "standards",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("standard_id", sa.String(length=200), nullable=False),
        sa.Column("version", sa.String(length=100), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("candidate_type", sa.String(length=32), nullable=False),
        sa.Column("title_zh", sa.Text(), nullable=False),
        sa.Column("title_en", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_standards")),
        sa.UniqueConstraint("sha256", name=op.f("uq_standards_sha256")),
        sa.CheckConstraint("length(sha256) = 64", name=op.f("ck_standards_sha256_length")),
    )
    op.create_index(op.f("ix_standards_standard_id_version"), "standards", ["standard_id", "version"])

    op.create_table(
        "recent_files",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recent_files")),
        sa.UniqueConstraint("path", name=op.f("uq_recent_files_path")),
    )
    op.create_index(op.f("ix_recent_files_opened_at"), "recent_files", ["opened_at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_recent_files_opened_at"), table_name="recent_files")
    op.drop_table("recent_files")
    op.drop_index(op.f("ix_standards_standard_id_version"), table_name="standards")
    op.drop_table("standards")

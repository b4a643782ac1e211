"""The chair's store: imported sheets and the append-only decisions log.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02

Hand-written, portable (plain types, constraints named by the naming convention). Only new tables:
upgrading a database with data in it touches nothing that exists; downgrade drops them.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

ACTIONS = (
    "'consensus', 'withdraw_consensus', 'explanation', 'withdraw_explanation', 'return', 'opinion', "
    "'dissent', 'withdraw_dissent', 'visit', 'replace'"
)


def upgrade() -> None:
    op.create_table(
        "chair_sheets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("package_id", sa.String(length=128), nullable=False),
        sa.Column("expert_fingerprint", sa.String(length=64), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("recused", sa.Boolean(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("superseded", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chair_sheets")),
        sa.UniqueConstraint("package_id", "digest", name=op.f("uq_chair_sheets_package_id_digest")),
        sa.UniqueConstraint(
            "package_id",
            "expert_fingerprint",
            "revision",
            name=op.f("uq_chair_sheets_package_id_expert_fingerprint_revision"),
        ),
        sa.CheckConstraint("revision >= 1", name=op.f("ck_chair_sheets_revision")),
        sa.CheckConstraint("length(digest) = 64", name=op.f("ck_chair_sheets_digest_length")),
    )
    op.create_table(
        "chair_decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("package_id", sa.String(length=128), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("by_name", sa.Text(), nullable=False),
        sa.Column("by_fingerprint", sa.String(length=64), nullable=False),
        sa.Column("by_role", sa.String(length=16), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("why", sa.Text(), nullable=False),
        sa.Column("decisions", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chair_decisions")),
        sa.CheckConstraint(f"action IN ({ACTIONS})", name=op.f("ck_chair_decisions_action")),
        sa.CheckConstraint("by_role IN ('chair', 'expert')", name=op.f("ck_chair_decisions_by_role")),
        sqlite_autoincrement=True,
    )
    op.create_index(op.f("ix_chair_decisions_package_id_id"), "chair_decisions", ["package_id", "id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_chair_decisions_package_id_id"), table_name="chair_decisions")
    op.drop_table("chair_decisions")
    op.drop_table("chair_sheets")

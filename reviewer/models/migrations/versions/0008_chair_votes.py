"""The chair's store keeps the motions put to the panel and the members' statements.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05

Hand-written, portable. Only a new table, ``chair_votes``: each motion or statement exactly as
signed (sealed under the chair's store key), so the chair's window can rebuild the decisions' votes
and dissents from them and the result bundle can carry them. Upgrading touches nothing that exists;
downgrade drops the table.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "chair_votes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("package_id", sa.String(length=128), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("member_fingerprint", sa.String(length=64), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chair_votes")),
        sa.UniqueConstraint("package_id", "digest", name=op.f("uq_chair_votes_package_id_digest")),
        sa.CheckConstraint("kind IN ('motion', 'statement')", name=op.f("ck_chair_votes_kind")),
        sa.CheckConstraint("length(digest) = 64", name=op.f("ck_chair_votes_digest_length")),
        sqlite_autoincrement=True,
    )
    op.create_index(op.f("ix_chair_votes_package_id_id"), "chair_votes", ["package_id", "id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_chair_votes_package_id_id"), table_name="chair_votes")
    op.drop_table("chair_votes")

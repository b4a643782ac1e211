"""What was produced, kept so every page can show it after a restart.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04

* ``sheet_versions`` gains the signed sheet file of each finalised version: where the expert saved
  it (``file_path``), the file's SHA-256 (``file_sha256``) and the signed header digest by which
  chairs and return notices name it (``digest``). Nullable: versions signed before this revision
  have none, and a version not yet signed has none.
* ``chair_record_log``: the review record's life on the chair's laptop, append-only — a record
  reopened before closing (which signatures were discarded, and why) and each result file produced
  (where, its SHA-256, its result version).

Hand-written, portable: new nullable columns and a new table; nothing existing is rewritten.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("sheet_versions", sa.Column("file_path", sa.Text(), nullable=True))
    op.add_column("sheet_versions", sa.Column("file_sha256", sa.String(length=64), nullable=True))
    op.add_column("sheet_versions", sa.Column("digest", sa.String(length=64), nullable=True))
    op.create_table(
        "chair_record_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("package_id", sa.String(length=128), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("by_name", sa.Text(), nullable=False),
        sa.Column("by_fingerprint", sa.String(length=64), nullable=False),
        sa.Column("path", sa.Text(), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=True),
        sa.Column("version", sa.Integer(), nullable=True),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chair_record_log")),
        sa.CheckConstraint("kind IN ('reopened', 'result')", name=op.f("ck_chair_record_log_kind")),
        sqlite_autoincrement=True,
    )
    op.create_index(op.f("ix_chair_record_log_package_id_id"), "chair_record_log", ["package_id", "id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_chair_record_log_package_id_id"), table_name="chair_record_log")
    op.drop_table("chair_record_log")
    with op.batch_alter_table("sheet_versions") as batch:
        batch.drop_column("digest")
        batch.drop_column("file_sha256")
        batch.drop_column("file_path")

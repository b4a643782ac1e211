"""The chair's closing facts: members' refusals to sign and the chair's not-signed records (issue 18).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05

* ``chair_closing_facts``, append-only: a member's refusal to sign the record (the signed
  ``.rvstatement`` as received, sealed, with its digest), the chair's record that a member neither
  signed nor gave reasons (``not-signed``: the rules deem them to agree), or its withdrawal
  (``withdrawn``). The chair closes the record stating these facts (``docs/record-format.md``).

Hand-written, portable: a new table; nothing existing is rewritten. Downgrade drops it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "chair_closing_facts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("package_id", sa.String(length=128), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("expert_fingerprint", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("by_fingerprint", sa.String(length=64), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=True),
        sa.Column("data", sa.LargeBinary(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chair_closing_facts")),
        sa.CheckConstraint(
            "kind IN ('refusal', 'not-signed', 'withdrawn')", name=op.f("ck_chair_closing_facts_kind")
        ),
        sqlite_autoincrement=True,
    )
    op.create_index(op.f("ix_chair_closing_facts_package_id_id"), "chair_closing_facts", ["package_id", "id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_chair_closing_facts_package_id_id"), table_name="chair_closing_facts")
    op.drop_table("chair_closing_facts")

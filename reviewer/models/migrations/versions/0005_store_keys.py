"""Sealed at rest: the store keys, and two columns that now hold ciphertext.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04

* ``store_keys``: one random store key per identity that keeps work here, wrapped to the identity's
  X25519 key (``reviewer.models.sealed``).
* ``scores.value`` (was ``String(40)``) and ``yes_no_answers.answer`` (was ``Boolean``) become
  ``Text``: they hold ``"rvs1:" + base64`` of AES-256-GCM ciphertext from now on.

Existing values are not touched here: a migration runs when the store opens, before any identity is
unlocked, so it has no key. The values of each identity are sealed in one transaction when that
identity first unlocks the store (``reviewer.models.sealing_upgrade``).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def _answers(name: str, column: str, kind: sa.types.TypeEngine, nullable: bool) -> sa.Table:
    """The table as revision 0002 made it (with ``column`` of type ``kind``): batch mode copies it
    without reflecting, so the migration also renders as SQL."""
    return sa.Table(
        name,
        sa.MetaData(),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column(column, kind, nullable=nullable),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("review_id", "code", name=f"pk_{name}"),
        sa.ForeignKeyConstraint(["review_id"], ["reviews.id"], name=f"fk_{name}_review_id_reviews"),
    )


def upgrade() -> None:
    op.create_table(
        "store_keys",
        sa.Column("owner", sa.String(length=128), nullable=False),
        sa.Column("key_id", sa.String(length=16), nullable=False),
        sa.Column("ephemeral", sa.LargeBinary(), nullable=False),
        sa.Column("wrapped", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("owner", name=op.f("pk_store_keys")),
        sa.UniqueConstraint("key_id", name=op.f("uq_store_keys_key_id")),
    )
    with op.batch_alter_table("scores", copy_from=_answers("scores", "value", sa.String(40), True)) as batch:
        batch.alter_column(
            "value", existing_type=sa.String(length=40), type_=sa.Text(), existing_nullable=True
        )
    yes_no = _answers("yes_no_answers", "answer", sa.Boolean(), False)
    with op.batch_alter_table("yes_no_answers", copy_from=yes_no) as batch:
        batch.alter_column("answer", existing_type=sa.Boolean(), type_=sa.Text(), existing_nullable=False)


def downgrade() -> None:
    # Only an unsealed store can go back: sealed values would not fit, nor mean anything, there.
    yes_no = _answers("yes_no_answers", "answer", sa.Text(), False)
    with op.batch_alter_table("yes_no_answers", copy_from=yes_no) as batch:
        batch.alter_column("answer", existing_type=sa.Text(), type_=sa.Boolean(), existing_nullable=False)
    with op.batch_alter_table("scores", copy_from=_answers("scores", "value", sa.Text(), True)) as batch:
        batch.alter_column(
            "value", existing_type=sa.Text(), type_=sa.String(length=40), existing_nullable=True
        )
    op.drop_table("store_keys")

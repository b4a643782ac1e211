"""Attached files kept once per owner: ``evidence_files`` is keyed by (owner, sha256).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04

Before, one row per SHA-256 was shared by every identity, its bytes sealed under the key of whoever
attached them first: a second expert attaching the same file either failed (the first not unlocked)
or pointed at bytes they alone could never read. Now each owner (the fingerprint of the identity
whose review references the file) has its own copy, sealed under its own key.

Existing rows:

* a row referenced by reviews of one owner goes to that owner; referenced by several owners, it is
  copied for each (in SQL: the blob never passes through Python);
* an unreferenced row (evidence removed, its undo still possible) goes to the owner whose store key
  sealed it (the key id in the sealed value against ``store_keys.key_id``); a row in the clear, or
  whose key is unknown, is kept under the owner ``''`` (unclaimed), which any identity may read.

A migration runs without keys: a copy made for a second owner is still sealed under the first
owner's key. Reading it then raises ``EvidenceLocked``; it is re-sealed for its owner the next time
both keys are held by one process, or when its owner attaches the file again (docs/store.md).

``evidence_refs.sha256`` no longer has a foreign key (it would need the owner, which the reference
finds through its review): ``Workbench.add_evidence`` writes the file and the reference in one
transaction. The SQLite AUTOINCREMENT high-water mark of ``evidence_refs`` survives the table copy.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import context, op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

UNCLAIMED = ""
_MAGIC = b"rvs1"


def _files(per_owner: bool) -> sa.Table:
    """``evidence_files`` before (``per_owner=False``, as revision 0002 made it) or after."""
    key = ["owner", "sha256"] if per_owner else ["sha256"]
    owner = [sa.Column("owner", sa.String(length=128), nullable=not per_owner)]
    return sa.Table(
        "evidence_files",
        sa.MetaData(),
        *(owner if per_owner else []),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint(*key, name="pk_evidence_files"),
        sa.CheckConstraint("length(sha256) = 64", name="ck_evidence_files_sha256_length"),
    )


def _refs(with_fk: bool) -> sa.Table:
    """``evidence_refs`` as revision 0002 made it, with or without the foreign key to the files."""
    metadata = sa.MetaData()
    fk = [
        sa.ForeignKeyConstraint(
            ["sha256"], ["evidence_files.sha256"], name="fk_evidence_refs_sha256_evidence_files"
        )
    ]
    table = sa.Table(
        "evidence_refs",
        metadata,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("material", sa.Text(), nullable=True),
        sa.Column("page", sa.Integer(), nullable=True),
        sa.Column("file_name", sa.Text(), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=True),
        sa.Column("size", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_evidence_refs"),
        sa.ForeignKeyConstraint(["review_id"], ["reviews.id"], name="fk_evidence_refs_review_id_reviews"),
        *(fk if with_fk else []),
        sa.CheckConstraint(
            "(kind = 'material' AND material IS NOT NULL) OR "
            "(kind = 'file' AND file_name IS NOT NULL AND sha256 IS NOT NULL AND size IS NOT NULL)",
            name="ck_evidence_refs_kind",
        ),
        sa.CheckConstraint("page IS NULL OR page >= 1", name="ck_evidence_refs_page"),
        sqlite_autoincrement=True,
    )
    sa.Index("ix_evidence_refs_review_id_code", table.c.review_id, table.c.code)
    if with_fk:  # the parent table must be known to the metadata for the constraint to render
        sa.Table("evidence_files", metadata, sa.Column("sha256", sa.String(length=64), primary_key=True))
    return table


def _refs_sequence() -> int | None:
    """SQLite's AUTOINCREMENT high-water mark of ``evidence_refs`` (a removed row's id stays used)."""
    bind = op.get_bind()
    if bind.dialect.name != "sqlite" or context.is_offline_mode():
        return None
    return bind.execute(sa.text("SELECT seq FROM sqlite_sequence WHERE name = 'evidence_refs'")).scalar()


def _restore_sequence(seq: int | None) -> None:
    if seq is None:
        return
    bind = op.get_bind()
    bind.execute(sa.text("DELETE FROM sqlite_sequence WHERE name = 'evidence_refs'"))
    bind.execute(sa.text("INSERT INTO sqlite_sequence (name, seq) VALUES ('evidence_refs', :s)"), {"s": seq})


def _rebuild_refs(with_fk: bool) -> None:
    seq = _refs_sequence()
    with op.batch_alter_table("evidence_refs", copy_from=_refs(not with_fk)) as batch:
        if with_fk:
            batch.create_foreign_key(
                "fk_evidence_refs_sha256_evidence_files", "evidence_files", ["sha256"], ["sha256"]
            )
        else:
            batch.drop_constraint("fk_evidence_refs_sha256_evidence_files", type_="foreignkey")
    _restore_sequence(seq)


def _assign_owners() -> None:
    """Every row starts unclaimed (``''``); each owner referencing it gets a copy, made in SQL."""
    op.execute(
        "INSERT INTO evidence_files (owner, sha256, size, data, added_at) "
        "SELECT o.member_fingerprint, f.sha256, f.size, f.data, f.added_at FROM evidence_files f "
        "JOIN (SELECT DISTINCT e.sha256, r.member_fingerprint FROM evidence_refs e "
        "JOIN reviews r ON r.id = e.review_id WHERE e.sha256 IS NOT NULL) o ON o.sha256 = f.sha256 "
        "WHERE f.owner = ''"
    )
    op.execute(
        "DELETE FROM evidence_files WHERE owner = '' AND sha256 IN "
        "(SELECT sha256 FROM evidence_refs WHERE sha256 IS NOT NULL)"
    )
    if context.is_offline_mode():  # rendered as SQL: the key ids of unreferenced rows need the data
        return
    bind = op.get_bind()
    keys: dict[str, str] = dict(bind.execute(sa.text("SELECT key_id, owner FROM store_keys")).all())
    for (sha,) in bind.execute(sa.text("SELECT sha256 FROM evidence_files WHERE owner = ''")).all():
        data = bytes(
            bind.execute(
                sa.text("SELECT data FROM evidence_files WHERE owner = '' AND sha256 = :s"), {"s": sha}
            ).scalar_one()
        )
        owner = keys.get(data[4:12].hex(), UNCLAIMED) if data[:4] == _MAGIC else UNCLAIMED
        if owner != UNCLAIMED:
            bind.execute(
                sa.text("UPDATE evidence_files SET owner = :o WHERE owner = '' AND sha256 = :s"),
                {"o": owner, "s": sha},
            )


def _files_with_default_owner() -> sa.Table:
    """``evidence_files`` between the steps: keyed by owner, which defaults to ``''`` (unclaimed)."""
    table = _files(per_owner=True)
    table.c.owner.server_default = sa.DefaultClause("")
    return table


def upgrade() -> None:
    _rebuild_refs(with_fk=False)
    with op.batch_alter_table("evidence_files", copy_from=_files(per_owner=False)) as batch:
        batch.add_column(sa.Column("owner", sa.String(length=128), nullable=False, server_default=""))
        batch.drop_constraint("pk_evidence_files", type_="primary")
        batch.create_primary_key("pk_evidence_files", ["owner", "sha256"])
    _assign_owners()
    with op.batch_alter_table("evidence_files", copy_from=_files_with_default_owner()) as batch:
        batch.alter_column("owner", existing_type=sa.String(length=128), server_default=None)


def downgrade() -> None:
    # One row per sha256 again: the copy of the first owner (by fingerprint) is kept. The other
    # owners' references then point at bytes sealed under that owner's key (the old defect).
    bind = op.get_bind()
    bind.execute(
        sa.text(
            "DELETE FROM evidence_files WHERE owner <> (SELECT MIN(f.owner) FROM evidence_files f "
            "WHERE f.sha256 = evidence_files.sha256)"
        )
    )
    with op.batch_alter_table("evidence_files", copy_from=_files(per_owner=True)) as batch:
        batch.drop_constraint("pk_evidence_files", type_="primary")
        batch.create_primary_key("pk_evidence_files", ["sha256"])
        batch.drop_column("owner")
    _rebuild_refs(with_fk=True)

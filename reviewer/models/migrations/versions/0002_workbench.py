"""The expert's workbench: reviews, scores, answers, evidence, scratchpad, site notes, the audit log.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28

Hand-written. Portable: plain types, every constraint named by the naming convention
(reviewer.models.orm.base.NAMING_CONVENTION), no backend-specific SQL. Only new tables, so upgrading
a database with data in it touches nothing that exists; downgrade drops them (children first).
Scores are exact decimal text; attached evidence files are blobs keyed by SHA-256.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

ACTIVITIES = "'document_review', 'site_inspection', 'key_interview', 'themed_forum'"


def _when(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def _review_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(["review_id"], ["reviews.id"], name=op.f(f"fk_{table}_review_id_reviews"))


def upgrade() -> None:
    op.create_table(
        "reviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("package_id", sa.String(length=128), nullable=False),
        sa.Column("member_fingerprint", sa.String(length=128), nullable=False),
        sa.Column("package_path", sa.Text(), nullable=False),
        sa.Column("standard_id", sa.String(length=200), nullable=False),
        sa.Column("standard_version", sa.String(length=100), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        _when("opened_at"),
        _when("updated_at"),
        sa.Column("position_code", sa.String(length=64), nullable=True),
        sa.Column("position_tab", sa.String(length=32), nullable=True),
        sa.Column("conflict", sa.String(length=16), nullable=False),
        sa.Column("conflict_reason", sa.Text(), nullable=True),
        sa.Column("pledge_accepted", sa.Boolean(), nullable=False),
        _when("pledge_at", nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reviews")),
        sa.UniqueConstraint(
            "package_id", "member_fingerprint", name=op.f("uq_reviews_package_id_member_fingerprint")
        ),
        sa.CheckConstraint("status IN ('open', 'recused', 'finalised')", name=op.f("ck_reviews_status")),
        sa.CheckConstraint(
            "conflict IN ('undeclared', 'none', 'declared')", name=op.f("ck_reviews_conflict")
        ),
        sa.CheckConstraint("role IN ('member', 'chair')", name=op.f("ck_reviews_role")),
        sa.CheckConstraint("version >= 1", name=op.f("ck_reviews_version")),
    )

    op.create_table(
        "sheet_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        _when("started_at"),
        _when("finalised_at", nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sheet_versions")),
        _review_fk("sheet_versions"),
        sa.UniqueConstraint("review_id", "version", name=op.f("uq_sheet_versions_review_id_version")),
    )

    op.create_table(
        "returned_codes",
        sa.Column("sheet_version_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("sheet_version_id", "code", name=op.f("pk_returned_codes")),
        sa.ForeignKeyConstraint(
            ["sheet_version_id"],
            ["sheet_versions.id"],
            name=op.f("fk_returned_codes_sheet_version_id_sheet_versions"),
        ),
    )

    op.create_table(
        "scores",
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("value", sa.String(length=40), nullable=True),
        sa.Column("comment", sa.Text(), nullable=True),
        _when("updated_at"),
        sa.PrimaryKeyConstraint("review_id", "code", name=op.f("pk_scores")),
        _review_fk("scores"),
    )

    op.create_table(
        "yes_no_answers",
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("answer", sa.Boolean(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=True),
        _when("updated_at"),
        sa.PrimaryKeyConstraint("review_id", "code", name=op.f("pk_yes_no_answers")),
        _review_fk("yes_no_answers"),
    )

    op.create_table(
        "eligibility_answers",
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("comment", sa.Text(), nullable=True),
        _when("updated_at"),
        sa.PrimaryKeyConstraint("review_id", "code", name=op.f("pk_eligibility_answers")),
        _review_fk("eligibility_answers"),
        sa.CheckConstraint("state IN ('confirmed', 'flagged')", name=op.f("ck_eligibility_answers_state")),
    )

    op.create_table(
        "evidence_files",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        _when("added_at"),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_evidence_files")),
        sa.CheckConstraint("length(sha256) = 64", name=op.f("ck_evidence_files_sha256_length")),
    )

    op.create_table(
        "evidence_refs",
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
        _when("added_at"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence_refs")),
        _review_fk("evidence_refs"),
        sa.ForeignKeyConstraint(
            ["sha256"], ["evidence_files.sha256"], name=op.f("fk_evidence_refs_sha256_evidence_files")
        ),
        sa.CheckConstraint(
            "(kind = 'material' AND material IS NOT NULL) OR "
            "(kind = 'file' AND file_name IS NOT NULL AND sha256 IS NOT NULL AND size IS NOT NULL)",
            name=op.f("ck_evidence_refs_kind"),
        ),
        sa.CheckConstraint("page IS NULL OR page >= 1", name=op.f("ck_evidence_refs_page")),
        sqlite_autoincrement=True,  # audit entries name rows by id: never reuse one
    )
    op.create_index(op.f("ix_evidence_refs_review_id_code"), "evidence_refs", ["review_id", "code"])

    op.create_table(
        "scratchpad",
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        _when("updated_at"),
        sa.PrimaryKeyConstraint("review_id", name=op.f("pk_scratchpad")),
        _review_fk("scratchpad"),
    )

    op.create_table(
        "site_notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("activity", sa.String(length=32), nullable=False),
        sa.Column("codes", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        _when("noted_at"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_site_notes")),
        _review_fk("site_notes"),
        sa.CheckConstraint(f"activity IN ({ACTIVITIES})", name=op.f("ck_site_notes_activity")),
        sqlite_autoincrement=True,
    )
    op.create_index(op.f("ix_site_notes_review_id"), "site_notes", ["review_id"])

    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        _when("at"),
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("old_value", sa.Text(), nullable=True),
        sa.Column("new_value", sa.Text(), nullable=True),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("target_id", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
        _review_fk("audit_log"),
        sa.ForeignKeyConstraint(
            ["target_id"], ["audit_log.id"], name=op.f("fk_audit_log_target_id_audit_log")
        ),
        sa.CheckConstraint(
            "action IN ('set', 'undo', 'redo', 'lock', 'unlock')", name=op.f("ck_audit_log_action")
        ),
    )
    op.create_index(op.f("ix_audit_log_review_id_id"), "audit_log", ["review_id", "id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_audit_log_review_id_id"), table_name="audit_log")
    op.drop_table("audit_log")
    op.drop_index(op.f("ix_site_notes_review_id"), table_name="site_notes")
    op.drop_table("site_notes")
    op.drop_table("scratchpad")
    op.drop_index(op.f("ix_evidence_refs_review_id_code"), table_name="evidence_refs")
    op.drop_table("evidence_refs")
    op.drop_table("evidence_files")
    op.drop_table("eligibility_answers")
    op.drop_table("yes_no_answers")
    op.drop_table("scores")
    op.drop_table("returned_codes")
    op.drop_table("sheet_versions")
    op.drop_table("reviews")

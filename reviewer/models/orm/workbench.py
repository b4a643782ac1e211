"""The expert's workbench: one review per (package, member), its scores, answers, evidence, notes and
the append-only audit log (revision 0002).

Scores are kept as exact decimal text (``"6.5"``), never as a float or a backend's NUMERIC (SQLite
would round-trip it through a float). Times are UTC. Attached site-visit files live in
``evidence_files`` as blobs keyed by their owner and SHA-256, written in the same transaction as the reference
that points at them; see ``docs/store.md``.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from reviewer.models.orm.base import Base, utcnow
from reviewer.models.sealed import SealedBool, SealedBytes, SealedText

CODE = 64  # length of an indicator / item code column
# Audit entries name evidence and notes by id: SQLite must not hand a deleted row's id to a new one
# (other backends' sequences never do).
NEVER_REUSE_IDS = {"sqlite_autoincrement": True}


class ReviewRow(Base):
    """One expert's work on one package: identity, where they were, declarations and status."""

    __tablename__ = "reviews"

    id: Mapped[int] = mapped_column(primary_key=True)
    package_id: Mapped[str] = mapped_column(String(128))
    member_fingerprint: Mapped[str] = mapped_column(String(128))
    package_path: Mapped[str] = mapped_column(Text)
    standard_id: Mapped[str] = mapped_column(String(200))
    standard_version: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(16))  # 'member' or 'chair'
    opened_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    position_code: Mapped[str | None] = mapped_column(String(CODE))
    position_tab: Mapped[str | None] = mapped_column(String(32))
    conflict: Mapped[str] = mapped_column(String(16), default="undeclared")
    conflict_reason: Mapped[str | None] = mapped_column(SealedText("reviews.conflict_reason"))
    pledge_accepted: Mapped[bool] = mapped_column(Boolean, default=False)
    pledge_at: Mapped[datetime | None]
    status: Mapped[str] = mapped_column(String(16), default="open")
    version: Mapped[int] = mapped_column(Integer, default=1)  # the sheet version being worked on

    __table_args__ = (
        UniqueConstraint("package_id", "member_fingerprint"),
        CheckConstraint("status IN ('open', 'recused', 'finalised')", name="status"),
        CheckConstraint("conflict IN ('undeclared', 'none', 'declared')", name="conflict"),
        CheckConstraint("role IN ('member', 'chair')", name="role"),
        CheckConstraint("version >= 1", name="version"),
    )


class SheetVersionRow(Base):
    """Each version of the review's sheet: v1 on opening, v n+1 on a chair's return, with the reason."""

    __tablename__ = "sheet_versions"

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id"))
    version: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str | None] = mapped_column(
        SealedText("sheet_versions.reason")
    )  # the chair's reason; None for version 1
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    finalised_at: Mapped[datetime | None]
    # The signed sheet of a finalised version (revision 0004): where it was saved, the file's
    # SHA-256, and the signed header digest that names it; None before signing (or before 0004).
    file_path: Mapped[str | None] = mapped_column(Text)
    file_sha256: Mapped[str | None] = mapped_column(String(64))
    digest: Mapped[str | None] = mapped_column(String(64))

    __table_args__ = (UniqueConstraint("review_id", "version"),)


class ReturnedCodeRow(Base):
    """The indicators a return notice unlocked for a version (none for version 1: everything is open)."""

    __tablename__ = "returned_codes"

    sheet_version_id: Mapped[int] = mapped_column(ForeignKey("sheet_versions.id"), primary_key=True)
    code: Mapped[str] = mapped_column(String(CODE), primary_key=True)


class ScoreRow(Base):
    __tablename__ = "scores"

    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id"), primary_key=True)
    code: Mapped[str] = mapped_column(String(CODE), primary_key=True)
    value: Mapped[str | None] = mapped_column(
        SealedText("scores.value")
    )  # exact decimal text, canonical form
    comment: Mapped[str | None] = mapped_column(SealedText("scores.comment"))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class YesNoAnswerRow(Base):
    __tablename__ = "yes_no_answers"

    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id"), primary_key=True)
    code: Mapped[str] = mapped_column(String(CODE), primary_key=True)
    answer: Mapped[bool] = mapped_column(SealedBool("yes_no_answers.answer"))
    comment: Mapped[str | None] = mapped_column(SealedText("yes_no_answers.comment"))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class EligibilityAnswerRow(Base):
    __tablename__ = "eligibility_answers"

    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id"), primary_key=True)
    code: Mapped[str] = mapped_column(String(CODE), primary_key=True)
    state: Mapped[str] = mapped_column(String(16))
    comment: Mapped[str | None] = mapped_column(SealedText("eligibility_answers.comment"))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (CheckConstraint("state IN ('confirmed', 'flagged')", name="state"),)


UNCLAIMED = ""  # the owner of a file kept from before revision 0006 that no identity could be given


class EvidenceFileRow(Base):
    """The bytes of an attached site-visit file, once per owner and content (revision 0006).

    ``owner`` is the fingerprint of the identity whose reviews reference the file; its bytes are
    sealed under that identity's key. There is no foreign key from ``evidence_refs``: the reference
    finds its copy through its review's member (``Workbench.add_evidence`` writes both at once)."""

    __tablename__ = "evidence_files"

    owner: Mapped[str] = mapped_column(String(128), primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(SealedBytes("evidence_files.data"))
    added_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (CheckConstraint("length(sha256) = 64", name="sha256_length"),)


class EvidenceRefRow(Base):
    """A score's evidence: a material and page of the package, or an attached file."""

    __tablename__ = "evidence_refs"

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id"))
    code: Mapped[str] = mapped_column(String(CODE))
    kind: Mapped[str] = mapped_column(String(16))  # 'material' or 'file'
    material: Mapped[str | None] = mapped_column(Text)
    page: Mapped[int | None] = mapped_column(Integer)
    file_name: Mapped[str | None] = mapped_column(SealedText("evidence_refs.file_name"))
    sha256: Mapped[str | None] = mapped_column(String(64))  # evidence_files (owner = the review's member)
    size: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str | None] = mapped_column(SealedText("evidence_refs.note"))
    added_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (
        CheckConstraint(
            "(kind = 'material' AND material IS NOT NULL) OR "
            "(kind = 'file' AND file_name IS NOT NULL AND sha256 IS NOT NULL AND size IS NOT NULL)",
            name="kind",
        ),
        CheckConstraint("page IS NULL OR page >= 1", name="page"),
        Index(None, "review_id", "code"),
        NEVER_REUSE_IDS,
    )


class ScratchpadRow(Base):
    """The expert's private scratchpad for a review: kept on this laptop, never exported."""

    __tablename__ = "scratchpad"

    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id"), primary_key=True)
    text: Mapped[str] = mapped_column(SealedText("scratchpad.text"))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class SiteNoteRow(Base):
    """A time-stamped note taken during a site-visit activity, linked to the indicators it informs."""

    __tablename__ = "site_notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id"))
    activity: Mapped[str] = mapped_column(String(32))
    codes: Mapped[str] = mapped_column(Text)  # the linked codes, a JSON list
    text: Mapped[str] = mapped_column(SealedText("site_notes.text"))
    noted_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (
        CheckConstraint(
            "activity IN ('document_review', 'site_inspection', 'key_interview', 'themed_forum', "
            "'presentation_questioning')",
            name="activity",
        ),
        Index(None, "review_id"),
        NEVER_REUSE_IDS,
    )


class AuditRow(Base):
    """Append-only: every change to a review, with the old and new value (JSON), in the change's transaction.

    ``action`` is ``set`` for a change, ``undo``/``redo`` (``target_id`` names the entry undone or
    redone), ``lock``/``unlock`` for finalising and a return notice.
    """

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id"))
    at: Mapped[datetime] = mapped_column(default=utcnow)
    entity: Mapped[str] = mapped_column(String(32))
    key: Mapped[str] = mapped_column(String(200))
    old_value: Mapped[str | None] = mapped_column(SealedText("audit_log.old_value"))
    new_value: Mapped[str | None] = mapped_column(SealedText("audit_log.new_value"))
    action: Mapped[str] = mapped_column(String(16))
    target_id: Mapped[int | None] = mapped_column(ForeignKey("audit_log.id"))

    __table_args__ = (
        CheckConstraint("action IN ('set', 'undo', 'redo', 'lock', 'unlock')", name="action"),
        Index(None, "review_id", "id"),
    )


class UndoStackRow(Base):
    """The undo and redo stacks, kept as the log is written (revision 0007): one row per entry on a stack.

    ``position`` is the id of the audit row that pushed the entry (its own id for a change, the
    redo's or undo's id when one moved it), so the top of a stack is its largest position and the
    order is the log's. An entry is on at most one stack. Written by ``workbench_slots.record`` in
    the transaction of the audit row that changes it; equal to the replay of the log
    (``undo_stacks.replay``) at every commit.
    """

    __tablename__ = "undo_stack"

    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id"), primary_key=True)
    stack: Mapped[str] = mapped_column(String(4), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    audit_id: Mapped[int] = mapped_column(ForeignKey("audit_log.id"))

    __table_args__ = (
        CheckConstraint("stack IN ('undo', 'redo')", name="stack"),
        UniqueConstraint("review_id", "audit_id"),
    )

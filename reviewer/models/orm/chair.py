"""The chair's store (revisions 0003, 0004, 0008): the sheets imported for a package and the append-only log of
the chair's decisions, so the chair's work survives a restart.

``chair_sheets`` keeps every accepted sheet exactly as signed (its bytes; they are verified again
when loaded). ``chair_decisions`` is append-only: each row is one change (who, when, why) with the
complete decisions (``reviewer.decisions/2``) as they stood after it; the newest row is the current
state. See ``docs/store.md``.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from reviewer.models.orm.base import Base, utcnow
from reviewer.models.sealed import SealedBytes, SealedText

FINGERPRINT = 64
ACTIONS = (
    "consensus",
    "withdraw_consensus",
    "explanation",
    "withdraw_explanation",
    "return",
    "opinion",
    "dissent",
    "withdraw_dissent",
    "visit",
    "replace",
)


class ChairSheetRow(Base):
    """One sheet the chair accepted for a package (a superseded version is kept, marked)."""

    __tablename__ = "chair_sheets"

    id: Mapped[int] = mapped_column(primary_key=True)
    package_id: Mapped[str] = mapped_column(String(128))
    expert_fingerprint: Mapped[str] = mapped_column(String(FINGERPRINT))
    revision: Mapped[int] = mapped_column(Integer)
    digest: Mapped[str] = mapped_column(String(64))
    recused: Mapped[bool] = mapped_column(Boolean)
    source: Mapped[str] = mapped_column(SealedText("chair_sheets.source"))
    data: Mapped[bytes] = mapped_column(SealedBytes("chair_sheets.data"))
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)
    superseded: Mapped[bool] = mapped_column(Boolean, default=False)

    __table_args__ = (
        UniqueConstraint("package_id", "digest"),
        UniqueConstraint("package_id", "expert_fingerprint", "revision"),
        CheckConstraint("revision >= 1", name="revision"),
        CheckConstraint("length(digest) = 64", name="digest_length"),
    )


class ChairDecisionRow(Base):
    """One change to the chair's decisions: who, when, what and why, and the decisions after it."""

    __tablename__ = "chair_decisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    package_id: Mapped[str] = mapped_column(String(128))
    action: Mapped[str] = mapped_column(String(32))
    subject: Mapped[str] = mapped_column(String(200))  # indicator code, expert fingerprint, or ""
    by_name: Mapped[str] = mapped_column(Text)
    by_fingerprint: Mapped[str] = mapped_column(String(FINGERPRINT))
    by_role: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column()
    why: Mapped[str] = mapped_column(SealedText("chair_decisions.why"))
    decisions: Mapped[bytes] = mapped_column(
        SealedBytes("chair_decisions.decisions")
    )  # canonical reviewer.decisions/2 JSON

    __table_args__ = (
        Index(None, "package_id", "id"),
        CheckConstraint(
            "action IN (" + ", ".join(f"'{a}'" for a in ACTIONS) + ")",
            name="action",
        ),
        CheckConstraint("by_role IN ('chair', 'expert')", name="by_role"),
        {"sqlite_autoincrement": True},
    )


RECORD_EVENTS = ("reopened", "result")


class ChairRecordLogRow(Base):
    """The record's life (revision 0004), append-only: reopened before closing, or a result produced.

    ``reopened``: ``detail`` names the signatures discarded and the chair's reason; ``sha256`` is the
    record file that was set aside. ``result``: ``path``, ``sha256`` and ``version`` of the result file.
    """

    __tablename__ = "chair_record_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    package_id: Mapped[str] = mapped_column(String(128))
    kind: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column()
    by_name: Mapped[str] = mapped_column(Text)
    by_fingerprint: Mapped[str] = mapped_column(String(FINGERPRINT))
    path: Mapped[str | None] = mapped_column(Text)
    sha256: Mapped[str | None] = mapped_column(String(64))
    version: Mapped[int | None] = mapped_column(Integer)
    detail: Mapped[str] = mapped_column(SealedText("chair_record_log.detail"), default="")

    __table_args__ = (
        Index(None, "package_id", "id"),
        CheckConstraint("kind IN (" + ", ".join(f"'{k}'" for k in RECORD_EVENTS) + ")", name="kind"),
        {"sqlite_autoincrement": True},
    )


VOTE_KINDS = ("motion", "statement")


class ChairVoteRow(Base):
    """A motion the chair put to the panel or a member's statement the chair imported (revision
    0008), exactly as signed (verified again when loaded): what the decisions' votes and dissents
    are filled from, and what the result bundle carries."""

    __tablename__ = "chair_votes"

    id: Mapped[int] = mapped_column(primary_key=True)
    package_id: Mapped[str] = mapped_column(String(128))
    kind: Mapped[str] = mapped_column(String(16))
    digest: Mapped[str] = mapped_column(String(64))
    member_fingerprint: Mapped[str] = mapped_column(String(FINGERPRINT))  # the signer
    source: Mapped[str] = mapped_column(SealedText("chair_votes.source"))
    data: Mapped[bytes] = mapped_column(SealedBytes("chair_votes.data"))
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (
        UniqueConstraint("package_id", "digest"),
        Index(None, "package_id", "id"),
        CheckConstraint("kind IN (" + ", ".join(f"'{k}'" for k in VOTE_KINDS) + ")", name="kind"),
        CheckConstraint("length(digest) = 64", name="digest_length"),
        {"sqlite_autoincrement": True},
    )


CLOSING_FACTS = ("refusal", "not-signed", "withdrawn")


class ChairClosingFactRow(Base):
    """What the chair holds for closing the record with members who did not sign (revision 0009),
    append-only: a member's refusal to sign (the signed statement as received), the chair's record
    that a member neither signed nor gave reasons (``not-signed``), or its withdrawal (``withdrawn``).
    A member's newest ``not-signed``/``withdrawn`` row is the current state of the chair's record."""

    __tablename__ = "chair_closing_facts"

    id: Mapped[int] = mapped_column(primary_key=True)
    package_id: Mapped[str] = mapped_column(String(128))
    kind: Mapped[str] = mapped_column(String(16))
    expert_fingerprint: Mapped[str] = mapped_column(String(FINGERPRINT))
    at: Mapped[datetime] = mapped_column()
    by_fingerprint: Mapped[str] = mapped_column(String(FINGERPRINT))
    digest: Mapped[str | None] = mapped_column(String(64))  # the refusal's statement digest
    data: Mapped[bytes | None] = mapped_column(SealedBytes("chair_closing_facts.data"))  # the .rvstatement

    __table_args__ = (
        Index(None, "package_id", "id"),
        CheckConstraint("kind IN (" + ", ".join(f"'{k}'" for k in CLOSING_FACTS) + ")", name="kind"),
        {"sqlite_autoincrement": True},
    )

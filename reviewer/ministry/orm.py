"""The ministry registry's tables (its own database and metadata, apart from the expert's store).

Facts are append-only: ``candidates``, ``reviews`` (a newer version of a package's result marks the
older one not current), ``decisions``. The derived tables — ``status_history``, ``notices``,
``publicity``, ``star_ratings`` — are what :func:`reviewer.ministry.engine.replay` makes of a
candidate's facts, rebuilt in the same transaction as the fact that changed them. Decimal values
(totals, scores) are stored as canonical strings so they come back exactly on every backend.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from reviewer.models.orm.base import NAMING_CONVENTION, UTCDateTime

VERSION_TABLE = "ministry_alembic_version"


class RegistryBase(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UTCDateTime()}  # noqa: RUF012 - read by SQLAlchemy


class CandidateRow(RegistryBase):
    __tablename__ = "candidates"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    type: Mapped[str] = mapped_column(String(16))
    province: Mapped[str] = mapped_column(String(100), default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    parent_city: Mapped[str | None] = mapped_column(String(100))
    registered_year: Mapped[int] = mapped_column(Integer)
    registered_status: Mapped[str] = mapped_column(String(16))
    registered_at: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(16))  # derived: the timeline's status now


class ReviewRow(RegistryBase):
    __tablename__ = "reviews"
    __table_args__ = (
        UniqueConstraint("package_id", "bundle_version"),
        # one current result per package, whatever two desks do at the same moment (revision 0002)
        Index(
            "uq_reviews_package_id_current",
            "package_id",
            unique=True,
            sqlite_where=text("current"),
            postgresql_where=text("current"),
        ),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidates.id"), index=True)
    package_id: Mapped[str] = mapped_column(String(64), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    year: Mapped[int] = mapped_column(Integer)
    standard_id: Mapped[str] = mapped_column(String(200))
    standard_version: Mapped[str] = mapped_column(String(100))
    result: Mapped[str | None] = mapped_column(String(32))
    stars: Mapped[int | None] = mapped_column(Integer)
    vetoed: Mapped[bool] = mapped_column(Boolean)
    total: Mapped[str | None] = mapped_column(String(32))
    bundle_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    bundle_version: Mapped[int] = mapped_column(Integer)
    chair: Mapped[str] = mapped_column(String(200))
    experts: Mapped[str] = mapped_column(Text)  # JSON list of names
    reviewed_at: Mapped[datetime]
    imported_at: Mapped[datetime]
    current: Mapped[bool] = mapped_column(Boolean)


class DecisionRow(RegistryBase):
    __tablename__ = "decisions"
    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidates.id"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    decision: Mapped[str] = mapped_column(String(32))
    reason: Mapped[str] = mapped_column(Text, default="")
    decided_at: Mapped[datetime]


class StatusHistoryRow(RegistryBase):
    __tablename__ = "status_history"
    __table_args__ = (UniqueConstraint("candidate_id", "seq"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidates.id"))
    seq: Mapped[int] = mapped_column(Integer)
    year: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(16))
    reason_code: Mapped[str] = mapped_column(String(64))
    reason_zh: Mapped[str] = mapped_column(Text)
    reason_en: Mapped[str] = mapped_column(Text)
    package_id: Mapped[str | None] = mapped_column(String(64))


class NoticeRow(RegistryBase):
    __tablename__ = "notices"
    __table_args__ = (UniqueConstraint("candidate_id", "seq"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidates.id"))
    seq: Mapped[int] = mapped_column(Integer)
    year: Mapped[int] = mapped_column(Integer, index=True)
    at: Mapped[datetime]
    kind: Mapped[str] = mapped_column(String(32))
    text_zh: Mapped[str] = mapped_column(Text)
    text_en: Mapped[str] = mapped_column(Text)
    package_id: Mapped[str | None] = mapped_column(String(64))


class PublicityRow(RegistryBase):
    __tablename__ = "publicity"
    __table_args__ = (UniqueConstraint("candidate_id", "package_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidates.id"))
    package_id: Mapped[str] = mapped_column(String(64))
    year: Mapped[int] = mapped_column(Integer, index=True)
    starts: Mapped[date] = mapped_column(Date)
    ends: Mapped[date] = mapped_column(Date)
    outcome: Mapped[str] = mapped_column(String(16))
    length: Mapped[int | None] = mapped_column(Integer)  # revision 0003
    unit: Mapped[str] = mapped_column(String(16), default="", server_default="")
    opened: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class StarRatingRow(RegistryBase):
    __tablename__ = "star_ratings"
    __table_args__ = (UniqueConstraint("candidate_id", "year"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidates.id"))
    year: Mapped[int] = mapped_column(Integer, index=True)
    stars: Mapped[int] = mapped_column(Integer)


class DeviationRow(RegistryBase):
    __tablename__ = "expert_deviations"
    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id"), index=True)
    expert_id: Mapped[str] = mapped_column(String(200), index=True)
    expert_name: Mapped[str] = mapped_column(String(200))
    code: Mapped[str] = mapped_column(String(64))
    score: Mapped[str] = mapped_column(String(32))
    aggregate: Mapped[str] = mapped_column(String(32))


class PendingRebuildRow(RegistryBase):
    """A candidate whose derived tables a migration left to rebuild (it repaired the facts beneath them
    without the rules engine); :class:`~reviewer.ministry.registry.Registry` rebuilds and removes it."""

    __tablename__ = "pending_rebuilds"
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidates.id"), primary_key=True)
    reason: Mapped[str] = mapped_column(String(64))


class RatingRow(RegistryBase):
    """A star rating the ministry recorded for a title holder and year (a fact; revision 0003). The
    newest rating of a year supersedes older ones and that year's annual panel stars."""

    __tablename__ = "ratings"
    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidates.id"), index=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    stars: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(Text)
    rated_at: Mapped[datetime]
    recorded_at: Mapped[datetime]


class ApplicationRow(RegistryBase):
    """A candidate's application (申请) as the desk received it (a fact; revision 0003)."""

    __tablename__ = "applications"
    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidates.id"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    documents: Mapped[str] = mapped_column(Text)  # JSON list of {"name", "sha256"}
    filed_at: Mapped[datetime]
    recorded_at: Mapped[datetime]


class PaperCheckRow(RegistryBase):
    """The ministry's paper check (形式审查) of an application (a fact; revision 0003)."""

    __tablename__ = "paper_checks"
    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidates.id"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    answers: Mapped[str] = mapped_column(Text)  # JSON object: checklist code → met
    passed: Mapped[bool] = mapped_column(Boolean)
    note: Mapped[str] = mapped_column(Text, default="")
    checked_at: Mapped[datetime]


class ThirdPartyReportRow(RegistryBase):
    """A third-party institution's report on a park's application (a fact; revision 0003)."""

    __tablename__ = "third_party_reports"
    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidates.id"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    institution: Mapped[str] = mapped_column(String(200))
    file_name: Mapped[str] = mapped_column(String(255))
    sha256: Mapped[str] = mapped_column(String(64))
    received_at: Mapped[datetime]


class PublicityOpeningRow(RegistryBase):
    """The ministry opened a publicity (公示) with explicit dates (a fact; revision 0003)."""

    __tablename__ = "publicity_openings"
    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidates.id"), index=True)
    package_id: Mapped[str] = mapped_column(String(64))
    year: Mapped[int] = mapped_column(Integer)
    starts: Mapped[date] = mapped_column(Date)
    ends: Mapped[date] = mapped_column(Date)
    length: Mapped[int | None] = mapped_column(Integer)
    unit: Mapped[str] = mapped_column(String(16))
    opened_at: Mapped[datetime]


class ProgressReportRow(RegistryBase):
    """A creation progress report (创建工作进展) received from a creating candidate: a fact (revision 0004).

    The registry keeps the file's name and SHA-256, not the file; one file is recorded once."""

    __tablename__ = "progress_reports"
    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidates.id"), index=True)
    period_due: Mapped[date] = mapped_column(Date)
    file_name: Mapped[str] = mapped_column(String(255))
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    received: Mapped[date] = mapped_column(Date)  # the Beijing calendar day the ministry received it
    recorded_by: Mapped[str] = mapped_column(String(200))
    recorded_at: Mapped[datetime]


class PriorityFlagRow(RegistryBase):
    """A priority flag set or cleared by hand, with its source: a fact; a flag's state is its last row."""

    __tablename__ = "priority_flags"
    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidates.id"), index=True)
    flag: Mapped[str] = mapped_column(String(48))
    action: Mapped[str] = mapped_column(String(8))  # set or clear
    source: Mapped[str] = mapped_column(Text)  # a document number (文号) or a URL
    source_date: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(200))
    recorded_at: Mapped[datetime]


class CohortEvaluationRow(RegistryBase):
    """One annual cohort evaluation of a type (revision 0006): a draft, or the published one of its
    year and type (at most one: a partial unique index refuses a second, whatever two desks do)."""

    __tablename__ = "cohort_evaluations"
    __table_args__ = (
        UniqueConstraint("year", "type", "version"),
        Index(
            "uq_cohort_evaluations_published",
            "year",
            "type",
            unique=True,
            sqlite_where=text("status = 'published'"),
            postgresql_where=text("status = 'published'"),
        ),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    type: Mapped[str] = mapped_column(String(16))
    version: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16))  # draft, published
    method: Mapped[str] = mapped_column(String(16))
    standard_id: Mapped[str] = mapped_column(String(200))
    rules_version: Mapped[str] = mapped_column(String(100))
    excluded: Mapped[str] = mapped_column(Text)  # JSON list of names
    created_at: Mapped[datetime]
    published_at: Mapped[datetime | None]


class CohortRowRow(RegistryBase):
    """A row of a cohort evaluation, in list order; Decimals as canonical strings."""

    __tablename__ = "cohort_rows"
    __table_args__ = (UniqueConstraint("evaluation_id", "position"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    evaluation_id: Mapped[int] = mapped_column(ForeignKey("cohort_evaluations.id"))
    position: Mapped[int] = mapped_column(Integer)
    rank: Mapped[int | None] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    objective: Mapped[str | None] = mapped_column(String(32))
    expert: Mapped[str | None] = mapped_column(String(32))
    total: Mapped[str | None] = mapped_column(String(32))
    stars: Mapped[int] = mapped_column(Integer)
    capped_by: Mapped[str] = mapped_column(Text)  # JSON list of gate codes
    notes: Mapped[str] = mapped_column(Text)  # JSON list of note keys


class DataReturnRow(RegistryBase):
    """A candidate's figures of a year, as imported from its checked XLSX (append-only; revision 0005).

    A newer return of the same candidate and year gets the next ``version``; the newest is current.
    ``figures`` is a JSON object code → canonical decimal string."""

    __tablename__ = "data_returns"
    __table_args__ = (UniqueConstraint("candidate_id", "year", "version"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidates.id"), index=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    type: Mapped[str] = mapped_column(String(16))
    version: Mapped[int] = mapped_column(Integer)
    figures: Mapped[str] = mapped_column(Text)
    source_sha256: Mapped[str] = mapped_column(String(64))
    received_at: Mapped[datetime]


class NationalFigureRow(RegistryBase):
    """A national figure of a year (``national:<code>``) entered by the ministry (append-only; the
    highest ``version`` of a year and code is current)."""

    __tablename__ = "national_figures"
    __table_args__ = (UniqueConstraint("year", "code", "version"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    code: Mapped[str] = mapped_column(String(64))
    value: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[datetime]

"""The registry: one session per unit of work, frozen values out, the rules applied on every change.

Writing (this module): register a candidate, record a verified review result, record a publicity
decision. Each is one transaction that adds the fact and rebuilds the candidate's derived tables
from :func:`~reviewer.ministry.engine.replay`. Reading: :mod:`reviewer.ministry.registry_read`.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import URL, Engine, delete, insert, select
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from reviewer.errors import Refused, UsageError
from reviewer.i18n import T
from reviewer.ministry import engine as rules_engine
from reviewer.ministry.database import open_engine
from reviewer.ministry.lifecycle import Lifecycle
from reviewer.ministry.orm import (
    ApplicationRow,
    CandidateRow,
    DecisionRow,
    DeviationRow,
    NoticeRow,
    PaperCheckRow,
    PendingRebuildRow,
    PublicityOpeningRow,
    PublicityRow,
    RatingRow,
    ReviewRow,
    StarRatingRow,
    StatusHistoryRow,
    ThirdPartyReportRow,
)
from reviewer.ministry.refusals import NotTitleHolder, WrongStage
from reviewer.ministry.registry_read import RegistryReader
from reviewer.ministry.rules import HOLDING, RegistryRules, load_rules
from reviewer.ministry.types import (
    Application,
    CandidateInfo,
    Decision,
    Event,
    PaperCheck,
    PublicityOpened,
    Rating,
    ReceivedDocument,
    Registration,
    ReviewEvent,
    ReviewResult,
    ThirdPartyReport,
    Timeline,
)
from reviewer.ministry.working_calendar import WorkingCalendar, load_calendar
from reviewer.models.orm.base import utcnow
from reviewer.trust.names import CANDIDATE_FIELD, check_name

IMPORTED = "imported"
SUPERSEDED = "superseded"  # imported, replacing an older version of the same package's result
DUPLICATE = "duplicate"  # this very bundle is in the registry already: nothing changed
RECORD_ATTEMPTS = 3  # a transaction that lost a race to another desk is decided again, this often
RETRY_SQLSTATES = ("40001", "40P01")  # PostgreSQL: serialization failure, deadlock detected


def _retryable(exc: OperationalError) -> bool:
    return getattr(exc.orig, "sqlstate", None) in RETRY_SQLSTATES


@dataclass(frozen=True)
class RecordOutcome:
    outcome: str  # imported, superseded, duplicate
    candidate: str
    status: str
    package_id: str
    bundle_version: int


class Registry(Lifecycle, RegistryReader):
    """The national register of famous cities and parks on one database (SQLite or PostgreSQL)."""

    def __init__(
        self, engine: Engine, rules: RegistryRules | None = None, calendar: WorkingCalendar | None = None
    ) -> None:
        RegistryReader.__init__(self, engine, rules or load_rules())
        self.calendar = calendar or load_calendar()
        self._rebuild_pending()

    def _rebuild_pending(self) -> None:
        """Rebuild the derived tables of candidates a migration queued (it repaired their facts)."""
        with self._read() as s:
            if s.scalar(select(PendingRebuildRow.candidate_id).limit(1)) is None:
                return
        with Session(self.engine) as s, s.begin():
            for pending in s.scalars(select(PendingRebuildRow).with_for_update()).all():
                self._rebuild(s, s.get_one(CandidateRow, pending.candidate_id))
                s.delete(pending)

    @classmethod
    def open(
        cls,
        target: str | os.PathLike[str] | URL,
        rules: RegistryRules | None = None,
        calendar: WorkingCalendar | None = None,
    ) -> Registry:
        return cls(open_engine(target), rules, calendar)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Registry:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writing ------------------------------------------------------------------------------
    def register(
        self, info: CandidateInfo, *, year: int, status: str = "creating", at: datetime | None = None
    ) -> None:
        """Add a candidate (a city or park already holding the title is registered as ``awarded``)."""
        if info.type not in ("city", "park") or status not in rules_engine.STATUS_LABELS:
            raise UsageError(
                T(
                    "候选对象类型或状态无效：{t} / {s}",
                    "Invalid candidate type or status: {t} / {s}",
                    t=info.type,
                    s=status,
                )
            )
        for key in ("name", "province", "city", "parent_city"):
            if isinstance(getattr(info, key), str):
                check_name(getattr(info, key), CANDIDATE_FIELD.format(key=key))
        with Session(self.engine) as s, s.begin():
            if s.scalar(select(CandidateRow.id).where(CandidateRow.name == info.name)) is not None:
                raise Refused(
                    T("“{name}”已在登记册中。", "“{name}” is in the registry already.", name=info.name)
                )
            row = self._new_candidate(info, year, status, at or utcnow())
            s.add(row)
            s.flush()
            self._rebuild(s, row)

    def record(self, result: ReviewResult) -> RecordOutcome:
        """Add a verified review result in one transaction and apply the rules to its candidate.

        Two desks on a shared server may record results of one package at the same moment. The
        candidate's row is locked where the decision is made (``SELECT … FOR UPDATE`` on PostgreSQL;
        SQLite's ``BEGIN IMMEDIATE`` already serialises writers), and the database keeps one current
        result per package (``uq_reviews_package_id_current``). A transaction that still loses — the
        first result of a new candidate or package, where there was no row to lock — is rolled back
        and decided again on what the winner committed: a newer version supersedes, an older one is
        refused, the same bundle is a duplicate."""
        for attempt in range(1, RECORD_ATTEMPTS + 1):
            try:
                with Session(self.engine) as s, s.begin():
                    return self._record(s, result)
            except (IntegrityError, OperationalError) as exc:
                if isinstance(exc, OperationalError) and not _retryable(exc):
                    raise
                if attempt < RECORD_ATTEMPTS:
                    continue
                raise Refused(
                    T(
                        "评审结果 {pkg} 与登记册中已有的记录冲突（可能正被同时导入）。",
                        "The result of package {pkg} conflicts with a record in the registry (imported at the "
                        "same time?).",
                        pkg=result.package_id,
                    ),
                    detail=str(exc.orig),
                ) from exc
        raise AssertionError("unreachable")

    def decide_publicity(
        self, name: str, *, year: int, confirmed: bool, reason: str = "", at: datetime | None = None
    ) -> str:
        """Close the pending publicity (公示) of ``name``: confirmed → title; objected → creating.
        Refused (:class:`~reviewer.ministry.refusals.PublicityNotEnded`) until its last day has passed
        (the day of ``at``, default now, in Beijing time, must be after the end date)."""
        with Session(self.engine) as s, s.begin():
            row = self._locked(s, name)
            self._check_ended(s, row, at)
            decision = "publicity_confirmed" if confirmed else "publicity_objected"
            s.add(
                DecisionRow(
                    candidate_id=row.id,
                    year=year,
                    decision=decision,
                    reason=reason,
                    decided_at=at or utcnow(),
                )
            )
            s.flush()
            return self._rebuild(s, row).status

    def record_ratings(
        self, ratings: Mapping[str, int], *, year: int, source: str, at: datetime | None = None
    ) -> dict[str, str]:
        """Record the ministry's star ratings of ``year`` (candidate name → 1..3 stars) in one
        transaction and return each candidate's status after it. Every candidate must hold the title
        (awarded or warned), else :class:`~reviewer.ministry.refusals.NotTitleHolder` and nothing is
        recorded. A rating folds like an annual result (one star warns, consecutive one-star years
        exit, two or more restore) and supersedes that year's annual panel stars; recording a year
        again supersedes the earlier rating of that year."""
        with Session(self.engine) as s, s.begin():
            return self.record_ratings_in(s, ratings, year=year, source=source, at=at)

    def record_ratings_in(
        self, s: Session, ratings: Mapping[str, int], *, year: int, source: str, at: datetime | None = None
    ) -> dict[str, str]:
        """:meth:`record_ratings` inside the caller's transaction ``s``: what the caller writes there
        (a cohort evaluation marked published) commits with the ratings, or neither does."""
        _check_ratings(ratings, source)
        when = at or utcnow()
        rows = []
        for name in sorted(ratings):  # a fixed order of row locks: no deadlock between two desks
            row = s.scalar(select(CandidateRow).where(CandidateRow.name == name).with_for_update())
            if row is None:
                raise UsageError(T("登记册中没有“{name}”。", "“{name}” is not in the registry.", name=name))
            if row.status not in HOLDING:
                raise NotTitleHolder(name, row.status)
            rows.append(row)
        for row in rows:
            s.add(
                RatingRow(
                    candidate_id=row.id,
                    year=year,
                    stars=ratings[row.name],
                    source=source,
                    rated_at=when,
                    recorded_at=utcnow(),
                )
            )
        s.flush()
        return {row.name: self._rebuild(s, row).status for row in rows}

    # --- internals ----------------------------------------------------------------------------
    @staticmethod
    def _new_candidate(info: CandidateInfo, year: int, status: str, at: datetime) -> CandidateRow:
        return CandidateRow(
            name=info.name,
            type=info.type,
            province=info.province,
            city=info.city,
            parent_city=info.parent_city,
            registered_year=year,
            registered_status=status,
            registered_at=at,
            status=status,
        )

    def _record(self, s: Session, result: ReviewResult) -> RecordOutcome:
        # First lock the candidate: a second desk recording for it waits here until this transaction
        # ends, and then reads what it committed (each statement sees the latest commits).
        row = s.scalar(
            select(CandidateRow).where(CandidateRow.name == result.candidate.name).with_for_update()
        )
        same = s.scalar(select(ReviewRow).where(ReviewRow.bundle_sha256 == result.bundle_sha256))
        if same is not None:
            cand = s.get_one(CandidateRow, same.candidate_id)
            return RecordOutcome(DUPLICATE, cand.name, cand.status, same.package_id, same.bundle_version)
        earlier = s.scalars(
            select(ReviewRow).where(ReviewRow.package_id == result.package_id).with_for_update()
        ).all()
        newest = max((r.bundle_version for r in earlier), default=0)
        if earlier and result.bundle_version <= newest:
            raise Refused(
                T(
                    "评审包 {pkg} 的结果版本 {v} 不新于已导入的版本 {have}（重放或旧版本），未导入。",
                    "The result of package {pkg} is version {v}, not newer than the imported version {have} "
                    "(a replay or an older version); not imported.",
                    pkg=result.package_id,
                    v=result.bundle_version,
                    have=newest,
                )
            )
        if row is None:
            if not rules_engine.admissible(None, result.kind):
                raise rules_engine.refusal(result.candidate.name, None, result.kind)
            row = self._new_candidate(result.candidate, result.year, "creating", result.at)
            s.add(row)
            s.flush()
        elif row.type != result.candidate.type:
            raise Refused(
                T(
                    "“{name}”在登记册中的类型与评审包不一致。",
                    "The type of “{name}” in the registry differs from the package's.",
                    name=row.name,
                )
            )
        if earlier:
            for old in earlier:
                old.current = False
        elif not rules_engine.admissible(row.status, result.kind):
            raise rules_engine.refusal(row.name, row.status, result.kind)
        if row.status == "applicant" and not earlier:
            # the engine folds in time order: a review dated before the passed paper check would not count
            passed = self._paper_passed_at(s, row)
            if passed is None or result.at < passed:
                raise WrongStage(
                    row.name,
                    row.status,
                    "登记早于形式审查通过的申请评审结果",
                    "take an application review dated before its paper check passed",
                )
            if row.type == "park" and result.kind == "application":
                self._check_third_party_report(s, row)
        if result.kind == "annual":
            self._check_one_rating(s, row, result)
        review = ReviewRow(
            candidate_id=row.id,
            package_id=result.package_id,
            kind=result.kind,
            year=result.year,
            standard_id=result.standard_id,
            standard_version=result.standard_version,
            result=result.result,
            stars=result.stars,
            vetoed=result.vetoed,
            total=None if result.total is None else str(result.total),
            bundle_sha256=result.bundle_sha256,
            bundle_version=result.bundle_version,
            chair=result.chair,
            experts=json.dumps(list(result.experts), ensure_ascii=False),
            reviewed_at=result.at,
            imported_at=utcnow(),
            current=True,
        )
        s.add(review)
        s.flush()
        if result.deviations:  # one multi-row INSERT: a row per expert and scored indicator
            s.execute(
                insert(DeviationRow),
                [
                    {
                        "review_id": review.id,
                        "expert_id": d.expert_id,
                        "expert_name": d.expert_name,
                        "code": d.code,
                        "score": str(d.score),
                        "aggregate": str(d.aggregate),
                    }
                    for d in result.deviations
                ],
            )
        timeline = self._rebuild(s, row)
        return RecordOutcome(
            SUPERSEDED if earlier else IMPORTED,
            row.name,
            timeline.status,
            result.package_id,
            result.bundle_version,
        )

    def _check_one_rating(self, s: Session, row: CandidateRow, result: ReviewResult) -> None:
        other = s.scalar(
            select(ReviewRow.package_id).where(
                ReviewRow.candidate_id == row.id,
                ReviewRow.kind == "annual",
                ReviewRow.year == result.year,
                ReviewRow.current.is_(True),
                ReviewRow.package_id != result.package_id,
            )
        )
        if other is not None:
            raise Refused(
                T(
                    "“{name}”{year}年度已有评估结果（评审包 {other}），未导入。",
                    "“{name}” already has an annual result for {year} (package {other}); not imported.",
                    name=row.name,
                    year=result.year,
                    other=other,
                )
            )

    def _events(self, s: Session, row: CandidateRow) -> list[Event]:
        events: list[Event] = [Registration(row.registered_year, row.registered_at, row.registered_status)]
        for r in s.scalars(
            select(ReviewRow).where(ReviewRow.candidate_id == row.id, ReviewRow.current.is_(True))
        ):
            events.append(ReviewEvent(r.year, r.reviewed_at, r.package_id, r.kind, r.result, r.vetoed))
        for d in s.scalars(select(DecisionRow).where(DecisionRow.candidate_id == row.id)):
            events.append(Decision(d.year, d.decided_at, d.decision, d.reason))
        for g in s.scalars(select(RatingRow).where(RatingRow.candidate_id == row.id)):
            events.append(Rating(g.year, g.rated_at, g.stars, g.source))
        for a in s.scalars(select(ApplicationRow).where(ApplicationRow.candidate_id == row.id)):
            docs = tuple(ReceivedDocument(d["name"], d["sha256"]) for d in json.loads(a.documents))
            events.append(Application(a.year, a.filed_at, docs))
        for c in s.scalars(select(PaperCheckRow).where(PaperCheckRow.candidate_id == row.id)):
            answers = tuple(json.loads(c.answers).items())
            events.append(PaperCheck(c.year, c.checked_at, row.type, c.passed, answers, c.note))
        for t in s.scalars(select(ThirdPartyReportRow).where(ThirdPartyReportRow.candidate_id == row.id)):
            events.append(ThirdPartyReport(t.year, t.received_at, t.institution, t.file_name, t.sha256))
        for o in s.scalars(select(PublicityOpeningRow).where(PublicityOpeningRow.candidate_id == row.id)):
            events.append(
                PublicityOpened(o.year, o.opened_at, o.package_id, o.starts, o.ends, o.length, o.unit)
            )
        return events

    def _rebuild(self, s: Session, row: CandidateRow) -> Timeline:
        timeline = rules_engine.replay(self.rules, self._events(s, row), self.calendar)
        for table in (StatusHistoryRow, NoticeRow, PublicityRow, StarRatingRow):
            s.execute(delete(table).where(table.candidate_id == row.id))
        s.flush()
        for i, h in enumerate(timeline.history):
            s.add(StatusHistoryRow(candidate_id=row.id, seq=i, **h.__dict__))
        for i, n in enumerate(timeline.notices):
            s.add(NoticeRow(candidate_id=row.id, seq=i, **n.__dict__))
        for p in timeline.publicity:
            s.add(PublicityRow(candidate_id=row.id, **p.__dict__))
        for year, stars in timeline.stars:
            s.add(StarRatingRow(candidate_id=row.id, year=year, stars=stars))
        row.status = timeline.status
        return timeline


def _check_ratings(ratings: Mapping[str, int], source: str) -> None:
    if not source.strip():
        raise UsageError(T("须注明星级的来源。", "Say where the star ratings come from (source)."))
    for name, stars in ratings.items():
        if isinstance(stars, bool) or not isinstance(stars, int) or not 1 <= stars <= 3:
            raise UsageError(
                T(
                    "“{name}”的星级 {stars} 无效：须为 1 至 3。",
                    "The star rating {stars} of “{name}” is not valid: it must be 1 to 3.",
                    name=name,
                    stars=str(stars),
                )
            )

"""Reading the registry: candidates with their status and priority flags, histories, star lists,
notices, the publicity list and expert calibration — each query one read-only session, frozen values out.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import Engine, Numeric, cast, func, select
from sqlalchemy.orm import Session

from reviewer.errors import UsageError
from reviewer.i18n import T
from reviewer.ministry import engine as rules_engine
from reviewer.ministry import priority
from reviewer.ministry.orm import (
    ApplicationRow,
    CandidateRow,
    DeviationRow,
    NoticeRow,
    PublicityRow,
    ReviewRow,
    StarRatingRow,
    StatusHistoryRow,
    ThirdPartyReportRow,
)
from reviewer.ministry.rules import RegistryRules
from reviewer.ministry.types import (
    Calibration,
    Candidate,
    CandidateHistory,
    CandidateInfo,
    DocumentEntry,
    Notice,
    PublicityEntry,
    ScoreEntry,
    StatusEntry,
)
from reviewer.ministry.types import ReviewRow as ReviewView
from reviewer.models.db import READ_ONLY

PLACES = Decimal("0.01")


@dataclass(frozen=True)
class StarListEntry:
    candidate: Candidate
    year: int
    stars: int


@dataclass(frozen=True)
class NoticeEntry:
    candidate: str
    notice: Notice


@dataclass(frozen=True)
class PublicityListEntry:
    candidate: Candidate
    package_id: str
    year: int
    starts: date
    ends: date
    outcome: str
    total: Decimal | None
    length: int | None = None
    unit: str = ""  # working_days, calendar_days, or "" (an end date was given)
    opened: bool = False  # False: scheduled from the review's date, not yet opened by the ministry


class _DeviationSums:
    """SQLite aggregate: the exact sums of ``score - aggregate`` and of its absolute value, as text."""

    NAME = "reviewer_deviation_sums"

    def __init__(self) -> None:
        self.total = Decimal(0)
        self.total_abs = Decimal(0)

    def step(self, score: str, aggregate: str) -> None:
        delta = Decimal(score) - Decimal(aggregate)
        self.total += delta
        self.total_abs += abs(delta)

    def finalize(self) -> str:
        return f"{self.total} {self.total_abs}"


@dataclass(frozen=True)
class Overview:
    """The registry report's contents: a year's star list, notices and publicity list, every candidate."""

    stars: list[StarListEntry]
    notices: list[NoticeEntry]
    publicity: list[PublicityListEntry]
    candidates: list[Candidate]


def _info(row: CandidateRow) -> CandidateInfo:
    return CandidateInfo(row.name, row.type, row.province, row.city)


class RegistryReader:
    def __init__(self, engine: Engine, rules: RegistryRules) -> None:
        self.engine = engine
        self.rules = rules

    def _read(self) -> Session:
        return Session(self.engine.execution_options(**{READ_ONLY: True}))

    @staticmethod
    def _candidate_row(s: Session, name: str) -> CandidateRow:
        row = s.scalar(select(CandidateRow).where(CandidateRow.name == name))
        if row is None:
            raise UsageError(T("登记册中没有“{name}”。", "“{name}” is not in the registry.", name=name))
        return row

    def _all(self, s: Session) -> dict[int, Candidate]:
        rows = s.scalars(select(CandidateRow).order_by(CandidateRow.type, CandidateRow.name)).all()
        return self._with_flags(s, rows)

    def _with_flags(self, s: Session, rows: Sequence[CandidateRow]) -> dict[int, Candidate]:
        computed = rules_engine.priority_flags(self.rules, [(_info(r), r.status) for r in rows])
        flags = priority.with_manual(
            self.rules, rows, computed, priority.current_flags(s, (r.id for r in rows))
        )
        return {r.id: Candidate(r.id, _info(r), r.status, flags[r.name]) for r in rows}

    def _one(self, s: Session, row: CandidateRow) -> Candidate:
        """``row`` with its priority flags, from the candidates of its city only (not the whole register).

        A city's flag counts the parks whose ``city`` is its city (or name); a park's looks for the
        city whose city (or name) is the park's city: both are among the rows naming that place.
        """
        place = (row.city or row.name) if row.type == "city" else row.city
        neighbours = s.scalars(
            select(CandidateRow).where(
                (CandidateRow.id == row.id) | (CandidateRow.city == place) | (CandidateRow.name == place)
            )
        ).all()
        return self._with_flags(s, neighbours)[row.id]

    def candidates(self, *, status: str | None = None, type: str | None = None) -> list[Candidate]:
        with self._read() as s:
            found = self._all(s).values()
        return [
            c
            for c in found
            if (status is None or c.status == status) and (type is None or c.info.type == type)
        ]

    def candidate(self, name: str) -> Candidate:
        with self._read() as s:
            return self._one(s, self._candidate_row(s, name))

    def history(self, name: str) -> CandidateHistory:
        with self._read() as s:
            row = self._candidate_row(s, name)
            candidate = self._one(s, row)
            reviews = tuple(
                _review_view(r)
                for r in s.scalars(
                    select(ReviewRow)
                    .where(ReviewRow.candidate_id == row.id)
                    .order_by(ReviewRow.year, ReviewRow.reviewed_at, ReviewRow.bundle_version)
                )
            )
            timeline = tuple(
                StatusEntry(h.year, h.at, h.status, h.reason_code, h.reason_zh, h.reason_en, h.package_id)
                for h in s.scalars(
                    select(StatusHistoryRow)
                    .where(StatusHistoryRow.candidate_id == row.id)
                    .order_by(StatusHistoryRow.seq)
                )
            )
            notices = tuple(
                Notice(n.year, n.at, n.kind, n.text_zh, n.text_en, n.package_id)
                for n in s.scalars(
                    select(NoticeRow).where(NoticeRow.candidate_id == row.id).order_by(NoticeRow.seq)
                )
            )
            stars = tuple(
                (r.year, r.stars)
                for r in s.scalars(
                    select(StarRatingRow)
                    .where(StarRatingRow.candidate_id == row.id)
                    .order_by(StarRatingRow.year)
                )
            )
            documents = self._documents(s, row)
            publicity = tuple(
                PublicityEntry(p.year, p.package_id, p.starts, p.ends, p.outcome, p.length, p.unit, p.opened)
                for p in s.scalars(
                    select(PublicityRow)
                    .where(PublicityRow.candidate_id == row.id)
                    .order_by(PublicityRow.starts)
                )
            )
        return CandidateHistory(candidate, reviews, timeline, notices, stars, documents, publicity)

    @staticmethod
    def _documents(s: Session, row: CandidateRow) -> tuple[DocumentEntry, ...]:
        found = [
            DocumentEntry("application", a.year, a.filed_at, d["name"], d["sha256"])
            for a in s.scalars(select(ApplicationRow).where(ApplicationRow.candidate_id == row.id))
            for d in json.loads(a.documents)
        ]
        found += [
            DocumentEntry("third_party", t.year, t.received_at, t.file_name, t.sha256, t.institution)
            for t in s.scalars(select(ThirdPartyReportRow).where(ThirdPartyReportRow.candidate_id == row.id))
        ]
        return tuple(sorted(found, key=lambda d: d.at))

    def review_scores(self, package_id: str, version: int) -> tuple[ReviewView, tuple[ScoreEntry, ...]]:
        """One registered result (``package_id`` at bundle ``version``) and each expert's scores in it,
        with the panel's aggregate, as the registry keeps them (it keeps the numbers, not the files)."""
        with self._read() as s:
            r = s.scalar(
                select(ReviewRow).where(
                    ReviewRow.package_id == package_id, ReviewRow.bundle_version == version
                )
            )
            if r is None:
                raise UsageError(
                    T(
                        "登记册中没有评审包 {pkg} 第 {v} 版的结果。",
                        "The registry has no result of package {pkg}, version {v}.",
                        pkg=package_id,
                        v=version,
                    )
                )
            review = _review_view(r)
            scores = tuple(
                ScoreEntry(d.expert_id, d.expert_name, d.code, Decimal(d.score), Decimal(d.aggregate))
                for d in s.scalars(
                    select(DeviationRow).where(DeviationRow.review_id == r.id).order_by(DeviationRow.id)
                )
            )
        return review, scores

    def years(self) -> list[int]:
        """Every year with a star rating, a notice or a publicity entry, ascending."""
        with self._read() as s:
            found: set[int] = set()
            for table in (StarRatingRow, NoticeRow, PublicityRow):
                found.update(s.scalars(select(table.year).distinct()))
        return sorted(found)

    def overview(self, year: int | None = None) -> Overview:
        """What the registry report shows, read in one session with the candidates loaded once."""
        with self._read() as s:
            everyone = self._all(s)
            return Overview(
                self._star_list(s, everyone, year) if year is not None else [],
                self._notices(s, everyone, year, None),
                self._publicity(s, everyone, year),
                list(everyone.values()),
            )

    def star_list(self, year: int) -> list[StarListEntry]:
        """The year's star ratings, best first, then by name."""
        with self._read() as s:
            return self._star_list(s, self._all(s), year)

    @staticmethod
    def _star_list(s: Session, everyone: dict[int, Candidate], year: int) -> list[StarListEntry]:
        rows = s.scalars(select(StarRatingRow).where(StarRatingRow.year == year)).all()
        out = [StarListEntry(everyone[r.candidate_id], r.year, r.stars) for r in rows]
        return sorted(out, key=lambda e: (-e.stars, e.candidate.info.type, e.candidate.info.name))

    def notices(self, *, year: int | None = None, kind: str | None = None) -> list[NoticeEntry]:
        """Rectification notices, exit announcements, disqualifications (of a year), in time order."""
        with self._read() as s:
            return self._notices(s, self._all(s), year, kind)

    @staticmethod
    def _notices(
        s: Session, everyone: dict[int, Candidate], year: int | None, kind: str | None
    ) -> list[NoticeEntry]:
        query = select(NoticeRow).order_by(NoticeRow.year, NoticeRow.at, NoticeRow.id)
        if year is not None:
            query = query.where(NoticeRow.year == year)
        if kind is not None:
            query = query.where(NoticeRow.kind == kind)
        rows = sorted(
            s.scalars(query), key=lambda n: (n.year, n.at, everyone[n.candidate_id].info.name, n.seq)
        )
        return [
            NoticeEntry(
                everyone[n.candidate_id].info.name,
                Notice(n.year, n.at, n.kind, n.text_zh, n.text_en, n.package_id),
            )
            for n in rows
        ]

    def publicity(self, *, year: int | None = None) -> list[PublicityListEntry]:
        """The publicity list (公示名单): passed creation reviews, with the period and its outcome."""
        with self._read() as s:
            return self._publicity(s, self._all(s), year)

    @staticmethod
    def _publicity(s: Session, everyone: dict[int, Candidate], year: int | None) -> list[PublicityListEntry]:
        query = select(PublicityRow, ReviewRow.total).join(
            ReviewRow,
            (ReviewRow.package_id == PublicityRow.package_id) & ReviewRow.current.is_(True),
        )
        if year is not None:
            query = query.where(PublicityRow.year == year)
        out = [
            PublicityListEntry(
                everyone[p.candidate_id],
                p.package_id,
                p.year,
                p.starts,
                p.ends,
                p.outcome,
                None if total is None else Decimal(total),
                p.length,
                p.unit,
                p.opened,
            )
            for p, total in s.execute(query)
        ]
        return sorted(out, key=lambda e: (e.year, e.candidate.info.type, e.candidate.info.name))

    def calibration(self) -> list[Calibration]:
        """Each expert's deviation from the panel aggregates over all current reviews, most lenient first.

        Aggregated in the database, one row per expert: memory stays flat however many results the
        registry holds. Scores are decimal strings; the sums are exact (PostgreSQL ``numeric``, on
        SQLite a Python aggregate over :class:`~decimal.Decimal`) and the means divided here.
        """
        with self._read() as s:
            conn = s.connection()
            sqlite = conn.dialect.name == "sqlite"
            if sqlite:
                driver = conn.connection.driver_connection
                assert driver is not None  # a live connection, checked out for this session
                driver.create_aggregate(_DeviationSums.NAME, 2, _DeviationSums)
                sums = getattr(func, _DeviationSums.NAME)(DeviationRow.score, DeviationRow.aggregate)
                columns: tuple[Any, ...] = (sums,)
            else:
                delta = cast(DeviationRow.score, Numeric) - cast(DeviationRow.aggregate, Numeric)
                columns = (func.sum(delta), func.sum(func.abs(delta)))
            current = (
                select(DeviationRow.expert_id)
                .join(ReviewRow, ReviewRow.id == DeviationRow.review_id)
                .where(ReviewRow.current.is_(True))
                .group_by(DeviationRow.expert_id)
            )
            rows = s.execute(
                current.add_columns(func.count(func.distinct(ReviewRow.package_id)), func.count(), *columns)
            ).all()
            # the name an expert last appeared under (the newest deviation row of a current review)
            names = dict(
                s.execute(
                    select(DeviationRow.expert_id, DeviationRow.expert_name).where(
                        DeviationRow.id.in_(current.with_only_columns(func.max(DeviationRow.id)))
                    )
                ).all()
            )
        out = []
        for expert_id, reviews, n, *totals in rows:
            if sqlite:
                total, total_abs = (Decimal(x) for x in totals[0].split())
            else:
                total, total_abs = (Decimal(x) for x in totals)
            out.append(
                Calibration(
                    expert_id=expert_id,
                    expert_name=names[expert_id],
                    reviews=reviews,
                    scores=n,
                    mean_deviation=(total / n).quantize(PLACES),
                    mean_abs_deviation=(total_abs / n).quantize(PLACES),
                )
            )
        return sorted(out, key=lambda c: (-c.mean_deviation, c.expert_id))


def _review_view(r: ReviewRow) -> ReviewView:
    """A registered review as the desk reads it (a frozen value, detached from the session)."""
    return ReviewView(
        r.package_id,
        r.kind,
        r.year,
        f"{r.standard_id} {r.standard_version}",
        r.result,
        r.stars,
        r.vetoed,
        None if r.total is None else Decimal(r.total),
        r.bundle_sha256,
        r.bundle_version,
        r.chair,
        tuple(json.loads(r.experts)),
        r.current,
    )

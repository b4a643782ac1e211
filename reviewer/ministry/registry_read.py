"""Reading the registry: candidates with their status and priority flags, histories, star lists,
notices, the publicity list and expert calibration — each query one read-only session, frozen values out.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from reviewer.errors import UsageError
from reviewer.i18n import T
from reviewer.ministry import engine as rules_engine
from reviewer.ministry.orm import (
    CandidateRow,
    DeviationRow,
    NoticeRow,
    PublicityRow,
    ReviewRow,
    StarRatingRow,
    StatusHistoryRow,
)
from reviewer.ministry.rules import RegistryRules
from reviewer.ministry.types import (
    Calibration,
    Candidate,
    CandidateHistory,
    CandidateInfo,
    Notice,
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
        flags = rules_engine.priority_flags(self.rules, [(_info(r), r.status) for r in rows])
        return {r.id: Candidate(r.id, _info(r), r.status, flags[r.name]) for r in rows}

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
            return self._all(s)[self._candidate_row(s, name).id]

    def history(self, name: str) -> CandidateHistory:
        with self._read() as s:
            row = self._candidate_row(s, name)
            candidate = self._all(s)[row.id]
            reviews = tuple(
                ReviewView(
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
        return CandidateHistory(candidate, reviews, timeline, notices, stars)

    def years(self) -> list[int]:
        """Every year with a star rating, a notice or a publicity entry, ascending."""
        with self._read() as s:
            found: set[int] = set()
            for table in (StarRatingRow, NoticeRow, PublicityRow):
                found.update(s.scalars(select(table.year).distinct()))
        return sorted(found)

    def star_list(self, year: int) -> list[StarListEntry]:
        """The year's star ratings, best first, then by name."""
        with self._read() as s:
            everyone = self._all(s)
            rows = s.scalars(select(StarRatingRow).where(StarRatingRow.year == year)).all()
            out = [StarListEntry(everyone[r.candidate_id], r.year, r.stars) for r in rows]
        return sorted(out, key=lambda e: (-e.stars, e.candidate.info.type, e.candidate.info.name))

    def notices(self, *, year: int | None = None, kind: str | None = None) -> list[NoticeEntry]:
        """Rectification notices, exit announcements, disqualifications (of a year), in time order."""
        with self._read() as s:
            everyone = self._all(s)
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
            everyone = self._all(s)
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
                )
                for p, total in s.execute(query)
            ]
        return sorted(out, key=lambda e: (e.year, e.candidate.info.type, e.candidate.info.name))

    def calibration(self) -> list[Calibration]:
        """Each expert's deviation from the panel aggregates over all current reviews, most lenient first."""
        with self._read() as s:
            rows = s.execute(
                select(DeviationRow, ReviewRow.package_id)
                .join(ReviewRow, ReviewRow.id == DeviationRow.review_id)
                .where(ReviewRow.current.is_(True))
            ).all()
        by_expert: dict[str, list[tuple[DeviationRow, str]]] = defaultdict(list)
        for d, package in rows:
            by_expert[d.expert_id].append((d, package))
        out = []
        for expert_id, items in by_expert.items():
            deltas = [Decimal(d.score) - Decimal(d.aggregate) for d, _ in items]
            n = len(deltas)
            out.append(
                Calibration(
                    expert_id=expert_id,
                    expert_name=items[-1][0].expert_name,
                    reviews=len({p for _, p in items}),
                    scores=n,
                    mean_deviation=(sum(deltas, Decimal(0)) / n).quantize(PLACES),
                    mean_abs_deviation=(sum((abs(x) for x in deltas), Decimal(0)) / n).quantize(PLACES),
                )
            )
        return sorted(out, key=lambda c: (-c.mean_deviation, c.expert_id))

"""Creation progress reports (创建工作进展): when they are due, which were received, which are overdue.

A creating candidate reports its progress to the ministry on time (seed, stage 2). The rules file's
``progress`` section says when: a report is due every ``every_months`` months after the candidate
*entered creating* — the Beijing day of the first ``creating`` entry in its status history — on each
such day while the candidate is still creating (a candidate that left creating owes no more). A due
report not received ``grace_days`` days after its due day is **overdue** from the next day on.

The registry keeps facts only (``progress_reports``: the due period, the file's name and SHA-256, the
Beijing day received, who recorded it); the due dates are computed when read. Dates here are Beijing
calendar days (:func:`beijing_today`), times in the database UTC.
"""

from __future__ import annotations

import calendar
import getpass
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from reviewer.errors import Refused, UsageError
from reviewer.i18n import BEIJING, T
from reviewer.ministry.orm import CandidateRow, ProgressReportRow, StatusHistoryRow
from reviewer.ministry.rules import ProgressRules
from reviewer.models.orm.base import utcnow

if TYPE_CHECKING:
    from reviewer.ministry.registry import Registry
    from reviewer.ministry.registry_read import RegistryReader

CHUNK = 1 << 20  # bytes read at a time while hashing: memory stays flat whatever the file's size
FILE_NAME_MAX = 255


class NotCreating(Refused):
    """A progress report for a candidate that is not creating (exit 18)."""


class DuplicateReport(Refused):
    """This very file (same SHA-256) is in the registry already (exit 18)."""


class NotDue(UsageError):
    """The period named is not one of the candidate's due dates (exit 2)."""


@dataclass(frozen=True)
class ProgressDue:
    """One due report of a candidate: the due day, and the report received for it (if any)."""

    due: date
    received: date | None
    sha256: str | None
    overdue: bool  # not received, and the grace period after ``due`` has passed
    file_name: str = ""
    late: bool = False  # received, but after the grace period


@dataclass(frozen=True)
class ProgressReport:
    candidate: str
    period_due: date
    file_name: str
    sha256: str
    received: date
    recorded_by: str
    recorded_at: datetime


@dataclass(frozen=True)
class OverdueReport:
    candidate: str
    type: str
    due: date
    days_late: int  # days past the end of the grace period


def beijing_today(now: datetime | None = None) -> date:
    """Today's date in Beijing (the calendar the ministry's due dates are kept in)."""
    return (now or utcnow()).astimezone(BEIJING).date()


def add_months(day: date, months: int) -> date:
    """``day`` moved ``months`` calendar months on; the 31st becomes the month's last day if shorter."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def file_sha256(path: Path) -> str:
    """The SHA-256 of ``path``, read in 1 MiB chunks."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as fh:
            while chunk := fh.read(CHUNK):
                digest.update(chunk)
    except OSError as exc:
        raise UsageError(
            T(
                "无法读取进展报告文件 {path}：{err}",
                "Cannot read the progress report file {path}: {err}",
                path=str(path),
                err=exc.strerror or str(exc),
            )
        ) from exc
    return digest.hexdigest()


def creating_spans(history: Iterable[tuple[datetime, str]]) -> list[tuple[date, date | None]]:
    """The Beijing-day spans ``[start, end)`` the candidate was creating, from its status history in order
    (``end`` None: creating now)."""
    spans: list[tuple[date, date | None]] = []
    start: date | None = None
    for at, status in history:
        day = beijing_today(at)
        if status == "creating" and start is None:
            start = day
        elif status != "creating" and start is not None:
            spans.append((start, day))
            start = None
    if start is not None:
        spans.append((start, None))
    return spans


def due_dates(
    rules: ProgressRules, spans: Sequence[tuple[date, date | None]], until: date
) -> tuple[date, ...]:
    """The due days up to ``until`` and the next one after it, counted from the first entry into creating,
    keeping the days on which the candidate was creating."""
    if not spans:
        return ()
    entry = spans[0][0]
    out: list[date] = []
    k = 1
    while True:
        due = add_months(entry, k * rules.every_months)
        k += 1
        if any(start <= due and (end is None or due < end) for start, end in spans):
            out.append(due)
        if due > until:
            return tuple(out)


def _rules(reader: RegistryReader) -> ProgressRules:
    if reader.rules.progress is None:
        raise UsageError(
            T(
                "登记规则文件没有“progress”（进展报告）部分，无法计算报告期限。",
                "The registry rules file has no “progress” section: report due dates cannot be computed.",
            )
        )
    return reader.rules.progress


def _spans(s: Session, candidate_id: int) -> list[tuple[date, date | None]]:
    rows = s.execute(
        select(StatusHistoryRow.at, StatusHistoryRow.status)
        .where(StatusHistoryRow.candidate_id == candidate_id)
        .order_by(StatusHistoryRow.seq)
    ).all()
    return creating_spans((at, status) for at, status in rows)


def _status(
    rules: ProgressRules,
    spans: Sequence[tuple[date, date | None]],
    reports: Sequence[ProgressReportRow],
    today: date,
) -> tuple[ProgressDue, ...]:
    grace = timedelta(days=rules.grace_days)
    first: dict[date, ProgressReportRow] = {}
    for rep in sorted(reports, key=lambda x: (x.received, x.id)):
        first.setdefault(rep.period_due, rep)
    out = []
    for due in sorted(set(due_dates(rules, spans, today)) | set(first)):
        r = first.get(due)
        if r is None:
            out.append(ProgressDue(due, None, None, today > due + grace))
        else:
            out.append(ProgressDue(due, r.received, r.sha256, False, r.file_name, r.received > due + grace))
    return tuple(out)


def progress_status(reader: RegistryReader, name: str, today: date | None = None) -> tuple[ProgressDue, ...]:
    """Every due report of ``name`` up to ``today`` (default: today in Beijing) and the next one, with
    what was received for each (the first report received for a period counts)."""
    rules = _rules(reader)
    today = today or beijing_today()
    with reader._read() as s:
        row = reader._candidate_row(s, name)
        reports = s.scalars(select(ProgressReportRow).where(ProgressReportRow.candidate_id == row.id)).all()
        return _status(rules, _spans(s, row.id), reports, today)


def overdue(reader: RegistryReader, today: date | None = None) -> list[OverdueReport]:
    """The overdue reports of every candidate creating now, by candidate name then due day."""
    if reader.rules.progress is None:
        return []
    rules = reader.rules.progress
    today = today or beijing_today()
    grace = timedelta(days=rules.grace_days)
    out: list[OverdueReport] = []
    with reader._read() as s:
        rows = s.scalars(
            select(CandidateRow).where(CandidateRow.status == "creating").order_by(CandidateRow.name)
        ).all()
        ids = [r.id for r in rows]
        reports: dict[int, list[ProgressReportRow]] = {i: [] for i in ids}
        for rep in s.scalars(select(ProgressReportRow).where(ProgressReportRow.candidate_id.in_(ids))):
            reports[rep.candidate_id].append(rep)
        history: dict[int, list[tuple[datetime, str]]] = {i: [] for i in ids}
        for cid, at, status in s.execute(
            select(StatusHistoryRow.candidate_id, StatusHistoryRow.at, StatusHistoryRow.status)
            .where(StatusHistoryRow.candidate_id.in_(ids))
            .order_by(StatusHistoryRow.candidate_id, StatusHistoryRow.seq)
        ):
            history[cid].append((at, status))
        for row in rows:
            for due in _status(rules, creating_spans(history[row.id]), reports[row.id], today):
                if due.overdue:
                    late = (today - (due.due + grace)).days
                    out.append(OverdueReport(row.name, row.type, due.due, late))
    return out


def record_progress_report(
    registry: Registry,
    name: str,
    file: Path,
    *,
    period_due: date,
    received: date | None = None,
    by: str | None = None,
    today: date | None = None,
) -> ProgressReport:
    """Record that ``name`` delivered ``file`` as its report due on ``period_due``, received on ``received``
    (default: today in Beijing), in one transaction. The file is hashed (streamed), not stored.

    Refused: an unknown candidate (:class:`UsageError`), one not creating (:class:`NotCreating`), a
    ``period_due`` that is not one of its due days (:class:`NotDue`), a file recorded already
    (:class:`DuplicateReport`), a receipt day in the future."""
    rules = _rules(registry)
    today = today or beijing_today()
    received = received or today
    file = Path(file)
    if received > today:
        raise UsageError(
            T(
                "收到日期 {day} 晚于今天（{today}，北京时间）。",
                "The day received, {day}, is after today ({today}, Beijing time).",
                day=received.isoformat(),
                today=today.isoformat(),
            )
        )
    if len(file.name) > FILE_NAME_MAX:
        raise UsageError(
            T(
                "文件名超过 {n} 个字符，请改短后再登记。",
                "The file name is longer than {n} characters; shorten it and record again.",
                n=FILE_NAME_MAX,
            )
        )
    sha = file_sha256(file)
    who = by or getpass.getuser()
    try:
        with Session(registry.engine) as s, s.begin():
            row = s.scalar(select(CandidateRow).where(CandidateRow.name == name).with_for_update())
            if row is None:
                registry._candidate_row(s, name)  # raises: not in the registry
                raise AssertionError("unreachable")
            _check(s, row, sha)
            dues = due_dates(rules, _spans(s, row.id), max(today, received))
            if period_due not in dues:
                raise NotDue(
                    T(
                        "{day} 不是“{name}”的进展报告期限；期限为：{dues}",
                        "{day} is not a progress report due day of “{name}”; its due days are: {dues}",
                        day=period_due.isoformat(),
                        name=name,
                        dues="、".join(d.isoformat() for d in dues) or "—",
                    )
                )
            at = utcnow()
            s.add(
                ProgressReportRow(
                    candidate_id=row.id,
                    period_due=period_due,
                    file_name=file.name,
                    sha256=sha,
                    received=received,
                    recorded_by=who,
                    recorded_at=at,
                )
            )
    except IntegrityError as exc:  # the same file recorded by another desk at the same moment
        raise _duplicate(sha) from exc
    return ProgressReport(name, period_due, file.name, sha, received, who, at)


def _check(s: Session, row: CandidateRow, sha: str) -> None:
    if row.status != "creating":
        raise NotCreating(
            T(
                "“{name}”当前不在创建中，不能登记创建工作进展报告。",
                "“{name}” is not creating: a creation progress report cannot be recorded for it.",
                name=row.name,
            )
        )
    same = s.execute(
        select(CandidateRow.name, ProgressReportRow.period_due)
        .join(CandidateRow, CandidateRow.id == ProgressReportRow.candidate_id)
        .where(ProgressReportRow.sha256 == sha)
    ).first()
    if same is not None:
        raise _duplicate(sha, same[0], same[1])


def _duplicate(sha: str, name: str = "", due: date | None = None) -> DuplicateReport:
    return DuplicateReport(
        T(
            "该文件（SHA-256 {sha}）已登记为“{name}”{due}期的进展报告，未重复登记。",
            "This file (SHA-256 {sha}) is recorded already as the progress report of “{name}” due {due}; "
            "not recorded again.",
            sha=sha[:16] + "…",
            name=name or "?",
            due=due.isoformat() if due else "?",
        )
    )


def reports_of(reader: RegistryReader, name: str) -> tuple[ProgressReport, ...]:
    """Every report recorded for ``name``, in the order received."""
    with reader._read() as s:
        row = reader._candidate_row(s, name)
        return tuple(
            ProgressReport(
                name, r.period_due, r.file_name, r.sha256, r.received, r.recorded_by, r.recorded_at
            )
            for r in s.scalars(
                select(ProgressReportRow)
                .where(ProgressReportRow.candidate_id == row.id)
                .order_by(ProgressReportRow.received, ProgressReportRow.id)
            )
        )

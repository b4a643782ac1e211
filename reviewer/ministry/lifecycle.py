"""The lifecycle steps of the registry: application, paper check, third-party report, publicity dates.

A candidate files an application (``apply``: city or park, with the documents the desk received, each
named with the SHA-256 of its file). The ministry's paper check (形式审查, ``paper_check``) answers the
checklist of the rules file (``application`` section: eligibility conditions and documents): a city
that passes is ``creating``; a park that passes waits for its application review by a panel (the
``application`` review kind, imported like any result: pass → creating, fail → not admitted), whose
result is registered only once a third-party institution's report on that application is recorded
(``attach_third_party_report``; else ``ThirdPartyReportMissing``). A passed creation
review puts the candidate under publicity (公示); ``open_publicity`` sets its dates (a length in working
or calendar days, or an end date) and ``Registry.decide_publicity`` is refused before its end.

Each step is one transaction that adds a fact and rebuilds the candidate's derived tables.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from reviewer.errors import Refused, UsageError
from reviewer.files import cannot_read
from reviewer.i18n import BEIJING, T
from reviewer.ministry.engine import UNIT_WORDS
from reviewer.ministry.orm import (
    ApplicationRow,
    CandidateRow,
    PaperCheckRow,
    PublicityOpeningRow,
    PublicityRow,
    ReviewRow,
    ThirdPartyReportRow,
)
from reviewer.ministry.refusals import (
    PublicityNotEnded,
    PublicityRefused,
    ThirdPartyReportMissing,
    WrongStage,
)
from reviewer.ministry.rules import RegistryRules
from reviewer.ministry.types import CandidateInfo, PublicityEntry, ReceivedDocument, Timeline
from reviewer.ministry.working_calendar import UNITS, WorkingCalendar
from reviewer.models.orm.base import utcnow
from reviewer.trust.names import CANDIDATE_FIELD, check_name

SHA256_HEX = 64


def received_document(path: str | os.PathLike[str], name: str | None = None) -> ReceivedDocument:
    """The document as the desk received it: its name (default: the file's name) and SHA-256."""
    p = Path(path)
    digest = hashlib.sha256()
    try:
        with p.open("rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                digest.update(chunk)
    except OSError as exc:
        raise cannot_read(p, exc) from exc
    return ReceivedDocument(name or p.name, digest.hexdigest())


def _check_sha(value: str) -> str:
    text = value.strip().lower()
    if len(text) != SHA256_HEX or any(c not in "0123456789abcdef" for c in text):
        raise UsageError(
            T("SHA-256 值无效：{v}", "Not a SHA-256 value (64 hexadecimal digits): {v}", v=value)
        )
    return text


def today_beijing(at: datetime | None = None) -> date:
    return (at or utcnow()).astimezone(BEIJING).date()


class Lifecycle:
    """The lifecycle steps; mixed into :class:`~reviewer.ministry.registry.Registry`."""

    engine: Engine
    rules: RegistryRules
    calendar: WorkingCalendar

    def _rebuild(self, s: Session, row: CandidateRow) -> Timeline:  # pragma: no cover - Registry's
        raise NotImplementedError

    @staticmethod
    def _locked(s: Session, name: str) -> CandidateRow:
        row = s.scalar(select(CandidateRow).where(CandidateRow.name == name).with_for_update())
        if row is None:
            raise UsageError(T("登记册中没有“{name}”。", "“{name}” is not in the registry.", name=name))
        return row

    def apply(
        self,
        info: CandidateInfo,
        *,
        year: int,
        documents: Sequence[ReceivedDocument],
        at: datetime | None = None,
    ) -> str:
        """File ``info``'s application with the documents the desk received; returns its status
        (``applicant``). A candidate not admitted before may apply again; any other is refused."""
        if info.type not in ("city", "park"):
            raise UsageError(T("候选对象类型无效：{t}", "Invalid candidate type: {t}", t=info.type))
        for key in ("name", "province", "city"):
            check_name(getattr(info, key), CANDIDATE_FIELD.format(key=key))
        docs = [ReceivedDocument(d.name, _check_sha(d.sha256)) for d in documents]
        if not docs:
            raise UsageError(T("申请须附材料。", "An application needs its documents."))
        when = at or utcnow()
        with Session(self.engine) as s, s.begin():
            row = s.scalar(select(CandidateRow).where(CandidateRow.name == info.name).with_for_update())
            if row is None:
                row = CandidateRow(
                    name=info.name,
                    type=info.type,
                    province=info.province,
                    city=info.city,
                    parent_city=info.parent_city,
                    registered_year=year,
                    registered_status="applicant",
                    registered_at=when,
                    status="applicant",
                )
                s.add(row)
                s.flush()
            elif row.status != "not_admitted" or row.type != info.type:
                raise WrongStage(row.name, row.status, "再次申请", "apply again")
            s.add(
                ApplicationRow(
                    candidate_id=row.id,
                    year=year,
                    documents=json.dumps([d.__dict__ for d in docs], ensure_ascii=False),
                    filed_at=when,
                    recorded_at=utcnow(),
                )
            )
            s.flush()
            return self._rebuild(s, row).status

    def paper_check(
        self,
        name: str,
        answers: Mapping[str, bool],
        *,
        passed: bool,
        note: str = "",
        at: datetime | None = None,
    ) -> str:
        """Record the paper check (形式审查) of ``name``'s application: every checklist item of its type
        answered (met or not). Passing needs every item met; failing needs a note saying why."""
        with Session(self.engine) as s, s.begin():
            row = self._locked(s, name)
            if row.status != "applicant" or self._paper_passed(s, row):
                raise WrongStage(name, row.status, "进行形式审查", "be paper-checked")
            codes = [i.code for i in self.rules.checklist(row.type).items]
            missing = [c for c in codes if c not in answers]
            unknown = [c for c in answers if c not in codes]
            if missing or unknown:
                raise UsageError(
                    T(
                        "形式审查清单不完整：缺少 {missing}；未知 {unknown}。",
                        "The paper-check list is not complete: missing {missing}; unknown {unknown}.",
                        missing=", ".join(missing) or "—",
                        unknown=", ".join(unknown) or "—",
                    )
                )
            unmet = [c for c in codes if not answers[c]]
            if passed and unmet:
                raise UsageError(
                    T(
                        "尚有未满足的条目（{items}），不能通过形式审查。",
                        "Items not met ({items}): the paper check cannot pass.",
                        items=", ".join(unmet),
                    )
                )
            if not passed and not note.strip():
                raise UsageError(
                    T("形式审查未通过时须说明理由。", "Say why the paper check did not pass (note).")
                )
            year = s.scalar(
                select(ApplicationRow.year)
                .where(ApplicationRow.candidate_id == row.id)
                .order_by(ApplicationRow.id.desc())
                .limit(1)
            )
            s.add(
                PaperCheckRow(
                    candidate_id=row.id,
                    year=year if year is not None else row.registered_year,
                    answers=json.dumps({c: bool(answers[c]) for c in codes}),
                    passed=passed,
                    note=note.strip(),
                    checked_at=at or utcnow(),
                )
            )
            s.flush()
            return self._rebuild(s, row).status

    @staticmethod
    def _paper_passed_at(s: Session, row: CandidateRow) -> datetime | None:
        """When the newest application's paper check passed (a park then awaits its panel), or None."""
        filed = s.scalar(
            select(ApplicationRow.filed_at)
            .where(ApplicationRow.candidate_id == row.id)
            .order_by(ApplicationRow.id.desc())
            .limit(1)
        )
        check = s.scalar(
            select(PaperCheckRow)
            .where(PaperCheckRow.candidate_id == row.id)
            .order_by(PaperCheckRow.id.desc())
            .limit(1)
        )
        if check is None or not check.passed or (filed is not None and check.checked_at < filed):
            return None
        return check.checked_at

    @classmethod
    def _paper_passed(cls, s: Session, row: CandidateRow) -> bool:
        return cls._paper_passed_at(s, row) is not None

    def attach_third_party_report(
        self,
        name: str,
        *,
        institution: str,
        file_name: str,
        sha256: str,
        at: datetime | None = None,
    ) -> str:
        """Record a third-party institution's (第三方机构) report on a park's application (the file as
        received: its name and SHA-256); shown in the park's history."""
        check_name(institution, CANDIDATE_FIELD.format(key="institution"))
        digest = _check_sha(sha256)
        with Session(self.engine) as s, s.begin():
            row = self._locked(s, name)
            if row.type != "park" or row.status != "applicant":
                raise WrongStage(name, row.status, "附第三方机构报告", "take a third-party report")
            year = s.scalar(
                select(ApplicationRow.year)
                .where(ApplicationRow.candidate_id == row.id)
                .order_by(ApplicationRow.id.desc())
                .limit(1)
            )
            s.add(
                ThirdPartyReportRow(
                    candidate_id=row.id,
                    year=year if year is not None else row.registered_year,
                    institution=institution.strip(),
                    file_name=file_name,
                    sha256=digest,
                    received_at=at or utcnow(),
                )
            )
            s.flush()
            return self._rebuild(s, row).status

    @staticmethod
    def _check_third_party_report(s: Session, row: CandidateRow) -> None:
        """A park's application review result needs the third-party institution's report on its newest
        application (the measures: parks are reviewed by experts and third-party institutions)."""
        filed = s.scalar(
            select(ApplicationRow.filed_at)
            .where(ApplicationRow.candidate_id == row.id)
            .order_by(ApplicationRow.id.desc())
            .limit(1)
        )
        reports = select(ThirdPartyReportRow.id).where(ThirdPartyReportRow.candidate_id == row.id)
        if filed is not None:
            reports = reports.where(ThirdPartyReportRow.received_at >= filed)
        if s.scalar(reports.limit(1)) is None:
            raise ThirdPartyReportMissing(row.name)

    def publicity_end(self, start: date, length: int, unit: str) -> date:
        """The last day of a publicity of ``length`` ``unit`` from ``start`` (for a preview)."""
        return self.calendar.end_date(start, length, unit)

    def open_publicity(
        self,
        name: str,
        *,
        start: date,
        length: int | None = None,
        unit: str | None = None,
        end: date | None = None,
        at: datetime | None = None,
    ) -> PublicityEntry:
        """Open ``name``'s pending publicity (公示) from ``start`` for ``length`` ``unit`` (default: the
        rules'), or until ``end`` (included). Opening again replaces the dates while it is pending."""
        if end is not None and length is not None:
            raise UsageError(
                T(
                    "公示期限与结束日期只能给出其一。",
                    "Give the publicity's length or its end date, not both.",
                )
            )
        if end is not None:
            if end < start:
                raise UsageError(
                    T(
                        "公示结束日期 {end} 早于开始日期 {start}。",
                        "The publicity's end {end} is before its start {start}.",
                        end=end.isoformat(),
                        start=start.isoformat(),
                    )
                )
            ends, length_, unit_ = end, None, ""
        else:
            length_ = length if length is not None else self.rules.publicity_days
            unit_ = unit or self.rules.publicity_unit
            if unit_ not in UNITS:
                raise UsageError(T("期限单位无效：{unit}", "Unknown unit: {unit}", unit=unit_))
            ends = self.calendar.end_date(start, length_, unit_)
        with Session(self.engine) as s, s.begin():
            row = self._locked(s, name)
            pending = s.scalar(
                select(PublicityRow).where(
                    PublicityRow.candidate_id == row.id, PublicityRow.outcome == "pending"
                )
            )
            if pending is None:
                raise WrongStage(name, row.status, "开始公示", "open a publicity")
            self._check_period(s, row, pending, start, ends, today_beijing(at))
            s.add(
                PublicityOpeningRow(
                    candidate_id=row.id,
                    package_id=pending.package_id,
                    year=pending.year,
                    starts=start,
                    ends=ends,
                    length=length_,
                    unit=unit_,
                    opened_at=at or utcnow(),
                )
            )
            s.flush()
            timeline = self._rebuild(s, row)
            return next(p for p in timeline.publicity if p.package_id == pending.package_id)

    def _check_period(
        self, s: Session, row: CandidateRow, pending: PublicityRow, start: date, ends: date, today: date
    ) -> None:
        """A 公示 starts on or after the day of the pass (Beijing), is corrected only before it starts
        (and then not into the past), and lasts at least the rules' minimum."""
        reviewed = s.scalar(
            select(ReviewRow.reviewed_at).where(
                ReviewRow.candidate_id == row.id,
                ReviewRow.package_id == pending.package_id,
                ReviewRow.current.is_(True),
            )
        )
        passed = reviewed.astimezone(BEIJING).date() if reviewed is not None else pending.starts
        if start < passed:
            raise PublicityRefused(
                T(
                    "“{name}”的公示不能早于评审通过之日（{passed}）开始：{start}。",
                    "The publicity of “{name}” cannot start before the day of the pass ({passed}): {start}.",
                    name=row.name,
                    passed=passed.isoformat(),
                    start=start.isoformat(),
                )
            )
        if pending.opened:
            if pending.starts <= today:
                raise PublicityRefused(
                    T(
                        "“{name}”的公示已于 {starts} 开始（至 {ends}），不能再改动其日期。",
                        "The publicity of “{name}” started on {starts} (until {ends}); its dates can no "
                        "longer be changed.",
                        name=row.name,
                        starts=pending.starts.isoformat(),
                        ends=pending.ends.isoformat(),
                    )
                )
            if start < today:
                raise PublicityRefused(
                    T(
                        "更正公示日期时，开始日期不能早于今天（{today}）：{start}。",
                        "A corrected publicity cannot start before today ({today}): {start}.",
                        today=today.isoformat(),
                        start=start.isoformat(),
                    )
                )
        if self.rules.publicity_minimum is not None:
            length, unit = self.rules.publicity_minimum
            shortest = self.calendar.end_date(start, length, unit)
            if ends < shortest:
                zh_unit, en_unit = UNIT_WORDS.get(unit, ("天", " days"))
                raise PublicityRefused(
                    T(
                        "公示期不得少于 {n}"
                        + zh_unit
                        + "：自 {start} 起至少到 {shortest}（所给结束日期 {ends}）。",
                        "A publicity lasts at least {n}" + en_unit + ": from {start} until {shortest} at the "
                        "earliest (end given: {ends}).",
                        n=length,
                        start=start.isoformat(),
                        shortest=shortest.isoformat(),
                        ends=ends.isoformat(),
                    )
                )

    @staticmethod
    def _check_ended(s: Session, row: CandidateRow, at: datetime | None) -> None:
        pending = s.scalar(
            select(PublicityRow).where(PublicityRow.candidate_id == row.id, PublicityRow.outcome == "pending")
        )
        if pending is None:
            raise Refused(
                T("“{name}”没有正在公示的结果。", "“{name}” has no result under publicity.", name=row.name)
            )
        if today_beijing(at) <= pending.ends:
            raise PublicityNotEnded(row.name, pending.ends)

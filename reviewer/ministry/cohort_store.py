"""Annual cohort evaluations in the registry: gather the year's inputs, keep drafts, publish one.

:func:`evaluate_year` reads the title holders of the year (:func:`holders_of_year`: they held the title
at the end of the year, Beijing time, and hold it now), their current figures and the year's national
figures (:mod:`reviewer.ministry.data_returns`), and the current annual panel results of that year
(their totals, out of their standard's total points), runs the pure
:func:`reviewer.ministry.cohort.evaluate` and stores the result as a new draft version. A year later
than the current one (:class:`FutureYear`), or one without a data return, without a national figure
the standard needs, or — when the rules give the panels points — without an annual panel total, is
refused (:class:`NotEvaluable`): nothing is stored.

:func:`publish` publishes the newest draft of a year and type: it evaluates the year again inside the
publishing transaction and refuses a draft that differs (:class:`DraftOutOfDate`: evaluate again);
the stars go into the registry through
:meth:`~reviewer.ministry.registry.Registry.record_ratings_in` (so warnings and exits follow the
registry rules as for any annual result), and the evaluation becomes *the* published one of its year
and type. Publishing a year and type twice is refused (a partial unique index makes it so even for two
desks at the same moment); a draft evaluated after publication stays a draft. Decimals are stored as
strings.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

from sqlalchemy import Engine, func, select, update
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from reviewer.errors import InvalidInput, Refused, UsageError
from reviewer.i18n import BEIJING, T, beijing_date
from reviewer.ministry import data_returns
from reviewer.ministry.cohort import CohortResult, CohortRow, ExpertTotal, evaluate
from reviewer.ministry.cohort_rules import CohortRules, TypeRules, load_cohort_rules
from reviewer.ministry.orm import (
    CandidateRow,
    CohortEvaluationRow,
    CohortRowRow,
    ReviewRow,
    StatusHistoryRow,
)
from reviewer.ministry.registry import RETRY_SQLSTATES, Registry
from reviewer.ministry.registry_read import RegistryReader
from reviewer.ministry.rules import HOLDING, load_rules
from reviewer.models.orm.base import utcnow
from reviewer.paths import shipped_standards
from reviewer.standards.figures import NATIONAL
from reviewer.standards.load import load_standard
from reviewer.standards.model import Standard

DRAFT = "draft"
PUBLISHED = "published"


class FutureYear(UsageError):
    """A year later than the current one (Beijing time) cannot be evaluated or published (exit 2)."""

    def __init__(self, year: int, current: int) -> None:
        super().__init__(
            T(
                "{year} 年尚未到来（当前为 {now} 年），不能评估或发布该年度。",
                "The year {year} has not come yet (this is {now}): it cannot be evaluated or published.",
                year=year,
                now=current,
            )
        )


class NotEvaluable(Refused):
    """The year lacks what the evaluation needs: no data return of a title holder, a national figure
    the standard uses, or (when the rules give the panels points) any annual panel total (exit 18)."""


class DraftOutOfDate(Refused):
    """The draft differs from what the registry gives now (a return, a panel result or a holder
    changed since): evaluate the year again, check the new draft, publish it (exit 18)."""

    def __init__(self, year: int, type: str, version: int) -> None:
        super().__init__(
            T(
                "{year} 年（{type}）的草稿第 {v} 版已过时：评估后数据报送、年度评审结果或称号持有情况"
                "有变化。请重新评估，核对新草稿后再发布。",
                "Draft version {v} of {year} ({type}) is out of date: a data return, an annual panel "
                "result or a title holder changed since it was evaluated. Evaluate again, check the new "
                "draft, then publish it.",
                year=year,
                type=type,
                v=version,
            )
        )


@dataclass(frozen=True)
class StoredCohort:
    id: int
    version: int
    status: str
    rules_version: str
    created_at: datetime
    published_at: datetime | None
    result: CohortResult


def find_standard(ref: str, extra: tuple[Path, ...] = ()) -> Standard:
    """The standard whose id (or file name without ``.json``) is ``ref``: the given files first, then
    the shipped ones."""
    for path in (*extra, *shipped_standards()):
        if path.stem == ref:
            return load_standard(path)
    for path in (*extra, *shipped_standards()):
        standard = load_standard(path)
        if standard.id == ref:
            return standard
    raise InvalidInput(T("找不到评审标准“{ref}”。", "No standard “{ref}” was found.", ref=ref))


def current_year() -> int:
    """This year in Beijing."""
    return int(beijing_date(utcnow())[:4])


def year_end(year: int) -> datetime:
    """The end of ``year`` in Beijing (midnight starting 1 January of the next), as UTC."""
    return datetime(year + 1, 1, 1, tzinfo=BEIJING).astimezone(UTC)


def holders_of_year(reader: RegistryReader, year: int, type: str) -> list[str]:
    """The candidates of ``type`` in ``year``'s cohort: they held the title (awarded or warned) at the
    end of ``year``, Beijing time — the last entry of their status history before then — and hold it
    now (only a holder can be rated). A title awarded in a later year is not in the cohort."""
    with reader._read() as s:
        now = dict(
            s.execute(select(CandidateRow.name, CandidateRow.status).where(CandidateRow.type == type)).all()
        )
        entries = s.execute(
            select(CandidateRow.name, StatusHistoryRow.status)
            .join(CandidateRow, CandidateRow.id == StatusHistoryRow.candidate_id)
            .where(CandidateRow.type == type, StatusHistoryRow.at < year_end(year))
            .order_by(CandidateRow.name, StatusHistoryRow.seq)
        ).all()
    then = dict(entries)  # the last entry of each candidate wins
    return sorted(n for n, status in now.items() if status in HOLDING and then.get(n) in HOLDING)


def national_needed(standard: Standard) -> set[str]:
    """The national figures (``national:<code>``) the standard's objective leaves and gates use."""
    pairs = [(o.figure, o.relative_to) for c in standard.leaves() if (o := c.objective) is not None]
    pairs += [(g.figure, g.relative_to) for g in standard.numeric_gates]
    keys = {k for pair in pairs for k in pair if k}
    return {k for k in keys if k.startswith(NATIONAL)}


def expert_totals(
    engine: Engine, year: int, type: str, out_of: Callable[[str, str], Decimal]
) -> dict[str, ExpertTotal]:
    """The current annual panel total of ``year`` of every candidate of ``type`` that has one (a vetoed
    result has no total and counts as none); ``out_of(standard_id, version)`` gives its total points."""
    return _expert_totals(RegistryReader(engine, load_rules()), year, type, out_of)


def _expert_totals(
    reader: RegistryReader, year: int, type: str, out_of: Callable[[str, str], Decimal]
) -> dict[str, ExpertTotal]:
    query = (
        select(CandidateRow.name, ReviewRow.total, ReviewRow.standard_id, ReviewRow.standard_version)
        .join(CandidateRow, CandidateRow.id == ReviewRow.candidate_id)
        .where(
            ReviewRow.kind == "annual",
            ReviewRow.year == year,
            ReviewRow.current.is_(True),
            ReviewRow.total.is_not(None),
            CandidateRow.type == type,
        )
        .order_by(ReviewRow.reviewed_at)
    )
    with reader._read() as s:
        rows = s.execute(query).all()
    # the newest current result of the year wins when a candidate had two panels that year
    return {name: ExpertTotal(Decimal(str(total)), out_of(sid, ver)) for name, total, sid, ver in rows}


def evaluate_year(
    registry: Registry,
    year: int,
    type: str,
    rules: CohortRules | None = None,
    *,
    standards: tuple[Path, ...] = (),
    save: bool = True,
) -> StoredCohort:
    """Evaluate the title holders of ``type`` for ``year`` and keep the result as a new draft."""
    rules = rules or load_cohort_rules()
    result = _evaluate(registry, year, type, rules.for_type(type), standards)
    if not save:
        return StoredCohort(0, 0, DRAFT, rules.version, utcnow(), None, result)
    return save_draft(registry.engine, result, rules.version)


def _evaluate(
    reader: RegistryReader, year: int, type: str, type_rules: TypeRules, standards: tuple[Path, ...]
) -> CohortResult:
    """The evaluation of ``year`` on what ``reader`` reads now; refused when the year is not ready."""
    if year > (now := current_year()):
        raise FutureYear(year, now)
    standard = find_standard(type_rules.standard, standards)
    holders = holders_of_year(reader, year, type)
    holding = set(holders)
    figures = {n: f for n, f in data_returns.figures(reader, year, type).items() if n in holding}
    national = data_returns.national_figures(reader, year)

    def out_of(standard_id: str, _version: str) -> Decimal:
        return find_standard(standard_id, standards).total_points

    totals = _expert_totals(reader, year, type, out_of) if type_rules.expert_points else {}
    _check_ready(year, type, figures, national_needed(standard) - set(national), totals, type_rules)
    return evaluate(standard, type_rules, figures, national, totals, year=year, holders=holders)


def _check_ready(
    year: int,
    type: str,
    figures: Mapping[str, object],
    missing_national: set[str],
    totals: Mapping[str, ExpertTotal],
    type_rules: TypeRules,
) -> None:
    """Refuse a year whose evaluation would rate the holders on nothing (every one 未报送, 1★)."""
    if not figures:
        raise NotEvaluable(
            T(
                "{year} 年（{type}）没有任何称号持有者的数据报送，不能评估：请先导入数据报送（数据报送）。",
                "No title holder of {year} ({type}) has a data return: nothing to evaluate. Import the "
                "data returns first (Data returns).",
                year=year,
                type=type,
            )
        )
    if missing_national:
        raise NotEvaluable(
            T(
                "{year} 年缺少评审标准所需的全国数据：{codes}。请先录入（reviewer ministry data national）。",
                "The national figures of {year} the standard needs are missing: {codes}. Enter them "
                "first (reviewer ministry data national).",
                year=year,
                codes="、".join(sorted(missing_national)),
            )
        )
    if type_rules.expert_points is not None and not totals:
        raise NotEvaluable(
            T(
                "{year} 年（{type}）没有任何年度评审结果，而评估规则给专家评审部分计分：请先导入年度评审结果。",
                "There is no annual panel result of {year} ({type}), and the cohort rules give the "
                "annual panel points: import the annual panel results first.",
                year=year,
                type=type,
            )
        )


def save_draft(engine: Engine, result: CohortResult, rules_version: str) -> StoredCohort:
    at = utcnow()
    with Session(engine) as s, s.begin():
        latest = s.scalar(
            select(func.max(CohortEvaluationRow.version)).where(
                CohortEvaluationRow.year == result.year, CohortEvaluationRow.type == result.type
            )
        )
        row = CohortEvaluationRow(
            year=result.year,
            type=result.type,
            version=(latest or 0) + 1,
            status=DRAFT,
            method=result.method,
            standard_id=result.standard_id,
            rules_version=rules_version,
            excluded=json.dumps(list(result.excluded), ensure_ascii=False),
            created_at=at,
            published_at=None,
        )
        s.add(row)
        s.flush()
        for i, r in enumerate(result.rows):
            s.add(
                CohortRowRow(
                    evaluation_id=row.id,
                    position=i,
                    rank=r.rank,
                    name=r.name,
                    objective=_text(r.objective),
                    expert=_text(r.expert),
                    total=_text(r.total),
                    stars=r.stars,
                    capped_by=json.dumps(list(r.capped_by)),
                    notes=json.dumps(list(r.notes)),
                )
            )
        return StoredCohort(row.id, row.version, DRAFT, rules_version, at, None, result)


def _text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _dec(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def _stored(s: Session, row: CohortEvaluationRow) -> StoredCohort:
    rows = s.scalars(
        select(CohortRowRow).where(CohortRowRow.evaluation_id == row.id).order_by(CohortRowRow.position)
    ).all()
    result = CohortResult(
        year=row.year,
        type=row.type,
        method=row.method,
        standard_id=row.standard_id,
        rows=tuple(
            CohortRow(
                r.rank,
                r.name,
                _dec(r.objective),
                _dec(r.expert),
                _dec(r.total),
                r.stars,
                tuple(json.loads(r.capped_by)),
                tuple(json.loads(r.notes)),
            )
            for r in rows
        ),
        excluded=tuple(json.loads(row.excluded)),
    )
    return StoredCohort(
        row.id, row.version, row.status, row.rules_version, row.created_at, row.published_at, result
    )


def latest(engine: Engine, year: int, type: str, *, published: bool = False) -> StoredCohort:
    """The published evaluation of ``year`` and ``type`` if there is one (or only it, with
    ``published``), else the newest draft."""
    with Session(engine) as s:
        query = select(CohortEvaluationRow).where(
            CohortEvaluationRow.year == year, CohortEvaluationRow.type == type
        )
        row = s.scalar(query.where(CohortEvaluationRow.status == PUBLISHED))
        if row is None and not published:
            row = s.scalar(query.order_by(CohortEvaluationRow.version.desc()).limit(1))
        if row is None:
            raise UsageError(
                T(
                    "{year} 年没有{what}的年度评估（{type}）。",
                    "There is no {what} cohort evaluation of {year} ({type}).",
                    year=year,
                    type=type,
                    what=T("已发布", "published") if published else T("", "stored"),
                )
            )
        return _stored(s, row)


class _InTransaction(RegistryReader):
    """The registry's reads on the connection of the caller's transaction: what it reads is what the
    transaction sees (its own sessions join that transaction, closing one does not end it)."""

    def __init__(self, registry: Registry, s: Session) -> None:
        super().__init__(registry.engine, registry.rules)
        self._connection = s.connection()

    def _read(self) -> Session:
        return Session(bind=self._connection)


def publish(
    registry: Registry,
    year: int,
    type: str,
    *,
    rules: CohortRules | None = None,
    standards: tuple[Path, ...] = (),
    at: datetime | None = None,
) -> StoredCohort:
    """Publish the newest draft of ``year`` and ``type``: its stars become the year's ratings.

    The year is evaluated again (with ``rules`` and ``standards``, as the draft was) inside the
    publishing transaction; a draft that differs from that is refused (:class:`DraftOutOfDate`)."""
    at = at or utcnow()
    rules = rules or load_cohort_rules()
    type_rules = rules.for_type(type)
    if year > (now := current_year()):
        raise FutureYear(year, now)
    try:
        # One transaction: the check against the registry as it is, the evaluation marked published and
        # its stars recorded commit together, so a crash or a refusal leaves a draft and no rating; a
        # second desk is refused by the unique index. SQLite's BEGIN IMMEDIATE holds the write lock from
        # the first read; PostgreSQL runs it SERIALIZABLE (a return imported meanwhile makes it fail).
        with Session(registry.engine) as s, s.begin():
            if registry.engine.dialect.name == "postgresql":
                s.connection(execution_options={"isolation_level": "SERIALIZABLE"})
            stored = _newest(s, year, type)
            fresh = _evaluate(_InTransaction(registry, s), year, type, type_rules, standards)
            if fresh != stored.result:
                raise DraftOutOfDate(year, type, stored.version)
            source = f"cohort:{year}:{type}:v{stored.version}"
            s.execute(
                update(CohortEvaluationRow)
                .where(CohortEvaluationRow.id == stored.id)
                .values(status=PUBLISHED, published_at=at)
            )
            s.flush()
            ratings: Mapping[str, int] = {r.name: r.stars for r in stored.result.rows}
            registry.record_ratings_in(s, ratings, year=year, source=source, at=at)
    except IntegrityError as exc:
        raise _already(year, type, None) from exc
    except OperationalError as exc:
        if getattr(exc.orig, "sqlstate", None) in RETRY_SQLSTATES:  # lost to a concurrent write
            raise DraftOutOfDate(year, type, stored.version) from exc
        raise
    return StoredCohort(
        stored.id, stored.version, PUBLISHED, stored.rules_version, stored.created_at, at, stored.result
    )


def _newest(s: Session, year: int, type: str) -> StoredCohort:
    """The newest draft of ``year`` and ``type``; refused when the year is published or not evaluated."""
    done = s.scalar(
        select(CohortEvaluationRow.version).where(
            CohortEvaluationRow.year == year,
            CohortEvaluationRow.type == type,
            CohortEvaluationRow.status == PUBLISHED,
        )
    )
    if done is not None:
        raise _already(year, type, done)
    draft = s.scalar(
        select(CohortEvaluationRow)
        .where(CohortEvaluationRow.year == year, CohortEvaluationRow.type == type)
        .order_by(CohortEvaluationRow.version.desc())
        .limit(1)
    )
    if draft is None:
        raise UsageError(
            T(
                "{year} 年（{type}）还没有评估结果，请先评估。",
                "There is no cohort evaluation of {year} ({type}) yet: evaluate first.",
                year=year,
                type=type,
            )
        )
    return _stored(s, draft)


def _already(year: int, type: str, version: int | None) -> Refused:
    return Refused(
        T(
            "{year} 年（{type}）的年度评估已发布（第 {v} 版），不能再次发布。",
            "The cohort evaluation of {year} ({type}) is published already (version {v}); it cannot be published again.",
            year=year,
            type=type,
            v="?" if version is None else version,
        )
    )

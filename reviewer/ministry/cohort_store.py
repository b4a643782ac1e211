"""Annual cohort evaluations in the registry: gather the year's inputs, keep drafts, publish one.

:func:`evaluate_year` reads the title holders of a type (statuses that hold the title), their current
figures and the year's national figures (:mod:`reviewer.ministry.data_returns`), and the current annual
panel results of that year (their totals, out of their standard's total points), runs the pure
:func:`reviewer.ministry.cohort.evaluate` and stores the result as a new draft version.

:func:`publish` publishes the newest draft of a year and type: the stars go into the registry through
:meth:`~reviewer.ministry.registry.Registry.record_ratings` (so warnings and exits follow the registry
rules as for any annual result), and the evaluation becomes *the* published one of its year and type.
Publishing a year and type twice is refused (a partial unique index makes it so even for two desks at
the same moment); a draft evaluated after publication stays a draft. Decimals are stored as strings.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from sqlalchemy import Engine, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from reviewer.errors import InvalidInput, Refused, UsageError
from reviewer.i18n import T
from reviewer.ministry import data_returns
from reviewer.ministry.cohort import CohortResult, CohortRow, ExpertTotal, evaluate
from reviewer.ministry.cohort_rules import CohortRules, load_cohort_rules
from reviewer.ministry.orm import CandidateRow, CohortEvaluationRow, CohortRowRow, ReviewRow
from reviewer.ministry.registry import Registry
from reviewer.ministry.rules import HOLDING
from reviewer.models.orm.base import utcnow
from reviewer.paths import shipped_standards
from reviewer.standards.load import load_standard
from reviewer.standards.model import Standard

DRAFT = "draft"
PUBLISHED = "published"


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


def expert_totals(
    engine: Engine, year: int, type: str, out_of: Callable[[str, str], Decimal]
) -> dict[str, ExpertTotal]:
    """The current annual panel total of ``year`` of every candidate of ``type`` that has one (a vetoed
    result has no total and counts as none); ``out_of(standard_id, version)`` gives its total points."""
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
    with Session(engine) as s:
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
    type_rules = rules.for_type(type)
    standard = find_standard(type_rules.standard, standards)
    holders = [c.info.name for c in registry.candidates(type=type) if c.status in HOLDING]
    figures = data_returns.figures(registry, year, type)
    national = data_returns.national_figures(registry, year)

    def out_of(standard_id: str, _version: str) -> Decimal:
        return find_standard(standard_id, standards).total_points

    totals = expert_totals(registry.engine, year, type, out_of) if type_rules.expert_points else {}
    holding = set(holders)
    result = evaluate(
        standard,
        type_rules,
        {n: f for n, f in figures.items() if n in holding},
        national,
        totals,
        year=year,
        holders=holders,
    )
    if not save:
        return StoredCohort(0, 0, DRAFT, rules.version, utcnow(), None, result)
    return save_draft(registry.engine, result, rules.version)


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


def publish(registry: Registry, year: int, type: str, *, at: datetime | None = None) -> StoredCohort:
    """Publish the newest draft of ``year`` and ``type``: its stars become the year's ratings."""
    at = at or utcnow()
    with Session(registry.engine) as s, s.begin():
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
        stored = _stored(s, draft)
    ratings: Mapping[str, int] = {r.name: r.stars for r in stored.result.rows}
    claimed = update(CohortEvaluationRow).where(CohortEvaluationRow.id == stored.id)
    try:
        with Session(registry.engine) as s, s.begin():  # claim first: a second desk is refused here
            s.execute(claimed.values(status=PUBLISHED, published_at=at))
    except IntegrityError as exc:
        raise _already(year, type, None) from exc
    try:
        registry.record_ratings(ratings, year=year, source=f"cohort:{year}:{type}:v{stored.version}", at=at)
    except BaseException:
        with Session(registry.engine) as s, s.begin():
            s.execute(claimed.values(status=DRAFT, published_at=None))
        raise
    return StoredCohort(
        stored.id, stored.version, PUBLISHED, stored.rules_version, stored.created_at, at, stored.result
    )


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

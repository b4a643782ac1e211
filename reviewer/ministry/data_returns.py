"""Annual data returns in the registry: a candidate's figures of a year, the national figures, trends.

Facts are append-only. Importing a return of a candidate and year that already has one records the
next version (the newest is current; the older ones are kept); importing the same file again (same
SHA-256 as the current version) changes nothing, and the file of a superseded version is refused
(:class:`OlderReturn`: going back to old figures takes a new file). National figures likewise: a new value of a year and
code is a new version. Values are exact :class:`~decimal.Decimal`, stored as canonical strings.

Read API (parts using the figures: the objective indicators, the cohort evaluation):
:func:`figures`, :func:`national_figures`, :func:`figure_trend`, :func:`returns`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from reviewer.errors import InvalidInput, Refused
from reviewer.i18n import T, Text
from reviewer.ministry.orm import CandidateRow, DataReturnRow, NationalFigureRow
from reviewer.ministry.registry_read import RegistryReader
from reviewer.standards.figures import NATIONAL, Catalogue, Figure, load_catalogue, national_key
from reviewer.trust import clock

ATTEMPTS = 3  # two desks recording a return of one candidate and year at once: the loser retries


@dataclass(frozen=True)
class DataReturn:
    candidate: str
    type: str
    year: int
    figures: Mapping[str, Decimal]
    source_sha256: str
    version: int
    received_at: datetime


@dataclass(frozen=True)
class RecordedReturn:
    outcome: str  # "recorded" (version 1), "superseded" (a newer version), "duplicate" (same file again)
    data_return: DataReturn


class OlderReturn(Refused):
    """The file of an earlier (superseded) version imported again: it would silently restore old figures."""

    def __init__(self, candidate: str, year: int, version: int, current: int) -> None:
        super().__init__(
            T(
                "这份数据报送表是“{name}”{year}年度已被取代的第 {v} 版（现行为第 {cur} 版），未导入。"
                "如确需改回原数据，请另行填写一份新表报送。",
                "This file is version {v} of the {year} return of “{name}”, superseded (the current one is "
                "version {cur}); not imported. To return to the old figures, fill in and send a new file.",
                name=candidate,
                year=year,
                v=version,
                cur=current,
            )
        )
        self.candidate, self.year, self.version, self.current = candidate, year, version, current


def decimal_text(value: Decimal, places: int) -> str:
    """``value`` to exactly ``places`` decimal places, as text (``"1234.50"``); never through a float."""
    return str(value.quantize(Decimal(1).scaleb(-places)))


def _figures_json(values: Mapping[str, Decimal], catalogue: Catalogue) -> str:
    return json.dumps(
        {code: decimal_text(v, catalogue.get(code).decimal_places) for code, v in sorted(values.items())},
        ensure_ascii=False,
        sort_keys=True,
    )


def _from_row(row: DataReturnRow, name: str) -> DataReturn:
    return DataReturn(
        candidate=name,
        type=row.type,
        year=row.year,
        figures={k: Decimal(v) for k, v in json.loads(row.figures).items()},
        source_sha256=row.source_sha256,
        version=row.version,
        received_at=row.received_at,
    )


def check_figures(type_: str, values: Mapping[str, Decimal], catalogue: Catalogue) -> None:
    """Every figure of ``type_`` present, none other, each within its range and decimal places."""
    wanted = {f.code for f in catalogue.for_type(type_)}
    missing, extra = sorted(wanted - set(values)), sorted(set(values) - wanted)
    if missing or extra:
        raise InvalidInput(
            T(
                "数据报送的指标不符合指标目录：缺少 {missing}；多出 {extra}。",
                "The return's figures do not match the catalogue: missing {missing}; unexpected {extra}.",
                missing=", ".join(missing) or "—",
                extra=", ".join(extra) or "—",
            )
        )
    for code, value in values.items():
        check_value(catalogue.get(code), value)


def check_value(f: Figure, value: Decimal, *, national: bool = False) -> None:
    """``value`` of ``f`` is a number within its range (a national total: up to its national maximum)
    and has at most its decimal places — refused, never rounded."""
    high = f.national_max if national else f.maximum
    if not value.is_finite():
        raise InvalidInput(
            T("{name}的值不是数字：{v}", "The value of {name} is not a number: {v}", name=_name(f), v=value)
        )
    if not f.minimum <= value <= high:
        raise InvalidInput(
            T(
                "{name}须在 {low} 至 {high} 之间：{v}",
                "{name} must lie between {low} and {high}: {v}",
                name=_name(f),
                low=f.minimum,
                high=high,
                v=value,
            )
        )
    if value != value.quantize(Decimal(1).scaleb(-f.decimal_places)):
        raise InvalidInput(
            T(
                "{name}最多 {n} 位小数：{v}",
                "{name} takes at most {n} decimal places: {v}",
                name=_name(f),
                n=f.decimal_places,
                v=value,
            )
        )


def record_return(
    registry: RegistryReader,
    candidate: str,
    *,
    type_: str,
    year: int,
    values: Mapping[str, Decimal],
    source_sha256: str,
    at: datetime | None = None,
    catalogue: Catalogue | None = None,
) -> RecordedReturn:
    """Record a checked return in one transaction; the candidate must be in the registry, of ``type_``."""
    catalogue = catalogue or load_catalogue()
    check_figures(type_, values, catalogue)
    at = at or clock.utcnow()
    payload = _figures_json(values, catalogue)
    for attempt in range(ATTEMPTS):
        try:
            with Session(registry.engine) as s, s.begin():
                row = registry._candidate_row(s, candidate)
                if row.type != type_:
                    raise Refused(
                        T(
                            "“{name}”在登记册中的类型为 {actual}，数据报送为 {given}。",
                            "“{name}” is a {actual} in the registry; the return is for a {given}.",
                            name=candidate,
                            actual=row.type,
                            given=type_,
                        )
                    )
                current = s.scalars(
                    select(DataReturnRow)
                    .where(DataReturnRow.candidate_id == row.id, DataReturnRow.year == year)
                    .order_by(DataReturnRow.version.desc())
                    .limit(1)
                ).first()
                if current is not None and (current.source_sha256, current.figures) == (
                    source_sha256,
                    payload,
                ):
                    return RecordedReturn("duplicate", _from_row(current, candidate))
                earlier = s.scalar(
                    select(func.min(DataReturnRow.version)).where(
                        DataReturnRow.candidate_id == row.id,
                        DataReturnRow.year == year,
                        DataReturnRow.source_sha256 == source_sha256,
                    )
                )
                if current is not None and earlier is not None:
                    raise OlderReturn(candidate, year, earlier, current.version)
                new = DataReturnRow(
                    candidate_id=row.id,
                    year=year,
                    type=type_,
                    version=(current.version + 1) if current else 1,
                    figures=payload,
                    source_sha256=source_sha256,
                    received_at=at,
                )
                s.add(new)
                s.flush()
                return RecordedReturn("superseded" if current else "recorded", _from_row(new, candidate))
        except IntegrityError:
            if attempt == ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")


def record_national(
    registry: RegistryReader,
    year: int,
    values: Mapping[str, Decimal],
    *,
    source: str = "",
    at: datetime | None = None,
    catalogue: Catalogue | None = None,
) -> dict[str, Decimal]:
    """Record national figures of ``year`` (codes with or without ``national:``), one transaction.

    Returns the year's national figures after the change (keys ``national:<code>``)."""
    catalogue = catalogue or load_catalogue()
    at = at or clock.utcnow()
    clean: dict[str, str] = {}
    for key, value in values.items():
        code = key.removeprefix(NATIONAL)
        f = catalogue.get(code)
        check_value(f, value, national=True)
        clean[code] = decimal_text(value, f.decimal_places)
    for attempt in range(ATTEMPTS):
        try:
            with Session(registry.engine) as s, s.begin():
                for code, text in sorted(clean.items()):
                    latest = s.scalar(
                        select(func.max(NationalFigureRow.version)).where(
                            NationalFigureRow.year == year, NationalFigureRow.code == code
                        )
                    )
                    s.add(
                        NationalFigureRow(
                            year=year,
                            code=code,
                            value=text,
                            version=(latest or 0) + 1,
                            source=source,
                            recorded_at=at,
                        )
                    )
            break
        except IntegrityError:
            if attempt == ATTEMPTS - 1:
                raise
    return national_figures(registry, year)


# --- reading ----------------------------------------------------------------------------------------


def _current_rows(s: Session, *conditions: object) -> list[tuple[DataReturnRow, str]]:
    newest = (
        select(
            DataReturnRow.candidate_id.label("cid"),
            DataReturnRow.year.label("yr"),
            func.max(DataReturnRow.version).label("v"),
        )
        .group_by(DataReturnRow.candidate_id, DataReturnRow.year)
        .subquery()
    )
    query = (
        select(DataReturnRow, CandidateRow.name)
        .join(CandidateRow, CandidateRow.id == DataReturnRow.candidate_id)
        .join(
            newest,
            (newest.c.cid == DataReturnRow.candidate_id)
            & (newest.c.yr == DataReturnRow.year)
            & (newest.c.v == DataReturnRow.version),
        )
        .where(*conditions)  # type: ignore[arg-type]
        .order_by(CandidateRow.name, DataReturnRow.year)
    )
    return [(r, n) for r, n in s.execute(query).all()]


def returns(reader: RegistryReader, year: int, type_: str | None = None) -> tuple[DataReturn, ...]:
    """The current return of every candidate for ``year`` (of ``type_`` if given), by name."""
    conditions: list[object] = [DataReturnRow.year == year]
    if type_ is not None:
        conditions.append(DataReturnRow.type == type_)
    with reader._read() as s:
        return tuple(_from_row(r, n) for r, n in _current_rows(s, *conditions))


def figures(reader: RegistryReader, year: int, type_: str) -> dict[str, Mapping[str, Decimal]]:
    """Candidate name → its current figures of ``year``, for the candidates of ``type_``."""
    return {r.candidate: r.figures for r in returns(reader, year, type_)}


def history(reader: RegistryReader, candidate: str) -> tuple[DataReturn, ...]:
    """Every version of every return of ``candidate``, by year then version."""
    with reader._read() as s:
        row = reader._candidate_row(s, candidate)
        rows = s.scalars(
            select(DataReturnRow)
            .where(DataReturnRow.candidate_id == row.id)
            .order_by(DataReturnRow.year, DataReturnRow.version)
        ).all()
        return tuple(_from_row(r, candidate) for r in rows)


def national_figures(reader: RegistryReader, year: int) -> dict[str, Decimal]:
    """The current national figures of ``year``, keyed ``national:<code>``."""
    with reader._read() as s:
        rows = s.scalars(
            select(NationalFigureRow)
            .where(NationalFigureRow.year == year)
            .order_by(NationalFigureRow.code, NationalFigureRow.version)
        ).all()
    return {national_key(r.code): Decimal(r.value) for r in rows}  # the last version of a code wins


def figure_trend(reader: RegistryReader, candidate: str, figure: str) -> tuple[tuple[int, Decimal], ...]:
    """``(year, value)`` of ``figure`` in ``candidate``'s current returns, oldest year first.

    ``figure`` may be ``national:<code>``: the national value of each year with one."""
    if figure.startswith(NATIONAL):
        load_catalogue().get(figure.removeprefix(NATIONAL))
        with reader._read() as s:
            years = s.scalars(
                select(NationalFigureRow.year).distinct().order_by(NationalFigureRow.year)
            ).all()
        out = []
        for y in years:
            value = national_figures(reader, y).get(figure)
            if value is not None:
                out.append((y, value))
        return tuple(out)
    load_catalogue().get(figure)
    with reader._read() as s:
        row = reader._candidate_row(s, candidate)
        current = _current_rows(s, DataReturnRow.candidate_id == row.id)
    trend = []
    for r, name in current:
        value = _from_row(r, name).figures.get(figure)
        if value is not None:
            trend.append((r.year, value))
    return tuple(trend)


def _name(f: Figure) -> Text:
    return T(f.name_zh, f.name_en)


def _unit(f: Figure) -> Text:
    return T(f.unit_zh, f.unit_en)

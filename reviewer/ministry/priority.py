"""Priority flags the ministry sets by hand, with their source (seed, question 4).

Two priority categories are computed from the registry (:func:`reviewer.ministry.engine.priority_flags`:
a city with ≥ N famous parks, a park in a famous city). The others are findings of other programmes
that the ministry records itself, each with a source — a document number (文号) or a URL, and its date:
the rules file's ``priority.manual`` list names them (shipped: a city notable in industrial
stabilisation and upgrading; a city notable in information infrastructure and industrial
digitalisation; a park that is a national new-industrialisation demonstration base). A park in a
city carrying one of the city flags gets the computed flag ``park_in_notable_city``.

Setting and clearing are append-only facts (``priority_flags``); a flag's state is its last fact.
"""

from __future__ import annotations

import getpass
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewer.errors import Refused, UsageError
from reviewer.i18n import T
from reviewer.ministry.orm import CandidateRow, PriorityFlagRow
from reviewer.ministry.rules import ManualFlag, RegistryRules
from reviewer.models.orm.base import utcnow

if TYPE_CHECKING:
    from reviewer.ministry.registry import Registry
    from reviewer.ministry.registry_read import RegistryReader

PARK_IN_NOTABLE_CITY = "park_in_notable_city"
SOURCE_MAX = 500
IN_LIST_MAX = 500


@dataclass(frozen=True)
class FlagFact:
    """One setting or clearing of a manual flag, as recorded."""

    candidate: str
    flag: str
    action: str  # set or clear
    source: str
    source_date: date
    note: str
    recorded_by: str
    recorded_at: datetime


def manual_flag(rules: RegistryRules, code: str) -> ManualFlag | None:
    return next((m for m in rules.manual_flags if m.code == code), None)


def flag_label(rules: RegistryRules, code: str) -> tuple[str, str] | None:
    """The (zh, en) label of a manual flag, or of ``park_in_notable_city``; None for other codes."""
    m = manual_flag(rules, code)
    if m is not None:
        return m.label_zh, m.label_en
    if code == PARK_IN_NOTABLE_CITY:
        return (
            "位于工业稳增长和转型升级、信息基础设施和产业数字化成效明显市（州）的园区",
            "park in a city notable in industrial upgrading or digitalisation",
        )
    return None


def current_flags(s: Session, candidate_ids: Iterable[int]) -> dict[int, dict[str, PriorityFlagRow]]:
    """The manual flags set now, by candidate id: flag code → the fact that set it."""
    ids = list(candidate_ids)
    out: dict[int, dict[str, PriorityFlagRow]] = {i: {} for i in ids}
    if not ids:
        return out
    query = select(PriorityFlagRow).order_by(PriorityFlagRow.id)
    if len(ids) <= IN_LIST_MAX:  # a whole register is read without a list of its ids
        query = query.where(PriorityFlagRow.candidate_id.in_(ids))
    for row in s.scalars(query):
        if row.candidate_id not in out:
            continue
        if row.action == "set":
            out[row.candidate_id][row.flag] = row
        else:
            out[row.candidate_id].pop(row.flag, None)
    return out


def with_manual(
    rules: RegistryRules,
    rows: Sequence[CandidateRow],
    computed: dict[str, tuple[str, ...]],
    manual: dict[int, dict[str, PriorityFlagRow]],
) -> dict[str, tuple[str, ...]]:
    """``computed`` flags by name, followed by the manual ones (in the rules' order) and
    ``park_in_notable_city`` for a park whose city (among ``rows``) has a manual city flag."""
    order = [m.code for m in rules.manual_flags]
    notable = {
        (r.city or r.name)
        for r in rows
        if r.type == "city" and any(manual_flag(rules, f) for f in manual.get(r.id, {}))
    }
    out: dict[str, tuple[str, ...]] = {}
    for r in rows:
        mine = sorted(manual.get(r.id, {}), key=lambda f: order.index(f) if f in order else len(order))
        extra = [PARK_IN_NOTABLE_CITY] if r.type == "park" and r.city in notable else []
        out[r.name] = (*computed.get(r.name, ()), *extra, *mine)
    return out


def _fact(name: str, row: PriorityFlagRow) -> FlagFact:
    return FlagFact(
        name,
        row.flag,
        row.action,
        row.source,
        row.source_date,
        row.note,
        row.recorded_by,
        row.recorded_at,
    )


def _change(
    registry: Registry,
    name: str,
    flag: str,
    action: str,
    source: str,
    source_date: date,
    note: str,
    by: str | None,
) -> FlagFact:
    m = manual_flag(registry.rules, flag)
    if m is None:
        raise UsageError(
            T(
                "“{flag}”不是可手工设置的优先支持标记；可用：{codes}",
                "“{flag}” is not a priority flag set by hand; these are: {codes}",
                flag=flag,
                codes=", ".join(x.code for x in registry.rules.manual_flags) or "—",
            )
        )
    source = source.strip()
    if not source or len(source) > SOURCE_MAX:
        raise UsageError(
            T(
                "请填写依据（文号或网址，不超过 {n} 个字符）。",
                "Give the source (a document number or a URL, at most {n} characters).",
                n=SOURCE_MAX,
            )
        )
    with Session(registry.engine) as s, s.begin():
        row = s.scalar(select(CandidateRow).where(CandidateRow.name == name).with_for_update())
        if row is None:
            registry._candidate_row(s, name)  # raises: not in the registry
            raise AssertionError("unreachable")
        if row.type != m.applies_to:
            raise Refused(
                T(
                    "标记“{flag}”只适用于{kind}，“{name}”不是。",
                    "The flag “{flag}” applies to a {kind} only; “{name}” is not one.",
                    flag=m.code,
                    kind=T("名城", "city") if m.applies_to == "city" else T("名园", "park"),
                    name=name,
                )
            )
        is_set = flag in current_flags(s, [row.id])[row.id]
        if (action == "set") == is_set:
            already = (
                T(
                    "“{name}”已有标记“{flag}”。",
                    "“{name}” carries the flag “{flag}” already.",
                    name=name,
                    flag=flag,
                )
                if is_set
                else T(
                    "“{name}”没有标记“{flag}”。",
                    "“{name}” does not carry the flag “{flag}”.",
                    name=name,
                    flag=flag,
                )
            )
            raise Refused(already)
        fact = PriorityFlagRow(
            candidate_id=row.id,
            flag=flag,
            action=action,
            source=source,
            source_date=source_date,
            note=note.strip(),
            recorded_by=by or getpass.getuser(),
            recorded_at=utcnow(),
        )
        s.add(fact)
        s.flush()
        return _fact(name, fact)


def set_flag(
    registry: Registry,
    name: str,
    flag: str,
    *,
    source: str,
    source_date: date,
    note: str = "",
    by: str | None = None,
) -> FlagFact:
    """Set a manual priority flag on ``name``, citing ``source`` (a document number or URL) of ``source_date``."""
    return _change(registry, name, flag, "set", source, source_date, note, by)


def clear_flag(
    registry: Registry,
    name: str,
    flag: str,
    *,
    source: str,
    source_date: date,
    note: str = "",
    by: str | None = None,
) -> FlagFact:
    """Clear a manual priority flag of ``name``, citing the source that ends it."""
    return _change(registry, name, flag, "clear", source, source_date, note, by)


def flag_history(reader: RegistryReader, name: str) -> tuple[FlagFact, ...]:
    """Every setting and clearing of ``name``'s manual flags, oldest first."""
    with reader._read() as s:
        row = reader._candidate_row(s, name)
        return tuple(
            _fact(name, r)
            for r in s.scalars(
                select(PriorityFlagRow)
                .where(PriorityFlagRow.candidate_id == row.id)
                .order_by(PriorityFlagRow.id)
            )
        )


def flags_in_force(reader: RegistryReader) -> list[FlagFact]:
    """The manual flags set now, with the fact that set them (its source), by candidate name then flag."""
    with reader._read() as s:
        names: dict[int, str] = {
            cid: name for cid, name in s.execute(select(CandidateRow.id, CandidateRow.name))
        }
        found = current_flags(s, names)
    return sorted(
        (_fact(names[cid], r) for cid, flags in found.items() for r in flags.values()),
        key=lambda f: (f.candidate, f.flag),
    )

"""The chair's import rules for verified sheets, as a pure value (no files, no clock, no Qt).

    collection = SheetCollection(package_id)
    collection, outcome = collection.add(sheet, source="li.rvsheet")
    if not outcome.accepted: show(outcome.reason)

Rules, in order: a sheet of another package is refused; the same sheet twice is a duplicate; for
one expert, a newer version supersedes the one held (version n+1 must correct exactly the version
held, see :func:`~.return_notice.check_successor`), an older version arriving later is refused, and
a different sheet with the same version number is refused as a conflict. Recusal sheets are kept
like any other and count as recused in :meth:`SheetCollection.expert_scores`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from reviewer.errors import Refused
from reviewer.i18n import T, Text
from reviewer.scoring.inputs import ExpertScores
from reviewer.scoring.return_notice import check_successor
from reviewer.scoring.sheet import VerifiedSheet


@dataclass(frozen=True)
class Outcome:
    sheet: VerifiedSheet
    source: str
    accepted: bool
    reason: Text
    superseded: VerifiedSheet | None = None


@dataclass(frozen=True)
class SheetCollection:
    package_id: str
    current: Mapping[str, VerifiedSheet] = field(default_factory=dict)  # expert id → newest sheet
    seen: frozenset[str] = frozenset()  # digests of every sheet accepted, superseded ones included
    outcomes: tuple[Outcome, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "current", MappingProxyType(dict(self.current)))

    def _with(self, outcome: Outcome) -> SheetCollection:
        current, seen = dict(self.current), self.seen
        if outcome.accepted:
            current[outcome.sheet.expert_id] = outcome.sheet
            seen = seen | {outcome.sheet.digest}
        return SheetCollection(self.package_id, current, seen, (*self.outcomes, outcome))

    def add(self, sheet: VerifiedSheet, source: str = "") -> tuple[SheetCollection, Outcome]:
        """The collection after offering ``sheet``, and what happened to it (with the reason)."""
        outcome = self._judge(sheet, source)
        return self._with(outcome), outcome

    def _judge(self, sheet: VerifiedSheet, source: str) -> Outcome:
        h = sheet.header
        who = h.signer_name

        def refuse(reason: Text) -> Outcome:
            return Outcome(sheet, source, False, reason)

        if h.package_id != self.package_id:
            return refuse(
                T("评分表属于另一个评审包，不予导入。", "The sheet belongs to another package; not imported.")
            )
        if sheet.digest in self.seen:
            return refuse(
                T(
                    "重复：{who} 的第 {n} 版评分表已导入过。",
                    "Duplicate: version {n} of {who}'s sheet was imported already.",
                    who=who,
                    n=h.revision,
                )
            )
        held = self.current.get(sheet.expert_id)
        if held is None:
            return Outcome(
                sheet,
                source,
                True,
                T(
                    "已导入 {who} 的第 {n} 版评分表。",
                    "Imported version {n} of {who}'s sheet.",
                    who=who,
                    n=h.revision,
                ),
            )
        if h.revision < held.revision:
            return refuse(
                T(
                    "已过时：已有 {who} 的第 {m} 版，较早的第 {n} 版不予导入。",
                    "Outdated: version {m} of {who}'s sheet is held; the older version {n} is not imported.",
                    who=who,
                    m=held.revision,
                    n=h.revision,
                )
            )
        if h.revision == held.revision:
            return refuse(
                T(
                    "冲突：{who} 的第 {n} 版已有另一份内容不同的评分表，不予导入。请与该专家核实。",
                    "Conflict: another, different version {n} of {who}'s sheet is held; not imported. "
                    "Check with the expert.",
                    who=who,
                    n=h.revision,
                )
            )
        if h.revision == held.revision + 1:
            try:
                check_successor(held, sheet)
            except Refused as exc:
                return refuse(exc.message)
        return Outcome(
            sheet,
            source,
            True,
            T(
                "已导入 {who} 的第 {n} 版评分表，取代第 {m} 版。",
                "Imported version {n} of {who}'s sheet, superseding version {m}.",
                who=who,
                n=h.revision,
                m=held.revision,
            ),
            superseded=held,
        )

    def add_all(self, sheets: Iterable[tuple[VerifiedSheet, str]]) -> SheetCollection:
        out = self
        for sheet, source in sheets:
            out, _ = out.add(sheet, source)
        return out

    @property
    def refusals(self) -> tuple[Outcome, ...]:
        return tuple(o for o in self.outcomes if not o.accepted)

    def sheets(self) -> tuple[VerifiedSheet, ...]:
        return tuple(self.current[k] for k in sorted(self.current))

    def expert_scores(self) -> list[ExpertScores]:
        """The engine's input: the newest sheet of each expert; recusal sheets count as recused."""
        return [s.to_expert_scores() for s in self.sheets()]

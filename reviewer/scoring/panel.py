"""The chair's panel work, Qt-free: import sheets, keep the decisions, reconcile. The GUI and
``reviewer panel reconcile`` call these same functions.

    state = PanelState.start(binding, chair_identity)              # refuses anyone but the chair
    state, outcomes = state.import_sheets([("li.rvsheet", data), ...])
    for o in outcomes: print(o.source, o.accepted, o.reason)      # every refusal says why
    state = state.with_decisions(decisions)                        # checked against the package
    rec = state.reconcile()                                        # → Reconciliation
    print(summary_text(rec, state.names(), state.decisions))

Each sheet is verified as the chair (signature and chain to the pinned root, not revoked, bound to
this package, signer on its roster, content valid under the standard), then offered to the
:class:`~.sheet_collection.SheetCollection` (duplicates refused, a newer version supersedes, an
older one arriving later is refused). Sheets are taken in the order given: that is their arrival.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal

from reviewer.errors import Refused, ReviewerError
from reviewer.i18n import T, Text
from reviewer.scoring.decisions import PanelDecisions
from reviewer.scoring.decisions_io import check_decisions
from reviewer.scoring.motion import Motion, open_motion
from reviewer.scoring.reconcile import reconcile
from reviewer.scoring.result import Reconciliation
from reviewer.scoring.sheet import VerifiedSheet, open_sheet
from reviewer.scoring.sheet_binding import PackageBinding
from reviewer.scoring.sheet_collection import SheetCollection
from reviewer.scoring.statement import Statement, check_answers_motion, open_statement
from reviewer.scoring.validate import check_value
from reviewer.scoring.votes import (
    adopted_codes,
    apply_statements,
    check_aggregates,
    panel_voters,
    require_adopted,
)
from reviewer.standards.model import Standard
from reviewer.standards.panel_rules import PanelRules
from reviewer.trust.identity import Identity

__all__ = [
    "PanelState",
    "SheetOutcome",
    "VoteOutcome",
    "collect",
    "reconcile_panel",
    "require_chair",
    "summary_markdown",
    "summary_text",
]


@dataclass(frozen=True)
class SheetOutcome:
    """What happened to one offered file: accepted (possibly superseding an older version) or
    refused, always with the reason. The expert fields are ``None`` when the file could not even be
    verified (not a sheet, tampered, foreign signer)."""

    source: str
    accepted: bool
    reason: Text
    expert_fingerprint: str | None = None
    expert_name: str | None = None
    revision: int | None = None
    digest: str | None = None
    recused: bool = False
    superseded_digest: str | None = None
    error: str | None = None  # the typed error's class name when verification failed ("Tampered"…)
    sheet: VerifiedSheet | None = None  # the verified sheet (accepted or refused by the import rules)


@dataclass(frozen=True)
class VoteOutcome:
    """What happened to one offered motion or statement file: held, or refused with the reason."""

    source: str
    accepted: bool
    reason: Text
    member_fingerprint: str | None = None
    member_name: str | None = None
    digest: str | None = None
    error: str | None = None


def require_chair(binding: PackageBinding, identity: Identity) -> None:
    if identity.fingerprint != binding.chair.cert_sha256:
        raise Refused(
            T(
                "只有本专家组组长（{name}）可以汇总评分表；您的身份不是组长。",
                "Only this panel's chair ({name}) can collect the sheets; your identity is not the chair.",
                name=binding.chair.name,
            )
        )


def collect(
    binding: PackageBinding,
    sheets: Iterable[tuple[str, bytes]],
    identity: Identity,
    *,
    collection: SheetCollection | None = None,
    now: datetime | None = None,
) -> tuple[SheetCollection, tuple[SheetOutcome, ...]]:
    """Verify each ``(source, bytes)`` as the chair and offer it to ``collection`` (a new one if
    ``None``); the collection after all of them, and one outcome per file, in order."""
    require_chair(binding, identity)
    binding.require_standard()
    held = collection or SheetCollection(binding.package_id)
    outcomes = []
    for source, data in sheets:
        try:
            sheet = open_sheet(data, identity, binding, identity.trust_root(), now=now)
        except ReviewerError as exc:
            outcomes.append(SheetOutcome(source, False, exc.message, error=type(exc).__name__))
            continue
        held, result = held.add(sheet, source)
        h = sheet.header
        outcomes.append(
            SheetOutcome(
                source,
                result.accepted,
                result.reason,
                h.signer_fingerprint,
                h.signer_name,
                h.revision,
                sheet.digest,
                h.recused,
                None if result.superseded is None else result.superseded.digest,
                None if result.accepted else "Refused",
                sheet,
            )
        )
    return held, tuple(outcomes)


def reconcile_panel(
    standard: Standard,
    collection: SheetCollection,
    decisions: PanelDecisions,
    adopted: Iterable[str] | None = None,
    figures: Mapping[str, Decimal] | None = None,
) -> Reconciliation:
    """The engine over the newest sheet of each expert (recusals count as recused) and the panel's
    consensus scores (with ``adopted``: only those the panel adopted) and explanations; ``figures``:
    the package's, for the objective indicators."""
    return reconcile(standard, collection.expert_scores(), decisions.to_engine_decisions(adopted), figures)


def recused_of(sheets: Iterable[VerifiedSheet]) -> tuple[str, ...]:
    return tuple(s.expert_id for s in sheets if s.recused)


@dataclass(frozen=True)
class PanelState:
    """The chair's work on one package as one immutable value: the sheets held, every import
    outcome so far, and the decisions."""

    binding: PackageBinding
    identity: Identity
    collection: SheetCollection
    decisions: PanelDecisions
    outcomes: tuple[SheetOutcome, ...] = ()
    motions: tuple[Motion, ...] = ()  # the chair's motions, verified, oldest first
    statements: tuple[Statement, ...] = ()  # the members' statements, verified, in arrival order

    @classmethod
    def start(
        cls, binding: PackageBinding, identity: Identity, decisions: PanelDecisions | None = None
    ) -> PanelState:
        require_chair(binding, identity)
        state = cls(
            binding, identity, SheetCollection(binding.package_id), PanelDecisions(binding.package_id)
        )
        return state if decisions is None else state.with_decisions(decisions)

    @property
    def standard(self) -> Standard:
        return self.binding.require_standard()

    @property
    def chair(self) -> str:
        return self.binding.chair.cert_sha256

    def import_sheets(
        self, sheets: Iterable[tuple[str, bytes]], *, now: datetime | None = None
    ) -> tuple[PanelState, tuple[SheetOutcome, ...]]:
        collection, outcomes = collect(
            self.binding, sheets, self.identity, collection=self.collection, now=now
        )
        return replace(self, collection=collection, outcomes=(*self.outcomes, *outcomes)), outcomes

    def with_decisions(self, decisions: PanelDecisions) -> PanelState:
        """Replace the decisions after checking they belong to this package (``DecisionsInvalid``)."""
        roster = {m.cert_sha256: m.role for m in self.binding.roster}
        check_decisions(decisions, self.standard, roster, self.binding.package_id, self.rules)
        leaves = {leaf.code: leaf for leaf in self.standard.leaves()}
        for c in decisions.consensus:  # a proposal is checked now, not only once adopted
            check_value(leaves[c.code], c.value, expert_id=None)
        return replace(self, decisions=decisions)

    @property
    def rules(self) -> PanelRules:
        """The panel rules of the package (its ``procedure.json``)."""
        return self.binding.procedure

    def voters(self) -> tuple[str, ...]:
        """Who votes on a change: the members not recused, the chair included."""
        return panel_voters(self.binding.roster, recused_of(self.sheets()))

    def adopted(self) -> tuple[str, ...]:
        """The consensus changes the panel adopted (the rest are proposals: not in the arithmetic).
        A change voted on an aggregate the sheets no longer give (a sheet corrected or returned since
        the motion) is not adopted: it goes to the panel again with the current aggregate."""
        voted = adopted_codes(self.decisions, self.rules, self.voters(), self.chair)
        return tuple(code for code in voted if code not in self.stale())

    def stale(self) -> frozenset[str]:
        """The changes whose motion told the members another computed aggregate than the sheets give now."""
        by_digest = {m.digest: m for m in self.motions}
        moved = [c for c in self.decisions.consensus if c.motion_sha256 in by_digest]
        if not moved:
            return frozenset()
        now = reconcile_panel(self.standard, self.collection, self.decisions, (), self.binding.figures)
        out = set()
        for c in moved:
            change = by_digest[c.motion_sha256 or ""].change(c.code)
            if change is not None and change.aggregate != now.indicator(c.code).aggregate:
                out.add(c.code)
        return frozenset(out)

    def require_adopted(self) -> None:
        """Every consensus change was adopted (ChangeNotAdopted naming it, its votes and the rule) on
        the aggregate the sheets give (MotionMisstated otherwise)."""
        require_adopted(self.decisions, self.rules, self.voters(), self.chair, self.names())
        check_aggregates(
            self.decisions,
            self.motions,
            reconcile_panel(self.standard, self.collection, self.decisions, (), self.binding.figures),
        )

    def sheets(self) -> tuple[VerifiedSheet, ...]:
        return self.collection.sheets()

    def with_votes(self, motions: Iterable[Motion] = (), statements: Iterable[Statement] = ()) -> PanelState:
        """Hold these motions and statements too, and fill the decisions from them: each change and
        the opinion a motion put to the panel get the members' votes, each member's dissent is the
        text of their own statement (:func:`~reviewer.scoring.votes.apply_statements`)."""
        held_m = {m.digest: m for m in (*self.motions, *motions)}
        held_s = {s.digest: s for s in (*self.statements, *statements)}
        ordered = tuple(sorted(held_m.values(), key=lambda m: (m.created, m.digest)))
        decisions = self.decisions
        for m in ordered:
            decisions = apply_statements(decisions, m, held_s.values())
        return replace(self.with_decisions(decisions), motions=ordered, statements=tuple(held_s.values()))

    def import_votes(
        self, motions: Iterable[tuple[str, bytes]], statements: Iterable[tuple[str, bytes]]
    ) -> tuple[PanelState, tuple[VoteOutcome, ...]]:
        """Verify motion and statement files as the chair (signed by this package's chair / a member,
        bound to the package; a statement must answer a motion held or given), then
        :meth:`with_votes`. One outcome per file; a refused file is skipped."""
        root = self.identity.trust_root()
        outcomes: list[VoteOutcome] = []
        opened_m: list[Motion] = []
        for source, data in motions:
            try:
                m = open_motion(data, self.identity, self.binding, root)
            except ReviewerError as exc:
                outcomes.append(VoteOutcome(source, False, exc.message, error=type(exc).__name__))
                continue
            opened_m.append(m)
            outcomes.append(VoteOutcome(source, True, T("表决提请", "motion"), digest=m.digest))
        known = {m.digest: m for m in (*self.motions, *opened_m)}
        opened_s: list[Statement] = []
        for source, data in statements:
            try:
                st = open_statement(data, self.identity, self.binding, root)
                if st.kind == "vote" and st.motion_sha256 not in known:
                    raise Refused(
                        T(
                            "该声明所针对的表决提请未导入：请一并导入组长的表决提请（.rvmotion）。",
                            "The motion this statement answers is not held: import the chair's motion "
                            "(.rvmotion) with it.",
                        )
                    )
                if st.kind == "vote":
                    check_answers_motion(st.votes, st.opinion, known[str(st.motion_sha256)])
            except ReviewerError as exc:
                outcomes.append(VoteOutcome(source, False, exc.message, error=type(exc).__name__))
                continue
            opened_s.append(st)
            outcomes.append(
                VoteOutcome(
                    source,
                    True,
                    T("{name}的声明", "statement of {name}", name=st.member.name),
                    st.member.fingerprint,
                    st.member.name,
                    st.digest,
                )
            )
        return self.with_votes(opened_m, opened_s), tuple(outcomes)

    def names(self) -> dict[str, str]:
        """Fingerprint → member name, from the signed roster."""
        return {m.cert_sha256: m.name for m in self.binding.roster}

    def reconcile(self) -> Reconciliation:
        """The reconciliation with the adopted changes only."""
        return reconcile_panel(
            self.standard, self.collection, self.decisions, self.adopted(), self.binding.figures
        )


# --- the human summary ----------------------------------------------------------------------


def _name(names: Mapping[str, str], fp: str) -> str:
    return names.get(fp, fp[:12])


def summary_lines(
    rec: Reconciliation, names: Mapping[str, str], decisions: PanelDecisions | None = None
) -> list[Text]:
    from reviewer.scoring.panel_summary import summary_lines as lines

    return lines(rec, names, decisions)


def summary_text(
    rec: Reconciliation,
    names: Mapping[str, str],
    decisions: PanelDecisions | None = None,
    lang: str | None = None,
) -> str:
    """The reconciliation in sentences, in ``lang`` (default: the current language)."""
    from reviewer.scoring.panel_summary import render

    return "\n".join(render(t, lang) for t in summary_lines(rec, names, decisions)) + "\n"


def summary_markdown(
    rec: Reconciliation,
    names: Mapping[str, str],
    decisions: PanelDecisions | None = None,
    lang: str | None = None,
) -> str:
    from reviewer.scoring.panel_summary import markdown

    return markdown(rec, names, decisions, lang)


def member_outcome_source(outcome: SheetOutcome, names: Mapping[str, str]) -> str:
    """``li.rvsheet (李喆, v2)`` for listings."""
    if outcome.expert_fingerprint is None:
        return outcome.source
    return f"{outcome.source} ({_name(names, outcome.expert_fingerprint)}, v{outcome.revision})"

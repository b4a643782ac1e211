"""The annual cohort evaluation (pure): every title holder of one type ranked by its total, with stars.

:func:`evaluate` takes the objective standard, the type's :class:`~reviewer.ministry.cohort_rules.TypeRules`,
each candidate's figures (its data return), the year's national figures and the panels' annual totals,
and returns a :class:`CohortResult`. Arithmetic is exact (:class:`~decimal.Decimal`):

- objective part: :func:`reviewer.standards.objective.objective_total` on the candidate's figures with
  the national figures beside them (``national:<code>``);
- expert part (when the rules give it points): the candidate's current annual panel total ÷ that
  panel standard's total points × the part's points, rounded half-up to the rules' decimal places;
  a candidate without a panel result gets 0 for it, noted ``no_panel_result``;
- total = objective + expert. Equal totals share a rank (1, 2, 2, 4); rows of equal total are listed
  by name. With ``order_by_figure`` the named figure (larger first) breaks a tie in the rank too, so
  rows sharing a rank always share their star (before the gates).
- stars: ``thresholds`` (3★ at or above the 3 minimum, 2★ at or above the 2 minimum, else 1★) or
  ``quotas`` (the first n₃ ranked rows get 3★, the next n₂ get 2★, the rest 1★; n = share × ranked
  rounded as stated, or the count). A group of equal totals across a quota boundary is settled by the
  rules: ``better_star`` gives every tied row the better star (a quota may then be exceeded);
  ``order_by_figure`` orders the group by the named figure, larger first, and only rows equal on that
  too share the better star (and the rank). Tied rows whose star was settled this way are noted
  ``boundary_tie``.
- numeric gates (when ``apply_gates``): after the method, :func:`~reviewer.standards.objective.cap_result`
  lowers the stars; the failed gates' codes are in ``capped_by``. A capped row keeps its rank and its
  quota place (it is not given to the next row).
- a title holder without a data return is ``listed_one_star`` (no rank, 1★, noted ``missing_return``,
  after the ranked rows) or ``excluded`` (not in the rows; named in ``excluded``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from itertools import groupby

from reviewer.ministry.cohort_rules import (
    BETTER_STAR,
    EXCLUDED,
    QUOTAS,
    Quota,
    TypeRules,
)
from reviewer.standards.model import Standard
from reviewer.standards.objective import GateOutcome, cap_result, numeric_gates, objective_total

MISSING_RETURN = "missing_return"
NO_PANEL_RESULT = "no_panel_result"
BOUNDARY_TIE = "boundary_tie"
NOTE_LABELS = {
    MISSING_RETURN: ("未报送", "no data return"),
    NO_PANEL_RESULT: ("无年度评审结果，专家部分计0分", "no annual panel result: expert part 0"),
    BOUNDARY_TIE: ("名额边界同分", "tied at a quota boundary"),
}
_ROUNDING = {"half_up": ROUND_HALF_UP, "down": ROUND_FLOOR, "up": ROUND_CEILING}
_LOWEST = Decimal("-Infinity")


@dataclass(frozen=True)
class ExpertTotal:
    """A candidate's current annual panel result: its total out of its standard's total points."""

    total: Decimal
    out_of: Decimal


@dataclass(frozen=True)
class CohortRow:
    rank: int | None  # None: not ranked (no data return)
    name: str
    objective: Decimal | None
    expert: Decimal | None  # None: the rules have no expert part, or not ranked
    total: Decimal | None
    stars: int
    capped_by: tuple[str, ...] = ()  # codes of the numeric gates that lowered the stars
    notes: tuple[str, ...] = ()  # keys of NOTE_LABELS

    def note_text(self, lang: str = "zh") -> str:
        i = 1 if lang == "en" else 0
        parts = [NOTE_LABELS[n][i] for n in self.notes]
        if self.capped_by:
            parts.append(
                ("受数值门槛限制：" if i == 0 else "capped by numeric gates: ") + "、".join(self.capped_by)
            )
        return "；".join(parts) if i == 0 else "; ".join(parts)


@dataclass(frozen=True)
class CohortResult:
    year: int
    type: str
    method: str
    standard_id: str
    rows: tuple[CohortRow, ...]
    excluded: tuple[str, ...] = ()

    def by_stars(self, stars: int) -> tuple[CohortRow, ...]:
        return tuple(r for r in self.rows if r.stars == stars)


@dataclass(frozen=True)
class _Scored:
    name: str
    objective: Decimal
    expert: Decimal | None
    total: Decimal
    order: Decimal  # the boundary figure (order_by_figure), else _LOWEST
    gates: tuple[GateOutcome, ...]
    notes: tuple[str, ...]


def quota_count(quota: Quota, ranked: int, rounding: str) -> int:
    """How many ranked rows a quota admits: ``count``, or ``share × ranked`` rounded as stated."""
    if quota.count is not None:
        return min(quota.count, ranked)
    assert quota.share is not None
    return min(int((quota.share * ranked).to_integral_value(_ROUNDING[rounding])), ranked)


def expert_points(expert: ExpertTotal, points: Decimal, places: int) -> Decimal:
    """The expert part: ``total ÷ out_of × points``, rounded half-up to ``places``."""
    return (expert.total * points / expert.out_of).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)


def _score(
    standard: Standard,
    rules: TypeRules,
    name: str,
    figures: Mapping[str, Decimal],
    national: Mapping[str, Decimal],
    expert_totals: Mapping[str, ExpertTotal],
) -> _Scored:
    merged = {**national, **figures}
    objective = objective_total(standard, merged)
    expert: Decimal | None = None
    notes: tuple[str, ...] = ()
    if rules.expert_points is not None:
        if name in expert_totals:
            expert = expert_points(expert_totals[name], rules.expert_points, rules.decimal_places)
        else:
            expert, notes = Decimal(0).scaleb(-rules.decimal_places), (NO_PANEL_RESULT,)
    order = figures.get(rules.boundary_figure, _LOWEST) if rules.boundary_figure else _LOWEST
    return _Scored(
        name=name,
        objective=objective,
        expert=expert,
        total=objective + (expert or 0),
        order=order if rules.boundary != BETTER_STAR else _LOWEST,
        gates=numeric_gates(standard, merged),
        notes=notes,
    )


def _threshold_stars(rules: TypeRules, total: Decimal) -> int:
    if total >= rules.thresholds[3]:
        return 3
    return 2 if total >= rules.thresholds[2] else 1


def _quota_stars(rules: TypeRules, ordered: list[_Scored]) -> tuple[list[int], set[int]]:
    """Stars by position, then each group tied on (total, boundary figure) gets its best star."""
    n = len(ordered)
    n3 = quota_count(rules.quotas[3], n, rules.rounding)
    n2 = min(quota_count(rules.quotas[2], n, rules.rounding), n - n3)
    by_place = [3 if i < n3 else 2 if i < n3 + n2 else 1 for i in range(n)]
    stars = list(by_place)
    settled: set[int] = set()
    for _, group in groupby(range(n), key=lambda k: (ordered[k].total, ordered[k].order)):
        members = list(group)
        best = max(stars[k] for k in members)
        for k in members:
            stars[k] = best
    # a group of equal totals across a boundary, settled by the better star or by the figure
    for _, group in groupby(range(n), key=lambda k: ordered[k].total):
        members = list(group)
        if len({by_place[k] for k in members}) > 1:
            settled.update(members)
    return stars, settled


def evaluate(
    standard: Standard,
    rules: TypeRules,
    figures_by_candidate: Mapping[str, Mapping[str, Decimal]],
    national: Mapping[str, Decimal],
    expert_totals: Mapping[str, ExpertTotal],
    *,
    year: int,
    holders: Iterable[str] = (),
) -> CohortResult:
    """Rank the ``holders`` (and every candidate with figures) of ``rules.type`` for ``year``."""
    names = sorted(set(holders) | set(figures_by_candidate))
    scored = [
        _score(standard, rules, n, figures_by_candidate[n], national, expert_totals)
        for n in names
        if n in figures_by_candidate
    ]
    missing = [n for n in names if n not in figures_by_candidate]
    ordered = sorted(scored, key=lambda s: (-s.total, -s.order, s.name))
    if rules.method == QUOTAS:
        stars, settled = _quota_stars(rules, ordered)
    else:
        stars, settled = [_threshold_stars(rules, s.total) for s in ordered], set()
    rows: list[CohortRow] = []
    for i, s in enumerate(ordered):
        # with order_by_figure the figure breaks a tie in the rank as it does in the stars: rows that
        # share a rank share their star (before the gates)
        rank = 1 + sum(1 for other in ordered if (other.total, other.order) > (s.total, s.order))
        star = stars[i]
        capped_by: tuple[str, ...] = ()
        if rules.apply_gates:
            capped = int(cap_result(standard, str(star), s.gates))
            if capped < star:
                star, capped_by = capped, tuple(g.code for g in s.gates if not g.passed)
        notes = s.notes + ((BOUNDARY_TIE,) if i in settled else ())
        rows.append(CohortRow(rank, s.name, s.objective, s.expert, s.total, star, capped_by, notes))
    excluded: tuple[str, ...] = ()
    if rules.missing == EXCLUDED:
        excluded = tuple(missing)
    else:
        rows += [CohortRow(None, n, None, None, None, 1, (), (MISSING_RETURN,)) for n in missing]
    return CohortResult(year, rules.type, rules.method, standard.id, tuple(rows), excluded)

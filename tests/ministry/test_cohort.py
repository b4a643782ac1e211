"""The annual cohort evaluation (pure): 15 fictional cities, objective points against a table
computed by hand (tests/ministry/cohort_year.py), stars by thresholds and by quotas, ties, a
missing return, numeric gates capping the stars; the rules file and its errors."""

from __future__ import annotations

import copy
import json
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from reviewer.errors import InvalidInput
from reviewer.ministry.cohort import (
    BOUNDARY_TIE,
    MISSING_RETURN,
    NO_PANEL_RESULT,
    CohortResult,
    ExpertTotal,
    evaluate,
    quota_count,
)
from reviewer.ministry.cohort_rules import (
    CohortRules,
    Quota,
    TypeRules,
    default_cohort_rules_path,
    load_cohort_rules,
    parse_cohort_rules,
)
from reviewer.standards.load import build
from reviewer.standards.objective import objective_points_by_leaf

from . import cohort_year as Y

D = Decimal
STANDARD = build(Y.standard_doc())
THRESHOLDS = TypeRules(
    type="city",
    standard=STANDARD.id,
    expert_points=D(40),
    decimal_places=2,
    method="thresholds",
    thresholds={3: D(85), 2: D(70)},
    quotas={},
    rounding="half_up",
    boundary="better_star",
    boundary_figure=None,
    missing="listed_one_star",
    apply_gates=True,
)
# 3★: the first 3 ranked; 2★: the next 4 — the 2★ boundary falls between 乙 and 辛 (equal totals)
QUOTAS = replace(THRESHOLDS, method="quotas", thresholds={}, quotas={3: Quota(count=3), 2: Quota(count=4)})


def expert_totals() -> dict[str, ExpertTotal]:
    out = {n: ExpertTotal(D(t), D(100)) for n, t in Y.PANEL.items()}
    out["示例丙市"] = ExpertTotal(D("105.6"), D(120))  # a panel standard of 120 points: 105.6/120×40 = 35.20
    return out


def run(rules: TypeRules) -> CohortResult:
    figures = {n: Y.figures(n) for n in Y.FIGURES}
    return evaluate(STANDARD, rules, figures, Y.NATIONAL, expert_totals(), year=2026, holders=Y.CITIES)


def stars(result: CohortResult) -> dict[str, int]:
    return {r.name: r.stars for r in result.rows}


def test_objective_points_equal_the_hand_computed_table() -> None:
    for name, (p11, p12, p21, p22, *_) in Y.HAND.items():
        points = objective_points_by_leaf(STANDARD, {**Y.NATIONAL, **Y.figures(name)})
        assert points == {"1.1": D(p11), "1.2": D(p12), "2.1": D(p21), "2.2": D(p22)}, name
    result = run(THRESHOLDS)
    rows = {r.name: r for r in result.rows}
    for name, (*_, objective, expert, total) in Y.HAND.items():
        row = rows[name]
        assert (row.objective, row.expert, row.total) == (D(objective), D(expert), D(total)), name
        assert str(row.total) == total  # the exact decimals, as published
    assert rows["示例寅市"].notes == (NO_PANEL_RESULT,) and str(rows["示例寅市"].expert) == "0.00"


def test_ranking_shares_a_rank_for_equal_totals_and_lists_the_missing_return_last() -> None:
    result = run(THRESHOLDS)
    assert [(r.rank, r.name) for r in result.rows] == [*Y.RANKING, (None, Y.NO_RETURN)]
    last = result.rows[-1]
    assert (last.stars, last.total, last.notes) == (1, None, (MISSING_RETURN,))
    assert last.note_text() == "未报送"


def test_stars_by_thresholds_with_numeric_gates_capping() -> None:
    got = stars(run(THRESHOLDS))
    assert [n for n, s in got.items() if s == 3] == ["示例卯市", "示例甲市", "示例丙市"]
    # 戊 (87.00) reaches 3★ but grew below the national rate: NG2 caps it at 2★
    assert [n for n, s in got.items() if s == 2] == [
        "示例戊市",
        "示例癸市",
        "示例丑市",
        "示例乙市",
        "示例辛市",
    ]
    # 庚 (76.00) reaches 2★ but its revenue is below 100: NG1 caps it at 1★
    rows = {r.name: r for r in run(THRESHOLDS).rows}
    assert (rows["示例戊市"].stars, rows["示例戊市"].capped_by) == (2, ("NG2",))
    assert (rows["示例庚市"].stars, rows["示例庚市"].capped_by) == (1, ("NG1",))
    assert rows["示例庚市"].note_text() == "受数值门槛限制：NG1"
    assert got["示例子市"] == 1 and rows["示例子市"].capped_by == ()  # growth = national passes NG2
    assert sum(1 for s in got.values() if s == 1) == 15 - 3 - 5


def test_stars_by_quotas_tie_at_the_boundary_gets_the_better_star() -> None:
    result = run(QUOTAS)
    got = stars(result)
    # positions 1-3 → 3★ (戊 capped to 2★ by NG2: it keeps its quota place), 4-7 → 2★, and 辛,
    # tied with 乙 on 77.50 across the boundary, gets the better star too
    assert [n for n, s in got.items() if s == 3] == ["示例卯市", "示例甲市"]
    assert [n for n, s in got.items() if s == 2] == [
        "示例戊市",
        "示例丙市",
        "示例癸市",
        "示例丑市",
        "示例乙市",
        "示例辛市",
    ]
    rows = {r.name: r for r in result.rows}
    assert rows["示例乙市"].notes == rows["示例辛市"].notes == (BOUNDARY_TIE,)
    assert rows["示例庚市"].stars == 1 and rows["示例庚市"].capped_by == ()  # 1★ by place already


def test_stars_by_quotas_tie_ordered_by_a_named_figure() -> None:
    rules = replace(QUOTAS, boundary="order_by_figure", boundary_figure="software_revenue")
    result = run(rules)
    rows = {r.name: r for r in result.rows}
    # 乙 (revenue 1800) before 辛 (1500): 乙 keeps the last 2★ place and rank 7, 辛 gets 1★ and rank 8
    # (the figure that settles the star settles the rank too: one rank, one star)
    assert (rows["示例乙市"].rank, rows["示例乙市"].stars) == (7, 2)
    assert (rows["示例辛市"].rank, rows["示例辛市"].stars) == (8, 1)
    assert rows["示例庚市"].rank == 9
    assert rows["示例乙市"].notes == rows["示例辛市"].notes == (BOUNDARY_TIE,)
    assert [r.name for r in result.rows].index("示例乙市") < [r.name for r in result.rows].index("示例辛市")


def test_order_by_figure_rows_sharing_a_rank_share_their_star() -> None:
    # 乙 and 辛 equal on the total AND on the figure: one rank, the better star, both noted
    figures = {n: Y.figures(n) for n in Y.FIGURES}
    figures["示例辛市"] = {**figures["示例辛市"], "software_revenue": figures["示例乙市"]["software_revenue"]}
    rules = replace(QUOTAS, boundary="order_by_figure", boundary_figure="software_revenue")
    result = evaluate(STANDARD, rules, figures, Y.NATIONAL, expert_totals(), year=2026, holders=Y.CITIES)
    rows = {r.name: r for r in result.rows}
    assert (rows["示例乙市"].rank, rows["示例乙市"].stars) == (rows["示例辛市"].rank, rows["示例辛市"].stars)
    by_rank: dict[int, set[int]] = {}
    for r in result.rows:
        if r.rank is not None and not r.capped_by:
            by_rank.setdefault(r.rank, set()).add(r.stars)
    assert all(len(s) == 1 for s in by_rank.values()), by_rank


def test_quota_shares_and_their_rounding() -> None:
    assert quota_count(Quota(share=D("0.2")), 14, "half_up") == 3  # 2.8
    assert quota_count(Quota(share=D("0.2")), 14, "down") == 2
    assert quota_count(Quota(share=D("0.25")), 14, "half_up") == 4  # 3.5 → 4
    assert quota_count(Quota(share=D("0.25")), 14, "down") == 3
    assert quota_count(Quota(share=D("0.3")), 14, "up") == 5  # 4.2 → 5
    assert quota_count(Quota(count=20), 14, "half_up") == 14
    rules = replace(QUOTAS, quotas={3: Quota(share=D("0.2")), 2: Quota(share=D("0.5"))})
    got = stars(run(rules))  # 14 ranked: 3 → 3★ (戊 capped), 7 → 2★ (庚 capped), 4 → 1★
    assert [n for n, s in got.items() if s == 3] == ["示例卯市", "示例甲市"]
    assert [n for n, s in got.items() if s == 2] == [
        "示例戊市", "示例丙市", "示例癸市", "示例丑市", "示例乙市", "示例辛市", "示例丁市",
    ]  # fmt: skip
    assert got["示例庚市"] == 1


def test_missing_return_excluded_by_the_rule() -> None:
    result = run(replace(THRESHOLDS, missing="excluded"))
    assert Y.NO_RETURN not in [r.name for r in result.rows]
    assert result.excluded == (Y.NO_RETURN,)
    assert len(result.rows) == 14


def test_no_expert_part_ranks_on_the_objective_points_alone() -> None:
    result = run(replace(THRESHOLDS, expert_points=None, thresholds={3: D(50), 2: D(40)}))
    rows = {r.name: r for r in result.rows}
    assert rows["示例丙市"].expert is None and rows["示例丙市"].total == D("51.38")
    assert [r.name for r in result.rows][:3] == ["示例卯市", "示例甲市", "示例丙市"]


def test_shipped_rules_load() -> None:
    rules = load_cohort_rules()
    assert isinstance(rules, CohortRules)
    assert rules.for_type("city").method == "thresholds"
    assert rules.for_type("park").quotas[3] == Quota(share=D("0.2"))


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda d: d["types"]["city"]["stars"]["thresholds"].update({"3": "60"}), "3-star minimum"),
        (lambda d: d["types"]["city"].update({"missing": "ignore"}), "/types/city/missing"),
        (
            lambda d: d["types"]["park"]["stars"]["quotas"].update({"2": {"share": "0.9"}}),
            "add up to more than 1",
        ),
        (lambda d: d["types"]["city"]["stars"].update({"method": "ranking"}), "/types/city/stars"),
        (lambda d: d.update({"format": "reviewer.cohort-rules/9"}), "/format"),
    ],
)
def test_rules_errors_name_the_place(change, where: str) -> None:  # type: ignore[no-untyped-def]
    doc = copy.deepcopy(json.loads(default_cohort_rules_path().read_text("utf-8")))
    change(doc)
    with pytest.raises(InvalidInput) as err:
        parse_cohort_rules(doc)
    assert where in str(err.value)


def test_a_missing_rules_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match=r"does not exist|找不到"):
        load_cohort_rules(tmp_path / "nope.json")

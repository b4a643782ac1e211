"""Objective indicators and numeric gates: points from figures, against values computed by hand.

The expected points below are written from the bands and scales printed in the sample standard
``sample-city-annual-data.json`` (its guidance texts), never from the code under test.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from reviewer.standards import load_bytes, load_standard
from reviewer.standards.model import Bilingual, GateEffect, Standard
from reviewer.standards.objective import (
    GateOutcome,
    MissingFigure,
    cap_result,
    figure_value,
    numeric_gates,
    objective_leaves,
    objective_points,
    objective_points_by_leaf,
    objective_scores,
    objective_total,
)

STANDARDS = Path(__file__).resolve().parents[2] / "reviewer" / "resources" / "standards"
D = Decimal
T = {"zh": "测试", "en": "test"}


@pytest.fixture(scope="module")
def city() -> Standard:
    return load_standard(STANDARDS / "sample-city-annual-data.json")


NATIONAL = {"national:software_revenue_growth": D("11.0")}
CODES = (
    "software_revenue",
    "software_employees",
    "software_enterprises",
    "software_revenue_growth",
    "rd_share",
    "listed_enterprises",
    "enterprises_in_parks_share",
)
LEAVES = ("1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "3.1")

# Five fictional cities (示例). Figures in the order of CODES; the national growth is 11.0 %.
# Expected points, by hand from the bands:
#   1.1 revenue (亿元)  >=3000 12 | >=1500 10 | >=800 8 | >=400 6 | >=100 3 | 0
#   1.2 employees (万人) linear 0..50 on 6 points: 6 * v / 50 = 0.12 v, clamped
#   1.3 enterprises     >=3000 6 | >=1500 4.5 | >=500 3 | >=200 1.5 | 0
#   2.1 growth - 11.0   >=5 10 | >=2 8 | >=0 6 | >=-3 3 | 0
#   2.2 R&D share (%)   linear 0..15 on 8 points: 8 * v / 15, clamped
#   2.3 listed          >=50 6 | >=20 4.5 | >=10 3 | >=3 1.5 | 0
#   3.1 in parks (%)    linear 20..80 on 12 points: (v - 20) / 5, clamped
TABLE: list[tuple[str, tuple[str, ...], tuple[str, ...], str]] = [
    (
        "示例甲市",  # every figure at or above the top band's min
        ("3200.50", "62.30", "3000", "16.0", "15.0", "50", "80.0"),
        # 3200.50>=3000; 0.12*62.30=7.476 -> 6 (clamped); 3000 at the min; 16.0-11.0=5.0 at the min;
        # 8*15/15=8; 50 at the min; (80-20)/5=12
        ("12.00", "6.00", "6.00", "10.00", "8.00", "6.00", "12.00"),
        "60.00",
    ),
    (
        "示例乙市",
        ("1499.99", "18.75", "1500", "12.9", "6.8", "19", "47.5"),
        # 1499.99 just below 1500 -> 8; 0.12*18.75=2.25; 1500 -> 4.5; 1.9 -> 6; 8*6.8/15=3.6266.. -> 3.63;
        # 19 -> 3; 27.5/5=5.5
        ("8.00", "2.25", "4.50", "6.00", "3.63", "3.00", "5.50"),
        "32.88",
    ),
    (
        "示例丙市",
        ("100", "3.50", "199", "8.0", "1.5", "3", "15.0"),
        # 100 at the lowest min -> 3; 0.42; 199 -> 0; -3.0 at the min -> 3; 8*1.5/15=0.8; 3 -> 1.5;
        # (15-20)/5 < 0 -> 0 (clamped)
        ("3.00", "0.42", "0.00", "3.00", "0.80", "1.50", "0.00"),
        "8.72",
    ),
    (
        "示例丁市",
        ("99.99", "0.80", "120", "11.0", "2.0", "0", "20.0"),
        # below every min -> 0; 0.12*0.80=0.096 -> 0.10; 120 -> 0; 0.0 -> 6; 16/15=1.0666.. -> 1.07; 0; 0
        ("0.00", "0.10", "0.00", "6.00", "1.07", "0.00", "0.00"),
        "7.17",
    ),
    (
        "示例戊市",
        ("850.00", "40.00", "2200", "13.5", "9.0", "27", "62.3"),
        # 8; 4.8; 4.5; 2.5 -> 8; 72/15=4.8; 4.5; 42.3/5=8.46
        ("8.00", "4.80", "4.50", "8.00", "4.80", "4.50", "8.46"),
        "43.06",
    ),
]


def figures_of(values: tuple[str, ...]) -> dict[str, Decimal]:
    return {**dict(zip(CODES, map(D, values), strict=True)), **NATIONAL}


@pytest.mark.parametrize(("name", "values", "points", "total"), TABLE, ids=[row[0] for row in TABLE])
def test_hand_computed_points(city: Standard, name: str, values, points, total) -> None:
    figures = figures_of(values)
    by_leaf = objective_points_by_leaf(city, figures, candidate=name)
    assert by_leaf == dict(zip(LEAVES, map(D, points), strict=True))
    # every value carries exactly the aggregation's two decimals, as the record prints it
    assert all(str(v) == p for v, p in zip(by_leaf.values(), points, strict=True))
    assert str(objective_total(city, figures, candidate=name)) == total


def test_objective_scores_show_value_band_and_points(city: Standard) -> None:
    scores = objective_scores(city, figures_of(TABLE[1][1]), candidate="示例乙市")  # 示例乙市
    assert [s.code for s in scores] == list(LEAVES)
    first, growth, rd = scores[0], scores[3], scores[4]
    assert (first.figure, first.value, first.band, first.points) == (
        "software_revenue",
        D("1499.99"),
        2,
        D("8.00"),
    )
    assert (growth.relative_to, growth.value, growth.band) == (
        "national:software_revenue_growth",
        D("1.9"),
        2,
    )
    assert (rd.band, rd.points) == (None, D("3.63"))


# NG1: revenue >= 100 else at most 1 star; NG2: growth - national >= 0 else at most 2 stars.
GATES = {
    "示例甲市": (True, True),
    "示例乙市": (True, True),
    "示例丙市": (True, False),  # revenue exactly 100 passes; -3.0 fails
    "示例丁市": (False, True),  # 99.99 fails; exactly 0.0 passes
    "示例戊市": (True, True),
}


@pytest.mark.parametrize(("name", "values", "points", "total"), TABLE, ids=[row[0] for row in TABLE])
def test_numeric_gates_of_the_table(city: Standard, name: str, values, points, total) -> None:
    outcomes = numeric_gates(city, figures_of(values), candidate=name)
    assert [o.code for o in outcomes] == ["NG1", "NG2"]
    assert tuple(o.passed for o in outcomes) == GATES[name]
    assert outcomes[0].value == D(values[0]) and outcomes[0].minimum == D(100)
    assert outcomes[1].value == D(values[3]) - D("11.0")
    assert outcomes[1].effect is GateEffect.CAP and outcomes[1].cap == "2"


def test_the_samples_are_wholly_objective_with_the_designs_gates(city: Standard) -> None:
    park = load_standard(STANDARDS / "sample-park-annual-data.json")
    for standard in (city, park):
        assert standard.sample and "【样例】" in standard.title.zh
        assert objective_leaves(standard) == standard.leaves()
        assert standard.total_points == D(60)
        ng1, ng2 = standard.numeric_gates
        assert (ng1.figure, ng1.effect, ng1.cap) == ("software_revenue", GateEffect.CAP, "1")
        assert (ng2.relative_to, ng2.minimum, ng2.cap) == ("national:software_revenue_growth", D(0), "2")
    assert city.numeric_gates[0].minimum == D(100)
    assert {leaf.objective.figure for leaf in park.leaves() if leaf.objective} >= {"park_revenue_share"}


# ---- small standards for the edges ---------------------------------------------------------------


def one_leaf(objective: dict[str, Any], *, points: float = 10, step: float = 0.5, places: int = 2) -> dict:
    return {
        "format": "reviewer.standard/1",
        "id": "TEST",
        "version": "1",
        "kind": "annual",
        "candidate_type": "city",
        "title": T,
        "criteria": [
            {
                "code": "A",
                "title": T,
                "points": points,
                "children": [
                    {"code": "A1", "title": T, "points": points, "step": step, "objective": objective}
                ],
            }
        ],
        "aggregation": {"method": "mean", "decimal_places": places},
        "quorum": {"min_experts": 1},
        "conclusion": {"on_veto": "1", "rules": [{"result": "1"}]},
    }


def load(doc: dict) -> Standard:
    return load_bytes(json.dumps(doc, ensure_ascii=False).encode(), "test.json")


def points_for(standard: Standard, value: str, **extra: str) -> Decimal:
    figures = {"x": D(value), **{k: D(v) for k, v in extra.items()}}
    return objective_points(standard.criterion("A1"), figures, standard.aggregation.decimal_places)


def test_band_boundaries_take_the_band_whose_min_is_reached() -> None:
    s = load(
        one_leaf(
            {"figure": "x", "bands": [{"min": 10, "points": 10}, {"min": 5, "points": 4}, {"points": 1}]}
        )
    )
    assert points_for(s, "10") == D("10.00")  # exactly at the min: that band
    assert points_for(s, "9.999999") == D("4.00")
    assert points_for(s, "5") == D("4.00")
    assert points_for(s, "4.99") == D("1.00")
    assert points_for(s, "-1000") == D("1.00")  # the last band takes every lower value


def test_linear_clamps_and_rounds_half_up() -> None:
    # 1 point, 0 at 0, full at 8: points = v / 8
    s = load(one_leaf({"figure": "x", "linear": {"zero_at": 0, "full_at": 8}}, points=1, step=0.01))
    assert points_for(s, "0.04") == D("0.01")  # 0.005 -> 0.01 (half up; half-even would give 0.00)
    assert points_for(s, "0.2") == D("0.03")  # 0.025 -> 0.03 (half-even would give 0.02)
    assert points_for(s, "0.12") == D("0.02")  # 0.015 -> 0.02
    assert points_for(s, "0.039") == D("0.00")  # 0.004875 -> 0.00
    assert points_for(s, "-5") == D("0.00")  # clamped below, never a negative zero
    assert str(points_for(s, "-5")) == "0.00"
    assert points_for(s, "8") == D("1.00")
    assert points_for(s, "1000") == D("1.00")  # clamped above


def test_linear_decreasing_scale_and_relative_value() -> None:
    # lower is better: 10 points at 0, none at 20; the value is x - national:x
    s = load(
        one_leaf(
            {"figure": "x", "relative_to": "national:x", "linear": {"zero_at": 20, "full_at": 0}},
            step=0.1,
            places=1,
        )
    )
    # v = 15.5 - 10.5 = 5 -> 10 * (5 - 20)/(0 - 20) = 7.5
    assert points_for(s, "15.5", **{"national:x": "10.5"}) == D("7.5")
    # v = 10.5 - 10.5 = 0 -> 10; v = 35 -> clamped to 0
    assert points_for(s, "10.5", **{"national:x": "10.5"}) == D("10.0")
    assert points_for(s, "45.5", **{"national:x": "10.5"}) == D("0.0")


def test_rounding_to_zero_places() -> None:
    s = load(one_leaf({"figure": "x", "linear": {"zero_at": 0, "full_at": 20}}, points=10, step=1, places=0))
    assert points_for(s, "5") == D("3")  # 2.5 -> 3
    assert points_for(s, "4.9") == D("2")  # 2.45 -> 2


def test_figure_value_is_exact() -> None:
    s = load(one_leaf({"figure": "x", "relative_to": "national:x", "bands": [{"points": 0}]}))
    spec = s.criterion("A1").objective
    assert spec is not None
    value = figure_value(spec, {"x": D("12345.67"), "national:x": D("0.01")})
    assert value == D("12345.66") and str(value) == "12345.66"
    with pytest.raises(TypeError):
        figure_value(spec, {"x": 1.5, "national:x": D(0)})  # type: ignore[dict-item]  # a float is refused


def test_missing_figure_names_the_figure_the_candidate_and_the_indicator(city: Standard) -> None:
    figures = figures_of(TABLE[1][1])
    del figures["rd_share"]
    with pytest.raises(MissingFigure) as info:
        objective_total(city, figures, candidate="示例乙市")
    err = info.value
    assert (err.figure, err.candidate, err.needed_by) == ("rd_share", "示例乙市", "2.2")
    assert "rd_share" in str(err) and "示例乙市" in str(err)
    assert err.exit_code == 3  # an InvalidInput


def test_missing_national_figure_is_named(city: Standard) -> None:
    figures = figures_of(TABLE[0][1])
    del figures["national:software_revenue_growth"]
    with pytest.raises(MissingFigure) as info:
        numeric_gates(city, figures, candidate="示例甲市")
    assert info.value.figure == "national:software_revenue_growth"
    assert info.value.needed_by == "NG2"


# ---- cap_result ----------------------------------------------------------------------------------


def outcome(passed: bool, effect: str, cap: str | None = None) -> GateOutcome:
    return GateOutcome("NG", Bilingual("门槛", "gate"), D(0), D(1), passed, GateEffect(effect), cap)


def test_cap_result_limits_never_raises(city: Standard) -> None:
    assert cap_result(city, "3", [outcome(False, "cap", "2")]) == "2"
    assert cap_result(city, "2", [outcome(False, "cap", "2")]) == "2"
    assert cap_result(city, "1", [outcome(False, "cap", "2")]) == "1"  # a cap never raises a result
    assert cap_result(city, "3", [outcome(True, "cap", "1")]) == "3"  # a passed gate does nothing
    assert (
        cap_result(city, "3", [outcome(False, "cap", "2"), outcome(False, "cap", "1")]) == "1"
    )  # worst wins
    assert cap_result(city, "3", [outcome(False, "fail")]) == "1"  # fail: the kind's lowest
    assert cap_result(city, "3", []) == "3"


def test_fail_gate_on_a_creation_standard() -> None:
    doc = one_leaf({"figure": "x", "bands": [{"points": 0}]})
    doc["kind"] = "creation"
    doc["conclusion"] = {"on_veto": "fail", "rules": [{"result": "pass"}]}
    doc["numeric_gates"] = [{"code": "NG1", "title": T, "figure": "x", "min": 100, "effect": "fail"}]
    s = load(doc)
    below = numeric_gates(s, {"x": D("99.99")})
    assert below[0].passed is False
    assert cap_result(s, "pass", below) == "fail"
    assert cap_result(s, "pass_after_rectification", below) == "fail"
    at = numeric_gates(s, {"x": D("100.00")})
    assert at[0].passed is True and cap_result(s, "pass", at) == "pass"


# ---- format errors, each naming its JSON path ----------------------------------------------------


def problems(doc: dict) -> list[str]:
    from reviewer.standards import StandardInvalid

    with pytest.raises(StandardInvalid) as info:
        load(doc)
    return [str(p) for p in info.value.problems]


LEAF = "criteria[0].children[0]"


@pytest.mark.parametrize(
    ("objective", "path", "words"),
    [
        (
            {"figure": "x", "bands": [{"min": 1, "points": 11}, {"points": 0}]},
            f"{LEAF}.objective.bands[0].points",
            "exceed",
        ),
        (
            {"figure": "x", "bands": [{"min": 1, "points": 2.25}, {"points": 0}]},
            f"{LEAF}.objective.bands[0].points",
            "step",
        ),
        (
            {"figure": "x", "bands": [{"min": 1, "points": 2}, {"min": 1, "points": 1}, {"points": 0}]},
            f"{LEAF}.objective.bands[1].min",
            "strictly decrease",
        ),
        (
            {"figure": "x", "bands": [{"min": 1, "points": 2}, {"min": 3, "points": 1}, {"points": 0}]},
            f"{LEAF}.objective.bands[1].min",
            "strictly decrease",
        ),
        (
            {"figure": "x", "bands": [{"min": 1, "points": 2}, {"min": 0, "points": 0}]},
            f"{LEAF}.objective.bands[1].min",
            "last band",
        ),
        (
            {"figure": "x", "bands": [{"points": 2}, {"points": 0}]},
            f"{LEAF}.objective.bands[0].min",
            "needs a min",
        ),
        ({"figure": "x", "linear": {"zero_at": 5, "full_at": 5}}, f"{LEAF}.objective.linear", "differ"),
        (
            {"figure": "Software Revenue", "bands": [{"points": 0}]},
            f"{LEAF}.objective.figure",
            "does not match",
        ),
        (
            {"figure": "x", "relative_to": "national:", "bands": [{"points": 0}]},
            f"{LEAF}.objective.relative_to",
            "does not match",
        ),
        (
            {"figure": "x", "bands": [{"points": 0}], "linear": {"zero_at": 0, "full_at": 1}},
            f"{LEAF}.objective",
            "does not match",
        ),
        ({"figure": "x"}, f"{LEAF}.objective", "does not match"),
        ({"figure": "x", "bands": [{"points": 0}], "weight": 2}, f"{LEAF}.objective", "does not match"),
    ],
)
def test_objective_errors_name_the_path(objective: dict, path: str, words: str) -> None:
    found = problems(one_leaf(objective))
    assert any(p.startswith(f"{path}:") and words in p for p in found), found


def test_a_linear_leaf_step_holds_every_rounded_value() -> None:
    # two places: a linear score such as 3.63 must be a valid score, so the step must divide 0.01
    found = problems(one_leaf({"figure": "x", "linear": {"zero_at": 0, "full_at": 15}}, points=8, step=0.5))
    assert any(p.startswith(f"{LEAF}.step:") and "must divide 0.01" in p for p in found), found
    assert load(
        one_leaf({"figure": "x", "linear": {"zero_at": 0, "full_at": 15}}, points=8, step=0.01, places=2)
    )


def test_objective_only_on_leaves() -> None:
    doc = one_leaf({"figure": "x", "bands": [{"points": 0}]})
    doc["criteria"][0]["objective"] = {"figure": "x", "bands": [{"points": 0}]}
    found = problems(doc)
    assert any(p.startswith("criteria[0].objective:") and "children" in p for p in found), found


def gate_doc(**gate: Any) -> dict:
    doc = one_leaf({"figure": "x", "bands": [{"points": 0}]})
    doc["numeric_gates"] = [{"code": "NG1", "title": T, "figure": "x", "min": 1, **gate}]
    return doc


@pytest.mark.parametrize(
    ("gate", "path", "words"),
    [
        ({"effect": "cap"}, "numeric_gates[0]", "'cap' is a required property"),
        ({"effect": "fail", "cap": "1"}, "numeric_gates[0]", "does not match"),
        ({"effect": "cap", "cap": "pass"}, "numeric_gates[0].cap", "not valid for this review kind"),
        ({"effect": "cap", "cap": "4"}, "numeric_gates[0].cap", "not valid for this review kind"),
        ({"effect": "veto"}, "numeric_gates[0].effect", "does not match"),
        ({"effect": "fail", "code": "A1"}, "numeric_gates[0].code", "not unique"),
    ],
)
def test_numeric_gate_errors_name_the_path(gate: dict, path: str, words: str) -> None:
    found = problems(gate_doc(**gate))
    assert any(p.startswith(f"{path}:") and words in p for p in found), found


def test_figures_unknown_to_the_catalogue_are_named(monkeypatch: pytest.MonkeyPatch) -> None:
    from reviewer.standards import rules

    doc = gate_doc(effect="cap", cap="2", relative_to="national:y")
    assert [ref for _, ref in rules.figure_references(doc)] == ["x", "x", "national:y"]
    found = rules.figure_problems(doc, {"x"})
    assert [path for path, _ in found] == ["numeric_gates[0].relative_to"]
    # with applies_to: x is a park figure only, and this standard is for a city; y (national) is free
    found = rules.figure_problems(doc, {"x": {"park"}, "y": {"park"}})
    assert [path for path, _ in found] == [f"{LEAF}.objective.figure", "numeric_gates[0].figure"]
    assert "does not apply to a city" in str(found[0][1])
    # with a shipped catalogue, the loader checks every figure against it
    monkeypatch.setattr(rules, "catalogue_codes", lambda: {"y": frozenset({"city", "park"})})
    found_by_load = problems(doc)
    assert any(p.startswith(f"{LEAF}.objective.figure:") and "catalogue" in p for p in found_by_load)
    assert any(p.startswith("numeric_gates[0].figure:") for p in found_by_load)


def test_every_sample_figure_is_a_design_code() -> None:
    from reviewer.standards import rules

    design = {
        "software_revenue", "software_revenue_growth", "rd_share", "software_enterprises",
        "listed_enterprises", "software_employees", "enterprises_in_parks_share", "park_revenue_share",
    }  # fmt: skip
    for name in ("sample-city-annual-data.json", "sample-park-annual-data.json"):
        doc = json.loads((STANDARDS / name).read_text(encoding="utf-8"))
        assert rules.figure_problems(doc, design) == []


def test_existing_standards_load_unchanged() -> None:
    for name in ("sample-city-annual.json", "sample-city-creation.json", "sample-park-creation.json"):
        standard = load_standard(STANDARDS / name)
        assert standard.numeric_gates == ()
        assert objective_leaves(standard) == ()
        assert all(c.objective is None for c in standard.walk())

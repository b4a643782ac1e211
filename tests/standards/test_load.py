"""The standard model: the samples load, and every validation rule rejects what it should, naming the field."""

from __future__ import annotations

import copy
import json
from decimal import Decimal
from pathlib import Path

import pytest

from reviewer.standards import StandardInvalid, load_bytes, load_standard
from reviewer.standards.model import AggregationMethod, CommentRule, ReviewKind, YesNoEffect

STANDARDS = Path(__file__).resolve().parents[2] / "reviewer" / "resources" / "standards"
SAMPLES = sorted(STANDARDS.glob("*.json"))


def sample_doc(name: str = "sample-park-creation.json") -> dict:
    return json.loads((STANDARDS / name).read_text(encoding="utf-8"))


def problems_of(doc: dict) -> list[str]:
    with pytest.raises(StandardInvalid) as info:
        load_bytes(json.dumps(doc, ensure_ascii=False).encode(), "test.json")
    return [str(p) for p in info.value.problems]


def test_the_samples_ship_and_are_labelled_as_samples() -> None:
    assert [p.name for p in SAMPLES] == [
        "sample-city-annual-data.json",
        "sample-city-annual.json",
        "sample-city-creation.json",
        "sample-park-annual-data.json",
        "sample-park-creation.json",
    ]
    for path in SAMPLES:
        standard = load_standard(path)
        assert standard.sample is True
        assert "样例" in standard.title.zh and "SAMPLE" in standard.title.en


def test_park_sample_matches_the_domain_table() -> None:
    s = load_standard(STANDARDS / "sample-park-creation.json")
    assert (s.kind, s.candidate_type.value) == (ReviewKind.CREATION, "park")
    assert s.total_points == Decimal(100)
    assert [(c.title.zh, c.points) for c in s.criteria] == [
        ("产业规模与集聚", 25),
        ("创新能力", 20),
        ("名企名品", 15),
        ("特色与应用", 10),
        ("公共服务与生态", 15),
        ("运营与保障", 15),
    ]
    assert len(s.leaves()) == 19
    revenue = s.criterion("1.1")
    assert (revenue.title.zh, revenue.points, revenue.step) == ("软件业务收入", 8, Decimal("0.5"))
    assert [v.code for v in s.vetoes()] == ["V1"] and s.vetoes()[0].title.zh == "材料真实性"
    assert s.aggregation.method is AggregationMethod.TRIMMED_MEAN and s.aggregation.trim_from_panel_size == 5
    assert s.level1_minimum(s.criteria[0]) == Decimal(15)  # 60 % of 25
    assert [r.result for r in s.conclusion.rules] == ["pass", "pass_after_rectification", "fail"]
    assert s.conclusion.on_veto == "fail"


def test_annual_sample_has_star_rules_with_gates() -> None:
    s = load_standard(STANDARDS / "sample-city-annual.json")
    assert s.kind is ReviewKind.ANNUAL
    assert [(r.result, r.min_total, r.gates) for r in s.conclusion.rules] == [
        ("3", Decimal(85), ("G1", "G2")),
        ("2", Decimal(70), ("G1",)),
        ("1", None, ()),
    ]
    assert [g.code for g in s.gates()] == ["G1", "G2"] and all(
        g.effect is YesNoEffect.GATE for g in s.gates()
    )


def test_comment_policy_at_full_and_very_low_marks() -> None:
    s = load_standard(STANDARDS / "sample-park-creation.json")
    leaf = s.criterion("1.1")  # 8 points; comments required at >= 100 % and <= 30 %
    assert s.comment_required(leaf, Decimal(8))
    assert s.comment_required(leaf, Decimal("2.0"))
    assert not s.comment_required(leaf, Decimal("2.5"))
    assert not s.comment_required(leaf, Decimal("7.5"))
    assert leaf.comment_rule is CommentRule.DEFAULT


def test_children_must_sum_to_the_parent_and_the_error_names_the_criterion() -> None:
    doc = sample_doc()
    doc["criteria"][1]["children"][0]["points"] = 7  # 2.1 was 6: children of 2 now sum to 21
    [problem] = problems_of(doc)
    assert problem.startswith("criteria[1].children:")
    assert "criterion 2" in problem and "21" in problem and "20" in problem


def test_step_must_divide_points() -> None:
    doc = sample_doc()
    doc["criteria"][0]["children"][4]["step"] = 2  # 1.5 has 3 points
    doc["criteria"][0]["children"][4].pop("levels")
    [problem] = problems_of(doc)
    assert problem.startswith("criteria[0].children[4].step:") and "1.5" in problem


def test_codes_must_be_unique_across_criteria_and_items() -> None:
    doc = sample_doc()
    doc["criteria"][2]["children"][1]["code"] = "3.1"
    doc["eligibility"][0]["code"] = "V1"
    found = problems_of(doc)
    assert any(p.startswith("criteria[2].children[1].code:") and "3.1" in p for p in found)
    assert any(p.startswith("eligibility[0].code:") and "V1" in p for p in found)


def test_leaf_needs_a_step_and_a_parent_may_not_have_one() -> None:
    doc = sample_doc()
    doc["criteria"][0]["children"][0].pop("step")
    doc["criteria"][1]["step"] = 1
    found = problems_of(doc)
    assert any(p.startswith("criteria[0].children[0].step:") for p in found)
    assert any(p.startswith("criteria[1].step:") for p in found)


def test_levels_stay_within_points_and_do_not_overlap() -> None:
    doc = sample_doc()
    levels = doc["criteria"][0]["children"][0]["levels"]
    levels[0]["max"] = 9  # 1.1 has 8 points
    levels[1]["max"] = 7  # overlaps the 6.5-9 level
    found = problems_of(doc)
    assert any("level max 9 exceeds its points 8" in p for p in found)
    assert any("levels overlap" in p for p in found)


def test_minimum_only_on_level_one_and_within_points() -> None:
    doc = sample_doc()
    doc["criteria"][0]["minimum"] = 30
    doc["criteria"][0]["children"][0]["minimum"] = 1
    found = problems_of(doc)
    assert any(p.startswith("criteria[0].minimum:") and "exceeds" in p for p in found)
    assert any(p.startswith("criteria[0].children[0].minimum:") and "level-1" in p for p in found)


def test_conclusion_rules_are_checked_against_the_kind_and_items() -> None:
    doc = sample_doc()
    doc["conclusion"]["rules"][0]["result"] = "3"  # a star result in a creation review
    doc["conclusion"]["rules"][1]["gates"] = ["G9"]
    doc["conclusion"]["rules"][1]["min_total"] = 120
    doc["conclusion"]["on_veto"] = "exit"
    found = problems_of(doc)
    assert any(p.startswith("conclusion.rules[0].result:") for p in found)
    assert any(p.startswith("conclusion.rules[1].gates:") and "G9" in p for p in found)
    assert any(p.startswith("conclusion.rules[1].min_total:") for p in found)
    assert any(p.startswith("conclusion.on_veto:") for p in found)


def test_last_rule_must_be_the_unconditional_fallback() -> None:
    doc = sample_doc()
    doc["conclusion"]["rules"] = doc["conclusion"]["rules"][:2]
    [problem] = problems_of(doc)
    assert problem.startswith("conclusion.rules[1]:") and "fallback" in problem


def test_minimums_met_needs_a_minimum() -> None:
    doc = sample_doc()
    doc["conclusion"].pop("level1_min_share")
    [problem] = problems_of(doc)
    assert problem.startswith("conclusion.rules[0].minimums_met:")


def test_trim_size_only_for_trimmed_mean() -> None:
    doc = sample_doc()
    doc["aggregation"]["method"] = "median"
    [problem] = problems_of(doc)
    assert problem.startswith("aggregation.trim_from_panel_size:")


@pytest.mark.parametrize(
    ("mutate", "path"),
    [
        (lambda d: d.pop("kind"), "$"),
        (lambda d: d.update(kind="yearly"), "kind"),
        (lambda d: d["criteria"][0]["title"].pop("en"), "criteria[0].title"),
        (lambda d: d["criteria"][0]["children"][0].update(points=-1), "criteria[0].children[0].points"),
        (
            lambda d: d["criteria"][0]["children"][0].update(evidence=["telepathy"]),
            "criteria[0].children[0].evidence[0]",
        ),
        (lambda d: d.update(colour="red"), "$"),
        (lambda d: d["quorum"].update(min_experts=0), "quorum.min_experts"),
        (lambda d: d.update(format="reviewer.standard/2"), "format"),
    ],
)
def test_structure_is_checked_by_the_published_schema(mutate, path: str) -> None:
    doc = sample_doc()
    mutate(doc)
    found = problems_of(doc)
    assert found and all(p.startswith(f"{path}:") for p in found), found


def test_bytes_that_are_not_a_standard_get_a_clear_message() -> None:
    for data, words in [
        (b"\xff\xfe not utf-8", "not UTF-8"),
        (b'{"id": ', "not valid JSON"),
        (b'{"id": "a", "id": "b"}', "duplicate key"),
    ]:
        with pytest.raises(StandardInvalid) as info:
            load_bytes(data, "x.json")
        assert words in str(info.value)


def test_every_problem_is_reported_at_once_in_both_languages() -> None:
    doc = copy.deepcopy(sample_doc())
    doc["criteria"][1]["children"][0]["points"] = 7
    doc["criteria"][0]["children"][4]["step"] = 2
    doc["criteria"][0]["children"][4].pop("levels")
    with pytest.raises(StandardInvalid) as info:
        load_bytes(json.dumps(doc).encode(), "bad.json")
    err = info.value
    assert len(err.problems) == 2
    assert "2 problems" in str(err)
    zh = err.message.format(lines="").render("zh_CN")
    assert "评审标准 bad.json 无效（2 处问题）" in zh
    assert any("下级指标分值之和 21 不等于本级分值 20" in p.message.render("zh_CN") for p in err.problems)


def test_decimal_places_must_hold_every_step() -> None:
    doc = sample_doc()
    doc["aggregation"]["decimal_places"] = 0  # steps of 0.5 need one place
    [problem] = problems_of(doc)
    assert problem.startswith("aggregation.decimal_places:") and "0.5" in problem


def test_a_veto_item_is_not_a_gate() -> None:
    doc = sample_doc("sample-city-annual.json")
    doc["conclusion"]["rules"][0]["gates"] = ["V1", "G2"]
    [problem] = problems_of(doc)
    assert problem.startswith("conclusion.rules[0].gates:") and "V1 is a veto item" in problem

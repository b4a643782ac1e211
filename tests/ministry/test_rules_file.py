"""The registry rules file: the shipped one loads; a broken one is refused with the path of each problem."""

from __future__ import annotations

import json

import pytest

from reviewer.errors import InvalidInput
from reviewer.ministry.rules import default_rules_path, load_rules, parse_rules


def shipped() -> dict:
    return json.loads(default_rules_path().read_text("utf-8"))


def test_shipped_rules_load() -> None:
    rules = load_rules()
    assert rules.exit_consecutive_years == 2
    assert rules.exit_max_stars == 1 and rules.warning_max_stars == 1
    assert rules.veto["creating"].status == "disqualified"
    assert rules.veto["awarded"].status == "exited"
    assert rules.creation["pass"].publicity is True
    assert rules.creation["pass_after_rectification"].notice == "rectification"
    assert rules.city_min_famous_parks == 2


def test_errors_name_the_json_path() -> None:
    doc = shipped()
    doc["annual"]["exit"]["consecutive_years"] = 0
    doc["veto"]["awarded"]["status"] = "banished"
    del doc["publicity"]
    with pytest.raises(InvalidInput) as info:
        parse_rules(doc, "my-rules.json")
    message = str(info.value)
    assert "my-rules.json" in message
    assert "/annual/exit/consecutive_years" in message
    assert "/veto/awarded/status" in message
    assert "'publicity' is a required property" in message


def test_not_json(tmp_path) -> None:
    bad = tmp_path / "rules.json"
    bad.write_text("{nope", "utf-8")
    with pytest.raises(InvalidInput, match="not valid JSON"):
        load_rules(bad)


def test_format_1_still_loads_with_the_shipped_checklists() -> None:
    doc = shipped()
    doc["format"] = "reviewer.registry-rules/1"
    doc["publicity_days"] = 10
    del doc["publicity"], doc["application"]
    doc["creation"]["pass"]["status"] = "creating"
    rules = parse_rules(doc)
    assert (rules.publicity_days, rules.publicity_unit) == (10, "calendar_days")
    assert [i.code for i in rules.checklist("park").documents] == [
        "application_form",
        "creation_plan",
        "cover_letter",
    ]
    doc["publicity"] = {"length": 5, "unit": "working_days"}  # a /2 section in a /1 file is refused
    with pytest.raises(InvalidInput):
        parse_rules(doc)


def test_shipped_application_checklists() -> None:
    rules = parse_rules(shipped())
    assert (rules.publicity_days, rules.publicity_unit) == (7, "calendar_days")
    assert [i.code for i in rules.checklist("city").eligibility] == ["prefecture_level", "provincial_consent"]
    assert [i.zh for i in rules.checklist("park").items] == [
        "园区成立满2年",
        "有独立的管理机构",
        "园区边界清晰",
        "经所属地市级、省级工业和信息化主管部门审核确认",
        "申请表",
        "创建工作方案",
        "申请函",
    ]

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
    del doc["publicity_days"]
    with pytest.raises(InvalidInput) as info:
        parse_rules(doc, "my-rules.json")
    message = str(info.value)
    assert "my-rules.json" in message
    assert "/annual/exit/consecutive_years" in message
    assert "/veto/awarded/status" in message
    assert "'publicity_days' is a required property" in message


def test_not_json(tmp_path) -> None:
    bad = tmp_path / "rules.json"
    bad.write_text("{nope", "utf-8")
    with pytest.raises(InvalidInput, match="not valid JSON"):
        load_rules(bad)

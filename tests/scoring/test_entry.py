"""Score entry: range, step, canonical form, comments, unknown codes — each refusal names the indicator."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from reviewer.i18n import set_language
from reviewer.scoring import entry
from reviewer.standards import Standard, load_standard


@pytest.fixture
def standard(park_standard_path: Path) -> Standard:
    return load_standard(park_standard_path)  # 1.1: 8 points, step 0.5; comments at ≥ 100 % or ≤ 30 %


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("6.5", "6.5"),
        (" 6.50 ", "6.5"),
        ("６．５", "6.5"),  # full-width, as a Chinese input method types it
        (Decimal("7.000"), "7"),
        (8, "8"),
        ("0", "0"),
        ("-0", "0"),
        ("0.0", "0"),
        (Decimal("8E0"), "8"),
    ],
)
def test_valid_scores_come_back_canonical(standard: Standard, raw: object, expected: str):
    value = entry.check_score(standard, "1.1", raw)
    assert str(value) == expected
    assert value == Decimal(expected)


@pytest.mark.parametrize("raw", ["8.5", "9", "-0.5", "100", Decimal("8.0000001")])
def test_out_of_range_is_refused_naming_the_indicator(standard: Standard, raw: object):
    with pytest.raises(entry.ScoreOutOfRange) as caught:
        entry.check_score(standard, "1.1", raw)
    assert caught.value.code == "1.1"
    assert "1.1" in str(caught.value)
    assert "between 0 and 8" in str(caught.value)


@pytest.mark.parametrize("raw", ["6.3", "0.25", "7.75", "1E-1"])
def test_off_step_is_refused(standard: Standard, raw: str):
    with pytest.raises(entry.OffStep) as caught:
        entry.check_score(standard, "1.1", raw)
    assert caught.value.code == "1.1"
    assert "multiple of 0.5" in str(caught.value)
    assert caught.value.value == Decimal(raw)


@pytest.mark.parametrize("raw", ["", "abc", "6,5", "NaN", "Infinity", 6.5, True, None, "sNaN"])
def test_non_numbers_and_floats_are_refused(standard: Standard, raw: object):
    with pytest.raises(entry.NotANumber) as caught:
        entry.check_score(standard, "1.1", raw)
    assert caught.value.code == "1.1"
    assert "1.1" in str(caught.value)


def test_unknown_codes_and_parents(standard: Standard):
    with pytest.raises(entry.UnknownIndicator) as caught:
        entry.check_score(standard, "9.9", "1")
    assert caught.value.code == "9.9"
    assert "has no indicator 9.9" in str(caught.value)
    with pytest.raises(entry.NotScorable) as parent:
        entry.check_score(standard, "1", "10")
    assert parent.value.code == "1"
    assert "sub-indicators" in str(parent.value)


def test_the_step_defaults_to_one_when_the_standard_gives_none(standard: Standard):
    from dataclasses import replace

    node = replace(standard.criterion("1.1"), step=None)
    assert entry.check_range(node, Decimal(3)) == Decimal(3)
    with pytest.raises(entry.OffStep, match="multiple of 1"):
        entry.check_range(node, Decimal("3.5"))


@pytest.mark.parametrize(
    ("value", "required"),
    [("8", True), ("7.5", False), ("2.5", False), ("2.4", None), ("2", True), ("0", True)],
)
def test_comment_required_at_full_and_very_low_marks(standard: Standard, value: str, required: bool | None):
    if required is None:  # 2.4 is off-step: never reaches the comment rule
        with pytest.raises(entry.OffStep):
            entry.check_entry(standard, "1.1", value, None)
        return
    assert entry.comment_required(standard, "1.1", Decimal(value)) is required
    if required:
        with pytest.raises(entry.CommentRequired) as caught:
            entry.check_entry(standard, "1.1", value, "   ")
        assert caught.value.code == "1.1"
        assert "needs a comment" in str(caught.value)
        assert entry.check_entry(standard, "1.1", value, "Benchmark met, see p. 12") == Decimal(value)
    else:
        assert entry.check_entry(standard, "1.1", value, None) == Decimal(value)


def test_messages_are_bilingual(standard: Standard):
    with pytest.raises(entry.OffStep) as caught:
        entry.check_score(standard, "1.2", "5.3")
    message = caught.value.message
    assert "1.2" in message.render("zh_CN") and "步长" in message.render("zh_CN")
    assert "1.2" in message.render("en") and "step" in message.render("en")
    set_language("zh_CN")
    try:
        assert "步长" in str(caught.value)
    finally:
        set_language(None)


def test_item_codes(standard: Standard):
    entry.check_yes_no_code(standard, "V1")
    entry.check_eligibility_code(standard, "E1")
    with pytest.raises(entry.UnknownIndicator, match="no yes/no item E1"):
        entry.check_yes_no_code(standard, "E1")
    with pytest.raises(entry.UnknownIndicator, match="no eligibility condition V1"):
        entry.check_eligibility_code(standard, "V1")
    assert all(entry.known_code(standard, c) for c in ("1", "1.1", "V1", "E5"))
    assert not entry.known_code(standard, "X")
    with pytest.raises(entry.CommentRequired):
        entry.check_flag_comment("E1", " ")

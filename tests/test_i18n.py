from __future__ import annotations

import pytest

from reviewer import i18n
from reviewer.i18n import T, Text


def test_chinese_is_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("REVIEWER_LANG", raising=False)
    i18n.set_language(None)
    assert i18n.language() == "zh_CN"
    assert str(T("通过 {n}", "pass {n}", n=3)) == "通过 3"


def test_english_when_chosen() -> None:
    i18n.set_language("en_US.UTF-8")
    try:
        assert str(T("通过 {n}", "pass {n}", n=3)) == "pass 3"
    finally:
        i18n.set_language(None)


def test_placeholders_must_match_between_languages() -> None:
    with pytest.raises(ValueError, match="placeholders differ"):
        Text("指标 {code}", "criterion {cod}")


def test_literal_braces_render_without_arguments() -> None:
    assert T("无参数", "no args").render("en") == "no args"


def test_bilingual_data_falls_back_to_chinese() -> None:
    assert i18n.bilingual({"zh": "名园"}, "en") == "名园"
    assert i18n.bilingual({"zh": "名园", "en": "park"}, "en") == "park"
    assert i18n.bilingual(None) == ""

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


def test_an_in_app_wording_is_used_only_in_the_app() -> None:
    cli = T(
        "口令错误（或 --passphrase-env 指定的变量）：{who}", "wrong passphrase (or --passphrase-env): {who}"
    )
    text = cli.in_app(T("口令错误：{who}", "wrong passphrase: {who}")).format(who="李喆")
    try:
        i18n.set_in_app(False)
        assert text.render("zh_CN") == "口令错误（或 --passphrase-env 指定的变量）：李喆"
        i18n.set_in_app(True)
        assert text.render("zh_CN") == "口令错误：李喆" and text.render("en") == "wrong passphrase: 李喆"
        assert T("结果：{why}", "result: {why}", why=text).render("zh_CN") == "结果：口令错误：李喆"
    finally:
        i18n.set_in_app(False)


def test_a_time_is_shown_in_beijing_time_with_its_zone() -> None:
    from datetime import UTC, datetime, timedelta, timezone

    assert i18n.beijing("2026-12-04T09:45:36Z").render("zh_CN") == "2026-12-04 17:45（北京时间）"
    assert i18n.beijing("2026-12-04T09:45:36Z").render("en") == "2026-12-04 17:45 (Beijing time)"
    assert (
        i18n.beijing(datetime(2026, 12, 4, 9, 45, 36)).render("zh_CN") == "2026-12-04 17:45（北京时间）"
    )  # naive: UTC
    paris = datetime(2026, 12, 4, 10, 45, 36, tzinfo=timezone(timedelta(hours=1)))
    assert i18n.beijing(paris, seconds=True).render("zh_CN") == "2026-12-04 17:45:36（北京时间）"
    assert (
        i18n.beijing_date(datetime(2026, 12, 4, 17, 0, tzinfo=UTC)) == "2026-12-05"
    )  # already the 5th in Beijing

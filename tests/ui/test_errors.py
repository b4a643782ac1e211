"""The one error path: expected failures show their own message, bugs a generic one."""

from __future__ import annotations

import logging

import pytest

from reviewer import i18n
from reviewer.errors import InvalidInput
from reviewer.i18n import T
from reviewer.ui.dialogs import errors


@pytest.fixture
def shown(monkeypatch) -> list[tuple[str, str]]:
    calls: list[tuple[str, str]] = []
    monkeypatch.setattr(errors, "show_error", lambda parent, title, message: calls.append((title, message)))
    return calls


def test_a_reviewer_error_shows_its_message_in_the_current_language(qapp, shown) -> None:
    exc = InvalidInput(T("文件 {f} 无效", "The file {f} is invalid", f="a.json"))
    i18n.set_language("zh_CN")
    errors.report(None, exc)
    i18n.set_language("en")
    errors.report(None, exc)
    assert [m for _, m in shown] == ["文件 a.json 无效", "The file a.json is invalid"]


def test_an_unexpected_error_shows_a_generic_message_and_logs_the_detail(qapp, shown, caplog) -> None:
    try:
        raise KeyError("internal detail")
    except KeyError as exc:
        with caplog.at_level(logging.ERROR, logger="reviewer.ui.dialogs.errors"):
            errors.report(None, exc)
    assert len(shown) == 1
    assert "internal detail" not in shown[0][1]
    assert "did not expect" in shown[0][1]
    assert "internal detail" in caplog.text

"""The one "ask for the passphrase again" loop (ui/dialogs/passphrase.retry_unlock) and its three users."""

from __future__ import annotations

import inspect

import pytest

from reviewer.errors import KeyUnavailable, Refused, WrongPassphrase
from reviewer.i18n import T
from reviewer.ui.dialogs import errors
from reviewer.ui.dialogs import passphrase as dialogs
from reviewer.ui.panels import chair_record, package_panel
from reviewer.ui.panels.ministry import desk_state


@pytest.fixture
def reported(monkeypatch) -> list[BaseException]:
    seen: list[BaseException] = []
    monkeypatch.setattr(errors, "report", lambda parent, exc: seen.append(exc))
    return seen


def attempt(exc: BaseException, typed: str | None) -> tuple[bool, list, list]:
    retried: list = []
    cancelled: list = []
    handled = dialogs.retry_unlock(None, exc, lambda: typed, retried.append, lambda: cancelled.append(1))
    return handled, retried, cancelled


def test_a_missing_key_asks_and_retries_with_what_is_typed(reported) -> None:
    handled, retried, cancelled = attempt(KeyUnavailable(T("无", "none")), "s3cret")
    assert handled and not cancelled and not reported
    assert [s.explicit for s in retried] == ["s3cret"]
    assert not retried[0].use_keyring and not retried[0].interactive


def test_a_mistyped_passphrase_is_said_before_asking_again(reported) -> None:
    wrong = WrongPassphrase(T("错", "wrong"))
    handled, retried, _ = attempt(wrong, "again")
    assert handled and reported == [wrong] and len(retried) == 1


def test_cancelling_stops_the_loop(reported) -> None:
    handled, retried, cancelled = attempt(KeyUnavailable(T("无", "none")), None)
    assert handled and not retried and cancelled == [1]


def test_other_errors_are_left_to_the_caller(reported) -> None:
    handled, retried, cancelled = attempt(Refused(T("拒", "refused")), "x")
    assert not handled and not retried and not cancelled and not reported


@pytest.mark.parametrize(
    "method",
    [
        package_panel.PackagePanel._ask_again,
        chair_record.RecordPage._ask_member,
        desk_state.MinistryDesk._unlock_failed,
    ],
)
def test_the_three_unlocks_use_the_one_loop(method) -> None:
    source = inspect.getsource(method)
    assert "retry_unlock(" in source and "WrongPassphrase" not in source

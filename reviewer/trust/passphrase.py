"""Where the passphrase of a private key comes from: an environment variable, the OS keyring, a prompt.

Identities use a random passphrase that lives in the OS keyring (service ``reviewer``, one entry
per key holder). When no keyring backend works (a Linux laptop without a desktop session, or
keyring's ``fail``/``null`` backends), the person is asked instead; automation names an environment
variable with ``--passphrase-env``. When none of these is possible the error says how to supply one.
"""

from __future__ import annotations

import getpass
import logging
import os
import secrets
import sys
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType

from reviewer.errors import KeyUnavailable, UsageError
from reviewer.i18n import T

log = logging.getLogger(__name__)

KEYRING_SERVICE = "reviewer"
MIN_LENGTH = 8


def _keyring() -> ModuleType:  # imported lazily: keyring's backend discovery is slow-ish
    import keyring
    import keyring.errors

    return keyring


def keyring_get(account: str) -> str | None:
    """The stored passphrase, or None when absent or when no backend works."""
    try:
        stored: str | None = _keyring().get_password(KEYRING_SERVICE, account)
        return stored
    except Exception as exc:
        log.debug("keyring unavailable for reading: %s", exc)
        return None


def keyring_store(account: str, secret: str) -> bool:
    """Store and read back; False when the backend cannot keep it (fail, null, locked...)."""
    try:
        kr = _keyring()
        kr.set_password(KEYRING_SERVICE, account, secret)
        stored = kr.get_password(KEYRING_SERVICE, account)
        return isinstance(stored, str) and stored == secret
    except Exception as exc:
        log.debug("keyring unavailable for writing: %s", exc)
        return False


def keyring_delete(account: str) -> None:
    try:
        _keyring().delete_password(KEYRING_SERVICE, account)
    except Exception as exc:
        log.debug("keyring delete failed: %s", exc)


def _can_prompt() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


@dataclass(frozen=True)
class PassphraseSource:
    """How to obtain a passphrase: explicit value, ``env`` variable name, keyring, then a prompt.

    ``explicit`` serves the demo and the GUI (which asks in a dialog); ``prompt`` can be replaced
    (tests, the GUI). ``use_keyring=False`` skips the keyring entirely.
    """

    explicit: str | None = None
    env: str | None = None
    use_keyring: bool = True
    interactive: bool = True
    prompt: Callable[[str], str] | None = None

    def _from_env(self) -> str | None:
        if self.explicit is not None:
            return self.explicit
        if self.env:
            value = os.environ.get(self.env)
            if not value:
                raise UsageError(
                    T(
                        "环境变量 {name} 未设置或为空；请设置为私钥口令后重试。",
                        "The environment variable {name} is not set or empty; set it to the key's "
                        "passphrase and try again.",
                        name=self.env,
                    )
                )
            return value
        return None

    def _ask(self, label: str, *, confirm: bool) -> str | None:
        if not self.interactive or (self.prompt is None and not _can_prompt()):
            return None
        ask = self.prompt or getpass.getpass
        first = ask(str(T("请输入{label}的口令：", "Passphrase for {label}: ", label=label)))
        if confirm:
            again = ask(str(T("请再次输入口令：", "Repeat the passphrase: ")))
            if again != first:
                raise UsageError(T("两次输入的口令不一致，请重试。", "The passphrases differ; try again."))
        return first

    def unavailable(self, label: str) -> KeyUnavailable:
        return KeyUnavailable(
            T(
                "无法取得{label}的口令：没有可用的系统密钥环，也无法提示输入。"
                "请在终端中运行以便输入口令，或用 --passphrase-env 变量名 指定保存口令的环境变量。",
                "No passphrase for {label}: no OS keyring is available and no prompt is possible. "
                "Run in a terminal to type it, or pass --passphrase-env NAME naming an environment "
                "variable that holds it.",
                label=label,
            )
        )

    def for_new_key(self, account: str, label: str) -> tuple[str, bool]:
        """A passphrase for a key being created; returns ``(passphrase, stored_in_keyring)``.

        Order: explicit/env value; else a random passphrase kept in the keyring; else a prompt
        (asked twice).
        """
        given = self._from_env()
        if given is not None:
            _check_strength(given)
            return given, False
        if self.use_keyring:
            secret = secrets.token_urlsafe(32)
            if keyring_store(account, secret):
                return secret, True
        typed = self._ask(label, confirm=True)
        if typed is None:
            raise self.unavailable(label)
        _check_strength(typed)
        return typed, False

    def for_existing_key(self, account: str, label: str) -> str:
        given = self._from_env()
        if given is not None:
            return given
        if self.use_keyring:
            stored = keyring_get(account)
            if stored:
                return stored
        typed = self._ask(label, confirm=False)
        if typed is None:
            raise self.unavailable(label)
        return typed


def _check_strength(passphrase: str) -> None:
    if len(passphrase) < MIN_LENGTH:
        raise UsageError(
            T(
                "口令太短（至少 {n} 个字符），请换一个更长的口令。",
                "The passphrase is too short (at least {n} characters); choose a longer one.",
                n=MIN_LENGTH,
            )
        )

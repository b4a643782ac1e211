"""Asking for what unlocks an identity: its folder and its passphrase.

Both go through small functions that tests monkeypatch. The passphrase is handed straight to the
core's :class:`~reviewer.trust.PassphraseSource` for one unlock and never stored by the app.

:func:`retry_unlock` is the one "ask again" loop of the app: opening a package, a member
co-signing the record and unlocking the ministry's authority all try the keyring (or a given
passphrase) first and, when that key is missing or the passphrase was mistyped, come here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QWidget

from reviewer.errors import KeyUnavailable, WrongPassphrase
from reviewer.trust import PassphraseSource
from reviewer.ui.dialogs import errors


def keyring_source() -> PassphraseSource:
    """The first try of every unlock: the OS keyring, never a console prompt."""
    return PassphraseSource(use_keyring=True, interactive=False)


def typed_source(passphrase: str) -> PassphraseSource:
    """A passphrase given (typed in a dialog, or from ``--passphrase-env``), used as it is."""
    return PassphraseSource(explicit=passphrase, use_keyring=False, interactive=False)


def retry_unlock(
    parent: QWidget | None,
    exc: BaseException,
    ask: Callable[[], str | None],
    retry: Callable[[PassphraseSource], object],
    cancelled: Callable[[], object] | None = None,
) -> bool:
    """Handle a failed unlock by asking for the passphrase; False when ``exc`` is no unlock failure.

    A mistyped passphrase is said first; then ``ask()`` shows the dialog and what is typed goes to
    ``retry``, whose own failure comes back here: the person is asked until the key opens or they
    cancel (then ``cancelled()``). Any other error is left to the caller to report.
    """
    if not isinstance(exc, KeyUnavailable | WrongPassphrase):
        return False
    if isinstance(exc, WrongPassphrase):
        errors.report(parent, exc)
    typed = ask()
    if typed is None:
        if cancelled is not None:
            cancelled()
    else:
        retry(typed_source(typed))
    return True


def ask_passphrase(parent: QWidget | None, who: str) -> str | None:
    """The passphrase of the identity ``who`` (a name), typed hidden; None when cancelled."""
    text, ok = QInputDialog.getText(
        parent,
        QCoreApplication.translate("passphrase", "Unlock your identity"),
        QCoreApplication.translate(
            "passphrase",
            "The key of {who} is not in this computer's keyring.\nType its passphrase to open the package:",
        ).format(who=who),
        QLineEdit.EchoMode.Password,
    )
    return text if ok and text else None


def choose_identity_folder(parent: QWidget | None, start: str = "") -> Path | None:
    """The folder of the identity that opens packages (made by ``reviewer identity new``)."""
    path = QFileDialog.getExistingDirectory(
        parent, QCoreApplication.translate("passphrase", "Choose your identity folder"), start
    )
    return Path(path) if path else None

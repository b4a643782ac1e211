"""Asking for what unlocks an identity: its folder and its passphrase.

Both go through small functions that tests monkeypatch. The passphrase is handed straight to the
core's :class:`~reviewer.trust.PassphraseSource` for one unlock and never stored by the app.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QWidget


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

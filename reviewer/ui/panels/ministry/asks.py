"""The ministry desk's questions to the person: files, folders, a reason, a passphrase.

Small functions behind which the real dialogs sit, so that tests monkeypatch them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QWidget

from reviewer.ui import accessible


def open_file(parent: QWidget | None, title: str, filters: str, start: str = "") -> Path | None:
    path, _ = QFileDialog.getOpenFileName(parent, title, start, filters)
    return Path(path) if path else None


def open_files(parent: QWidget | None, title: str, filters: str, start: str = "") -> list[Path]:
    paths, _ = QFileDialog.getOpenFileNames(parent, title, start, filters)
    return [Path(p) for p in paths]


def open_folder(parent: QWidget | None, title: str, start: str = "") -> Path | None:
    path = QFileDialog.getExistingDirectory(parent, title, start)
    return Path(path) if path else None


def save_file(parent: QWidget | None, title: str, suggested: str, filters: str) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    return Path(path) if path else None


def reason(parent: QWidget | None, title: str, question: str) -> str | None:
    """A reason typed by the person (None when cancelled; blank is returned as typed)."""
    text, ok = accessible.get_multiline_text(parent, title, question)
    return text if ok else None


def passphrase(parent: QWidget | None, who: str) -> str | None:
    text, ok = QInputDialog.getText(
        parent,
        QCoreApplication.translate("ministry", "Unlock the authority"),
        QCoreApplication.translate(
            "ministry", "The key of {who} is not in this computer's keyring.\nType its passphrase:"
        ).format(who=who),
        QLineEdit.EchoMode.Password,
    )
    return text if ok and text else None


def database(parent: QWidget | None, default: str) -> str | None:
    """The registry database: a SQLite file path or a SQLAlchemy URL (PostgreSQL); None when cancelled."""
    text, ok = QInputDialog.getText(
        parent,
        QCoreApplication.translate("ministry", "Registry database"),
        QCoreApplication.translate(
            "ministry",
            "The registry database (a SQLite file, or a URL such as postgresql+psycopg://host/db):",
        ),
        QLineEdit.EchoMode.Normal,
        default,
    )
    return text.strip() or default if ok else None

"""The ministry desk's questions to the person: files, folders, a reason, a passphrase, the
database, a candidate to register, how a publicity ended.

Small functions behind which the real dialogs sit, so that tests monkeypatch them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QLineEdit, QWidget

if TYPE_CHECKING:
    from reviewer.app.ministry_progress import FlagsView, ProgressView
    from reviewer.ui.panels.ministry.database_dialog import DatabaseChoice
    from reviewer.ui.panels.ministry.progress_actions import FlagChange, ProgressChoice
    from reviewer.ui.panels.ministry.registry_actions import NewCandidate, PublicityDecision

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


def category(parent: QWidget | None) -> str | None:
    """The new member's category: expert (专家) or representative (采购人或主管部门代表); None when cancelled."""
    choices = [
        ("expert", QCoreApplication.translate("ministry", "Expert")),
        (
            "representative",
            QCoreApplication.translate("ministry", "Representative of the purchaser or authority"),
        ),
    ]
    label, ok = QInputDialog.getItem(
        parent,
        QCoreApplication.translate("ministry", "Member category"),
        QCoreApplication.translate(
            "ministry", "The panel rules count the experts among the members. This member is:"
        ),
        [text for _key, text in choices],
        0,
        False,
    )
    return next((key for key, text in choices if text == label), None) if ok else None


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


def database(parent: QWidget | None, default: str) -> DatabaseChoice | None:
    """The registry database: a SQLite file, or a PostgreSQL server with its password; None when cancelled."""
    from reviewer.ui.panels.ministry.database_dialog import DatabaseDialog

    dialog = DatabaseDialog(default, parent)
    return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None


def new_candidate(parent: QWidget | None) -> NewCandidate | None:
    """A candidate to register by hand (None when cancelled)."""
    from reviewer.ui.panels.ministry.registry_actions import RegisterDialog

    dialog = RegisterDialog(parent)
    return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None


def publicity(parent: QWidget | None, name: str, year: int) -> PublicityDecision | None:
    """How ``name``'s publicity ended (None when cancelled)."""
    from reviewer.ui.panels.ministry.registry_actions import PublicityDialog

    dialog = PublicityDialog(name, year, parent)
    return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None


def progress_report(parent: QWidget | None, view: ProgressView) -> ProgressChoice | None:
    """A received progress report: file, due period, day received (None when cancelled)."""
    from reviewer.ui.panels.ministry.progress_actions import RecordProgressDialog

    dialog = RecordProgressDialog(view, parent)
    return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None


def flag_change(parent: QWidget | None, view: FlagsView) -> FlagChange | None:
    """A priority flag to set or clear, with its source (None when cancelled)."""
    from reviewer.ministry.progress import beijing_today
    from reviewer.ui.panels.ministry.progress_actions import FlagsDialog

    dialog = FlagsDialog(view, beijing_today(), parent)
    return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None

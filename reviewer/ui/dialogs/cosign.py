"""The questions of the record screen: a member's identity folder and passphrase for co-signing,
where to save the result file, and a notice. Small functions that tests monkeypatch."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from reviewer.ui import accessible


def choose_member_folder(parent: QWidget | None, start: str = "") -> Path | None:
    """The identity folder of the member who co-signs now (on this laptop, in turn)."""
    path = QFileDialog.getExistingDirectory(
        parent, QCoreApplication.translate("cosign", "Choose the co-signing member's identity folder"), start
    )
    return Path(path) if path else None


def ask_member_passphrase(parent: QWidget | None, who: str) -> str | None:
    """The member types their own passphrase (hidden); None when cancelled."""
    text, ok = QInputDialog.getText(
        parent,
        QCoreApplication.translate("cosign", "Co-sign the review record"),
        QCoreApplication.translate(
            "cosign", "{who}, type your passphrase to sign the review record with your key:"
        ).format(who=who),
        QLineEdit.EchoMode.Password,
    )
    return text if ok and text else None


def choose_result_path(parent: QWidget | None, suggested: str) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("cosign", "Save the result file"),
        suggested,
        QCoreApplication.translate("cosign", "Result files (*.rvresult)"),
    )
    return Path(path) if path else None


def choose_record_copy_path(parent: QWidget | None, suggested: str) -> Path | None:
    """Where the chair saves a copy of the review record in the clear (None: cancelled)."""
    path, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("cosign", "Save a copy of the review record"),
        suggested,
        QCoreApplication.translate("cosign", "PDF files (*.pdf)"),
    )
    return Path(path) if path else None


def notify(parent: QWidget | None, text: str) -> None:
    QMessageBox.information(parent, QCoreApplication.translate("cosign", "Review record"), text)


def ask_reopen_reason(parent: QWidget | None, names: str) -> str | None:
    """The chair's reason for reopening the signed record (it is logged); None when cancelled."""
    text, ok = accessible.get_multiline_text(
        parent,
        QCoreApplication.translate("cosign", "Reopen the review record"),
        QCoreApplication.translate(
            "cosign",
            "Reopening discards the signatures of {names}. Why must the record be changed? "
            "The reason is logged with the reopening.",
        ).format(names=names),
    )
    return text.strip() if ok else None

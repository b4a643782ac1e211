"""File choosers of the expert's sheet work (save a sheet, a PDF, a request; open a notice, a
credential), behind small functions that tests monkeypatch."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget


# Each text is written out in its own QCoreApplication.translate call, not passed through a helper:
# pyside6-lupdate only finds literal texts.
def _save(parent: QWidget | None, title: str, suggested: str, filters: str) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    return Path(path) if path else None


def _open(parent: QWidget | None, title: str, start: str, filters: str) -> Path | None:
    path, _ = QFileDialog.getOpenFileName(parent, title, start, filters)
    return Path(path) if path else None


def choose_sheet_path(parent: QWidget | None, suggested: str) -> Path | None:
    """Where to write the signed score (or recusal) sheet."""
    return _save(
        parent,
        QCoreApplication.translate("sheet_files", "Save the signed sheet"),
        suggested,
        QCoreApplication.translate("sheet_files", "Score sheets (*.rvsheet)"),
    )


def choose_pdf_path(parent: QWidget | None, suggested: str) -> Path | None:
    return _save(
        parent,
        QCoreApplication.translate("sheet_files", "Export the sheet as PDF"),
        suggested,
        QCoreApplication.translate("sheet_files", "PDF documents (*.pdf)"),
    )


def choose_return_notice(parent: QWidget | None, start: str = "") -> Path | None:
    return _open(
        parent,
        QCoreApplication.translate("sheet_files", "Accept a return notice"),
        start,
        QCoreApplication.translate("sheet_files", "Return notices (*.rvreturn);;All files (*)"),
    )


def choose_request_path(parent: QWidget | None, suggested: str) -> Path | None:
    """Where to save the enrolment request that goes to the ministry."""
    return _save(
        parent,
        QCoreApplication.translate("sheet_files", "Export the enrolment request"),
        suggested,
        QCoreApplication.translate("sheet_files", "Enrolment requests (*.json)"),
    )


def choose_credential(parent: QWidget | None, start: str = "") -> Path | None:
    return _open(
        parent,
        QCoreApplication.translate("sheet_files", "Install the credential"),
        start,
        QCoreApplication.translate("sheet_files", "Credentials (*.rvcred);;All files (*)"),
    )


def choose_folder(parent: QWidget | None, title: str, start: str = "") -> Path | None:
    path = QFileDialog.getExistingDirectory(parent, title, start)
    return Path(path) if path else None

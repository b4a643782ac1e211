"""File choosers of the expert's sheet work (save a sheet, a PDF, a request; open a notice, a
credential), behind small functions that tests monkeypatch."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget


def _tr(text: str) -> str:
    return QCoreApplication.translate("sheet_files", text)


def _save(parent: QWidget | None, title: str, suggested: str, filters: str) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    return Path(path) if path else None


def _open(parent: QWidget | None, title: str, start: str, filters: str) -> Path | None:
    path, _ = QFileDialog.getOpenFileName(parent, title, start, filters)
    return Path(path) if path else None


def choose_sheet_path(parent: QWidget | None, suggested: str) -> Path | None:
    """Where to write the signed score (or recusal) sheet."""
    return _save(parent, _tr("Save the signed sheet"), suggested, _tr("Score sheets (*.rvsheet)"))


def choose_pdf_path(parent: QWidget | None, suggested: str) -> Path | None:
    return _save(parent, _tr("Export the sheet as PDF"), suggested, _tr("PDF documents (*.pdf)"))


def choose_return_notice(parent: QWidget | None, start: str = "") -> Path | None:
    return _open(
        parent, _tr("Accept a return notice"), start, _tr("Return notices (*.rvreturn);;All files (*)")
    )


def choose_request_path(parent: QWidget | None, suggested: str) -> Path | None:
    """Where to save the enrolment request that goes to the ministry."""
    return _save(parent, _tr("Export the enrolment request"), suggested, _tr("Enrolment requests (*.json)"))


def choose_credential(parent: QWidget | None, start: str = "") -> Path | None:
    return _open(parent, _tr("Install the credential"), start, _tr("Credentials (*.rvcred);;All files (*)"))


def choose_folder(parent: QWidget | None, title: str, start: str = "") -> Path | None:
    path = QFileDialog.getExistingDirectory(parent, title, start)
    return Path(path) if path else None

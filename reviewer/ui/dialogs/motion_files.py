"""File choosers of the panel vote (open the chair's motion, save the signed statement), behind
small functions that tests monkeypatch."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget


def choose_motion(parent: QWidget | None, start: str = "") -> Path | None:
    """The chair's motion to open (``.rvmotion``)."""
    path, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("motion_files", "Open the chair's motion"),
        start,
        QCoreApplication.translate("motion_files", "Motions (*.rvmotion)"),
    )
    return Path(path) if path else None


def choose_statement_path(parent: QWidget | None, suggested: str) -> Path | None:
    """Where to write the expert's signed statement (``.rvstatement``)."""
    path, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("motion_files", "Save your signed statement"),
        suggested,
        QCoreApplication.translate("motion_files", "Statements (*.rvstatement)"),
    )
    return Path(path) if path else None


def choose_statements(parent: QWidget | None, start: str = "") -> list[Path]:
    """Members' statements to import on the chair's laptop (refusals made elsewhere)."""
    paths, _ = QFileDialog.getOpenFileNames(
        parent,
        QCoreApplication.translate("motion_files", "Import refusals to sign"),
        start,
        QCoreApplication.translate("motion_files", "Statements (*.rvstatement)"),
    )
    return [Path(p) for p in paths]

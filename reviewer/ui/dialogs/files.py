"""File choosers, behind small functions that tests monkeypatch."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget


def choose_standard_file(parent: QWidget | None, start: str = "") -> Path | None:
    path, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("files", "Open standard"),
        start,
        QCoreApplication.translate("files", "Standards (*.json);;All files (*)"),
    )
    return Path(path) if path else None


def choose_package_file(parent: QWidget | None, start: str = "") -> Path | None:
    path, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("files", "Open review package"),
        start,
        QCoreApplication.translate("files", "Review packages (*.rvpkg);;All files (*)"),
    )
    return Path(path) if path else None

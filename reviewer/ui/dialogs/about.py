"""Help → About."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from reviewer import __version__


def about_text() -> str:
    return QCoreApplication.translate(
        "about",
        "<h3>Reviewer {version}</h3>"
        "<p>Offline expert review of China Software Famous Cities and Parks.</p>"
        "<p>Standards are loaded from files; the samples shipped with the app are examples, "
        "not the official indicator system.</p>",
    ).format(version=__version__)


def show_about(parent: QWidget | None) -> None:
    QMessageBox.about(parent, QCoreApplication.translate("about", "About Reviewer"), about_text())

"""One registered result, opened from a candidate's history: what it is and each expert's scores.

The registry keeps the numbers of each imported result bundle (the panel's aggregate and every
expert's score of every indicator), its SHA-256 and version — not the bundle file, nor the signed
record and sheets inside it. The dialog says so, and shows what is kept.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from reviewer.ui.panels.ministry.report_view import ReportView

if TYPE_CHECKING:
    from reviewer.ministry.reports import Report


class ReviewDialog(QDialog):
    def __init__(self, report: Report, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="registryReviewDialog")
        self.setWindowTitle(self.tr("Registered result"))
        self.resize(900, 620)
        self.view = ReportView("reviewView")
        self.view.set_report(report)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)

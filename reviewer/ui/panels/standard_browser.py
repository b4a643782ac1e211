"""Reading a standard: the criteria panel beside the details of what is selected."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QWidget

from reviewer.standards.model import Standard
from reviewer.ui.panels.criteria_panel import CriteriaPanel
from reviewer.ui.panels.criterion_details import CriterionDetails


class StandardBrowser(QSplitter):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setObjectName("standardBrowser")
        self.criteria = CriteriaPanel()
        self.details = CriterionDetails()
        self.addWidget(self.criteria)
        self.addWidget(self.details)
        self.setStretchFactor(0, 3)
        self.setStretchFactor(1, 2)
        self.setChildrenCollapsible(False)
        self._standard: Standard | None = None
        self.criteria.selected.connect(self._show)

    @property
    def standard(self) -> Standard | None:
        return self._standard

    def set_standard(self, standard: Standard | None) -> None:
        self._standard = standard
        self.criteria.set_standard(standard)

    def _show(self, item: Any) -> None:
        self.details.show_item(self._standard, item)

"""A core report's tables one under the other, each with its title and row count (the registry
page's history, year and calibration reports; a registered result)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHeaderView, QLabel, QScrollArea, QTableView, QVBoxLayout, QWidget

from reviewer.ministry.report_tables import language
from reviewer.ui.models.ministry_models import ReportTableModel

if TYPE_CHECKING:
    from reviewer.ministry.report_tables import Report

MAX_TABLE_HEIGHT = 360


class ReportView(QScrollArea):
    """A report's tables one under the other, each with its title."""

    def __init__(self, object_name: str) -> None:
        super().__init__(objectName=object_name, widgetResizable=True)
        self.report: Report | None = None
        self.models: dict[str, ReportTableModel] = {}
        self.views: dict[str, QTableView] = {}
        self.title = QLabel(wordWrap=True)
        self.title.setStyleSheet("font-weight: 600; font-size: 14px;")
        self._body = QWidget()
        self._layout = QVBoxLayout(self._body)
        self._layout.addWidget(self.title)
        self._layout.addStretch(1)
        self.setWidget(self._body)

    def set_report(self, report: Report | None) -> None:
        self.report = report
        while self._layout.count() > 2:
            item = self._layout.takeAt(1)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # out of sight now, not when the event loop gets to deleting it
                widget.deleteLater()
        self.models, self.views = {}, {}
        if report is None:
            self.title.clear()
            return
        en = language() == "en"
        self.title.setText(report.title_en if en else report.title_zh)
        for i, table in enumerate(report.tables, start=1):
            label = QLabel(f"{table.title_en if en else table.title_zh}  ({len(table.rows)})")
            label.setStyleSheet("font-weight: 600; margin-top: 6px;")
            model = ReportTableModel(table)
            view = QTableView(objectName=f"{self.objectName()}-{table.key}")
            view.setModel(model)
            label.setBuddy(view)
            if (table.title_zh, table.title_en) == (report.title_zh, report.title_en):
                label.hide()  # a one-table report: its title says it once, with the count
                self.title.setText(label.text())
                self.title.setBuddy(view)
            view.verticalHeader().hide()
            view.setWordWrap(False)  # one line a row; the full text is in the tooltip
            view.setAlternatingRowColors(True)
            view.horizontalHeader().setStretchLastSection(True)
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            row_height = view.verticalHeader().defaultSectionSize()
            height = view.horizontalHeader().sizeHint().height() + 2 * view.frameWidth()
            height += row_height * max(1, len(table.rows))
            height += view.horizontalScrollBar().sizeHint().height()  # room for a scroll bar if too wide
            view.setFixedHeight(min(MAX_TABLE_HEIGHT, height))
            self.models[table.key] = model
            self.views[table.key] = view
            self._layout.insertWidget(2 * i - 1, label)
            self._layout.insertWidget(2 * i, view)

"""数据报送 tab: import the candidates' filled templates, list the returns of a year, and show the
selected candidate's figures year by year (the monitoring view).

Everything that reads or writes runs on a worker (:class:`~reviewer.ui.tasks.Task`) through
:mod:`reviewer.app.ministry_data`; each ``.rvdata`` is written beside its XLSX, signed with the
authority's key (unlocked once for the desk).
"""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reviewer import i18n
from reviewer.app import ministry_data as data_ops
from reviewer.trust import PassphraseSource
from reviewer.ui.dialogs import errors
from reviewer.ui.models.data_models import DataOutcomesModel, ReturnsModel, TrendModel
from reviewer.ui.panels.ministry import asks
from reviewer.ui.panels.ministry.desk_state import MinistryDesk
from reviewer.ui.tasks import Task

if TYPE_CHECKING:
    from pathlib import Path

    from reviewer.app.ministry_data import DataImportOutcome, TrendSeries
    from reviewer.ministry.data_returns import DataReturn
    from reviewer.trust.authority import AuthorityKeys


def _table(name: str) -> QTableView:
    table = QTableView(objectName=name)
    table.verticalHeader().hide()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


class DataPage(QWidget):
    imported = Signal(list)  # the DataImportOutcome of each file
    trend_shown = Signal(str)  # the candidate whose trend is on screen

    def __init__(self, desk: MinistryDesk) -> None:
        super().__init__()
        self.desk = desk
        self.import_button = QPushButton(clicked=self.choose_and_import, objectName="dataImportButton")
        self.progress = QProgressBar(visible=False)
        self.outcomes = DataOutcomesModel()
        self.outcomes_table = _table("dataOutcomes")
        self.outcomes_table.setModel(self.outcomes)
        self.outcomes_table.setWordWrap(True)
        self.year = QSpinBox(objectName="dataYear", minimum=2000, maximum=2100, value=date.today().year - 1)
        self.year.valueChanged.connect(self.refresh)
        self.year_label = QLabel()
        self.year_label.setBuddy(self.year)
        self.returns = ReturnsModel()
        self.returns_table = _table("dataReturns")
        self.returns_table.setModel(self.returns)
        self.returns_table.selectionModel().selectionChanged.connect(self._selected)
        self.trend = TrendModel()
        self.trend_table = _table("dataTrend")
        self.trend_table.setModel(self.trend)
        self.trend_label = QLabel(objectName="dataTrendTitle")
        self.returns_label, self.outcomes_label = QLabel(), QLabel()
        self.returns_label.setBuddy(self.returns_table)
        self.outcomes_label.setBuddy(self.outcomes_table)
        self.trend_label.setBuddy(self.trend_table)

        top = QHBoxLayout()
        top.addWidget(self.import_button)
        top.addWidget(self.progress, 1)
        top.addStretch(1)
        top.addWidget(self.year_label)
        top.addWidget(self.year)
        upper, lower = QWidget(), QWidget()
        up = QVBoxLayout(upper)
        up.setContentsMargins(0, 0, 0, 0)
        up.addWidget(self.outcomes_label)
        up.addWidget(self.outcomes_table, 1)
        up.addWidget(self.returns_label)
        up.addWidget(self.returns_table, 2)
        down = QVBoxLayout(lower)
        down.setContentsMargins(0, 0, 0, 0)
        down.addWidget(self.trend_label)
        down.addWidget(self.trend_table, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(upper)
        split.addWidget(lower)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        desk.registry_changed.connect(self.refresh)
        self._candidate = ""
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.import_button.setText(self.tr("Import data returns (.xlsx)…"))
        self.year_label.setText(self.tr("Year"))
        self.outcomes_label.setText(self.tr("Outcome of each file"))
        self.returns_label.setText(self.tr("Returns of the year (select one to see its trend)"))
        self._trend_title()

    def _trend_title(self) -> None:
        self.trend_label.setText(
            self.tr("Figures of “{name}” year by year").format(name=self._candidate)
            if self._candidate
            else self.tr("Select a return above to see the candidate's figures year by year.")
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- import -------------------------------------------------------------------------------
    def choose_and_import(self) -> None:
        chosen = asks.open_files(self, self.tr("Choose filled data return templates"),
                                 self.tr("Excel workbooks (*.xlsx);;All files (*)"))  # fmt: skip
        if chosen:
            self.import_paths(chosen)

    def import_paths(self, paths: list[Path]) -> None:
        self.desk.with_keys(self, partial(self._import, [str(p) for p in paths]))

    def _import(self, paths: list[str], keys: AuthorityKeys, _source: PassphraseSource) -> None:
        self.import_button.setEnabled(False)
        self.progress.setRange(0, len(paths))
        self.progress.setValue(0)
        self.progress.setVisible(True)
        registry, authority = self.desk.registry, self.desk.authority

        def work(progress: data_ops.Progress) -> list[DataImportOutcome]:
            return data_ops.import_files(registry, authority, keys, paths, None, progress)

        Task(self, work, self.desk.executor, writes=True).on_progress(self._progress).on_success(
            self._imported
        ).on_failure(self._failed).run()

    def _progress(self, done: int, total: int, _text: str) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _imported(self, outcomes: list[DataImportOutcome]) -> None:
        self.import_button.setEnabled(True)
        self.progress.setVisible(False)
        self.outcomes.set_rows(outcomes)
        self.outcomes_table.resizeRowsToContents()
        years = [o.year for o in outcomes if o.ok]
        if years and self.year.value() != years[-1]:
            self.year.setValue(years[-1])  # refreshes
        else:
            self.refresh()
        self.imported.emit(list(outcomes))

    def _failed(self, exc: BaseException) -> None:
        self.import_button.setEnabled(True)
        self.progress.setVisible(False)
        errors.report(self, exc)

    # --- reading ------------------------------------------------------------------------------
    def refresh(self) -> None:
        registry, year = self.desk.registry, self.year.value()
        Task(self, lambda _p: data_ops.year_returns(registry, year), self.desk.executor).on_success(
            self._returns
        ).on_failure(partial(errors.report, self)).run()

    def _returns(self, returns: tuple[DataReturn, ...]) -> None:
        self.returns.set_rows(returns)
        for row, r in enumerate(returns):
            if r.candidate == self._candidate:
                self.returns_table.selectRow(row)

    def _selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = selected.indexes()
        if rows:
            self.show_trend(self.returns.row_value(rows[0].row()).candidate)

    def show_trend(self, candidate: str) -> None:
        registry = self.desk.registry
        lang = "en" if i18n.language() == "en" else "zh"
        Task(self, lambda _p: data_ops.trends(registry, candidate, lang), self.desk.executor).on_success(
            partial(self._trend, candidate)
        ).on_failure(partial(errors.report, self)).run()

    def _trend(self, candidate: str, series: tuple[TrendSeries, ...]) -> None:
        self._candidate = candidate
        self.trend.set_series(series)
        self._trend_title()
        self.trend_shown.emit(candidate)

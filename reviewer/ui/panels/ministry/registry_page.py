"""Registry page: candidates with filters, each candidate's history, the year's stars, warnings and exits.

Everything shown comes from the core's reports (:func:`~reviewer.ministry.reports.history_report`,
:func:`~reviewer.ministry.reports.registry_report`), the same tables the CLI prints; exporting writes
them as CSV or XLSX with :func:`~reviewer.ministry.render.render`. Every read and the export run on a
worker (:mod:`reviewer.app.ministry_desk`); a result that arrives after a newer request is dropped.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reviewer.app import ministry_desk as ops
from reviewer.ministry.desk import filter_candidates
from reviewer.ministry.engine import STATUS_LABELS
from reviewer.ministry.report_tables import language
from reviewer.ui.dialogs import errors
from reviewer.ui.models.ministry_models import CandidatesModel
from reviewer.ui.panels.ministry import asks
from reviewer.ui.panels.ministry.desk_state import MinistryDesk
from reviewer.ui.panels.ministry.lifecycle_actions import LifecycleActions
from reviewer.ui.panels.ministry.progress_actions import ProgressActions
from reviewer.ui.panels.ministry.registry_actions import status_words
from reviewer.ui.panels.ministry.report_view import ReportView
from reviewer.ui.tasks import Task

if TYPE_CHECKING:
    from reviewer.ministry.report_tables import Report
    from reviewer.ministry.types import Candidate

ANY = None
LEFT_WIDTH = 520


class RegistryPage(QWidget):
    shown = Signal(str)  # the candidate whose history is shown

    def __init__(self, desk: MinistryDesk) -> None:
        super().__init__()
        self.desk = desk
        self.type_filter = QComboBox(objectName="typeFilter")
        self.province_filter = QComboBox(objectName="provinceFilter")
        self.status_filter = QComboBox(objectName="statusFilter")
        self.year_filter = QComboBox(objectName="yearFilter")
        self.filter_labels = [QLabel() for _ in range(4)]
        self.model = CandidatesModel()
        self.table = QTableView(objectName="candidatesTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.count = QLabel()
        self.decision = QLabel(wordWrap=True, objectName="registryDecision")
        self.history = ReportView("historyView")
        self.year_report = ReportView("yearView")
        self.calibration = ReportView("calibrationView")
        self.tabs = QTabWidget()
        self.tabs.addTab(self.history, "")
        self.tabs.addTab(self.year_report, "")
        self.tabs.addTab(self.calibration, "")
        self.refresh_button = QPushButton(clicked=self.refresh)
        self.register_button = QPushButton(objectName="registerCandidate", clicked=self.register_candidate)
        self.publicity_button = QPushButton(objectName="closePublicity", clicked=self.close_publicity)
        self.progress_actions = ProgressActions(self)  # progress reports, priority flags
        self.lifecycle_actions = LifecycleActions(self)  # paper check, third-party report, open 公示
        self.export_history_button = QPushButton(clicked=lambda: self.export("history"))
        self.export_year_button = QPushButton(clicked=lambda: self.export("year"))
        self.export_calibration_button = QPushButton(clicked=lambda: self.export("calibration"))

        filters = QHBoxLayout()
        for label, box in zip(self.filter_labels, self._filters(), strict=True):
            filters.addWidget(label)
            filters.addWidget(box)
            label.setBuddy(box)
        filters.addStretch(1)
        filters.addWidget(self.refresh_button)
        actions = QHBoxLayout()
        actions.addWidget(self.register_button)
        actions.addWidget(self.progress_actions.record_button)
        actions.addWidget(self.progress_actions.flags_button)
        actions.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count)
        left_layout.addWidget(self.decision)
        left_layout.addLayout(actions)
        left_layout.addLayout(self.lifecycle_actions.row(self.publicity_button))  # the stages' steps
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.tabs, 1)
        exports = QHBoxLayout()
        exports.addStretch(1)
        exports.addWidget(self.export_history_button)
        exports.addWidget(self.export_year_button)
        exports.addWidget(self.export_calibration_button)
        right_layout.addLayout(exports)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([LEFT_WIDTH, 2 * LEFT_WIDTH])
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.splitter, 1)

        for box in self._filters():
            box.currentIndexChanged.connect(self._apply_filters)
        self.table.selectionModel().selectionChanged.connect(self._show_selected)
        desk.registry_changed.connect(self.refresh)
        self._years: dict[str, set[int]] = {}
        self._all: list[Candidate] = []
        self._latest: int | None = None
        self._pending: dict[str, int] = {}  # under publicity: name → year
        self.review_dialog: QDialog | None = None  # a registered result, opened from the history
        self._asked = {
            "registry": 0,
            "history": 0,
            "year": 0,
            "calibration": 0,
        }  # the latest request of each read
        self.retranslate()
        self.refresh()

    def _filters(self) -> tuple[QComboBox, ...]:
        return (self.type_filter, self.province_filter, self.status_filter, self.year_filter)

    def retranslate(self) -> None:
        for label, text in zip(
            self.filter_labels,
            (self.tr("Type"), self.tr("Province"), self.tr("Status"), self.tr("Year")),
            strict=True,
        ):
            label.setText(text)
        self.tabs.setAccessibleName(self.tr("Reports"))
        self.table.setAccessibleName(self.tr("Candidates in the registry"))
        self.history.setAccessibleName(self.tr("Candidate history"))
        self.year_report.setAccessibleName(self.tr("Year: stars, warnings, exits"))
        self.calibration.setAccessibleName(self.tr("Expert calibration"))
        self.tabs.setTabText(0, self.tr("Candidate history"))
        self.tabs.setTabText(1, self.tr("Year: stars, warnings, exits"))
        self.tabs.setTabText(2, self.tr("Expert calibration"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.register_button.setText(self.tr("Register a candidate…"))
        self.publicity_button.setText(self.tr("Close the publicity…"))
        self.progress_actions.retranslate()
        self.lifecycle_actions.retranslate()
        self.export_calibration_button.setText(self.tr("Export calibration…"))
        self.export_history_button.setText(self.tr("Export history…"))
        self.export_year_button.setText(self.tr("Export year report…"))
        self._fill_fixed_filters()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.refresh()
        super().changeEvent(event)

    def _fill(self, box: QComboBox, items: list[tuple[str, object]]) -> None:
        current = box.currentData()
        box.blockSignals(True)
        box.clear()
        for text, data in items:
            box.addItem(text, data)
        index = box.findData(current)
        box.setCurrentIndex(index if index >= 0 else 0)
        box.blockSignals(False)

    def _fill_fixed_filters(self) -> None:
        en = language() == "en"
        self._fill(
            self.type_filter, [(self.tr("All"), ANY), (self.tr("city"), "city"), (self.tr("park"), "park")]
        )
        self._fill(
            self.status_filter,
            [(self.tr("All"), ANY)] + [(v[1] if en else v[0], k) for k, v in STATUS_LABELS.items()],
        )

    # --- data -------------------------------------------------------------------------------
    def _ask(self, what: str) -> int:
        self._asked[what] += 1
        return self._asked[what]

    def _current(self, what: str, asked: int) -> bool:
        return self._asked[what] == asked

    def refresh(self) -> None:
        """Read the candidates and the filters' years on a worker; show them when they arrive."""
        reg, asked = self.desk.registry, self._ask("registry")
        Task(self, lambda _p: ops.read_registry(reg), self.desk.executor).on_success(
            partial(self._show_contents, asked)
        ).run()
        self.progress_actions.refresh()

    def _show_contents(self, asked: int, contents: ops.RegistryContents) -> None:
        if not self._current("registry", asked):
            return
        self._all = list(contents.candidates)
        self._years, self._latest = contents.years_of, contents.latest
        self._pending = dict(contents.pending)
        self._fill(self.province_filter, [(self.tr("All"), ANY)] + [(p, p) for p in contents.provinces])
        self._fill(self.year_filter, [(self.tr("All"), ANY)] + [(str(y), y) for y in contents.years])
        self._apply_filters()

    def _apply_filters(self, *_: object) -> None:
        selected = self.selected_name()
        shown = filter_candidates(
            self._all,
            type=self.type_filter.currentData(),
            province=self.province_filter.currentData(),
            status=self.status_filter.currentData(),
            year=self.year_filter.currentData(),
            years=self._years,
        )
        self.model.set_rows(shown)
        self.count.setText(self.tr("{n} of {total} candidates").format(n=len(shown), total=len(self._all)))
        self._show_year()
        self._show_calibration()
        if selected and self.select(selected):
            return
        if shown:
            self.table.selectRow(0)
        else:
            self.history.set_report(None)

    def selected_name(self) -> str | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.row_value(rows[0].row()).info.name if rows else None

    def select(self, name: str) -> bool:
        for i in range(self.model.rowCount()):
            if self.model.row_value(i).info.name == name:
                self.table.selectRow(i)
                self._show_selected()
                return True
        return False

    def _show_selected(self, *_: object) -> None:
        name = self.selected_name()
        self.publicity_button.setEnabled(name in self._pending)
        if name is None:
            return
        reg, asked, lang = self.desk.registry, self._ask("history"), language()
        Task(self, lambda _p: ops.history(reg, name, lang), self.desk.executor).on_success(
            partial(self._show_history, asked, name)
        ).run()

    def _show_history(self, asked: int, name: str, report: Report) -> None:
        if self._current("history", asked):
            self.history.set_report(report)
            reviews = self.history.views.get("reviews")
            if reviews is not None:  # a review opens by Enter or a double click
                reviews.setToolTip(self.tr("Enter or double-click a review to see its scores"))
                reviews.activated.connect(self.open_review)
            self.shown.emit(name)

    def open_review(self, index: QModelIndex) -> None:
        """The registered result in row ``index`` of the history's reviews, read on a worker."""
        model = self.history.models.get("reviews")
        if model is None or model.table is None or not index.isValid():
            return
        record = model.table.records()[index.row()]
        package, version = str(record["package"]), int(record["version"])
        reg, lang = self.desk.registry, language()
        Task(
            self, lambda _p: ops.registered_review(reg, package, version, lang), self.desk.executor
        ).on_success(self._show_review).on_failure(partial(errors.report, self)).run()

    def _show_review(self, review: ops.RegisteredReview) -> None:
        from reviewer.ui.panels.ministry.registry_review import ReviewDialog

        if self.review_dialog is not None:
            self.review_dialog.close()
        self.review_dialog = ReviewDialog(review.report, review.bundle_sha256, self.desk, self)
        self.review_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.review_dialog.destroyed.connect(self._review_closed)
        self.review_dialog.show()

    def _review_closed(self, *_: object) -> None:
        self.review_dialog = None

    def report_year(self) -> int | None:
        year = self.year_filter.currentData()
        return year if year is not None else self._latest

    def _show_year(self) -> None:
        reg, year, asked, lang = self.desk.registry, self.report_year(), self._ask("year"), language()
        Task(self, lambda _p: ops.year_report(reg, year, lang), self.desk.executor).on_success(
            partial(self._show_year_report, asked)
        ).run()

    def _show_year_report(self, asked: int, report: Report) -> None:
        if self._current("year", asked):
            self.year_report.set_report(report)

    def _show_calibration(self) -> None:
        reg, asked, lang = self.desk.registry, self._ask("calibration"), language()
        Task(self, lambda _p: ops.calibration(reg, lang), self.desk.executor).on_success(
            partial(self._show_calibration_report, asked)
        ).run()

    def _show_calibration_report(self, asked: int, report: Report) -> None:
        if self._current("calibration", asked):
            self.calibration.set_report(report)

    # --- decisions --------------------------------------------------------------------------
    def register_candidate(self) -> None:
        new = asks.new_candidate(self)
        if new is None:
            return
        reg = self.desk.registry
        Task(
            self,
            lambda _p: ops.register_candidate(
                reg, new.name, new.type, new.province, new.city, new.year, new.status
            ),
            self.desk.executor,
            writes=True,
        ).on_success(partial(self._decided, new.name)).on_failure(partial(errors.report, self)).run()

    def close_publicity(self) -> None:
        name = self.selected_name()
        if name is None or name not in self._pending:
            errors.show_error(self, self.tr("Reviewer"), self.tr("Choose a candidate under publicity first."))
            return
        year = self._pending[name]
        decision = asks.publicity(self, name, year)
        if decision is None:
            return
        if decision.confirmed:
            what = self.tr("“{name}” will be awarded the title. This cannot be undone.").format(name=name)
            action = self.tr("Award the title")
        else:
            what = self.tr(
                "The objection will be recorded and “{name}” stays creating. This cannot be undone."
            ).format(name=name)
            action = self.tr("Record the objection")
        if not errors.confirm(self, self.tr("Close the publicity"), what, action):
            return
        reg = self.desk.registry
        Task(
            self,
            lambda _p: ops.decide_publicity(
                reg, name, year, confirmed=decision.confirmed, reason=decision.reason
            ),
            self.desk.executor,
            writes=True,
        ).on_success(partial(self._decided, name)).on_failure(partial(errors.report, self)).run()

    def _decided(self, name: str, status: str) -> None:
        self.decision.setText(
            self.tr("“{name}” is now: {status}").format(name=name, status=status_words(status))
        )
        self.desk.registry_changed.emit()  # every page reads the registry again

    # --- export -----------------------------------------------------------------------------
    def export(self, which: str) -> None:
        name = self.selected_name() if which == "history" else None
        if which == "history" and name is None:
            errors.show_error(self, self.tr("Reviewer"), self.tr("Choose a candidate first."))
            return
        year = self.report_year()
        suggested = {
            "history": f"{name}.xlsx",
            "calibration": "calibration.xlsx",
        }.get(which, f"registry-{year or 'all'}.xlsx")
        out = asks.save_file(self, self.tr("Export the report"), str(Path.home() / suggested),
                             self.tr("Excel workbook (*.xlsx);;CSV (*.csv)"))  # fmt: skip
        if out is None:
            return
        fmt = "csv" if out.suffix.lower() == ".csv" else "xlsx"
        out = out if out.suffix else out.with_suffix(".xlsx")
        reg = self.desk.registry
        lang = "zh_CN" if fmt == "xlsx" else language()
        who = name if which == "history" else None  # (a name: checked above)

        Task(self, lambda _p: ops.export_report(reg, out, fmt, lang, name=who, year=year, which=which),
             self.desk.executor).on_success(self._exported).on_failure(partial(errors.report, self)).run()  # fmt: skip

    def _exported(self, path: Path) -> None:
        self.count.setText(self.tr("Exported to {path}").format(path=str(path)))

"""One registered result, opened from a candidate's history: what it is and each expert's scores, and
on request the signed record and the sheets from its bundle.

The registry keeps the numbers of each imported result bundle (the panel's aggregate and every
expert's score of every indicator), its SHA-256 and version; the desk keeps the bundle file in the
authority's archive (:mod:`reviewer.ministry.archive`). "Open the record" unlocks the authority (as
the desk's other actions do), opens and verifies the archived bundle on a worker and shows the record
PDF from memory beside the list of sheets, each of which can be saved as signed.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reviewer.app import ministry_desk as ops
from reviewer.ui.dialogs import errors
from reviewer.ui.panels.ministry import asks
from reviewer.ui.panels.ministry.report_view import ReportView
from reviewer.ui.panels.record_viewer import RecordViewer
from reviewer.ui.tasks import Task

if TYPE_CHECKING:
    from reviewer.ministry.archive import OpenedResult, ResultSheet
    from reviewer.ministry.report_tables import Report
    from reviewer.trust import PassphraseSource
    from reviewer.trust.authority import AuthorityKeys
    from reviewer.ui.panels.ministry.desk_state import MinistryDesk


class SignedRecordViewer(RecordViewer):
    """The record as the panel signed it and the chair closed it (the ministry's copy)."""

    def retranslate(self) -> None:
        super().retranslate()
        self.setTitle(self.tr("The signed review record"))


class SheetsList(QWidget):
    """The sheets a result carries, one row per member (member, version, kind), and "Save the sheet…"."""

    MEMBER, VERSION, KIND = range(3)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sheets: tuple[ResultSheet, ...] = ()
        self.title = QLabel(objectName="resultSheetsTitle")
        self.table = QTableWidget(0, 3, objectName="resultSheets")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.title.setBuddy(self.table)
        self.save_button = QPushButton(objectName="saveSheetButton", enabled=False)
        self.table.itemSelectionChanged.connect(
            lambda: self.save_button.setEnabled(self.chosen() is not None)
        )
        self.status = QLabel(objectName="saveSheetStatus", wordWrap=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.save_button)
        layout.addWidget(self.status)
        self.retranslate()

    def set_sheets(self, sheets: tuple[ResultSheet, ...]) -> None:
        self.sheets = sheets
        self.table.setRowCount(len(sheets))
        self._fill_kinds()
        for row, sheet in enumerate(sheets):
            member = f"{sheet.member}（{sheet.org}）" if sheet.org else sheet.member
            self.table.setItem(row, self.MEMBER, QTableWidgetItem(member))
            version = QTableWidgetItem(str(sheet.version))
            version.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.table.setItem(row, self.VERSION, version)
        if sheets:
            self.table.selectRow(0)

    def chosen(self) -> ResultSheet | None:
        rows = self.table.selectionModel().selectedRows()
        return self.sheets[rows[0].row()] if rows else None

    def _fill_kinds(self) -> None:
        for row, sheet in enumerate(self.sheets):
            kind = self.tr("Recusal") if sheet.recused else self.tr("Score sheet")
            self.table.setItem(row, self.KIND, QTableWidgetItem(kind))

    def retranslate(self) -> None:
        self.title.setText(self.tr("&Sheets in the result"))
        self.table.setAccessibleName(self.tr("Sheets in the result"))
        self.table.setHorizontalHeaderLabels([self.tr("Member"), self.tr("Version"), self.tr("Kind")])
        self.save_button.setText(self.tr("Save the sheet…"))
        self._fill_kinds()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class ReviewDialog(QDialog):
    def __init__(
        self, report: Report, sha256: str, desk: MinistryDesk, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, objectName="registryReviewDialog")
        self.sha256, self.desk = sha256, desk
        self.opened: OpenedResult | None = None
        self.resize(900, 620)
        self.view = ReportView("reviewView")
        self.view.set_report(report)
        self.viewer = SignedRecordViewer()
        self.sheets = SheetsList()
        self.sheets.save_button.clicked.connect(self.save_sheet)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.viewer)
        split.addWidget(self.sheets)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        self.record_tab = QWidget(objectName="reviewRecordTab")
        QHBoxLayout(self.record_tab).addWidget(split)
        self.tabs = QTabWidget(objectName="reviewTabs")
        self.tabs.addTab(self.view, "")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.open_button = QPushButton(objectName="openRecordButton")
        self.open_button.clicked.connect(self.open_record)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.retranslate()

    # --- the record --------------------------------------------------------------------------
    def open_record(self) -> None:
        """Unlock the authority (asking its passphrase when needed), then open the archived bundle."""
        self.desk.with_keys(self, self._open_with)

    def _open_with(self, keys: AuthorityKeys, _source: PassphraseSource) -> None:
        authority, sha = self.desk.authority, self.sha256
        self.open_button.setEnabled(False)
        Task(self, lambda _p: ops.open_result(authority, keys, sha), self.desk.executor).on_success(
            self._opened
        ).on_failure(self._open_failed).run()

    def _open_failed(self, exc: BaseException) -> None:
        self.open_button.setEnabled(True)
        errors.report(self, exc)

    def _opened(self, result: OpenedResult) -> None:
        self.opened = result
        if self.tabs.indexOf(self.record_tab) < 0:
            self.tabs.addTab(self.record_tab, "")
            self.retranslate()
        self.viewer.show_pdf(result.record_pdf)
        self.sheets.set_sheets(result.sheets)
        self.tabs.setCurrentWidget(self.record_tab)
        self.viewer.view.setFocus()

    # --- a sheet -----------------------------------------------------------------------------
    def save_sheet(self) -> None:
        sheet = self.sheets.chosen()
        if sheet is None:
            return
        out = asks.save_file(self, self.tr("Save the sheet"), str(Path.home() / sheet.file_name),
                             self.tr("Score sheets (*.rvsheet)"))  # fmt: skip
        if out is None:
            return
        Task(self, lambda _p: ops.save_sheet(sheet, out), self.desk.executor, writes=True).on_success(
            self._saved
        ).on_failure(partial(errors.report, self)).run()

    def _saved(self, path: Path) -> None:
        self.sheets.status.setText(self.tr("Saved to {path}").format(path=str(path)))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Registered result"))
        self.tabs.setTabText(0, self.tr("Scores"))
        if self.tabs.indexOf(self.record_tab) >= 0:
            self.tabs.setTabText(self.tabs.indexOf(self.record_tab), self.tr("Record and sheets"))
        self.close_button.setText(self.tr("Close"))
        self.open_button.setText(self.tr("&Open the record"))
        self.open_button.setToolTip(
            self.tr("Open the signed record and the sheets from the result bundle kept on import")
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

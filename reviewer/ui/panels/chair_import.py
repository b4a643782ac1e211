"""Importing score sheets as the chair: choose files, a folder, or drop them; see what happened to each.

The verification is the core's (:func:`reviewer.scoring.panel.collect` when available, else
:func:`~reviewer.scoring.sheet.open_sheet` and :class:`~reviewer.scoring.sheet_collection.SheetCollection`);
it runs through :class:`~reviewer.ui.tasks.Task` in the chair panel. This module holds the widget
that lists one outcome per file and the file choosers tests monkeypatch.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtGui import QBrush, QColor, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewer.scoring.sheet import SHEET_SUFFIX

ACCEPTED, SUPERSEDED, REFUSED = "accepted", "superseded", "refused"
COLOURS = {ACCEPTED: "#1e7a34", SUPERSEDED: "#1f5fa8", REFUSED: "#b02a1e"}


@dataclass(frozen=True)
class FileOutcome:
    """What happened to one file: accepted, accepted superseding an older version, or refused (why)."""

    source: str  # the file's name as the chair chose it
    status: str  # ACCEPTED, SUPERSEDED or REFUSED
    reason: str  # in the current language
    expert: str = ""  # the signer's name, when the file could be read that far


def choose_sheet_files(parent: QWidget | None, start: str = "") -> list[Path]:
    paths, _ = QFileDialog.getOpenFileNames(
        parent,
        QCoreApplication.translate("files", "Import score sheets"),
        start,
        QCoreApplication.translate("files", "Score sheets (*.rvsheet);;All files (*)"),
    )
    return [Path(p) for p in paths]


def choose_sheet_folder(parent: QWidget | None, start: str = "") -> Path | None:
    path = QFileDialog.getExistingDirectory(
        parent, QCoreApplication.translate("files", "Import every score sheet in a folder"), start
    )
    return Path(path) if path else None


def sheets_in(folder: Path) -> list[Path]:
    """The score sheets directly in ``folder`` and below, in name order."""
    return sorted(p for p in Path(folder).rglob(f"*{SHEET_SUFFIX}") if p.is_file())


def dropped_sheets(paths: Sequence[Path]) -> list[Path]:
    """Files as dropped; a dropped folder stands for the sheets in it."""
    out: list[Path] = []
    for path in paths:
        out.extend(sheets_in(path) if path.is_dir() else [path])
    return out


class ImportView(QWidget):
    """The import buttons, a drop zone, and the list of outcomes (newest batch at the bottom)."""

    files_chosen = Signal(list)  # list[Path]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chairImport")
        self.setAcceptDrops(True)
        self.files_button = QPushButton(objectName="importSheetFiles")
        self.folder_button = QPushButton(objectName="importSheetFolder")
        self.hint = QLabel(objectName="importHint", wordWrap=True)
        self.count = QLabel(objectName="importCount")
        self.table = QTableWidget(0, 4, objectName="importOutcomes")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.files_button.clicked.connect(self._choose_files)
        self.folder_button.clicked.connect(self._choose_folder)
        buttons = QHBoxLayout()
        buttons.addWidget(self.files_button)
        buttons.addWidget(self.folder_button)
        buttons.addWidget(self.hint, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.count)
        layout.addWidget(self.table, 1)
        self.outcomes: list[FileOutcome] = []
        self.retranslate()

    # --- choosing ---------------------------------------------------------------------------
    def _choose_files(self) -> None:
        paths = choose_sheet_files(self)
        if paths:
            self.files_chosen.emit(paths)

    def _choose_folder(self) -> None:
        folder = choose_sheet_folder(self)
        if folder is not None:
            self.files_chosen.emit(sheets_in(folder))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        files = dropped_sheets(paths)
        if files:
            event.acceptProposedAction()
            self.files_chosen.emit(files)

    # --- outcomes ---------------------------------------------------------------------------
    def set_busy(self, busy: bool) -> None:
        self.files_button.setEnabled(not busy)
        self.folder_button.setEnabled(not busy)

    def add_outcomes(self, outcomes: Sequence[FileOutcome]) -> None:
        self.outcomes.extend(outcomes)
        self._fill()

    def _status_text(self, status: str) -> str:
        return {
            ACCEPTED: self.tr("Accepted"),
            SUPERSEDED: self.tr("Accepted (supersedes an older version)"),
            REFUSED: self.tr("Refused"),
        }[status]

    def _fill(self) -> None:
        self.table.setRowCount(len(self.outcomes))
        for row, o in enumerate(self.outcomes):
            status = QTableWidgetItem(self._status_text(o.status))
            status.setForeground(QBrush(QColor(COLOURS[o.status])))
            cells = (
                QTableWidgetItem(o.source),
                status,
                QTableWidgetItem(o.expert),
                QTableWidgetItem(o.reason),
            )
            for col, item in enumerate(cells):
                item.setToolTip(o.reason)
                self.table.setItem(row, col, item)
        self.table.resizeRowsToContents()
        if self.outcomes:
            self.table.scrollToBottom()
        refused = sum(o.status == REFUSED for o in self.outcomes)
        self.count.setText(
            self.tr("{n} file(s) offered, {ok} accepted, {bad} refused.").format(
                n=len(self.outcomes), ok=len(self.outcomes) - refused, bad=refused
            )
        )

    def retranslate(self) -> None:
        self.files_button.setText(self.tr("Import sheets…"))
        self.folder_button.setText(self.tr("Import a folder…"))
        self.hint.setText(
            self.tr("Or drop .rvsheet files or folders here. Every sheet is verified before it counts.")
        )
        self.table.setHorizontalHeaderLabels(
            [self.tr("File"), self.tr("Outcome"), self.tr("Expert"), self.tr("Reason")]
        )
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


__all__ = [
    "ACCEPTED",
    "REFUSED",
    "SUPERSEDED",
    "FileOutcome",
    "ImportView",
    "choose_sheet_files",
    "choose_sheet_folder",
    "dropped_sheets",
    "sheets_in",
]

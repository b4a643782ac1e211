"""Importing score sheets as the chair: choose files, a folder, or drop them; see what happened to each.

The verification is the core's (:func:`reviewer.scoring.panel.collect` when available, else
:func:`~reviewer.scoring.sheet.open_sheet` and :class:`~reviewer.scoring.sheet_collection.SheetCollection`);
it runs through :class:`~reviewer.ui.tasks.Task` in the chair panel. This module holds the widget
that lists the sheets held (what the chair store keeps, verified again at each opening, so a restart
loses nothing from view), one outcome per file offered in this session, and the file choosers tests
monkeypatch.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
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

from reviewer.i18n import Text
from reviewer.scoring.sheet import SHEET_SUFFIX
from reviewer.ui import labels, palette
from reviewer.ui.panels.chair_decisions import LOCK_STYLE

ACCEPTED, SUPERSEDED, REFUSED = "accepted", "superseded", "refused"
COLOURS = {ACCEPTED: palette.PASS, SUPERSEDED: palette.SUPERSEDED, REFUSED: palette.ERROR}


@dataclass(frozen=True)
class FileOutcome:
    """What happened to one file: accepted, accepted superseding an older version, or refused (why)."""

    source: str  # the file's name as the chair chose it
    status: str  # ACCEPTED, SUPERSEDED or REFUSED
    reason: str | Text  # a core message is shown in the language of the moment
    expert: str = ""  # the signer's name, when the file could be read that far
    revision: int | None = None  # the sheet's version, when it could be read
    recused: bool = False  # a recusal sheet


@dataclass(frozen=True)
class HeldSheet:
    """A sheet the chair holds (verified, counted), as the sheets page lists it."""

    expert: str  # the member's name
    revision: int
    recused: bool
    digest: str
    source: str = ""  # the file it was imported from
    imported_at: datetime | None = None


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
        self.lock_label = QLabel(objectName="importLocked", wordWrap=True)
        self.lock_label.setStyleSheet(LOCK_STYLE)
        self.lock_label.hide()
        self.own_note = QLabel(objectName="ownSheetNotCounted", wordWrap=True)
        self.own_note.setStyleSheet(LOCK_STYLE)
        self.own_note.hide()
        self.own_not_counted = 0  # the version of the chair's own archived sheet left out (0: none)
        self.held_count = QLabel(objectName="heldCount")
        self.held = QTableWidget(0, 5, objectName="heldSheets")
        self.held.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.held.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.held.verticalHeader().setVisible(False)
        self.held.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.held.horizontalHeader().setStretchLastSection(True)
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
        layout.addWidget(self.lock_label)
        layout.addWidget(self.own_note)
        layout.addWidget(self.held_count)
        layout.addWidget(self.held, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.table, 1)
        self.outcomes: list[FileOutcome] = []
        self.held_sheets: list[HeldSheet] = []
        self.busy = False
        self.waiting = False  # the review record is being read, produced or signed: imports wait
        self.locked = ""
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
        if self.locked or self.busy or self.waiting:
            return
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        files = dropped_sheets(paths)
        if files:
            event.acceptProposedAction()
            self.files_chosen.emit(files)

    # --- outcomes ---------------------------------------------------------------------------
    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        self._update_buttons()

    def set_waiting(self, waiting: bool) -> None:
        """No import while the review record is being read, produced or signed (``waiting``)."""
        self.waiting = waiting
        self._update_buttons()

    def set_locked(self, reason: str) -> None:
        """No import while ``reason`` says why ("": imports allowed again)."""
        self.locked = reason
        self.lock_label.setText(reason)
        self.lock_label.setVisible(bool(reason))
        self._update_buttons()

    def _update_buttons(self) -> None:
        can = not self.busy and not self.waiting and not self.locked
        self.files_button.setEnabled(can)
        self.folder_button.setEnabled(can)

    def show_own_not_counted(self, version: int) -> None:
        """The chair's own signed sheet ``version`` (kept in the sheet archive) is not counted because
        the record is signed (0: nothing left out)."""
        self.own_not_counted = version
        self._fill_own_note()

    def _fill_own_note(self) -> None:
        self.own_note.setText(
            self.tr(
                "Your own signed sheet (version {n}) is not counted: the review record is signed, and "
                "counting it would void those signatures. Reopen the record to count it."
            ).format(n=self.own_not_counted)
        )
        self.own_note.setVisible(self.own_not_counted > 0)

    def show_held(self, sheets: Sequence[HeldSheet]) -> None:
        """The sheets held now (the chair store's, verified), in the roster's order."""
        self.held_sheets = list(sheets)
        self._fill_held()

    def _fill_held(self) -> None:
        rows = self.held_sheets
        self.held.setRowCount(len(rows))
        for row, h in enumerate(rows):
            kind = self.tr("Recusal") if h.recused else self.tr("Score sheet")
            when = labels.beijing_time(h.imported_at) if h.imported_at else ""
            cells = (h.expert, self.tr("version {n}").format(n=h.revision), kind, h.source, when)
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(self.tr("SHA-256 of the signed header: {digest}").format(digest=h.digest))
                self.held.setItem(row, col, item)
        recused = sum(h.recused for h in rows)
        self.held_count.setText(
            self.tr("{n} sheet(s) held: {s} scoring, {r} recused.").format(
                n=len(rows), s=len(rows) - recused, r=recused
            )
        )

    def add_outcomes(self, outcomes: Sequence[FileOutcome]) -> None:
        self.outcomes.extend(outcomes)
        self._fill()

    def _status_text(self, status: str) -> str:
        return {
            ACCEPTED: self.tr("Accepted"),
            SUPERSEDED: self.tr("Accepted (supersedes an older version)"),
            REFUSED: self.tr("Refused"),
        }[status]

    def _who(self, o: FileOutcome) -> str:
        if not (o.expert and o.revision):
            return o.expert
        if o.recused:
            return self.tr("{name} v{version} (recused)").format(name=o.expert, version=o.revision)
        return self.tr("{name} v{version}").format(name=o.expert, version=o.revision)

    def _fill(self) -> None:
        self.table.setRowCount(len(self.outcomes))
        for row, o in enumerate(self.outcomes):
            status = QTableWidgetItem(self._status_text(o.status))
            status.setForeground(QBrush(QColor(COLOURS[o.status])))
            reason = str(o.reason)
            cells = (
                QTableWidgetItem(o.source),
                status,
                QTableWidgetItem(self._who(o)),
                QTableWidgetItem(reason),
            )
            for col, item in enumerate(cells):
                item.setToolTip(reason)
                self.table.setItem(row, col, item)
        self.table.resizeRowsToContents()
        if self.outcomes:
            self.table.scrollToBottom()
        refused = sum(o.status == REFUSED for o in self.outcomes)
        self.count.setVisible(bool(self.outcomes))
        self.table.setVisible(bool(self.outcomes))
        self.count.setText(
            self.tr("{n} file(s) offered, {ok} accepted, {bad} refused.").format(
                n=len(self.outcomes), ok=len(self.outcomes) - refused, bad=refused
            )
        )

    def retranslate(self) -> None:
        self.table.setAccessibleName(self.tr("Outcome of each imported file"))
        self.held.setAccessibleName(self.tr("Sheets held for the panel"))
        self.files_button.setText(self.tr("Import sheets…"))
        self.folder_button.setText(self.tr("Import a folder…"))
        self.hint.setText(
            self.tr("Or drop .rvsheet files or folders here. Every sheet is verified before it counts.")
        )
        self.table.setHorizontalHeaderLabels(
            [self.tr("File"), self.tr("Outcome"), self.tr("Expert"), self.tr("Reason")]
        )
        self.held.setHorizontalHeaderLabels(
            [
                self.tr("Expert"),
                self.tr("Version"),
                self.tr("Kind"),
                self.tr("Imported from"),
                self.tr("Imported at"),
            ]
        )
        self._fill()
        self._fill_held()
        self._fill_own_note()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


__all__ = [
    "ACCEPTED",
    "REFUSED",
    "SUPERSEDED",
    "FileOutcome",
    "HeldSheet",
    "ImportView",
    "choose_sheet_files",
    "choose_sheet_folder",
    "dropped_sheets",
    "sheets_in",
]

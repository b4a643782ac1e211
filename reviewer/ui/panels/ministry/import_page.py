"""Import page: result bundles (files or a folder) → the registry, in the background with progress.

Each file is checked and recorded on its own by :func:`reviewer.ministry.importer.import_bundles`
(through :func:`reviewer.app.ministry_desk.import_bundles`, on the one write worker);
the table shows every file's outcome (imported, duplicate, refused and why). A bad file never stops
the batch.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reviewer.app import ministry_desk as ops
from reviewer.trust import PassphraseSource
from reviewer.ui.dialogs import errors
from reviewer.ui.models.ministry_models import OutcomesModel
from reviewer.ui.panels.ministry import asks
from reviewer.ui.panels.ministry.desk_state import MinistryDesk
from reviewer.ui.tasks import Task

if TYPE_CHECKING:
    from reviewer.ministry.importer import FileOutcome
    from reviewer.trust.authority import AuthorityKeys

BUNDLE_SUFFIX = ".rvresult"


class ImportPage(QWidget):
    imported = Signal(list)  # the FileOutcome of each file (a copy of the list reaches the slots)

    def __init__(self, desk: MinistryDesk) -> None:
        super().__init__()
        self.desk = desk
        self.files = QListWidget(objectName="importFiles")
        self.files.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.add_files_button = QPushButton(clicked=self.add_files)
        self.add_folder_button = QPushButton(clicked=self.add_folder)
        self.clear_button = QPushButton(clicked=self.files.clear)
        self.import_button = QPushButton(clicked=self.run_import, objectName="importButton")
        self.progress = QProgressBar(visible=False)
        self.summary = QLabel(objectName="importSummary")
        self.model = OutcomesModel()
        self.table = QTableView(objectName="importOutcomes")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

        buttons = QHBoxLayout()
        for b in (self.add_files_button, self.add_folder_button, self.clear_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        self.files_label, self.outcomes_label = QLabel(), QLabel()
        self.files_label.setBuddy(self.files)
        self.outcomes_label.setBuddy(self.table)
        layout = QVBoxLayout(self)
        layout.addWidget(self.files_label)
        layout.addWidget(self.files, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.outcomes_label)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.summary)
        self.retranslate()

    def retranslate(self) -> None:
        self.files_label.setText(self.tr("Result bundles to import"))
        self.outcomes_label.setText(self.tr("Outcome of each file"))
        self.add_files_button.setText(self.tr("Add files…"))
        self.add_folder_button.setText(self.tr("Add folder…"))
        self.clear_button.setText(self.tr("Clear"))
        self.import_button.setText(self.tr("Import"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def add_files(self) -> None:
        chosen = asks.open_files(self, self.tr("Choose result bundles"),
                                 self.tr("Result bundles (*.rvresult);;All files (*)"))  # fmt: skip
        self.add_paths(chosen)

    def add_folder(self) -> None:
        folder = asks.open_folder(self, self.tr("Choose a folder of result bundles"))
        if folder is not None:
            self.add_paths(sorted(p for p in folder.rglob(f"*{BUNDLE_SUFFIX}") if p.is_file()))

    def add_paths(self, paths: list[Path]) -> None:
        have = set(self.paths())
        for p in paths:
            if str(p) not in have:
                self.files.addItem(str(p))
                have.add(str(p))

    def paths(self) -> list[str]:
        return [self.files.item(i).text() for i in range(self.files.count())]

    def run_import(self) -> None:
        paths = self.paths()
        if not paths:
            errors.show_error(self, self.tr("Reviewer"), self.tr("Add the result bundles to import first."))
            return
        self.desk.with_keys(self, partial(self._import, paths))

    def _import(self, paths: list[str], keys: AuthorityKeys, _source: PassphraseSource) -> None:
        self.import_button.setEnabled(False)
        self.progress.setRange(0, len(paths))
        self.progress.setValue(0)
        self.progress.setVisible(True)

        registry, authority = self.desk.registry, self.desk.authority
        Task(self, lambda progress: ops.import_bundles(registry, authority, keys, paths, progress),
             self.desk.executor, writes=True).on_progress(self._progress).on_success(self._done).on_failure(
            self._failed
        ).run()  # fmt: skip

    def _progress(self, done: int, total: int, text: str) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.setFormat(f"{done}/{total} {text}")

    def _done(self, done: tuple[FileOutcome, ...]) -> None:
        outcomes = list(done)
        self.import_button.setEnabled(True)
        self.progress.setVisible(False)
        self.model.set_rows(outcomes)
        self.table.resizeRowsToContents()
        counts = ops.import_summary(outcomes)
        self.summary.setText(
            self.tr("{ok} imported, {dup} already there, {bad} refused").format(
                ok=counts.get("imported", 0) + counts.get("superseded", 0),
                dup=counts.get("duplicate", 0),
                bad=counts.get("refused", 0) + counts.get("failed", 0),
            )
        )
        self.desk.registry_changed.emit()
        self.imported.emit(outcomes)

    def _failed(self, exc: BaseException) -> None:
        self.import_button.setEnabled(True)
        self.progress.setVisible(False)
        errors.report(self, exc)

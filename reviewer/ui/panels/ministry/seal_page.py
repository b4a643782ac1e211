"""Seal page: the standard, the materials, the expiry; the candidate and panel come from the composer.

Sealing runs in the background with progress; the package is written where the person chooses.
A refused input (a revoked member, no chair, a candidate of the wrong type...) is shown with its reason.
The panel rules are shown live as the panel is composed: a rule that refuses disables sealing with
its reason in view; a rule that warns is shown, confirmed before sealing, and recorded in the ledger.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import partial
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reviewer.errors import ReviewerError
from reviewer.ministry.desk import compose_panel, seal_package
from reviewer.packages.inputs import parse_expiry
from reviewer.packages.manifest import Manifest
from reviewer.trust import PassphraseSource
from reviewer.trust.authority import AuthorityKeys
from reviewer.ui import labels, palette
from reviewer.ui.dialogs import errors
from reviewer.ui.panels.ministry import asks
from reviewer.ui.panels.ministry.desk_state import MinistryDesk
from reviewer.ui.panels.ministry.panel_composer import PanelComposer
from reviewer.ui.tasks import Task

DEFAULT_DAYS = 90


class SealPage(QWidget):
    sealed = Signal(Manifest)
    refused = Signal(object)  # the exception, or None when a file is missing: object, as None travels too

    def __init__(self, desk: MinistryDesk, composer: PanelComposer) -> None:
        super().__init__()
        self.desk = desk
        self.composer = composer
        self.standard = QLineEdit(objectName="sealStandard")
        self.standard_button = QPushButton(clicked=self.choose_standard)
        self.materials = QListWidget(objectName="sealMaterials")
        self.add_files_button = QPushButton(clicked=self.add_files)
        self.add_folder_button = QPushButton(clicked=self.add_folder)
        self.remove_button = QPushButton(clicked=self.remove_material)
        self.expiry = QDateEdit(calendarPopup=True, objectName="sealExpiry")
        self.expiry.setDisplayFormat("yyyy-MM-dd")
        self.expiry.setDate(QDate(date.today() + timedelta(days=DEFAULT_DAYS)))
        self.panel_summary = QLabel(wordWrap=True)
        self.composition = QLabel(wordWrap=True, objectName="sealComposition")
        self.busy = False  # sealing in the background
        self.seal_button = QPushButton(clicked=self.seal, objectName="sealButton")
        self.progress = QProgressBar(visible=False)
        self.result = QLabel(wordWrap=True, objectName="sealResult")

        std_row = QHBoxLayout()
        std_row.addWidget(self.standard, 1)
        std_row.addWidget(self.standard_button)
        mat_buttons = QVBoxLayout()
        for b in (self.add_files_button, self.add_folder_button, self.remove_button):
            mat_buttons.addWidget(b)
        mat_buttons.addStretch(1)
        mat_row = QHBoxLayout()
        mat_row.addWidget(self.materials, 1)
        mat_row.addLayout(mat_buttons)
        self.form = QFormLayout()
        self.form_labels = [QLabel() for _ in range(4)]
        self.form.addRow(self.form_labels[0], std_row)
        self.form.addRow(self.form_labels[1], mat_row)
        self.form.addRow(self.form_labels[2], self.expiry)
        for label, field in zip(self.form_labels, (self.standard, self.materials, self.expiry), strict=False):
            label.setBuddy(field)
        self.form.addRow(self.form_labels[3], self.panel_summary)
        self.form.addRow("", self.composition)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.seal_button)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.result)
        layout.addStretch(1)
        composer.changed.connect(self._summarise)
        self.retranslate()

    def retranslate(self) -> None:
        for label, text in zip(
            self.form_labels,
            (
                self.tr("Standard"),
                self.tr("Materials"),
                self.tr("Valid until"),
                self.tr("Candidate and panel"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.standard_button.setText(self.tr("Choose…"))
        self.add_files_button.setText(self.tr("Add files…"))
        self.add_folder_button.setText(self.tr("Add folder…"))
        self.remove_button.setText(self.tr("Remove"))
        self.seal_button.setText(self.tr("Seal package…"))
        self._summarise()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _summarise(self) -> None:
        cand = self.composer.candidate()
        chosen = self.composer.model.chosen()
        text = self.tr("{name}: {n} experts (compose them on the Panel page)").format(
            name=cand.get("name") or self.tr("no candidate yet"), n=len(chosen)
        )
        if self.composer.conflicts:
            text += "\n" + self.tr("{n} warnings about earlier panels").format(n=len(self.composer.conflicts))
        self.panel_summary.setText(text)
        refused, warned = self.composer.refused, self.composer.warned
        lines = [
            self.tr("Cannot be sealed: {why}").format(why=self.composer.finding_text(f)) for f in refused
        ]
        lines += [self.tr("Warning: {why}").format(why=self.composer.finding_text(f)) for f in warned]
        self.composition.setText("\n".join(lines))
        self.composition.setStyleSheet(f"color: {palette.ERROR if refused else palette.CAUTION};")
        self.composition.setVisible(bool(lines))
        self._enable()

    def _enable(self) -> None:
        """Sealing is possible unless a panel rule refuses the panel (its reason is in view) or it runs."""
        refused = self.composer.refused
        self.seal_button.setEnabled(not self.busy and not refused)
        self.seal_button.setToolTip(
            self.tr("The panel breaks a panel rule; see the reason above.") if refused else ""
        )

    # --- inputs -----------------------------------------------------------------------------
    def choose_standard(self) -> None:
        path = asks.open_file(
            self, self.tr("Choose the standard"), self.tr("Standards (*.json);;All files (*)")
        )
        if path is not None:
            self.standard.setText(str(path))

    def add_files(self) -> None:
        for path in asks.open_files(self, self.tr("Add materials"), self.tr("All files (*)")):
            self.add_material(path)

    def add_folder(self) -> None:
        path = asks.open_folder(self, self.tr("Add a folder of materials"))
        if path is not None:
            self.add_material(path)

    def add_material(self, path: Path) -> None:
        if str(path) not in self.material_paths():
            self.materials.addItem(str(path))

    def remove_material(self) -> None:
        for item in self.materials.selectedItems():
            self.materials.takeItem(self.materials.row(item))

    def material_paths(self) -> list[str]:
        return [self.materials.item(i).text() for i in range(self.materials.count())]

    def expires(self) -> datetime:
        return parse_expiry(self.expiry.date().toString("yyyy-MM-dd"))

    # --- sealing ----------------------------------------------------------------------------
    def seal(self) -> None:
        self.result.clear()
        candidate = self.composer.candidate()
        if not self.standard.text().strip():
            self._missing(self.tr("Choose the standard first."))
            return
        if not candidate.get("name"):
            self._missing(self.tr("Give the candidate's name on the Panel page."))
            return
        try:
            experts, chair = self.composer.panel()
        except ReviewerError as exc:
            self._refused(exc)
            return
        warned = self.composer.warned
        if warned and not errors.confirm(
            self,
            self.tr("Seal despite the panel rules' warnings"),
            self.tr(
                "The panel breaks rules that warn:\n{rules}\n\nThe warnings are recorded with the sealing in "
                "the authority's ledger."
            ).format(rules="\n".join(self.composer.finding_text(f) for f in warned)),
            self.tr("Seal anyway"),
        ):
            return
        name = f"{candidate['name']}.rvpkg"
        out = asks.save_file(self, self.tr("Save the sealed package"), str(Path.home() / name),
                             self.tr("Review packages (*.rvpkg)"))  # fmt: skip
        if out is None:
            return
        out = out if out.suffix else out.with_suffix(".rvpkg")
        self.desk.with_keys(self, partial(self._seal, candidate, experts, chair, out))

    def _seal(
        self, candidate, experts, chair, out: Path, keys: AuthorityKeys, _source: PassphraseSource
    ) -> None:
        standard = Path(self.standard.text().strip())
        materials = [Path(p) for p in self.material_paths()]
        expires = self.expires()
        prior = self.composer.prior_results
        rules = self.composer.rules
        warned = len(self.composer.warned)
        self.busy = True
        self.seal_button.setEnabled(False)
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)

        def work(progress) -> Manifest:
            members = compose_panel(self.desk.authority, experts, chair, rules)  # reads their credentials
            return seal_package(self.desk.authority, keys, standard=standard, candidate=candidate, panel=members,
                                materials=materials, out=out, expires=expires, progress=progress,
                                prior_results=prior, panel_rules=rules)  # fmt: skip

        Task(self, work, self.desk.executor).on_progress(self._progress).on_success(
            partial(self._sealed, out, warned)
        ).on_failure(self._refused).run()

    def _progress(self, done: int, total: int, text: str) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.setFormat(text)

    def _sealed(self, out: Path, warned: int, manifest: Manifest) -> None:
        self.busy = False
        self._enable()
        self.progress.setVisible(False)
        self.result.setStyleSheet(f"color: {palette.PASS};")
        text = self.tr("Sealed {path}: package {id}, {n} files, valid until {exp}.").format(
            path=str(out),
            id=manifest.package_id,
            n=len(manifest.entries),
            exp=labels.beijing_time(manifest.expires),
        )
        if warned:
            text += " " + self.tr("{n} panel rule warning(s) recorded in the authority's ledger.").format(
                n=warned
            )
        self.result.setText(text)
        self.composer.refresh()
        self.sealed.emit(manifest)

    def _say_refused(self, text: str) -> None:
        self.busy = False
        self._enable()
        self.progress.setVisible(False)
        self.result.setStyleSheet(f"color: {palette.ERROR};")
        self.result.setText(text)

    def _missing(self, text: str) -> None:
        self._say_refused(text)
        errors.show_error(self, self.tr("Reviewer"), text)
        self.refused.emit(None)

    def _refused(self, exc: BaseException) -> None:
        self._say_refused(
            str(exc) if isinstance(exc, ReviewerError) else self.tr("Sealing failed; see the log.")
        )
        errors.report(self, exc)
        self.refused.emit(exc)

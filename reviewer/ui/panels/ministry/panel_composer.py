"""Compose a panel: the candidate (typed or from its file) and the experts, exactly one chair.

Revoked experts are listed but cannot be chosen. An expert already on a sealed panel for the same
candidate or city is a warning (shown, not blocking): the ministry may have good reasons.

The panel rules (the authority's ``panel-rules.json``, else the shipped file) are checked as the
experts are chosen: a rule that refuses is shown with its reason (and the seal page will not seal),
a rule that warns is shown (and confirmed before sealing).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reviewer.app import ministry_desk as ops
from reviewer.errors import ReviewerError
from reviewer.ministry.desk import EnrolledExpert, PanelConflict, check_panel, conflicts_in, panel_findings
from reviewer.packages.composition import rule_label
from reviewer.packages.inputs import load_candidate
from reviewer.standards.panel_rules import Finding, PanelRules
from reviewer.ui import palette
from reviewer.ui.models.ministry_models import PanelChoiceModel
from reviewer.ui.panels.ministry import asks
from reviewer.ui.panels.ministry.desk_state import MinistryDesk
from reviewer.ui.tasks import Task


class PanelComposer(QWidget):
    changed = Signal()

    def __init__(self, desk: MinistryDesk) -> None:
        super().__init__()
        self.desk = desk
        self.loaded: dict[str, Any] = {}  # a candidate file's profile (fields beyond the form kept)
        self.prior_results: Any = None
        self.conflicts: list[PanelConflict] = []
        self.sealed: tuple[dict[str, Any], ...] = ()  # the ledger's sealed panels, read by refresh()
        self.rules: PanelRules | None = None  # the panel rules sealing applies, read by refresh()
        self.findings: list[Finding] = []  # the rules the chosen experts break (refusals and warnings)

        self.candidate_box = QGroupBox()
        self.name = QLineEdit(objectName="candidateName")
        self.kind = QComboBox(objectName="candidateType")
        self.kind.addItem("", "park")
        self.kind.addItem("", "city")
        self.province = QLineEdit(objectName="candidateProvince")
        self.city = QLineEdit(objectName="candidateCity")
        self.load_button = QPushButton(clicked=self.load_candidate_file)
        form = QFormLayout(self.candidate_box)
        self.labels = [QLabel() for _ in range(4)]
        for label, field in zip(self.labels, (self.name, self.kind, self.province, self.city), strict=True):
            form.addRow(label, field)
            label.setBuddy(field)
        form.addRow("", self.load_button)

        self.model = PanelChoiceModel()
        self.table = QTableView(objectName="panelChoice")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.summary = QLabel(objectName="panelSummary")
        self.warnings = QLabel(objectName="panelWarnings", wordWrap=True)
        self.warnings.setStyleSheet(f"color: {palette.CAUTION};")
        self.refusals = QLabel(objectName="panelRefusals", wordWrap=True)
        self.refusals.setStyleSheet(f"color: {palette.ERROR};")
        self.rule_warnings = QLabel(objectName="panelRuleWarnings", wordWrap=True)
        self.rule_warnings.setStyleSheet(f"color: {palette.CAUTION};")

        top = QHBoxLayout()
        top.addWidget(self.candidate_box, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.refusals)
        layout.addWidget(self.rule_warnings)
        layout.addWidget(self.warnings)

        for field in (self.name, self.province, self.city):
            field.textChanged.connect(self._update)
        self.kind.currentIndexChanged.connect(self._update)
        self.model.changed.connect(self._update)
        desk.experts_changed.connect(self.refresh)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.table.setAccessibleName(self.tr("Experts to put on the panel"))
        self.candidate_box.setTitle(self.tr("Candidate"))
        for label, text in zip(
            self.labels, (self.tr("Name"), self.tr("Type"), self.tr("Province"), self.tr("City")), strict=True
        ):
            label.setText(text)
        self.kind.setItemText(0, self.tr("Famous software park"))
        self.kind.setItemText(1, self.tr("Famous software city"))
        self.load_button.setText(self.tr("Load candidate file…"))
        self._update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh(self) -> None:
        """Read the enrolled experts and the sealed panels from the authority's ledger (on a worker)."""
        authority = self.desk.authority
        Task(self, lambda _p: ops.roster(authority), self.desk.executor).on_success(self._show_roster).run()

    def _show_roster(self, roster: ops.Roster) -> None:
        self.sealed = roster.sealed
        self.rules = roster.rules
        self.model.set_rows(list(roster.experts))
        self._update()

    # --- the candidate ---------------------------------------------------------------------
    def load_candidate_file(self) -> None:
        path = asks.open_file(
            self, self.tr("Choose a candidate file"), self.tr("Candidate files (*.json);;All files (*)")
        )
        if path is None:
            return
        Task(self, lambda _p: load_candidate(path), self.desk.executor).on_success(
            lambda loaded: self.set_candidate(*loaded)
        ).run()  # a refused file is reported by the task

    def set_candidate(self, profile: dict[str, Any], prior_results: Any = None) -> None:
        self.loaded, self.prior_results = dict(profile), prior_results
        self.name.setText(str(profile.get("name", "")))
        self.kind.setCurrentIndex(max(0, self.kind.findData(profile.get("type", "park"))))
        self.province.setText(str(profile.get("province", "")))
        self.city.setText(str(profile.get("city", "")))

    def candidate(self) -> dict[str, Any]:
        """The candidate profile as sealed: the loaded file's fields, overridden by the form."""
        typed = {
            "name": self.name.text().strip(),
            "type": self.kind.currentData(),
            "province": self.province.text().strip(),
            "city": self.city.text().strip(),
        }
        return {**self.loaded, **{k: v for k, v in typed.items() if v or k not in self.loaded}}

    # --- the panel -------------------------------------------------------------------------
    def panel(self) -> tuple[list[EnrolledExpert], str | None]:
        """The chosen experts and the chair's fingerprint; raises when they are not a valid panel."""
        chosen = self.model.chosen()
        check_panel(chosen, self.model.chair, self.rules)
        return chosen, self.model.chair

    @property
    def refused(self) -> list[Finding]:
        return [f for f in self.findings if f.refuses]

    @property
    def warned(self) -> list[Finding]:
        return [f for f in self.findings if not f.refuses]

    def finding_text(self, finding: Finding) -> str:
        """A broken rule in words: the rule, what is wrong, its source."""
        return self.tr("[{rule}] {finding}").format(
            rule=str(rule_label(finding.rule)), finding=str(finding.full())
        )

    def _update(self, *_: object) -> None:
        chosen = self.model.chosen()
        chair = next((x.name for x in chosen if x.fingerprint == self.model.chair), None)
        self.summary.setText(
            self.tr("{n} experts chosen; chair: {chair}").format(
                n=len(chosen), chair=chair or self.tr("none")
            )
        )
        try:
            self.conflicts = conflicts_in(self.sealed, self.candidate(), [x.fingerprint for x in chosen])
        except ReviewerError:
            self.conflicts = []
        lines = [f"⚠ {c.message()}" for c in self.conflicts]
        self.warnings.setText("\n".join(lines))
        self.warnings.setVisible(bool(lines))
        self.findings = panel_findings(chosen, self.rules) if self.rules is not None and chosen else []
        refused = [self.tr("Cannot be sealed: {why}").format(why=self.finding_text(f)) for f in self.refused]
        self.refusals.setText("\n".join(refused))
        self.refusals.setVisible(bool(refused))
        warned = [self.tr("Warning: {why}").format(why=self.finding_text(f)) for f in self.warned]
        self.rule_warnings.setText("\n".join(warned))
        self.rule_warnings.setVisible(bool(warned))
        self.changed.emit()

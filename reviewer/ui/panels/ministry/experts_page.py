"""Experts page: every credential the authority issued; enrol from a request, revoke with a reason."""

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
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reviewer.app import ministry_desk as ops
from reviewer.trust import PassphraseSource
from reviewer.trust.credential import Credential
from reviewer.ui.dialogs import errors
from reviewer.ui.models.ministry_models import ExpertsModel
from reviewer.ui.panels.ministry import asks
from reviewer.ui.panels.ministry.desk_state import MinistryDesk
from reviewer.ui.tasks import Task

if TYPE_CHECKING:
    from reviewer.ministry.desk import EnrolledExpert
    from reviewer.trust.authority import AuthorityKeys


class ExpertsPage(QWidget):
    enrolled = Signal(Credential)  # the credential issued
    revoked = Signal(object)  # the EnrolledExpert revoked

    def __init__(self, desk: MinistryDesk) -> None:
        super().__init__()
        self.desk = desk
        self.model = ExpertsModel()
        self.table = QTableView(objectName="expertsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.count = QLabel()
        self.enrol_button = QPushButton(clicked=self.enrol)
        self.revoke_button = QPushButton(clicked=self.revoke, enabled=False)
        self.refresh_button = QPushButton(clicked=self.refresh)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count, 1)
        for b in (self.refresh_button, self.enrol_button, self.revoke_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.table.selectionModel().selectionChanged.connect(self._selection)
        desk.experts_changed.connect(self.refresh)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.table.setAccessibleName(self.tr("Enrolled experts"))
        self.enrol_button.setText(self.tr("Enrol from request…"))
        self.revoke_button.setText(self.tr("Revoke…"))
        self.refresh_button.setText(self.tr("Refresh"))
        self._count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _count(self) -> None:
        rows = [self.model.row_value(i) for i in range(self.model.rowCount())]
        active = sum(1 for x in rows if x.active)
        self.count.setText(
            self.tr("{n} experts enrolled, {a} active, {r} revoked").format(
                n=len(rows), a=active, r=len(rows) - active
            )
        )

    def refresh(self) -> None:
        """Read the enrolled experts from the authority's ledger (on a worker)."""
        authority = self.desk.authority
        Task(self, lambda _p: ops.experts(authority), self.desk.executor).on_success(self._show).run()

    def _show(self, experts: tuple[EnrolledExpert, ...]) -> None:
        self.model.set_rows(list(experts))
        self._count()
        self._selection()

    def selected(self) -> EnrolledExpert | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_value(rows[0].row()) if rows else None

    def select(self, name: str) -> None:
        for i in range(self.model.rowCount()):
            if self.model.row_value(i).name == name:
                self.table.selectRow(i)
                return

    def _selection(self, *_: object) -> None:
        x = self.selected()
        self.revoke_button.setEnabled(x is not None and x.active)

    # --- enrol --------------------------------------------------------------------------------
    def enrol(self) -> None:
        request = asks.open_file(
            self,
            self.tr("Choose an enrolment request"),
            self.tr("Enrolment requests (*.json);;All files (*)"),
        )
        if request is None:
            return
        category = asks.category(self)
        if category is None:
            return
        self.desk.with_keys(self, partial(self._enrol, request, category))

    def _enrol(self, request: Path, category: str, _keys: AuthorityKeys, source: PassphraseSource) -> None:
        authority = self.desk.authority
        Task(
            self, lambda _p: ops.enrol(authority, request, source, category), self.desk.executor, writes=True
        ).on_success(self._issued).on_failure(partial(errors.report, self)).run()

    def _issued(self, cred: Credential) -> None:
        self.desk.experts_changed.emit()
        suggested = str(Path.home() / f"{cred.name}.rvcred")
        out = asks.save_file(
            self,
            self.tr("Save the credential for {name}").format(name=cred.name),
            suggested,
            self.tr("Credentials (*.rvcred)"),
        )
        if out is not None:
            target = out if out.suffix else out.with_suffix(".rvcred")
            Task(self, lambda _p: cred.save(target), self.desk.executor).on_failure(
                lambda exc: errors.show_error(self, self.tr("Reviewer"), str(exc))
            ).run()
        self.select(cred.name)
        self.enrolled.emit(cred)

    # --- revoke -------------------------------------------------------------------------------
    def revoke(self) -> None:
        x = self.selected()
        if x is None or not x.active:
            return
        while True:
            why = asks.reason(
                self,
                self.tr("Revoke the credential of {name}").format(name=x.name),
                self.tr(
                    "Why is the credential of {name} ({org}) revoked? The reason is kept in the ledger."
                ).format(name=x.name, org=x.org),
            )
            if why is None:
                return
            if why.strip():
                break
            errors.show_error(self, self.tr("Reviewer"), self.tr("A revocation needs a reason."))
        self.desk.with_keys(self, partial(self._revoke, x, why.strip()))

    def _revoke(self, x: EnrolledExpert, why: str, _keys: AuthorityKeys, source: PassphraseSource) -> None:
        authority = self.desk.authority
        Task(
            self, lambda _p: ops.revoke(authority, x, why, source), self.desk.executor, writes=True
        ).on_success(self._revoked).on_failure(partial(errors.report, self)).run()

    def _revoked(self, x: EnrolledExpert) -> None:
        self.desk.experts_changed.emit()
        self.revoked.emit(x)

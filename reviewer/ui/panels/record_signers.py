"""The record's signature fields in signing order, each with its signature as validated against
the ministry root the chair pinned (who, role, valid and trusted or why not, when)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from reviewer.export.record_input import MemberRole
from reviewer.ui import labels
from reviewer.ui.panels.record_unsigned import status_word

if TYPE_CHECKING:
    from reviewer.export.panel_outputs import Signer


class SignerTable(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self.setObjectName("signerTable")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        # the field, the role and the time keep their width; the signature takes what is left (elided,
        # whole in its tooltip): at 1024 px the time is read whole, without scrolling
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._signers: list[Signer] = []
        self._stated: dict[str, str] = {}
        self._times: dict[str, datetime | str] = {}
        self.retranslate()

    def show_signers(
        self,
        signers: Sequence[Signer],
        stated: Mapping[str, str] | None = None,
        times: Mapping[str, datetime | str] | None = None,
    ) -> None:
        """``stated``: certificate prefix → ``refused`` | ``not-signed`` for members who did not sign;
        ``times``: when they refused or were recorded (shown where a signature's time is)."""
        self._signers = list(signers)
        self._stated, self._times = dict(stated or {}), dict(times or {})
        self.setRowCount(len(signers))
        for row, signer in enumerate(signers):
            s = signer.status
            role = self.tr("Chair") if signer.role is MemberRole.CHAIR else self.tr("Member")
            when = labels.beijing_time(s.signed_at) if s and s.signed_at else ""
            info = signer.field.info
            if s is None and info is not None and info.fingerprint_prefix in self._times:
                when = labels.beijing_time(self._times[info.fingerprint_prefix])
            label = signer.field.label or signer.field.name
            for col, text in enumerate((label, role, self.status_text(signer), when)):
                item = QTableWidgetItem(text)
                if col == 2:
                    item.setToolTip(text)  # the column may be too narrow for it
                self.setItem(row, col, item)

    def status_text(self, signer: Signer) -> str:
        s = signer.status
        info = signer.field.info
        if s is None and info is not None and info.fingerprint_prefix in self._stated:
            return status_word(self._stated[info.fingerprint_prefix])
        if s is None:
            return self.tr("Not signed yet")
        if s.valid:
            return self.tr("Signed by {name}: valid, trusted").format(name=s.signer_name)
        return self.tr("Signed by {name}: NOT valid ({problem})").format(
            name=s.signer_name, problem=s.problem or self.tr("changed or untrusted")
        )

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Signatures on the record"))
        self.setHorizontalHeaderLabels(
            [self.tr("Signature field"), self.tr("Role"), self.tr("Signature"), self.tr("Signed at")]
        )
        self.show_signers(self._signers, self._stated, self._times)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

"""The chair's status board as a table: an adapter over the frozen
:class:`~reviewer.app.panel_board.MemberStatus` rows (one per member, in roster order).

Columns: the member, their role, the state of their sheet (colour-coded, with a tooltip saying what
the chair waits for), the newest version held, and when it was signed (Beijing time).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from reviewer.app.panel_board import PENDING, RECUSED, RETURNED, SUBMITTED, MemberStatus
from reviewer.ui import labels, palette

Index = QModelIndex | QPersistentModelIndex
StatusRole = Qt.ItemDataRole.UserRole + 1  # the row's state (SUBMITTED, PENDING, RETURNED, RECUSED)
MEMBER, ROLE, STATUS, VERSION, SIGNED = range(5)
COLOURS = {
    SUBMITTED: palette.PASS,
    PENDING: palette.WARNING,
    RETURNED: palette.ERROR,
    RECUSED: palette.INACTIVE,
}


class BoardModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: tuple[MemberStatus, ...] = ()

    def set_members(self, rows: Sequence[MemberStatus]) -> None:
        self.beginResetModel()
        self._rows = tuple(rows)
        self.endResetModel()

    @property
    def members(self) -> tuple[MemberStatus, ...]:
        return self._rows

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = (
            self.tr("Member"),
            self.tr("Role"),
            self.tr("Status"),
            self.tr("Latest version held"),
            self.tr("Signed at"),
        )
        return names[section] if 0 <= section < len(names) else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, col = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, col)
        if role == StatusRole:
            return row.status
        if role == Qt.ItemDataRole.ForegroundRole and col == STATUS:
            return QBrush(QColor(COLOURS[row.status]))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row)
        return None

    def status_text(self, row: MemberStatus) -> str:
        if row.status == SUBMITTED:
            return self.tr("Submitted")
        if row.status == RECUSED:
            return self.tr("Recused (conflict declared)")
        if row.status == RETURNED:
            return self.tr("Returned: awaiting version {n}").format(n=row.awaited_version)
        return self.tr("Pending: no sheet yet")

    def _text(self, row: MemberStatus, col: int) -> str:
        if col == MEMBER:
            return row.name
        if col == ROLE:
            return self.tr("Chair") if row.role == "chair" else self.tr("Expert")
        if col == STATUS:
            return self.status_text(row)
        if col == VERSION:
            return self.tr("version {n}").format(n=row.version) if row.version else "—"
        if col == SIGNED:
            return labels.beijing_time(row.signed_at) if row.signed_at else "—"
        return ""

    def _tooltip(self, row: MemberStatus) -> str:
        who = labels.person(row.name, row.org)
        if row.status == RETURNED:
            when = labels.beijing_time(row.returned_at) if row.returned_at else ""
            return self.tr(
                "{who}: version {v} was returned for correction {when}; the corrected version {n} "
                "has not been imported yet."
            ).format(who=who, v=row.returned_version, when=when, n=row.awaited_version)
        if row.status == PENDING:
            return self.tr("{who}: no sheet has been imported yet.").format(who=who)
        if row.status == RECUSED:
            return self.tr("{who} declared a conflict of interest; the recusal does not score.").format(
                who=who
            )
        return self.tr("{who}: version {v} counts.").format(who=who, v=row.version)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 4)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 4))


__all__ = ["BoardModel", "StatusRole"]

"""Item models of the ministry desk: thin adapters over the core's frozen values.

* :class:`ExpertsModel` — :class:`~reviewer.ministry.desk.EnrolledExpert` rows;
* :class:`PanelChoiceModel` — the same experts with "on the panel" and "chair" check boxes (revoked
  experts are shown but cannot be chosen; exactly one chair);
* :class:`ReportTableModel` — any :class:`~reviewer.ministry.report_tables.Table` (star list, notices,
  publicity list, a candidate's reviews and status history...), headers in the report's language;
* :class:`CandidatesModel` — registry :class:`~reviewer.ministry.types.Candidate` rows;
* :class:`OutcomesModel` — the import's per-file :class:`~reviewer.ministry.importer.FileOutcome`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from reviewer import i18n
from reviewer.ministry.report_tables import Table, language, status_words
from reviewer.ministry.types import Candidate
from reviewer.trust import pretty_fingerprint
from reviewer.ui import palette

if TYPE_CHECKING:
    from reviewer.ministry.desk import EnrolledExpert
    from reviewer.ministry.importer import FileOutcome

Index = QModelIndex | QPersistentModelIndex
GREY = QBrush(QColor(palette.INACTIVE))
RED = QBrush(QColor(palette.ERROR))
GREEN = QBrush(QColor(palette.PASS))
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the frozen value behind a row


class _Table(QAbstractTableModel):
    """Rows of frozen values, fixed columns; subclasses give headers and cells."""

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[Any] = []

    def headers(self) -> list[str]:
        raise NotImplementedError

    def cell(self, row: Any, column: int) -> str:
        raise NotImplementedError

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_value(self, row: int) -> Any:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            names = self.headers()
            return names[section] if 0 <= section < len(names) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.cell(row, index.column())
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.colour(row, index.column())
        return None

    def colour(self, row: Any, column: int) -> QBrush | None:
        return None


def category_text(category: str) -> str:
    """A member's category as enrolled: 专家 (expert) or 采购人或主管部门代表 (representative)."""
    if category == "representative":
        return QCoreApplication.translate("ministry_models", "Representative")
    return QCoreApplication.translate("ministry_models", "Expert")


class ExpertsModel(_Table):
    NAME, ORG, CATEGORY, FINGERPRINT, ENROLLED, STATUS = range(6)

    def headers(self) -> list[str]:
        return [self.tr("Name"), self.tr("Organisation"), self.tr("Category"), self.tr("Fingerprint"),
                self.tr("Enrolled"), self.tr("Status")]  # fmt: skip

    def status_text(self, x: EnrolledExpert) -> str:
        if x.active:
            return self.tr("active")
        when = i18n.beijing_date(x.revoked_at) if x.revoked_at else ""
        return self.tr("revoked {date}: {reason}").format(date=when, reason=x.reason)

    def cell(self, x: EnrolledExpert, column: int) -> str:
        return [
            x.name,
            x.org,
            category_text(x.category),
            pretty_fingerprint(x.fingerprint)[:23],
            i18n.beijing_date(x.enrolled_at),
            self.status_text(x),
        ][column]

    def colour(self, x: EnrolledExpert, column: int) -> QBrush | None:
        return RED if column == self.STATUS and not x.active else None


class PanelChoiceModel(_Table):
    """Choose the panel: column 0 "on the panel", column 1 "chair" (exclusive); revoked rows disabled."""

    MEMBER, CHAIR, NAME, ORG, CATEGORY, STATUS = range(6)
    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._chosen: set[str] = set()
        self._chair: str | None = None

    def headers(self) -> list[str]:
        return [
            self.tr("On panel"),
            self.tr("Chair"),
            self.tr("Name"),
            self.tr("Organisation"),
            self.tr("Category"),
            self.tr("Status"),
        ]

    def set_rows(self, rows: Sequence[Any]) -> None:
        active = {x.fingerprint for x in rows if x.active}
        self._chosen &= active
        if self._chair not in self._chosen:
            self._chair = None
        super().set_rows(rows)
        self.changed.emit()

    def cell(self, x: EnrolledExpert, column: int) -> str:
        if column in (self.MEMBER, self.CHAIR):
            return ""
        if column == self.STATUS:
            return self.tr("active") if x.active else self.tr("revoked: {reason}").format(reason=x.reason)
        if column == self.CATEGORY:
            return category_text(x.category)
        return x.name if column == self.NAME else x.org

    def colour(self, x: EnrolledExpert, column: int) -> QBrush | None:
        return None if x.active else GREY

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        x = self._rows[index.row()]
        if not x.active:
            return Qt.ItemFlag.NoItemFlags  # shown, never selectable
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in (self.MEMBER, self.CHAIR):
            base |= Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            role == Qt.ItemDataRole.CheckStateRole
            and index.isValid()
            and index.column() in (self.MEMBER, self.CHAIR)
        ):
            x = self._rows[index.row()]
            on = (
                x.fingerprint in self._chosen
                if index.column() == self.MEMBER
                else x.fingerprint == self._chair
            )
            return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not (
            self.flags(index) & Qt.ItemFlag.ItemIsUserCheckable
        ):
            return False
        x = self._rows[index.row()]
        on = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2, True)
        if index.column() == self.MEMBER:
            self._chosen.add(x.fingerprint) if on else self._chosen.discard(x.fingerprint)
            if not on and self._chair == x.fingerprint:
                self._chair = None
        else:
            self._chair = x.fingerprint if on else (None if self._chair == x.fingerprint else self._chair)
            if on:
                self._chosen.add(x.fingerprint)
        self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.CHAIR))
        self.changed.emit()
        return True

    def choose(self, fingerprint: str, *, chair: bool = False) -> None:
        """Put an expert on the panel (and make them chair): what a click on the check boxes does."""
        row = next(i for i, x in enumerate(self._rows) if x.fingerprint == fingerprint)
        self.setData(self.index(row, self.CHAIR if chair else self.MEMBER), Qt.CheckState.Checked,
                     Qt.ItemDataRole.CheckStateRole)  # fmt: skip

    def chosen(self) -> list[EnrolledExpert]:
        return [x for x in self._rows if x.fingerprint in self._chosen]

    @property
    def chair(self) -> str | None:
        return self._chair


class ReportTableModel(_Table):
    """One table of a core report, with the report's bilingual headers."""

    def __init__(self, table: Table | None = None) -> None:
        super().__init__()
        self.table = table
        if table is not None:
            self.set_table(table)

    def set_table(self, table: Table) -> None:
        self.table = table
        self.beginResetModel()
        self._rows = list(table.rows)
        self.endResetModel()

    def headers(self) -> list[str]:
        if self.table is None:
            return []
        return [c.en if language() == "en" else c.zh for c in self.table.columns]

    def cell(self, row: tuple[Any, ...], column: int) -> str:
        value = row[column]
        if isinstance(value, bool):
            return self.tr("yes") if value else self.tr("no")
        return "" if value is None else str(value)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        value = super().data(index, role)
        if role == Qt.ItemDataRole.DisplayRole and self.table is not None and isinstance(value, str):
            return self.table.columns[index.column()].shown(value)  # the tooltip keeps it whole
        return value


class CandidatesModel(_Table):
    NAME, TYPE, PROVINCE, CITY, STATUS = range(5)

    def headers(self) -> list[str]:
        return [self.tr("Name"), self.tr("Type"), self.tr("Province"), self.tr("City"), self.tr("Status")]

    def __init__(self) -> None:
        super().__init__()
        self.overdue: dict[str, int] = {}  # name → progress reports overdue today

    def set_overdue(self, overdue: dict[str, int]) -> None:
        self.overdue = dict(overdue)
        if self._rows:
            self.dataChanged.emit(self.index(0, self.STATUS), self.index(len(self._rows) - 1, self.STATUS))

    def cell(self, c: Candidate, column: int) -> str:
        kind = self.tr("city") if c.info.type == "city" else self.tr("park")
        status = status_words(c.status)
        if c.info.name in self.overdue:
            status += self.tr(" · progress report overdue ({n})").format(n=self.overdue[c.info.name])
        return [c.info.name, kind, c.info.province, c.info.city, status][column]

    def colour(self, c: Candidate, column: int) -> QBrush | None:
        if column != self.STATUS:
            return None
        return (
            RED
            if c.status in ("warned", "exited", "disqualified") or c.info.name in self.overdue
            else GREEN
            if c.status == "awarded"
            else None
        )


class OutcomesModel(_Table):
    FILE, OUTCOME, CANDIDATE, DETAIL = range(4)

    def headers(self) -> list[str]:
        return [self.tr("File"), self.tr("Outcome"), self.tr("Candidate"), self.tr("Detail")]

    def outcome_text(self, o: FileOutcome) -> str:
        words = {
            "imported": self.tr("imported"),
            "superseded": self.tr("imported (newer version)"),
            "duplicate": self.tr("duplicate"),
            "refused": self.tr("refused"),
            "failed": self.tr("failed"),
        }
        return words.get(o.outcome, o.outcome)

    def cell(self, o: FileOutcome, column: int) -> str:
        if column == self.FILE:
            return Path(o.path).name
        if column == self.OUTCOME:
            return self.outcome_text(o)
        if column == self.CANDIDATE:
            return o.candidate or ""
        if o.ok:
            return self.tr("package {pkg}, version {v} → {status}").format(
                pkg=(o.package_id or "")[:8], v=o.version, status=status_words(o.status or "")
            )
        return o.message

    def colour(self, o: FileOutcome, column: int) -> QBrush | None:
        if column != self.OUTCOME:
            return None
        return GREEN if o.outcome in ("imported", "superseded") else GREY if o.ok else RED

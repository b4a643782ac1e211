"""The package's materials as a table (name, size, kind). Reading one into memory is an operation
(:func:`reviewer.app.opening.read_material`) the viewer runs in the background."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, QPersistentModelIndex, Qt

from reviewer.packages import Entry

MATERIALS_PREFIX = "materials/"
NAME_ROLE = Qt.ItemDataRole.UserRole  # the entry's full name in the package
Progress = Callable[..., None]
Index = QModelIndex | QPersistentModelIndex


def short_name(name: str) -> str:
    """``materials/03-自评报告.pdf`` → ``03-自评报告.pdf``: the name as the candidate gave it."""
    return name.removeprefix(MATERIALS_PREFIX)


def is_pdf(entry: Entry) -> bool:
    return entry.name.lower().endswith(".pdf")


class MaterialsModel(QAbstractTableModel):
    """Rows are the package's material entries; columns: name, size, kind."""

    NAME, SIZE, KIND = range(3)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._entries: tuple[Entry, ...] = ()

    def set_entries(self, entries: Sequence[Entry]) -> None:
        self.beginResetModel()
        self._entries = tuple(entries)
        self.endResetModel()

    def entry(self, row: int) -> Entry:
        return self._entries[row]

    def row_of(self, name: str) -> int | None:
        """The row of a material by its full or short name."""
        for row, e in enumerate(self._entries):
            if name in (e.name, short_name(e.name)):
                return row
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default argument
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        e = self._entries[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.NAME:
                return short_name(e.name)
            if col == self.SIZE:
                return QLocale().formattedDataSize(e.size)
            return "PDF" if is_pdf(e) else self.tr("Not shown")
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("{name}\nSHA-256 {sha}").format(name=e.name, sha=e.sha256)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == NAME_ROLE:
            return e.name
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Material"), self.tr("Size"), self.tr("Kind"))[section]

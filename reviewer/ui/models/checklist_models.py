"""The standard's two checklists as Qt table models: yes/no items (vetoes and gates) and the
eligibility conditions checked before scoring. Read-only adapters over the frozen domain objects.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from reviewer import i18n
from reviewer.standards.model import EligibilityItem, Standard, YesNoItem
from reviewer.ui import labels

ItemRole = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


class _ChecklistModel(QAbstractTableModel):
    """Rows of one tuple of items; subclasses say which tuple, the columns and their text."""

    def __init__(self, standard: Standard | None = None, lang: str | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._lang = i18n.normalise(lang or i18n.language())
        self._items: tuple[Any, ...] = self._select(standard) if standard else ()

    def _select(self, standard: Standard) -> tuple[Any, ...]:
        raise NotImplementedError

    def _cell(self, item: Any, column: int) -> str:
        raise NotImplementedError

    def _headers(self) -> tuple[str, ...]:
        raise NotImplementedError

    def set_standard(self, standard: Standard | None) -> None:
        self.beginResetModel()
        self._items = self._select(standard) if standard else ()
        self.endResetModel()

    def set_language(self, lang: str) -> None:
        self._lang = i18n.normalise(lang)
        if self._items:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._items) - 1, self.columnCount() - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    def item(self, index: Index) -> Any:
        return self._items[index.row()] if index.isValid() else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers())

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._cell(item, index.column())
        if role == ItemRole:
            return item
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            headers = self._headers()
            return headers[section] if 0 <= section < len(headers) else None
        return None


class YesNoItemsModel(_ChecklistModel):
    """Vetoes (一票否决) and gates (门槛): code, title, effect, evidence."""

    def _select(self, standard: Standard) -> tuple[YesNoItem, ...]:
        return standard.yes_no

    def _headers(self) -> tuple[str, ...]:
        return (self.tr("Code"), self.tr("Item"), self.tr("Effect"), self.tr("Evidence"))

    def _cell(self, item: YesNoItem, column: int) -> str:
        if column == 0:
            return item.code
        if column == 1:
            return item.title.text(self._lang)
        if column == 2:
            return labels.effect_name(item.effect)
        return labels.evidence_names(item.evidence)


class EligibilityModel(_ChecklistModel):
    """The pass/fail conditions of formal review (资格条件): code and condition."""

    def _select(self, standard: Standard) -> tuple[EligibilityItem, ...]:
        return standard.eligibility

    def _headers(self) -> tuple[str, ...]:
        return (self.tr("Code"), self.tr("Condition"))

    def _cell(self, item: EligibilityItem, column: int) -> str:
        return item.code if column == 0 else item.text.text(self._lang)

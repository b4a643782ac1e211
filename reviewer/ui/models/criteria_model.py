"""The indicator tree of a :class:`~reviewer.standards.Standard` as a Qt item model.

A read-only adapter: level-1 indicators at the top, their children below. Each index carries the
position of its node in a flat table built once per standard, so parents are found without
Python object pointers (which Qt does not keep alive).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from reviewer import i18n
from reviewer.standards.model import Criterion, Standard
from reviewer.ui import labels

CODE, TITLE, POINTS, STEP, EVIDENCE = range(5)
COLUMNS = 5
# Every node is exposed under this role, for panels that show the selected criterion.
CriterionRole = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class _Node:
    criterion: Criterion
    parent: int  # position of the parent node, -1 for a level-1 indicator
    row: int
    children: tuple[int, ...]


def _flatten(standard: Standard | None) -> tuple[list[_Node], tuple[int, ...]]:
    nodes: list[_Node] = []

    def add(criterion: Criterion, parent: int, row: int) -> int:
        position = len(nodes)
        nodes.append(_Node(criterion, parent, row, ()))
        kids = tuple(add(child, position, i) for i, child in enumerate(criterion.children))
        nodes[position] = _Node(criterion, parent, row, kids)
        return position

    tops = tuple(add(c, -1, i) for i, c in enumerate(standard.criteria)) if standard else ()
    return nodes, tops


class CriteriaModel(QAbstractItemModel):
    def __init__(self, standard: Standard | None = None, lang: str | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._lang = i18n.normalise(lang or i18n.language())
        self._standard = standard
        self._nodes, self._tops = _flatten(standard)

    @property
    def standard(self) -> Standard | None:
        return self._standard

    def set_standard(self, standard: Standard | None) -> None:
        self.beginResetModel()
        self._standard = standard
        self._nodes, self._tops = _flatten(standard)
        self.endResetModel()

    def set_language(self, lang: str) -> None:
        """Data text follows the UI language: repaint titles, evidence names and headers."""
        self._lang = i18n.normalise(lang)
        if self._nodes:
            # Notify every parent's block of rows; a single range may not span parents.
            for parent in (
                QModelIndex(),
                *(self.createIndex(n.row, 0, i) for i, n in enumerate(self._nodes) if n.children),
            ):
                rows = self.rowCount(parent)
                self.dataChanged.emit(self.index(0, 0, parent), self.index(rows - 1, COLUMNS - 1, parent))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMNS - 1)

    def criterion(self, index: Index) -> Criterion | None:
        return self._nodes[index.internalId()].criterion if index.isValid() else None

    def index_of(self, code: str) -> QModelIndex:
        for position, node in enumerate(self._nodes):
            if node.criterion.code == code:
                return self.createIndex(node.row, 0, position)
        return QModelIndex()

    # --- QAbstractItemModel -----------------------------------------------------------------
    def _children(self, parent: Index) -> tuple[int, ...]:
        if not parent.isValid():
            return self._tops
        if parent.column() != 0:
            return ()
        return self._nodes[parent.internalId()].children

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        children = self._children(parent)
        if not (0 <= row < len(children) and 0 <= column < COLUMNS):
            return QModelIndex()
        return self.createIndex(row, column, children[row])

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008  # the stubs merge it with QObject.parent()
        if not child.isValid():
            return QModelIndex()
        up = self._nodes[child.internalId()].parent
        if up < 0:
            return QModelIndex()
        return self.createIndex(self._nodes[up].row, 0, up)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(self._children(parent))

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return COLUMNS

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self._nodes[index.internalId()].criterion
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(node, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == TITLE:
            return node.title.text(self._lang)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (POINTS, STEP):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and node.level == 1:
            font = QFont()
            font.setBold(True)
            return font
        if role == CriterionRole:
            return node
        return None

    def _display(self, node: Criterion, column: int) -> str:
        if column == CODE:
            return node.code
        if column == TITLE:
            return node.title.text(self._lang)
        if column == POINTS:
            return labels.number(node.points)
        if column == STEP:
            return labels.number(node.step)
        return labels.evidence_names(node.evidence)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < COLUMNS:
            return None
        return (
            self.tr("Code"),
            self.tr("Indicator"),
            self.tr("Points"),
            self.tr("Step"),
            self.tr("Evidence"),
        )[section]

"""The indicator tree of a :class:`~reviewer.standards.Standard` as a Qt item model: the shared base.

The criteria browser (:mod:`~reviewer.ui.models.criteria_model`) and the expert's scoring tree
(:mod:`~reviewer.ui.models.scoring_model`) show the same tree with different columns. The structure
— level-1 indicators at the top, their children below — lives here once: each index carries the
position of its node in a flat table built once per standard, so parents are found without Python
object pointers (which Qt does not keep alive). Subclasses give the columns and the cell data.

:class:`TreeRole` is the one set of custom roles of these trees: every node answers
:attr:`TreeRole.CRITERION` (the criterion itself) and :attr:`TreeRole.CODE` (its code).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from typing import Any, ClassVar

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt

from reviewer.standards.model import Criterion, Standard

Index = QModelIndex | QPersistentModelIndex


class TreeRole(IntEnum):
    """The custom item-data roles of the indicator trees."""

    CRITERION = Qt.ItemDataRole.UserRole + 1  # the Criterion behind the row
    CODE = Qt.ItemDataRole.UserRole + 2  # its code, e.g. "1.1"


CriterionRole = TreeRole.CRITERION
CodeRole = TreeRole.CODE


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


class CriterionTreeModel(QAbstractItemModel):
    """A read-only tree of a standard's criteria; subclasses set :attr:`COLUMNS` and :meth:`cell`."""

    COLUMNS: ClassVar[int] = 1

    def __init__(self, standard: Standard | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._build(standard)

    def _build(self, standard: Standard | None) -> None:
        self._standard = standard
        self._nodes, self._tops = _flatten(standard)
        self._positions = {n.criterion.code: p for p, n in enumerate(self._nodes)}

    def criterion(self, index: Index) -> Criterion | None:
        return self._nodes[index.internalId()].criterion if index.isValid() else None

    def index_of(self, code: str) -> QModelIndex:
        position = self._positions.get(code)
        if position is None:
            return QModelIndex()
        return self.createIndex(self._nodes[position].row, 0, position)

    def parent_indexes(self) -> list[QModelIndex]:
        """The root and every node with children: each one's rows are one block for ``dataChanged``."""
        return [
            QModelIndex(),
            *(self.createIndex(n.row, 0, i) for i, n in enumerate(self._nodes) if n.children),
        ]

    # --- QAbstractItemModel -----------------------------------------------------------------
    def _children(self, parent: Index) -> tuple[int, ...]:
        if not parent.isValid():
            return self._tops
        if parent.column() != 0:
            return ()
        return self._nodes[parent.internalId()].children

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        children = self._children(parent)
        if not (0 <= row < len(children) and 0 <= column < self.COLUMNS):
            return QModelIndex()
        return self.createIndex(row, column, children[row])

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid():
            return QModelIndex()
        up = self._nodes[child.internalId()].parent
        if up < 0:
            return QModelIndex()
        return self.createIndex(self._nodes[up].row, 0, up)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(self._children(parent))

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return self.COLUMNS

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        criterion = self._nodes[index.internalId()].criterion
        if role == TreeRole.CRITERION:
            return criterion
        if role == TreeRole.CODE:
            return criterion.code
        return self.cell(criterion, index.column(), role)

    def cell(self, criterion: Criterion, column: int, role: int) -> Any:
        """The data of one cell for a standard Qt role (the tree's own roles are answered above)."""
        raise NotImplementedError

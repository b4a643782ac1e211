"""The indicator tree of a :class:`~reviewer.standards.Standard` as a Qt item model, for browsing.

A read-only adapter; the tree structure and its roles are the shared
:class:`~reviewer.ui.models.criteria_tree.CriterionTreeModel`, this class gives the columns.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from reviewer import i18n
from reviewer.standards.model import Criterion, Standard
from reviewer.ui import labels
from reviewer.ui.models.criteria_tree import CriterionRole, CriterionTreeModel

__all__ = ["COLUMNS", "CriteriaModel", "CriterionRole"]

CODE, TITLE, POINTS, STEP, EVIDENCE = range(5)
COLUMNS = 5


class CriteriaModel(CriterionTreeModel):
    COLUMNS = COLUMNS

    def __init__(self, standard: Standard | None = None, lang: str | None = None, parent: Any = None) -> None:
        self._lang = i18n.normalise(lang or i18n.language())
        super().__init__(standard, parent)

    @property
    def standard(self) -> Standard | None:
        return self._standard

    def set_standard(self, standard: Standard | None) -> None:
        self.beginResetModel()
        self._build(standard)
        self.endResetModel()

    def set_language(self, lang: str) -> None:
        """Data text follows the UI language: repaint titles, evidence names and headers."""
        self._lang = i18n.normalise(lang)
        if self._nodes:
            # Notify every parent's block of rows; a single range may not span parents.
            for parent in self.parent_indexes():
                rows = self.rowCount(parent)
                self.dataChanged.emit(self.index(0, 0, parent), self.index(rows - 1, COLUMNS - 1, parent))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMNS - 1)

    def cell(self, node: Criterion, column: int, role: int) -> Any:
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

"""The expert's scoring tree: code, title, points, the expert's own score, and its status.

An adapter over a :class:`~reviewer.standards.model.Standard` and the scores of ONE review (the
expert's own: nothing else is ever given to it). Level-1 rows show the subtotal of their scored
leaves and how many are scored. :meth:`ScoringModel.set_scores` takes the scores on disk plus any
still being written, and signals only the cells that changed.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from reviewer import i18n
from reviewer.scoring import entry
from reviewer.scoring.progress import progress
from reviewer.standards.model import Criterion, Standard
from reviewer.ui import labels, palette
from reviewer.ui.models.criteria_tree import CodeRole, CriterionRole, CriterionTreeModel

CODE, TITLE, POINTS, SCORE, STATUS = range(5)
COLUMNS = 5

__all__ = ["COLUMNS", "CodeRole", "CriterionRole", "ScoringModel"]

UNSCORED_COLOUR = QColor(palette.WARNING)
NEEDS_COMMENT_COLOUR = QColor(palette.ERROR)
DONE_COLOUR = QColor(palette.SAVED)


class ScoringModel(CriterionTreeModel):
    COLUMNS = COLUMNS
    _standard: Standard

    def __init__(self, standard: Standard, parent: Any = None) -> None:
        super().__init__(standard, parent)
        self._scores: dict[str, Decimal] = {}
        self._comments: dict[str, str] = {}
        self._figures: dict[str, bool] = {}  # objective leaves: True confirmed, False flagged
        self._progress = progress(standard, {})

    @property
    def standard(self) -> Standard:
        return self._standard

    @property
    def scores(self) -> Mapping[str, Decimal]:
        return dict(self._scores)

    @property
    def comments(self) -> Mapping[str, str]:
        return dict(self._comments)

    def set_scores(self, scores: Mapping[str, Decimal], comments: Mapping[str, str]) -> None:
        """Show these scores and comments; only the rows that changed (and their level-1 rows) repaint."""
        changed = {c for c in set(scores) | set(self._scores) if scores.get(c) != self._scores.get(c)}
        changed |= {
            c for c in set(comments) | set(self._comments) if comments.get(c) != self._comments.get(c)
        }
        self._scores, self._comments = dict(scores), dict(comments)
        self._progress = progress(self._standard, self._scores)
        rows = set()
        for code in changed:
            position = self._positions.get(code)
            while position is not None and position >= 0:
                rows.add(position)
                position = self._nodes[position].parent
        for position in sorted(rows):
            left = self.createIndex(self._nodes[position].row, SCORE, position)
            right = self.createIndex(self._nodes[position].row, STATUS, position)
            self.dataChanged.emit(left, right)

    def set_figures(self, checks: Mapping[str, bool]) -> None:
        """Show each objective leaf's figure check (True: confirmed, False: flagged; absent: to check)."""
        changed = {c for c in set(checks) | set(self._figures) if checks.get(c) != self._figures.get(c)}
        self._figures = dict(checks)
        for code in changed:
            position = self._positions.get(code)
            if position is not None:
                left = self.createIndex(self._nodes[position].row, SCORE, position)
                self.dataChanged.emit(left, self.createIndex(self._nodes[position].row, STATUS, position))

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = (
            QCoreApplication.translate("ScoringModel", "Code"),
            QCoreApplication.translate("ScoringModel", "Indicator"),
            QCoreApplication.translate("ScoringModel", "Points"),
            QCoreApplication.translate("ScoringModel", "Your score"),
            QCoreApplication.translate("ScoringModel", "Status"),
        )
        return names[section] if 0 <= section < COLUMNS else None

    # --- data -------------------------------------------------------------------------------
    def _needs_comment(self, code: str) -> bool:
        value = self._scores.get(code)
        if value is None or self._comments.get(code, "").strip():
            return False
        return entry.comment_required(self._standard, code, value)

    def cell(self, c: Criterion, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(c, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == STATUS and c.is_leaf:
            if c.objective is not None:
                return QBrush(DONE_COLOUR if c.code in self._figures else UNSCORED_COLOUR)
            if c.code not in self._scores:
                return QBrush(UNSCORED_COLOUR)
            return QBrush(NEEDS_COMMENT_COLOUR if self._needs_comment(c.code) else DONE_COLOUR)
        if role == Qt.ItemDataRole.FontRole and c.level == 1:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (POINTS, SCORE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == TITLE:
            return c.title.text(i18n.language())
        return None

    def _display(self, c: Criterion, column: int) -> str:
        if column == CODE:
            return c.code
        if column == TITLE:
            return c.title.text(i18n.language())
        if column == POINTS:
            return labels.number(c.points)
        if not c.is_leaf:
            sub = self._progress.subtotals.get(c.code)
            if sub is None:  # a middle level (not in the sample standards): sum of its leaves
                given = [self._scores[k.code] for k in c.leaves() if k.code in self._scores]
                return labels.number(sum(given, Decimal(0))) if column == SCORE else ""
            if column == SCORE:
                return labels.number(sub.points_scored) if sub.scored else ""
            return QCoreApplication.translate("ScoringModel", "{scored} / {total}").format(
                scored=sub.scored, total=sub.total
            )
        if c.objective is not None:  # computed from the package's figure: confirmed or flagged
            if column == SCORE:
                return ""
            check = self._figures.get(c.code)
            if check is None:
                return QCoreApplication.translate("ScoringModel", "Figure to check")
            if check:
                return QCoreApplication.translate("ScoringModel", "Figure confirmed")
            return QCoreApplication.translate("ScoringModel", "Figure flagged")
        value = self._scores.get(c.code)
        if column == SCORE:
            return labels.number(value) if value is not None else ""
        if value is None:
            return QCoreApplication.translate("ScoringModel", "Not scored")
        return (
            QCoreApplication.translate("ScoringModel", "Comment needed")
            if self._needs_comment(c.code)
            else QCoreApplication.translate("ScoringModel", "Scored")
        )

"""A tree view whose fit-to-contents columns are measured once per change, not on every resize.

For a column in ``ResizeToContents`` mode Qt asks the item delegate for the size of every row's
cell, and the delegate asks the model for eight roles per cell: for the 300-indicator standard that
is ~10,000 calls into the Python model, ~40 ms, and Qt does it again on every resize of the view
(nine times while a window settles, once per step of a window drag). :class:`FittedTreeView`
answers Qt's :meth:`sizeHintForColumn` from the text of each cell instead (its display text in its
font, plus the margin the delegate adds, measured once on one real cell), and remembers the width
until the model says that column changed. The widths are the ones Qt computes
(``tests/ui/test_fitted_tree.py`` compares them) for what these views show: one line of text per
cell, no icons or check boxes.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QStyleOptionViewItem, QTreeView, QWidget

Index = QModelIndex | QPersistentModelIndex


class FittedTreeView(QTreeView):
    def __init__(self, parent: QWidget | None = None, **kwargs: Any) -> None:
        super().__init__(parent, **kwargs)
        self._widths: dict[int, int] = {}
        self._margin: int | None = None
        self._metrics: dict[str, QFontMetricsF] = {}

    # --- what Qt asks -----------------------------------------------------------------------
    def sizeHintForColumn(self, column: int) -> int:
        width = self._widths.get(column)
        if width is None:
            if not self.isVisible():
                return -1  # nobody sees it yet: measured when it is shown (Qt lays it out again then)
            width = self._widths[column] = self._measure(column)
        return width

    # --- when the answer changes ------------------------------------------------------------
    def setModel(self, model: Any) -> None:
        old = self.model()
        if old is not None:
            old.layoutChanged.disconnect(self.forget_widths)
        super().setModel(model)
        if model is not None:
            model.layoutChanged.connect(self.forget_widths)
        self.forget_widths()

    def forget_widths(self, *_args: object) -> None:
        self._widths.clear()

    def reset(self) -> None:  # the model was reset
        self.forget_widths()
        super().reset()

    def dataChanged(self, top_left: Index, bottom_right: Index, roles: Sequence[int] = ()) -> None:
        for column in range(top_left.column(), bottom_right.column() + 1):
            self._widths.pop(column, None)
        super().dataChanged(top_left, bottom_right, roles)

    def rowsInserted(self, parent: Index, first: int, last: int) -> None:
        self.forget_widths()
        super().rowsInserted(parent, first, last)

    def rowsAboutToBeRemoved(self, parent: Index, first: int, last: int) -> None:
        self.forget_widths()
        super().rowsAboutToBeRemoved(parent, first, last)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._margin = None
            self._metrics.clear()
            self.forget_widths()
        super().changeEvent(event)

    # --- measuring --------------------------------------------------------------------------
    def _measure(self, column: int) -> int:
        """The widest cell of ``column`` as the delegate would size it (-1 when there are no rows)."""
        model = self.model()
        if model is None:
            return -1
        display, font_role = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.FontRole
        widths: dict[tuple[str, str], int] = {}  # (font, text) -> width: many cells repeat
        step = self.indentation()
        extra = 1 if self.rootIsDecorated() else 0
        tree_column = self.header().logicalIndex(self.treePosition()) == column
        widest = -1
        for index, level in self._cells(column):
            text = model.data(index, display)
            text = "" if text is None else str(text)
            font = model.data(index, font_role)
            metrics = self._metrics_for(font if isinstance(font, QFont) else None)
            width = widths.get((metrics[0], text))
            if width is None:
                # as the style sizes a one-line cell: the text's natural width, rounded up
                width = widths[(metrics[0], text)] = math.ceil(metrics[1].horizontalAdvance(text))
            width += self._delegate_margin(index, width)
            if tree_column:
                width += (level + extra) * step
            widest = max(widest, width)
        return widest

    def _cells(self, column: int) -> Iterator[tuple[QModelIndex, int]]:
        """Every cell of ``column`` (collapsed rows too), with its level (0 at the top)."""
        model = self.model()
        stack: list[tuple[QModelIndex, int]] = [(self.rootIndex(), 0)]
        while stack:
            parent, level = stack.pop()
            for row in range(model.rowCount(parent)):
                first = model.index(row, 0, parent)
                yield (first if column == 0 else model.index(row, column, parent)), level
                if model.rowCount(first):
                    stack.append((first, level + 1))

    def _metrics_for(self, font: QFont | None) -> tuple[str, QFontMetricsF]:
        """(key, metrics) of a cell's font: its FontRole resolved against the view's font, as Qt does."""
        resolved = self.font() if font is None else font.resolve(self.font())
        key = "" if font is None else resolved.key()
        metrics = self._metrics.get(key)
        if metrics is None:
            metrics = self._metrics[key] = QFontMetricsF(resolved)
        return key, metrics

    def _delegate_margin(self, index: QModelIndex, text_width: int) -> int:
        """What the delegate adds around the text (the style's text margins), read once from it."""
        if self._margin is None:
            option = QStyleOptionViewItem()
            self.initViewItemOption(option)
            self._margin = self.itemDelegateForIndex(index).sizeHint(option, index).width() - text_width
        return self._margin

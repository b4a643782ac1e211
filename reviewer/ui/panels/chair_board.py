"""The chair's status board (组员状态), at the top of the sheets page: who has submitted, who is
pending, whose sheet was returned, who recused, and the version held — so that after reopening the
package the chair sees at once who is missing.

The rows are computed by the core (:func:`reviewer.app.panel_board.panel_board`) on a worker; this
widget only shows them (:class:`~reviewer.ui.models.board_model.BoardModel`) with a one-line summary.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reviewer.app.panel_board import PENDING, RECUSED, RETURNED, SUBMITTED, PanelBoard
from reviewer.ui.models.board_model import BoardModel


class BoardView(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chairBoard")
        self.board: PanelBoard | None = None
        self.model = BoardModel(self)
        self.summary = QLabel(objectName="boardSummary", wordWrap=True)
        self.table = QTableView(objectName="boardTable")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        rows = self.table.verticalHeader()
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)  # compact: every member in view
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        self.retranslate()

    def show_board(self, board: PanelBoard) -> None:
        self.board = board
        self.model.set_members(board.members)
        self._fit_height()
        self._fill_summary()

    def _fit_height(self) -> None:
        """Tall enough for every member's row (a panel is a handful of people): nobody is scrolled away."""
        table = self.table
        rows = table.verticalHeader().defaultSectionSize() * self.model.rowCount()
        frame = 2 * table.frameWidth()
        scroll = table.horizontalScrollBar().sizeHint().height()
        table.setFixedHeight(table.horizontalHeader().sizeHint().height() + rows + frame + scroll)
        self.setMaximumHeight(self.sizeHint().height())

    def _fill_summary(self) -> None:
        board = self.board
        if board is None:
            self.summary.setText(self.tr("Reading the sheets held…"))
            return
        text = self.tr("{n} member(s): {s} submitted, {r} returned, {p} pending, {c} recused.").format(
            n=len(board.members),
            s=board.count(SUBMITTED),
            r=board.count(RETURNED),
            p=board.count(PENDING),
            c=board.count(RECUSED),
        )
        missing = "、".join(m.name for m in board.missing)
        text += " " + (
            self.tr("Waiting for: {names}.").format(names=missing)
            if missing
            else self.tr("Every member's sheet is in.")
        )
        self.summary.setText(text)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Panel status"))
        self.model.retranslate()
        self._fill_summary()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


__all__ = ["BoardView"]

"""Guard against a Qt binding that leaks references to ``True`` (PySide6 6.12.0 does).

On Python < 3.12 ``True`` is not immortal: a binding that drops one reference per signal lets its
count reach zero after a few thousand repaints, and the interpreter aborts ("bool_dealloc"). This
test fails on such a binding so that an upgrade never ships it.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QTableView


class _Headers(QAbstractTableModel):
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 3

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        return "h" if role == Qt.ItemDataRole.DisplayRole else None


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="True is immortal from Python 3.12 on")
def test_header_signals_do_not_leak_references_to_true(qtbot) -> None:
    view = QTableView()
    qtbot.addWidget(view)
    model = _Headers()
    view.setModel(model)
    before = sys.getrefcount(True)
    for _ in range(200):
        model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 2)
    assert sys.getrefcount(True) > before - 50

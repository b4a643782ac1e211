"""The matrix in the chair's window at 1024×700: it opens in the standard's order with the arrow saying
ascending, a click on a header sorts the way its arrow then points, the spread (极差) is in view, and a
divergent score turns from red to green once the expert's explanation is recorded."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QStyleOptionHeader

from reviewer.ui import palette
from reviewer.ui.panels import chair_decisions
from tests.ui.test_chair_frozen import GOOD, open_chair

pytestmark = pytest.mark.slow


def header_arrow(header, section: int):
    option = QStyleOptionHeader()
    header.initStyleOptionForIndex(option, section)
    return option.sortIndicator


def click_header(qtbot, header, section: int) -> None:
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def column(matrix, col: int) -> list[str]:
    proxy = matrix.proxy
    return [proxy.index(r, col).data() for r in range(proxy.rowCount() - 1)]  # the leniency row apart


def test_sorting_follows_the_arrow_and_the_spread_is_in_view(
    qtbot, make_window, chair_world, monkeypatch
) -> None:
    window, chair = open_chair(make_window, chair_world)
    chair.import_files([chair_world.sheets[s] for s in GOOD])
    window.resize(1024, 700)
    window.show()
    window.package_panel.tabs.setCurrentWidget(chair)
    chair.tabs.setCurrentWidget(chair.matrix)
    QCoreApplication.processEvents()
    matrix, header = chair.matrix, chair.matrix.table.horizontalHeader()
    model = matrix.model

    codes = [t.split()[0] for t in column(matrix, 0)]
    assert codes[0] == "1.1" and codes == [i.code for i in chair.reconciliation.indicators]
    assert header_arrow(header, 0) == QStyleOptionHeader.SortIndicator.SortUp  # ▲: ascending

    spread = model.column_of("spread")
    click_header(qtbot, header, spread)
    arrow = header_arrow(header, spread)
    values = [Decimal(v) for v in column(matrix, spread)]
    up = arrow == QStyleOptionHeader.SortIndicator.SortUp
    assert values == sorted(values, reverse=not up)
    click_header(qtbot, header, spread)
    assert header_arrow(header, spread) != arrow
    values = [Decimal(v) for v in column(matrix, spread)]
    assert values == sorted(values, reverse=up)
    assert matrix.proxy.index(matrix.proxy.rowCount() - 1, 0).data().startswith("Leniency")

    # the spread column is within the table's viewport at 1024 px
    right = header.sectionViewportPosition(spread) + header.sectionSize(spread)
    assert header.sectionViewportPosition(spread) >= 0 and right <= matrix.table.viewport().width()

    # red until the explanation is recorded, then green
    chen = chair_world.names["chen-shen"]
    matrix.select("1.1", chen)
    cell = matrix.table.currentIndex()
    assert cell.data(Qt.ItemDataRole.BackgroundRole).color() == QColor(palette.DIVERGENT)

    def explain(dialog) -> bool:
        dialog.text_edit.setPlainText("按统计局核实口径计。")
        dialog.accept()
        return True

    monkeypatch.setattr(chair_decisions, "run_dialog", explain)
    qtbot.mouseClick(matrix.explanation_button, Qt.MouseButton.LeftButton)
    assert chair.reconciliation.unexplained == ()
    row = model.row_of("1.1")
    shown = model.index(row, model.expert_column(chen))
    assert shown.data(Qt.ItemDataRole.BackgroundRole).color() == QColor(palette.EXPLAINED)
    assert "Explained (recorded): 按统计局核实口径计。" in shown.data(Qt.ItemDataRole.ToolTipRole)

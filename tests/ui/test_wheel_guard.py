"""The mouse wheel scrolls the page; it never changes an answer, a score or a date the person has
not clicked into (found walking the expert's guide: scrolling the scoring page over the veto item
V1 answered it 否). One filter, installed with the application, covers every window: the expert's
pages, the chair's, the ministry desk, dialogs. A box with keyboard focus keeps the wheel."""

from __future__ import annotations

from PySide6.QtCore import QDate, QPoint, QPointF
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QDateEdit,
    QDoubleSpinBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from reviewer.standards.load import load_standard
from reviewer.ui.app import application
from reviewer.ui.panels.checks_panel import ChecksPanel
from reviewer.ui.scrolled import scroll_vertically

DOWN = QPoint(0, -120)  # one notch of the wheel, towards the person


def _wheel(widget: QWidget, delta: QPoint = DOWN) -> None:
    """One notch over the middle of ``widget``, as the window system delivers it (spontaneous)."""
    window = widget.window()
    centre = widget.mapTo(window, widget.rect().center())
    QTest.wheelEvent(window.windowHandle(), QPointF(centre), delta)


def _scrolls(area: QAbstractScrollArea) -> int:
    return area.verticalScrollBar().value()


def _shown(qtbot, widget: QWidget, width: int, height: int) -> None:
    widget.resize(width, height)
    with qtbot.waitActive(widget):
        widget.show()
        widget.activateWindow()


def test_the_wheel_over_a_veto_answer_scrolls_the_page_and_keeps_the_answer(
    qtbot, park_standard_path
) -> None:
    application()  # the filter comes with the application, as in the running app
    panel = ChecksPanel(load_standard(park_standard_path))
    qtbot.addWidget(panel)
    _shown(qtbot, panel, 700, 220)
    row = panel.yes_no[next(iter(panel.yes_no))]
    answer = row.answer
    answer.setCurrentIndex(1)  # 是
    row.comment.setFocus()  # the person is typing elsewhere on the page (the box is first in Tab order)
    sent: list[tuple] = []
    panel.yes_no_answered.connect(lambda *args: sent.append(args))
    assert _scrolls(panel) == 0 and panel.verticalScrollBar().maximum() > 0

    _wheel(answer)

    assert answer.currentIndex() == 1 and sent == []  # not 否, nothing saved
    assert _scrolls(panel) > 0  # the page scrolled instead
    assert row.comment.hasFocus()  # nor did the wheel give the box the focus


def test_a_box_the_person_clicked_into_keeps_the_wheel(qtbot, park_standard_path) -> None:
    application()
    panel = ChecksPanel(load_standard(park_standard_path))
    qtbot.addWidget(panel)
    _shown(qtbot, panel, 700, 220)
    answer = panel.yes_no[next(iter(panel.yes_no))].answer
    answer.setCurrentIndex(1)
    answer.setFocus()
    assert answer.hasFocus()

    _wheel(answer)

    assert answer.currentIndex() == 2  # deliberate: the value follows the wheel
    assert _scrolls(panel) == 0


def test_number_and_date_boxes_on_any_scrolled_page_are_covered_too(qtbot) -> None:
    """The chair's and the ministry desk's pages use spin boxes and date boxes on pages laid out by
    :func:`scroll_vertically`: the same filter keeps their values."""
    application()
    page = QWidget()
    qtbot.addWidget(page)
    content = scroll_vertically(page, "wheelPage")
    layout = QVBoxLayout(content)
    year = QSpinBox(minimum=2000, maximum=2100, value=2025)
    score = QDoubleSpinBox(minimum=0, maximum=10, value=5.5)
    day = QDateEdit(QDate(2026, 3, 1))
    for box in (year, score, day):
        layout.addWidget(box)
    for n in range(40):
        layout.addWidget(QLabel(f"line {n}"))
    _shown(qtbot, page, 400, 200)
    page.setFocus()  # no box has the focus
    area = page.findChild(QAbstractScrollArea)
    for box in (year, score, day):
        area.verticalScrollBar().setValue(0)
        _wheel(box)
        assert _scrolls(area) > 0, box
    assert (year.value(), score.value(), day.date()) == (2025, 5.5, QDate(2026, 3, 1))

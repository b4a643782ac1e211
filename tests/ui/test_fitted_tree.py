"""FittedTreeView sizes its fit-to-contents columns as Qt does, without asking the model per resize.

Each test shows the same model in a FittedTreeView and in a plain QTreeView set up the same way
and compares every column's width: when the view is shown, after scores change the text of a
column, after the language changes, and for a tree populated while hidden.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtWidgets import QApplication, QHeaderView, QTreeView, QWidget

from reviewer.paths import resource
from reviewer.standards import Standard, load_standard
from reviewer.ui.fitted_tree import FittedTreeView
from reviewer.ui.models.criteria_model import CODE, EVIDENCE, POINTS, STEP, TITLE, CriteriaModel
from reviewer.ui.models.scoring_model import SCORE, STATUS, ScoringModel


@pytest.fixture(params=["sample-park-creation.json", "sample-city-annual.json"])
def standard(request: pytest.FixtureRequest) -> Standard:
    return load_standard(resource("standards") / request.param)


def _configure(view: QTreeView, model: object, fit: tuple[int, ...], stretch: int) -> QTreeView:
    view.setModel(model)
    view.setUniformRowHeights(True)
    header = view.header()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    for column in fit:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    view.expandAll()
    return view


def _pair(qtbot, model: object, fit: tuple[int, ...], stretch: int, *, show: bool = True):
    views = []
    for view in (FittedTreeView(), QTreeView()):
        _configure(view, model, fit, stretch)
        view.resize(900, 500)
        qtbot.addWidget(view)
        if show:
            view.show()
        views.append(view)
    return views


def _widths(view: QTreeView, fit: tuple[int, ...]) -> list[int]:
    QApplication.processEvents()
    return [view.header().sectionSize(c) for c in fit]


def test_criteria_columns_are_as_wide_as_qt_makes_them(qtbot, standard: Standard) -> None:
    fit = (CODE, POINTS, STEP, EVIDENCE)
    fitted, plain = _pair(qtbot, CriteriaModel(standard), fit, TITLE)
    assert _widths(fitted, fit) == _widths(plain, fit)
    assert min(_widths(fitted, fit)) > 20  # measured, not left at a default


def test_scoring_columns_follow_the_scores_as_qt_does(qtbot, standard: Standard) -> None:
    model = ScoringModel(standard)
    fit = (CODE, POINTS, SCORE, STATUS)
    fitted, plain = _pair(qtbot, model, fit, TITLE)
    before = _widths(fitted, fit)
    assert before == _widths(plain, fit)
    leaves = standard.leaves()
    # a score that needs a comment ("Comment needed", the widest status) and a long decimal
    scores = {leaves[0].code: leaves[0].points, leaves[1].code: Decimal("0.5")}
    model.set_scores(scores, {})
    after = _widths(fitted, fit)
    assert after == _widths(plain, fit)
    model.set_scores({}, {})
    assert _widths(fitted, fit) == _widths(plain, fit)


def test_a_tree_filled_while_hidden_is_measured_when_shown(qtbot, standard: Standard) -> None:
    fit = (CODE, POINTS, STEP, EVIDENCE)
    model = CriteriaModel()
    fitted, plain = _pair(qtbot, model, fit, TITLE, show=False)
    model.set_standard(standard)
    for view in (fitted, plain):
        view.expandAll()
        view.show()
    assert _widths(fitted, fit) == _widths(plain, fit)


def test_the_language_changes_the_widths_as_in_qt(qtbot, standard: Standard) -> None:
    fit = (CODE, TITLE, POINTS, STEP)  # the titles follow the model's language
    model = CriteriaModel(standard, lang="zh_CN")
    fitted, plain = _pair(qtbot, model, fit, EVIDENCE)
    zh = _widths(fitted, fit)
    model.set_language("en")
    assert _widths(fitted, fit) == _widths(plain, fit) != zh


def test_a_bigger_font_is_measured_again(qtbot, standard: Standard) -> None:
    fit = (CODE, POINTS, STEP, EVIDENCE)
    fitted, plain = _pair(qtbot, CriteriaModel(standard), fit, TITLE)
    before = _widths(fitted, fit)
    for view in (fitted, plain):
        font = view.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        view.setFont(font)
    assert _widths(fitted, fit) == _widths(plain, fit) != before


def test_the_views_in_the_app_are_fitted(qtbot) -> None:
    from reviewer.ui.panels.criteria_panel import CriteriaPanel
    from reviewer.ui.panels.scoring_panel import ScoringPanel

    standard = load_standard(resource("standards") / "sample-park-creation.json")
    holder = QWidget()
    qtbot.addWidget(holder)
    assert isinstance(CriteriaPanel(holder).tree, FittedTreeView)
    assert isinstance(ScoringPanel(standard, parent=holder).tree, FittedTreeView)

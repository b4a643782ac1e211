"""The item models over a standard: structure, texts in both languages, and Qt's model checks."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from reviewer.standards import load_standard
from reviewer.standards.model import EligibilityItem, YesNoItem
from reviewer.ui.models.checklist_models import EligibilityModel, ItemRole, YesNoItemsModel
from reviewer.ui.models.criteria_model import (
    CODE,
    EVIDENCE,
    POINTS,
    STEP,
    TITLE,
    CriteriaModel,
    CriterionRole,
)


def leaves(model, parent=QModelIndex()) -> int:  # noqa: B008
    count = 0
    for row in range(model.rowCount(parent)):
        child = model.index(row, 0, parent)
        count += 1 if model.rowCount(child) == 0 else leaves(model, child)
    return count


def test_qt_model_tester_passes_on_the_criteria_model(qtmodeltester, park_standard_path) -> None:
    model = CriteriaModel(load_standard(park_standard_path), lang="zh_CN")
    qtmodeltester.check(model, force_py=True)


def test_qt_model_tester_passes_on_an_empty_criteria_model(qtmodeltester) -> None:
    qtmodeltester.check(CriteriaModel(None), force_py=True)


def test_qt_model_tester_passes_on_the_checklists(qtmodeltester, park_standard_path) -> None:
    standard = load_standard(park_standard_path)
    qtmodeltester.check(YesNoItemsModel(standard, lang="en"), force_py=True)
    qtmodeltester.check(EligibilityModel(standard, lang="en"), force_py=True)


def test_tree_is_level1_indicators_with_their_children(park_standard_path) -> None:
    model = CriteriaModel(load_standard(park_standard_path), lang="zh_CN")
    assert model.rowCount() == 6
    assert leaves(model) == 19
    top = model.index(0, 0)
    assert model.data(top) == "1"
    assert model.data(model.index(0, TITLE)) == "产业规模与集聚"
    assert model.data(model.index(0, POINTS)) == "25"
    assert model.rowCount(top) == 5
    first = model.index(0, 0, top)
    assert model.parent(first) == top
    assert [model.data(model.index(0, c, top)) for c in (CODE, TITLE, POINTS, STEP, EVIDENCE)] == [
        "1.1",
        "软件业务收入",
        "8",
        "0.5",
        "Document review",  # no translator installed in this test: the English source
    ]
    assert model.data(first, CriterionRole).code == "1.1"
    assert sum(int(model.data(model.index(r, POINTS))) for r in range(model.rowCount())) == 100


def test_titles_follow_the_language(park_standard_path) -> None:
    model = CriteriaModel(load_standard(park_standard_path), lang="zh_CN")
    changed = []
    model.dataChanged.connect(lambda a, b, *_: changed.append((a, b)))
    model.set_language("en")
    assert model.data(model.index(0, TITLE)) == "Industry scale and clustering"
    assert changed, "views must be told to repaint"
    assert model.headerData(TITLE, Qt.Orientation.Horizontal) == "Indicator"


def test_index_of_finds_a_nested_code(park_standard_path) -> None:
    model = CriteriaModel(load_standard(park_standard_path))
    index = model.index_of("6.3")
    assert index.isValid()
    assert model.criterion(index).code == "6.3"
    assert model.data(model.parent(index)) == "6"
    assert not model.index_of("9.9").isValid()


def test_checklists_list_the_veto_and_the_eligibility_conditions(park_standard_path) -> None:
    standard = load_standard(park_standard_path)
    yes_no = YesNoItemsModel(standard, lang="zh_CN")
    assert yes_no.rowCount() == 1
    assert yes_no.data(yes_no.index(0, 1)) == "材料真实性"
    assert yes_no.data(yes_no.index(0, 2)) == "Veto"
    assert isinstance(yes_no.data(yes_no.index(0, 0), ItemRole), YesNoItem)
    eligibility = EligibilityModel(standard, lang="en")
    assert eligibility.rowCount() == 5
    assert eligibility.data(eligibility.index(0, 1)) == "The park was founded at least 2 years ago"
    assert isinstance(eligibility.item(eligibility.index(4, 0)), EligibilityItem)

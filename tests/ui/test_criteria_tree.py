"""One tree base and one role enum for the two indicator trees (the criteria browser, the scoring tree)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt

from reviewer.standards import load_standard
from reviewer.ui.models import criteria_model, scoring_model
from reviewer.ui.models.criteria_model import CriteriaModel
from reviewer.ui.models.criteria_tree import CriterionTreeModel, TreeRole
from reviewer.ui.models.scoring_model import ScoringModel


def test_both_trees_share_the_base_and_the_roles() -> None:
    assert issubclass(CriteriaModel, CriterionTreeModel) and issubclass(ScoringModel, CriterionTreeModel)
    assert criteria_model.CriterionRole is scoring_model.CriterionRole is TreeRole.CRITERION
    assert scoring_model.CodeRole is TreeRole.CODE
    assert len({int(role) for role in TreeRole}) == len(TreeRole)
    assert min(TreeRole) > Qt.ItemDataRole.UserRole


@pytest.mark.parametrize("make", [lambda s: CriteriaModel(s, lang="en"), ScoringModel])
def test_every_node_answers_the_tree_roles(make, park_standard_path, qtmodeltester) -> None:
    model = make(load_standard(park_standard_path))
    qtmodeltester.check(model, force_py=True)

    def walk(parent: QModelIndex) -> int:
        seen = 0
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            criterion = index.data(TreeRole.CRITERION)
            assert index.data(TreeRole.CODE) == criterion.code == index.data(Qt.ItemDataRole.DisplayRole)
            assert model.index_of(criterion.code) == index
            assert model.criterion(index) is criterion
            seen += 1 + walk(index)
        return seen

    assert walk(QModelIndex()) > 19
    assert model.index_of("no such code") == QModelIndex()
    assert model.index(0, model.COLUMNS) == QModelIndex()

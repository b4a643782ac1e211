"""The standard at a glance: a header with what it is, then its indicators and checklists.

Tabs: the indicator tree (scored), the yes/no items (vetoes and gates) and the eligibility
conditions. Selecting a row emits :attr:`CriteriaPanel.selected` with the domain object, so a
details panel can follow without knowing these views.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reviewer import i18n
from reviewer.standards.model import Standard
from reviewer.ui import labels, palette
from reviewer.ui.fitted_tree import FittedTreeView
from reviewer.ui.models.checklist_models import EligibilityModel, YesNoItemsModel
from reviewer.ui.models.criteria_model import CODE, EVIDENCE, POINTS, STEP, TITLE, CriteriaModel

SAMPLE_STYLE = (
    f"QLabel {{ background: {palette.SAMPLE_BADGE}; color: white; font-weight: bold; padding: 2px 8px; "
    "border-radius: 3px; }"
)


class StandardHeader(QWidget):
    """Title, identity, kind and size of the standard, and the SAMPLE badge when it is one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._standard: Standard | None = None
        self.title = QLabel(objectName="standardTitle")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sample_badge = QLabel(objectName="sampleBadge")
        self.sample_badge.setStyleSheet(SAMPLE_STYLE)
        self.identity = QLabel(objectName="standardIdentity")
        self.totals = QLabel(objectName="standardTotals")
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.sample_badge, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.addLayout(top)
        layout.addWidget(self.identity)
        layout.addWidget(self.totals)
        self.retranslate()

    def set_standard(self, standard: Standard | None) -> None:
        self._standard = standard
        self.retranslate()

    def retranslate(self) -> None:
        s = self._standard
        self.sample_badge.setText(self.tr("SAMPLE"))
        self.sample_badge.setToolTip(
            self.tr("A sample standard for trying the app, not the official indicator system")
        )
        self.sample_badge.setVisible(bool(s and s.sample))
        if s is None:
            self.title.setText(self.tr("No standard open"))
            self.identity.clear()
            self.totals.clear()
            return
        lang = i18n.language()
        self.title.setText(s.title.text(lang))
        self.identity.setText(
            self.tr("{id} · version {version} · {kind} · {candidate}").format(
                id=s.id,
                version=s.version,
                kind=labels.kind_name(s.kind),
                candidate=labels.candidate_name(s.candidate_type),
            )
        )
        self.totals.setText(
            self.tr("{top} indicators · {leaves} scored items · {total} points in all").format(
                top=len(s.criteria), leaves=len(s.leaves()), total=labels.number(s.total_points)
            )
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _tree_view(model: CriteriaModel) -> QTreeView:
    view = FittedTreeView(objectName="criteriaTree")
    view.setModel(model)
    view.setAlternatingRowColors(True)
    view.setUniformRowHeights(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    header = view.header()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
    for column in (CODE, POINTS, STEP, EVIDENCE):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    return view


def _table_view(model: Any, name: str, stretch: int) -> QTableView:
    view = QTableView(objectName=name)
    view.setModel(model)
    view.setAlternatingRowColors(True)
    view.setWordWrap(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.verticalHeader().setVisible(False)
    header = view.horizontalHeader()
    for column in range(model.columnCount()):
        mode = (
            QHeaderView.ResizeMode.Stretch if column == stretch else QHeaderView.ResizeMode.ResizeToContents
        )
        header.setSectionResizeMode(column, mode)
    return view


class CriteriaPanel(QWidget):
    """Header plus tabs over the standard's indicators, yes/no items and eligibility conditions."""

    selected = Signal(object)  # a Criterion, YesNoItem, EligibilityItem, or None (hence object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header = StandardHeader()
        self.criteria_model = CriteriaModel(parent=self)
        self.yes_no_model = YesNoItemsModel(parent=self)
        self.eligibility_model = EligibilityModel(parent=self)
        self.tree = _tree_view(self.criteria_model)
        self.yes_no_view = _table_view(self.yes_no_model, "yesNoTable", stretch=1)
        self.eligibility_view = _table_view(self.eligibility_model, "eligibilityTable", stretch=1)
        self.tabs = QTabWidget(objectName="criteriaTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.tree, "")
        self.tabs.addTab(self.yes_no_view, "")
        self.tabs.addTab(self.eligibility_view, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.tabs, 1)
        for view, role_of in (
            (self.tree, self.criteria_model.criterion),
            (self.yes_no_view, self.yes_no_model.item),
            (self.eligibility_view, self.eligibility_model.item),
        ):
            view.selectionModel().selectionChanged.connect(
                lambda sel, _old, item_of=role_of: self._on_selection(sel, item_of)
            )
        self.tabs.currentChanged.connect(self._on_tab)
        self.retranslate()

    def set_standard(self, standard: Standard | None) -> None:
        self.header.set_standard(standard)
        for model in (self.criteria_model, self.yes_no_model, self.eligibility_model):
            model.set_standard(standard)
        self.tree.expandAll()
        self.tabs.setCurrentIndex(0)
        self._name_tabs()  # the models already speak the current language: no need to repaint them
        self.selected.emit(None)

    def select_code(self, code: str) -> bool:
        """Select the indicator with ``code`` in the tree; False if the standard has none."""
        index = self.criteria_model.index_of(code)
        if not index.isValid():
            return False
        self.tabs.setCurrentWidget(self.tree)
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)
        return True

    def _on_selection(self, selection: QItemSelection, item_of: Any) -> None:
        indexes = selection.indexes()
        self.selected.emit(item_of(indexes[0]) if indexes else None)

    def _on_tab(self, _index: int) -> None:
        view = self.tabs.currentWidget()
        if isinstance(view, QAbstractItemView):
            current: QModelIndex = view.currentIndex()
            model = view.model()
            item_of: Callable[[QModelIndex], Any]
            if model is self.criteria_model:
                item_of = self.criteria_model.criterion
            else:
                assert isinstance(model, YesNoItemsModel | EligibilityModel)  # the other tabs' models
                item_of = model.item
            self.selected.emit(
                item_of(current) if current.isValid() and view.selectionModel().hasSelection() else None
            )

    def retranslate(self) -> None:
        lang = i18n.language()
        for model in (self.criteria_model, self.yes_no_model, self.eligibility_model):
            model.set_language(lang)
        self._name_tabs()
        self.tabs.setAccessibleName(self.tr("Items of the standard"))
        self.tree.setAccessibleName(self.tr("Indicators"))
        self.yes_no_view.setAccessibleName(self.tr("Yes/no items"))
        self.eligibility_view.setAccessibleName(self.tr("Eligibility"))

    def _name_tabs(self) -> None:
        standard = self.criteria_model.standard
        counts = (
            len(standard.criteria) if standard else 0,
            len(standard.yes_no) if standard else 0,
            len(standard.eligibility) if standard else 0,
        )
        names = (self.tr("Indicators ({n})"), self.tr("Yes/no items ({n})"), self.tr("Eligibility ({n})"))
        for tab, (name, n) in enumerate(zip(names, counts, strict=True)):
            self.tabs.setTabText(tab, name.format(n=n))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

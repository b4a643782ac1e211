"""年度评估 tab: the annual cohort evaluation of one year and type.

Pick the year and the type; the stored evaluation of that year (the published one, else the newest
draft) is shown. 评估 ranks the year's title holders on a worker and keeps a new draft; 发布 asks first
(it records the stars as the year's ratings, and a year is published once); 导出 writes the 公示 list
or the 通告 as PDF or XLSX. The work is :mod:`reviewer.app.ministry_cohort`'s.
"""

from __future__ import annotations

from datetime import UTC, datetime
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reviewer.app import ministry_cohort as ops
from reviewer.i18n import beijing, beijing_date, language
from reviewer.ui.dialogs import errors
from reviewer.ui.models.ministry_models import GREEN, RED, _Table
from reviewer.ui.panels.ministry import asks
from reviewer.ui.panels.ministry.desk_state import MinistryDesk
from reviewer.ui.tasks import Task

if TYPE_CHECKING:
    from pathlib import Path

    from reviewer.ministry.cohort import CohortRow
    from reviewer.ministry.cohort_store import StoredCohort

STARS = {3: "★★★", 2: "★★", 1: "★"}


class CohortModel(_Table):
    """The rows of a cohort evaluation, in list order."""

    def headers(self) -> list[str]:
        return [
            self.tr("Rank"),
            self.tr("Name"),
            self.tr("Objective"),
            self.tr("Expert"),
            self.tr("Total"),
            self.tr("Stars"),
            self.tr("Note"),
        ]

    def cell(self, row: CohortRow, column: int) -> str:
        values: list[Any] = [
            "" if row.rank is None else row.rank,
            row.name,
            row.objective,
            row.expert,
            row.total,
            STARS[row.stars],
            row.note_text("en" if language() == "en" else "zh"),
        ]
        value = values[column]
        return "" if value is None else str(value)

    def colour(self, row: CohortRow, column: int) -> QBrush | None:
        if column == 5:
            return GREEN if row.stars == 3 else RED if row.stars == 1 else None
        return None


class CohortPage(QWidget):
    def __init__(self, desk: MinistryDesk, year: int | None = None) -> None:
        super().__init__()
        self.desk = desk
        self.stored: StoredCohort | None = None
        self.year = QSpinBox(minimum=2000, maximum=2100, objectName="cohortYear")
        self.year.setValue(year or int(beijing_date(datetime.now(UTC))[:4]) - 1)  # last year's
        self.type = QComboBox(objectName="cohortType")
        self.type.addItems(["", ""])
        self.kind = QComboBox(objectName="cohortKind")
        self.kind.addItems(["", ""])
        self.year_label, self.type_label = QLabel(), QLabel()
        self.year_label.setBuddy(self.year)
        self.type_label.setBuddy(self.type)
        self.evaluate_button = QPushButton(clicked=self.evaluate)
        self.publish_button = QPushButton(clicked=self.publish, enabled=False)
        self.export_button = QPushButton(clicked=self.export, enabled=False)
        self.state = QLabel(wordWrap=True, objectName="cohortState")
        self.model = CohortModel()
        self.table = QTableView(objectName="cohortTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        top = QHBoxLayout()
        for w in (self.year_label, self.year, self.type_label, self.type):
            top.addWidget(w)
        top.addStretch(1)
        for w in (self.evaluate_button, self.publish_button, self.kind, self.export_button):
            top.addWidget(w)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.state)
        layout.addWidget(self.table, 1)
        self.year.valueChanged.connect(self.refresh)
        self.type.currentIndexChanged.connect(self.refresh)
        self.kind.currentIndexChanged.connect(self._state)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.year_label.setText(self.tr("Year"))
        self.type_label.setText(self.tr("Type"))
        self.type.setItemText(0, self.tr("Famous cities"))
        self.type.setItemText(1, self.tr("Famous parks"))
        self.kind.setItemText(0, self.tr("Notice"))
        self.kind.setItemText(1, self.tr("Publicity list"))
        self.evaluate_button.setText(self.tr("Evaluate"))
        self.publish_button.setText(self.tr("Publish…"))
        self.export_button.setText(self.tr("Export…"))
        self.kind.setAccessibleName(self.tr("Document to export"))

        self.export_button.setToolTip(
            self.tr(
                "The notice is written from a published evaluation only; a draft's publicity list is "
                "marked draft."
            )
        )
        self.table.setAccessibleName(self.tr("Ranked title holders"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1)
        self._state()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _type(self) -> str:
        return ("city", "park")[self.type.currentIndex()]

    def _kind(self) -> str:
        return ("notice", "publicity")[self.kind.currentIndex()]

    def _state(self) -> None:
        s = self.stored
        if s is None:
            self.state.setText(self.tr("No evaluation of this year yet: press Evaluate."))
        elif s.status == "published" and s.published_at is not None:
            self.state.setText(
                self.tr("Version {v}, published {at}: the stars are the year's ratings.").format(
                    v=s.version, at=beijing(s.published_at)
                )
            )
        else:
            counts = {n: len(s.result.by_stars(n)) for n in (3, 2, 1)}
            self.state.setText(
                self.tr("Draft version {v}, evaluated {at}: ★★★ {a}, ★★ {b}, ★ {c}.").format(
                    v=s.version, at=beijing(s.created_at), a=counts[3], b=counts[2], c=counts[1]
                )
            )
        self.publish_button.setEnabled(s is not None and s.status == "draft")
        # the 通告 only from a published evaluation; a draft's 公示 list is marked 草稿
        self.export_button.setEnabled(
            s is not None and (s.status == "published" or self._kind() == "publicity")
        )

    def _show(self, stored: StoredCohort | None) -> None:
        self.stored = stored
        self.model.set_rows(list(stored.result.rows) if stored else [])
        self._state()

    def refresh(self) -> None:
        """Read the stored evaluation of the chosen year and type (on a worker)."""
        reg, year, type_ = self.desk.registry, self.year.value(), self._type()
        Task(self, lambda _p: ops.current(reg, year, type_), self.desk.executor).on_success(self._show).run()

    def evaluate(self) -> None:
        reg, year, type_ = self.desk.registry, self.year.value(), self._type()
        self.evaluate_button.setEnabled(False)
        Task(self, lambda _p: ops.evaluate(reg, year, type_), self.desk.executor, writes=True).on_success(
            self._evaluated
        ).on_failure(self._failed).run()

    def _evaluated(self, stored: StoredCohort) -> None:
        self.evaluate_button.setEnabled(True)
        self._show(stored)

    def _failed(self, exc: BaseException) -> None:
        self.evaluate_button.setEnabled(True)
        errors.report(self, exc)

    def publish(self) -> None:
        s = self.stored
        if s is None or s.status != "draft":
            return
        counts = {n: len(s.result.by_stars(n)) for n in (3, 2, 1)}
        if not errors.confirm(
            self,
            self.tr("Publish the annual evaluation"),
            self.tr(
                "The stars of version {v} become the ratings of {year} in the registry: ★★★ {a}, "
                "★★ {b}, ★ {c}. One star warns a title holder; a second one-star year in a row "
                "means exit.\n\nA year is published once: this cannot be undone."
            ).format(v=s.version, year=s.result.year, a=counts[3], b=counts[2], c=counts[1]),
            self.tr("Publish"),
        ):
            return
        reg, year, type_ = self.desk.registry, s.result.year, s.result.type
        Task(self, lambda _p: ops.publish(reg, year, type_), self.desk.executor, writes=True).on_success(
            self._published
        ).on_failure(partial(errors.report, self)).run()

    def _published(self, stored: StoredCohort) -> None:
        self._show(stored)
        self.desk.registry_changed.emit()

    def export(self) -> None:
        s = self.stored
        if s is None:
            return
        kind = self._kind()
        name = f"{s.result.year}-{s.result.type}-{kind}.pdf"
        out = asks.save_file(self, self.tr("Export"), name, self.tr("PDF (*.pdf);;Excel workbook (*.xlsx)"))
        if out is None:
            return
        target = out if out.suffix.lower() in (".pdf", ".xlsx") else out.with_suffix(".pdf")
        reg, year, type_ = self.desk.registry, s.result.year, s.result.type
        Task(self, lambda _p: ops.export(reg, year, type_, kind, target), self.desk.executor).on_success(
            self._exported
        ).on_failure(partial(errors.report, self)).run()

    def _exported(self, path: Path) -> None:
        self.state.setText(self.tr("Written to {path}").format(path=str(path)))

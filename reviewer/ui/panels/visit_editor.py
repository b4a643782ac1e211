"""The site visit as the record shows it (实地考察): its first and last day and the place.

The editor only collects the values; the chair panel turns them into a
:class:`~reviewer.scoring.decisions.VisitInfo` and records it like every other decision. Once a
signature on the record fixes the decisions, :meth:`VisitEditor.set_locked` makes it read-only.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QDate, QEvent, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from reviewer.scoring.decisions import VisitInfo

MAX_DAYS = 31  # a visit longer than a month is a typing mistake


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _date(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class VisitEditor(QGroupBox):
    visit_saved = Signal(tuple, str)  # ISO dates (every day from first to last), place

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("visitEditor")
        self.first = QDateEdit(objectName="visitFirst", calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.last = QDateEdit(objectName="visitLast", calendarPopup=True, displayFormat="yyyy-MM-dd")
        today = QDate.currentDate()
        self.first.setDate(today)
        self.last.setDate(today)
        self.place = QLineEdit(objectName="visitPlace")
        self.save_button = QPushButton(objectName="saveVisit")
        self.saved = QLabel(objectName="visitSaved", wordWrap=True)
        self._labels = [QLabel(), QLabel(), QLabel()]
        self.locked = ""
        self._visit: VisitInfo | None = None
        self._said: Callable[[], str | None] | None = None
        # two rows (the days and the place side by side): the record page below keeps its height at 700 px
        grid = QGridLayout(self)
        for column, (label, field) in enumerate(
            zip(self._labels, (self.first, self.last, self.place), strict=True)
        ):
            label.setBuddy(field)
            grid.addWidget(label, 0, 2 * column)
            grid.addWidget(field, 0, 2 * column + 1)
        grid.setColumnStretch(5, 1)
        row = QHBoxLayout()
        row.addWidget(self.saved, 1)
        row.addWidget(self.save_button)
        grid.addLayout(row, 1, 0, 1, 6)
        self.first.dateChanged.connect(self._first_changed)
        self.save_button.clicked.connect(self._save)
        self.retranslate()

    def show_visit(self, visit: VisitInfo | None) -> None:
        self._visit = visit
        if visit is not None and visit.dates:
            days = visit.days
            self.first.setDate(_qdate(days[0]))
            self.last.setDate(_qdate(days[-1]))
            self.place.setText(visit.place)
        self._say(self._visit_status)

    def _visit_status(self) -> str:
        visit = self._visit
        if visit is None or not visit.dates:
            return self.tr("Not entered yet: the record needs the visit's dates and place.")
        return self.tr("Saved: {days} day(s), {place}.").format(days=len(visit.days), place=visit.place)

    def _say(self, text: Callable[[], str | None]) -> None:
        """Show ``text()`` under the form, and again in the new language after a switch."""
        self._said = text
        self.saved.setText(text() or "")

    def set_locked(self, reason: str) -> None:
        """Read-only while ``reason`` says why ("": editable again); the reason is the tooltip."""
        self.locked = reason
        for edit in (self.first, self.last):
            edit.setReadOnly(bool(reason))
        self.place.setReadOnly(bool(reason))
        self.save_button.setEnabled(not reason)
        self.setToolTip(reason)

    def set_values(self, first: date, last: date, place: str) -> None:
        self.first.setDate(_qdate(first))
        self.last.setDate(_qdate(last))
        self.place.setText(place)

    def problem(self) -> str | None:
        first, last = _date(self.first.date()), _date(self.last.date())
        if last < first:
            return self.tr("The last day of the visit is before its first day.")
        if (last - first).days >= MAX_DAYS:
            return self.tr("A visit of more than {n} days: check the dates.").format(n=MAX_DAYS)
        if not self.place.text().strip():
            return self.tr("Enter where the visit took place.")
        return None

    def _first_changed(self, value: QDate) -> None:
        if self.last.date() < value:
            self.last.setDate(value)

    def _save(self) -> None:
        if self.locked:
            return
        problem = self.problem()
        if problem:
            self._say(self.problem)
            return
        first, last = _date(self.first.date()), _date(self.last.date())
        days = tuple((first + timedelta(days=n)).isoformat() for n in range((last - first).days + 1))
        self.visit_saved.emit(days, self.place.text().strip())

    def retranslate(self) -> None:
        self.setTitle(self.tr("Site visit"))
        for label, text in zip(
            self._labels, (self.tr("First day"), self.tr("Last day"), self.tr("Place")), strict=True
        ):
            label.setText(text)
        self.place.setPlaceholderText(self.tr("e.g. the park's management committee, Nanjing, Jiangsu"))
        self.save_button.setText(self.tr("Save the visit"))
        if self._said is not None:
            self.saved.setText(self._said() or "")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

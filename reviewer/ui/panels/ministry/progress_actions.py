"""The registry page's progress reports and priority flags: "Record progress report…" (a file and the
due period it answers) and "Priority flags…" (set or clear one, citing its source), and the overdue
marks in the candidates table — the GUI face of ``reviewer ministry progress`` and ``ministry flag``.

The dialogs only collect what the person decides; reading and writing run on a worker
(:mod:`reviewer.app.ministry_progress`), and every page reads the registry again afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QObject
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reviewer.app import ministry_progress as ops
from reviewer.i18n import beijing_date
from reviewer.ministry.report_tables import language
from reviewer.ui.dialogs import errors
from reviewer.ui.panels.ministry import asks
from reviewer.ui.tasks import Task

if TYPE_CHECKING:
    from reviewer.ministry.progress import ProgressDue, ProgressReport
    from reviewer.ui.panels.ministry.registry_page import RegistryPage


@dataclass(frozen=True)
class ProgressChoice:
    file: Path
    due: date
    received: date


@dataclass(frozen=True)
class FlagChange:
    code: str
    set: bool
    source: str
    source_date: date
    note: str


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(edit: QDateEdit) -> date:
    d = edit.date()
    return date(d.year(), d.month(), d.day())


def _date_edit(day: date, name: str) -> QDateEdit:
    edit = QDateEdit(_qdate(day), objectName=name, calendarPopup=True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class RecordProgressDialog(QDialog):
    """A received progress report: the file (hashed, not copied), the due period, the day received."""

    def __init__(self, view: ops.ProgressView, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="recordProgressDialog")
        self.setWindowTitle(self.tr("Record a progress report"))
        self.setMinimumWidth(520)
        intro = QLabel(
            self.tr(
                "A creation progress report of “{name}”. The file is not copied: the registry keeps its "
                "name and SHA-256."
            ).format(name=view.name),
            wordWrap=True,
        )
        self.file = QLineEdit(objectName="progressFile")
        self.choose = QPushButton(self.tr("&Choose…"), objectName="chooseProgressFile", clicked=self._choose)
        row = QHBoxLayout()
        row.addWidget(self.file, 1)
        row.addWidget(self.choose)
        self.due = QComboBox(objectName="progressDue")
        for d in view.dues:
            self.due.addItem(f"{d.due.isoformat()} — {self._state(d)}", d.due)
        first_open = next((i for i, d in enumerate(view.dues) if d.received is None), 0)
        self.due.setCurrentIndex(first_open)
        self.received = _date_edit(view.today, "progressReceived")
        self.received.setMaximumDate(_qdate(view.today))
        form = QFormLayout()
        for text, field in (
            (self.tr("&File:"), row),
            (self.tr("&Due period:"), self.due),
            (self.tr("&Received on (Beijing):"), self.received),
        ):
            label = QLabel(text)
            label.setBuddy(self.file if field is row else field)  # type: ignore[arg-type]
            form.addRow(label, field)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Record…"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.file.textChanged.connect(self._check)
        self._check()
        self.file.setFocus()

    def _state(self, d: ProgressDue) -> str:
        if d.overdue:
            return self.tr("overdue")
        if d.received is not None:
            return self.tr("received {day}").format(day=d.received.isoformat())
        return self.tr("not yet received")

    def _choose(self) -> None:
        path = asks.open_file(self, self.tr("Choose the progress report"), self.tr("All files (*)"))
        if path is not None:
            self.file.setText(str(path))

    def _check(self, *_: object) -> None:
        self.ok_button.setEnabled(bool(self.file.text().strip()) and self.due.count() > 0)

    def value(self) -> ProgressChoice:
        return ProgressChoice(Path(self.file.text().strip()), self.due.currentData(), _pydate(self.received))


class FlagsDialog(QDialog):
    """Set or clear one priority flag of a candidate, citing its source (a document number or URL)."""

    def __init__(self, view: ops.FlagsView, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="flagsDialog")
        self.setWindowTitle(self.tr("Priority flags"))
        self.setMinimumWidth(560)
        self.view = view
        intro = QLabel(
            self.tr("Priority flags of “{name}” set by the ministry, each with its source.").format(
                name=view.name
            ),
            wordWrap=True,
        )
        self.flag = QComboBox(objectName="flagChoice")
        for f in view.flags:
            self.flag.addItem(f.label_en if language() == "en" else f.label_zh, f.code)
        self.state = QLabel(wordWrap=True, objectName="flagState")
        self.source = QLineEdit(objectName="flagSource")
        self.source.setPlaceholderText(self.tr("document number (文号) or URL"))
        self.source_date = _date_edit(today, "flagSourceDate")
        self.note = QLineEdit(objectName="flagNote")
        form = QFormLayout()
        for text, field in (
            (self.tr("&Flag:"), self.flag),
            (self.tr("&Source:"), self.source),
            (self.tr("Source &date:"), self.source_date),
            (self.tr("&Note:"), self.note),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.state)
        layout.addWidget(self.buttons)
        self.flag.currentIndexChanged.connect(self._check)
        self.source.textChanged.connect(self._check)
        self._check()
        self.flag.setFocus()

    def _current(self) -> ops.FlagChoice | None:
        code = self.flag.currentData()
        return next((f for f in self.view.flags if f.code == code), None)

    def _check(self, *_: object) -> None:
        f = self._current()
        fact = f.set_by if f else None
        if fact is None:
            self.state.setText(self.tr("Not set."))
            self.ok_button.setText(self.tr("Set the flag…"))
        else:
            self.state.setText(
                self.tr("Set since {day}, source: {source} ({date}), recorded by {who}.").format(
                    day=beijing_date(fact.recorded_at),
                    source=fact.source,
                    date=fact.source_date.isoformat(),
                    who=fact.recorded_by,
                )
            )
            self.ok_button.setText(self.tr("Clear the flag…"))
        self.ok_button.setEnabled(f is not None and bool(self.source.text().strip()))

    def value(self) -> FlagChange:
        f = self._current()
        assert f is not None  # OK is enabled only with a flag chosen
        return FlagChange(
            f.code,
            f.set_by is None,
            self.source.text().strip(),
            _pydate(self.source_date),
            self.note.text().strip(),
        )


class ProgressActions(QObject):
    """The two buttons on the registry page and what they do; the overdue marks of its table."""

    def __init__(self, page: RegistryPage) -> None:
        super().__init__(page)
        self.page = page
        self.record_button = QPushButton(objectName="recordProgress", clicked=self.record)
        self.flags_button = QPushButton(objectName="priorityFlags", clicked=self.flags)

    def retranslate(self) -> None:
        self.record_button.setText(self.tr("Record progress report…"))
        self.flags_button.setText(self.tr("Priority flags…"))

    def refresh(self) -> None:
        """Mark the candidates with overdue progress reports (read on a worker)."""
        reg = self.page.desk.registry
        Task(self.page, lambda _p: ops.overdue_counts(reg), self.page.desk.executor).on_success(
            self.page.model.set_overdue
        ).run()

    def _name(self) -> str | None:
        name = self.page.selected_name()
        if name is None:
            errors.show_error(self.page, self.tr("Reviewer"), self.tr("Choose a candidate first."))
        return name

    def record(self) -> None:
        name = self._name()
        if name is None:
            return
        reg = self.page.desk.registry
        Task(self.page, lambda _p: ops.progress_view(reg, name), self.page.desk.executor).on_success(
            self._ask_report
        ).on_failure(partial(errors.report, self.page)).run()

    def _ask_report(self, view: ops.ProgressView) -> None:
        if view.status != "creating" or not view.dues:
            errors.show_error(
                self.page,
                self.tr("Reviewer"),
                self.tr("“{name}” is not creating: it owes no progress reports.").format(name=view.name),
            )
            return
        choice = asks.progress_report(self.page, view)
        if choice is None:
            return
        what = self.tr(
            "The report {file} of “{name}” due {due}, received {received}, will be recorded. "
            "This cannot be undone."
        ).format(file=choice.file.name, name=view.name, due=choice.due.isoformat(),
                 received=choice.received.isoformat())  # fmt: skip
        if not errors.confirm(self.page, self.tr("Record a progress report"), what, self.tr("Record")):
            return
        reg = self.page.desk.registry
        Task(
            self.page,
            lambda _p: ops.record_report(reg, view.name, choice.file, choice.due, choice.received),
            self.page.desk.executor,
            writes=True,
        ).on_success(self._recorded).on_failure(partial(errors.report, self.page)).run()

    def _recorded(self, report: ProgressReport) -> None:
        self.page.decision.setText(
            self.tr("Recorded the progress report of “{name}” due {due} (SHA-256 {sha}…).").format(
                name=report.candidate, due=report.period_due.isoformat(), sha=report.sha256[:16]
            )
        )
        self.page.desk.registry_changed.emit()

    def flags(self) -> None:
        name = self._name()
        if name is None:
            return
        reg = self.page.desk.registry
        Task(self.page, lambda _p: ops.flags_view(reg, name), self.page.desk.executor).on_success(
            self._ask_flag
        ).on_failure(partial(errors.report, self.page)).run()

    def _ask_flag(self, view: ops.FlagsView) -> None:
        if not view.flags:
            errors.show_error(self.page, self.tr("Reviewer"), self.tr("No priority flag applies to “{name}”.").format(name=view.name))  # fmt: skip
            return
        change = asks.flag_change(self.page, view)
        if change is None:
            return
        label = next(
            f.label_en if language() == "en" else f.label_zh for f in view.flags if f.code == change.code
        )
        if change.set:
            what = self.tr("“{name}” will carry the flag “{flag}” (source: {source}).")
        else:
            what = self.tr("The flag “{flag}” of “{name}” will be cleared (source: {source}).")
        what = (
            what.format(name=view.name, flag=label, source=change.source)
            + " "
            + self.tr("The registry keeps this in the flag's history.")
        )
        if not errors.confirm(self.page, self.tr("Priority flags"), what, self.tr("Save")):
            return
        reg = self.page.desk.registry
        Task(
            self.page,
            lambda _p: ops.change_flag(
                reg,
                view.name,
                change.code,
                set=change.set,
                source=change.source,
                source_date=change.source_date,
                note=change.note,
            ),
            self.page.desk.executor,
            writes=True,
        ).on_success(lambda _flags: self._flag_saved(view.name, label, change.set)).on_failure(
            partial(errors.report, self.page)
        ).run()

    def _flag_saved(self, name: str, label: str, was_set: bool) -> None:
        text = (
            self.tr("“{name}” now carries “{flag}”.")
            if was_set
            else self.tr("“{name}” no longer carries “{flag}”.")
        )
        self.page.decision.setText(text.format(name=name, flag=label))
        self.page.desk.registry_changed.emit()

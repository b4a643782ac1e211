"""The registry page's lifecycle steps: "Paper check…" (the rules' checklist, passed or not),
"Third-party report…" (a park's application: the institution and its report file) and "Open the
publicity…" (start date, a length in working or calendar days or an end date, the end shown as it is
computed) — the GUI face of ``reviewer ministry paper-check``, ``third-party`` and ``publicity open``.

The dialogs only collect what the person decides; reading and writing run on a worker
(:mod:`reviewer.app.ministry_lifecycle`), and every page reads the registry again afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QObject
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from reviewer.app import ministry_lifecycle as ops
from reviewer.errors import ReviewerError
from reviewer.ministry.report_tables import language
from reviewer.ui.dialogs import errors
from reviewer.ui.panels.ministry import asks
from reviewer.ui.tasks import Task

if TYPE_CHECKING:
    from reviewer.ministry.rules import ChecklistItem
    from reviewer.ministry.types import PublicityEntry
    from reviewer.ui.panels.ministry.registry_page import RegistryPage


@dataclass(frozen=True)
class PaperCheckAnswer:
    answers: dict[str, bool]
    passed: bool
    note: str


@dataclass(frozen=True)
class ThirdPartyChoice:
    institution: str
    file: Path


@dataclass(frozen=True)
class PublicityDates:
    start: date
    length: int | None
    unit: str | None
    end: date | None


def _words(item: ChecklistItem) -> str:
    return item.en if language() == "en" else item.zh


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(edit: QDateEdit) -> date:
    d = edit.date()
    return date(d.year(), d.month(), d.day())


def _date_edit(day: date, name: str) -> QDateEdit:
    edit = QDateEdit(_qdate(day), objectName=name, calendarPopup=True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def _buttons(dialog: QDialog, ok_text: str, cancel_text: str) -> tuple[QDialogButtonBox, QPushButton]:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    ok = box.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(ok_text)
    box.button(QDialogButtonBox.StandardButton.Cancel).setText(cancel_text)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box, ok


class PaperCheckDialog(QDialog):
    """The ministry's paper check of an application: every condition and document ticked or not."""

    def __init__(self, view: ops.LifecycleView, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="paperCheckDialog")
        self.setWindowTitle(self.tr("Paper check"))
        self.setMinimumWidth(560)
        intro = QLabel(
            self.tr(
                "The paper check of “{name}”'s application. Tick what is met; passing needs every item."
            ).format(name=view.name),
            wordWrap=True,
        )
        self.boxes: dict[str, QCheckBox] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        for title, items in (
            (self.tr("Eligibility"), view.eligibility),
            (self.tr("Documents received"), view.documents),
        ):
            group = QGroupBox(title)
            inner = QVBoxLayout(group)
            for item in items:
                box = QCheckBox(_words(item), objectName=f"check_{item.code}")
                box.toggled.connect(self._check)
                inner.addWidget(box)
                self.boxes[item.code] = box
            layout.addWidget(group)
        self.pass_choice = QRadioButton(self.tr("&Passed"), objectName="paperPassed")
        self.fail_choice = QRadioButton(self.tr("&Not passed: not admitted"), objectName="paperFailed")
        self.group = QButtonGroup(self)
        self.group.addButton(self.pass_choice)
        self.group.addButton(self.fail_choice)
        self.group.buttonToggled.connect(self._check)
        choices = QHBoxLayout()
        choices.addWidget(self.pass_choice)
        choices.addWidget(self.fail_choice)
        choices.addStretch(1)
        layout.addLayout(choices)
        self.note_label = QLabel(self.tr("N&ote (why it did not pass):"))
        self.note = QLineEdit(objectName="paperNote")
        self.note_label.setBuddy(self.note)
        self.note.textChanged.connect(self._check)
        layout.addWidget(self.note_label)
        layout.addWidget(self.note)
        self.state = QLabel(wordWrap=True, objectName="paperState")
        layout.addWidget(self.state)
        self.buttons, self.ok_button = _buttons(self, self.tr("Record…"), self.tr("Cancel"))
        layout.addWidget(self.buttons)
        self._check()

    def _check(self, *_: object) -> None:
        unmet = [code for code, box in self.boxes.items() if not box.isChecked()]
        if self.pass_choice.isChecked() and unmet:
            self.state.setText(self.tr("{n} item(s) not met: it cannot pass.").format(n=len(unmet)))
        else:
            self.state.setText("")
        failed = self.fail_choice.isChecked()
        ok = (self.pass_choice.isChecked() and not unmet) or (failed and bool(self.note.text().strip()))
        self.ok_button.setEnabled(ok)

    def value(self) -> PaperCheckAnswer:
        answers = {code: box.isChecked() for code, box in self.boxes.items()}
        return PaperCheckAnswer(answers, self.pass_choice.isChecked(), self.note.text().strip())


class ThirdPartyDialog(QDialog):
    """A third-party institution's report on a park's application: who, and the file (hashed)."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="thirdPartyDialog")
        self.setWindowTitle(self.tr("Third-party report"))
        self.setMinimumWidth(520)
        intro = QLabel(
            self.tr(
                "The report of a third-party institution on “{name}”'s application. The file is not "
                "copied: the registry keeps its name and SHA-256."
            ).format(name=name),
            wordWrap=True,
        )
        self.institution = QLineEdit(objectName="thirdPartyInstitution")
        self.file = QLineEdit(objectName="thirdPartyFile")
        self.choose = QPushButton(
            self.tr("&Choose…"), objectName="chooseThirdPartyFile", clicked=self._choose
        )
        row = QHBoxLayout()
        row.addWidget(self.file, 1)
        row.addWidget(self.choose)
        form = QFormLayout()
        institution_label = QLabel(self.tr("&Institution:"))
        institution_label.setBuddy(self.institution)
        file_label = QLabel(self.tr("&Report file:"))
        file_label.setBuddy(self.file)
        form.addRow(institution_label, self.institution)
        form.addRow(file_label, row)
        self.buttons, self.ok_button = _buttons(self, self.tr("Record…"), self.tr("Cancel"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.institution.textChanged.connect(self._check)
        self.file.textChanged.connect(self._check)
        self._check()
        self.institution.setFocus()

    def _choose(self) -> None:
        path = asks.open_file(self, self.tr("Choose the report"), self.tr("All files (*)"))
        if path is not None:
            self.file.setText(str(path))

    def _check(self, *_: object) -> None:
        self.ok_button.setEnabled(bool(self.institution.text().strip()) and bool(self.file.text().strip()))

    def value(self) -> ThirdPartyChoice:
        return ThirdPartyChoice(self.institution.text().strip(), Path(self.file.text().strip()))


class OpenPublicityDialog(QDialog):
    """The publicity's dates: a start and a length in working or calendar days, or an end date; the
    last day is computed from the working calendar as the person types (Beijing dates)."""

    def __init__(self, view: ops.LifecycleView, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="openPublicityDialog")
        self.setWindowTitle(self.tr("Open the publicity"))
        self.setMinimumWidth(520)
        self.view = view
        intro = QLabel(
            self.tr("The publicity of “{name}”: both the first and the last day count.").format(
                name=view.name
            ),
            wordWrap=True,
        )
        self.start = _date_edit(view.today, "publicityStart")
        self.by_length = QRadioButton(self.tr("&Length"), objectName="byLength")
        self.by_end = QRadioButton(self.tr("&End date"), objectName="byEnd")
        self.by_length.setChecked(True)
        self.length = QSpinBox(objectName="publicityLength", minimum=1, maximum=60)
        self.length.setValue(view.default_length)
        self.unit = QComboBox(objectName="publicityUnit")
        self.unit.addItem(self.tr("working days"), "working_days")
        self.unit.addItem(self.tr("calendar days"), "calendar_days")
        self.unit.setCurrentIndex(max(0, self.unit.findData(view.default_unit)))
        self.end = _date_edit(view.today, "publicityEnd")
        length_row = QHBoxLayout()
        length_row.addWidget(self.by_length)
        length_row.addWidget(self.length)
        length_row.addWidget(self.unit)
        length_row.addStretch(1)
        end_row = QHBoxLayout()
        end_row.addWidget(self.by_end)
        end_row.addWidget(self.end)
        end_row.addStretch(1)
        form = QFormLayout()
        start_label = QLabel(self.tr("&Start (Beijing):"))
        start_label.setBuddy(self.start)
        form.addRow(start_label, self.start)
        form.addRow(length_row)
        form.addRow(end_row)
        self.computed = QLabel(wordWrap=True, objectName="publicityComputed")
        self.buttons, self.ok_button = _buttons(self, self.tr("Open the publicity…"), self.tr("Cancel"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.computed)
        layout.addWidget(self.buttons)
        for signal in (
            self.start.dateChanged,
            self.end.dateChanged,
            self.length.valueChanged,
            self.unit.currentIndexChanged,
            self.by_length.toggled,
        ):
            signal.connect(self._update)
        self._update()
        self.start.setFocus()

    def _ends(self) -> date:
        if self.by_end.isChecked():
            return _pydate(self.end)
        return self.view.calendar.end_date(
            _pydate(self.start), self.length.value(), str(self.unit.currentData())
        )

    def _update(self, *_: object) -> None:
        by_length = self.by_length.isChecked()
        self.length.setEnabled(by_length)
        self.unit.setEnabled(by_length)
        self.end.setEnabled(not by_length)
        try:
            ends = self._ends()
        except ReviewerError as exc:  # e.g. a year the working calendar does not list
            self.computed.setText(str(exc))
            self.ok_button.setEnabled(False)
            return
        start = _pydate(self.start)
        if ends < start:
            self.computed.setText(self.tr("The end date is before the start."))
            self.ok_button.setEnabled(False)
            return
        self.computed.setText(
            self.tr("Publicity from {start} to {end} (Beijing time); it can be decided from {after}.").format(
                start=start.isoformat(),
                end=ends.isoformat(),
                after=date.fromordinal(ends.toordinal() + 1).isoformat(),
            )
        )
        self.ok_button.setEnabled(True)

    def value(self) -> PublicityDates:
        start = _pydate(self.start)
        if self.by_end.isChecked():
            return PublicityDates(start, None, None, _pydate(self.end))
        return PublicityDates(start, self.length.value(), str(self.unit.currentData()), None)


# --- the questions (monkeypatched in tests) ---------------------------------------------------
def ask_paper_check(parent: QWidget | None, view: ops.LifecycleView) -> PaperCheckAnswer | None:
    dialog = PaperCheckDialog(view, parent)
    return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None


def ask_third_party(parent: QWidget | None, name: str) -> ThirdPartyChoice | None:
    dialog = ThirdPartyDialog(name, parent)
    return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None


def ask_publicity_dates(parent: QWidget | None, view: ops.LifecycleView) -> PublicityDates | None:
    dialog = OpenPublicityDialog(view, parent)
    return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None


class LifecycleActions(QObject):
    """The three buttons on the registry page and what they do."""

    def __init__(self, page: RegistryPage) -> None:
        super().__init__(page)
        self.page = page
        self.paper_check_button = QPushButton(
            objectName="paperCheck", clicked=lambda: self._start(self._paper)
        )
        self.third_party_button = QPushButton(
            objectName="thirdPartyReport", clicked=lambda: self._start(self._third_party)
        )
        self.open_publicity_button = QPushButton(
            objectName="openPublicity", clicked=lambda: self._start(self._publicity)
        )

    def row(self, *more: QWidget) -> QHBoxLayout:
        """The buttons in a row, followed by ``more`` (the page's "Close the publicity…")."""
        layout = QHBoxLayout()
        for button in (self.paper_check_button, self.third_party_button, self.open_publicity_button, *more):
            layout.addWidget(button)
        layout.addStretch(1)
        return layout

    def retranslate(self) -> None:
        self.paper_check_button.setText(self.tr("Paper check…"))
        self.third_party_button.setText(self.tr("Third-party report…"))
        self.open_publicity_button.setText(self.tr("Open the publicity…"))

    def _start(self, then: object) -> None:
        """Read the selected candidate's stage on a worker, then ask."""
        name = self.page.selected_name()
        if name is None:
            errors.show_error(self.page, self.tr("Reviewer"), self.tr("Choose a candidate first."))
            return
        reg = self.page.desk.registry
        Task(self.page, lambda _p: ops.lifecycle_view(reg, name), self.page.desk.executor).on_success(
            then  # type: ignore[arg-type]
        ).on_failure(partial(errors.report, self.page)).run()

    def _refuse(self, text: str) -> None:
        errors.show_error(self.page, self.tr("Reviewer"), text)

    def _write(self, work: object, done: object) -> None:
        Task(self.page, work, self.page.desk.executor, writes=True).on_success(done).on_failure(  # type: ignore[arg-type]
            partial(errors.report, self.page)
        ).run()

    def _paper(self, view: ops.LifecycleView) -> None:
        if view.status != "applicant":
            self._refuse(
                self.tr("“{name}” has no application waiting for its paper check.").format(name=view.name)
            )
            return
        answer = ask_paper_check(self.page, view)
        if answer is None:
            return
        if answer.passed:
            what = self.tr("The application of “{name}” passes the paper check.").format(name=view.name)
        else:
            what = self.tr("The application of “{name}” does not pass: it is not admitted ({note}).").format(
                name=view.name, note=answer.note
            )
        what += " " + self.tr("This cannot be undone.")
        if not errors.confirm(self.page, self.tr("Paper check"), what, self.tr("Record")):
            return
        reg = self.page.desk.registry
        self._write(
            lambda _p: ops.paper_check(
                reg, view.name, answer.answers, passed=answer.passed, note=answer.note
            ),
            partial(self.page._decided, view.name),
        )

    def _third_party(self, view: ops.LifecycleView) -> None:
        if view.type != "park" or view.status != "applicant":
            self._refuse(self.tr("A third-party report belongs to a park's application under review."))
            return
        choice = ask_third_party(self.page, view.name)
        if choice is None:
            return
        what = self.tr(
            "The report {file} of {institution} on “{name}” will be recorded. This cannot be undone."
        ).format(file=choice.file.name, institution=choice.institution, name=view.name)
        if not errors.confirm(self.page, self.tr("Third-party report"), what, self.tr("Record")):
            return
        reg = self.page.desk.registry
        self._write(
            lambda _p: ops.attach_third_party(reg, view.name, choice.institution, choice.file),
            partial(self._recorded, view.name),
        )

    def _recorded(self, name: str, sha256: str) -> None:
        self.page.decision.setText(
            self.tr("Recorded the third-party report on “{name}” (SHA-256 {sha}…).").format(
                name=name, sha=sha256[:16]
            )
        )
        self.page.desk.registry_changed.emit()

    def _publicity(self, view: ops.LifecycleView) -> None:
        if view.publicity is None:
            self._refuse(self.tr("“{name}” has no result under publicity.").format(name=view.name))
            return
        dates = ask_publicity_dates(self.page, view)
        if dates is None:
            return
        reg = self.page.desk.registry
        self._write(
            lambda _p: ops.open_publicity(
                reg, view.name, dates.start, length=dates.length, unit=dates.unit, end=dates.end
            ),
            partial(self._opened, view.name),
        )

    def _opened(self, name: str, entry: PublicityEntry) -> None:
        self.page.decision.setText(
            self.tr("The publicity of “{name}” runs from {start} to {end}.").format(
                name=name, start=entry.starts.isoformat(), end=entry.ends.isoformat()
            )
        )
        self.page.desk.registry_changed.emit()

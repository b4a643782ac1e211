"""The registry's decisions from the desk: closing a candidate's publicity (公示) and registering an
existing candidate — the GUI face of ``reviewer ministry publicity`` and ``reviewer ministry register``.

The dialogs only collect what the person decides; the registry is written on the write lane
(:mod:`reviewer.app.ministry_desk`), and the page is refreshed from the desk's ``registry_changed``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from reviewer.ministry.engine import STATUS_LABELS
from reviewer.ministry.report_tables import language
from reviewer.ui.text_boxes import leave_with_tab

REGISTERABLE = ("creating", "awarded")


@dataclass(frozen=True)
class NewCandidate:
    name: str
    type: str
    province: str
    city: str
    year: int
    status: str


@dataclass(frozen=True)
class PublicityDecision:
    confirmed: bool
    reason: str  # the objection upheld (blank when confirmed)


def status_words(status: str) -> str:
    zh, en = STATUS_LABELS.get(status, (status, status))
    return en if language() == "en" else zh


class RegisterDialog(QDialog):
    """A candidate already in the programme (e.g. a city holding the title) entered by hand."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="registerDialog")
        self.setWindowTitle(self.tr("Register a candidate"))
        self.name = QLineEdit(objectName="candidateName")
        self.type = QComboBox(objectName="candidateType")
        self.type.addItem(self.tr("city"), "city")
        self.type.addItem(self.tr("park"), "park")
        self.province = QLineEdit(objectName="candidateProvince")
        self.city = QLineEdit(objectName="candidateCity")
        self.year = QSpinBox(objectName="candidateYear", minimum=2000, maximum=2100)
        self.year.setValue(date.today().year)
        self.status = QComboBox(objectName="candidateStatus")
        for key in REGISTERABLE:
            self.status.addItem(status_words(key), key)
        form = QFormLayout()
        rows = (
            (self.tr("&Name"), self.name),
            (self.tr("&Type"), self.type),
            (self.tr("&Province"), self.province),
            (self.tr("C&ity (for a park: the city it lies in)"), self.city),
            (self.tr("&Year"), self.year),
            (self.tr("&Status"), self.status),
        )
        for text, field in rows:
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Register"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.name.textChanged.connect(self._check)
        self._check()
        self.name.setFocus()

    def _check(self) -> None:
        self.ok_button.setEnabled(bool(self.name.text().strip()))

    def value(self) -> NewCandidate:
        return NewCandidate(
            self.name.text().strip(),
            str(self.type.currentData()),
            self.province.text().strip(),
            self.city.text().strip(),
            self.year.value(),
            str(self.status.currentData()),
        )


class PublicityDialog(QDialog):
    """Close a publicity: confirm (the title is awarded) or an objection upheld, with its reason."""

    def __init__(self, name: str, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="publicityDialog")
        self.setWindowTitle(self.tr("Close the publicity"))
        self.setMinimumWidth(460)
        intro = QLabel(
            self.tr("“{name}” is under publicity ({year}). How did the publicity end?").format(
                name=name, year=year
            ),
            wordWrap=True,
        )
        self.confirm_choice = QRadioButton(
            self.tr("&No objection: award the title"), objectName="confirmChoice"
        )
        self.objection_choice = QRadioButton(
            self.tr("An &objection was upheld: the candidate stays creating"), objectName="objectionChoice"
        )
        self.group = QButtonGroup(self)
        self.group.addButton(self.confirm_choice)
        self.group.addButton(self.objection_choice)
        self.reason_label = QLabel(self.tr("&Reason for the objection (kept in the registry):"))
        self.reason = leave_with_tab(QPlainTextEdit(objectName="objectionReason"))
        self.reason.setFixedHeight(90)
        self.reason_label.setBuddy(self.reason)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Close the publicity…"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.confirm_choice)
        layout.addWidget(self.objection_choice)
        layout.addWidget(self.reason_label)
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)
        self.group.buttonToggled.connect(self._check)
        self.reason.textChanged.connect(self._check)
        self._check()
        self.confirm_choice.setFocus(Qt.FocusReason.OtherFocusReason)

    def _check(self, *_: object) -> None:
        objection = self.objection_choice.isChecked()
        self.reason.setEnabled(objection)
        self.reason_label.setEnabled(objection)
        chosen = self.confirm_choice.isChecked() or (objection and bool(self.reason.toPlainText().strip()))
        self.ok_button.setEnabled(chosen)

    def value(self) -> PublicityDecision:
        confirmed = self.confirm_choice.isChecked()
        return PublicityDecision(confirmed, "" if confirmed else self.reason.toPlainText().strip())

"""The chair's decision dialogs: a consensus score, an expert's explanation, returning a sheet.

Each dialog validates before it closes (the core's rules: :func:`reviewer.scoring.entry.check_score`
for the value's range and step, a rationale or reason that is not empty) and shows what is wrong
in the dialog itself. :func:`run_dialog` is the one place a dialog is executed: tests monkeypatch it
to fill the fields and press OK, so the real validation runs.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from reviewer.errors import ReviewerError
from reviewer.scoring import entry
from reviewer.standards.model import Standard
from reviewer.ui import labels, palette
from reviewer.ui.text_boxes import leave_with_tab

ERROR_STYLE = f"QLabel {{ color: {palette.ERROR}; }}"
LOCK_STYLE = f"QLabel {{ color: {palette.WARNING}; font-weight: bold; }}"  # why something is read-only


def run_dialog(dialog: QDialog) -> bool:
    """Show ``dialog`` modally; True when accepted."""
    return dialog.exec() == QDialog.DialogCode.Accepted


def choose_return_path(parent: QWidget | None, suggested: str) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("files", "Save the return notice"),
        suggested,
        QCoreApplication.translate("files", "Return notices (*.rvreturn)"),
    )
    return Path(path) if path else None


class _Dialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.error = QLabel(objectName="dialogError", wordWrap=True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(520, 320)

    main_input: QWidget | None = None  # where the keyboard starts when the dialog opens (not on OK)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.main_input is not None and not event.spontaneous():
            self.main_input.setFocus()

    def refuse(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def problem(self) -> str | None:  # overridden: what stops the dialog from closing
        return None

    def accept(self) -> None:
        problem = self.problem()
        if problem:
            self.refuse(problem)
            return
        super().accept()


class ConsensusDialog(_Dialog):
    """A consensus score for one indicator: the value (range and step checked) and the rationale."""

    def __init__(
        self,
        parent: QWidget | None,
        standard: Standard,
        code: str,
        aggregate: Decimal | None,
        current: tuple[Decimal, str] | None = None,
        grounds: Sequence[tuple[str, str]] = (),
        ground: str = "",
    ) -> None:
        super().__init__(parent, self.tr("Consensus score"))
        self.setObjectName("consensusDialog")
        self._standard, self.code = standard, code
        leaf = standard.criterion(code)
        self.value_edit = QLineEdit(objectName="consensusValue")
        # the §64 grounds of the package's rules, (code, label in the current language)
        self.ground_box = QComboBox(objectName="consensusGround")
        for key, label in grounds:
            self.ground_box.addItem(label, key)
        self.ground_box.setCurrentIndex(self.ground_box.findData(ground or "extreme"))
        self.rationale_edit = leave_with_tab(QPlainTextEdit(objectName="consensusRationale"))
        self.rationale_edit.setPlaceholderText(
            self.tr("Why the panel departs from the computed aggregate (required)")
        )
        about = QLabel(
            self.tr("{code} {title}: {points} points, step {step}; computed aggregate {aggregate}.").format(
                code=code,
                title=leaf.title.text(),
                points=labels.number(leaf.points),
                step=labels.number(leaf.step) or "—",
                aggregate=labels.number(aggregate) or "—",
            ),
            wordWrap=True,
        )
        self.form.addRow(about)
        self.form.addRow(self.tr("Consensus score"), self.value_edit)
        self.form.addRow(self.tr("Ground"), self.ground_box)
        self.form.addRow(self.tr("Rationale"), self.rationale_edit)
        self.main_input = self.value_edit
        if current is not None:
            self.value_edit.setText(labels.number(current[0]))
            self.rationale_edit.setPlainText(current[1])
        self.value: Decimal | None = None

    @property
    def rationale(self) -> str:
        return self.rationale_edit.toPlainText().strip()

    @property
    def ground(self) -> str:
        return str(self.ground_box.currentData() or "")

    def problem(self) -> str | None:
        try:
            self.value = entry.check_score(self._standard, self.code, self.value_edit.text().strip())
        except ReviewerError as exc:
            return str(exc)
        if not self.rationale:
            return self.tr(
                "A consensus score that departs from the computed aggregate needs a written rationale."
            )
        if self.ground_box.count() and not self.ground:
            return self.tr("Choose the ground of the change.")
        return None


class ExplanationDialog(_Dialog):
    """An expert's written explanation of a divergent score, entered by the chair."""

    def __init__(self, parent: QWidget | None, expert: str, code: str, score: str, current: str = "") -> None:
        super().__init__(parent, self.tr("Explanation of a divergent score"))
        self.setObjectName("explanationDialog")
        self.text_edit = leave_with_tab(QPlainTextEdit(objectName="explanationText"))
        self.text_edit.setPlainText(current)
        self.form.addRow(
            QLabel(
                self.tr("{expert} gave {score} for {code}. Enter the expert's written explanation.").format(
                    expert=expert, score=score, code=code
                ),
                wordWrap=True,
            )
        )
        self.form.addRow(self.tr("Explanation"), self.text_edit)
        self.main_input = self.text_edit

    @property
    def text(self) -> str:
        return self.text_edit.toPlainText().strip()

    def problem(self) -> str | None:
        return None if self.text else self.tr("Enter the expert's explanation.")


class ReturnDialog(_Dialog):
    """Return a sheet for correction: the indicators to correct (preselected) and the reason."""

    def __init__(
        self, parent: QWidget | None, standard: Standard, expert: str, preselected: Sequence[str] = ()
    ) -> None:
        super().__init__(parent, self.tr("Return a sheet for correction"))
        self.setObjectName("returnDialog")
        self.codes_list = QListWidget(objectName="returnCodes")
        items = [(leaf.code, leaf.title.text()) for leaf in standard.leaves()]
        items += [(y.code, y.title.text()) for y in standard.yes_no]
        for code, title in items:
            item = QListWidgetItem(f"{code} {title}")
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if code in preselected else Qt.CheckState.Unchecked)
            self.codes_list.addItem(item)
        self.reason_edit = leave_with_tab(QPlainTextEdit(objectName="returnReason"))
        self.form.addRow(
            QLabel(self.tr("Return the sheet of {expert} for correction.").format(expert=expert))
        )
        self.form.addRow(self.tr("Indicators to correct"), self.codes_list)
        self.form.addRow(self.tr("Reason"), self.reason_edit)
        self.main_input = self.codes_list
        self.resize(560, 520)

    @property
    def codes(self) -> list[str]:
        out = []
        for row in range(self.codes_list.count()):
            item = self.codes_list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(item.data(Qt.ItemDataRole.UserRole))
        return out

    def set_codes(self, codes: Sequence[str]) -> None:
        for row in range(self.codes_list.count()):
            item = self.codes_list.item(row)
            checked = item.data(Qt.ItemDataRole.UserRole) in codes
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    @property
    def reason(self) -> str:
        return self.reason_edit.toPlainText().strip()

    def problem(self) -> str | None:
        if not self.codes:
            return self.tr("Tick at least one indicator to correct.")
        if not self.reason:
            return self.tr("Give the reason for the correction.")
        return None

"""Declarations first: the conflict of interest and the confidentiality pledge (保密承诺).

Until both are made, scoring is closed (:func:`scoring_block` says why, for the workspace to show).
Declaring a conflict (with its reason) recuses the expert: nothing can be scored, and a signed
recusal sheet is produced instead (:attr:`DeclarationsPage.recusal_requested`, which the finalise
step signs). Every change goes through the workspace's serial write lane (``declare``, ``accept_pledge``);
the page shows what the store holds, never what was merely typed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reviewer.scoring.workbench_types import Conflict, ReviewState, ReviewStatus
from reviewer.ui import palette
from reviewer.ui.dialogs import errors
from reviewer.ui.guide_help import HelpButton, heading_row
from reviewer.ui.text_boxes import leave_with_tab

if TYPE_CHECKING:
    from reviewer.ui.panels.review_workspace import ReviewWorkspace

DONE_STYLE = f"QLabel {{ color: {palette.DONE}; font-weight: bold; }}"
TODO_STYLE = f"QLabel {{ color: {palette.ERROR}; font-weight: bold; }}"


def pledge_text() -> str:
    """The confidentiality pledge the expert accepts (保密承诺)."""
    return QCoreApplication.translate(
        "DeclarationsPage",
        "I pledge to keep confidential everything in this review package and everything I learn in "
        "this review: the applicant's materials, the site visit, the panel's discussions, my own "
        "scores and the conclusion. I will use them only for this review; I will not copy, pass on "
        "or publish any of it, nor discuss it with the applicant or anyone outside the panel; and I "
        "will delete the package and my notes from my devices when the review is over.",
    )


def scoring_block(state: ReviewState | None) -> str | None:
    """Why scoring is closed now (a message for the person), or None when it is open."""
    if state is None:
        return QCoreApplication.translate("DeclarationsPage", "No review is open.")
    d = state.declaration
    if d.conflict is Conflict.DECLARED:
        return QCoreApplication.translate(
            "DeclarationsPage",
            "You declared a conflict of interest and are recused: this review is not scored.",
        )
    if not d.complete:
        return QCoreApplication.translate(
            "DeclarationsPage",
            "Make your declarations first: the conflict of interest and the confidentiality pledge "
            "(page “Declarations”). Scoring opens once both are done.",
        )
    if state.status is ReviewStatus.FINALISED:
        return QCoreApplication.translate(
            "DeclarationsPage",
            "The sheet is signed and locked; only a return notice from the chair can reopen it.",
        )
    return None


class DeclarationsPage(QScrollArea):
    completed = Signal(ReviewState)  # once both declarations are stored
    recusal_requested = Signal()  # sign the recusal sheet (handled by the finalise step)

    def __init__(self, workspace: ReviewWorkspace, state: ReviewState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("declarationsPage")
        self.setWidgetResizable(True)
        self.workspace = workspace
        self.state = state
        body = QWidget()
        self.heading = QLabel(objectName="declarationsHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.heading.setFont(font)
        self.status = QLabel(objectName="declarationsStatus", wordWrap=True)

        self.conflict_box = QGroupBox(objectName="conflictBox")
        self.no_conflict = QRadioButton(objectName="conflictNone")
        self.conflict = QRadioButton(objectName="conflictDeclared")
        self.choice = QButtonGroup(self)
        self.choice.addButton(self.no_conflict)
        self.choice.addButton(self.conflict)
        self.reason_label = QLabel(objectName="conflictReasonLabel", wordWrap=True)
        self.reason = leave_with_tab(QPlainTextEdit(objectName="conflictReason"))
        self.reason.setMaximumHeight(90)
        self.reason_label.setBuddy(self.reason)
        cl = QVBoxLayout(self.conflict_box)
        for w in (self.no_conflict, self.conflict, self.reason_label, self.reason):
            cl.addWidget(w)

        self.pledge_box = QGroupBox(objectName="pledgeBox")
        self.pledge = QTextBrowser(objectName="pledgeText")
        self.pledge.setMaximumHeight(130)
        self.pledge.setTabChangesFocus(True)  # read, then Tab on to the check box
        self.accept = QCheckBox(objectName="pledgeAccept")
        pl = QVBoxLayout(self.pledge_box)
        pl.addWidget(self.pledge)
        pl.addWidget(self.accept)

        self.confirm = QPushButton(objectName="confirmDeclarations")
        self.recusal = QPushButton(objectName="signRecusal")
        layout = QVBoxLayout(body)
        self.help_button = HelpButton("expert", "declarations")
        layout.addLayout(heading_row(self.heading, self.help_button))
        for w in (self.status, self.conflict_box, self.pledge_box):
            layout.addWidget(w)
        layout.addWidget(self.confirm, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.recusal, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        body.setMaximumWidth(860)
        self.setWidget(body)

        self.choice.buttonToggled.connect(lambda *_: self._update_enabled())
        self.reason.textChanged.connect(self._update_enabled)
        self.accept.toggled.connect(lambda *_: self._update_enabled())
        self.confirm.clicked.connect(self.submit)
        self.recusal.clicked.connect(self.recusal_requested)
        self._announced = state.declaration.complete
        self.retranslate()
        self.show_state(state)

    # --- showing what the store holds ------------------------------------------------------
    def show_state(self, state: ReviewState) -> None:
        self.state = state
        d = state.declaration
        if d.conflict is Conflict.NONE:
            self.no_conflict.setChecked(True)
        elif d.conflict is Conflict.DECLARED:
            self.conflict.setChecked(True)
        if d.reason and self.reason.toPlainText() != d.reason:
            self.reason.setPlainText(d.reason)
        if d.pledge_accepted:
            self.accept.setChecked(True)
        self._update_enabled()
        self._show_status()
        if d.complete and not self._announced:
            self._announced = True
            self.completed.emit(state)

    @property
    def locked(self) -> bool:
        """Declarations are part of the signed sheet: fixed once it was signed (or is complete)."""
        s = self.state
        return s.declaration.complete or s.version > 1 or s.status is ReviewStatus.FINALISED

    def _update_enabled(self) -> None:
        locked = self.locked
        for w in (self.no_conflict, self.conflict, self.accept):
            w.setEnabled(not locked)
        declared = self.conflict.isChecked()
        self.reason.setEnabled(declared and not locked)
        self.reason_label.setEnabled(declared and not locked)
        chosen = self.no_conflict.isChecked() or (declared and bool(self.reason.toPlainText().strip()))
        self.confirm.setEnabled(not locked and chosen and self.accept.isChecked())
        d = self.state.declaration
        self.recusal.setVisible(d.conflict is Conflict.DECLARED)
        self.recusal.setEnabled(
            d.conflict is Conflict.DECLARED
            and d.pledge_accepted
            and self.state.status is not ReviewStatus.FINALISED
        )

    def _show_status(self) -> None:
        d = self.state.declaration
        if d.conflict is Conflict.DECLARED and d.complete:
            text = self.tr(
                "Declared: a conflict of interest (recused). Sign the recusal sheet to hand it in."
            )
            if self.state.status is ReviewStatus.FINALISED:
                text = self.tr("Declared: a conflict of interest (recused). The recusal sheet is signed.")
        elif d.complete:
            text = self.tr(
                "Declared: no conflict of interest; confidentiality pledge accepted. Scoring is open."
            )
        else:
            text = scoring_block(self.state) or ""
        self.status.setText(text)
        self.status.setStyleSheet(DONE_STYLE if d.complete else TODO_STYLE)

    def focus_work(self) -> None:
        """The keyboard to the first choice still open (else the recusal's button, if due)."""
        for w in (self.no_conflict, self.accept, self.confirm, self.recusal):
            if w.isEnabled() and not w.isHidden():
                w.setFocus()
                return

    # --- storing ----------------------------------------------------------------------------
    def submit(self) -> None:
        """Store the declarations: the conflict (a declared one is confirmed first), then the pledge."""
        if self.locked or not self.confirm.isEnabled():
            return
        if self.conflict.isChecked():
            reason = self.reason.toPlainText().strip()
            question = self.tr(
                "Declaring a conflict of interest recuses you from this review: you will not score it, "
                "and you sign a recusal sheet instead. This cannot be undone once signed. Declare it?"
            )
            if not errors.ask(self, self.tr("Declare a conflict of interest"), question):
                return
            self.workspace.save(lambda b, r: b.declare(r, Conflict.DECLARED, reason))
        else:
            self.workspace.save(lambda b, r: b.declare(r, Conflict.NONE))
        self.workspace.save(lambda b, r: b.accept_pledge(r))

    # --- texts ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Declarations"))
        self.heading.setText(self.tr("Declarations"))
        self.conflict_box.setTitle(self.tr("Conflict of interest"))
        self.no_conflict.setText(self.tr("I have no conflict of interest with this applicant"))
        self.conflict.setText(self.tr("I have a conflict of interest and recuse myself"))
        self.reason_label.setText(
            self.tr("Say what the conflict is (it is recorded in the signed recusal sheet):")
        )
        self.pledge_box.setTitle(self.tr("Confidentiality pledge"))
        self.pledge.setPlainText(pledge_text())
        self.accept.setText(self.tr("I accept the confidentiality pledge"))
        self.confirm.setText(self.tr("&Confirm declarations"))
        self.recusal.setText(self.tr("Sign the &recusal sheet…"))
        self._show_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

"""Members who have not signed the record (未签字的成员), on the record page.

The rules let a member refuse to sign with written reasons (拒绝签字), and deem a member who
neither signs nor gives reasons to agree, the fact recorded (未签字（视为同意）). The box lists each
member whose field is empty: refused (their signed refusal is kept in the chair's store), recorded
as not signed by the chair, or still waiting. The chair may record a waiting member as not signed
(after a confirmation saying what the rules say) and withdraw that record before closing, and
import refusals made elsewhere (``reviewer record refuse``). The questions asked are here too.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reviewer.app.panel_signing import ClosingState
from reviewer.ui import accessible, labels
from reviewer.ui.dialogs import errors

FINGERPRINT_ROLE = Qt.ItemDataRole.UserRole
STATUS_ROLE = Qt.ItemDataRole.UserRole + 1
WAITING, REFUSED, NOT_SIGNED = "waiting", "refused", "not-signed"


def status_word(status: str) -> str:
    """How the record page names a member's status (the signature table uses it too)."""
    if status == REFUSED:
        return QCoreApplication.translate("UnsignedBox", "Refused to sign (reasons given in writing)")
    if status == NOT_SIGNED:
        return QCoreApplication.translate("UnsignedBox", "Not signed (deemed to agree)")
    return QCoreApplication.translate("UnsignedBox", "Not signed yet")


class UnsignedBox(QGroupBox):
    """Each member whose field is empty, with what the chair may do about it."""

    record_requested = Signal(str, str)  # certificate SHA-256, name
    withdraw_requested = Signal(str, str)
    import_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unsignedBox")
        self.note = QLabel(objectName="unsignedNote", wordWrap=True)
        self.list = QListWidget(objectName="unsignedList")
        self.list.setMaximumHeight(90)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)  # the whole line in its tooltip
        self.record_button = QPushButton(objectName="recordNotSigned")
        self.withdraw_button = QPushButton(objectName="withdrawNotSigned")
        self.import_button = QPushButton(objectName="importRefusals")
        buttons = QHBoxLayout()
        for b in (self.record_button, self.withdraw_button, self.import_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.list.currentRowChanged.connect(lambda _r: self._update())
        self.record_button.clicked.connect(lambda: self._ask(self.record_requested, WAITING))
        self.withdraw_button.clicked.connect(lambda: self._ask(self.withdraw_requested, NOT_SIGNED))
        self.import_button.clicked.connect(self.import_requested)
        self._enabled = False
        self.retranslate()

    def show_members(self, members: Sequence[tuple[str, str]], facts: ClosingState, *, enabled: bool) -> None:
        """``members``: (certificate SHA-256, name) of each member whose field is empty."""
        keep = self.current()
        self._enabled = enabled
        self.list.clear()
        statuses = facts.by_prefix()
        for fingerprint, name in members:
            status = statuses.get(fingerprint[:16], WAITING)
            text = f"{name}：{status_word(status)}"
            if status == REFUSED and fingerprint in facts.refused:
                text += QCoreApplication.translate("UnsignedBox", " — reasons: {reason}").format(
                    reason=facts.refused[fingerprint].reason
                )
            elif status == NOT_SIGNED and fingerprint in facts.not_signed:
                text += QCoreApplication.translate("UnsignedBox", " — recorded {time}").format(
                    time=labels.beijing_time(facts.not_signed[fingerprint])
                )
            item = QListWidgetItem(text)
            item.setToolTip(text)
            item.setData(FINGERPRINT_ROLE, fingerprint)
            item.setData(STATUS_ROLE, status)
            self.list.addItem(item)
            if keep is not None and keep[0] == fingerprint:
                self.list.setCurrentItem(item)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)
        self.setVisible(bool(members))
        self._update()

    def current(self) -> tuple[str, str, str] | None:
        """(certificate SHA-256, name, status) of the member selected."""
        item = self.list.currentItem()
        if item is None:
            return None
        name = item.text().split("：")[0]
        return str(item.data(FINGERPRINT_ROLE)), name, str(item.data(STATUS_ROLE))

    def _ask(self, signal: SignalInstance, status: str) -> None:
        chosen = self.current()
        if chosen is not None and chosen[2] == status:
            signal.emit(chosen[0], chosen[1])

    def _update(self) -> None:
        chosen = self.current()
        status = chosen[2] if chosen else None
        self.record_button.setEnabled(self._enabled and status == WAITING)
        self.withdraw_button.setEnabled(self._enabled and status == NOT_SIGNED)
        self.import_button.setEnabled(self._enabled)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Members who have not signed"))
        self.note.setText(
            self.tr(
                "A member may refuse to sign with written reasons. A member who neither signs nor gives "
                "reasons is deemed to agree; the chair records it, and it is printed on the record."
            )
        )
        self.list.setAccessibleName(self.tr("Members who have not signed"))
        self.record_button.setText(self.tr("Record as not signed (deemed to agree)…"))
        self.withdraw_button.setText(self.tr("Withdraw the not-signed record"))
        self.import_button.setText(self.tr("Import refusals…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


# --- the questions (small functions that tests answer) -------------------------------------------


def ask_refusal_reason(parent: QWidget | None, who: str) -> str | None:
    """The member's written reasons for refusing (None: cancelled; an empty answer is refused)."""
    text, ok = accessible.get_multiline_text(
        parent,
        QCoreApplication.translate("UnsignedBox", "Refuse to sign the review record"),
        QCoreApplication.translate(
            "UnsignedBox",
            "{who}, write why you refuse to sign the review record. Your reasons are signed with your "
            "key and kept with the record:",
        ).format(who=who),
    )
    if not ok:
        return None
    if not text.strip():
        errors.show_error(
            parent,
            QCoreApplication.translate("UnsignedBox", "Refuse to sign the review record"),
            QCoreApplication.translate("UnsignedBox", "A refusal to sign must give its reasons in writing."),
        )
        return None
    return text.strip()


def confirm_refusal(parent: QWidget | None, who: str, reason: str) -> bool:
    return errors.confirm(
        parent,
        QCoreApplication.translate("UnsignedBox", "Refuse to sign the review record"),
        QCoreApplication.translate(
            "UnsignedBox",
            "{who} refuses to sign the review record, for these reasons:\n\n{reason}\n\n"
            "Your refusal is signed with your key and kept by the chair. The record states that you "
            "refused to sign with written reasons, and the chair may close it without your signature. "
            "Should you sign the record after all before the chair closes it, your signature prevails.",
        ).format(who=who, reason=reason),
        QCoreApplication.translate("UnsignedBox", "Refuse to sign"),
    )


def confirm_not_signed(parent: QWidget | None, who: str) -> bool:
    return errors.confirm(
        parent,
        QCoreApplication.translate("UnsignedBox", "Record as not signed"),
        QCoreApplication.translate(
            "UnsignedBox",
            "Record that {who} neither signed the review record nor gave written reasons for refusing?\n\n"
            "Under the rules, a member who refuses to sign without giving written reasons is deemed to "
            "agree with the review's conclusion. This is printed on the record's signature page when you "
            "close it. You can withdraw it before closing.",
        ).format(who=who),
        QCoreApplication.translate("UnsignedBox", "Record as not signed"),
    )


def confirm_close_stating(parent: QWidget | None, refused: str, not_signed: str) -> bool:
    """The chair closes with members who did not sign: the facts the closing states, named."""
    lines = []
    if refused:
        lines.append(
            QCoreApplication.translate("UnsignedBox", "Refused to sign, with written reasons: {who}.").format(
                who=refused
            )
        )
    if not_signed:
        lines.append(
            QCoreApplication.translate(
                "UnsignedBox", "Did not sign and gave no reasons (deemed to agree): {who}."
            ).format(who=not_signed)
        )
    return errors.confirm(
        parent,
        QCoreApplication.translate("RecordPage", "Sign and close the record"),
        QCoreApplication.translate(
            "UnsignedBox",
            "You sign the review record as the chair, last. Not every member has signed:\n\n{facts}\n\n"
            "Your closing signature states these facts and they are printed on the signature page. "
            "No field can be signed or changed afterwards and nothing can reopen the record.",
        ).format(facts="\n".join(lines)),
        QCoreApplication.translate("RecordPage", "Sign and close"),
    )

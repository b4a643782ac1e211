"""What an opened package is and why it can be trusted: the verification result a person reads.

Candidate, review kind and standard; the issuer and its root fingerprint (to compare over the
phone with the ministry); validity; the signature status; the panel with the chair marked and
this person's row; and the materials (listed only; the viewer is a later step).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLocale, Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewer.app.opening import OpenedReview
from reviewer.standards.model import CandidateType, ReviewKind
from reviewer.trust import pretty_fingerprint
from reviewer.ui import labels, palette

VERIFIED_STYLE = (
    f"QLabel {{ background: {palette.VERIFIED_BADGE}; color: white; font-weight: bold; padding: 2px 8px; "
    "border-radius: 3px; }"
)
MATERIALS_PREFIX = "materials/"


def _label(name: str, selectable: bool = False) -> QLabel:
    label = QLabel(objectName=name, wordWrap=True)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _table(name: str, columns: int) -> QTableWidget:
    table = QTableWidget(0, columns, objectName=name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _when(iso: str) -> str:
    try:
        return labels.beijing_time(iso)
    except ValueError:  # (a verified manifest's times are ISO 8601: shown as they are otherwise)
        return iso


class PackageSummary(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("packageSummary")
        self.setWidgetResizable(True)
        self.review: OpenedReview | None = None
        self.candidate = _label("packageCandidate", True)
        font = self.candidate.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.candidate.setFont(font)
        self.badge = QLabel(objectName="verifiedBadge")
        self.badge.setStyleSheet(VERIFIED_STYLE)
        self.place = _label("packagePlace", True)
        self.kind, self.standard = _label("packageKind"), _label("packageStandard", True)
        self.issuer, self.fingerprint = _label("packageIssuer", True), _label("issuerFingerprint", True)
        self.fingerprint.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.suite = _label("packageSuite", True)
        self.validity, self.signature = _label("packageValidity"), _label("signatureStatus")
        self.role = _label("yourRole")
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self._fields = (
            self.place,
            self.kind,
            self.standard,
            self.issuer,
            self.fingerprint,
            self.suite,
            self.validity,
            self.signature,
            self.role,
        )
        for field in self._fields:
            self.form.addRow(QLabel(), field)
        self.roster = _table("rosterTable", 3)
        self.materials = _table("materialsTable", 2)
        self.roster_box, self.materials_box = QGroupBox(), QGroupBox()
        for box, table in ((self.roster_box, self.roster), (self.materials_box, self.materials)):
            QVBoxLayout(box).addWidget(table)
        tables = QHBoxLayout()
        tables.addWidget(self.roster_box, 3)
        tables.addWidget(self.materials_box, 2)
        top = QHBoxLayout()
        top.addWidget(self.candidate, 1)
        top.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addLayout(top)
        layout.addLayout(self.form)
        layout.addLayout(tables, 1)
        self.setWidget(body)
        self.retranslate()

    def show_review(self, review: OpenedReview | None) -> None:
        self.review = review
        self.retranslate()

    # --- texts ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Package summary"))
        captions = (
            self.tr("Candidate"),
            self.tr("Review"),
            self.tr("Standard"),
            self.tr("Issuer"),
            self.tr("Root fingerprint (SHA-256)"),
            self.tr("Algorithm suite"),
            self.tr("Valid"),
            self.tr("Signature"),
            self.tr("You"),
        )
        for row, caption in enumerate(captions):
            item = self.form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            label = item.widget() if item is not None else None
            assert isinstance(label, QLabel)  # each row of the form has its caption
            label.setText(caption)
        self.badge.setText(self.tr("Verified"))
        self.roster_box.setTitle(self.tr("Expert panel"))
        self.roster.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Organisation"), self.tr("Role")])
        self.materials.setHorizontalHeaderLabels([self.tr("Material"), self.tr("Size")])
        review = self.review
        if review is None:
            for field in (self.candidate, *self._fields):
                field.clear()
            self.roster.setRowCount(0)
            self.materials.setRowCount(0)
            self.materials_box.setTitle(self.tr("Materials"))
            return
        m = review.manifest
        c = m.candidate
        kind = (
            labels.candidate_name(CandidateType(c["type"])) if c["type"] in set(CandidateType) else c["type"]
        )
        where = " ".join(x for x in (c.get("province", ""), c.get("city", "")) if x)
        self.candidate.setText(c["name"])
        self.place.setText(" · ".join(x for x in (kind, where) if x))
        self.kind.setText(labels.kind_name(ReviewKind(m.kind)) if m.kind in set(ReviewKind) else m.kind)
        self.standard.setText(
            f"{review.standard.title.text()}\n{m.standard['id']} · "
            + self.tr("version {v}").format(v=m.standard["version"])
        )
        self.issuer.setText(m.issuer["name"])
        self.fingerprint.setText(pretty_fingerprint(m.issuer["root_sha256"]))
        self.suite.setText(labels.suite_name_of(m.suite))
        self.validity.setText(
            self.tr("issued {created}, expires {expires}").format(
                created=_when(m.created), expires=_when(m.expires)
            )
        )
        self.signature.setText(self._signature_text(review))
        self.role.setText(self._role_text(review))
        self._fill_roster(review)
        self._fill_materials(review)

    def _signature_text(self, review: OpenedReview) -> str:
        size = QLocale().formattedDataSize(review.checked_bytes)
        return "\n".join(
            (
                self.tr(
                    "Valid: signed under the ministry root your identity trusts; not revoked; within its validity."
                ),
                self.tr(
                    "All {n} files ({size}) were decrypted and checked in memory; nothing was written to disk."
                ).format(n=len(review.manifest.entries), size=size),
            )
        )

    def _role_name(self, role: str) -> str:
        return self.tr("Chair") if role == "chair" else self.tr("Expert")

    def _role_text(self, review: OpenedReview) -> str:
        info = review.identity.info
        if review.member is None:
            role = self.tr("a recipient, not on the panel")
        else:
            role = self._role_name(review.member.role)
        return self.tr("{name} ({org}), serving as {role}").format(name=info.name, org=info.org, role=role)

    def _fill_roster(self, review: OpenedReview) -> None:
        roster = review.manifest.roster
        self.roster.setRowCount(len(roster))
        you = review.member.cert_sha256 if review.member else None
        for row, member in enumerate(roster):
            role = self._role_name(member.role)
            if member.role == "chair":
                role = "★ " + role
            if member.cert_sha256 == you:
                role += self.tr(" (you)")
            cells = (member.name, member.org, role)
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if member.cert_sha256 == you or member.role == "chair":
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
                item.setToolTip(
                    self.tr("Certificate SHA-256: {fp}").format(fp=pretty_fingerprint(member.cert_sha256))
                )
                self.roster.setItem(row, col, item)

    def _fill_materials(self, review: OpenedReview) -> None:
        materials = review.materials
        self.materials_box.setTitle(self.tr("Materials ({n})").format(n=len(materials)))
        self.materials.setRowCount(len(materials))
        for row, entry in enumerate(materials):
            name = entry.name.removeprefix(MATERIALS_PREFIX)
            size = QTableWidgetItem(QLocale().formattedDataSize(entry.size))
            size.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.materials.setItem(row, 0, QTableWidgetItem(name))
            self.materials.setItem(row, 1, size)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

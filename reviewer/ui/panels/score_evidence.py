"""The evidence for the selected indicator (佐证): pages of the package's materials and attached
site-visit files, listed; a material page added, a file attached, one removed, a page opened.

The box never writes: it names what the expert asked for by signal, and the score editor passes
it on to the workspace (which turns it into workbench calls). Choosing the file to attach is the
editor's (:func:`reviewer.ui.panels.score_editor.choose_attachment`, which tests monkeypatch).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from reviewer.scoring.workbench_types import EvidenceKind, EvidenceRef, ReviewState

MATERIAL_CHARS = 10  # the material box's narrowest width, in characters (a longer name is elided)
UNKNOWN_PAGES = 99999  # a material's page count is known once it was opened in the viewer
EvidenceIdRole = Qt.ItemDataRole.UserRole + 1
EvidenceRefRole = Qt.ItemDataRole.UserRole + 2


class EvidenceBox(QGroupBox):
    """The evidence list and its buttons, for the indicator :attr:`code`."""

    material_requested = Signal(str, str, int)  # code, material, page
    attach_clicked = Signal()  # the editor asks for the file
    remove_requested = Signal(int)  # evidence id
    evidence_activated = Signal(str, int)  # material name, page: the viewer jumps there

    def __init__(self, materials: tuple[str, ...] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("evidenceBox")
        self.code: str | None = None  # the leaf indicator shown (None: nothing to add evidence to)
        self.evidence = QListWidget(objectName="evidenceList")
        self.evidence.setMaximumHeight(72)
        self.evidence.itemActivated.connect(self._activated)
        self.material = QComboBox(objectName="evidenceMaterial")
        for name in materials:
            self.material.addItem(name.removeprefix("materials/"), name)
        self.page = QSpinBox(objectName="evidencePage", minimum=1, maximum=UNKNOWN_PAGES)
        self._pages: dict[str, int] = {}  # material → its page count, once the viewer has read it
        self.material.currentIndexChanged.connect(lambda _i: self._bound_page())
        self.add_material = QPushButton(objectName="addMaterialEvidence")
        self.add_material.clicked.connect(self._add_material)
        self.attach = QPushButton(objectName="attachFile")
        self.attach.clicked.connect(self.attach_clicked)
        self.remove = QPushButton(objectName="removeEvidence")
        self.remove.clicked.connect(self._remove)
        # two rows, so the box fits the pane beside the indicator tree at 1024×700 (the pane never
        # scrolls sideways): a page of a material to add; a file to attach, or the selected one removed
        self.material.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.material.setMinimumContentsLength(MATERIAL_CHARS)
        cite = QHBoxLayout()
        cite.addWidget(self.material, 1)
        cite.addWidget(self.page)
        cite.addWidget(self.add_material)
        files = QHBoxLayout()
        files.addWidget(self.attach)
        files.addWidget(self.remove)
        files.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.evidence)
        layout.addLayout(cite)
        layout.addLayout(files)
        self.retranslate()

    def show_evidence(self, state: ReviewState | None, code: str | None) -> None:
        """The evidence ``state`` holds for indicator ``code``."""
        self.evidence.clear()
        if state is None or code is None:
            return
        for ref in state.evidence_for(code):
            item = QListWidgetItem(self._evidence_text(ref))
            item.setData(EvidenceIdRole, ref.id)
            item.setData(EvidenceRefRole, ref)
            self.evidence.addItem(item)

    def _evidence_text(self, ref: EvidenceRef) -> str:
        if ref.kind is EvidenceKind.MATERIAL:
            name = (ref.material or "").removeprefix("materials/")
            text = self.tr("{material}, page {page}").format(material=name, page=ref.page or 1)
        else:
            text = self.tr("Attached file {name} (SHA-256 {sha}…)").format(
                name=ref.file_name, sha=(ref.sha256 or "")[:12]
            )
        return f"{text} — {ref.note}" if ref.note else text

    def set_page_count(self, material: str, pages: int) -> None:
        """``material`` has ``pages`` pages (read by the viewer): its page box goes no further."""
        self._pages[material] = pages
        self._bound_page()

    def _bound_page(self) -> None:
        self.page.setMaximum(max(self._pages.get(self.material.currentData() or "", UNKNOWN_PAGES), 1))

    def set_editable(self, editable: bool) -> None:
        for widget in (self.add_material, self.attach, self.remove):
            widget.setEnabled(editable)

    def _activated(self, item: QListWidgetItem) -> None:
        ref = item.data(EvidenceRefRole)
        if isinstance(ref, EvidenceRef) and ref.kind is EvidenceKind.MATERIAL and ref.material:
            self.evidence_activated.emit(ref.material, ref.page or 1)

    def _add_material(self) -> None:
        name = self.material.currentData()
        if self.code is not None and name:
            self.material_requested.emit(self.code, name, self.page.value())

    def _remove(self) -> None:
        item = self.evidence.currentItem()
        if item is not None:
            self.remove_requested.emit(int(item.data(EvidenceIdRole)))

    def retranslate(self) -> None:
        self.setTitle(self.tr("Evidence"))
        self.add_material.setText(self.tr("&Add page"))
        self.page.setPrefix(self.tr("p. "))
        self.attach.setText(self.tr("A&ttach file…"))
        self.remove.setText(self.tr("Re&move"))
        self.evidence.setAccessibleName(self.tr("Evidence for this indicator"))
        self.material.setAccessibleName(self.tr("Material to cite"))
        self.page.setAccessibleName(self.tr("Page to cite"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

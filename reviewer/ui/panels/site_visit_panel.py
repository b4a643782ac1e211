"""Site-visit mode: a checklist by activity, the indicators that rely on each, and time-stamped notes.

The activities and their indicators come from the standard's evidence methods
(:mod:`reviewer.scoring.site_visit`). Ticking an activity and writing a note are workbench
changes (:meth:`~reviewer.models.workbench.Workbench.add_site_note`) sent through the review's
:meth:`~reviewer.ui.panels.review_workspace.ReviewWorkspace.save`: committed at once, audited, undone by the
workbench's undo. The panel redraws from the :class:`ReviewState` each write hands back.
Clicking an indicator (in the activity's list or under a note) emits :attr:`indicator_requested`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewer import i18n
from reviewer.scoring import site_visit
from reviewer.scoring.site_visit import ACTIVITIES, LinkedIndicator
from reviewer.scoring.workbench_types import ReviewState, SiteNote
from reviewer.standards.model import EvidenceMethod, Standard
from reviewer.ui import labels

if TYPE_CHECKING:
    from reviewer.ui.panels.review_workspace import ReviewWorkspace
from reviewer.ui import palette
from reviewer.ui.text_boxes import leave_with_tab

CODE_ROLE = Qt.ItemDataRole.UserRole


def local_time(note: SiteNote) -> str:
    return labels.beijing_time(note.noted_at)


class SiteVisitPanel(QWidget):
    indicator_requested = Signal(str)  # the code of an indicator (or yes/no item) to select

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("siteVisitPanel")
        self._edits: ReviewWorkspace | None = None
        self._state: ReviewState | None = None
        self._standard: Standard | None = None
        self._board: dict[EvidenceMethod, tuple[LinkedIndicator, ...]] = {}
        self._just_ticked: QListWidgetItem | None = None
        self._filling = False  # True while the lists are rebuilt: their signals are not the expert's

        self.activities = QListWidget(objectName="siteActivities")
        self.activities.currentRowChanged.connect(lambda _row: self._show_activity())
        self.activities.itemChanged.connect(self._activity_ticked)
        self.heading = QLabel(objectName="siteActivityHeading", wordWrap=True)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.heading.setFont(font)
        self.indicators = QListWidget(objectName="siteIndicators")
        self.indicators.itemClicked.connect(self._indicator_clicked)
        self.indicators.itemChanged.connect(self._link_ticked)
        self.notes = QTreeWidget(objectName="siteNotes", columnCount=2)
        self.notes.setRootIsDecorated(True)
        self.notes.setWordWrap(True)
        self.notes.itemClicked.connect(self._note_clicked)
        self.note_edit = leave_with_tab(QPlainTextEdit(objectName="siteNoteEdit"))
        self.note_edit.setMaximumHeight(110)
        self.add_note = QPushButton(objectName="siteAddNote")
        self.add_note.clicked.connect(self.submit_note)
        self.status = QLabel(objectName="siteStatus", wordWrap=True)

        self.indicators_box = QGroupBox()
        QVBoxLayout(self.indicators_box).addWidget(self.indicators)
        self.notes_box = QGroupBox()
        notes_layout = QVBoxLayout(self.notes_box)
        notes_layout.addWidget(self.notes, 1)
        notes_layout.addWidget(self.note_edit)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.add_note)
        notes_layout.addLayout(row)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.heading)
        inner = QSplitter(Qt.Orientation.Horizontal)
        inner.addWidget(self.indicators_box)
        inner.addWidget(self.notes_box)
        inner.setSizes([360, 640])
        right_layout.addWidget(inner, 1)
        self.activities_box = QGroupBox()
        QVBoxLayout(self.activities_box).addWidget(self.activities)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.activities_box)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 1000])
        QVBoxLayout(self).addWidget(splitter)
        self.retranslate()

    # --- binding ----------------------------------------------------------------------------
    def set_review(self, workspace: ReviewWorkspace | None) -> None:
        """Work on ``workspace``'s review (``None``: nothing open), shown as it is now; the workspace's
        ``state_changed`` redraws it after each change (:func:`~reviewer.ui.panels.visit_pages.attach_visit_pages`)."""
        self._edits = workspace
        self._standard = workspace.review.standard if workspace is not None else None
        self._board = site_visit.checklist(self._standard) if self._standard is not None else {}
        self.show_state(workspace.state if workspace is not None else None)
        if workspace is not None and self.activities.currentRow() < 0:
            self.activities.setCurrentRow(0)

    def show_state(self, state: ReviewState | None) -> None:
        self._state = state
        self._fill_activities()
        self._show_activity()

    @property
    def state(self) -> ReviewState | None:
        """The review state on show."""
        return self._state

    @property
    def activity(self) -> EvidenceMethod | None:
        row = self.activities.currentRow()
        return ACTIVITIES[row] if self._board and 0 <= row < len(ACTIVITIES) else None

    def select_activity(self, activity: EvidenceMethod) -> None:
        self.activities.setCurrentRow(ACTIVITIES.index(EvidenceMethod(activity)))

    def linked_codes(self) -> list[str]:
        """The indicators ticked to be linked to the next note."""
        items = (self.indicators.item(i) for i in range(self.indicators.count()))
        return [it.data(CODE_ROLE) for it in items if it.checkState() == Qt.CheckState.Checked]

    # --- writing ----------------------------------------------------------------------------
    def submit_note(self) -> None:
        text, activity = self.note_edit.toPlainText().strip(), self.activity
        if self._edits is None or activity is None:
            return
        if not text:
            self._tell(self.tr("Write the note first."), error=True)
            return
        codes = self.linked_codes()
        self._edits.save(
            lambda bench, review: bench.add_site_note(review, activity, text, codes),
            on_saved=self._note_saved,
            on_failed=self._failed,
        )

    def flush_draft(self) -> None:
        """On closing the review: a note typed and not yet added is added (nothing typed is lost)."""
        if self._edits is not None and self.note_edit.isEnabled() and self.note_edit.toPlainText().strip():
            self.submit_note()

    def _activity_ticked(self, item: QListWidgetItem) -> None:
        if self._filling or self._edits is None:
            return
        activity = ACTIVITIES[self.activities.row(item)]
        self.activities.setCurrentItem(item)
        mark = site_visit.mark_text(item.checkState() == Qt.CheckState.Checked)
        self._edits.save(
            lambda bench, review: bench.add_site_note(review, activity, mark), on_failed=self._failed
        )

    def _note_saved(self, note: object) -> None:
        self.note_edit.clear()
        self._filling = True
        for i in range(self.indicators.count()):  # the links went with the note
            self.indicators.item(i).setCheckState(Qt.CheckState.Unchecked)
        self._filling = False
        self._tell(self.tr("Note saved at {time}.").format(time=local_time(note)))  # type: ignore[arg-type]  # a note's result: the SiteNote

    def _failed(self, exc: BaseException) -> None:
        self._tell(str(exc), error=True)
        self.show_state(self._state)  # put a refused tick back as it was

    # --- drawing ----------------------------------------------------------------------------
    def _fill_activities(self) -> None:
        self._filling = True
        row = self.activities.currentRow()
        self.activities.clear()
        notes = self._state.site_notes if self._state is not None else ()
        for activity, linked in self._board.items():
            done = site_visit.done_at(notes, activity)
            count = len(site_visit.notes_for(notes, activity))
            text = self.tr("{name} · {n} indicators · {m} notes").format(
                name=labels.evidence_name(activity), n=len(linked), m=count
            )
            item = QListWidgetItem(text, self.activities)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if done else Qt.CheckState.Unchecked)
            if done is not None:
                item.setToolTip(self.tr("Done at {time}").format(time=labels.beijing_time(done)))
        if self._board:
            self.activities.setCurrentRow(max(row, 0))
        self._filling = False

    def _show_activity(self) -> None:
        if self._filling:
            return
        activity = self.activity
        keep = set(self.linked_codes())
        self._filling = True
        self.indicators.clear()
        self.notes.clear()
        self._filling = False
        if activity is None:
            self.heading.setText(self.tr("Open a package to plan the site visit."))
            self._enable(False)
            return
        self._enable(True)
        lang = i18n.language()
        notes = self._state.site_notes if self._state is not None else ()
        done = site_visit.done_at(notes, activity)
        heading = labels.evidence_name(activity)
        if done is not None:
            heading = self.tr("{name} — done at {time}").format(name=heading, time=labels.beijing_time(done))
        self.heading.setText(heading)
        self._filling = True
        for linked in self._board[activity]:
            item = QListWidgetItem(f"{linked.code}  {linked.title.text(lang)}", self.indicators)
            item.setData(CODE_ROLE, linked.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if linked.code in keep else Qt.CheckState.Unchecked)
            item.setToolTip(self.tr("Click to open this indicator; tick to link it to the next note."))
        titles = {i.code: i.title.text(lang) for items in self._board.values() for i in items}
        for note in reversed(site_visit.notes_for(notes, activity)):  # the newest first
            top = QTreeWidgetItem(self.notes, [local_time(note), note.text])
            top.setToolTip(1, note.text)
            for code in note.codes:
                child = QTreeWidgetItem(top, ["", f"→ {code}  {titles.get(code, '')}".rstrip()])
                child.setData(0, CODE_ROLE, code)
            top.setExpanded(True)
        self.notes.resizeColumnToContents(0)
        self._filling = False

    def _enable(self, on: bool) -> None:
        for w in (self.note_edit, self.add_note, self.indicators, self.notes):
            w.setEnabled(on)

    # --- clicks -----------------------------------------------------------------------------
    def _link_ticked(self, item: QListWidgetItem) -> None:
        if not self._filling:
            self._just_ticked = item  # the click that ticked it is not a request to open it

    def _indicator_clicked(self, item: QListWidgetItem) -> None:
        if self._just_ticked is item:
            self._just_ticked = None
            return
        self.indicator_requested.emit(item.data(CODE_ROLE))

    def _note_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        code = item.data(0, CODE_ROLE)
        if code:
            self.indicator_requested.emit(code)

    def _tell(self, text: str, error: bool = False) -> None:
        self.status.setStyleSheet(f"QLabel {{ color: {palette.ERROR}; }}" if error else "")
        self.status.setText(text)

    # --- texts ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.activities_box.setTitle(self.tr("Activities (tick when done)"))
        self.indicators_box.setTitle(self.tr("Indicators that rely on it"))
        self.notes_box.setTitle(self.tr("Notes"))
        self.notes.setAccessibleName(self.tr("Notes taken"))
        self.note_edit.setAccessibleName(self.tr("New note"))
        self.notes.setHeaderLabels([self.tr("Time"), self.tr("Note and linked indicators")])
        self.note_edit.setPlaceholderText(self.tr("What you saw or heard; tick the indicators it concerns."))
        self.add_note.setText(self.tr("Add note"))
        self.show_state(self._state)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

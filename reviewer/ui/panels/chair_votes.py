"""The panel's vote (专家组表决): what the chair proposes and where each proposal stands, the motion
put to the panel, the members' statements held, and the outcome of each statement file offered.

The page only shows and asks; the chair panel does the work
(:class:`~reviewer.ui.panels.chair_voting.ChairVoting`). Rows are read-only; while a signature on
the record fixes the decisions, :meth:`VotesPage.set_locked` disables the steps and says why.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewer.i18n import Text
from reviewer.ui import labels, palette
from reviewer.ui.panels.chair_decisions import LOCK_STYLE
from reviewer.ui.scrolled import scroll_vertically


def choose_statement_files(parent: QWidget | None, start: str = "") -> list[Path]:
    paths, _ = QFileDialog.getOpenFileNames(
        parent,
        QCoreApplication.translate("files", "Import the members' votes"),
        start,
        QCoreApplication.translate("files", "Member statements (*.rvstatement);;All files (*)"),
    )
    return [Path(p) for p in paths]


def choose_motion_path(parent: QWidget | None, suggested: str) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("files", "Save the motion file"),
        suggested,
        QCoreApplication.translate("files", "Motions (*.rvmotion)"),
    )
    return Path(path) if path else None


@dataclass(frozen=True)
class ProposalRow:
    """One proposal as the page lists it (texts already in the UI's language)."""

    subject: str  # "1.1 软件业务收入" or the panel opinion
    aggregate: str
    proposed: str
    ground: str
    status: str
    tally: str
    adopted: bool


@dataclass(frozen=True)
class StatementRow:
    member: str
    motion: str  # the motion's digest, short
    votes: str  # "同意 1 项，反对 0 项；意见：同意；保留意见"
    at: str  # ISO UTC


@dataclass(frozen=True)
class StatementFileRow:
    source: str  # the file's name ("": signed on this laptop with 成员表决…)
    accepted: bool
    member: str
    reason: Text | str


class VotesPage(QWidget):
    put_requested = Signal()
    save_motion_requested = Signal()
    import_requested = Signal(list)  # the chosen statement files
    member_vote_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("votesPage")
        self.lock_label = QLabel(objectName="votesLocked", wordWrap=True)
        self.lock_label.setStyleSheet(LOCK_STYLE)
        self.lock_label.hide()
        self.proposals_box = QGroupBox()
        self.proposals = self._table("voteProposals", 6)
        head = self.proposals.horizontalHeader()
        head.setStretchLastSection(False)  # the ground takes the room left; the tally stays whole
        head.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.proposals_note = QLabel(objectName="voteRule", wordWrap=True)
        pl = QVBoxLayout(self.proposals_box)
        pl.addWidget(self.proposals_note)
        pl.addWidget(self.proposals)

        self.motion_box = QGroupBox()
        self.motion_label = QLabel(objectName="motionState", wordWrap=True)
        self.put_button = QPushButton(objectName="putToPanel")
        self.save_motion_button = QPushButton(objectName="saveMotion")
        self.import_button = QPushButton(objectName="importStatements")
        self.member_vote_button = QPushButton(objectName="memberVote")
        buttons = QHBoxLayout()
        for b in (self.put_button, self.save_motion_button, self.import_button, self.member_vote_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.statements = self._table("statementsHeld", 4)
        self.files = self._table("statementFiles", 4)
        self.files.hide()
        ml = QVBoxLayout(self.motion_box)
        ml.addWidget(self.motion_label)
        ml.addLayout(buttons)
        self._held_label, self._files_label = QLabel(), QLabel()
        ml.addWidget(self._held_label)
        ml.addWidget(self.statements)
        ml.addWidget(self._files_label)
        ml.addWidget(self.files)
        self._files_label.hide()

        layout = QVBoxLayout(scroll_vertically(self, "votesContent"))
        layout.addWidget(self.lock_label)
        layout.addWidget(self.proposals_box)
        layout.addWidget(self.motion_box)
        layout.addStretch(1)
        self.put_button.clicked.connect(self.put_requested)
        self.save_motion_button.clicked.connect(self.save_motion_requested)
        self.import_button.clicked.connect(self._choose_files)
        self.member_vote_button.clicked.connect(self.member_vote_requested)
        self.locked = ""
        self.busy = False
        self.has_motion = False
        self.has_proposals = False
        self._rows: list[ProposalRow] = []
        self._held: list[StatementRow] = []
        self._offered: list[StatementFileRow] = []
        self._motion: tuple[str, str, int, bool] | None = None  # digest, created, changes, opinion
        self.retranslate()

    @staticmethod
    def _table(name: str, columns: int) -> QTableWidget:
        table = QTableWidget(0, columns, objectName=name)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        table.setWordWrap(True)
        return table

    @staticmethod
    def _fit(table: QTableWidget) -> None:
        """As tall as its rows (at least one): the page scrolls, not each table."""
        table.resizeRowsToContents()
        rows = (
            sum(table.rowHeight(r) for r in range(table.rowCount()))
            or table.verticalHeader().defaultSectionSize()
        )
        table.setFixedHeight(table.horizontalHeader().height() + rows + 2 * table.frameWidth() + 2)

    # --- content ----------------------------------------------------------------------------
    def show_proposals(self, rows: Sequence[ProposalRow], rule: str) -> None:
        self._rows = list(rows)
        self.has_proposals = any(not r.adopted for r in rows)
        self.proposals_note.setText(rule)
        self._fill_proposals()
        self._update_buttons()

    def show_motion(self, motion: tuple[str, str, int, bool] | None) -> None:
        """The motion held: (digest, created UTC, number of changes, with the opinion) or None."""
        self._motion = motion
        self.has_motion = motion is not None
        self._show_motion()
        self._update_buttons()

    def show_held(self, rows: Sequence[StatementRow]) -> None:
        self._held = list(rows)
        self._fill_held()

    def add_outcomes(self, rows: Sequence[StatementFileRow]) -> None:
        self._offered.extend(rows)
        self._fill_files()

    def set_locked(self, reason: str) -> None:
        self.locked = reason
        self.lock_label.setText(reason)
        self.lock_label.setVisible(bool(reason))
        self._update_buttons()

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        self._update_buttons()

    def _update_buttons(self) -> None:
        open_ = not self.locked and not self.busy
        self.put_button.setEnabled(open_ and self.has_proposals)
        self.save_motion_button.setEnabled(not self.busy and self.has_motion)
        self.import_button.setEnabled(open_ and self.has_motion)
        self.member_vote_button.setEnabled(open_ and self.has_motion)

    def _choose_files(self) -> None:
        paths = choose_statement_files(self)
        if paths:
            self.import_requested.emit(paths)

    # --- drawing ------------------------------------------------------------------------------
    def _fill_proposals(self) -> None:
        t = self.proposals
        t.setRowCount(len(self._rows))
        for row, r in enumerate(self._rows):
            status = QTableWidgetItem(r.status)
            colour = palette.PASS if r.adopted else palette.WARNING
            status.setForeground(QBrush(QColor(colour)))
            for col, item in enumerate(
                (
                    QTableWidgetItem(r.subject),
                    QTableWidgetItem(r.aggregate),
                    QTableWidgetItem(r.proposed),
                    QTableWidgetItem(r.ground),
                    status,
                    QTableWidgetItem(r.tally),
                )
            ):
                item.setToolTip(item.text())  # a long ground or tally, elided in its cell
                t.setItem(row, col, item)
        self._fit(t)

    def _show_motion(self) -> None:
        if self._motion is None:
            self.motion_label.setText(self.tr("Nothing has been put to the panel yet."))
            return
        digest, created, changes, opinion = self._motion
        text = (
            self.tr("Put to the panel at {at} (motion {digest}): {n} change(s) and the draft opinion.")
            if opinion
            else self.tr("Put to the panel at {at} (motion {digest}): {n} change(s).")
        )
        self.motion_label.setText(text.format(at=labels.beijing_time(created), digest=digest[:12], n=changes))

    def _fill_held(self) -> None:
        t = self.statements
        t.setRowCount(len(self._held))
        for row, s in enumerate(self._held):
            for col, text in enumerate((s.member, s.motion, s.votes, labels.beijing_time(s.at))):
                t.setItem(row, col, QTableWidgetItem(text))
        self._fit(t)
        self._held_label.setText(
            self.tr("Statements held: {n}").format(n=len(self._held))
            if self._held
            else self.tr("No member's vote held yet.")
        )

    def _fill_files(self) -> None:
        t = self.files
        t.setRowCount(len(self._offered))
        for row, f in enumerate(self._offered):
            status = QTableWidgetItem(self.tr("Accepted") if f.accepted else self.tr("Refused"))
            status.setForeground(QBrush(QColor(palette.PASS if f.accepted else palette.ERROR)))
            for col, item in enumerate(
                (
                    QTableWidgetItem(f.source or self.tr("{who}'s vote (signed here)").format(who=f.member)),
                    status,
                    QTableWidgetItem(f.member),
                    QTableWidgetItem("" if f.accepted else str(f.reason)),
                )
            ):
                t.setItem(row, col, item)
        self._fit(t)
        self.files.setVisible(bool(self._offered))
        self._files_label.setVisible(bool(self._offered))

    def retranslate(self) -> None:
        self.proposals_box.setTitle(self.tr("Proposed changes and the opinion"))
        self.proposals.setHorizontalHeaderLabels(
            [
                self.tr("Indicator"),
                self.tr("Computed aggregate"),
                self.tr("Proposed"),
                self.tr("Ground"),
                self.tr("Status"),
                self.tr("Votes"),
            ]
        )
        self.proposals.setAccessibleName(self.tr("Proposed changes and the opinion"))
        self.motion_box.setTitle(self.tr("Panel vote"))
        self.put_button.setText(self.tr("Put to the panel…"))
        self.save_motion_button.setText(self.tr("Save the motion file…"))
        self.import_button.setText(self.tr("Import votes…"))
        self.member_vote_button.setText(self.tr("Member votes…"))
        self.statements.setHorizontalHeaderLabels(
            [self.tr("Member"), self.tr("Motion"), self.tr("Votes"), self.tr("Signed (Beijing time)")]
        )
        self.statements.setAccessibleName(self.tr("Statements held"))
        self.files.setHorizontalHeaderLabels(
            [self.tr("File"), self.tr("Status"), self.tr("Member"), self.tr("Reason")]
        )
        self.files.setAccessibleName(self.tr("Statement files offered"))
        self._files_label.setText(self.tr("Statement files offered"))
        self._show_motion()
        self._fill_held()
        self._fill_files()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

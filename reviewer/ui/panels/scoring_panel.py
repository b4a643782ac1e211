"""The scoring page: the criteria tree with progress, the selected indicator's editor, the scratchpad.

Enter in the score box emits :attr:`ScoringPanel.score_entered` (the workspace writes it) and then
moves the selection to the next UNSCORED indicator after this one, so an expert can score a whole
standard with the number keys and Enter. A score typed without Enter is saved when the selection
moves (:meth:`ScoreEditor.leave`; an unsaveable one keeps the selection where it is if the expert
goes back to fix it). The scratchpad is the expert's private note: it is kept in the local store
only, never put in a sheet and never sent anywhere; it is saved :data:`SCRATCH_DELAY_MS` after the
last keystroke and when the focus leaves it.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from itertools import pairwise

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reviewer.packages.figures import FigureLabel
from reviewer.scoring.progress import next_needing_comment, next_unscored, progress
from reviewer.scoring.workbench_types import EligibilityState, ReviewState
from reviewer.standards.model import Standard
from reviewer.ui import labels, shortcuts
from reviewer.ui.fitted_tree import FittedTreeView
from reviewer.ui.models.scoring_model import CODE, POINTS, SCORE, STATUS, TITLE, CodeRole, ScoringModel
from reviewer.ui.panels.score_editor import ScoreEditor
from reviewer.ui.text_boxes import leave_with_tab

SCRATCH_DELAY_MS = 800


class ScoringPanel(QSplitter):
    score_entered = Signal(str, Decimal)  # code, score
    score_cleared = Signal(str)
    selected = Signal(str)  # the code now selected
    scratchpad_changed = Signal(str)
    typing_changed = Signal()  # something typed waits to be saved, was sent, or was refused

    def __init__(
        self,
        standard: Standard,
        materials: tuple[str, ...] = (),
        parent: QWidget | None = None,
        *,
        figures: Mapping[str, Decimal] | None = None,
        figure_names: Mapping[str, FigureLabel] | None = None,
    ) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setObjectName("scoringPanel")
        self.standard = standard
        self.model = ScoringModel(standard, self)
        self._state: ReviewState | None = None
        self._read_only: str | None = None
        self._editable: frozenset[str] | None = None
        self._scores: dict[str, Decimal] = {}
        self._comments: dict[str, str] | None = None
        self._refused: tuple[dict[str, Decimal | None], dict[str, str]] = ({}, {})
        self._returning = False  # putting the selection back to an indicator with an unsaved score
        self._scratch_dirty = False

        left = QWidget()
        self.progress_label = QLabel(objectName="scoringProgress")
        font = self.progress_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.progress_label.setFont(font)
        self.tree = FittedTreeView(objectName="scoringTree")
        self.tree.setModel(self.model)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setUniformRowHeights(True)
        self.tree.expandAll()
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        for column in (CODE, POINTS, SCORE, STATUS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.selectionModel().currentRowChanged.connect(self._current_changed)
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.progress_label)
        lv.addWidget(self.tree)

        right = QWidget()
        self.editor = ScoreEditor(standard, materials, figures=figures, figure_names=figure_names)
        self.editor.score_submitted.connect(self._submitted)
        self.editor.score_committed.connect(self.score_entered)
        self.editor.score_cleared.connect(self.score_cleared)
        self.editor.typing_changed.connect(self.typing_changed)
        self.scratch_box = QGroupBox(objectName="scratchpadBox")
        self.scratchpad = leave_with_tab(QPlainTextEdit(objectName="scratchpad"))
        self.scratchpad.setMaximumHeight(80)
        self.scratchpad.textChanged.connect(self._scratch_typed)
        self.scratchpad.installEventFilter(self)
        self._scratch_timer = QTimer(self, singleShot=True, interval=SCRATCH_DELAY_MS)
        self._scratch_timer.timeout.connect(self.flush_scratchpad)
        sv = QVBoxLayout(self.scratch_box)
        sv.addWidget(self.scratchpad)
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(self.editor, 1)
        rv.addWidget(self.scratch_box)
        self.addWidget(left)
        self.addWidget(right)
        self.setStretchFactor(0, 1)
        self.setStretchFactor(1, 1)
        e = self.editor  # forwards with Tab: the tree, the score, its comment, the evidence, the scratchpad
        f = e.figure_box
        chain: list[QWidget] = [self.tree, e.score_edit, e.comment_edit, f.confirm, f.flag, f.comment]
        chain += [e.evidence, e.material, e.page]
        chain += [e.add_material, e.attach, e.remove, self.scratchpad]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        within = Qt.ShortcutContext.WidgetWithChildrenShortcut
        self.keys = {
            name: QShortcut(shortcuts.sequence(name), self, slot, context=within)
            for name, slot in (
                ("next_indicator", lambda: self.step(+1)),
                ("previous_indicator", lambda: self.step(-1)),
                ("next_unscored", self.go_to_unscored),
                ("next_comment", self.go_to_needing_comment),
            )
        }
        self.retranslate()

    # --- state ------------------------------------------------------------------------------
    @property
    def current_code(self) -> str | None:
        index = self.tree.currentIndex()
        return index.data(CodeRole) if index.isValid() else None

    def show_state(
        self,
        state: ReviewState,
        scores: dict[str, Decimal],
        *,
        full: bool,
        comments: dict[str, str] | None = None,
        refused: tuple[dict[str, Decimal | None], dict[str, str]] | None = None,
        scratchpad: str | None = None,
        scratch_refused: bool = False,
    ) -> None:
        """Show ``state`` (with ``scores`` and ``comments``: on disk plus still being written;
        ``refused``: the scores and comments whose write failed, put back in the editor unsaved;
        ``scratchpad``: its text on disk or still being written, or refused (``scratch_refused``:
        then it is sent again on leaving it, the page, or closing).
        ``full`` also reloads the editor and the scratchpad (after opening, undo, redo, a failed
        write); typing not yet saved stays as typed."""
        self._state = state
        self._scores = dict(scores)
        self._comments = None if comments is None else dict(comments)
        self._refused = refused or ({}, {})
        self.model.set_scores(scores, dict(state.comments) if comments is None else comments)
        self.model.set_figures({c: a.state is EligibilityState.CONFIRMED for c, a in state.figures.items()})
        self._show_progress(scores)
        if full:
            self.show_editor()
            text = state.scratchpad if scratchpad is None else scratchpad
            if not self._scratch_dirty and self.scratchpad.toPlainText() != text:
                self.scratchpad.blockSignals(True)
                self.scratchpad.setPlainText(text)
                self.scratchpad.blockSignals(False)
            if scratch_refused and text != state.scratchpad:
                self._scratch_dirty = True  # not on disk: sent again when the box is left (no timer)
        else:
            self.editor.show_evidence(state)

    def set_read_only(self, reason: str | None, editable: frozenset[str] | None) -> None:
        """Why scoring is disabled (``None``: it is not); ``editable``: the only codes a return unlocked."""
        self._read_only, self._editable = reason, editable
        self.show_editor()

    def _reason_for(self, code: str | None) -> str | None:
        if self._read_only is not None:
            return self._read_only
        if code is not None and self._editable is not None and code not in self._editable:
            return self.tr("The chair's return notice did not name this indicator; it stays as signed.")
        return None

    def show_editor(self) -> None:
        code = self.current_code
        self.editor.show_code(
            code, self._state, self._reason_for(code), self._scores, self._comments, self._refused
        )

    def _show_progress(self, scores: Mapping[str, Decimal]) -> None:
        p = progress(self.standard, scores)
        text = self.tr("Scored {scored} / {total}   ·   total {points} / {max}").format(
            scored=p.scored,
            total=p.total,
            points=labels.number(p.points_scored),
            max=labels.number(self.standard.total_points),
        )
        objective = [leaf.code for leaf in self.standard.leaves() if leaf.objective is not None]
        if objective:
            done = sum(1 for c in objective if self._state is not None and c in self._state.figures)
            text += "   ·   " + self.tr("figures checked {done} / {total}").format(
                done=done, total=len(objective)
            )
        self.progress_label.setText(text)

    # --- selection --------------------------------------------------------------------------
    def select_code(self, code: str | None) -> bool:
        index = self.model.index_of(code) if code else QModelIndex()
        if not index.isValid():
            return False
        self.tree.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.tree.scrollTo(index)
        return True

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self._returning:
            return
        if previous.isValid() and not self.editor.leave():  # the expert goes back to fix the score
            self._returning = True
            try:
                self.select_code(previous.data(CodeRole))
            finally:
                self._returning = False
            self.editor.score_edit.setFocus()
            return
        self.show_editor()
        if current.isValid():
            self.selected.emit(current.data(CodeRole))
            if self.editor.score_box.isVisible() and self.editor.score_edit.isEnabled():
                self.editor.score_edit.setFocus()
                self.editor.score_edit.selectAll()

    def focus_work(self) -> None:
        """The keyboard to the score box (its text selected), else to the tree."""
        edit = self.editor.score_edit
        if not self.editor.score_box.isHidden() and edit.isEnabled():
            edit.setFocus()
            edit.selectAll()
        else:
            self.tree.setFocus()

    # --- moving by keyboard (keys in reviewer.ui.shortcuts) ---------------------------------
    def step(self, by: int) -> bool:
        """Select the leaf ``by`` places after (or before) the current one, in the standard's order."""
        order = [leaf.code for leaf in self.standard.leaves()]
        code = self.current_code
        if code in order:
            at = order.index(code) + by
        elif code is not None and self.standard.has_criterion(code):  # a level-1 row: its first leaf
            at = order.index(next(self.standard.criterion(code).leaves()).code) + (0 if by > 0 else -1)
        else:
            at = 0
        return 0 <= at < len(order) and self.select_code(order[at])

    def go_to_unscored(self) -> bool:
        """Select the next unscored leaf after the current one (wrapping round); False when none."""
        self.editor.commit_score()  # a score typed here counts as given
        return self.select_code(next_unscored(self.standard, self.model.scores, after=self.current_code))

    def go_to_needing_comment(self) -> bool:
        """Select the next leaf whose score needs a comment it lacks (wrapping round); False when none."""
        self.editor.flush_comment()
        model = self.model
        following = next_needing_comment(self.standard, model.scores, model.comments, after=self.current_code)
        if following is not None and following == self.current_code:
            self.editor.comment_edit.setFocus()
            return True
        return self.select_code(following)

    def _submitted(self, code: str, value: Decimal) -> None:
        self.score_entered.emit(code, value)
        following = next_unscored(self.standard, self.model.scores, after=code)
        if following is not None:
            self.select_code(following)
        else:
            self.editor.score_edit.selectAll()

    # --- scratchpad -------------------------------------------------------------------------
    def _scratch_typed(self) -> None:
        self._scratch_dirty = True
        self._scratch_timer.start()
        self.typing_changed.emit()

    def pending_change(self) -> tuple[str, str, object, object] | None:
        """The typed edit waiting to be saved on this page as ``(entity, key, old, new)``, or ``None``."""
        typed = self.editor.pending()
        if typed is None and self._scratch_dirty:
            old = self._state.scratchpad if self._state is not None else ""
            return "scratchpad", "", old, self.scratchpad.toPlainText()
        return typed

    @property
    def scratch_pending(self) -> bool:
        """Scratchpad text typed and not sent yet (waiting for the pause)."""
        return self._scratch_dirty

    def flush_scratchpad(self) -> None:
        """Send the scratchpad now, if it was typed in since it was last sent."""
        self._scratch_timer.stop()
        if self._scratch_dirty:
            self._scratch_dirty = False
            self.scratchpad_changed.emit(self.scratchpad.toPlainText())
            self.typing_changed.emit()

    def leave(self) -> bool:
        """Save everything typed on this page (before leaving it or closing); False when the expert
        chose to go back and fix a score that cannot be saved."""
        self.flush_scratchpad()
        self.editor.figure_box.flush()
        return self.editor.leave()

    def flush(self) -> None:
        """Save everything typed that can be saved, asking nothing (before an undo, on closing)."""
        self.flush_scratchpad()
        self.editor.flush_comment(retry=True)
        self.editor.figure_box.flush()
        self.editor.commit_score()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.scratchpad and event.type() == QEvent.Type.FocusOut:
            self.flush_scratchpad()
        return super().eventFilter(watched, event)

    # --- texts ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.tree.setAccessibleName(self.tr("Indicators to score"))
        self.scratch_box.setTitle(self.tr("Private scratchpad — stays on this laptop, never in the sheet"))
        self.scratchpad.setPlaceholderText(
            self.tr("Your own notes for the interviews and the visit. Nobody else ever sees them.")
        )
        if self._state is not None:
            self._show_progress(self.model.scores)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

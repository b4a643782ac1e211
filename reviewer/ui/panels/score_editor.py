"""The selected indicator: how it is scored, the expert's score, comment and evidence.

Keyboard first: the score box takes the focus with its text selected, so typing replaces it;
Enter checks the value with :func:`reviewer.scoring.entry.check_score` (range, step; full-width
digits from a Chinese IME are fine) and emits :attr:`ScoreEditor.score_submitted` only for a valid
value; a refused one is named, with the indicator's code, under the box and nothing is emitted.

Nothing typed is lost: a score typed without Enter is committed (:attr:`score_committed`) when the
focus leaves the box or the selection moves (:meth:`ScoreEditor.leave`); one that cannot be saved
stays in the box with its error, and :meth:`leave` asks the expert to go back and fix it or discard
it. A comment is sent :data:`COMMENT_DELAY_MS` after the last keystroke, on leaving the box, and
before anything else happens to the indicator. Ctrl+Z in the boxes is the box's own undo; the
review's undo is the workspace's. The editor never writes: the workspace turns its signals into
workbench calls. The evidence under the score is :class:`~reviewer.ui.panels.score_evidence.EvidenceBox`.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from reviewer.packages.figures import FigureLabel
from reviewer.scoring import entry
from reviewer.scoring.workbench_types import ReviewState
from reviewer.standards.model import Criterion, Standard
from reviewer.ui import labels, palette
from reviewer.ui.dialogs import errors
from reviewer.ui.panels.criterion_details import CriterionDetails
from reviewer.ui.panels.details_split import DetailsSplit
from reviewer.ui.panels.figure_check import FigureCheckBox
from reviewer.ui.panels.score_evidence import EvidenceBox
from reviewer.ui.panels.score_input import ScoreValidator, differs, half_width, refusal
from reviewer.ui.text_boxes import leave_with_tab

COMMENT_DELAY_MS = 600  # a comment is saved this long after the last keystroke (and on leaving it)
ERROR_STYLE = f"QLabel {{ color: {palette.ERROR}; }}"
REQUIRED_STYLE = f"QLabel {{ color: {palette.ERROR}; font-weight: bold; }}"


def choose_attachment(parent: QWidget | None) -> Path | None:
    """Ask for a site-visit file to attach (tests monkeypatch this)."""
    title = QCoreApplication.translate("ScoreEditor", "Attach a site-visit file")
    path, _ = QFileDialog.getOpenFileName(parent, title, str(Path.home()))
    return Path(path) if path else None


class ScoreEditor(QWidget):
    score_submitted = Signal(str, Decimal)  # Enter: code, the checked score (then the panel moves on)
    score_committed = Signal(str, Decimal)  # focus left the box or the selection moves: code, score
    score_cleared = Signal(str)
    comment_changed = Signal(str, str)
    typing_changed = Signal()  # typed text waits to be saved, was sent, or was refused
    attach_requested = Signal(str, Path)  # code, file
    material_requested = Signal(str, str, int)  # code, material, page
    remove_requested = Signal(int)  # evidence id
    evidence_activated = Signal(str, int)  # material name, page: the viewer jumps there

    def __init__(
        self,
        standard: Standard,
        materials: tuple[str, ...] = (),
        parent: QWidget | None = None,
        *,
        figures: Mapping[str, Decimal] | None = None,
        figure_names: Mapping[str, FigureLabel] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("scoreEditor")
        self._standard = standard
        self.code: str | None = None
        self._comment_code: str | None = None
        self._comment_dirty = False  # typed since the comment was last sent
        self._comment_refused = False  # the box holds a comment whose write failed (sent again on leaving)
        self._saved_comment = ""  # the comment as the review holds it (or as last sent)
        self._saved_score = ""  # the score box's text as the review holds it (or as last sent)
        self.details = CriterionDetails()
        self.score_box = QGroupBox(objectName="scoreBox")
        self.score_label = QLabel()
        # annotated: to mypy a constructor given Qt properties as keywords returns Any
        self.score_edit: QLineEdit = QLineEdit(objectName="scoreEdit")
        self.validator = ScoreValidator(standard, self)
        self.score_edit.setValidator(self.validator)
        self.score_edit.setMaximumWidth(140)
        self.score_edit.installEventFilter(self)
        self.score_edit.textEdited.connect(self._typed)
        self.range_hint = QLabel(objectName="scoreRange")
        self.error = QLabel(objectName="scoreError", wordWrap=True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.comment_label = QLabel(objectName="commentLabel")
        self.comment_edit = leave_with_tab(QPlainTextEdit(objectName="commentEdit"))
        self.comment_edit.setMaximumHeight(72)
        self.comment_edit.textChanged.connect(self._comment_typed)
        self.comment_edit.installEventFilter(self)
        self._comment_timer = QTimer(self, singleShot=True, interval=COMMENT_DELAY_MS)
        self._comment_timer.timeout.connect(self.flush_comment)  # saves: the typing is pending
        row = QHBoxLayout()
        row.addWidget(self.score_edit)
        row.addWidget(self.range_hint, 1)
        form = QFormLayout(self.score_box)
        form.addRow(self.score_label, row)
        self.score_label.setBuddy(self.score_edit)
        form.addRow("", self.error)
        form.addRow(self.comment_label, self.comment_edit)
        self.comment_label.setBuddy(self.comment_edit)

        self.evidence_box = EvidenceBox(materials)
        box = self.evidence_box
        self.evidence, self.material, self.page = box.evidence, box.material, box.page
        self.add_material, self.attach, self.remove = box.add_material, box.attach, box.remove
        box.material_requested.connect(self.material_requested)
        box.attach_clicked.connect(self._attach)
        box.remove_requested.connect(self.remove_requested)
        box.evidence_activated.connect(self.evidence_activated)
        self.figure_box = FigureCheckBox(standard, figures, figure_names)  # objective leaves
        self.figure_box.typing_changed.connect(self.typing_changed)
        self.locked = QLabel(objectName="scoreLocked", wordWrap=True)
        self.locked.setStyleSheet(ERROR_STYLE)
        self.locked.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # the description (its score levels) over the boxes, which scroll when the window is short
        boxes = [self.locked, self.score_box, self.figure_box, self.evidence_box]
        self.split = DetailsSplit(self.details, boxes)
        layout.addWidget(self.split, 1)
        self.retranslate()
        self.show_code(None, None)

    # --- showing ----------------------------------------------------------------------------
    def show_code(
        self,
        code: str | None,
        state: ReviewState | None,
        read_only: str | None = None,
        scores: Mapping[str, Decimal] | None = None,
        comments: Mapping[str, str] | None = None,
        refused: tuple[Mapping[str, Decimal | None], Mapping[str, str]] | None = None,
    ) -> None:
        """Show indicator ``code`` (a leaf or a level-1 row) with the expert's values from ``state``
        (``scores``, ``comments``: those on disk plus those still being written). A score typed in
        the box for the same indicator, not yet saved, stays as typed (a refresh never wipes typing).
        ``refused``: the scores and comments whose write failed; this indicator's are put back in
        the boxes as typed and not saved (the saved value under them is the one on disk)."""
        self.flush_comment()
        self.figure_box.flush()
        same = code is not None and code == self.code
        keep = same and self.score_dirty
        typed, problem = self.score_edit.text(), self.error.text()
        self.code = code
        node: Criterion | None = (
            self._standard.criterion(code) if code and self._standard.has_criterion(code) else None
        )
        objective = node is not None and node.is_leaf and node.objective is not None
        leaf = node is not None and node.is_leaf and not objective  # scored by hand
        self.validator.code = code if leaf else None
        self.evidence_box.code = code if leaf or objective else None
        self.details.show_item(self._standard, node)
        if not same:
            self.split.to_top()  # another indicator: its score box, not where the last was scrolled to
        self.error.clear()
        self.score_box.setVisible(leaf)
        self.figure_box.setVisible(objective)
        self.figure_box.show_code(code if objective else None, state)
        self.evidence_box.setVisible(leaf or objective)
        if scores is None and state is not None:
            scores = state.scores
        score = scores.get(code) if scores is not None and leaf and code else None
        refused_scores, refused_comments = refused or ({}, {})
        self._saved_score = labels.number(score)
        if keep:
            shown = typed
        elif leaf and code is not None and code in refused_scores:
            shown = labels.number(refused_scores[code])  # refused: back as typed, not saved
        else:
            shown = self._saved_score
        self.score_edit.setText(shown)
        if keep:
            self.error.setText(problem)
        self.score_edit.selectAll()
        if comments is None and state is not None:
            comments = state.comments
        comment = comments.get(code, "") if comments is not None and code else ""
        self._saved_comment = comment
        refused_comment = refused_comments.get(code) if leaf and code else None
        text = comment if refused_comment is None else refused_comment
        if not same or self.comment_edit.toPlainText() != text:  # (its undo history goes too)
            self.comment_edit.blockSignals(True)
            self.comment_edit.setPlainText(text)
            self.comment_edit.blockSignals(False)
        self._comment_code = code if leaf else None
        self._comment_dirty = False
        self._comment_refused = refused_comment is not None and refused_comment != comment
        self._show_range()
        self.set_read_only(read_only)
        self.update_marker()
        self.show_evidence(state)

    def _show_range(self) -> None:
        """The indicator's allowed scores, in the UI's language (again after a switch)."""
        code = self.code
        if code is None or not self._standard.has_criterion(code):
            return
        node = self._standard.criterion(code)
        if node.is_leaf:
            self.range_hint.setText(
                self.tr("0 – {points}, step {step}").format(
                    points=labels.number(node.points), step=labels.number(node.step or Decimal(1))
                )
            )

    def show_evidence(self, state: ReviewState | None) -> None:
        self.evidence_box.show_evidence(state, self.code)

    def set_read_only(self, reason: str | None) -> None:
        for widget in (self.score_edit, self.comment_edit):
            widget.setEnabled(reason is None)
        self.figure_box.set_read_only(reason is not None)
        self.evidence_box.set_editable(reason is None)
        self.locked.setText(reason or "")
        shown = self.score_box.isVisible() or self.figure_box.isVisible()
        self.locked.setVisible(reason is not None and shown)

    def update_marker(self) -> None:
        """Mark the comment required when the standard requires one for the score typed (or saved)."""
        required = False
        if self.validator.code is not None:
            try:
                value = entry.check_score(
                    self._standard, self.validator.code, half_width(self.score_edit.text())
                )
                required = entry.comment_required(self._standard, self.validator.code, value)
            except entry.ScoreEntryError:
                required = False
        self.comment_required = required
        self.comment_label.setText(self.tr("Comment (required)") if required else self.tr("Comment"))
        self.comment_label.setStyleSheet(REQUIRED_STYLE if required else "")

    # --- input ----------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.score_edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.submit()
                return True
        if (
            watched is self.score_edit
            and event.type() == QEvent.Type.FocusOut
            and self.score_edit.isEnabled()
        ):
            self.commit_score()  # typed without Enter: saved now if it can be, else its error stays
        if watched is self.comment_edit and event.type() == QEvent.Type.FocusOut:
            self.flush_comment()  # (a refused one is tried again on leaving the indicator)
        return super().eventFilter(watched, event)

    def submit(self) -> None:
        """Enter in the score box: check and emit, or say why not (naming the indicator)."""
        code = self.validator.code
        if code is None:
            return
        text = half_width(self.score_edit.text()).strip()
        if not text:
            self.error.clear()
            self._saved_score = ""
            self.flush_comment()
            self.score_cleared.emit(code)
            self.typing_changed.emit()
            return
        try:
            value = entry.check_score(self._standard, code, text)
        except entry.ScoreEntryError as exc:
            self.error.setText(str(exc))
            self.score_edit.selectAll()
            self.typing_changed.emit()
            return
        self.error.clear()
        self._saved_score = self.score_edit.text()
        self.flush_comment()
        self.score_submitted.emit(code, value)
        self.typing_changed.emit()

    # --- what is typed and not yet saved -----------------------------------------------------
    @property
    def score_dirty(self) -> bool:
        """The score box holds something other than the saved score (typed, not sent)."""
        return self.validator.code is not None and differs(self.score_edit.text(), self._saved_score)

    def score_problem(self) -> str | None:
        """Why the score typed cannot be saved (naming the indicator and the value), or ``None``."""
        code = self.validator.code
        if code is None or not self.score_dirty:
            return None
        return refusal(self._standard, code, self.score_edit.text())

    @property
    def comment_pending(self) -> bool:
        """A comment was typed and has not been sent yet (it is waiting for the pause)."""
        return self._comment_dirty and self._comment_code is not None

    @property
    def comment_unsaved(self) -> bool:
        """The comment box holds text not on disk: typed and not sent, or sent and refused."""
        return (self._comment_dirty or self._comment_refused) and self._comment_code is not None

    def pending(self) -> tuple[str, str, object, object] | None:
        """The edit waiting to be saved, as ``(entity, code, old, new)``: the comment being typed,
        else a valid score typed without Enter; ``None`` when there is none."""
        if self.comment_unsaved:
            assert self._comment_code is not None
            old = self._saved_comment or None
            return "comment", self._comment_code, old, self.comment_edit.toPlainText().strip() or None
        code = self.validator.code
        if code is not None and self.score_dirty and self.score_problem() is None:
            text = half_width(self.score_edit.text()).strip()
            return "score", code, half_width(self._saved_score).strip() or None, text or None
        return None

    def commit_score(self) -> bool:
        """Send a score typed without Enter (focus left, selection moves, closing).

        True when nothing is left unsaved; False when the value cannot be saved: it stays in the
        box with its error under it, and nothing is emitted."""
        code = self.validator.code
        if code is None or not self.score_dirty:
            return True
        text = half_width(self.score_edit.text()).strip()
        if not text:
            self.error.clear()
            self._saved_score = ""
            self.score_cleared.emit(code)
            self.typing_changed.emit()
            return True
        try:
            value = entry.check_score(self._standard, code, text)
        except entry.ScoreEntryError as exc:
            self.error.setText(str(exc))
            self.typing_changed.emit()
            return False
        self.error.clear()
        self._saved_score = self.score_edit.text()
        self.score_committed.emit(code, value)
        self.typing_changed.emit()
        return True

    def leave(self) -> bool:
        """Before the selection moves (or the page changes, or the review closes): save what is
        typed. A score that cannot be saved is never written and never dropped unasked: the expert
        goes back to fix it (False: stay here) or discards the typed value (True)."""
        self.flush_comment(retry=True)
        if self.commit_score():
            return True
        problem = self.score_problem() or ""
        question = self.tr(
            "{problem}\n\nThe score you typed cannot be saved. Go back and correct it?\n"
            "Yes: back to the indicator, the value kept as typed. No: discard the typed value "
            "(the saved score stays)."
        ).format(problem=problem)
        if errors.ask(self, self.tr("Score not saved"), question):
            self.score_edit.setFocus()
            self.score_edit.selectAll()
            return False
        self.discard_score()
        return True

    def discard_score(self) -> None:
        """Put the saved score back in the box (the typed one is dropped, at the expert's word)."""
        self.score_edit.setText(self._saved_score)
        self.error.clear()
        self.update_marker()
        self.typing_changed.emit()

    def _typed(self, _text: str) -> None:
        self.error.clear()
        self.update_marker()
        self.typing_changed.emit()

    def _comment_typed(self) -> None:
        if self._comment_code is not None:
            self._comment_dirty = True
            self._comment_refused = False
            self._comment_timer.start()
            self.typing_changed.emit()

    def flush_comment(self, *, retry: bool = False) -> None:
        """Send the comment being typed now: after the pause, on leaving the box, changing
        indicator, Enter, undo or closing. Nothing is sent when nothing was typed. ``retry``
        (leaving the indicator, undo, closing): a refused comment in the box is sent again too;
        never on a mere refresh, so a failing write is not retried in a loop."""
        self._comment_timer.stop()
        if (self._comment_dirty or (retry and self._comment_refused)) and self._comment_code is not None:
            self._comment_dirty = self._comment_refused = False
            text = self.comment_edit.toPlainText()
            self._saved_comment = text
            self.comment_changed.emit(self._comment_code, text)
            self.typing_changed.emit()
        self._comment_dirty = False

    def _attach(self) -> None:
        code = self.validator.code
        if code is None:
            return
        path = choose_attachment(self)
        if path is not None:
            self.attach_requested.emit(code, path)

    # --- texts ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.score_box.setTitle(self.tr("Your score"))
        self.score_label.setText(self.tr("Score"))
        self.score_edit.setPlaceholderText(self.tr("Type, then Enter"))
        self.score_edit.setAccessibleDescription(
            self.tr("The points for the selected indicator, within its range and step; Enter saves them")
        )
        self._show_range()
        self.update_marker()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

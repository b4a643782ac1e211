"""One opened review: the expert's workspace, its pages, undo/redo and the save indicator.

    workspace = ReviewWorkspace(bench, review, state=state, materials=names)   # shows scoring + checks
    workspace.add_page("materials", viewer, lambda: viewer.tr("Materials"))   # other panels plug in
    workspace.write(lambda bench, review: bench.declare(review, Conflict.NONE), full=True)
    workspace.add_material_evidence("1.1", "application.pdf", 12)

Every change goes to the :class:`~reviewer.models.workbench.Workbench` at once, through
:meth:`ReviewWorkspace.save`: an operation of :mod:`reviewer.app.review_edits` on the one serial write
lane of :mod:`reviewer.ui.tasks` (off the GUI thread, in order), its result and failure delivered
to the page that made the change, and the fresh review to every page (``state_changed``). The view shows the
scores and comments on disk plus those still being written. The save indicator tells the truth:
"Saved" only when every edit is on disk — none queued, no typing waiting for its pause, no score
typed without Enter; "Saving…" while any is; "Not saved (reason)" after a failed write (until the
next one succeeds; the view then shows what is on disk) or while a typed score cannot be saved. A
score or comment whose write failed is put back in its box as typed and not saved, and the indicator
keeps its reason until that score or comment is written (leaving the box or the indicator retries).

Undo and redo here are the review's (a score, a comment, evidence, an answer): toolbar actions whose
labels name what they will do (:mod:`reviewer.models.workbench_text`), with Ctrl+Z / Ctrl+Shift+Z
when the focus is not in a text box (a text box keeps Ctrl+Z for its own typing). What was undone
or redone is said beside the indicator. The workspace only ever holds the expert's own review
(independence: no other sheet reaches it).

Around it: :mod:`~reviewer.ui.panels.workspace_pages` (the navigation and the pages, in order, each
built when first shown), :mod:`~reviewer.ui.panels.review_inflight` (what is written but not yet
read back) and :mod:`~reviewer.ui.panels.review_history` (undo/redo and the save indicator).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolBar, QVBoxLayout, QWidget

from reviewer.app import review_edits
from reviewer.app.review_edits import Edit, Saved
from reviewer.scoring.progress import next_unscored
from reviewer.scoring.workbench_types import (
    AuditEntry,
    EligibilityState,
    NothingToRedo,
    NothingToUndo,
    Review,
    ReviewState,
    ReviewStatus,
)
from reviewer.ui import palette
from reviewer.ui.dialogs import errors
from reviewer.ui.panels.checks_panel import ChecksPanel
from reviewer.ui.panels.review_history import SaveIndicator, UndoRedo
from reviewer.ui.panels.review_inflight import REFUSABLE, InFlight, Tag
from reviewer.ui.panels.scoring_panel import ScoringPanel
from reviewer.ui.panels.workspace_pages import Page, Title, WorkspacePages
from reviewer.ui.tasks import Executor, Task, drain_writes

if TYPE_CHECKING:
    from reviewer.models.workbench import Workbench
    from reviewer.packages.figures import FigureLabel
    from reviewer.scoring.workbench_types import Review
    from reviewer.ui.panels.declarations_page import DeclarationsPage
    from reviewer.ui.panels.finalise_page import FinalisePage
    from reviewer.ui.panels.materials_viewer import MaterialsViewer
    from reviewer.ui.panels.motion_page import MotionPage
    from reviewer.ui.panels.site_visit_panel import SiteVisitPanel

log = logging.getLogger(__name__)


class ReviewWorkspace(QWidget):
    state_changed = Signal(ReviewState)  # the state on disk, after each write and refresh
    busy = Signal(bool)  # True when the first edit is sent, False when the last one is back
    evidence_activated = Signal(str, int)  # material name, page: the materials viewer jumps there
    page_changed = Signal(str)

    def __init__(
        self,
        bench: Workbench,
        review: Review,
        *,
        state: ReviewState,
        materials: tuple[str, ...] = (),
        executor: Executor | None = None,
        parent: QWidget | None = None,
        figures: Mapping[str, Decimal] | None = None,
        figure_names: Mapping[str, FigureLabel] | None = None,
    ) -> None:
        """``state``: the review as just read, on the worker that opened it (never read here);
        ``figures``: the package's sealed figures (objective indicators), with their names and units."""
        super().__init__(parent)
        self.setObjectName("reviewWorkspace")
        self.bench, self.review, self.standard = bench, review, review.standard
        self.executor = executor  # None: the app's thread pool and serial write lane
        self.pending = 0  # edits sent whose result has not come back yet
        self.state: ReviewState = state
        self._inflight = InFlight()  # scores and comments shown before their write is back
        self.unsaved = False
        self.unsaved_reason: str | None = None  # the failed write's message
        self._closed = False
        self._read_only: tuple[str | None, frozenset[str] | None] | None = None
        self._resumed = False
        self._failures = 0  # writes that failed (closing asks when one failed while it saved)

        self.toolbar = QToolBar(objectName="workspaceToolbar")
        self.history = UndoRedo(self, undo=self.undo, redo=self.redo)
        self.undo_action, self.redo_action = self.history.undo_action, self.history.redo_action
        self.toolbar.addAction(self.undo_action)
        self.toolbar.addAction(self.redo_action)
        self.notice = self.history.notice
        self.save_state = SaveIndicator()
        self.banner = QLabel(objectName="workspaceBanner", wordWrap=True)
        self.banner.setStyleSheet(
            f"QLabel {{ background: {palette.BANNER_BACKGROUND}; color: {palette.BANNER_TEXT}; padding: 6px; }}"
        )
        self.pages = WorkspacePages(self._may_leave)
        self.nav, self.stack, self._keys = self.pages.nav, self.pages.stack, self.pages.keys
        self.pages.shown.connect(self._page_shown)

        self.scoring = ScoringPanel(self.standard, materials, figures=figures, figure_names=figure_names)
        self.checks = ChecksPanel(self.standard)
        self.scoring.score_entered.connect(self.set_score)
        self.scoring.score_cleared.connect(lambda code: self.set_score(code, None))
        self.scoring.selected.connect(self._remember_position)
        self.scoring.scratchpad_changed.connect(self.set_scratchpad)
        editor = self.scoring.editor
        editor.comment_changed.connect(self.set_comment)
        self.scoring.typing_changed.connect(self._typing_changed)
        editor.attach_requested.connect(self.attach_file)
        editor.material_requested.connect(self.add_material_evidence)
        editor.remove_requested.connect(lambda i: self.write(lambda b, r: b.remove_evidence(r, i)))
        editor.evidence_activated.connect(self.evidence_activated)
        editor.figure_box.checked.connect(
            lambda code, state, comment: self.write(lambda b, r: b.check_figure(r, code, state, comment))
        )
        self.checks.yes_no_answered.connect(
            lambda code, answer, comment: self.write(lambda b, r: b.answer_yes_no(r, code, answer, comment))
        )
        self.checks.eligibility_answered.connect(self._eligibility)
        self.checks.typing_changed.connect(self._typing_changed)

        top = QHBoxLayout()
        top.addWidget(self.toolbar)
        top.addWidget(self.notice, 1)
        top.addWidget(self.save_state)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.pages, 1)
        self.add_page("scoring", self.scoring, lambda: self.tr("Scoring"))
        self.add_page("checks", self.checks, lambda: self.tr("Vetoes and eligibility"))
        self._show(full=True)
        self.resume()
        self.retranslate()

    # --- pages ------------------------------------------------------------------------------
    def add_page(self, key: str, page: Page, title: Title) -> None:
        """Add a page to the navigation (:class:`~reviewer.ui.panels.workspace_pages.WorkspacePages`:
        in its order; ``page`` may be a function that builds it when first shown or asked for)."""
        self.pages.add(key, page, title)
        if key == self.state.position.tab:
            self.show_page(key)

    def page(self, key: str) -> QWidget | None:
        """The page for ``key`` (built now if it was not yet), or ``None`` if there is no such page."""
        return self.pages.page(key)

    # The pages other modules plug in (expert_pages, visit_pages); None where there is none. Each is
    # the page built for its key; the classes are imported lazily, hence the ignores, not isinstance.
    @property
    def declarations_page(self) -> DeclarationsPage | None:
        return self.page("declarations")  # type: ignore[return-value]

    @property
    def finalise_page(self) -> FinalisePage | None:
        return self.page("finalise")  # type: ignore[return-value]

    @property
    def materials_viewer(self) -> MaterialsViewer | None:
        return self.page("materials")  # type: ignore[return-value]

    @property
    def site_visit(self) -> SiteVisitPanel | None:
        return self.page("site_visit")  # type: ignore[return-value]

    @property
    def motion_page(self) -> MotionPage | None:
        return self.page("motion")  # type: ignore[return-value]

    def show_page(self, key: str) -> None:
        self.pages.show_page(key)

    @property
    def current_page(self) -> str | None:
        return self.pages.current

    def focus_work(self) -> None:
        """Put the keyboard where work starts on the page shown (the score box, the declarations'
        first choice, the finalise step's first action): each page's own ``focus_work``."""
        page = self.page(self.current_page or "")
        focus = getattr(page, "focus_work", None)
        if callable(focus):
            focus()

    def showEvent(self, event: QShowEvent) -> None:
        """Shown (opened, or its tab chosen): the keyboard goes where work starts, once laid out."""
        super().showEvent(event)
        if not event.spontaneous():
            QTimer.singleShot(0, self, self.focus_work)

    def _may_leave(self, key: str) -> bool:
        if key == "scoring" and not self.scoring.leave():  # back to fix a score that cannot be saved
            self.scoring.editor.score_edit.setFocus()
            return False
        return True

    def _page_shown(self, key: str) -> None:
        self._remember_position()
        self.page_changed.emit(key)

    def resume(self) -> None:
        """Back where the expert was: the saved page and indicator, else the first unscored one."""
        position = self.state.position
        self.show_page(position.tab if position.tab in self._keys else "scoring")
        if not self.scoring.select_code(position.code):
            self.scoring.select_code(
                next_unscored(self.standard, self.state.scores) or self.standard.leaves()[0].code
            )
        self._resumed = True

    # --- writing ----------------------------------------------------------------------------
    def write(self, fn: Edit[object], *, full: bool = False, quiet: bool = False) -> None:
        """Queue one workbench call ``fn(bench, review)``; ``full`` reloads every page afterwards."""
        self._submit(fn, Tag(full, quiet=quiet))

    def save(
        self,
        edit: Edit[object],
        *,
        on_saved: Callable[[object], object] | None = None,
        on_failed: Callable[[BaseException], object] | None = None,
    ) -> None:
        """A page's own change: ``edit(bench, review)`` on the write lane, in order with every other
        edit. ``on_saved(result)`` after it is on disk (every page then sees the fresh review through
        ``state_changed``); ``on_failed(exc)`` when it failed, else the failure is shown here."""
        self._submit(edit, None, on_saved, on_failed)

    def _submit(
        self,
        fn: Edit[object],
        tag: Tag | None,
        on_saved: Callable[[object], object] | None = None,
        on_failed: Callable[[BaseException], object] | None = None,
    ) -> None:
        if self._closed:  # everything typed was saved by close_writer; this comes from tearing down
            log.warning("write after the review was closed, ignored: %s", tag.kind if tag else "change")
            return
        bench, review = self.bench, self.review
        self._pending(+1)
        Task(self, lambda _p: review_edits.save(bench, review, fn), self.executor, writes=True).on_success(
            lambda saved: self._saved(tag, saved, on_saved)
        ).on_failure(lambda exc: self._failed(tag, exc, on_failed)).run()

    def _pending(self, change: int) -> None:
        self.pending += change
        if self.pending == (1 if change > 0 else 0):
            self.busy.emit(self.pending > 0)
        self._show_indicator()

    def set_score(self, code: str, value: Decimal | None) -> None:
        tag = self._inflight.score(code, value)
        self._show_scoring(full=False)
        self._submit(lambda b, r: b.set_score(r, code, value), tag)

    def set_comment(self, code: str, text: str) -> None:
        tag = self._inflight.comment(code, text)
        self._show_scoring(full=False)
        self._submit(lambda b, r: b.set_comment(r, code, text), tag)

    def set_scratchpad(self, text: str) -> None:
        """The private scratchpad (quiet: no change to the review); shown as sent until written."""
        self._submit(lambda b, r: b.set_scratchpad(r, text), self._inflight.scratchpad_write(text))

    def add_material_evidence(self, code: str, material: str, page: int, note: str | None = None) -> None:
        """Evidence for ``code``: a page of one of the package's materials."""
        self.write(lambda b, r: b.add_evidence(r, code, material=material, page=page, note=note))

    def attach_file(self, code: str, path: Path, note: str | None = None) -> None:
        """A site-visit file as evidence for ``code``; the store keeps its bytes and SHA-256."""
        self.write(lambda b, r: b.attach_file(r, code, path, note))

    def _eligibility(self, code: str, state: EligibilityState | None, comment: str) -> None:
        self.write(lambda b, r: b.answer_eligibility(r, code, state, comment))

    def undo(self) -> None:
        """Undo the review's last change, as the action's label names it (typing is saved first:
        the label names that typing then)."""
        self.scoring.flush()
        self._submit(lambda b, r: b.undo(r), Tag(True, kind="undo"))

    def redo(self) -> None:
        self.scoring.flush()
        self._submit(lambda b, r: b.redo(r), Tag(True, kind="redo"))

    def _remember_position(self, *_args: object) -> None:
        code, tab = self.scoring.current_code, self.current_page
        if not self._resumed or code is None:
            return  # still putting the expert back where they were
        if (code, tab) != (self.state.position.code, self.state.position.tab):
            self._submit(lambda b, r: b.set_position(r, code, tab), Tag(False, quiet=True))

    def refresh(self) -> None:
        """Read the review again (after another panel changed it directly) and show it all: read on
        the write lane, so after every edit already sent."""
        bench, review = self.bench, self.review
        Task(self, lambda _p: review_edits.read(bench, review), self.executor, writes=True).on_success(
            self._refreshed
        ).run()

    def _refreshed(self, state: ReviewState) -> None:
        self.state = state
        self._show(full=True)

    def may_close(self) -> bool:
        """Before closing the review (the window, another package): save what is typed; False when
        the expert chose to go back and fix a score that cannot be saved."""
        if self._closed:
            return True
        self.checks.flush()
        return self.scoring.leave()

    def close_writer(self) -> bool:
        """Save what is being typed, finish every queued write, stop the writer. When a write fails
        while doing so, its error is shown and the expert is asked: go back to the review (False:
        the writer stays open, the unsaved work on screen) or close anyway (True)."""
        if self._closed:
            return True
        failures = self._failures
        drain_writes()  # what is on its way first: a refresh after a failed write puts it back to send
        self.checks.flush()
        self.scoring.flush()
        for page in self.pages.built():  # a page built and holding typing (the site-visit note) saves it
            flush = getattr(page, "flush_draft", None)
            if callable(flush):
                flush()
        drain_writes()  # every result delivered now: a failure is reported before closing
        if self._failures != failures:
            question = self.tr(
                "{problem}\n\nSome of your work could not be saved. Go back to the review?\n"
                "Yes: back to the review, the unsaved work kept on screen. No: close anyway "
                "(the unsaved work is lost)."
            ).format(problem=self.unsaved_because() or "")
            if errors.ask(self, self.tr("Not saved"), question):
                return False
        self._closed = True
        return True

    # --- results (GUI thread) ---------------------------------------------------------------
    def _scores(self) -> dict[str, Decimal]:
        return self._inflight.scores(self.state.scores)

    def _comments(self) -> dict[str, str]:
        return self._inflight.comments(self.state.comments)

    def _show_scoring(self, *, full: bool) -> None:
        self.scoring.show_state(
            self.state,
            self._scores(),
            full=full,
            comments=self._comments(),
            refused=(self._inflight.refused_scores(), self._inflight.refused_comments()),
            scratchpad=self._inflight.scratchpad(self.state.scratchpad),
            scratch_refused=self._inflight.refused_scratchpad() is not None,
        )

    def _saved(
        self, tag: Tag | None, saved: Saved[object], on_saved: Callable[[object], object] | None
    ) -> None:
        self._pending(-1)
        result, state = saved.result, saved.state
        self._inflight.settle(tag)
        self.state = state
        if not (isinstance(tag, Tag) and tag.quiet):
            self.unsaved, self.unsaved_reason = False, None
        if isinstance(tag, Tag) and tag.kind in ("undo", "redo") and isinstance(result, AuditEntry):
            self.history.done(result)
        elif isinstance(tag, Tag) and not tag.quiet:
            self.history.say("")  # a new change: the last undo's notice is old news
        self._show(full=isinstance(tag, Tag) and tag.full)
        if on_saved is not None:
            on_saved(result)

    def _failed(
        self, tag: Tag | None, exc: BaseException, on_failed: Callable[[BaseException], object] | None
    ) -> None:
        self._pending(-1)
        if isinstance(tag, Tag) and tag.kind in REFUSABLE:
            self._inflight.refuse(tag, str(exc))  # kept, shown as typed and unsaved, until written
        else:
            self._inflight.settle(tag)
        if isinstance(exc, NothingToUndo | NothingToRedo):
            self.history.say(str(exc))
            self._show_indicator()
            return
        if tag is not None:  # the workspace's own change (a page's shows its failure its own way)
            self._failures += 1
            if tag.kind not in REFUSABLE:  # a refused field keeps its own reason until it is written
                self.unsaved, self.unsaved_reason = True, str(exc)
        self._show_indicator()  # "Not saved (why)" now; the review is read again below
        if on_failed is not None:
            on_failed(exc)
        else:
            errors.report(self, exc)
        self.refresh()  # what is on disk, with a refused score or comment back in its box, unsaved  # what is on disk, with a refused score or comment back in its box, unsaved

    def _typing_changed(self) -> None:
        self._show_indicator()
        self._show_actions()

    def _show(self, *, full: bool) -> None:
        self._show_scoring(full=full)
        self.checks.show_state(self.state)
        self._show_read_only()
        self._show_actions()
        self._show_indicator()
        self.state_changed.emit(self.state)

    def _show_read_only(self, *, again: bool = False) -> None:
        """Lock the pages (and say why) when the sheet cannot be changed; ``again`` after a language
        switch, so the reason is said in the new language."""
        reason = self.read_only_reason()
        editable = self.state.editable_codes if self.state.status is ReviewStatus.OPEN else None
        if again or (reason, editable) != self._read_only:
            self._read_only = (reason, editable)
            self.scoring.set_read_only(reason, editable)
            self.checks.set_read_only(reason, editable)
        self.banner.setText(reason or "")
        self.banner.setVisible(reason is not None)

    def _show_actions(self) -> None:
        """Label undo and redo with what they will do: typing still to be saved is undone first."""
        typed = self.scoring.pending_change()
        if typed is not None:
            entity, key, old, new = typed
            next_undo: AuditEntry | None = AuditEntry(
                0, datetime.now(UTC), entity, key, old, new, "set", None
            )
            next_redo = None  # saving the typing clears the redo stack
        else:
            next_undo, next_redo = self.state.undo_next, self.state.redo_next
        queued = self.pending > 0
        self.history.show_next(next_undo, next_redo, undo_queued=queued, redo_queued=queued and typed is None)

    def read_only_reason(self) -> str | None:
        """Why the sheet cannot be changed now, in words; ``None`` when it can."""
        state = self.state
        if state.status is ReviewStatus.RECUSED:
            return self.tr(
                "You declared a conflict of interest and are recused: this review cannot be scored."
            )
        if state.status is ReviewStatus.FINALISED:
            return self.tr(
                "This sheet is finalised and signed, so it is locked. Only a return notice from the chair reopens it."
            )
        if not state.declaration.complete:
            return self.tr(
                "Declare any conflict of interest and accept the confidentiality pledge before scoring."
            )
        return None

    def unsaved_because(self) -> str | None:
        """Why something is not saved: a failed write's message (a refused score or comment keeps
        it until that field is written), or a typed score it cannot save."""
        if self.unsaved:
            return self.unsaved_reason or ""
        refused = self._inflight.refusal()
        if refused is not None:
            return refused
        return self.scoring.editor.score_problem()

    @property
    def saving(self) -> bool:
        """Writes are queued, or typing waits to be saved (its pause, a score without Enter, a
        vetoes/eligibility comment not yet sent or a flag waiting for its reason)."""
        return (
            self.pending > 0
            or self.scoring.pending_change() is not None
            or self.checks.unsent
            or self.scoring.editor.figure_box.unsent
        )

    def _show_indicator(self, _busy: object = None) -> None:
        self.save_state.show_status(self.unsaved_because(), self.saving)

    # --- texts ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.history.retranslate()
        self._show_read_only(again=True)
        self._show_actions()
        self.pages.retranslate()
        self._show_indicator()
        reason = self.read_only_reason()
        self.banner.setText(reason or "")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

"""The panel chair's workspace (专家组组长): import the sheets, read the matrix, decide, conclude.

The work is the core's :class:`~reviewer.scoring.panel.PanelState` (verify and collect sheets,
hold the decisions, reconcile); this panel keeps the current state, runs the slow parts (binding
to the verified package, verifying and decrypting sheets) through :class:`~reviewer.ui.tasks.Task`,
records every decision with who and when, and recomputes the reconciliation (a cheap pure
function) after each one.

Signed means frozen: while a signature stands on the record on file (its
:class:`~reviewer.export.record_seal.RecordSeal`), every editor that feeds the record is read-only
with the reason shown, and :meth:`ChairPanel._decide` and the imports refuse below the GUI too
(the core's :meth:`RecordSeal.require_open`, which the command line can share). An import and the
record's steps never run at the same time (each waits for the other, buttons disabled), and an
import reads the record on file again on its worker just before it keeps any sheet
(:func:`~reviewer.app.chair_work.require_record_open`). Irreversible steps
(a return notice, a dissent recorded or withdrawn) are confirmed first. The chair's own signed sheet
is counted as soon as it is signed (and at opening, from the sheet archive, if the store lacks it;
while the record is signed the sheets page says it is not counted, and why).

The decision handlers (consensus, explanation, return notice, opinion, dissent, visit) are
:class:`~reviewer.ui.panels.chair_deciding.ChairDeciding`; this module keeps the state, the lock,
the imports and the chair's own sheet.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QSplitter, QTabWidget, QVBoxLayout, QWidget

from reviewer.app.chair_work import (
    Kept,
    archived_own_sheet,
    bind_review,
    import_and_keep,
    keep_offered,
    record_decisions,
    require_record_open,
)
from reviewer.app.finalise import Finalised, SheetArchive
from reviewer.app.opening import OpenedReview
from reviewer.app.panel_board import PanelBoard, panel_board
from reviewer.errors import ReviewerError
from reviewer.export.record_seal import RecordFrozen
from reviewer.models.chair import ChairStore, StoredSheet
from reviewer.models.sealed_files import SealedFiles
from reviewer.models.store import Store
from reviewer.paths import data_dir
from reviewer.scoring.decisions import (
    Actor,
    PanelDecisions,
)
from reviewer.scoring.panel import PanelState, SheetOutcome
from reviewer.scoring.result import Reconciliation
from reviewer.trust import clock
from reviewer.ui.dialogs import errors
from reviewer.ui.models.matrix_model import MatrixExpert
from reviewer.ui.panels.chair_board import BoardView
from reviewer.ui.panels.chair_cell import cell_details
from reviewer.ui.panels.chair_deciding import ChairDeciding
from reviewer.ui.panels.chair_import import (
    ACCEPTED,
    REFUSED,
    SUPERSEDED,
    FileOutcome,
    HeldSheet,
    ImportView,
)
from reviewer.ui.panels.chair_matrix import MatrixPage
from reviewer.ui.panels.chair_record import RecordPage
from reviewer.ui.panels.chair_votes import VotesPage
from reviewer.ui.panels.chair_voting import ChairVoting
from reviewer.ui.panels.opinion_editor import OpinionEditor
from reviewer.ui.tasks import Executor, Task


class ChairPanel(ChairDeciding, ChairVoting, QWidget):
    changed = Signal()  # after every import or decision, once the reconciliation is recomputed
    bound = Signal()  # once, when the panel holds the package's state (what the chair store kept)

    def __init__(
        self,
        review: OpenedReview,
        executor: Executor | None = None,
        parent: QWidget | None = None,
        now: Callable[[], str] | None = None,
        store: Store | None = None,
        archive: SheetArchive | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("chairPanel")
        self.review = review
        self._executor = executor
        self._now = now or (lambda: clock.iso(clock.utcnow()))
        self._chair_store = None if store is None else ChairStore(store)
        self.state: PanelState | None = None
        self._deciding: PanelDecisions | None = None  # taken, being logged on the write worker
        self.reconciliation: Reconciliation | None = None
        self.error = ""
        self.tabs = QTabWidget(objectName="chairTabs")
        self.imports = ImportView()
        self.board = BoardView()
        self._board_asked = 0  # the newest board asked for: an older one arriving late is dropped
        self.matrix = MatrixPage()
        self.opinion = OpinionEditor()
        self.votes = VotesPage()
        data = store.path.parent if store is not None and store.path else data_dir()
        self._archive = archive or SheetArchive(data / "sheets")  # where the chair's own signed sheets are
        self._pending_own: list[tuple[str, bytes]] = []  # signed before the panel was bound
        self._imports_running = 0  # while any runs, the record's steps wait (and imports wait for them)
        self.record = RecordPage(
            review,
            data / "chair" / review.manifest.package_id,
            executor,
            chair_store=self._chair_store,
            files=None if store is None else SealedFiles(store.keys, review.identity.fingerprint),
        )
        sheets_page = QSplitter(Qt.Orientation.Vertical, objectName="chairSheetsPage")
        sheets_page.addWidget(self.board)  # who is missing: where the chair looks first
        sheets_page.addWidget(self.imports)
        sheets_page.setStretchFactor(0, 0)
        sheets_page.setStretchFactor(1, 1)
        sheets_page.setChildrenCollapsible(False)
        self.tabs.addTab(sheets_page, "")
        self.tabs.addTab(self.matrix, "")
        self.tabs.addTab(self.opinion, "")
        self.tabs.addTab(self.votes, "")
        self.tabs.addTab(self.record, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.imports.files_chosen.connect(self.import_files)
        self.matrix.cell_selected.connect(self._show_cell)
        self.matrix.consensus_requested.connect(self.set_consensus)
        self.matrix.explanation_requested.connect(self.enter_explanation)
        self.matrix.return_requested.connect(self.return_sheet)
        self.opinion.opinion_saved.connect(self._save_opinion)
        self.votes.put_requested.connect(self.put_to_panel)
        self.votes.save_motion_requested.connect(self.save_motion)
        self.votes.import_requested.connect(self.import_statements)
        self.votes.member_vote_requested.connect(self.member_vote)
        self.record.visit.visit_saved.connect(self._save_visit)
        self.record.seal_changed.connect(self._apply_lock)
        self.record.busy_changed.connect(self.imports.set_waiting)
        self.record.first_loaded.connect(self._count_own_archived)
        self.record.reopened.connect(self._count_own_archived)
        roster = review.manifest.roster
        self.opinion.set_members([(m.cert_sha256, m.name) for m in roster], self.review.identity.fingerprint)
        self.imports.set_busy(True)
        self.retranslate()
        self._recompute()
        bind = Task(self, lambda _progress: bind_review(review, self._chair_store), executor)
        bind.on_success(self._bound).on_failure(self._report)
        # started once the window has drawn what was just opened: a worker binding while the GUI
        # thread builds the panels only makes both wait for the GIL (benchmark 10, journey b)
        QTimer.singleShot(0, self, bind.run)

    # --- state ------------------------------------------------------------------------------
    @property
    def decisions(self) -> PanelDecisions:
        """The decisions held, with the newest one taken while it is still being logged."""
        assert self.state is not None
        return self._deciding if self._deciding is not None else self.state.decisions

    @property
    def actor(self) -> Actor:
        identity = self.review.identity
        return Actor(identity.name, identity.fingerprint, "chair")

    def _bound(self, bound: tuple[PanelState, tuple[StoredSheet, ...]]) -> None:
        self.state, stored = bound
        self.imports.set_busy(False)
        self._show_held(stored)
        self._recompute()
        pending, self._pending_own = self._pending_own, []
        for offered in pending:
            self._count_own(offered)
        self.bound.emit()

    # --- signed means frozen ----------------------------------------------------------------------
    def lock_reason(self) -> str:
        """Why nothing that feeds the record may change now ("" when it may)."""
        if self.record.busy:
            return self.tr("The review record is being read, produced or signed: wait until it is done.")
        return self._seal_reason()

    def _seal_reason(self) -> str:
        """The core's reason when a signature on the record fixes what it was made from, else ""."""
        try:
            self.record.seal.require_open()
        except RecordFrozen as exc:
            return str(exc)
        return ""

    def _refuse_if_locked(self) -> bool:
        """True (and the reason shown) when a change to what the record was made from is refused."""
        reason = self.lock_reason()
        if reason:
            errors.show_error(self, self.tr("Review record"), reason)
        return bool(reason)

    def _apply_lock(self) -> None:
        reason = self._seal_reason()  # while the record is busy, _decide refuses without greying out
        self.opinion.set_locked(reason)
        self.votes.set_locked(reason)
        self.record.visit.set_locked(reason)
        self.matrix.set_locked(reason)
        self.imports.set_locked(reason)

    def _report(self, exc: BaseException) -> None:
        self.imports.set_busy(self.state is None)
        errors.report(self, exc)

    def _names(self) -> dict[str, str]:
        return {m.cert_sha256: m.name for m in self.review.manifest.roster}

    def _experts(self) -> list[MatrixExpert]:
        assert self.state is not None
        held = {s.expert_id: s for s in self.state.sheets()}
        return [
            MatrixExpert(m.cert_sha256, m.name, held[m.cert_sha256].recused)
            for m in self.review.manifest.roster
            if m.cert_sha256 in held
        ]

    def _recompute(self) -> None:
        """The reconciliation of the sheets held under the decisions taken; the views follow."""
        self.reconciliation, self.error = None, ""
        if self.state is not None and self.state.sheets():
            try:
                self.reconciliation = self.state.reconcile()
            except ReviewerError as exc:
                self.error = str(exc)
        self.matrix.show_matrix(
            self.review.standard, self.reconciliation, self._experts() if self.state else [], self.error
        )
        if self.state is not None:
            self.opinion.show_decisions(self.decisions.opinion, self.decisions.dissents)
            self._show_votes()
        self.record.set_inputs(self.state, self.reconciliation)
        self._apply_lock()
        self._refresh_board()
        self.changed.emit()

    def _refresh_board(self) -> None:
        """The status board recomputed from the state held (on a worker; the newest one shown)."""
        if self.state is None:
            return
        self._board_asked += 1
        asked, roster = self._board_asked, self.review.manifest.roster
        sheets, returns = self.state.sheets(), self.decisions.returns

        def shown(board: PanelBoard) -> None:
            if asked == self._board_asked:
                self.board.show_board(board)

        def work(_progress: Callable[..., None]) -> PanelBoard:
            return panel_board(roster, sheets, returns)

        Task(self, work, self._executor).on_success(shown).run()

    def _decide(
        self,
        decisions: PanelDecisions,
        action: str,
        subject: str = "",
        why: str = "",
        notice: tuple[Path, bytes] | None = None,
    ) -> bool:
        """Take ``decisions`` (checked by the core against the package), log them on the write worker
        (with ``notice``, a signed return notice saved as it is recorded:
        :func:`~reviewer.app.chair_work.record_decisions`), then recompute; refused while a signature
        on the record fixes what it was made from. False when refused here or (once known) by the
        store; True once taken, or while it is being logged."""
        assert self.state is not None
        if self._refuse_if_locked():
            return False
        try:
            self.state.with_decisions(decisions)  # the core's checks, before anything is written
        except ReviewerError as exc:
            errors.report(self, exc)
            return False
        self._deciding = decisions  # the next decision builds on this one, logged or not yet
        outcome: list[bool] = []
        chair_store, package_id = self._chair_store, self.state.binding.package_id
        actor = self.actor

        def work(_progress: Callable[..., None]) -> OSError | None:
            return record_decisions(
                chair_store,
                package_id,
                decisions,
                action=action,
                subject=subject,
                by=actor,
                why=why,
                notice=notice,
            )

        def taken(not_named: OSError | None) -> None:
            outcome.append(True)
            if self._deciding is decisions:
                self._deciding = None
            assert self.state is not None
            try:  # the sheets may have changed meanwhile: the decisions go onto the state held now
                self.state = self.state.with_decisions(decisions)
            except ReviewerError as exc:
                errors.report(self, exc)
            self._recompute()
            if not_named is not None:  # recorded, but the notice could not take its name: said
                errors.report(self, not_named)

        def refused(exc: BaseException) -> None:
            outcome.append(False)
            if self._deciding is decisions:
                self._deciding = None
            errors.report(self, exc)

        Task(self, work, self._executor, writes=True).on_success(taken).on_failure(refused).run()
        return outcome != [False]

    # --- importing --------------------------------------------------------------------------
    def import_files(self, paths: Sequence[Path]) -> Task | None:
        """Verify and collect ``paths`` in the background, in the order given (their arrival)."""
        if self.state is None or not paths or self._refuse_if_locked():
            return None
        state, chair_store, check = self.state, self._chair_store, self._recheck(self.state)

        def work(progress: Callable[..., None]) -> Kept:
            progress(0, len(paths), "")
            return import_and_keep(state, paths, chair_store, check)

        return self._run_import(work, self._imported)

    def _recheck(self, state: PanelState) -> Callable[[], None]:
        """The seal checked again on the worker just before an import keeps anything (the record on
        file read anew): a signature given since the import started refuses it, nothing stored."""
        return partial(require_record_open, self.record.files, self.record.path, state)

    def _run_import(self, work: Callable[[Callable[..., None]], object], done: Callable[..., None]) -> Task:
        """Run an import of sheets: while it runs, the record's steps wait (signing, closing, producing,
        reopening), so no signature can be given on sheets about to change."""
        self._imports_running += 1
        self.imports.set_busy(True)
        self.record.set_importing(True)

        def ended() -> None:
            self._imports_running -= 1
            self.imports.set_busy(self._imports_running > 0)
            self.record.set_importing(self._imports_running > 0)

        def succeeded(value: object) -> None:
            ended()
            done(value)

        def failed(exc: BaseException) -> None:
            ended()
            errors.report(self, exc)

        # the accepted sheets are kept in the chair store: on the write worker, in order with decisions
        task = Task(self, work, self._executor, writes=True)
        return task.on_success(succeeded).on_failure(failed).run()

    def _imported(self, result: Kept) -> None:
        new, outcomes, stored = result
        assert self.state is not None
        # Decisions taken while the sheets were being verified stay: only the sheets change.
        self.state = replace(self.state, collection=new.collection, outcomes=new.outcomes)
        self.imports.add_outcomes([self._outcome(o) for o in outcomes])
        if stored or self._chair_store is None:
            self._show_held(stored)
        self._recompute()

    def _show_held(self, stored: Sequence[StoredSheet]) -> None:
        """The sheets held, in roster order, with where and when each was imported (from the store)."""
        if self.state is None:
            return
        rows = {s.digest: s for s in stored}
        order = {m.cert_sha256: n for n, m in enumerate(self.review.manifest.roster)}
        names = self._names()
        held = sorted(self.state.sheets(), key=lambda s: order.get(s.expert_id, len(order)))
        self.imports.show_held(
            [
                HeldSheet(
                    names.get(s.expert_id, s.header.signer_name),
                    s.revision,
                    s.recused,
                    s.digest,
                    rows[s.digest].source if s.digest in rows else "",
                    rows[s.digest].imported_at if s.digest in rows else None,
                )
                for s in held
            ]
        )

    # --- the chair's own sheet --------------------------------------------------------------------
    def take_own_sheet(self, finalised: Finalised) -> Task | None:
        """The chair signed their own sheet in their review workspace: count it now, verified like
        any sheet and kept in the chair store."""
        return self._count_own((finalised.path.name, finalised.sheet.data))

    def _count_own(self, offered: tuple[str, bytes]) -> Task | None:
        if self.state is None:
            self._pending_own.append(offered)
            return None
        if any(s.data == offered[1] for s in self.state.sheets()) or self._refuse_if_locked():
            return None  # already counted (the same signed bytes), or the record's signatures fix the sheets
        state, chair_store, check = self.state, self._chair_store, self._recheck(self.state)
        return self._run_import(
            lambda _progress: keep_offered(state, [offered], chair_store, check), self._imported
        )

    def _count_own_archived(self) -> Task | None:
        """At opening (and after a reopening): the chair's own signed sheet from the sheet archive, when
        the store does not hold it. While the record's signatures fix the sheets it is not counted, and
        the sheets page says so (which version, and that reopening the record counts it)."""
        if self.state is None or self.record.busy:
            return None
        frozen = bool(self._seal_reason())
        state, archive, review, chair_store = self.state, self._archive, self.review, self._chair_store
        check = self._recheck(state)

        def work(_progress: Callable[..., None]) -> tuple[Kept | None, int]:
            offered = archived_own_sheet(archive, review, state)
            if offered is None:
                return None, 0
            version, source, data = offered
            if frozen:
                return None, version
            return keep_offered(state, [(source, data)], chair_store, check), 0

        def done(result: tuple[Kept | None, int]) -> None:
            kept, not_counted = result
            self.imports.show_own_not_counted(not_counted)
            if kept is not None:
                self._imported(kept)

        return self._run_import(work, done)

    @staticmethod
    def _outcome(o: SheetOutcome) -> FileOutcome:
        status = REFUSED if not o.accepted else SUPERSEDED if o.superseded_digest else ACCEPTED
        return FileOutcome(o.source, status, o.reason, o.expert_name or "", o.revision, o.recused)

    # --- the selected cell ------------------------------------------------------------------
    def _show_cell(self, expert: str, code: str) -> None:
        if code and self.state is not None:
            text = cell_details(
                self.review.standard, self.state, self.reconciliation, self._names(), expert, code
            )
            proposal = self.matrix.model.proposal(code)
            if not expert and proposal is not None:  # the indicator: its proposed change and the votes
                text += "\n" + proposal.detail
            self.matrix.details.setText(text)

    # --- texts ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.tabs.setAccessibleName(self.tr("Panel chair"))
        self.tabs.setTabText(0, self.tr("Sheets"))
        self.tabs.setTabText(1, self.tr("Matrix"))
        self.tabs.setTabText(2, self.tr("Opinion and dissents"))
        self.tabs.setTabText(3, self.tr("Panel vote"))
        self.tabs.setTabText(4, self.tr("Review record and result file"))
        if self.state is not None:
            self._show_votes()
        self._show_cell(self.matrix.expert, self.matrix.code)  # the selected score, in the new language

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

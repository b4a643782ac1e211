"""The review record and the result file (评审意见表与结果文件), from the chair's reconciliation.

The chair produces the record PDF (in the background); each member co-signs in turn on the same
laptop (their identity folder, their passphrase or keyring); the chair signs last, which closes the
record; then the result file (``.rvresult``) is built and saved where the chair chooses. The work is
the core's :mod:`reviewer.export.panel_outputs`, the same as ``reviewer panel reconcile/close`` and
``reviewer record cosign``; every failure goes through :func:`reviewer.ui.dialogs.errors.report`.

The working copy (``chair/<package id>/record.pdf.rvsealed`` in the data folder) is kept sealed
under the chair's store key (:mod:`reviewer.models.sealed_files`): each step opens it, signs the
exact bytes in memory and replaces it, sealed, in one rename; a record an older version left in the
clear is sealed in place when the page first reads it. The PDF is in the clear only where the chair
saves a copy (**Save a copy of the record…**, :mod:`~reviewer.ui.panels.record_copy`).

The record names the SHA-256 of the reconciliation and decisions it was made from. Signed means
frozen (:mod:`reviewer.export.record_seal`): once a member has signed the record on file, the page's
:attr:`RecordPage.seal` tells the chair panel to refuse every change to what the record was made
from. Only **Reopen the record** (before the chair has closed it) frees it: it names the signatures
that will be discarded, asks for the chair's reason and confirmation, sets the signed file aside
(kept, not deleted), logs the reopening in the chair store, and only then unlocks. The chair's
closing signature is final; a corrected result is a new result version. Every result file produced
is logged too, so the page shows it again after a restart.

Beside the signatures, :mod:`~reviewer.ui.panels.record_viewer` shows the record on file page by page
(from memory, never in the clear on disk), so each member reads what they co-sign before signing.

Around the page: :mod:`~reviewer.ui.panels.chair_result` (the result file: its version, producing
it, the last one produced), :mod:`~reviewer.ui.panels.chair_record_texts` (what the page says about
the record on file), :mod:`~reviewer.ui.panels.chair_questions` (what is asked before closing and
reopening) and :mod:`~reviewer.app.chair_work` (the Qt-free work on the files).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reviewer.app import chair_record as steps_of
from reviewer.app.chair_work import (
    Loaded,
    load_record,
    seal_left_in_clear,
    set_aside_record,
    take_back_cosigned,
)
from reviewer.app.panel_signing import ClosingState, withdraw_all_not_signed
from reviewer.errors import Refused
from reviewer.models.sealed import StoreKeys
from reviewer.models.sealed_files import SealedFiles
from reviewer.trust import PassphraseSource, read_info
from reviewer.ui.dialogs import cosign as dialogs
from reviewer.ui.dialogs import errors
from reviewer.ui.dialogs.passphrase import keyring_source, retry_unlock
from reviewer.ui.panels import chair_questions as questions
from reviewer.ui.panels import chair_record_texts as texts
from reviewer.ui.panels import record_copy
from reviewer.ui.panels.chair_decisions import ERROR_STYLE, LOCK_STYLE
from reviewer.ui.panels.chair_result import ResultFile
from reviewer.ui.panels.record_on_file import RecordOnFile
from reviewer.ui.panels.record_refusals import ClosingFactsSteps
from reviewer.ui.panels.record_signers import SignerTable
from reviewer.ui.panels.record_unsigned import UnsignedBox
from reviewer.ui.panels.record_viewer import RecordViewer
from reviewer.ui.panels.visit_editor import VisitEditor
from reviewer.ui.scrolled import scroll_vertically
from reviewer.ui.tasks import Executor, Progress, Task

if TYPE_CHECKING:  # the PDF stack is imported by the operations, on a worker (reviewer.app.chair_record)
    from reviewer.app.opening import OpenedReview
    from reviewer.export.panel_outputs import Signer
    from reviewer.models.chair import ChairStore, RecordEvent
    from reviewer.scoring.panel import PanelState
    from reviewer.scoring.result import Reconciliation


class RecordPage(ClosingFactsSteps, RecordOnFile, QWidget):
    """The record's life from the reconciliation screen: produce, co-sign, close, result file."""

    seal_changed = Signal()  # after every change of the record on file (signed, reopened, loaded)
    first_loaded = Signal()  # once what is on file (record, last result) has been read at opening
    reopened = Signal()  # the signed record was set aside: the decisions are free again
    busy_changed = Signal(bool)  # the page's own work started (True) or ended (False)

    def __init__(
        self,
        review: OpenedReview,
        folder: Path,
        executor: Executor | None = None,
        parent: QWidget | None = None,
        chair_store: ChairStore | None = None,
        files: SealedFiles | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recordPage")
        self.review, self.folder, self._executor = review, folder, executor
        # the record is kept sealed under the chair's store key; with no store, nothing can keep it
        self.files = files or SealedFiles(StoreKeys(), review.identity.fingerprint)
        self._chair_store = chair_store
        self.reopened_to: Path | None = None  # where the last reopening set the signed record aside
        self.state: PanelState | None = None
        self.reconciliation: Reconciliation | None = None
        self.pdf: bytes | None = None
        self.signers: list[Signer] = []
        self.facts = ClosingState()  # who refused, who the chair recorded as not signed
        self.busy = False
        self.importing = False  # the chair panel is importing sheets: the record waits
        self._loaded = False
        self._bindings_read = {}  # what the record on file names (RecordOnFile)

        self.visit = VisitEditor()
        self.record_box = QGroupBox()
        self.produce_button = QPushButton(objectName="produceRecord")
        self.cosign_button = QPushButton(objectName="cosignRecord")
        self.refuse_button = QPushButton(objectName="refuseRecord")
        self.close_button = QPushButton(objectName="closeRecord")
        self.reopen_button = QPushButton(objectName="reopenRecord")
        self.copy_button = QPushButton(objectName="saveRecordCopy")
        self.results = ResultFile(review, chair_store)
        self.bundle_button, self.version, self.result = (
            self.results.button,
            self.results.version,
            self.results.shown,
        )
        self.progress = QProgressBar(objectName="recordProgress", textVisible=True)
        self.progress.hide()
        self.status = QLabel(objectName="recordStatus", wordWrap=True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warning = QLabel(objectName="recordWarning", wordWrap=True)
        self.warning.setStyleSheet(ERROR_STYLE)
        self.warning.hide()
        self.lock_note = QLabel(objectName="recordLocked", wordWrap=True)
        self.lock_note.setStyleSheet(LOCK_STYLE)
        self.lock_note.hide()
        self.table = SignerTable()
        self.unsigned = UnsignedBox()
        self.viewer = RecordViewer()  # what the members co-sign, read in the app before they sign

        buttons = QHBoxLayout()
        for b in (
            self.produce_button,
            self.cosign_button,
            self.refuse_button,
            self.close_button,
            self.reopen_button,
            self.copy_button,
        ):
            buttons.addWidget(b)
        buttons.addStretch(1)
        result_row = QHBoxLayout()  # its own row: the steps and the result fit 1024 px side by side
        result_row.addWidget(self.results)
        result_row.addStretch(1)
        inner = QVBoxLayout(self.record_box)
        inner.addLayout(buttons)
        inner.addLayout(result_row)
        inner.addWidget(self.progress)
        inner.addWidget(self.status)
        inner.addWidget(self.warning)
        inner.addWidget(self.lock_note)
        signers = QWidget()
        signers_box = QVBoxLayout(signers)
        signers_box.setContentsMargins(0, 0, 0, 0)
        signers_box.addWidget(self.table, 1)
        signers_box.addWidget(self.unsigned)
        signers_box.addWidget(self.results.shown)
        split = QSplitter(objectName="recordSplit")
        split.addWidget(signers)
        split.addWidget(self.viewer)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        inner.addWidget(split, 1)
        layout = QVBoxLayout(scroll_vertically(self, "recordPageContent"))  # fits a 700 px screen
        layout.addWidget(self.visit)
        layout.addWidget(self.record_box, 1)

        self.produce_button.clicked.connect(self.produce)
        self.cosign_button.clicked.connect(self.cosign)
        self.refuse_button.clicked.connect(self.refuse)
        self.unsigned.record_requested.connect(self.record_not_signed)
        self.unsigned.withdraw_requested.connect(self.withdraw_not_signed)
        self.unsigned.import_requested.connect(self.import_refusals)
        self.close_button.clicked.connect(self.close_record)
        self.reopen_button.clicked.connect(self.reopen)
        self.copy_button.clicked.connect(self.save_copy)
        self.results.button.clicked.connect(self.produce_result)
        self.retranslate()

    # what the result file produced, read where it was before it had its own widget
    @property
    def result_path(self) -> Path | None:
        return self.results.result_path

    @property
    def result_digest(self) -> str:
        return self.results.result_digest

    def set_inputs(self, state: PanelState | None, reconciliation: Reconciliation | None) -> None:
        """The chair panel's state after each import or decision."""
        self.state, self.reconciliation = state, reconciliation
        if state is not None:
            self.visit.show_visit(state.decisions.visit)
            if not self._loaded:
                self._loaded = True
                self._load_existing()
        self._refresh()

    @property
    def idle(self) -> bool:
        """Neither the page's own work nor an import of sheets is running: a step may start."""
        return not self.busy and not self.importing

    def set_importing(self, importing: bool) -> None:
        """The chair panel starts (True) or ends (False) an import: while it runs, every step of the
        record waits (a signature given meanwhile would be voided by the sheets it brings)."""
        self.importing = importing
        self._refresh()

    # --- the four steps ---------------------------------------------------------------------------
    def produce(self) -> Task | None:
        """Build the record from the decisions now held (kept as it is when nothing changed)."""
        if not self.idle or self.state is None or self.reconciliation is None:
            return None
        if self.pdf is not None and self.current:
            self.status.setText(self.tr("The record is up to date; its signatures are kept."))
            return None
        if self.signed_count:  # signatures are only ever discarded by reopening, which logs it
            errors.show_error(
                self,
                self.tr("Review record"),
                self.tr(
                    "The record on file carries {n} signature(s) but was made from other decisions. Reopen "
                    "the record first: its signatures are then discarded, and the reopening is logged."
                ).format(n=self.signed_count),
            )
            return None
        state, rec = self.state, self.reconciliation
        chair, package = self.review.identity, self.review.path

        steps = (self.tr("Laying out the record…"), self.tr("Saving the record…"), self._checking())
        work = partial(  # worker thread: no widget, texts made before
            steps_of.produce_record,
            steps=steps,
            package=package,
            chair=chair,
            state=state,
            reconciliation=rec,
            files=self.files,
            target=self.path,
            root=chair.trust_root(),
        )
        return self._run(work, self._shown)

    def cosign(self) -> Task | None:
        """A member co-signs: their identity folder, then keyring or passphrase, then the signature."""
        if not self.idle or self.pdf is None:
            return None
        folder = dialogs.choose_member_folder(self, str(self.review.path.parent))
        if folder is None:
            return None
        return self._cosign(folder, keyring_source(), may_ask=True)

    def _cosign(self, folder: Path, source: PassphraseSource, may_ask: bool) -> Task:
        assert self.pdf is not None
        steps = (self.tr("Unlocking the member's key…"), self.tr("Signing…"), self._checking())
        work = partial(
            steps_of.cosign_record,
            steps=steps,
            pdf=self.pdf,
            folder=folder,
            source=source,
            files=self.files,
            target=self.path,
            root=self.review.identity.trust_root(),
        )
        return self._run(work, self._shown, partial(self._cosign_failed, folder, may_ask))

    def _cosign_failed(self, folder: Path, may_ask: bool, exc: BaseException) -> None:
        if not may_ask:
            errors.report(self, exc)
            return
        # the dialog names the member whose passphrase it asks for (their identity file, read here)
        Task(self, lambda _p: _who(folder), self._executor).on_success(
            partial(self._ask_member, folder, exc)
        ).run()

    def _ask_member(self, folder: Path, exc: BaseException, who: str) -> None:
        if retry_unlock(
            self,
            exc,
            lambda: dialogs.ask_member_passphrase(self, who),
            lambda source: self._cosign(folder, source, True),
        ):
            return
        errors.report(self, exc)

    def close_record(self) -> Task | None:
        """The chair signs last (the record is closed: no further change)."""
        if not self.idle or self.pdf is None:
            return None
        members = self._members()
        if members and self.covered() and not self.chair_signed:
            # only what can happen is asked; anything else is refused by the core with its reason
            names = "、".join(s.field.label or s.field.name for s in members)
            if not (
                self.confirm_close_stating()
                if self.unsigned_members()
                else questions.confirm_close(self, names)
            ):
                return None
        steps = (self.tr("Signing as the chair…"), self._checking())
        work = partial(
            steps_of.close_record,
            steps=steps,
            pdf=self.pdf,
            chair=self.review.identity,
            files=self.files,
            target=self.path,
            binding=None if self.state is None else self.state.binding,
            chair_store=self._chair_store,
        )
        return self._run(work, self._shown)

    def produce_result(self) -> Task | None:
        """Build the result file for the ministry and save it where the chair chooses."""
        if not self.idle or self.pdf is None or self.state is None or self.reconciliation is None:
            return None
        target = self.results.choose_target()
        if target is None:
            return None
        work = self.results.work(
            target, self.pdf, self.state, self.reconciliation, self.actor, files=self.files, record=self.path
        )
        return self._run(work, self.results.written, writes=True)  # logged in the chair store

    def reopen(self) -> Task | None:
        """Before closing only: discard the signatures (named first, confirmed, logged, the signed file
        kept aside), and only then free the decisions."""
        seal = self.seal
        if not self.idle or self.pdf is None:
            return None
        if not seal.can_reopen:
            if seal.closed:
                errors.show_error(self, self.tr("Review record"), texts.closed_text())
            return None
        asked = questions.ask_reopen(self, seal.signed, self.pdf, self.folder)
        if asked is None:
            return None
        reason, kept, digest = asked
        target, chair_store, package_id, actor = self.path, self._chair_store, self.package_id, self.actor
        files, step = self.files, self.tr("Setting the signed record aside…")

        def work(progress: Progress) -> Path:
            progress(0, 1, step)
            kept_at = set_aside_record(
                files,
                target,
                kept,
                digest,
                chair_store,
                package_id=package_id,
                by=actor,
                discarded=seal.signed,
                reason=reason,
            )
            withdraw_all_not_signed(chair_store, package_id, actor)  # they were about the record set aside
            return kept_at

        return self._run(work, self._reopened, writes=True)  # logged in the chair store

    def save_copy(self) -> Task | None:
        """Write the record in the clear where the chair chooses (:mod:`~reviewer.ui.panels.record_copy`)."""
        if not self.idle or self.pdf is None:
            return None
        target = record_copy.choose_target(self, self.review)
        if target is None:
            return None
        work = record_copy.work(self.files, self.path, self.pdf, target)
        return self._run(work, partial(record_copy.saved, self))

    # --- background work and its results ----------------------------------------------------------
    def _checking(self) -> str:
        return self.tr("Checking the signatures against the ministry root…")

    def _load_existing(self) -> Task:
        """What is on file at opening (worker): the record, if any, and the last result produced."""
        files, folder, target, root = self.files, self.folder, self.path, self.review.identity.trust_root()
        chair_store, package_id = self._chair_store, self.package_id

        def work(_progress: Progress) -> tuple[Loaded | None, RecordEvent | None, str]:
            refused = ""
            try:  # a record co-signed elsewhere and put back, taken in only when it validates
                take_back_cosigned(files, folder, root)
            except Refused as exc:
                refused = str(exc)
            seal_left_in_clear(files, folder)  # a record from before it was kept sealed
            loaded = load_record(files, target, root) if target.exists() else None
            last = None if chair_store is None else chair_store.last_result(package_id)
            return loaded, last, refused

        return self._run(work, self._found)

    def _found(self, found: tuple[Loaded | None, RecordEvent | None, str]) -> None:
        loaded, last_result, refused = found
        if loaded is not None:
            self._shown(loaded)
        self.results.show_last_result(last_result)
        if refused:
            errors.show_error(self, self.tr("Review record"), refused)
        self.first_loaded.emit()

    def _run(
        self,
        fn: Callable[[Progress], object],
        done: Callable[..., None],
        failed: Callable[[BaseException], None] | None = None,
        *,
        writes: bool = False,
    ) -> Task:
        """Run a step on a worker (``writes``: on the one write lane, as it writes to the store)."""
        self.busy = True
        self.progress.setRange(0, 0)
        self.progress.show()
        self._refresh()
        self.busy_changed.emit(True)
        task = (
            Task(self, fn, self._executor, writes=writes)
            .on_progress(self._progressed)
            .on_success(self._idle(done))
        )
        return task.on_failure(self._idle(failed or partial(errors.report, self))).run()

    def _idle(self, then: Callable[..., None]) -> Callable[..., None]:
        def callback(value: object) -> None:
            self.busy = False
            self.progress.hide()
            then(value)
            self._refresh()
            self.busy_changed.emit(False)
            self.seal_changed.emit()

        return callback

    def _progressed(self, done: int, total: int, text: str) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.setFormat(text or "%p%")

    def _shown(self, loaded: Loaded) -> None:
        self.pdf, self.signers, self._bindings_read = loaded
        self._load_facts()

    def _reopened(self, kept: Path) -> None:
        self.pdf, self.signers, self._bindings_read, self.reopened_to = None, [], {}, kept
        self.facts = ClosingState()
        self.reopened.emit()

    # --- showing ------------------------------------------------------------------------------
    def _refresh(self) -> None:
        current, idle = self.current, self.idle
        members = self._members()
        all_members = all(s.field.signed for s in members)
        covered = self.covered()
        stated = self.facts.by_prefix()
        may_refuse = idle and current and not all_members and not self.chair_signed
        seal = self.seal
        self.produce_button.setEnabled(
            idle and self.reconciliation is not None and (current or not self.signed_count)
        )
        self.cosign_button.setEnabled(idle and current and not all_members and not self.chair_signed)
        self.refuse_button.setEnabled(may_refuse and self._chair_store is not None)
        self.close_button.setEnabled(idle and current and covered and not self.chair_signed)
        self.reopen_button.setEnabled(idle and seal.can_reopen)
        self.copy_button.setEnabled(idle and self.pdf is not None)
        self.results.refresh(idle, current, self.chair_signed)
        self.warning.setVisible(self.pdf is not None and not current and self.signed_count > 0)
        self.lock_note.setText(
            texts.closed_text() if seal.closed else texts.frozen_text("、".join(seal.signed))
        )
        self.lock_note.setVisible(seal.frozen)
        self.table.show_signers(self.signers, stated, self.facts.times())
        self.unsigned.show_members(
            self.unsigned_members(), self.facts, enabled=may_refuse and self._chair_store is not None
        )
        self.viewer.show_pdf(self.pdf)
        self.status.setText(
            texts.status_text(
                None if self.pdf is None else self.path,
                reopened_to=self.reopened_to,
                current=current,
                signed=self.signed_count,
                chair_signed=self.chair_signed,
                all_members=covered,
                waiting="、".join(
                    s.field.label or s.field.name
                    for s in members
                    if not s.field.signed and not (s.field.info and s.field.info.fingerprint_prefix in stated)
                ),
                unsigned=len(stated) if not all_members else 0,
            )
        )

    def retranslate(self) -> None:
        self.record_box.setTitle(self.tr("Review record and result file"))
        self.produce_button.setText(self.tr("Produce the review record"))
        self.cosign_button.setText(self.tr("Co-sign as a member…"))
        self.refuse_button.setText(self.tr("Refuse to sign…"))
        self.close_button.setText(self.tr("Sign and close (chair)…"))
        self.reopen_button.setText(self.tr("Reopen the record…"))
        self.copy_button.setText(self.tr("Save a copy of the record…"))
        self.warning.setText(texts.stale_warning())
        self._refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _who(folder: Path) -> str:
    """The name in the identity ``folder`` (its path when it is no identity: the next attempt says so)."""
    try:
        return read_info(folder).name
    except Exception:
        return str(folder)

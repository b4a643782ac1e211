"""Finalise and sign: what is still missing (click to go there), then sign, verify, lock.

Signing runs through :class:`~reviewer.ui.tasks.Task` (never on the GUI thread): the package is
reopened to bind the sheet to it, :func:`reviewer.app.finalise.finalise` builds the sheet (a
score sheet, version n+1 after a return notice, or a recusal), writes it where the expert chose
(temporary file + rename), reopens and verifies it, and locks the review — after the expert has
confirmed, in words, what signing does. The page shows the newest signed file (where, its version,
its digest, when) from the store, so it is still there after a restart, and offers the printable
PDF and, later, accepting the chair's return notice.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, Signal
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

from reviewer.app.finalise import Finalised, SheetArchive, finalise, missing, preview_pdf
from reviewer.app.opening import OpenedReview
from reviewer.packages import open_package
from reviewer.scoring.sheet import open_sheet
from reviewer.scoring.sheet_binding import PackageBinding
from reviewer.scoring.workbench_types import Conflict, ReviewState, ReviewStatus, SheetVersion
from reviewer.ui import labels, palette
from reviewer.ui.dialogs import errors, sheet_files
from reviewer.ui.dialogs.return_notice import accept_notice
from reviewer.ui.dialogs.sheet_preview import SheetPreview
from reviewer.ui.guide_help import HelpButton, heading_row
from reviewer.ui.tasks import Executor, Task

if TYPE_CHECKING:
    from reviewer.ui.panels.review_workspace import ReviewWorkspace

CODE_ROLE = Qt.ItemDataRole.UserRole
OK_STYLE = f"QLabel {{ color: {palette.DONE}; font-weight: bold; }}"


def package_binding(opened: OpenedReview) -> PackageBinding:
    """Reopen the verified package (worker thread) for what a sheet is bound to."""
    with open_package(opened.path, opened.identity) as pkg:
        return PackageBinding.of(pkg)


class FinalisePage(QWidget):
    jump_requested = Signal(str)  # an indicator or item code, or "conflict"/"pledge"
    finalised = Signal(Finalised)  # the result

    def __init__(
        self,
        workspace: ReviewWorkspace,
        opened: OpenedReview,
        *,
        archive: SheetArchive | None = None,
        executor: Executor | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """The review as ``workspace`` shows it, and as it changes (``state_changed``)."""
        super().__init__(parent)
        self.setObjectName("finalisePage")
        self.workspace = workspace
        self.opened = opened
        self.archive = archive or SheetArchive.default()
        self._executor = executor
        self._binding: PackageBinding | None = None
        self.state: ReviewState = workspace.state
        self.result: Finalised | None = None
        self.running: Task | None = None

        self.heading = QLabel(objectName="finaliseHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.heading.setFont(font)
        self.summary = QLabel(objectName="finaliseSummary", wordWrap=True)
        self.missing_box = QGroupBox(objectName="missingBox")
        self.missing_list = QListWidget(objectName="missingList")
        self.missing_list.itemActivated.connect(self._activated)
        self.missing_list.itemClicked.connect(self._activated)
        QVBoxLayout(self.missing_box).addWidget(self.missing_list)

        self.preview_button = QPushButton(objectName="previewButton")
        self.preview_button.clicked.connect(self.preview)
        self.preview_dialog: SheetPreview | None = None
        self.sign_button = QPushButton(objectName="signButton")
        self.sign_button.clicked.connect(self.sign)
        self.pdf_button = QPushButton(objectName="pdfButton")
        self.pdf_button.clicked.connect(self.export_pdf)
        self.return_button = QPushButton(objectName="returnNoticeButton")
        self.return_button.clicked.connect(self.accept_return_notice)
        buttons = QHBoxLayout()
        for b in (self.preview_button, self.sign_button, self.pdf_button, self.return_button):
            buttons.addWidget(b)
        buttons.addStretch(1)

        self.result_box = QGroupBox(objectName="resultBox")
        self.result_file = QLabel(objectName="resultFile", wordWrap=True)
        self.result_version = QLabel(objectName="resultVersion")
        self.result_digest = QLabel(objectName="resultDigest", wordWrap=True)
        for label in (self.result_file, self.result_digest):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        rl = QVBoxLayout(self.result_box)
        for w in (self.result_file, self.result_version, self.result_digest):
            rl.addWidget(w)

        layout = QVBoxLayout(self)
        self.help_button = HelpButton("expert", "finalise")
        layout.addLayout(heading_row(self.heading, self.help_button))
        layout.addWidget(self.summary)
        layout.addWidget(self.missing_box, 3)
        layout.addLayout(buttons)
        layout.addWidget(self.result_box)
        layout.addStretch(1)  # keeps the page at the top once nothing is missing
        workspace.state_changed.connect(self.show_state)
        workspace.busy.connect(lambda _busy: self._update_buttons())
        self.retranslate()
        self.show_state(self.state)

    # --- the review step --------------------------------------------------------------------
    def show_state(self, state: object) -> None:
        if not isinstance(state, ReviewState):
            return
        self.state = state
        standard = self.workspace.review.standard
        items = missing(standard, state)
        self.missing_list.clear()
        for item in items:
            row = QListWidgetItem(str(item.message))
            row.setData(CODE_ROLE, item.code)
            self.missing_list.addItem(row)
        if state.status is ReviewStatus.FINALISED:
            text = self.tr("Version {n} of your sheet is signed and locked. It is read-only now.").format(
                n=state.version
            )
        elif items:
            text = self.tr("{n} thing(s) still missing before you can sign. Click one to go there.").format(
                n=len(items)
            )
        elif state.declaration.conflict is Conflict.DECLARED:
            text = self.tr("Nothing is missing: sign your recusal sheet.")
        else:
            text = self.tr("Nothing is missing: you can sign version {n} of your sheet.").format(
                n=state.version
            )
        self.summary.setText(text)
        self.missing_box.setVisible(bool(items))
        self.show_signed(state)
        self._update_buttons()

    def _activated(self, item: QListWidgetItem) -> None:
        self.jump_requested.emit(str(item.data(CODE_ROLE)))

    def _update_buttons(self) -> None:
        s = self.state
        idle = self.running is None and self.workspace.pending == 0
        ready = s.status is not ReviewStatus.FINALISED and self.missing_list.count() == 0
        self.sign_button.setEnabled(idle and ready)
        self.preview_button.setEnabled(idle and ready)
        self.pdf_button.setEnabled(idle and self._signed_version() is not None)
        self.return_button.setEnabled(
            idle and s.status is ReviewStatus.FINALISED and s.declaration.conflict is not Conflict.DECLARED
        )

    def _signed_version(self) -> int | None:
        s = self.state
        version = s.version if s.status is ReviewStatus.FINALISED else s.version - 1
        return (
            version
            if version >= 1 and self.archive.sheet_path(self.workspace.review, version).exists()
            else None
        )

    def focus_work(self) -> None:
        """The keyboard to the first thing to do here: a missing item, else the first action open."""
        if self.missing_list.count():
            self.missing_list.setFocus()
            self.missing_list.setCurrentRow(0)
            return
        for b in (self.preview_button, self.sign_button, self.pdf_button, self.return_button):
            if b.isEnabled():
                b.setFocus()
                return

    # --- preview ----------------------------------------------------------------------------
    def preview(self) -> Task | None:
        """The whole sheet as it will be signed, as its PDF shows it: made on a worker, in memory."""
        if not self.preview_button.isEnabled():
            return None
        bench, review, opened, archive, cached = (
            self.workspace.bench,
            self.workspace.review,
            self.opened,
            self.archive,
            self._binding,
        )
        candidate = str(opened.manifest.candidate.get("name", "")) or None

        def work(_progress: object) -> tuple[PackageBinding, bytes]:
            binding = cached or package_binding(opened)
            pdf = preview_pdf(bench, review, binding, opened.identity, archive=archive, candidate=candidate)
            return binding, pdf

        return self._run(work, self._previewed)

    def _previewed(self, result: tuple[PackageBinding, bytes]) -> None:
        self._binding, data = result
        dialog = SheetPreview(data, self)
        dialog.accepted.connect(self.sign)
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(lambda _r: self.preview_button.setFocus())
        self.preview_dialog = dialog
        dialog.open()

    # --- signing ----------------------------------------------------------------------------
    def suggested_name(self) -> str:
        """The signed sheet's name in the save dialog, in the UI's language (the extension as is)."""
        name, version = self.opened.identity.name, self.state.version
        if self.state.declaration.conflict is Conflict.DECLARED:
            stem = self.tr("{name}-recusal-v{n}").format(name=name, n=version)
        else:
            stem = self._sheet_stem(version)
        return str(Path.home() / f"{stem}.rvsheet")

    def pdf_name(self, version: int) -> str:
        """The printable copy's name in the save dialog, in the UI's language."""
        return str(Path.home() / f"{self._sheet_stem(version)}.pdf")

    def _sheet_stem(self, version: int) -> str:
        return self.tr("{name}-sheet-v{n}").format(name=self.opened.identity.name, n=version)

    def sign(self) -> Task | None:
        """Ask where to save, then sign, write, verify and lock in the background."""
        if not self.sign_button.isEnabled():
            return None
        path = sheet_files.choose_sheet_path(self, self.suggested_name())
        if path is None:
            return None
        if path.suffix.lower() != ".rvsheet":
            path = path.with_name(path.name + ".rvsheet")
        if not self._confirm_signing(path):
            return None
        bench, review, opened, archive, cached = (
            self.workspace.bench,
            self.workspace.review,
            self.opened,
            self.archive,
            self._binding,
        )

        def work(_progress: object) -> tuple[PackageBinding, Finalised]:
            binding = cached or package_binding(opened)
            return binding, finalise(bench, review, binding, opened.identity, path, archive=archive)

        return self._run(work, self._signed)

    def _confirm_signing(self, path: Path) -> bool:
        """Say what signing does before it is done: it cannot be undone."""
        if self.state.declaration.conflict is Conflict.DECLARED:
            title, action = self.tr("Sign the recusal sheet"), self.tr("Sign the recusal sheet")
            text = self.tr(
                "Your recusal sheet will be signed with your key and saved to:\n{path}\n\n"
                "You will take no part in scoring this review. This cannot be undone."
            )
        else:
            title, action = self.tr("Sign the score sheet"), self.tr("Sign version {n}")
            text = self.tr(
                "Version {n} of your score sheet will be signed with your key and saved to:\n{path}\n\n"
                "It is then locked: no score, comment or evidence can change any more. Only a return "
                "notice from the chair reopens the indicators it names, as a new version."
            )
        n = self.state.version
        return errors.confirm(self, title, text.format(path=path, n=n), action.format(n=n))

    def _run(self, work: Callable[..., Any], on_success: Callable[[Any], None]) -> Task:
        self.running = Task(self, work, self._executor).on_success(on_success).on_failure(self._failed)
        self.running.finished.connect(self._done)
        self._update_buttons()
        return self.running.run()

    def _done(self) -> None:
        self.running = None
        self._refresh()

    def _refresh(self) -> None:
        """The review as signing (or a return notice) left it: read by the workspace, on its write
        lane; every page then shows it (``state_changed``)."""
        self.workspace.refresh()

    def _failed(self, exc: BaseException) -> None:
        errors.report(self, exc)

    def _signed(self, result: tuple[PackageBinding, Finalised]) -> None:
        self._binding, self.result = result
        self.finalised.emit(self.result)

    def show_signed(self, state: ReviewState) -> None:
        """The newest signed sheet, as the store keeps it (also after a restart); hidden before any."""
        signed = _newest_signed(state)
        self.result_box.setVisible(signed is not None)
        if signed is None or signed.signed is None:
            return
        recusal = state.declaration.conflict is Conflict.DECLARED
        kind = self.tr("Recusal sheet") if recusal else self.tr("Score sheet")
        self.result_file.setText(
            self.tr("{kind} written to {path}").format(kind=kind, path=signed.signed.path)
        )
        when = labels.beijing_time(signed.finalised_at) if signed.finalised_at else "—"
        self.result_version.setText(
            self.tr("Version {n}, signed and verified, {time}").format(n=signed.version, time=when)
        )
        self.result_version.setStyleSheet(OK_STYLE)
        self.result_digest.setText(self.tr("SHA-256 digest: {d}").format(d=signed.signed.digest))

    # --- printable PDF ----------------------------------------------------------------------
    def export_pdf(self) -> Task | None:
        version = self._signed_version()
        if version is None:
            return None
        path = sheet_files.choose_pdf_path(self, self.pdf_name(version))
        if path is None:
            return None
        archive, review = self.archive, self.workspace.review
        opened, cached = self.opened, self._binding
        candidate = str(opened.manifest.candidate.get("name", "")) or None

        def work(_progress: object) -> tuple[PackageBinding, Path]:
            # reportlab only when a PDF is asked for, on the worker: not an app start-up cost
            from reviewer.export.sheet_pdf import write_sheet_pdf

            data = archive.sheet(review, version)
            binding = cached or package_binding(opened)
            sheet = open_sheet(data, opened.identity, binding, opened.identity.trust_root())
            return binding, write_sheet_pdf(path, sheet, opened.standard, candidate=candidate)

        return self._run(work, self._pdf_written)

    def _pdf_written(self, result: tuple[PackageBinding, Path]) -> None:
        self._binding, path = result
        self.pdf_written = path
        self.result_file.setText(self.tr("PDF written to {path}").format(path=path))

    # --- return notice ----------------------------------------------------------------------
    def accept_return_notice(self) -> Task | None:
        """Pick the chair's notice, check it and unlock what it names (see the dialog module)."""
        if not self.return_button.isEnabled():
            return None
        return accept_notice(
            self, self.workspace, self.opened, self.archive, self._executor, self._notice_done
        )

    def _notice_done(self, binding: PackageBinding) -> None:
        self._binding = binding
        self._refresh()

    # --- texts ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.heading.setText(self.tr("Finalise and sign"))
        self.missing_box.setTitle(self.tr("Still missing"))
        self.preview_button.setText(self.tr("P&review the sheet…"))
        self.preview_button.setToolTip(self.tr("The whole sheet as you will sign it, as its PDF shows it"))
        self.sign_button.setText(self.tr("&Sign…"))
        self.pdf_button.setText(self.tr("&Print / export PDF…"))
        self.return_button.setText(self.tr("Accept return &notice…"))
        self.result_box.setTitle(self.tr("Signed sheet"))
        self.show_state(self.state)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _newest_signed(state: ReviewState) -> SheetVersion | None:
    return next((v for v in reversed(state.versions) if v.signed is not None), None)

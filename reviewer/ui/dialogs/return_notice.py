"""Accepting the chair's return notice (.rvreturn): only the indicators it names reopen.

The notice must be signed by this package's chair and name the sheet this expert signed last
(:func:`reviewer.app.finalise.accept_return_notice` checks both, in the background); then the
review becomes version n+1 with the chair's reason, only the named indicators editable. The file
chooser and the confirmation go through small functions that tests monkeypatch.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from reviewer.app.finalise import SheetArchive, accept_return_notice
from reviewer.app.opening import OpenedReview
from reviewer.packages import open_package
from reviewer.scoring.return_notice import ReturnNotice
from reviewer.scoring.sheet_binding import PackageBinding
from reviewer.ui.dialogs import errors, sheet_files
from reviewer.ui.tasks import Executor, Task

if TYPE_CHECKING:
    from reviewer.ui.panels.review_workspace import ReviewWorkspace


def show_accepted(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def describe(notice: ReturnNotice) -> str:
    return QCoreApplication.translate(
        "return_notice",
        "The chair returned version {n} of your sheet for correction.\n\nReason: {reason}\n\n"
        "Only these can be changed now: {codes}. Sign again to hand in version {m}.",
    ).format(n=notice.revision, reason=notice.reason, codes=", ".join(notice.codes), m=notice.revision + 1)


def accept_notice(
    parent: QWidget,
    workspace: ReviewWorkspace,
    opened: OpenedReview,
    archive: SheetArchive,
    executor: Executor | None,
    on_done: Callable[[PackageBinding], None],
) -> Task | None:
    """Choose the notice file, then check and apply it in the background; None when cancelled."""
    path = sheet_files.choose_return_notice(parent, str(Path.home()))
    if path is None:
        return None
    bench, review = workspace.bench, workspace.review

    def work(_progress: object) -> tuple[PackageBinding, ReturnNotice]:
        data = Path(path).read_bytes()
        with open_package(opened.path, opened.identity) as pkg:
            binding = PackageBinding.of(pkg)
        return binding, accept_return_notice(bench, review, binding, opened.identity, data, archive=archive)

    def done(result: tuple[PackageBinding, ReturnNotice]) -> None:
        binding, notice = result
        show_accepted(
            parent, QCoreApplication.translate("return_notice", "Return notice accepted"), describe(notice)
        )
        on_done(binding)

    return (
        Task(parent, work, executor).on_success(done).on_failure(lambda exc: errors.report(parent, exc)).run()
    )

"""**Save a copy of the record…** (另存评审意见表副本…): the one way the review record leaves the chair's
data folder in the clear.

The working copy is kept sealed under the chair's store key (:mod:`reviewer.models.sealed_files`);
members read and print the record from a copy the chair saves where the chair chooses. The copy is
the sealed file's exact bytes, every signature with them, and only while it is the record shown
(:func:`reviewer.app.chair_work.save_record_copy`, on a worker). The texts keep the record
page's translation context (``RecordPage``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from reviewer.app.chair_work import save_record_copy
from reviewer.app.opening import OpenedReview
from reviewer.models.sealed_files import SealedFiles
from reviewer.ui.dialogs import cosign as dialogs
from reviewer.ui.tasks import Progress


def choose_target(parent: QWidget, review: OpenedReview) -> Path | None:
    """Where the chair saves the copy (None: cancelled), ending in ``.pdf``."""
    name = str(review.manifest.candidate.get("name", "record"))
    target = dialogs.choose_record_copy_path(parent, str(review.path.parent / f"{name}-评审意见表.pdf"))
    if target is not None and target.suffix.lower() != ".pdf":
        target = target.with_name(target.name + ".pdf")
    return target


def work(files: SealedFiles, kept: Path, shown: bytes, target: Path) -> Callable[[Progress], Path]:
    """The worker that writes the copy: it touches no widget (its text is made now)."""
    step = QCoreApplication.translate("RecordPage", "Saving a copy of the record…")

    def run(progress: Progress) -> Path:
        progress(0, 1, step)
        return save_record_copy(files, kept, shown, target)

    return run


def saved(parent: QWidget, written: Path) -> None:
    dialogs.notify(
        parent,
        QCoreApplication.translate(
            "RecordPage",
            "A copy of the record, with every signature it carries, was saved in the clear: {path}\n"
            "Keep it where only the panel can read it.",
        ).format(path=written),
    )

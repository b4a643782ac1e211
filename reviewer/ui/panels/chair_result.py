"""The result file (结果文件) on the record page: its version, producing it, the last one produced.

Once the chair has closed the record, the result file (``.rvresult``) is built from it for the
ministry and saved where the chair chooses — the core's :func:`reviewer.export.panel_outputs.result_bundle`,
the same as ``reviewer panel close``. Every result file produced is logged in the chair store
(:meth:`reviewer.models.chair.ChairStore.log_result`), so the newest is shown again after a restart
and the version box starts one above it (a corrected result is a new result version).

:class:`ResultFile` holds the version box and the button (shown in the record page's row of
buttons) and the line naming the last result (shown under the signatures); the page runs the work
it prepares through its own background helper, so one progress bar and one "busy" cover both.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSpinBox, QWidget

from reviewer.app.chair_record import Written, write_result
from reviewer.export.bundle_format import BUNDLE_SUFFIX
from reviewer.ui import labels
from reviewer.ui.dialogs import cosign as dialogs
from reviewer.ui.tasks import Progress

if TYPE_CHECKING:  # the export stack is imported by the operation, on a worker
    from reviewer.app.opening import OpenedReview
    from reviewer.models.chair import ChairStore, RecordEvent
    from reviewer.models.sealed_files import SealedFiles
    from reviewer.scoring.decisions import Actor
    from reviewer.scoring.panel import PanelState
    from reviewer.scoring.result import Reconciliation


class ResultFile(QWidget):
    """The result version, **Produce the result file…**, and what was produced last."""

    def __init__(
        self, review: OpenedReview, chair_store: ChairStore | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("resultFile")
        self.review, self._chair_store = review, chair_store
        self.last_result: RecordEvent | None = None
        self.result_path: Path | None = None
        self.result_digest = ""
        self.button = QPushButton(objectName="produceResult")
        self.version = QSpinBox(objectName="resultVersion", minimum=1, maximum=99)
        self.version_label = QLabel()
        self.version_label.setBuddy(self.version)
        self.shown = QLabel(objectName="resultDigest", wordWrap=True)  # placed by the page
        self.shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.version_label)
        row.addWidget(self.version)
        row.addWidget(self.button)
        self.retranslate()

    def choose_target(self) -> Path | None:
        """Where the chair saves the result file (None: cancelled), with its suffix."""
        name = str(self.review.manifest.candidate.get("name", "result"))
        stem = self.tr("{name}-result-v{n}").format(name=name, n=self.version.value())  # the UI's language
        suggested = self.review.path.parent / f"{stem}{BUNDLE_SUFFIX}"
        target = dialogs.choose_result_path(self, str(suggested))
        if target is not None and target.suffix != BUNDLE_SUFFIX:
            target = target.with_name(target.name + BUNDLE_SUFFIX)
        return target

    def work(
        self,
        target: Path,
        pdf: bytes,
        state: PanelState,
        rec: Reconciliation,
        actor: Actor,
        *,
        files: SealedFiles | None = None,
        record: Path | None = None,
    ) -> Callable[[Progress], Written]:
        """The worker that builds, checks, signs, saves and logs the result file: it touches no widget
        (what it needs is taken now, its texts made now)."""
        steps = (
            self.tr("Checking everything as the ministry will, then signing…"),
            self.tr("Saving the result file…"),
        )
        return partial(
            write_result,
            steps=steps,
            chair=self.review.identity,
            package=self.review.path,
            pdf=pdf,
            state=state,
            reconciliation=rec,
            version=self.version.value(),
            target=target,
            chair_store=self._chair_store,
            package_id=self.review.manifest.package_id,
            by=actor,
            files=files,
            record=record,
        )

    def written(self, result: Written) -> None:
        self.result_path, self.result_digest, event = result
        if event is not None:
            self.last_result = event
        self.show_last_result()

    def show_last_result(self, event: RecordEvent | None = None) -> None:
        """The newest result file (``event``: from the store after a restart); the next version is one
        higher."""
        if event is not None:
            self.last_result = event
        last = self.last_result
        if last is None or last.version is None:
            return
        self.result_path, self.result_digest = Path(last.path or ""), last.sha256 or ""
        self.version.setMinimum(last.version + 1)
        self.version.setValue(max(self.version.value(), last.version + 1))

    def refresh(self, idle: bool, current: bool, chair_signed: bool) -> None:
        """Produced only from the closed record that matches what the chair holds."""
        self.button.setEnabled(idle and current and chair_signed)
        self.version.setEnabled(idle and chair_signed)
        last = self.last_result
        if last is not None:
            self.shown.setText(
                self.tr("Result file, version {version}, produced {at}:\n{path}\nSHA-256: {digest}").format(
                    version=last.version, at=labels.beijing_time(last.at), path=last.path, digest=last.sha256
                )
            )
        elif self.result_path is not None:
            self.shown.setText(
                self.tr("Result file saved: {path}\nSHA-256: {digest}").format(
                    path=self.result_path, digest=self.result_digest
                )
            )

    def retranslate(self) -> None:
        self.button.setText(self.tr("Produce the result file…"))
        self.version_label.setText(self.tr("Result version"))
        self.version.setToolTip(
            self.tr(
                "A corrected result for the same package is a new result version, produced from the same "
                "closed record; the box starts one above the last version produced."
            )
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

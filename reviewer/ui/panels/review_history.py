"""The workspace's top line: the review's undo and redo, labelled, what they just did, and whether
everything is saved.

    indicator = SaveIndicator()
    indicator.show_status(reason=None, saving=True)              # 正在保存… / Saving…
    history = UndoRedo(parent, undo=workspace.undo, redo=workspace.redo)
    history.show_next(state.undo_next, state.redo_next, queued=False)   # 撤销：1.1 的评分 7 → 空
    history.done(bench.undo(review))                               # 已撤销：1.1 的评分 7 → 空

The words come from :mod:`reviewer.models.workbench_text` (bilingual, Qt-free); this only shows them.
Ctrl+Z / Ctrl+Shift+Z reach these actions only when the focus is not in a text box: a text box takes
them for its own typing first. The keys always answer: when there is nothing to undo (or redo) the
notice says so, and why it may look otherwise (confirmed declarations and signed versions stay).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QShortcut
from PySide6.QtWidgets import QLabel, QWidget

from reviewer.models.workbench_text import done_text, redo_label, undo_label
from reviewer.scoring.workbench_types import AuditEntry
from reviewer.ui import palette, shortcuts

SAVED_STYLE = f"QLabel {{ color: {palette.SAVED}; }}"
SAVING_STYLE = f"QLabel {{ color: {palette.WARNING}; }}"
UNSAVED_STYLE = f"QLabel {{ color: {palette.ERROR}; font-weight: bold; }}"


class SaveIndicator(QLabel):
    """已保存 only when every edit is on disk; 正在保存… while any waits; 未保存（原因） otherwise."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("saveIndicator")
        self._status: tuple[str | None, bool] = (None, False)
        self.show_status(None, False)

    def show_status(self, reason: str | None, saving: bool) -> None:
        """``reason``: why something is not saved ("" when unknown), ``None`` when nothing is unsaved."""
        self._status = (reason, saving)
        if reason is not None:
            self.setText(
                self.tr("Not saved ({reason})").format(reason=reason) if reason else self.tr("Not saved")
            )
            self.setToolTip(reason)
            self.setStyleSheet(UNSAVED_STYLE)
        elif saving:
            self.setText(self.tr("Saving…"))
            self.setToolTip("")
            self.setStyleSheet(SAVING_STYLE)
        else:
            self.setText(self.tr("Saved"))
            self.setToolTip("")
            self.setStyleSheet(SAVED_STYLE)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.show_status(*self._status)
        super().changeEvent(event)


class UndoRedo(QObject):
    """The review's undo and redo actions (added to ``parent``, shortcut within it) and the notice."""

    def __init__(self, parent: QWidget, *, undo: Callable[[], None], redo: Callable[[], None]) -> None:
        super().__init__(parent)
        self.undo_action = QAction(parent, triggered=undo)
        self.redo_action = QAction(parent, triggered=redo)
        # The keys are shortcuts of their own, so they answer even while the actions are disabled.
        within = Qt.ShortcutContext.WidgetWithChildrenShortcut
        self.undo_key = QShortcut(shortcuts.sequence("undo"), parent, self._undo_key, context=within)
        self.redo_key = QShortcut(shortcuts.sequence("redo"), parent, self._redo_key, context=within)
        self.notice = QLabel(objectName="workspaceNotice")  # what undo or redo just did
        self._next: tuple[AuditEntry | None, AuditEntry | None, bool, bool] = (None, None, False, False)
        self.retranslate()

    def show_next(
        self,
        next_undo: AuditEntry | None,
        next_redo: AuditEntry | None,
        *,
        undo_queued: bool,
        redo_queued: bool,
    ) -> None:
        """Label the actions with what they will do; ``*_queued``: writes are still on their way, so
        the step may exist although the review on screen does not show it yet."""
        self._next = (next_undo, next_redo, undo_queued, redo_queued)
        self.undo_action.setText(str(undo_label(next_undo)))
        self.redo_action.setText(str(redo_label(next_redo)))
        self.undo_action.setEnabled(next_undo is not None or undo_queued)
        self.redo_action.setEnabled(next_redo is not None or redo_queued)

    def done(self, entry: AuditEntry) -> None:
        """Say what an undo or redo just did (the ``undo``/``redo`` entry the workbench returned)."""
        self.notice.setText(str(done_text(entry)))

    def say(self, text: str) -> None:
        self.notice.setText(text)

    def _undo_key(self) -> None:
        if self.undo_action.isEnabled():
            self.undo_action.trigger()
        else:
            self.say(
                self.tr("Nothing to undo. The confirmed declarations and signed versions stay as they are.")
            )

    def _redo_key(self) -> None:
        if self.redo_action.isEnabled():
            self.redo_action.trigger()
        else:
            self.say(self.tr("Nothing to redo."))

    def retranslate(self) -> None:
        self.undo_action.setToolTip(
            self.tr("Undo the review's last change (Ctrl+Z when not typing in a box)")
        )
        self.redo_action.setToolTip(
            self.tr("Redo the review's change undone last (Ctrl+Shift+Z when not typing in a box)")
        )
        next_undo, next_redo, undo_queued, redo_queued = self._next
        self.show_next(next_undo, next_redo, undo_queued=undo_queued, redo_queued=redo_queued)

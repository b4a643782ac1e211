"""The one error path of the GUI, and the one yes/no question.

An expected failure (:class:`~reviewer.errors.ReviewerError`) already carries a message in the
current language that says what happened and what to do: it is shown as it is. Anything else is a
bug: the person sees a short generic message and the detail goes to the log.

Before a step that cannot be undone (signing, closing, returning, reopening) the GUI calls
:func:`confirm`: it says what will happen in words, and its buttons name the action and "Cancel"
(Cancel is the default, so Enter never signs by accident).

Tests monkeypatch :func:`show_error`, :func:`ask` and :func:`confirm` instead of clicking real
message boxes.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from reviewer.errors import ReviewerError

log = logging.getLogger(__name__)


def show_error(parent: QWidget | None, title: str, message: str) -> None:
    QMessageBox.warning(parent, title, message)


def ask(parent: QWidget | None, title: str, question: str) -> bool:
    answer = QMessageBox.question(parent, title, question)
    return answer == QMessageBox.StandardButton.Yes


def confirm(parent: QWidget | None, title: str, what_happens: str, action: str) -> bool:
    """Ask before an irreversible step: ``what_happens`` in words; True only if ``action`` was clicked."""
    box = QMessageBox(
        QMessageBox.Icon.Warning, title, what_happens, QMessageBox.StandardButton.NoButton, parent
    )
    go = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QCoreApplication.translate("errors", "Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is go


def report(parent: QWidget | None, exc: BaseException) -> None:
    """Show ``exc`` to the person in the way its kind deserves."""
    title = QCoreApplication.translate("errors", "Reviewer")
    if isinstance(exc, ReviewerError):
        log.info("%s: %s", type(exc).__name__, exc)
        if exc.detail:
            log.debug("%s", exc.detail)
        show_error(parent, title, str(exc))
        return
    log.error("unexpected error", exc_info=exc)
    show_error(
        parent,
        title,
        QCoreApplication.translate(
            "errors",
            "Something went wrong that the app did not expect. Nothing was saved by this step. "
            "The details are in the log; please report them.",
        ),
    )

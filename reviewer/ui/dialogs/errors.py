"""The one error path of the GUI, and the one yes/no question.

An expected failure (:class:`~reviewer.errors.ReviewerError`) already carries a message in the
current language that says what happened and what to do: it is shown as it is. Anything else is a
bug: the person sees a short generic message and the detail goes to the log.

Tests monkeypatch :func:`show_error` and :func:`ask` instead of clicking real message boxes.
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

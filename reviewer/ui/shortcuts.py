"""Every keyboard shortcut of the app, in one table: the actions take their keys from it and
帮助 › 快捷键 (Help › Keyboard shortcuts) lists it, so the two cannot drift apart.

    QShortcut(shortcuts.sequence("next_indicator"), panel, panel.next_indicator)
    for row in shortcuts.TABLE: row.text(), row.where(), row.what()

A row with a ``name`` is a real shortcut (an action or a QShortcut takes ``sequence(name)``); a row
without one describes a key a control already answers (Enter in the score box, Tab, Esc).

The choices: indicators move with Alt+Up/Alt+Down (no text box uses Alt with the arrows); F8 and F9
jump to the next unscored indicator and the next one whose score needs a comment (function keys
never type text); Ctrl+Tab / Ctrl+PgDn switch tabs only from outside a text box
(:mod:`reviewer.ui.text_boxes`); Ctrl+Z is the review's undo outside a text box, the box's own inside.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence

StandardKey = QKeySequence.StandardKey


def _t(text: str) -> Callable[[], str]:
    return lambda: QCoreApplication.translate("Shortcuts", text)


# The places a key works, named once.
EVERYWHERE = _t("Everywhere")
SCORING = _t("Scoring page")
REVIEW = _t("Review (outside a text box)")
SCORE_BOX = _t("Score box")
TEXT_BOX = _t("Multi-line text box")
MATERIALS = _t("Materials")
DIALOG = _t("Dialogs")


@dataclass(frozen=True)
class Shortcut:
    keys: StandardKey | str  # a standard key (shown as the platform names it) or portable text
    where: Callable[[], str]
    what: Callable[[], str]
    name: str | None = None  # set: an action or QShortcut takes its sequence from this row

    def sequence(self) -> QKeySequence:
        return QKeySequence(self.keys)

    def text(self) -> str:
        """The keys as the user's platform and language write them."""
        return self.sequence().toString(QKeySequence.SequenceFormat.NativeText)


TABLE: tuple[Shortcut, ...] = (
    Shortcut(StandardKey.Open, EVERYWHERE, _t("Open a standard"), "open_standard"),
    Shortcut("Ctrl+Shift+O", EVERYWHERE, _t("Open a review package"), "open_package"),
    Shortcut(StandardKey.Quit, EVERYWHERE, _t("Quit"), "quit"),
    Shortcut("F1", EVERYWHERE, _t("Show the keyboard shortcuts"), "shortcuts"),
    Shortcut("Alt+Down", SCORING, _t("Next indicator"), "next_indicator"),
    Shortcut("Alt+Up", SCORING, _t("Previous indicator"), "previous_indicator"),
    Shortcut("F8", SCORING, _t("Next unscored indicator"), "next_unscored"),
    Shortcut("F9", SCORING, _t("Next indicator whose score needs a comment"), "next_comment"),
    Shortcut("Return", SCORE_BOX, _t("Save the score and go to the next unscored indicator")),
    Shortcut(StandardKey.Undo, REVIEW, _t("Undo the review's last change"), "undo"),
    Shortcut("Ctrl+Shift+Z", REVIEW, _t("Redo"), "redo"),
    Shortcut("Tab", EVERYWHERE, _t("Next field (also out of a text box)")),
    Shortcut("Shift+Tab", EVERYWHERE, _t("Previous field")),
    Shortcut("Return", TEXT_BOX, _t("New line")),
    Shortcut("Ctrl+Tab", REVIEW, _t("Next tab (not inside a text box)")),
    Shortcut("Ctrl+PgDown", REVIEW, _t("Next tab (not inside a text box)")),
    Shortcut("PgDown", MATERIALS, _t("Next page of the material")),
    Shortcut("PgUp", MATERIALS, _t("Previous page of the material")),
    Shortcut("Esc", DIALOG, _t("Close the dialog or the preview")),
)


def sequence(name: str) -> QKeySequence:
    """The keys of the shortcut called ``name`` in :data:`TABLE` (KeyError for an unknown name)."""
    for row in TABLE:
        if row.name == name:
            return row.sequence()
    raise KeyError(name)

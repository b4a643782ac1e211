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

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence

StandardKey = QKeySequence.StandardKey


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate looks for
    """Marks ``text`` for lupdate and returns it untranslated (Qt's own is typed ``object``)."""
    return text


def _tr(text: str) -> str:
    return QCoreApplication.translate("Shortcuts", text)


# The places a key works, named once.
EVERYWHERE = QT_TRANSLATE_NOOP("Shortcuts", "Everywhere")
SCORING = QT_TRANSLATE_NOOP("Shortcuts", "Scoring page")
REVIEW = QT_TRANSLATE_NOOP("Shortcuts", "Review (outside a text box)")
SCORE_BOX = QT_TRANSLATE_NOOP("Shortcuts", "Score box")
TEXT_BOX = QT_TRANSLATE_NOOP("Shortcuts", "Multi-line text box")
MATERIALS = QT_TRANSLATE_NOOP("Shortcuts", "Materials")
DIALOG = QT_TRANSLATE_NOOP("Shortcuts", "Dialogs")


@dataclass(frozen=True)
class Shortcut:
    keys: StandardKey | str  # a standard key (shown as the platform names it) or portable text
    where_source: str  # English, marked for lupdate (QT_TRANSLATE_NOOP); where() translates
    what_source: str
    name: str | None = None  # set: an action or QShortcut takes its sequence from this row

    def sequence(self) -> QKeySequence:
        return QKeySequence(self.keys)

    def where(self) -> str:
        return _tr(self.where_source)

    def what(self) -> str:
        return _tr(self.what_source)

    def text(self) -> str:
        """The keys as the user's platform and language write them."""
        return self.sequence().toString(QKeySequence.SequenceFormat.NativeText)


TABLE: tuple[Shortcut, ...] = (
    Shortcut(
        StandardKey.Open, EVERYWHERE, QT_TRANSLATE_NOOP("Shortcuts", "Open a standard"), "open_standard"
    ),
    Shortcut(
        "Ctrl+Shift+O",
        EVERYWHERE,
        QT_TRANSLATE_NOOP("Shortcuts", "Open a review package"),
        "open_package",
    ),
    Shortcut("Ctrl+Q", EVERYWHERE, QT_TRANSLATE_NOOP("Shortcuts", "Quit"), "quit"),
    Shortcut("F1", EVERYWHERE, QT_TRANSLATE_NOOP("Shortcuts", "Open the user guide"), "guide"),
    Shortcut(
        "Ctrl+F1", EVERYWHERE, QT_TRANSLATE_NOOP("Shortcuts", "Show the keyboard shortcuts"), "shortcuts"
    ),
    Shortcut("Alt+Down", SCORING, QT_TRANSLATE_NOOP("Shortcuts", "Next indicator"), "next_indicator"),
    Shortcut("Alt+Up", SCORING, QT_TRANSLATE_NOOP("Shortcuts", "Previous indicator"), "previous_indicator"),
    Shortcut("F8", SCORING, QT_TRANSLATE_NOOP("Shortcuts", "Next unscored indicator"), "next_unscored"),
    Shortcut(
        "F9",
        SCORING,
        QT_TRANSLATE_NOOP("Shortcuts", "Next indicator whose score needs a comment"),
        "next_comment",
    ),
    Shortcut(
        "Return",
        SCORE_BOX,
        QT_TRANSLATE_NOOP("Shortcuts", "Save the score and go to the next unscored indicator"),
    ),
    Shortcut(
        StandardKey.Undo, REVIEW, QT_TRANSLATE_NOOP("Shortcuts", "Undo the review's last change"), "undo"
    ),
    Shortcut("Ctrl+Shift+Z", REVIEW, QT_TRANSLATE_NOOP("Shortcuts", "Redo"), "redo"),
    Shortcut("Tab", EVERYWHERE, QT_TRANSLATE_NOOP("Shortcuts", "Next field (also out of a text box)")),
    Shortcut("Shift+Tab", EVERYWHERE, QT_TRANSLATE_NOOP("Shortcuts", "Previous field")),
    Shortcut("Return", TEXT_BOX, QT_TRANSLATE_NOOP("Shortcuts", "New line")),
    Shortcut("Ctrl+Tab", REVIEW, QT_TRANSLATE_NOOP("Shortcuts", "Next tab (not inside a text box)")),
    Shortcut("Ctrl+PgDown", REVIEW, QT_TRANSLATE_NOOP("Shortcuts", "Next tab (not inside a text box)")),
    Shortcut("PgDown", MATERIALS, QT_TRANSLATE_NOOP("Shortcuts", "Next page of the material")),
    Shortcut("PgUp", MATERIALS, QT_TRANSLATE_NOOP("Shortcuts", "Previous page of the material")),
    Shortcut("Esc", DIALOG, QT_TRANSLATE_NOOP("Shortcuts", "Close the dialog or the preview")),
)


def sequence(name: str) -> QKeySequence:
    """The keys of the shortcut called ``name`` in :data:`TABLE` (KeyError for an unknown name)."""
    for row in TABLE:
        if row.name == name:
            return row.sequence()
    raise KeyError(name)

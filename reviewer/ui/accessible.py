"""Accessible names: what a screen reader says when a control takes focus.

Qt derives a control's name from its text (a button), from the label whose buddy it is (a field),
or from the title of the group box it sits in; what has none gets ``setAccessibleName(self.tr(…))``
in its page's ``retranslate``, so the name follows a language switch. Here: the two controls
Qt builds without a way to name them.
"""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QInputDialog, QLabel, QLineEdit, QPlainTextEdit, QWidget


def clear_button(edit: QLineEdit, text: str) -> None:
    """The clear button of a line edit (``clearButtonEnabled``): an icon with no text of its own,
    named and given a tooltip through its action."""
    for action in edit.findChildren(QAction):
        if action.objectName() == "_q_qlineeditclearaction":
            action.setText(text)
            action.setToolTip(text)


def get_multiline_text(parent: QWidget | None, title: str, label: str) -> tuple[str, bool]:
    """``QInputDialog.getMultiLineText``, with its question tied to the text box (Qt ties it only
    to the one-line box, so the multi-line one has no name)."""
    dialog = QInputDialog(parent)
    dialog.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    question, box = dialog.findChild(QLabel), dialog.findChild(QPlainTextEdit)
    if question is not None and box is not None:
        question.setBuddy(box)
    ok = dialog.exec() == QDialog.DialogCode.Accepted
    text = dialog.textValue()
    dialog.deleteLater()
    return text, ok

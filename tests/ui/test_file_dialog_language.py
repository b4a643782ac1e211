"""Qt's own file dialog speaks the UI's language: in Chinese its labels, buttons and tooltips are
Chinese (found on a walk of the expert's journey: 「Look in」「Files of type」 in the Chinese UI),
and switching to English switches them back. Qt's catalogue (qtbase_zh_CN.qm) misses a few of the
dialog's texts; the app's own catalogue supplies them (reviewer/ui/qt_texts.py)."""

from __future__ import annotations

import os
import re

from PySide6.QtWidgets import QAbstractButton, QFileDialog, QLabel

from reviewer.ui.app import application
from reviewer.ui.language import Language

HAN = re.compile(r"[\u4e00-\u9fff]")
SHOTS = "/tmp/d22/shots/wheel"


def _texts(dialog: QFileDialog) -> list[str]:
    labels = [w.text() for w in dialog.findChildren(QLabel) if w.isVisibleTo(dialog) and w.text()]
    buttons = [b.text() or b.toolTip() for b in dialog.findChildren(QAbstractButton) if b.isVisibleTo(dialog)]
    return [t for t in labels + buttons if t]


def _dialog(qtbot, mode: QFileDialog.AcceptMode) -> QFileDialog:
    dialog = QFileDialog(None, "", os.getcwd(), "*.rvsheet")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # Qt's own, as on a desktop without a native one
    dialog.setAcceptMode(mode)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_file_dialog_is_chinese_in_the_chinese_ui(qtbot) -> None:
    app = application()
    language = Language(None, parent=app)
    try:
        language.apply("zh_CN")
        for mode in (QFileDialog.AcceptMode.AcceptOpen, QFileDialog.AcceptMode.AcceptSave):
            dialog = _dialog(qtbot, mode)
            english = [t for t in _texts(dialog) if not HAN.search(t)]
            assert english == [], english
        os.makedirs(SHOTS, exist_ok=True)
        dialog.grab().save(f"{SHOTS}/file-dialog-zh_CN.png")
        language.apply("en")
        assert any("Look in" in t for t in _texts(dialog))  # and back to English with the language
    finally:
        language.remove()
        language.deleteLater()

"""Texts of Qt's own widgets that Qt's Chinese catalogue (``qtbase_zh_CN.qm``) lacks.

:class:`reviewer.ui.language.Language` installs Qt's catalogue and then the app's; Qt asks the app's
first, so a text marked here under Qt's own context (and translated in ``reviewer_zh_CN.ts``) fills
the gap, and every other text falls through to Qt's catalogue. Nothing calls this module: lupdate
reads it. Qt 6 gave the file dialog's labels keyboard accelerators (``&Look in:``), and its catalogue
still translates only the old texts, so the Chinese file dialog showed 「Look in」 and
「Files of type」 (tests/ui/test_file_dialog_language.py).
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate looks for
    """Marks ``text`` for lupdate and returns it untranslated."""
    return text


FILE_DIALOG = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)

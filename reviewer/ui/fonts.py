"""The bundled WenQuanYi Micro Hei, registered with Qt at start as a fallback for Chinese text.

On a Linux without any CJK font the UI would show boxes for Chinese. Registering the bundled font
as an application font makes it one of the fonts Qt's
fallback can choose for Han characters; the UI font itself is not changed, and a system that has
its own CJK font keeps using it (fontconfig prefers installed fonts that match the language).
Qt 6.8's ``QFontDatabase.addApplicationFallbackFontFamily`` would say so explicitly, but PySide6
(6.11) does not bind it (its ``QChar.Script`` argument has no Python type).

Cost, measured on Linux (fontconfig): ~15 ms at start, nearly all of it fontconfig's own start that
the first painted text would pay anyway; ~2 ms once Qt's font database is up. The 5 MB file is
not read in full.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QFontDatabase

from reviewer import paths

log = logging.getLogger(__name__)

FONT = ("fonts", "wqy-microhei.ttc")
FAMILY = "WenQuanYi Micro Hei"

_registered: list[str] = []


def register_app_fonts() -> list[str]:
    """Register the bundled font with Qt once (needs a QGuiApplication); return its families.

    A missing or unreadable font file is logged, not raised: the app still starts
    (``reviewer doctor`` reports the file)."""
    if _registered:
        return list(_registered)
    path = paths.resource(*FONT)
    font_id = QFontDatabase.addApplicationFont(str(path))
    if font_id < 0:
        log.warning("could not register the bundled font %s with Qt", path)
        return []
    _registered.extend(QFontDatabase.applicationFontFamilies(font_id))
    return list(_registered)

"""The UI language: Qt translators for the widgets, ``reviewer.i18n`` for the core's messages.

Switching installs the other translator; Qt then sends ``QEvent.LanguageChange`` to every widget,
and each widget re-reads its texts in ``retranslate()``. The core's bilingual messages and the
standard's data text follow through :func:`reviewer.i18n.set_language`.
"""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QObject, QTranslator, Signal

from reviewer import i18n
from reviewer.paths import resource
from reviewer.ui.settings import Settings

log = logging.getLogger(__name__)

# Shown in their own language, never translated: a person must find theirs whatever is showing.
LANGUAGES = {"zh_CN": "中文", "en": "English"}
DEFAULT = "zh_CN"


def startup_language(requested: str | None, settings: Settings) -> str:
    """``--lang``, else the remembered choice, else ``$REVIEWER_LANG``, else Chinese."""
    chosen = requested or settings.language() or os.environ.get("REVIEWER_LANG") or DEFAULT
    return i18n.normalise(chosen)


class Language(QObject):
    """Owns the installed translators. They are its children, so they leave the app with it."""

    changed = Signal(str)

    def __init__(self, settings: Settings | None, parent: QObject | None = None) -> None:
        """``settings`` remember a choice (:meth:`choose`); None before there is a data folder."""
        super().__init__(parent)
        self._settings = settings
        self._translators: list[QTranslator] = []
        self.current = ""

    def apply(self, lang: str) -> None:
        """Show the UI in ``lang`` now, without remembering it."""
        lang = i18n.normalise(lang)
        app = QCoreApplication.instance()
        # The core first: widgets re-read data text while handling LanguageChange.
        i18n.set_language(lang)
        QLocale.setDefault(QLocale(QLocale.Language.Chinese if lang == "zh_CN" else QLocale.Language.English))
        self.remove()
        for name, folder in (
            (f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
            (f"reviewer_{lang}", str(resource("translations"))),
        ):
            translator = QTranslator(self)
            if translator.load(name, folder):
                assert app is not None  # translators are installed in a running application
                app.installTranslator(translator)
                self._translators.append(translator)
            elif name.startswith("reviewer_") and lang != "en":
                log.warning("translation %s.qm not found in %s (run `make translations`)", name, folder)
        self.current = lang
        # Qt posts LanguageChange to the windows; deliver it now, so no half-switched UI is seen.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        self.changed.emit(lang)

    def remove(self) -> None:
        """Uninstall this object's translators (a short-lived one, such as a start-up error's)."""
        app = QCoreApplication.instance()
        for old in self._translators:
            if app is not None:  # (None once the application is gone)
                app.removeTranslator(old)
            old.deleteLater()
        self._translators = []

    def choose(self, lang: str) -> None:
        """The person picked ``lang`` in the menu: show it and remember it."""
        if self._settings is not None:
            self._settings.set_language(lang)
        if i18n.normalise(lang) != self.current:
            self.apply(lang)

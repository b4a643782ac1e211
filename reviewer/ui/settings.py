"""The app's remembered choices, in an INI file inside the data folder.

Keeping them beside the data (not in the registry or ``~/.config``) makes a portable install on a
USB stick carry its settings, and gives every test its own file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from reviewer import i18n

FILE_NAME = "settings.ini"
MAX_RECENT = 8


class Settings:
    """Typed access to the few values the GUI remembers across restarts."""

    def __init__(self, data_dir: Path) -> None:
        self.path = Path(data_dir) / FILE_NAME
        self._q = QSettings(str(self.path), QSettings.Format.IniFormat)

    # --- language ---------------------------------------------------------------------------
    def language(self) -> str | None:
        value = self._q.value("ui/language")
        return i18n.normalise(str(value)) if value else None

    def set_language(self, lang: str) -> None:
        self._q.setValue("ui/language", i18n.normalise(lang))
        self._q.sync()

    # --- window -----------------------------------------------------------------------------
    def _bytes(self, key: str) -> QByteArray | None:
        value = self._q.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def geometry(self, name: str) -> QByteArray | None:
        return self._bytes(f"{name}/geometry")

    def set_geometry(self, name: str, value: QByteArray) -> None:
        self._q.setValue(f"{name}/geometry", value)

    def state(self, name: str) -> QByteArray | None:
        return self._bytes(f"{name}/state")

    def set_state(self, name: str, value: QByteArray) -> None:
        self._q.setValue(f"{name}/state", value)

    # --- recent standards -------------------------------------------------------------------
    def recent_standards(self) -> list[str]:
        value = self._q.value("recent/standards") or []
        items = [value] if isinstance(value, str) else list(value)
        return [str(v) for v in items if v][:MAX_RECENT]

    def add_recent_standard(self, path: Path | str) -> None:
        text = str(Path(path).resolve())
        items = [text, *(p for p in self.recent_standards() if p != text)]
        self._q.setValue("recent/standards", items[:MAX_RECENT])
        self._q.sync()

    def clear_recent_standards(self) -> None:
        self._q.remove("recent/standards")
        self._q.sync()

    def sync(self) -> None:
        self._q.sync()

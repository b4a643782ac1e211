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

    # --- recent files -----------------------------------------------------------------------
    def _recent(self, key: str) -> list[str]:
        value = self._q.value(key) or []
        items = [value] if isinstance(value, str) else list(value)
        return [str(v) for v in items if v][:MAX_RECENT]

    def _add_recent(self, key: str, path: Path | str) -> None:
        text = str(Path(path).resolve())
        items = [text, *(p for p in self._recent(key) if p != text)]
        self._q.setValue(key, items[:MAX_RECENT])
        self._q.sync()

    def _clear(self, key: str) -> None:
        self._q.remove(key)
        self._q.sync()

    def recent_standards(self) -> list[str]:
        return self._recent("recent/standards")

    def add_recent_standard(self, path: Path | str) -> None:
        self._add_recent("recent/standards", path)

    def clear_recent_standards(self) -> None:
        self._clear("recent/standards")

    def recent_packages(self) -> list[str]:
        return self._recent("recent/packages")

    def add_recent_package(self, path: Path | str) -> None:
        self._add_recent("recent/packages", path)

    def clear_recent_packages(self) -> None:
        self._clear("recent/packages")

    # --- the identity that opens packages (its folder only: never a passphrase) -------------
    def identity_dir(self) -> Path | None:
        value = self._q.value("identity/folder")
        return Path(str(value)) if value else None

    def set_identity_dir(self, folder: Path | str) -> None:
        self._q.setValue("identity/folder", str(Path(folder).resolve()))
        self._q.sync()

    def sync(self) -> None:
        self._q.sync()

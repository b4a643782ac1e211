"""Bilingual text for the Qt-free core.

The GUI translates its own strings with Qt's ``tr()`` and ``.ts`` files. The core cannot use Qt,
so every message it shows a person (errors, summaries) is written in both languages at the place
it is raised, as a :class:`Text`. Both languages are required arguments, so a message can never be
complete in one language and missing in the other. ``str(text)`` renders it in the current
language: Chinese (zh_CN) by default, English when chosen.

The language comes from :func:`set_language`, else ``REVIEWER_LANG``, else ``zh_CN``.
"""

from __future__ import annotations

import os
import string
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

SUPPORTED = ("zh_CN", "en")
_current: str | None = None
_in_app = False  # the messages are read in the app's windows, not at a command line


def normalise(lang: str | None) -> str:
    """Map a locale name such as ``en_US.UTF-8`` or ``zh`` to a supported language."""
    if not lang:
        return "zh_CN"
    low = lang.lower()
    if low.startswith("en"):
        return "en"
    return "zh_CN"


def set_language(lang: str | None) -> None:
    global _current
    _current = normalise(lang) if lang else None


def language() -> str:
    if _current:
        return _current
    return normalise(os.environ.get("REVIEWER_LANG"))


def set_in_app(in_app: bool) -> None:
    """The app says so at start: a message with an in-app wording (:meth:`Text.in_app`: no
    command-line options, no file field names) is then shown in that wording."""
    global _in_app
    _in_app = in_app


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@dataclass(frozen=True)
class Text:
    """A message in Chinese and English, with named placeholders filled by ``args``."""

    zh: str
    en: str
    args: dict[str, Any] = field(default_factory=dict)
    app: Text | None = None  # the same message for a person in the app's windows (see in_app)

    def __post_init__(self) -> None:
        if _fields(self.zh) != _fields(self.en):
            raise ValueError(f"placeholders differ between languages: {self.zh!r} / {self.en!r}")

    def format(self, **args: Any) -> Text:
        app = self.app.format(**args) if self.app is not None else None
        return Text(self.zh, self.en, {**self.args, **args}, app)

    def in_app(self, app: Text) -> Text:
        """This message, said as ``app`` in the app's windows: a command line's advice ("pass
        --passphrase-env NAME") or a file's field name ("opinion.conclusion") means nothing there."""
        return Text(self.zh, self.en, self.args, app)

    def render(self, lang: str | None = None) -> str:
        if _in_app and self.app is not None:
            return self.app.render(lang)
        lang = normalise(lang) if lang else language()
        template = self.en if lang == "en" else self.zh
        if not (self.args or _fields(template)):
            return template
        args = {k: v.render(lang) if isinstance(v, Text) else v for k, v in self.args.items()}
        return template.format(**args)  # a Text inside a Text speaks the same language

    def __str__(self) -> str:
        return self.render()


def T(zh: str, en: str, **args: Any) -> Text:
    """Shorthand: ``T("中文 {x}", "English {x}", x=1)``."""
    return Text(zh, en, args)


def bilingual(value: dict[str, str] | None, lang: str | None = None) -> str:
    """Pick the right language out of a ``{"zh": ..., "en": ...}`` mapping from a data file."""
    if not value:
        return ""
    lang = normalise(lang) if lang else language()
    key = "en" if lang == "en" else "zh"
    return value.get(key) or value.get("zh") or value.get("en") or ""


BEIJING = timezone(timedelta(hours=8), "UTC+8")  # China Standard Time, all year (no daylight saving)


def beijing(when: datetime | str, *, seconds: bool = False) -> Text:
    """A moment as a person in China reads it: Beijing time, with the zone said,
    ``2026-12-04 17:45（北京时间）`` / ``2026-12-04 17:45 (Beijing time)``. ``when`` is aware, or
    ISO 8601 (``2026-12-04T09:45:36Z``, or with its offset); naive means UTC, as the files keep it.
    The one way a time is shown, in the windows, in messages and in the documents the app makes
    (``seconds``: to the second, as a signature's stamp shows it)."""
    if isinstance(when, str):
        when = datetime.fromisoformat(when.replace("Z", "+00:00"))
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    shown = when.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")
    return T("{time}（北京时间）", "{time} (Beijing time)", time=shown)


def beijing_date(when: datetime | str) -> str:
    """The day of ``when`` in Beijing (``2026-12-05`` for 2026-12-04T17:00Z): a date shown alone."""
    if isinstance(when, str):
        when = datetime.fromisoformat(when.replace("Z", "+00:00"))
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(BEIJING).date().isoformat()

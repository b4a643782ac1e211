"""The registry's reports as plain tables, and the language they are built in.

A :class:`Report` is a list of :class:`Table` — a key, a bilingual title, columns (a stable key and a
bilingual header) and rows of plain values — so the same report becomes a terminal table, CSV, JSON
or an XLSX workbook (one sheet per table, :mod:`reviewer.ministry.render`) without the renderer knowing
what it shows. :func:`language` is the language reports are built in (:func:`report_language` sets it
whatever the UI language); :func:`pick` and the word helpers turn the registry's codes into its words.
The tables themselves are built in :mod:`reviewer.ministry.reports` and
:mod:`reviewer.ministry.lifecycle_tables`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reviewer.i18n import language as current_language
from reviewer.ministry.engine import FLAG_LABELS, STATUS_LABELS
from reviewer.ministry.priority import flag_label
from reviewer.standards.model import RESULT_LABELS

if TYPE_CHECKING:
    from reviewer.ministry.rules import RegistryRules

KIND_LABELS = {
    "application": ("申请审查", "application review"),
    "creation": ("创建评审", "creation review"),
    "annual": ("年度评估", "annual evaluation"),
}


@dataclass(frozen=True)
class Column:
    """A report column; ``short`` > 0 cuts its values to that many characters in tables meant for
    reading (the terminal, the screen, whose tooltip has the whole value); files keep them whole."""

    key: str
    zh: str
    en: str
    short: int = 0

    def shown(self, text: str) -> str:
        return text[: self.short] + "…" if 0 < self.short < len(text) else text


@dataclass(frozen=True)
class Table:
    key: str
    title_zh: str
    title_en: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Any, ...], ...]

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip((c.key for c in self.columns), row, strict=True)) for row in self.rows]


@dataclass(frozen=True)
class Report:
    title_zh: str
    title_en: str
    tables: tuple[Table, ...]


_LANG: ContextVar[str | None] = ContextVar("report_language", default=None)


def language() -> str:
    return _LANG.get() or current_language()


@contextmanager
def report_language(lang: str | None) -> Iterator[None]:
    """Build reports in ``lang`` (the XLSX workbook is always Chinese), whatever the UI language."""
    token = _LANG.set(lang)
    try:
        yield
    finally:
        _LANG.reset(token)


def pick(pair: tuple[str, str]) -> str:
    return pair[1] if language() == "en" else pair[0]


def status_words(status: str) -> str:
    return _words(STATUS_LABELS, status)


def _words(mapping: dict[str, tuple[str, str]], key: str | None) -> str:
    return pick(mapping[key]) if key in mapping else (key or "")


def _result(result: str | None) -> str:
    label = RESULT_LABELS.get(result or "")
    return (label.en if language() == "en" else label.zh) if label else (result or "")


def _type(t: str) -> str:
    return pick(("名城", "city") if t == "city" else ("名园", "park"))


def _flags(flags: tuple[str, ...], rules: RegistryRules) -> str:
    """The priority flags' labels: the computed ones (:data:`FLAG_LABELS`) and those set by hand."""
    n = rules.city_min_famous_parks
    return "; ".join(
        pick(FLAG_LABELS[f]).format(n=n) if f in FLAG_LABELS else pick(flag_label(rules, f) or (f, f))
        for f in flags
    )


def _flag_words(rules: RegistryRules, code: str) -> str:
    return pick(flag_label(rules, code) or (code, code))


C = Column
CANDIDATE_COLS = (
    C("name", "名称", "name"),
    C("type", "类型", "type"),
    C("province", "省份", "province"),
    C("city", "城市", "city"),
)

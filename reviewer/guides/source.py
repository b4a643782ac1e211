"""Stand-in for part 4's reader of the shipped guides (issue 22 design); replaced by g22-help's."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.attrs import attrs_block_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from reviewer.errors import InvalidInput
from reviewer.i18n import T
from reviewer.paths import resource

LANGS = ("zh_CN", "en")
ROLES = ("expert", "chair", "ministry")
DOCS = ("expert", "chair", "ministry", "quick-expert", "quick-chair", "quick-ministry", "troubleshooting")


class GuideMissing(InvalidInput):
    """A guide file is not where the app keeps it."""


def guides_root() -> Path:
    return Path(resource("guides"))


def guide_path(doc: str, lang: str) -> Path:
    return guides_root() / lang / f"{doc}.md"


def parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table").use(front_matter_plugin).use(attrs_block_plugin)


@dataclass(frozen=True)
class Guide:
    doc: str
    lang: str
    title: str
    updated: date
    text: str
    tokens: tuple[Token, ...]
    anchors: tuple[str, ...]
    images: tuple[Path, ...]


def _walk(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    for t in tokens:
        out.append(t)
        if t.children:
            out.extend(_walk(t.children))
    return out


def load(doc: str, lang: str) -> Guide:
    path = guide_path(doc, lang)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise GuideMissing(
            T(
                "找不到使用指南 {doc}（{lang}）：{path}",
                "Guide {doc} ({lang}) not found: {path}",
                doc=doc,
                lang=lang,
                path=str(path),
            )
        ) from exc
    tokens = parser().parse(text)
    meta: dict[str, str] = {}
    for t in tokens:
        if t.type == "front_matter":
            for line in t.content.splitlines():
                key, _, value = line.partition(":")
                meta[key.strip()] = value.strip()
    anchors = tuple(str(t.attrs["id"]) for t in tokens if t.type == "heading_open" and "id" in t.attrs)
    images = tuple((path.parent / str(t.attrs["src"])).resolve() for t in _walk(tokens) if t.type == "image")
    return Guide(
        doc,
        lang,
        meta.get("title", doc),
        date.fromisoformat(meta["updated"]),
        text,
        tuple(tokens),
        anchors,
        images,
    )

"""The guides' source: where each guide lives, the one Markdown parser, and a parsed :class:`Guide`.

A guide is ``reviewer/resources/guides/<lang>/<doc>.md``: front matter (``title``, ``updated``),
then CommonMark with tables and images; a line ``{#id}`` directly before a heading gives the
section its id (docs/guides.md). Images are referenced relatively (``images/name.png``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import unquote

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.attrs import attrs_block_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from reviewer.errors import InvalidInput, UsageError
from reviewer.i18n import T, Text
from reviewer.paths import resource

LANGS = ("zh_CN", "en")
ROLES = ("expert", "chair", "ministry")
DOCS = ("expert", "chair", "ministry", "quick-expert", "quick-chair", "quick-ministry", "troubleshooting")


class GuideMissing(InvalidInput):
    """A guide the app ships is not where it should be (an incomplete installation): exit 3."""


class GuideInvalid(InvalidInput):
    """A guide file cannot be read as a guide (no front matter, a bad date, a repeated section id,
    an image outside the guides folder): exit 3."""


def guides_root() -> Path:
    """The folder of the shipped guides, one sub-folder per language."""
    return resource("guides")


def guide_path(doc: str, lang: str) -> Path:
    """Where the guide ``doc`` in ``lang`` lives (whether or not it is there); an unknown name is a
    :class:`~reviewer.errors.UsageError`."""
    if doc not in DOCS:
        raise UsageError(
            T(
                "没有名为 {doc} 的指南；可选：{docs}", "There is no guide named {doc}; choose from: {docs}"
            ).format(doc=doc, docs=", ".join(DOCS))
        )
    if lang not in LANGS:
        raise UsageError(
            T(
                "指南没有 {lang} 语言版本；可选：{langs}",
                "There is no {lang} version of the guides; choose from: {langs}",
            ).format(lang=lang, langs=", ".join(LANGS))
        )
    return guides_root() / lang / f"{doc}.md"


def link_target(href: str) -> tuple[str | None, str | None] | None:
    """Where a link inside a guide goes: ``(None, id)`` within the same guide (``#id``),
    ``(doc, id or None)`` to another guide in the same language (``chair.md#decisions``); None for
    anything else (a web address, a file), which the app does not open."""
    base, _, fragment = href.partition("#")
    if not base:
        return (None, fragment) if fragment else None
    if "/" in base or "\\" in base or ":" in base or not base.endswith(".md"):
        return None
    doc = base.removesuffix(".md")
    return (doc, fragment or None) if doc in DOCS else None


def parser() -> MarkdownIt:
    """The one parser of the guides: CommonMark (raw HTML off: shown as text), tables, front
    matter, and block attributes (``{#id}`` before a heading)."""
    return (
        MarkdownIt("commonmark", {"html": False})
        .enable("table")
        .use(front_matter_plugin)
        .use(attrs_block_plugin)
    )


@dataclass(frozen=True)
class Guide:
    """One guide, parsed. ``anchors``: the section ids in document order; ``images``: the absolute
    path of every image it references, in order of first reference (they may not all exist)."""

    doc: str
    lang: str
    title: str
    updated: date
    text: str
    tokens: tuple[Token, ...]
    anchors: tuple[str, ...]
    images: tuple[Path, ...]

    @property
    def path(self) -> Path:
        return guide_path(self.doc, self.lang)

    @property
    def folder(self) -> Path:
        """The folder relative image references are resolved against."""
        return self.path.parent


def load(doc: str, lang: str) -> Guide:
    """Read and parse the guide ``doc`` in ``lang``: :class:`GuideMissing` when it is not there,
    :class:`GuideInvalid` when it is not a guide."""
    path = guide_path(doc, lang)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise GuideMissing(
            T(
                "找不到指南 {doc}（{lang}）：{path}。安装不完整，请重新安装本程序。",
                "The guide {doc} ({lang}) is missing: {path}. The installation is incomplete; reinstall the app.",
                doc=doc,
                lang=lang,
                path=str(path),
            )
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise GuideInvalid(_invalid(doc, lang, path, str(exc))) from exc
    tokens = tuple(parser().parse(text))
    fields = _front_matter(tokens)
    title = fields.get("title", "").strip()
    if not title:
        raise GuideInvalid(_invalid(doc, lang, path, "front matter: no title"))
    try:
        updated = date.fromisoformat(fields.get("updated", "").strip())
    except ValueError:
        raise GuideInvalid(
            _invalid(doc, lang, path, "front matter: updated is not a date (YYYY-MM-DD)")
        ) from None
    anchors = _anchors(tokens, doc, lang, path)
    images = _images(tokens, path.parent, doc, lang, path)
    return Guide(doc, lang, title, updated, text, tokens, anchors, images)


def _invalid(doc: str, lang: str, path: Path, why: str) -> Text:
    return T(
        "指南 {doc}（{lang}）无法读取：{why}（{path}）。请重新安装本程序。",
        "The guide {doc} ({lang}) cannot be read: {why} ({path}). Reinstall the app.",
        doc=doc,
        lang=lang,
        why=why,
        path=str(path),
    )


def _front_matter(tokens: tuple[Token, ...]) -> dict[str, str]:
    """The ``key: value`` lines of the front matter (a flat mapping; no YAML needed)."""
    if not tokens or tokens[0].type != "front_matter":
        return {}
    fields: dict[str, str] = {}
    for line in tokens[0].content.splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip():
            fields[key.strip()] = value.strip().strip("'\"")
    return fields


def _anchors(tokens: tuple[Token, ...], doc: str, lang: str, path: Path) -> tuple[str, ...]:
    anchors: list[str] = []
    for token in tokens:
        if token.type != "heading_open":
            continue
        anchor = token.attrs.get("id")
        if anchor is None:
            continue
        anchor = str(anchor)
        if not anchor.isascii() or not anchor or anchor in anchors:
            why = f"section id {anchor!r} is repeated or not ASCII"
            raise GuideInvalid(_invalid(doc, lang, path, why))
        anchors.append(anchor)
    return tuple(anchors)


def image_sources(tokens: tuple[Token, ...]) -> list[Token]:
    """Every image token of the guide (inside paragraphs, list items and table cells), in order."""
    found: list[Token] = []
    for token in tokens:
        for child in token.children or ():
            if child.type == "image":
                found.append(child)
    return found


def resolve_image(folder: Path, src: str) -> Path | None:
    """The file an image reference names: relative to the guide's folder and inside it; None for
    anything else (a URL, an absolute path, ``..``)."""
    if not src or "://" in src or src.startswith(("/", "\\")) or ":" in src:
        return None
    target = (folder / unquote(src)).resolve()
    return target if target.is_relative_to(folder.resolve()) else None


def _images(tokens: tuple[Token, ...], folder: Path, doc: str, lang: str, path: Path) -> tuple[Path, ...]:
    images: list[Path] = []
    for token in image_sources(tokens):
        src = str(token.attrs.get("src", ""))
        target = resolve_image(folder, src)
        if target is None:
            raise GuideInvalid(
                _invalid(doc, lang, path, f"image {src!r} is not a file in the guide's folder")
            )
        if target not in images:
            images.append(target)
    return tuple(images)

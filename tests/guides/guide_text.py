"""The shipped guides read straight from their Markdown (Qt-free), for the consistency tests.

It parses as the app does (CommonMark, tables, front matter, ``{#id}`` attribute blocks) and keeps
what the tests compare: the section ids in order, the headings, each section's text, the images
and the links.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.attrs import attrs_block_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

REPO = Path(__file__).resolve().parents[2]
GUIDES = REPO / "reviewer" / "resources" / "guides"
LANGS = ("zh_CN", "en")
DOCS = ("expert", "chair", "ministry", "quick-expert", "quick-chair", "quick-ministry", "troubleshooting")

# The ids contextual help links to (the shared design of issue 22): every language has them.
REQUIRED_IDS: dict[str, tuple[str, ...]] = {
    "expert": (
        "first-start",
        "open-package",
        "declarations",
        "scoring",
        "evidence",
        "site-visit",
        "finalise",
        "returns",
    ),
    "chair": ("import", "matrix", "decisions", "record", "cosign", "closing"),
    "ministry": ("enrolment", "panels", "sealing", "import", "registry", "publicity", "reports", "year"),
}


@dataclass(frozen=True)
class Section:
    """A heading and what follows it up to the next heading that carries an id."""

    id: str | None
    level: int
    heading: str
    lines: tuple[str, ...]  # the text of each paragraph, list item or table cell, in order


@dataclass(frozen=True)
class Doc:
    path: Path
    sections: tuple[Section, ...]
    images: tuple[str, ...]  # as written (relative to the guide's folder)
    links: tuple[str, ...]  # every link target as written

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.sections if s.id is not None)

    def section(self, id_: str) -> Section:
        return next(s for s in self.sections if s.id == id_)


def parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table").use(front_matter_plugin).use(attrs_block_plugin)


def path(doc: str, lang: str) -> Path:
    return GUIDES / lang / f"{doc}.md"


def _walk(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    for token in tokens:
        out.append(token)
        if token.children:
            out.extend(_walk(token.children))
    return out


@cache
def read(file: Path) -> Doc:
    tokens = parser().parse(file.read_text(encoding="utf-8"))
    sections: list[Section] = []
    current: tuple[str | None, int, str] | None = None
    lines: list[str] = []
    images: list[str] = []
    links: list[str] = []
    for i, token in enumerate(tokens):
        if token.type == "heading_open":
            if current is not None:
                sections.append(Section(*current, tuple(lines)))
            anchor = token.attrs.get("id")
            current = (str(anchor) if anchor is not None else None, int(token.tag[1:]), tokens[i + 1].content)
            lines = []
        elif token.type == "inline" and (i == 0 or tokens[i - 1].type != "heading_open"):
            lines.append(token.content)
        for sub in _walk(token.children or []):
            if sub.type == "image":
                images.append(str(sub.attrs["src"]))
            elif sub.type == "link_open":
                links.append(str(sub.attrs["href"]))
    if current is not None:
        sections.append(Section(*current, tuple(lines)))
    return Doc(file, tuple(sections), tuple(images), tuple(links))


def shipped() -> list[Path]:
    """Every guide file there is, in any language folder (whether the design names it or not)."""
    return sorted(GUIDES.glob("*/*.md"))

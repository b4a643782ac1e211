"""The text of a guide's PDF: its paragraph styles, the fonts (the shipped face and its monospaced
face for code and keys), Markdown inline runs as reportlab markup, and the measures of a table.

Only the shipped fonts, embedded (:mod:`reviewer.export.fonts`). A Chinese guide breaks lines by
the Chinese rules, an English one between words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any
from xml.sax.saxutils import quoteattr

from markdown_it.tree import SyntaxTreeNode
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont

from reviewer.export import fonts
from reviewer.export.record_layout import INK, MUTED

CODE_FILL = colors.HexColor("#EEF0F3")
LINK = colors.HexColor("#1D4ED8")
STRONG = colors.HexColor("#7C2D12")
MONO = "RVMono"  # face 1 of the shipped collection: WenQuanYi Micro Hei Mono


def mono_font() -> str:
    """The shipped font's monospaced face, registered (once) as :data:`MONO`, for code and keys."""
    fonts.register_fonts()
    if MONO not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(MONO, str(fonts.FONT_FILE), subfontIndex=1))
    return MONO


class Styles:
    def __init__(self, *, compact: bool = False, chinese: bool = True) -> None:
        """``chinese``: Chinese line breaking (any character, the punctuation rules of
        :mod:`reviewer.export.fonts`; it would break a Latin word anywhere); else between words."""
        font = fonts.font_name()
        grow, lead, space = (0.95, 0.86, 0.6) if compact else (1.0, 1.0, 1.0)

        def style(name: str, size: float, leading: float, **kw: Any) -> ParagraphStyle:
            options: dict[str, Any] = {"textColor": INK, "wordWrap": "CJK" if chinese else None, **kw}
            for key in ("spaceBefore", "spaceAfter"):
                if key in options:
                    options[key] *= space
            return ParagraphStyle(
                name, fontName=font, fontSize=size * grow, leading=leading * grow * lead, **options
            )

        self.title = style(
            "title",
            22 - 5 * compact,
            32 - 5 * compact,
            alignment=TA_CENTER,
            spaceBefore=6 * mm,
            spaceAfter=3 * mm,
        )
        self.meta = style("meta", 10, 15, alignment=TA_CENTER, textColor=MUTED, spaceAfter=4 * mm)
        self.heading = {
            1: style("h1", 17, 25, spaceBefore=7 * mm, spaceAfter=3 * mm, keepWithNext=1),
            2: style("h2", 14.5, 22, spaceBefore=6 * mm, spaceAfter=2.5 * mm, keepWithNext=1),
            3: style("h3", 12.5, 19, spaceBefore=4 * mm, spaceAfter=2 * mm, keepWithNext=1),
            4: style("h4", 11, 17, spaceBefore=3 * mm, spaceAfter=1.5 * mm, keepWithNext=1),
        }
        self.body = style("body", 10.5, 17.5, spaceAfter=1.5 * mm)
        self.code = style(
            "code", 9.5, 14, backColor=CODE_FILL, borderPadding=(2 * mm, 2 * mm), spaceBefore=2.5 * mm,
            spaceAfter=3.5 * mm, leftIndent=2 * mm, rightIndent=2 * mm,
        )  # fmt: skip
        self.code.fontName = mono_font()
        self.cell = style("cell", 9.5, 14)
        self.cell_right = style("cell_right", 9.5, 14, alignment=TA_RIGHT)
        self.cell_center = style("cell_center", 9.5, 14, alignment=TA_CENTER)
        self.toc = style("toc", 10.5, 16)
        self.toc_page = style("toc_page", 10.5, 16, alignment=TA_RIGHT)
        self.caption = style("caption", 8.5, 12, alignment=TA_CENTER, textColor=MUTED)


def is_wide(char: str) -> bool:
    return ord(char) >= 0x2E80  # CJK, full-width punctuation: no space where the source broke a line


class Inline:
    """Reportlab markup of a Markdown inline run; images are set apart as blocks."""

    def __init__(self, anchors: frozenset[str]) -> None:
        self.anchors = anchors

    def markup(self, nodes: Iterable[SyntaxTreeNode]) -> str:
        out: list[str] = []
        last = ""  # the last character of text written, to join broken lines
        for node in nodes:
            kind = node.type
            if kind == "text" or kind == "html_inline":
                out.append(fonts.markup(node.content))
                last = node.content[-1:] or last
            elif kind == "code_inline":
                shade = f'face="{mono_font()}" backColor="{CODE_FILL.hexval()}"'
                out.append(f"<font {shade}>&nbsp;{fonts.markup(node.content)}&nbsp;</font>")
                last = "x"
            elif kind == "softbreak":
                out.append("" if last and is_wide(last) else " ")
            elif kind == "hardbreak":
                out.append("<br/>")
            elif kind == "strong":
                out.append(f'<font color="{STRONG.hexval()}">{self.markup(node.children)}</font>')
            elif kind == "em":
                out.append(f"<i>{self.markup(node.children)}</i>")
            elif kind == "link":
                out.append(self._link(str(node.attrs.get("href", "")), self.markup(node.children)))
            elif kind == "image":
                out.append(fonts.markup(node.content))  # an image inside a line of text: its alt text
        return "".join(out)

    def _link(self, href: str, text: str) -> str:
        if href.startswith("#") and href[1:] in self.anchors:
            return f'<a href={quoteattr(href)} color="{LINK.hexval()}">{text}</a>'
        if re.match(r"(https?|mailto):", href):
            return f'<a href={quoteattr(href)} color="{LINK.hexval()}">{text}</a>'
        return text  # another guide's section, a relative file: not a place in this PDF


def fit_columns(natural: list[float], width: float, minimum: list[float] | None = None) -> list[float]:
    """Column widths within ``width``: a table that fits keeps its natural widths; else the columns
    narrower than an even share keep theirs and the others share the rest in proportion, none
    narrower than its ``minimum`` (its longest word) while the minimums fit."""
    if sum(natural) <= width:
        return natural
    least = minimum or [0.0] * len(natural)
    if sum(least) > width:
        least = [0.0] * len(natural)
    fixed: dict[int, float] = {}
    while True:
        free = sorted((i for i in range(len(natural)) if i not in fixed), key=natural.__getitem__)
        room = width - sum(fixed.values())
        out = dict(fixed)
        while free and natural[free[0]] <= room / len(free):
            out[free[0]] = natural[free[0]]
            room -= natural[free.pop(0)]
        total = sum(natural[i] for i in free)
        out.update((i, room * natural[i] / total) for i in free)
        short = [i for i in free if out[i] < least[i]]
        if not short:
            return [out[i] for i in range(len(natural))]
        fixed.update((i, least[i]) for i in short)


def longest_word(node: SyntaxTreeNode, size: float) -> float:
    """The width of the longest run of a cell's text that cannot be broken (a Latin word, a file
    name; each Chinese character breaks), in the wider of the two faces."""
    words = re.findall(r"[^\s\u2e80-\uffff]+", plain_text(node))
    return max(
        (max(stringWidth(w, fonts.font_name(), size), stringWidth(w, mono_font(), size)) for w in words),
        default=0.0,
    )


def plain_text(node: SyntaxTreeNode) -> str:
    """The plain text of a node (for the outline, column widths, the title check)."""
    if node.type in ("text", "code_inline"):
        return node.content
    if node.type == "softbreak":
        return " "
    return "".join(plain_text(child) for child in node.children)

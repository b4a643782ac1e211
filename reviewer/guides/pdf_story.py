"""The flowables of a guide's PDF: its Markdown (markdown-it's syntax tree) as reportlab's story.

Headings (each a place in the PDF's outline, and the target of ``#id`` links), paragraphs, numbered
and bulleted lists (nested), tables (columns sized by their text), code and keys (``Ctrl+S``: the
shipped font's monospaced face on a shaded ground), block quotes, and images: each on its own,
scaled to the width it is given (never beyond its size at 96 dpi), framed by a thin rule, its alt
text as the caption. Only the shipped fonts, embedded (:mod:`reviewer.export.fonts`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from markdown_it.tree import SyntaxTreeNode
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    HRFlowable,
    ListFlowable,
    ListItem,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from reviewer.export import fonts
from reviewer.export.record_layout import (
    BOTTOM_MARGIN,
    FRAME_WIDTH,
    HEADER_FILL,
    INK,
    LIGHT_RULE,
    RULE,
    TOP_MARGIN,
)
from reviewer.guides.pdf_text import (
    Inline,
    Styles,
    fit_columns,
    longest_word,
    plain_text,
)
from reviewer.guides.source import Guide

QUOTE_FILL = colors.HexColor("#F3F4F6")
FRAME_HEIGHT = A4[1] - TOP_MARGIN - BOTTOM_MARGIN
PX = 0.75  # points per pixel at 96 dpi: the largest a screenshot is set
BULLETS = ("•", "◦", "▪")
ROOM_AFTER_HEADING = 35 * mm  # a section starts on the next page when less is left below its heading


class Heading(Paragraph):  # type: ignore[misc]  # reportlab has no types
    """A heading paragraph that puts itself in the outline (and is the target of ``#id`` links)."""

    def __init__(self, text: str, style: ParagraphStyle, key: str, outline: str, level: int) -> None:
        super().__init__(text, style)
        self.key, self.outline, self.level = key, outline, level

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        """Never split (a piece would lose the bookmark): the heading moves to the next page whole."""
        return []


class Screenshot(Flowable):  # type: ignore[misc]  # reportlab has no types
    """An image scaled to the width it is given (at most its size at 96 dpi, at most 80 % of the
    frame's height; down to 70 % of that to fit the rest of a page), framed by a thin rule, centred,
    with its caption under it (one flowable, so the two never part, in a list item too). Only the
    image's size is known when the story is made; its pixels are read when it is drawn (not at all
    when ``draw_pixels`` is false: the first layout).
    """

    GAP = 1.5 * mm
    SHRINK = 0.7  # an image that nearly fits at the foot of a page is set this much smaller, at most

    def __init__(
        self, path: Path, size: tuple[int, int], caption: Paragraph | None, *, draw_pixels: bool
    ) -> None:
        super().__init__()
        self.path, self.px_width, self.px_height = path, size[0], size[1]
        self.caption, self.draw_pixels = caption, draw_pixels
        self.spaceBefore, self.spaceAfter = 1.5 * mm, 3 * mm

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        width = min(available_width, self.px_width * PX)
        height = width * self.px_height / self.px_width
        limit = FRAME_HEIGHT * 0.8
        if height > limit:
            width, height = width * limit / height, limit
        self.caption_height = 0.0
        if self.caption is not None:
            self.caption_height = self.caption.wrap(available_width, available_height)[1] + self.GAP
        room = available_height - self.caption_height
        if height > room >= height * self.SHRINK:  # smaller rather than a half-empty page
            width, height = width * room / height, room
        self.image_size = (width, height)
        self.offset = (available_width - width) / 2
        return available_width, height + self.caption_height

    def draw(self) -> None:
        canvas = self.canv
        width, height = self.image_size
        if self.caption is not None:
            self.caption.drawOn(canvas, 0, 0)
        bottom = self.caption_height
        if self.draw_pixels:
            canvas.drawImage(str(self.path), self.offset, bottom, width, height, mask="auto")
        canvas.saveState()
        canvas.setStrokeColor(LIGHT_RULE)
        canvas.setLineWidth(0.5)
        canvas.rect(self.offset, bottom, width, height)
        canvas.restoreState()


class Story:
    """The flowables of one guide (a fresh set for each layout pass)."""

    def __init__(
        self,
        guide: Guide,
        images: dict[str, tuple[Path, tuple[int, int]]],
        *,
        draw_pixels: bool,
        pages: dict[str, int] | None = None,
    ) -> None:
        self.guide, self.images, self.draw_pixels = guide, images, draw_pixels
        self.compact = guide.doc.startswith("quick-")  # a quick reference: one page, if it can
        self.s = Styles(compact=self.compact, chinese=guide.lang != "en")
        self.inline = Inline(frozenset(guide.anchors))
        self.pages = pages  # the page of each heading (by key), known after a first layout
        self.keys: dict[int, str] = {}  # id(heading node) → its key: its {#id}, else its number
        self.outline_level = -1

    def build(self, meta: str) -> list[Flowable]:
        story: list[Flowable] = [
            Paragraph(fonts.markup(self.guide.title), self.s.title),
            Paragraph(fonts.markup(meta), self.s.meta),
            HRFlowable(width="100%", thickness=0.8, color=RULE, spaceAfter=4 * mm),
        ]
        nodes = list(SyntaxTreeNode(list(self.guide.tokens)).children)
        first = next((n for n in nodes if n.type != "front_matter"), None)
        if first is not None and first.tag == "h1" and plain_text(first) == self.guide.title.strip():
            nodes.remove(first)  # the title block says it already
        headings = [n for top in nodes for n in top.walk() if n.type == "heading"]
        for number, node in enumerate(headings, start=1):
            self.keys[id(node)] = str(node.attrs.get("id") or f"_heading{number}")
        story += self.contents(headings)
        room: CondPageBreak | None = None
        for flowable in self.blocks(nodes, FRAME_WIDTH, depth=0):
            if isinstance(flowable, Heading):  # not alone at the foot of a page
                if isinstance(story[-1], Heading) and room is not None:  # 二、 then 1.: room for both
                    room.height += flowable.style.leading + flowable.style.spaceBefore
                else:
                    room = CondPageBreak(ROOM_AFTER_HEADING)
                    story.append(room)
            story.append(flowable)
        return story

    def contents(self, headings: list[SyntaxTreeNode]) -> list[Flowable]:
        """目录: the top-level sections with their pages (a guide of three sections or more; not a
        quick reference). The pages are those of the first layout, which this one repeats."""
        top = min((n.tag for n in headings), default="")
        entries = [n for n in headings if n.tag == top]
        if self.compact or len(entries) < 3:
            return []
        rows = []
        for node in entries:
            key = self.keys[id(node)]
            page = "" if self.pages is None else str(self.pages.get(key, ""))
            title = f'<a href="#{key}">{self.inline.markup(node.children[0].children)}</a>'
            rows.append([Paragraph(title, self.s.toc), Paragraph(page, self.s.toc_page)])
        table = Table(rows, colWidths=[FRAME_WIDTH - 16 * mm, 16 * mm], hAlign="LEFT", spaceAfter=4 * mm)
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), fonts.font_name()),  # else Table sets Helvetica
                    ("LINEBELOW", (0, 0), (-1, -1), 0.3, LIGHT_RULE, 0, (1, 2)),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 2),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ]
            )
        )
        label = "Contents" if self.guide.lang == "en" else "目录"
        return [
            Paragraph(label, self.s.heading[2]),
            table,
            HRFlowable(width="100%", thickness=0.8, color=RULE),
        ]

    def blocks(self, nodes: Iterable[SyntaxTreeNode], width: float, depth: int) -> list[Flowable]:
        out: list[Flowable] = []
        for node in nodes:
            handler = self._handlers().get(node.type)
            if handler is not None:
                out += handler(node, width, depth)
        return out

    def _handlers(self) -> dict[str, Callable[[SyntaxTreeNode, float, int], list[Flowable]]]:
        return {
            "heading": self.heading,
            "paragraph": self.paragraph,
            "bullet_list": self.listing,
            "ordered_list": self.listing,
            "table": self.table,
            "fence": self.code,
            "code_block": self.code,
            "blockquote": self.quote,
            "hr": lambda n, w, d: [
                HRFlowable(
                    width="100%", thickness=0.5, color=LIGHT_RULE, spaceBefore=2 * mm, spaceAfter=2 * mm
                )
            ],
        }

    def heading(self, node: SyntaxTreeNode, width: float, depth: int) -> list[Flowable]:
        level = int(node.tag[1:])
        inline = node.children[0].children if node.children else []
        key = self.keys[id(node)]
        outline = max(0, min(level - 2, self.outline_level + 1))  # h2 at the top (h1 is the title)
        self.outline_level = outline
        style = self.s.heading[min(level, 4)]
        return [Heading(self.inline.markup(inline), style, key, plain_text(node), outline)]

    def paragraph(self, node: SyntaxTreeNode, width: float, depth: int) -> list[Flowable]:
        return self.runs(node.children[0].children if node.children else [], self.s.body)

    def runs(self, inline: list[SyntaxTreeNode], style: ParagraphStyle) -> list[Flowable]:
        """Text, and each image on its own (with its alt text as a caption)."""
        out: list[Flowable] = []
        run: list[SyntaxTreeNode] = []

        def flush() -> None:
            text = self.inline.markup(run).strip()
            if text and text != "<br/>":
                out.append(Paragraph(text, style))
            run.clear()

        for child in inline:
            if child.type == "image":
                flush()
                out.append(self.image(child))
            else:
                run.append(child)
        flush()
        return out

    def image(self, node: SyntaxTreeNode) -> Flowable:
        path, size = self.images[str(node.attrs["src"])]
        alt = node.content.strip()
        caption = Paragraph(fonts.markup(alt), self.s.caption) if alt else None
        return Screenshot(path, size, caption, draw_pixels=self.draw_pixels)

    def listing(self, node: SyntaxTreeNode, width: float, depth: int) -> list[Flowable]:
        indent = 7 * mm
        items = []
        for item in node.children:
            items.append(ListItem(self.blocks(item.children, width - indent, depth + 1) or [Spacer(1, 0)]))
        options: dict[str, Any] = {
            "leftIndent": indent,
            "bulletFontName": fonts.font_name(),
            "bulletFontSize": 10.5,
            "bulletColor": INK,
            "spaceAfter": 1.5 * mm,
        }
        if node.type == "ordered_list":
            start = int(str(node.attrs.get("start", 1)))
            return [ListFlowable(items, bulletType="1", start=start, bulletFormat="%s.", **options)]
        return [ListFlowable(items, bulletType="bullet", start=BULLETS[depth % len(BULLETS)], **options)]

    def table(self, node: SyntaxTreeNode, width: float, depth: int) -> list[Flowable]:
        rows: list[list[Flowable | list[Flowable]]] = []
        natural: list[float] = []  # each column's widest text on one line, padded
        longest: list[float] = []  # each column's longest word (a narrower column would break it)
        for section in node.children:  # thead, tbody
            for tr in section.children:
                row: list[Flowable | list[Flowable]] = []
                for col, cell in enumerate(tr.children):
                    align = str(cell.attrs.get("style", ""))
                    style = (
                        self.s.cell_right
                        if "right" in align
                        else self.s.cell_center
                        if "center" in align
                        else self.s.cell
                    )
                    inline = cell.children[0].children if cell.children else []
                    flows = self.runs(inline, style)
                    if len(flows) == 1 and isinstance(flows[0], Paragraph):
                        row.append(flows[0])
                        flows[0].wrap(10 * width, 10 * FRAME_HEIGHT)
                        one_line = max(flows[0].getActualLineWidths0(), default=0.0) + 14
                    else:  # empty, or with an image: as wide as it may be
                        row.append(flows)
                        one_line = width if flows else 24.0
                    if col >= len(natural):
                        natural.append(24.0)
                        longest.append(24.0)
                    natural[col] = max(natural[col], min(one_line, width))
                    longest[col] = max(longest[col], min(longest_word(cell, style.fontSize) + 14, width))
                rows.append(row)
        if not rows:
            return []
        widths = fit_columns(natural, width, longest)
        header = 1 if node.children and node.children[0].type == "thead" else 0
        commands: list[tuple[Any, ...]] = [
            ("FONTNAME", (0, 0), (-1, -1), fonts.font_name()),  # else Table sets (unembedded) Helvetica
            ("GRID", (0, 0), (-1, -1), 0.5, RULE),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ]
        if header:
            commands.append(("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL))
        table = Table(
            rows, colWidths=widths, repeatRows=header, hAlign="LEFT", spaceBefore=2 * mm, spaceAfter=3 * mm
        )
        table.setStyle(TableStyle(commands))
        return [table]

    def code(self, node: SyntaxTreeNode, width: float, depth: int) -> list[Flowable]:
        """A code block: its lines kept, their indentation and runs of spaces too; a line too long
        for the frame wraps at a single space where it can."""
        lines = node.content.rstrip("\n").split("\n")
        kept = (
            re.sub(r"^ +| {2,}", lambda m: "&nbsp;" * len(m.group()), fonts.markup(line)) for line in lines
        )
        return [Paragraph("<br/>".join(kept), self.s.code)]

    def quote(self, node: SyntaxTreeNode, width: float, depth: int) -> list[Flowable]:
        inner = self.blocks(node.children, width - 8 * mm, depth)
        if not inner:
            return []
        box = Table([[inner]], colWidths=[width], hAlign="LEFT", spaceBefore=1.5 * mm, spaceAfter=3 * mm)
        box.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), fonts.font_name()),
            ("BACKGROUND", (0, 0), (-1, -1), QUOTE_FILL),
            ("LINEBEFORE", (0, 0), (0, -1), 2.5, LIGHT_RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), 4 * mm),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5 * mm),
        ]))  # fmt: skip
        return [box]

"""Page furniture of the review record: styles, ruled tables, header/footer, the signature boxes.

Every page carries the document id (文档编号) in its header and "第 x 页 共 y 页" in its footer.
Only the shipped, embedded font is used (see :mod:`reviewer.export.fonts`).
"""

from __future__ import annotations

import weakref
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle
from reportlab.rl_config import _FUZZ

from reviewer.export import fonts

INK = colors.HexColor("#111827")
MUTED = colors.HexColor("#6B7280")
RULE = colors.HexColor("#4B5563")
LIGHT_RULE = colors.HexColor("#9CA3AF")
HEADER_FILL = colors.HexColor("#E5E7EB")
SUBTOTAL_FILL = colors.HexColor("#F3F4F6")
MARK = colors.HexColor("#B91C1C")  # divergence marks
MARGIN = 20 * mm
TOP_MARGIN = 24 * mm
BOTTOM_MARGIN = 20 * mm
FRAME_WIDTH = A4[0] - 2 * MARGIN


class Styles:
    """Paragraph styles of the record, all in the embedded font with Chinese line breaking."""

    def __init__(self) -> None:
        font = fonts.font_name()

        def style(name: str, size: float, leading: float, **kw: object) -> ParagraphStyle:
            options: dict[str, object] = {"textColor": INK, "wordWrap": "CJK", **kw}
            return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading, **options)

        self.title = style("title", 20, 30, alignment=TA_CENTER, spaceAfter=1 * mm)
        self.subtitle = style("subtitle", 15, 24, alignment=TA_CENTER, spaceAfter=5 * mm)
        self.h1 = style("h1", 13, 20, spaceBefore=5 * mm, spaceAfter=2 * mm, keepWithNext=1)
        self.body = style("body", 10.5, 17, firstLineIndent=21, spaceAfter=1 * mm)
        self.plain = style("plain", 10.5, 17, spaceAfter=1 * mm)
        self.right = style("right", 10.5, 17, alignment=TA_RIGHT, spaceAfter=1 * mm)
        self.item = style("item", 10.5, 17, leftIndent=21, firstLineIndent=-21, spaceAfter=1 * mm)
        self.note = style("note", 9, 13.5, textColor=MUTED, spaceBefore=1 * mm, spaceAfter=1 * mm)
        self.conclusion = style("conclusion", 16, 24, alignment=TA_CENTER, spaceBefore=2 * mm,
                                spaceAfter=2 * mm)  # fmt: skip
        self.cell = style("cell", 9, 12.5)
        self.cell_head = style("cell_head", 9, 12.5, alignment=TA_CENTER)
        self.cell_num = style("cell_num", 9, 12.5, alignment=TA_RIGHT)
        self.small = style("small", 8, 11)
        self.small_head = style("small_head", 8, 11, alignment=TA_CENTER)
        self.small_num = style("small_num", 8, 11, alignment=TA_CENTER)
        self.sign_label = style("sign_label", 9.5, 13, alignment=TA_LEFT)
        self.sign_label_small = style("sign_label_small", 8, 10, alignment=TA_LEFT)  # a long caption


class CachedParagraph(Paragraph):
    """A reportlab ``Paragraph`` that breaks its lines once per width.

    A long table is laid out again at every page it spans (wrapped to size the rows, split, the
    rest wrapped on the next page, then each cell wrapped again to be drawn): a plain paragraph
    breaks its lines each time, about six times per cell in a 40-page record. ``Paragraph.wrap``
    depends only on the width (not the height), the style and the text fragments, and leaves its
    result in ``blPara`` (the lines, which ``draw`` and ``split`` only read), ``width``, ``height``
    and ``_wrapWidths``: this class keeps that result per width and restores it, so the lines, and
    the page, are exactly those a fresh wrap would give. Paragraphs made by :func:`paragraph` from
    the same markup and style (equal fragments) share one such cache.
    """

    # (wrap cache, style, fragments, drawings) of a group of paragraphs from the same markup and style
    _shared: tuple[dict[Any, Any], ParagraphStyle, list[Any], dict[Any, Any]] | None = None
    # what ``Paragraph.wrap`` leaves on the paragraph (declared only: reportlab has no types)
    blPara: Any
    width: float
    height: float
    _wrapWidths: Any

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        style, frags = self.style, self.frags
        if availWidth < _FUZZ or style.wordWrap == "RTL":  # no lines; drawing RTL reverses the lines
            size: tuple[float, float] = super().wrap(availWidth, availHeight)
            return size
        shared = self._shared
        key: object
        if shared is not None and shared[1] is style and shared[2] is frags:
            cache, key, pin = shared[0], availWidth, None  # the group's: its members' fragments are equal
        else:  # this paragraph's; the entry pins the style and the fragments, so their ids stay theirs
            cache, key = self.__dict__.setdefault("_wrap_cache", {}), (availWidth, id(style), id(frags))
            pin = (style, frags)
        hit = cache.get(key)
        if hit is None:
            super().wrap(availWidth, availHeight)
            hit = cache[key] = (self.blPara, self.width, self.height, self._wrapWidths, pin)
        else:
            self.blPara, self.width, self.height, self._wrapWidths, _ = hit
        return self.width, self.height

    def draw(self) -> None:
        """Draw; a member of a group drawn before on this canvas with the same lines repeats its drawing.

        A paragraph draws itself relative to its origin (the caller has translated the canvas), so
        the same lines give the same content-stream operators wherever they land: the text, its
        font (whose subset already holds the glyphs, assigned at the first drawing) and its colour,
        between a save and a restore of the graphics state, which leaves the canvas as it was. Only
        the plain case is repeated: one run of text (``kind`` 0: no callbacks), no link or
        underline (these add annotations or depend on more than the lines), no bullet.
        """
        shared, lines = self._shared, self.blPara
        if (
            shared is None
            or lines.kind != 0
            or getattr(lines, "link", None)
            or getattr(lines, "us_lines", None)
            or self.bulletText
        ):
            super().draw()
            return
        canvas, drawings = self.canv, shared[3]
        key = (id(canvas), id(lines), self.width, self.height)
        hit = drawings.get(key)
        if hit is not None:
            canvas._code.extend(hit[2])
            return
        code = canvas._code
        start = len(code)
        super().draw()
        drawings[key] = (canvas, lines, code[start:])  # (pins the canvas and the lines: their ids)


# style → markup → (the text as the paragraph keeps it, the parsed fragments, the group's wrap
# cache). A record has thousands of cells with the same few texts ("4.5", "—", the headings):
# reportlab parses each paragraph's markup with an HTML parser and breaks its lines again, so a
# parse is kept and its fragments copied, and the lines broken once per width. Kept per style
# (weakly): a document's styles, and so its cache, go when the document is built.
_parsed: weakref.WeakKeyDictionary[
    ParagraphStyle, dict[str, tuple[str, list[Any], dict[Any, Any], dict[Any, Any]]]
] = weakref.WeakKeyDictionary()


def paragraph(markup: str, style: ParagraphStyle) -> Paragraph:
    """A :class:`CachedParagraph` of reportlab ``markup``, parsed once for the same markup and style."""
    parsed = _parsed.get(style)
    if parsed is None:
        parsed = _parsed[style] = {}
    hit = parsed.get(markup)
    if hit is None:
        out = CachedParagraph(markup, style)
        if out.style is not style or out.bulletText:  # the parse said more than the fragments
            return out
        hit = parsed[markup] = (out.text, [f.clone() for f in out.frags], {}, {})
    out = CachedParagraph(hit[0], style, frags=[f.clone() for f in hit[1]])
    out._shared = (hit[2], style, out.frags, hit[3])
    return out


def para(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain text (escaped; fallback font where needed; newlines kept)."""
    return paragraph("<br/>".join(fonts.markup(line) for line in text.split("\n")), style)


class RuledTable(Table):
    """A reportlab ``Table`` whose row heights are measured once, not at every page it spans.

    A table of unknown row heights measures its rows (wrapping every cell) each time it is laid
    out, and the remainder after a page break is a new table that measures again. A row's height
    depends only on its cells and the (fixed) column widths, so the first layout measures every
    row and keeps the heights as the table's own: the pieces split from it inherit them and are
    never measured again. The heights, and so the pages, are those reportlab computes. A style
    command added later (padding, fonts) forgets them, and the layout, to measure again.
    """

    _calculated_for: float | None = None  # the width the layout was made for
    _given_heights: list[float | None] | None = None  # the row heights given, before they were measured
    _argH: list[float | None]  # reportlab's (declared only: reportlab has no types)
    _rowHeights: list[float | None]

    def _calc_height(self, availHeight: float, availWidth: float, H: Any = None, W: Any = None) -> None:
        if None in self._argH:
            super()._calc_height(float("inf"), availWidth, H=H, W=W)  # every row (no early stop)
            self._given_heights, self._argH = self._argH, list(self._rowHeights)
        super()._calc_height(availHeight, availWidth, H=H, W=W)

    def _addCommand(self, cmd: tuple[Any, ...]) -> None:
        if self._given_heights is not None:
            self._rowHeights = self._argH = self._given_heights
            self._given_heights = None
        self._calculated_for = None
        super()._addCommand(cmd)

    def _calcSpanRects(self) -> None:
        """Where spanned cells are drawn: wanted only when the table is drawn (or split inside a row),
        so a piece that is only split is spared it (the rest of a long table, at every page)."""
        if self.splitInRow:
            super()._calcSpanRects()
        else:
            self._span_rects_due = True

    def draw(self) -> None:
        if self.__dict__.pop("_span_rects_due", False):
            super()._calcSpanRects()
        super().draw()

    def _calc(self, availWidth: float, availHeight: float) -> None:
        """Lay out rows and spans; with the heights known this depends on the width only, so a
        piece tried at the foot of a page, then split on the next, is laid out once."""
        if self._calculated_for == availWidth:
            return
        super()._calc(availWidth, availHeight)
        self._calculated_for = availWidth


def ruled_table(
    rows: Sequence[Sequence[object]],
    widths: Sequence[float],
    *,
    header_rows: int = 1,
    label_col: bool = False,
    extra: Sequence[tuple[Any, ...]] = (),
) -> Table:
    """A ruled table of flowables/strings; the header row repeats on every page it spans."""
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), fonts.font_name()),  # else Table sets (unembedded) Helvetica
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if header_rows:
        commands.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_FILL))
    if label_col:
        commands.append(("BACKGROUND", (0, 0), (0, -1), HEADER_FILL))
    commands.extend(extra)
    table = RuledTable(
        [list(r) for r in rows], colWidths=list(widths), repeatRows=header_rows, hAlign="CENTER"
    )
    table.setStyle(TableStyle(commands))
    return table


class PageCountCanvas(Canvas):
    """A canvas that keeps every page until the document is saved, then has each decorated knowing
    the page count ("第 n 页 共 N 页"); subclasses draw the header and footer in :meth:`decorate`."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self.decorate(number, total)
            super().showPage()
        super().save()

    def decorate(self, number: int, total: int) -> None:
        """Draw page ``number`` of ``total``'s header and footer (nothing here)."""


def numbered_canvas(header_left: str, document_id: str) -> type[Canvas]:
    """A canvas that draws, once the page count is known, the header and footer of every page."""

    class RecordCanvas(PageCountCanvas):
        def decorate(self, number: int, total: int) -> None:
            width, height = A4
            self.saveState()
            self.setFont(fonts.font_name(), 8)
            self.setFillColor(MUTED)
            self.drawString(MARGIN, height - 14 * mm, header_left)
            self.drawRightString(width - MARGIN, height - 14 * mm, f"文档编号：{document_id}")
            self.setStrokeColor(LIGHT_RULE)
            self.setLineWidth(0.5)
            self.line(MARGIN, height - 16 * mm, width - MARGIN, height - 16 * mm)
            self.setFillColor(INK)
            self.setFont(fonts.font_name(), 9)
            self.drawCentredString(width / 2, 11 * mm, f"第 {number} 页  共 {total} 页")
            self.restoreState()

    return RecordCanvas


@dataclass(frozen=True)
class SignatureBox:
    """Where a member's signature field goes: page (0-based) and box in PDF points."""

    field_name: str
    label: str  # who, shown as the field's readable name
    page: int
    box: tuple[int, int, int, int]  # x1, y1, x2, y2


class SignatureGrid(Flowable):
    """Two columns of framed boxes, one per member, each captioned with the signer and role; the
    chair's box last, on a row of its own, the frame's full width and taller: the chair's closing
    signature also states who did not sign (a refusal with written reasons, or no signature and no
    reasons), ``docs/record-format.md``.

    The boxes stay empty in the PDF; :func:`reviewer.export.record.build_record_pdf` places a
    signature field exactly on each (their positions are recorded in ``placed`` when drawn).

    A grid taller than the room left on its page splits between two rows (an even number of boxes
    stays behind, so every box keeps its column; the chair's row moves whole) and flows over as many
    pages as it needs; every piece after the first begins with a “专家组成员签字（续）” line. The
    pieces share one record of the boxes placed, so ``placed`` of the grid given to the story holds
    every box, in roster order, each with the page it was drawn on.
    """

    BOX_HEIGHT = 27 * mm
    CHAIR_HEIGHT = 36 * mm  # three lines of the signature and up to four stated facts, unshrunk
    CAPTION = 9 * mm
    GAP_X = 8 * mm
    GAP_Y = 5 * mm
    CONTINUED = 10 * mm  # the “（续）” line heading a continuation piece

    def __init__(
        self,
        cells: Sequence[tuple[str, str, str]],
        styles: Styles,
        *,
        _first: int = 0,
        _total: int | None = None,
        _boxes: dict[int, SignatureBox] | None = None,
    ) -> None:
        super().__init__()
        self.cells = list(cells)  # (field name, caption, readable label)
        self.styles = styles
        self.first = _first  # the index of this piece's first cell in the whole grid
        self.total = len(self.cells) if _total is None else _total
        self.boxes: dict[int, SignatureBox] = {} if _boxes is None else _boxes  # shared by the pieces
        self.col_width = (FRAME_WIDTH - self.GAP_X) / 2
        self.head = self.CONTINUED if _first else 0.0
        self.closing = bool(self.cells) and self.first + len(self.cells) == self.total  # holds the chair
        self.member_rows = (len(self.cells) - self.closing + 1) // 2
        rows = self.member_rows + self.closing
        self.height_needed = (
            self.head
            + self.member_rows * (self.BOX_HEIGHT + self.CAPTION)
            + self.closing * (self.CHAIR_HEIGHT + self.CAPTION)
            + max(rows - 1, 0) * self.GAP_Y
        )

    @property
    def placed(self) -> list[SignatureBox]:
        """The boxes drawn so far (by this grid and the pieces split from it), in roster order."""
        return [self.boxes[i] for i in sorted(self.boxes)]

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return FRAME_WIDTH, self.height_needed

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        """The rows that fit here and the rest; nothing (try the next page) if not even one row fits."""
        row = self.BOX_HEIGHT + self.CAPTION + self.GAP_Y
        fit = min(int((available_height - self.head + self.GAP_Y + _FUZZ) // row), self.member_rows)
        members = len(self.cells) - self.closing
        keep = members if fit == self.member_rows else 2 * fit  # every member here: the chair's row moves
        if fit < 1 or keep >= len(self.cells):
            return []
        return [
            SignatureGrid(
                self.cells[:keep], self.styles, _first=self.first, _total=self.total, _boxes=self.boxes
            ),
            SignatureGrid(
                self.cells[keep:], self.styles, _first=self.first + keep, _total=self.total, _boxes=self.boxes
            ),
        ]

    def draw(self) -> None:
        canvas = self.canv
        page = canvas.getPageNumber() - 1
        if self.head:
            text = Paragraph("专家组成员签字（续）", self.styles.sign_label)
            _, h = text.wrap(FRAME_WIDTH, self.head)
            text.drawOn(canvas, 0, self.height_needed - h - 1 * mm)
        for offset, (field, caption, label) in enumerate(self.cells):
            index = self.first + offset
            row, col = divmod(offset, 2)
            width, height = self.col_width, self.BOX_HEIGHT
            if index == self.total - 1:  # the chair's box: a row of its own, the frame's width
                row, width, height = self.member_rows, FRAME_WIDTH, self.CHAIR_HEIGHT
            col_x = col * (self.col_width + self.GAP_X) if width == self.col_width else 0.0
            top = self.height_needed - self.head - row * (self.BOX_HEIGHT + self.CAPTION + self.GAP_Y)
            box_bottom = top - self.CAPTION - height
            text = Paragraph(fonts.markup(caption), self.styles.sign_label)
            _, h = text.wrap(width, self.CAPTION)
            if h > self.CAPTION - 1 * mm:  # two lines would run into the box: a smaller font
                text = Paragraph(fonts.markup(caption), self.styles.sign_label_small)
                _, h = text.wrap(width, self.CAPTION)
            text.drawOn(canvas, col_x, top - h - 1 * mm)
            canvas.saveState()
            canvas.setStrokeColor(LIGHT_RULE)
            canvas.setDash(2, 2)
            canvas.setLineWidth(0.6)
            canvas.rect(col_x, box_bottom, width, height)
            canvas.restoreState()
            x1, y1 = canvas.absolutePosition(col_x, box_bottom)
            x2, y2 = canvas.absolutePosition(col_x + width, box_bottom + height)
            inset = 2
            self.boxes[index] = SignatureBox(
                field,
                label,
                page,
                (round(x1) + inset, round(y1) + inset, round(x2) - inset, round(y2) - inset),
            )

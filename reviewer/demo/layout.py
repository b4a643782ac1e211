"""Page layout shared by the demo documents: A4, the embedded CJK font, running header and page numbers.

Every page carries the document's title and the notice 示例材料，数据为虚构 in its header, and
"第 x 页 共 y 页" in its footer. Documents are built in reportlab's invariant mode (fixed dates and
ids), so the same content always gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Sequence
from io import BytesIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table, TableStyle

from reviewer.export import fonts
from reviewer.export.record_layout import PageCountCanvas

DEMO_NOTICE = "示例材料，数据为虚构"
INK = colors.HexColor("#1F2937")
ACCENT = colors.HexColor("#1E3A8A")
RULE = colors.HexColor("#9CA3AF")
HEADER_FILL = colors.HexColor("#E5E7EB")
NOTICE_FILL = colors.HexColor("#FEF3C7")
MARGIN = 22 * mm


class Styles:
    """The paragraph styles, all in the embedded font (CJK line breaking on)."""

    def __init__(self) -> None:
        font = fonts.font_name()

        def style(name: str, size: float, leading: float, **kw: object) -> ParagraphStyle:
            options: dict[str, object] = {"textColor": INK, "wordWrap": "CJK", **kw}
            return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading, **options)

        self.title = style("title", 24, 34, alignment=TA_CENTER, textColor=ACCENT, spaceAfter=6 * mm)
        self.subtitle = style("subtitle", 14, 22, alignment=TA_CENTER, spaceAfter=3 * mm)
        self.h1 = style(
            "h1", 15, 22, textColor=ACCENT, spaceBefore=5 * mm, spaceAfter=2.5 * mm, keepWithNext=1
        )
        self.h2 = style(
            "h2", 12, 18, textColor=ACCENT, spaceBefore=3 * mm, spaceAfter=1.5 * mm, keepWithNext=1
        )
        self.body = style("body", 10.5, 17.5, firstLineIndent=21, spaceAfter=1.5 * mm)
        self.plain = style("plain", 10.5, 17.5, spaceAfter=1 * mm)
        self.cell = style("cell", 9.5, 13.5)
        self.cell_head = style("cell_head", 9.5, 13.5, alignment=TA_CENTER)
        self.cell_num = style("cell_num", 9.5, 13.5, alignment=TA_RIGHT)
        self.caption = style("caption", 9.5, 14, alignment=TA_CENTER, textColor=RULE, spaceBefore=1 * mm,
                             spaceAfter=3 * mm)  # fmt: skip
        self.notice = style("notice", 10.5, 16, alignment=TA_CENTER, textColor=colors.HexColor("#92400E"))
        self.signature = style("signature", 11, 20, alignment=TA_RIGHT)


def _is_number(text: str) -> bool:
    stripped = text.replace(",", "").replace(".", "").replace("%", "").replace("-", "").replace("+", "")
    return stripped.isdigit()


def table(
    rows: Sequence[Sequence[object]],
    widths: Sequence[float],
    styles: Styles,
    *,
    header_rows: int = 1,
    label_col: bool = False,
    center_cols: Sequence[int] = (),
) -> Table:
    """A ruled table; every cell wrapped in a Paragraph so long Chinese text breaks inside its cell.

    Numbers are right-aligned, except in ``center_cols`` (codes, sequence numbers); the header row is shaded; ``label_col`` shades the first column too
    (for form-like key/value tables).
    """
    data = []
    for r, row in enumerate(rows):
        cells = []
        for c, value in enumerate(row):
            text = "" if value is None else str(value)
            if r < header_rows or c in center_cols:
                cell_style = styles.cell_head
            elif _is_number(text):
                cell_style = styles.cell_num
            else:
                cell_style = styles.cell
            cells.append(Paragraph("<br/>".join(fonts.markup(line) for line in text.split("\n")), cell_style))
        data.append(cells)
    commands: list[tuple] = [
        ("FONTNAME", (0, 0), (-1, -1), fonts.font_name()),  # else Table sets (unembedded) Helvetica
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    if header_rows:
        commands.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_FILL))
    if label_col:
        commands.append(("BACKGROUND", (0, 0), (0, -1), HEADER_FILL))
    result = Table(data, colWidths=list(widths), repeatRows=header_rows, hAlign="CENTER")
    result.setStyle(TableStyle(commands))
    return result


def notice_box(styles: Styles, text: str = DEMO_NOTICE) -> Table:
    box = Table([[Paragraph(fonts.markup(text), styles.notice)]], colWidths=[A4[0] - 2 * MARGIN - 40 * mm])
    box.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), fonts.font_name()),
                             ("BACKGROUND", (0, 0), (-1, -1), NOTICE_FILL),
                             ("BOX", (0, 0), (-1, -1), 0.6, colors.HexColor("#D97706")),
                             ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 8)]))  # fmt: skip
    return box


def _numbered_canvas(header: str) -> type[Canvas]:
    """A canvas that knows the page count when it draws each page's header and footer."""

    class NumberedCanvas(PageCountCanvas):
        def decorate(self, number: int, total: int) -> None:
            width, height = A4
            font = fonts.font_name()
            self.saveState()
            self.setFont(font, 8.5)
            self.setFillColor(RULE)
            self.drawString(MARGIN, height - 13 * mm, header)
            self.setFillColor(colors.HexColor("#B45309"))
            self.drawRightString(width - MARGIN, height - 13 * mm, DEMO_NOTICE)
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            self.line(MARGIN, height - 15 * mm, width - MARGIN, height - 15 * mm)
            self.setFillColor(INK)
            self.setFont(font, 9)
            self.drawCentredString(width / 2, 12 * mm, f"第 {number} 页  共 {total} 页")
            self.restoreState()

    return NumberedCanvas


def render(story: list[Flowable], *, title: str, author: str, subject: str, header: str) -> bytes:
    """The PDF for ``story`` (A4, embedded font, header/footer on every page), reproducible byte for byte."""
    buffer = BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=title,
        author=author,
        subject=subject,
        creator="reviewer demo materials",
        lang="zh-CN",
        invariant=1,
        **fonts.document_options(),
    )
    doc.build(story, canvasmaker=_numbered_canvas(header))
    return buffer.getvalue()

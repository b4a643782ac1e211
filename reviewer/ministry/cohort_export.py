"""The annual cohort evaluation's two public documents, as XLSX and as a Chinese PDF ready to publish.

- the 公示 list (``publicity``): every row in list order — rank, name, objective part, expert part,
  total, stars, note — the unranked rows (no data return) last;
- the 通告 (``notice``): the title holders grouped by stars, ★★★ then ★★ then ★, each group in rank
  order (like the ministry's 2023 notice), names joined by “、”.

The PDF (reportlab) embeds the shipped font (:mod:`reviewer.export.fonts`), has the title, the date
of issue in Chinese (Beijing date) and “第 n 页 共 N 页” on every page. The XLSX (openpyxl) has one
sheet, Chinese headers, text cells that cannot become formulas. Files are written atomically.

Only a published evaluation gives the 通告 (a draft: :class:`NotPublished`); a draft's 公示 list is
titled “…公示名单（草稿）” (in the XLSX, the PDF's title and its page header), for checking only.
"""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal
from pathlib import Path

from reviewer.errors import Refused
from reviewer.export import fonts
from reviewer.export.record_layout import (
    BOTTOM_MARGIN,
    HEADER_FILL,
    INK,
    LIGHT_RULE,
    MARGIN,
    TOP_MARGIN,
    PageCountCanvas,
    Styles,
)
from reviewer.files import write_atomic
from reviewer.i18n import T
from reviewer.ministry.cohort import CohortResult, CohortRow
from reviewer.ministry.render import display_width

PUBLICITY = "publicity"
NOTICE = "notice"
KINDS = (PUBLICITY, NOTICE)
TYPE_TITLES = {"city": "中国软件名城", "park": "中国软件名园"}
STAR_MARKS = {3: "★★★", 2: "★★", 1: "★"}
STAR_WORDS = {3: "三星级", 2: "二星级", 1: "一星级"}
METHOD_WORDS = {"thresholds": "按分数线确定星级", "quotas": "按名额比例确定星级"}
PUBLICITY_HEADERS = ("排名", "名称", "客观指标得分", "专家评审得分", "总分", "星级", "备注")
NOTICE_HEADERS = ("星级", "排名", "名称")


class NotPublished(Refused):
    """The 通告 is written only from a published evaluation: a draft is not the year's result (exit 18)."""

    def __init__(self, year: int, type: str) -> None:
        super().__init__(
            T(
                "{year} 年（{type}）的年度评估尚未发布：通告只能依据已发布的评估结果生成。请先发布；"
                "草稿可导出公示名单（标注“草稿”）供核对。",
                "The cohort evaluation of {year} ({type}) is not published: the notice is written only "
                "from a published evaluation. Publish it first; a draft can be exported as a publicity "
                "list (marked draft) for checking.",
                year=year,
                type=type,
            )
        )


DRAFT_MARK = "（草稿）"


def title(result: CohortResult, kind: str, *, draft: bool = False) -> str:
    what = "评估结果公示名单" if kind == PUBLICITY else "评估结果通告"
    return f"{result.year}年度{TYPE_TITLES[result.type]}{what}{DRAFT_MARK if draft else ''}"


def chinese_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _num(value: Decimal | None) -> str:
    return "" if value is None else str(value)


def publicity_rows(result: CohortResult) -> list[list[str]]:
    return [
        [
            "" if r.rank is None else str(r.rank),
            r.name,
            _num(r.objective),
            _num(r.expert),
            _num(r.total),
            STAR_MARKS[r.stars],
            r.note_text("zh"),
        ]
        for r in result.rows
    ]


def notice_groups(result: CohortResult) -> list[tuple[int, tuple[CohortRow, ...]]]:
    """(stars, rows in list order) for 3, 2 and 1 star; empty groups left out."""
    return [(n, result.by_stars(n)) for n in (3, 2, 1) if result.by_stars(n)]


def notice_rows(result: CohortResult) -> list[list[str]]:
    return [
        [STAR_MARKS[n], "未报送" if r.rank is None else str(r.rank), r.name]
        for n, rows in notice_groups(result)
        for r in rows
    ]


def xlsx_bytes(result: CohortResult, kind: str, *, draft: bool = False) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    headers, rows = (
        (PUBLICITY_HEADERS, publicity_rows(result))
        if kind == PUBLICITY
        else (NOTICE_HEADERS, notice_rows(result))
    )
    book = Workbook()
    sheet = book.active
    sheet.title = "公示名单" if kind == PUBLICITY else "通告"
    sheet.append([title(result, kind, draft=draft)])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(list(headers))
    for cell in sheet[2]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.alignment = Alignment(vertical="center")
    for row in rows:
        sheet.append(row)
        for cell in sheet[sheet.max_row]:  # text is text: openpyxl makes "=…" a live formula
            cell.data_type = "s"
    for i, header in enumerate(headers, start=1):
        width = max(display_width(v) for v in [header, *(row[i - 1] for row in rows)])
        sheet.column_dimensions[get_column_letter(i)].width = min(60, width + 2)
    sheet.freeze_panes = "A3"
    book.properties.title = title(result, kind, draft=draft)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _canvas(header: str) -> type[PageCountCanvas]:
    class CohortCanvas(PageCountCanvas):
        def decorate(self, number: int, total: int) -> None:
            from reportlab.lib.pagesizes import A4
            from reportlab.lib.units import mm

            width, height = A4
            self.saveState()
            self.setFont(fonts.font_name(), 8)
            self.setFillColor(LIGHT_RULE)
            self.drawString(MARGIN, height - 14 * mm, header)
            self.setFillColor(INK)
            self.setFont(fonts.font_name(), 9)
            self.drawCentredString(width / 2, 11 * mm, f"第 {number} 页  共 {total} 页")
            self.restoreState()

    return CohortCanvas


def pdf_bytes(
    result: CohortResult, kind: str, *, issued: date, issuer: str = "工业和信息化部", draft: bool = False
) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    s = Styles()
    m = fonts.markup
    heading = title(result, kind, draft=draft)
    story: list[object] = [Paragraph(m(heading), s.title), Spacer(1, 4 * mm)]
    what = TYPE_TITLES[result.type]
    ranked = sum(1 for r in result.rows if r.rank is not None)
    if kind == PUBLICITY:
        intro = (
            f"根据{what}年度评估工作安排，经数据核验和综合评估（{METHOD_WORDS[result.method]}），"
            f"现将{result.year}年度{ranked}个{what}的评估结果按排名公示如下。公示期间如有异议，"
            "请以书面形式向工业和信息化部反映。"
        )
        story.append(Paragraph(m(intro), s.body))
        story.append(Spacer(1, 3 * mm))
        cells = [[Paragraph(m(h), s.cell_head) for h in PUBLICITY_HEADERS]]
        for row in publicity_rows(result):
            cells.append([Paragraph(m(v), s.cell if i in (1, 6) else s.cell_num) for i, v in enumerate(row)])
        table = Table(
            cells, colWidths=[12 * mm, 34 * mm, 24 * mm, 24 * mm, 18 * mm, 16 * mm, 42 * mm], repeatRows=1
        )
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), fonts.font_name()),  # else Table sets Helvetica
                    ("GRID", (0, 0), (-1, -1), 0.5, LIGHT_RULE),
                    ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ]
            )
        )
        story.append(table)
    else:
        intro = f"经年度评估，{result.year}年度{what}评估结果如下（各星级内按排名先后为序）："
        story.append(Paragraph(m(intro), s.body))
        for n, rows in notice_groups(result):
            story.append(Paragraph(m(f"{STAR_WORDS[n]}（{STAR_MARKS[n]}）{len(rows)}个："), s.h1))
            names = "、".join(r.name + ("（未报送）" if r.rank is None else "") for r in rows)
            story.append(Paragraph(m(names + "。"), s.body))
    story += [
        Spacer(1, 10 * mm),
        Paragraph(m(issuer), s.right),
        Paragraph(m(chinese_date(issued)), s.right),
    ]
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=TOP_MARGIN,
        bottomMargin=BOTTOM_MARGIN,
        title=heading,
        author=issuer,
        **fonts.document_options(),
    )
    doc.build(story, canvasmaker=_canvas(heading))
    return buffer.getvalue()


def write_export(
    result: CohortResult, kind: str, out: str | Path, *, issued: date, draft: bool = False
) -> Path:
    """Write the ``kind`` document as XLSX or PDF, chosen by ``out``'s suffix; ``draft``: the result
    is not published (no 通告, :class:`NotPublished`; the 公示 list is marked 草稿)."""
    if draft and kind == NOTICE:
        raise NotPublished(result.year, result.type)
    path = Path(out)
    data = (
        xlsx_bytes(result, kind, draft=draft)
        if path.suffix.lower() == ".xlsx"
        else pdf_bytes(result, kind, issued=issued, draft=draft)
    )
    return write_atomic(path, data)

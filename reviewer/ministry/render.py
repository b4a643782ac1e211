"""Rendering a :class:`~reviewer.ministry.report_tables.Report`: terminal table, CSV, JSON or XLSX.

Text formats are in the current language; JSON uses the columns' stable keys. The XLSX workbook
(openpyxl) has one sheet per table, Chinese headers in bold, column widths fitted to the content
(CJK characters counted double), the header row frozen and an autofilter. Files are written to a
temporary name in the target folder and renamed, never half-written.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from typing import Any

from reviewer.ministry.report_tables import Report, Table, language
from reviewer.trust.names import printable


def _cell(value: Any) -> str:
    if isinstance(value, bool):
        return ("yes" if value else "no") if language() == "en" else ("是" if value else "否")
    return "" if value is None else str(value)


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?[0-9]+(\.[0-9]+)?")


def spreadsheet_text(text: str) -> str:
    """A CSV cell a spreadsheet will not run (OWASP "CSV injection"): text starting with ``=``, ``+``,
    ``-``, ``@``, a tab or a carriage return gets a leading single quote; plain numbers (``-1.25``,
    deviations) stay as they are."""
    if text.startswith(FORMULA_START) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def _title(zh: str, en: str) -> str:
    return en if language() == "en" else zh


def _headers(table: Table) -> list[str]:
    return [_title(c.zh, c.en) for c in table.columns]


def render_table(report: Report) -> str:
    out = [_title(report.title_zh, report.title_en), ""]
    for table in report.tables:
        if (table.title_zh, table.title_en) != (report.title_zh, report.title_en):  # not the title twice
            out.append(f"== {_title(table.title_zh, table.title_en)} ==")
        cells = [
            _headers(table),
            *[
                [printable(c.shown(_cell(v))) for c, v in zip(table.columns, row, strict=True)]
                for row in table.rows
            ],
        ]
        widths = [max(display_width(r[i]) for r in cells) for i in range(len(table.columns))]
        for n, row in enumerate(cells):
            out.append(
                "  ".join(v + " " * (w - display_width(v)) for v, w in zip(row, widths, strict=True)).rstrip()
            )
            if n == 0:
                out.append("  ".join("-" * w for w in widths))
        if not table.rows:
            out.append("(无)" if language() != "en" else "(none)")
        out.append("")
    return "\n".join(out)


def render_csv(report: Report) -> str:
    """CSV: each table preceded by its title line, tables separated by an empty line."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for i, table in enumerate(report.tables):
        if i:
            writer.writerow([])
        if len(report.tables) > 1:
            writer.writerow([_title(table.title_zh, table.title_en)])
        writer.writerow(_headers(table))
        writer.writerows([spreadsheet_text(_cell(v)) for v in row] for row in table.rows)
    return buffer.getvalue()


def _json_value(value: Any) -> Any:
    return value if isinstance(value, bool | int) or value is None else str(value)


def render_json(report: Report) -> str:
    doc = {
        "title": {"zh": report.title_zh, "en": report.title_en},
        "tables": {
            t.key: [{k: _json_value(v) for k, v in rec.items()} for rec in t.records()] for t in report.tables
        },
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def xlsx_bytes(report: Report) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    used: set[str] = set()
    for table in report.tables:
        name = table.title_zh[:31]
        while name in used:  # sheet names are unique and at most 31 characters
            name = name[:28] + f"_{len(used)}"
        used.add(name)
        sheet = book.create_sheet(name)
        sheet.append([c.zh for c in table.columns])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="DDEBF7")
            cell.alignment = Alignment(vertical="center")
        for row in table.rows:
            sheet.append(
                [
                    v
                    if isinstance(v, int) and not isinstance(v, bool)
                    else ("是" if v else "否")
                    if isinstance(v, bool)
                    else ("" if v is None else str(v))
                    for v in row
                ]
            )
            for cell in sheet[sheet.max_row]:  # text is text: openpyxl makes "=…" a live formula
                if isinstance(cell.value, str) and cell.data_type == "f":
                    cell.data_type = "s"
        for i, column in enumerate(table.columns, start=1):
            values = [column.zh, *(_cell(row[i - 1]) for row in table.rows)]
            sheet.column_dimensions[get_column_letter(i)].width = min(
                60, max(display_width(v) for v in values) + 2
            )
        sheet.freeze_panes = "A2"
        if table.rows:
            sheet.auto_filter.ref = sheet.dimensions
    buffer = io.BytesIO()
    book.properties.title = report.title_zh
    book.save(buffer)
    return buffer.getvalue()


def render(report: Report, fmt: str) -> bytes:
    if fmt == "xlsx":
        return xlsx_bytes(report)
    text = {"table": render_table, "csv": render_csv, "json": render_json}[fmt](report)
    return text.encode("utf-8")

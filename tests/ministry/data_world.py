"""Helpers for the data-return tests: an authority, a filled template."""

from __future__ import annotations

import io
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from reviewer.ministry.data_template import FIRST_ROW, make_template
from reviewer.ministry.figures import load_catalogue
from reviewer.trust import PassphraseSource
from reviewer.trust.authority import Authority, create_authority

PASSPHRASE = "data-return-tests-passphrase"

CITY_2025: dict[str, Any] = {
    "software_revenue": 1234.56,  # a number cell: an IEEE double in the file
    "software_revenue_growth": "13.4",  # a text cell
    "rd_share": 8,
    "software_enterprises": 1200,
    "listed_enterprises": 12,
    "software_employees": "30.25",
    "enterprises_in_parks_share": 55.5,
}


def source() -> PassphraseSource:
    return PassphraseSource(explicit=PASSPHRASE, use_keyring=False, interactive=False)


def new_authority(folder: Path, name: str = "工业和信息化部（数据报送测试）") -> Authority:
    return create_authority(folder, name=name, source=source())


def filled(
    type_: str,
    year: int,
    candidate: str,
    values: Mapping[str, Any],
    *,
    contact: str = "张三",
    cells: Mapping[str, Any] | None = None,
) -> bytes:
    """The template of ``type_``/``year`` filled with ``values`` (code → cell value) and ``cells``."""
    wb = load_workbook(io.BytesIO(make_template(type_, year, candidate)))
    ws = wb["数据"]
    ws["D3"] = contact
    for i, f in enumerate(load_catalogue().for_type(type_)):
        if f.code in values:
            ws.cell(row=FIRST_ROW + i, column=3, value=values[f.code])
    for cell, value in (cells or {}).items():
        sheet, _, ref = cell.rpartition("!")
        wb[sheet or "数据"][ref] = value
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()

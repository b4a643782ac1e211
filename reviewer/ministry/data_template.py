"""The candidate's annual data template (XLSX) and its checker — Qt-free, openpyxl only.

The workbook (:func:`make_template`) has three sheets:

- ``数据`` — the header (候选名称 B2, 类型 D2, 年度 B3, 联系人 D3, 联系电话 B4), then one row per figure
  of the candidate's type from row :data:`FIRST_ROW`: 名称 (A), 单位 (B), 数值 (C), 说明/来源 (D), and
  the figure's code (E, hidden). The value cells carry data validation (a number within the figure's
  sanity range; a whole number for figures without decimals) and a number format with the figure's
  decimal places; the sheet is protected (no password) so only the cells to fill can change.
- ``填报说明`` — the instructions in Chinese.
- ``模板信息`` — hidden: the template format, type, year and catalogue version the checker compares.

:func:`check_workbook` reads a filled workbook and reports *every* problem with its cell
(``数据!C7：软件业务收入须为数字（亿元）``) in one :class:`DataCheckFailed` (exit 3). Values are exact
:class:`~decimal.Decimal`: a text cell is parsed as written (a comma only as a thousands separator,
between groups of three digits: ``1,234.5``; ``1,5`` is refused, never read as 15); a number
cell holds an IEEE double in the file, read as the *shortest* decimal that double stands for
(``repr``, never float arithmetic) — exactly the number typed for up to 15 significant digits — and
then checked against the figure's decimal places like any other value. Formulas are refused (the
value must be the number itself).
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from reviewer.errors import InvalidInput, NotAnArtifact
from reviewer.files import cannot_read
from reviewer.i18n import T, Text, language
from reviewer.standards.figures import TYPES, Catalogue, Figure, load_catalogue

TEMPLATE_FORMAT = "reviewer.data-template/1"
DATA_SHEET = "数据"
HELP_SHEET = "填报说明"
META_SHEET = "模板信息"
FIRST_ROW = 7
TYPE_WORDS = {"city": "城市", "park": "园区"}
NAME_CELL, TYPE_CELL, YEAR_CELL, CONTACT_CELL, PHONE_CELL = "B2", "D2", "B3", "D3", "B4"
_NUMBER = re.compile(r"[+-]?[0-9]+(\.[0-9]+)?")
_GROUPED = re.compile(r"[+-]?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?")  # a comma only between groups of three
_INPUT = PatternFill("solid", fgColor="FFF2CC")


@dataclass(frozen=True)
class Problem:
    cell: str  # "数据!C7"
    message: Text

    def render(self, lang: str | None = None) -> str:
        sep = ": " if (lang or language()) == "en" else "："
        return f"{self.cell}{sep}{self.message.render(lang)}"


class DataCheckFailed(InvalidInput):
    """A filled template with problems; ``problems`` lists each with its cell."""

    def __init__(self, path: str, problems: list[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__(
            T(
                "数据报送表 {path} 有 {n} 处问题，请改正后重新检查：\n{lines}",
                "The data return {path} has {n} problem(s); correct them and check again:\n{lines}",
                path=path,
                n=len(problems),
                lines=T(_escaped(problems, "zh"), _escaped(problems, "en")),
            )
        )


def _escaped(problems: list[Problem], lang: str) -> str:
    text = "\n".join(f"  {p.render(lang)}" for p in problems)
    return text.replace("{", "{{").replace("}", "}}")


@dataclass(frozen=True)
class CheckedReturn:
    candidate: str
    type: str
    year: int
    contact: str
    phone: str
    figures: dict[str, Decimal]
    notes: dict[str, str] = field(default_factory=dict)
    source_sha256: str = ""


def _unit_words(f: Figure) -> str:
    return f.unit_zh


def make_template(type_: str, year: int, candidate: str = "", catalogue: Catalogue | None = None) -> bytes:
    """The XLSX template for a candidate of ``type_`` reporting the figures of ``year``."""
    catalogue = catalogue or load_catalogue()
    figs = catalogue.for_type(type_)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = DATA_SHEET
    bold = Font(bold=True)
    ws["A1"] = f"软件名{'城' if type_ == 'city' else '园'}年度数据报送表（{year} 年度）"
    ws["A1"].font = Font(bold=True, size=14)
    ws.merge_cells("A1:D1")
    for label, cell, value in (
        ("候选名称", NAME_CELL, candidate),
        ("类型", TYPE_CELL, TYPE_WORDS[type_]),
        ("年度", YEAR_CELL, year),
        ("联系人", CONTACT_CELL, ""),
        ("联系电话", PHONE_CELL, ""),
    ):
        label_cell = ws.cell(row=ws[cell].row, column=ws[cell].column - 1, value=label)
        label_cell.font = bold
        ws[cell] = value if value != "" else None
        if cell in (NAME_CELL, CONTACT_CELL, PHONE_CELL):
            ws[cell].protection = Protection(locked=False)
            ws[cell].fill = _INPUT
    header = FIRST_ROW - 1
    for col, title in enumerate(("名称", "单位", "数值", "说明/来源", "代码"), start=1):
        c = ws.cell(row=header, column=col, value=title)
        c.font = bold
    for i, f in enumerate(figs):
        row = FIRST_ROW + i
        ws.cell(row=row, column=1, value=f.name_zh)
        ws.cell(row=row, column=2, value=_unit_words(f))
        value = ws.cell(row=row, column=3)
        value.number_format = "0" if f.decimal_places == 0 else "0." + "0" * f.decimal_places
        value.protection = Protection(locked=False)
        value.fill = _INPUT
        note = ws.cell(row=row, column=4)
        note.protection = Protection(locked=False)
        note.alignment = Alignment(wrap_text=True)
        ws.cell(row=row, column=5, value=f.code)
        dv = DataValidation(
            type="whole" if f.decimal_places == 0 else "decimal",
            operator="between",
            formula1=str(f.minimum),
            formula2=str(f.maximum),
            allow_blank=True,
            showErrorMessage=True,
            errorTitle="数值无效",
            error=f"{f.name_zh}须为 {f.minimum} 至 {f.maximum} 之间的数字（{f.unit_zh}），"
            f"最多 {f.decimal_places} 位小数。",
            showInputMessage=True,
            promptTitle=f.name_zh,
            prompt=f"单位：{f.unit_zh}；最多 {f.decimal_places} 位小数。",
        )
        ws.add_data_validation(dv)
        dv.add(value)
    ws.column_dimensions["A"].width = 44
    ws.column_dimensions["B"].width = 12
    ws.column_dimensions["C"].width = 16
    ws.column_dimensions["D"].width = 40
    ws.column_dimensions["E"].hidden = True
    ws.protection.sheet = True
    ws.freeze_panes = f"A{FIRST_ROW}"

    help_ws = wb.create_sheet(HELP_SHEET)
    help_ws.column_dimensions["A"].width = 100
    for r, line in enumerate(_instructions(type_, year, figs), start=1):
        help_ws.cell(row=r, column=1, value=line).alignment = Alignment(wrap_text=True)
    help_ws["A1"].font = Font(bold=True, size=14)

    meta = wb.create_sheet(META_SHEET)
    for r, (k, v) in enumerate(
        (("format", TEMPLATE_FORMAT), ("type", type_), ("year", year), ("catalogue", catalogue.version)),
        start=1,
    ):
        meta.cell(row=r, column=1, value=k)
        meta.cell(row=r, column=2, value=v)
    meta.sheet_state = "veryHidden"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _instructions(type_: str, year: int, figs: tuple[Figure, ...]) -> list[str]:
    kind = TYPE_WORDS[type_]
    lines = [
        "填报说明",
        f"一、本表供软件名{'城' if type_ == 'city' else '园'}（{kind}）填报 {year} 年度数据，由工业和信息化部统一导入。",
        "二、请在“数据”工作表中填写黄色单元格：候选名称、联系人、联系电话，以及每项指标的“数值”；"
        "“说明/来源”填写数据来源（如统计年鉴、统计公报）或需要说明的情况。",
        "三、“数值”只填数字，不带单位、不用公式；小数位数不得超过该指标规定的位数；百分比填写百分数本身"
        "（如增速 13.4% 填 13.4）。",
        "四、请勿增删行列、修改指标名称或工作表名称；类型与年度由模板确定，不要改动。",
        "五、填好后可用“reviewer data check 文件名.xlsx”自行检查，检查通过后报送。",
        "",
        "指标一览（名称｜单位｜小数位数｜合理范围）：",
    ]
    for f in figs:
        lines.append(f"{f.name_zh}｜{f.unit_zh}｜{f.decimal_places} 位｜{f.minimum} 至 {f.maximum}")
    return lines


# --- checking -------------------------------------------------------------------------------------


def _where(cell: str) -> str:
    return f"{DATA_SHEET}!{cell}"


def cell_decimal(value: Any) -> Decimal | None:
    """The exact decimal a cell holds, or None when it is not a number (see the module doc)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return None
        return Decimal(repr(value))  # the shortest decimal this double stands for; no arithmetic
    if isinstance(value, str):
        text = value.strip().replace("，", ",")
        if "," in text:
            if not _GROUPED.fullmatch(text):
                return None
            text = text.replace(",", "")
        if _NUMBER.fullmatch(text):
            try:
                return Decimal(text)
            except InvalidOperation:
                return None
    return None


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def check_workbook(data: bytes, path: str = "", catalogue: Catalogue | None = None) -> CheckedReturn:
    """Check a filled template; every problem with its cell, all at once (:class:`DataCheckFailed`)."""
    catalogue = catalogue or load_catalogue()
    name = path or "xlsx"
    try:
        wb = load_workbook(io.BytesIO(data), data_only=False, read_only=False)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise NotAnArtifact(
            T(
                "{path} 不是 Excel 工作簿（.xlsx）。请使用“reviewer data template”生成的模板填报。",
                "{path} is not an Excel workbook (.xlsx). Fill in the template made by “reviewer data template”.",
                path=name,
            ),
            detail=str(exc),
        ) from exc
    wrong = DataCheckFailed(
        name,
        [
            Problem(
                META_SHEET,
                T(
                    "不是本软件生成的数据报送模板（或模板已被改动）。请用“reviewer data template”重新生成并填写。",
                    "Not a data return template made by this app (or the template was altered). Make a new one "
                    "with “reviewer data template” and fill it in.",
                ),
            )
        ],
    )
    if META_SHEET not in wb.sheetnames or DATA_SHEET not in wb.sheetnames:
        raise wrong
    meta = {_text(r[0].value): r[1].value for r in wb[META_SHEET].iter_rows(min_row=1, max_row=10, max_col=2)}
    type_, year = meta.get("type"), meta.get("year")
    if meta.get("format") != TEMPLATE_FORMAT or type_ not in TYPES or not isinstance(year, int):
        raise wrong
    ws = wb[DATA_SHEET]
    problems: list[Problem] = []
    candidate = _text(ws[NAME_CELL].value)
    if not candidate:
        problems.append(Problem(_where(NAME_CELL), T("请填写候选名称。", "Fill in the candidate's name.")))
    if _text(ws[TYPE_CELL].value) != TYPE_WORDS[type_]:
        problems.append(
            Problem(
                _where(TYPE_CELL),
                T(
                    "类型须为“{t}”（由模板确定）。",
                    "The type must be “{t}” (set by the template).",
                    t=TYPE_WORDS[type_],
                ),
            )
        )
    if cell_decimal(ws[YEAR_CELL].value) != year:
        problems.append(
            Problem(
                _where(YEAR_CELL),
                T("年度须为 {y}（由模板确定）。", "The year must be {y} (set by the template).", y=year),
            )
        )
    contact = _text(ws[CONTACT_CELL].value)
    if not contact:
        problems.append(Problem(_where(CONTACT_CELL), T("请填写联系人。", "Fill in the contact person.")))
    figures: dict[str, Decimal] = {}
    notes: dict[str, str] = {}
    expected = catalogue.for_type(type_)
    for i, f in enumerate(expected):
        row = FIRST_ROW + i
        if (
            _text(ws.cell(row=row, column=5).value) != f.code
            or _text(ws.cell(row=row, column=1).value) != f.name_zh
        ):
            problems.append(
                Problem(
                    _where(f"A{row}"),
                    T(
                        "此行应为“{name}”：模板的行被改动过，请用新模板填写。",
                        "This row should be “{name}”: the template's rows were changed; use a new template.",
                        name=_name(f),
                    ),
                )
            )
            continue
        value = _figure(ws, row, f, problems)
        if value is not None:
            figures[f.code] = value
        note = _text(ws.cell(row=row, column=4).value)
        if note:
            notes[f.code] = note
    extra_row = FIRST_ROW + len(expected)
    if _text(ws.cell(row=extra_row, column=1).value) or _text(ws.cell(row=extra_row, column=3).value):
        problems.append(
            Problem(
                _where(f"A{extra_row}"),
                T(
                    "模板之外多出了行：请勿增加指标行。",
                    "A row was added to the template: do not add figure rows.",
                ),
            )
        )
    if problems:
        raise DataCheckFailed(name, problems)
    return CheckedReturn(
        candidate=candidate,
        type=type_,
        year=year,
        contact=contact,
        phone=_text(ws[PHONE_CELL].value),
        figures=figures,
        notes=notes,
        source_sha256=hashlib.sha256(data).hexdigest(),
    )


def _figure(ws: Worksheet, row: int, f: Figure, problems: list[Problem]) -> Decimal | None:
    cell = f"C{row}"
    raw = ws[cell].value
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        problems.append(
            Problem(
                _where(cell),
                T(
                    "缺少{name}的数值（{unit}）。",
                    "The value of {name} ({unit}) is missing.",
                    name=_name(f),
                    unit=_unit(f),
                ),
            )
        )
        return None
    if isinstance(raw, str) and raw.startswith("="):
        problems.append(
            Problem(
                _where(cell),
                T(
                    "{name}请直接填写数值，不要使用公式。",
                    "Type the value of {name} itself, not a formula.",
                    name=_name(f),
                ),
            )
        )
        return None
    value = cell_decimal(raw)
    if value is None and isinstance(raw, str) and ("," in raw or "，" in raw):
        problems.append(
            Problem(
                _where(cell),
                T(
                    "{name}的“{v}”不是有效数字：逗号只能用作千位分隔符（如 1,234.5），小数请用小数点（如 1.5）。",
                    "{name}: “{v}” is not a valid number: a comma only separates thousands (e.g. 1,234.5); "
                    "write decimals with a decimal point (e.g. 1.5).",
                    name=_name(f),
                    v=raw.strip(),
                ),
            )
        )
        return None
    if value is None:
        problems.append(
            Problem(
                _where(cell),
                T(
                    "{name}须为数字（{unit}）。",
                    "{name} must be a number ({unit}).",
                    name=_name(f),
                    unit=_unit(f),
                ),
            )
        )
        return None
    if not f.minimum <= value <= f.maximum:
        problems.append(
            Problem(
                _where(cell),
                T(
                    "{name}超出合理范围（{low} 至 {high} {unit}）：{v}",
                    "{name} is outside its plausible range ({low} to {high} {unit}): {v}",
                    name=_name(f),
                    low=f.minimum,
                    high=f.maximum,
                    unit=_unit(f),
                    v=value,
                ),
            )
        )
        return None
    if f.decimal_places == 0 and value != value.to_integral_value():
        problems.append(
            Problem(
                _where(cell),
                T("{name}须为整数：{v}", "{name} must be a whole number: {v}", name=_name(f), v=value),
            )
        )
        return None
    if value != value.quantize(Decimal(1).scaleb(-f.decimal_places)):
        problems.append(
            Problem(
                _where(cell),
                T(
                    "{name}最多 {n} 位小数：{v}",
                    "{name} takes at most {n} decimal places: {v}",
                    name=_name(f),
                    n=f.decimal_places,
                    v=value,
                ),
            )
        )
        return None
    return value


def check_file(path: str | Path, catalogue: Catalogue | None = None) -> CheckedReturn:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise cannot_read(path, exc) from exc
    return check_workbook(data, str(path), catalogue)


def _name(f: Figure) -> Text:
    return T(f.name_zh, f.name_en)


def _unit(f: Figure) -> Text:
    return T(f.unit_zh, f.unit_en)

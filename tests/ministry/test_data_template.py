"""The candidate's XLSX template and its checker: exact decimals, every problem named with its cell."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from reviewer.cli import main
from reviewer.errors import InvalidInput, NotAnArtifact, UsageError
from reviewer.ministry.data_template import DataCheckFailed, cell_decimal, check_workbook, make_template
from reviewer.standards.figures import load_catalogue, parse_catalogue
from tests.ministry.data_world import CITY_2025, filled


def problems(data: bytes) -> dict[str, str]:
    with pytest.raises(DataCheckFailed) as caught:
        check_workbook(data, "t.xlsx")
    return {p.cell: p.message.render("zh") for p in caught.value.problems}


def test_catalogue_has_the_design_codes() -> None:
    cat = load_catalogue()
    assert [f.code for f in cat.for_type("city")] == [
        "software_revenue", "software_revenue_growth", "rd_share", "software_enterprises",
        "listed_enterprises", "software_employees", "enterprises_in_parks_share",
    ]  # fmt: skip
    assert "park_revenue_share" in [f.code for f in cat.for_type("park")]
    assert "enterprises_in_parks_share" not in [f.code for f in cat.for_type("park")]
    revenue = cat.get("software_revenue")
    assert (revenue.name_zh, revenue.unit_zh, revenue.decimal_places) == ("软件业务收入", "亿元", 2)
    assert cat.get("software_enterprises").decimal_places == 0


def test_catalogue_errors_are_precise() -> None:
    doc = {"format": "reviewer.figures/1", "version": "x", "figures": [{"code": "A!"}]}
    with pytest.raises(InvalidInput, match="/figures/0"):
        parse_catalogue(doc)
    ok = {"code": "a", "name": {"zh": "甲", "en": "A"}, "unit": {"zh": "家", "en": "n"}, "decimal_places": 0,
          "min": "5", "max": "1", "applies_to": ["city"]}  # fmt: skip
    with pytest.raises(InvalidInput, match="min 5 is above max 1"):
        parse_catalogue({**doc, "figures": [ok]})
    with pytest.raises(InvalidInput, match="duplicate code"):
        parse_catalogue({**doc, "figures": [{**ok, "min": "0"}, {**ok, "min": "0"}]})


def test_template_layout_and_validation() -> None:
    wb = load_workbook(io.BytesIO(make_template("city", 2026, "示例市")))
    assert wb.sheetnames == ["数据", "填报说明", "模板信息"]
    ws = wb["数据"]
    assert (ws["A2"].value, ws["B2"].value, ws["D2"].value, ws["B3"].value) == (
        "候选名称",
        "示例市",
        "城市",
        2026,
    )
    assert [c.value for c in ws[6]][:4] == ["名称", "单位", "数值", "说明/来源"]
    assert (ws["A7"].value, ws["B7"].value, ws["E7"].value) == ("软件业务收入", "亿元", "software_revenue")
    rules = {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}
    assert rules["C7"].type == "decimal" and (rules["C7"].formula1, rules["C7"].formula2) == ("0", "100000")
    assert rules["C10"].type == "whole"  # software_enterprises: 0 decimal places
    assert wb["模板信息"].sheet_state == "veryHidden"
    assert "填报说明" in wb["填报说明"]["A1"].value


def test_a_good_return_reads_exact_decimals() -> None:
    checked = check_workbook(filled("city", 2025, "示例市", CITY_2025), "t.xlsx")
    assert (checked.candidate, checked.type, checked.year, checked.contact) == (
        "示例市",
        "city",
        2025,
        "张三",
    )
    assert checked.figures == {
        "software_revenue": Decimal("1234.56"),
        "software_revenue_growth": Decimal("13.4"),
        "rd_share": Decimal("8"),
        "software_enterprises": Decimal("1200"),
        "listed_enterprises": Decimal("12"),
        "software_employees": Decimal("30.25"),
        "enterprises_in_parks_share": Decimal("55.5"),
    }
    assert str(checked.figures["software_revenue"]) == "1234.56"  # not 1234.5599999999999...
    assert len(checked.source_sha256) == 64


def test_cell_decimal_never_goes_through_float_arithmetic() -> None:
    assert cell_decimal(0.1) == Decimal("0.1")
    assert cell_decimal(99999.99) == Decimal("99999.99")
    assert cell_decimal("1,234.50") == Decimal("1234.50")
    assert cell_decimal(True) is None and cell_decimal("12亿") is None and cell_decimal(float("nan")) is None


def test_every_problem_with_its_cell() -> None:
    values = {**CITY_2025, "software_revenue": "一千", "software_revenue_growth": None, "rd_share": 101,
              "software_enterprises": 12.5, "software_employees": 30.255, "enterprises_in_parks_share": "=A1*2"}  # fmt: skip
    found = problems(filled("city", 2025, "", values, contact=""))
    assert found == {
        "数据!B2": "请填写候选名称。",
        "数据!D3": "请填写联系人。",
        "数据!C7": "软件业务收入须为数字（亿元）。",
        "数据!C8": "缺少软件业务收入增速的数值（%）。",
        "数据!C9": "研发投入占软件业务收入比重超出合理范围（0 至 100 %）：101",
        "数据!C10": "软件企业数量须为整数：12.5",
        "数据!C12": "软件从业人员最多 2 位小数：30.255",
        "数据!C13": "园区内软件企业占全市比重请直接填写数值，不要使用公式。",
    }


def test_a_decimal_comma_is_not_a_thousands_separator() -> None:
    """Review finding 7: growth typed "1,5" passed the check as 15 %. A comma is read only between groups
    of three digits (1,234.5); otherwise the cell is refused saying what to type."""
    for text in ("1,5", "13,4", "1,23", "12,3456", "1,234,5", "1,,234", ",123", "1，5"):
        assert cell_decimal(text) is None, text
    assert cell_decimal("1,234.5") == Decimal("1234.5")
    assert cell_decimal("12,345,678") == Decimal("12345678")
    assert cell_decimal("1，234") == Decimal("1234")
    values = {**CITY_2025, "software_revenue_growth": "1,5", "software_revenue": "1,234.56"}
    found = problems(filled("city", 2025, "示例市", values))
    assert found == {
        "数据!C8": "软件业务收入增速的“1,5”不是有效数字：逗号只能用作千位分隔符（如 1,234.5），"
        "小数请用小数点（如 1.5）。"
    }
    with pytest.raises(DataCheckFailed) as caught:
        check_workbook(filled("city", 2025, "示例市", values), "t.xlsx")
    assert "decimal point (e.g. 1.5)" in caught.value.problems[0].message.render("en")


def test_template_fields_that_must_not_change() -> None:
    found = problems(
        filled(
            "city", 2025, "示例市", CITY_2025, cells={"D2": "园区", "B3": 2024, "A8": "增速", "A14": "另一项"}
        )
    )
    assert set(found) == {"数据!D2", "数据!B3", "数据!A8", "数据!A14"}
    assert found["数据!B3"] == "年度须为 2025（由模板确定）。"


def test_wrong_template_and_not_a_workbook(tmp_path: Path) -> None:
    found = problems(filled("city", 2025, "示例市", CITY_2025, cells={"模板信息!B1": "other/1"}))
    assert list(found) == ["模板信息"]
    with pytest.raises(NotAnArtifact):
        check_workbook(b"PK not really", "x.xlsx")


def test_cli_template_and_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "t.xlsx"
    assert (
        main(["data", "template", "--type", "park", "--year", "2026", "--candidate", "示例园", str(out)]) == 0
    )
    assert main(["data", "check", str(out)]) == InvalidInput.exit_code
    assert (
        "数据!C7: The value of Software business revenue (100 million yuan) is missing."
        in capsys.readouterr().err
    )
    good = tmp_path / "good.xlsx"
    good.write_bytes(filled("city", 2025, "示例市", CITY_2025))
    assert main(["data", "check", str(good)]) == 0
    assert "Software business revenue (software_revenue): 1234.56 100 million yuan" in capsys.readouterr().out


def test_a_file_that_cannot_be_read_is_said_in_the_users_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Review finding 10b: ``data check nonexist.xlsx`` printed "无法读取…：No such file or directory"."""
    monkeypatch.setenv("REVIEWER_LANG", "zh_CN")
    assert main(["data", "check", str(tmp_path / "nonexist.xlsx")]) == UsageError.exit_code
    err = capsys.readouterr().err
    assert "找不到文件" in err and "nonexist.xlsx" in err and "No such file" not in err
    assert main(["data", "check", str(tmp_path)]) == UsageError.exit_code  # a folder
    err = capsys.readouterr().err
    assert "是文件夹，不是文件" in err and "directory" not in err.lower()
    locked = tmp_path / "locked.xlsx"
    locked.write_bytes(b"x")

    def denied(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", denied)
    assert main(["data", "check", str(locked)]) == UsageError.exit_code
    err = capsys.readouterr().err
    assert "没有读取" in err and "权限" in err and "Permission" not in err
    monkeypatch.setenv("REVIEWER_LANG", "en")
    assert main(["data", "check", str(locked)]) == UsageError.exit_code
    assert "no permission to read" in capsys.readouterr().err

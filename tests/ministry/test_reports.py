"""Reports from the seeded registry through the CLI: table, CSV, JSON, XLSX (reopened with openpyxl)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from reviewer.cli import main
from reviewer.ministry.registry import Registry

from .seed import seed


@pytest.fixture
def seeded_url(db_url: str) -> str:
    with Registry.open(db_url) as reg:
        seed(reg)
    return db_url


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def test_json_registry_of_a_year(seeded_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    doc = json.loads(
        run(capsys, "ministry", "registry", "--db", seeded_url, "--year", "2022", "--format", "json")
    )
    tables = doc["tables"]
    assert [(r["name"], r["stars"]) for r in tables["stars"]] == [("南京市", 1), ("成都市", 1)]
    assert [(r["name"], r["kind"]) for r in tables["notices"]] == [
        ("南京市", "rectification notice"),
        ("成都市", "exit announcement"),
    ]
    assert [(r["name"], r["outcome"], r["total"]) for r in tables["publicity"]] == [
        ("示例软件园", "confirmed", "82.5")
    ]
    statuses = {r["name"]: r["status"] for r in tables["candidates"]}
    assert statuses["成都市"] == "exited" and statuses["造假软件园"] == "disqualified"
    nanjing = next(r for r in tables["candidates"] if r["name"] == "南京市")
    assert nanjing["priority"] == "city with 2 or more famous parks"


def test_default_year_is_the_latest(seeded_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    doc = json.loads(run(capsys, "ministry", "registry", "--db", seeded_url, "--format", "json"))
    assert doc["title"]["en"].endswith("(2025)")
    assert [(r["name"], r["kind"]) for r in doc["tables"]["notices"]] == [("南京市", "exit announcement")]


def test_candidate_history_table_in_chinese(seeded_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "--lang", "zh_CN", "ministry", "registry", "--db", seeded_url, "--candidate", "南京市")
    assert "南京市（名城，已退出）" in out
    assert "连续2年一星，公告退出" in out
    assert out.count("整改提醒") >= 2


def test_csv_star_list(seeded_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "ministry", "registry", "--db", seeded_url, "--year", "2023", "--format", "csv")
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["Star list 2023"]
    assert rows[1] == ["name", "type", "province", "city", "stars", "status"]
    assert rows[2:6] == [
        ["南京市", "city", "江苏省", "南京市", "2", "exited"],
        ["江北软件园", "park", "江苏省", "南京市", "2", "awarded"],
        ["示例软件园", "park", "江苏省", "南京市", "2", "awarded"],
        ["杭州市", "city", "浙江省", "杭州市", "1", "warned"],
    ]


def test_xlsx_reopens_with_chinese_headers(
    seeded_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "reports" / "registry-2023.xlsx"
    run(
        capsys,
        "ministry",
        "registry",
        "--db",
        seeded_url,
        "--year",
        "2023",
        "--format",
        "xlsx",
        "--out",
        str(out),
    )
    book = load_workbook(out)
    assert book.sheetnames == [
        "2023年度星级名单",
        "整改提醒与退出（2023年）",
        "公示名单（2023年）",
        "登记册",
        "逾期未报的创建工作进展",
        "优先支持标记（依据）",
    ]
    stars = book["2023年度星级名单"]
    assert [c.value for c in stars[1]] == ["名称", "类型", "省份", "城市", "星级", "状态"]
    assert [c.value for c in stars[2]] == ["南京市", "名城", "江苏省", "南京市", 2, "已退出"]
    assert stars["A5"].value == "杭州市" and stars["E5"].value == 1 and stars["F5"].value == "整改提醒"
    assert stars.freeze_panes == "A2"
    assert stars["A1"].font.bold
    assert stars.column_dimensions["A"].width >= 12  # 江北软件园: five CJK characters, counted double
    notices = book["整改提醒与退出（2023年）"]
    assert [notices.cell(row=r, column=2).value for r in (2, 3)] == ["造假软件园", "杭州市"]
    assert notices["C2"].value == "取消创建资格通知"
    assert not list(out.parent.glob(".*.tmp"))


def test_xlsx_needs_out(seeded_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ministry", "registry", "--db", seeded_url, "--format", "xlsx"]) == 2
    assert "--out" in capsys.readouterr().err


def test_calibration_command(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    from decimal import Decimal

    from reviewer.ministry.types import Deviation

    from .seed import SAMPLE_PARK, result

    with Registry.open(db_url) as reg:
        fp = "0123456789abcdef" * 4  # an expert is known by a certificate fingerprint
        devs = (
            Deviation("li", "李专家", "A1", Decimal("8"), Decimal("7")),
            Deviation(fp, "王专家", "A1", Decimal("6"), Decimal("7")),
        )
        reg.record(result(SAMPLE_PARK, "creation", 2022, "pass", deviations=devs))
    doc = json.loads(run(capsys, "ministry", "calibration", "--db", db_url, "--format", "json"))
    assert doc["tables"]["calibration"][0] == (
        {
            "expert_id": "li",
            "name": "李专家",
            "reviews": 1,
            "scores": 1,
            "mean_deviation": "1.00",
            "mean_abs_deviation": "1.00",
        }
    )
    text = run(capsys, "--lang", "zh_CN", "ministry", "calibration", "--db", db_url)
    assert text.count("专家评分校准") == 1  # the title once
    lines = text.splitlines()
    assert lines[2].split()[0] == "专家" and lines[2].split()[-1] == "证书指纹"
    wang = next(line for line in lines if line.startswith("王专家"))
    assert wang.split()[-1] == "0123456789abcdef…" and fp not in text  # cut short for reading
    assert {r["name"]: r["expert_id"] for r in doc["tables"]["calibration"]} == {"李专家": "li", "王专家": fp}


def test_register_and_publicity_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "reg.sqlite3")  # a plain path is a SQLite file
    run(
        capsys,
        "ministry",
        "register",
        "南京市",
        "--type",
        "city",
        "--city",
        "南京市",
        "--year",
        "2019",
        "--status",
        "awarded",
        "--db",
        db,
    )
    assert (
        main(["ministry", "publicity", "decide", "南京市", "--year", "2020", "--confirm", "--db", db]) == 18
    )
    assert "no result under publicity" in capsys.readouterr().err

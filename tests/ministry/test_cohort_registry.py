"""The cohort evaluation on the registry (SQLite and PostgreSQL): a fictional year of 15 cities from
their data returns and annual panel results, published as ratings (warnings follow), exported as the
公示 list and the 通告 in rank order (XLSX read back, PDF through pdftotext)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from reviewer.app import ministry_cohort as ops
from reviewer.errors import Refused
from reviewer.ministry.cohort_rules import default_cohort_rules_path, load_cohort_rules
from reviewer.ministry.cohort_store import evaluate_year, latest, publish
from reviewer.ministry.orm import RatingRow
from reviewer.ministry.registry import Registry

from . import cohort_year as Y
from .seed import at

D = Decimal


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    standard = tmp_path / "test-cohort-city.json"
    standard.write_text(json.dumps(Y.standard_doc(), ensure_ascii=False), "utf-8")
    doc = json.loads(default_cohort_rules_path().read_text("utf-8"))
    doc["types"]["city"]["standard"] = "TEST-COHORT-CITY"
    rules = tmp_path / "cohort-rules.json"
    rules.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    return standard, rules


@pytest.fixture
def year(db_url: str) -> Registry:
    reg = Registry.open(db_url)
    Y.seed_year(reg)
    yield reg
    reg.close()


def test_evaluate_publish_and_export(year: Registry, files: tuple[Path, Path], tmp_path: Path) -> None:
    standard, rules_path = files
    rules = load_cohort_rules(rules_path)
    stored = evaluate_year(year, 2026, "city", rules, standards=(standard,))
    assert (stored.version, stored.status) == (1, "draft")
    rows = {r.name: r for r in stored.result.rows}
    for name, (*_, objective, expert, total) in Y.HAND.items():
        assert (rows[name].objective, rows[name].expert, rows[name].total) == (
            D(objective),
            D(expert),
            D(total),
        )
    assert [(r.rank, r.name) for r in stored.result.rows] == [*Y.RANKING, (None, Y.NO_RETURN)]
    # what the registry keeps comes back exactly
    assert latest(year.engine, 2026, "city").result == stored.result

    published = publish(year, 2026, "city", at=at(2026, 11))
    assert published.status == "published"
    ones = [r.name for r in stored.result.rows if r.stars == 1]
    assert ones == ["示例庚市", "示例丁市", "示例己市", "示例子市", "示例壬市", "示例寅市", Y.NO_RETURN]
    for c in year.candidates(type="city"):
        assert c.status == ("warned" if c.info.name in ones else "awarded"), c.info.name
        assert (
            dict(year.history(c.info.name).stars)[2026]
            == {r.name: r.stars for r in stored.result.rows}[c.info.name]
        )
    notices = year.notices(year=2026, kind="rectification")
    assert sorted(n.candidate for n in notices) == sorted(ones)
    # publishing the year again is refused, even after a new draft
    evaluate_year(year, 2026, "city", rules, standards=(standard,))
    with pytest.raises(Refused):
        publish(year, 2026, "city")
    assert latest(year.engine, 2026, "city").version == 1  # the published one is the year's

    out = tmp_path / "notice.xlsx"
    ops.export(year, 2026, "city", "notice", out,
               issued=date(2026, 12, 5))  # fmt: skip
    sheet = load_workbook(out).active
    values = [[c.value for c in row] for row in sheet.iter_rows(min_row=3)]
    expected = [
        ["★★★", "1", "示例卯市"], ["★★★", "2", "示例甲市"], ["★★★", "4", "示例丙市"],
        ["★★", "3", "示例戊市"], ["★★", "5", "示例癸市"], ["★★", "6", "示例丑市"],
        ["★★", "7", "示例乙市"], ["★★", "7", "示例辛市"],
        ["★", "9", "示例庚市"], ["★", "10", "示例丁市"], ["★", "11", "示例己市"], ["★", "12", "示例子市"],
        ["★", "13", "示例壬市"], ["★", "14", "示例寅市"], ["★", "未报送", Y.NO_RETURN],
    ]  # fmt: skip
    assert values == expected
    assert sheet["A1"].value == "2026年度中国软件名城评估结果通告"

    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    pdf = tmp_path / "notice.pdf"
    ops.export(year, 2026, "city", "notice", pdf,
               issued=date(2026, 12, 5))  # fmt: skip
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = "".join(text.split())
    assert "2026年度中国软件名城评估结果通告" in flat and "2026年12月5日" in flat and "第1页共1页" in flat
    positions = [flat.index(row[2]) for row in expected]
    assert positions == sorted(positions)  # every name, in the notice's order
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert all(" yes " in line for line in fonts.splitlines()[2:])  # every font embedded


def test_publicity_list_xlsx_lists_every_row(
    year: Registry, files: tuple[Path, Path], tmp_path: Path
) -> None:
    standard, rules_path = files
    evaluate_year(year, 2026, "city", load_cohort_rules(rules_path), standards=(standard,))
    out = tmp_path / "publicity.xlsx"
    ops.export(year, 2026, "city", "publicity", out,
               issued=date(2026, 12, 5))  # fmt: skip
    sheet = load_workbook(out).active
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    assert rows[0] == ["排名", "名称", "客观指标得分", "专家评审得分", "总分", "星级", "备注"]
    assert rows[1] == ["1", "示例卯市", "60.00", "40.00", "100.00", "★★★", None]
    assert rows[3][1:] == ["示例戊市", "49.00", "38.00", "87.00", "★★", "受数值门槛限制：NG2"]
    assert rows[-1] == [None, Y.NO_RETURN, None, None, None, "★", "未报送"]


def test_cli_evaluate_publish_export(
    year: Registry, files: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from reviewer.cli import main

    standard, rules = files
    db = year.engine.url.render_as_string(hide_password=False)
    base = ["--year", "2026", "--type", "city", "--db", db]
    assert (
        main(["ministry", "cohort", "evaluate", *base, "--rules", str(rules), "--standard", str(standard)])
        == 0
    )
    out = capsys.readouterr().out
    assert "   1  示例卯市  100.00  ★★★" in out and "   -  示例辰市    ★  未报送" in out
    assert main(["ministry", "cohort", "publish", *base]) == 0
    assert main(["ministry", "cohort", "publish", *base]) == Refused.exit_code
    pdf = tmp_path / "公示.pdf"
    assert (
        main(["ministry", "cohort", "export", *base, "--kind", "publicity", "--date", "2026-12-05", str(pdf)])
        == 0
    )
    assert pdf.read_bytes().startswith(b"%PDF")
    assert year.candidate("示例庚市").status == "warned"


def test_publicity_list_pdf_embeds_every_font(
    year: Registry, files: tuple[Path, Path], tmp_path: Path
) -> None:
    if shutil.which("pdffonts") is None:
        pytest.skip("pdffonts (poppler-utils) is not installed")
    standard, rules_path = files
    evaluate_year(year, 2026, "city", load_cohort_rules(rules_path), standards=(standard,))
    pdf = ops.export(year, 2026, "city", "publicity", tmp_path / "publicity.pdf", issued=date(2026, 12, 5))
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert len(fonts.splitlines()) > 2 and all(" yes " in line for line in fonts.splitlines()[2:]), fonts
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = "".join(text.split())
    assert "2026年度中国软件名城评估结果公示名单" in flat and "受数值门槛限制：NG2" in flat


def test_publish_refused_by_the_registry_leaves_a_draft_and_no_rating(
    year: Registry, files: tuple[Path, Path]
) -> None:
    from reviewer.ministry.refusals import NotTitleHolder

    standard, rules_path = files
    evaluate_year(year, 2026, "city", load_cohort_rules(rules_path), standards=(standard,))
    # 示例甲市 exits (two one-star years) after the evaluation, before its publication
    year.record_ratings({"示例甲市": 1}, year=2024, source="2024年度评估")
    year.record_ratings({"示例甲市": 1}, year=2025, source="2025年度评估")
    assert year.candidate("示例甲市").status == "exited"
    with pytest.raises(NotTitleHolder):
        publish(year, 2026, "city")
    assert latest(year.engine, 2026, "city").status == "draft"  # not published: evaluate again
    assert dict(year.history("示例乙市").stars)[2026] == 2  # still the panel's, no rating recorded
    assert year.candidate("示例庚市").status == "awarded"  # its 1★ was not recorded
    again = evaluate_year(year, 2026, "city", load_cohort_rules(rules_path), standards=(standard,))
    assert "示例甲市" not in [r.name for r in again.result.rows]  # no longer a title holder
    assert publish(year, 2026, "city").version == 2


CRASH_WHILE_PUBLISHING = """
import os, sys
from reviewer.ministry.cohort_store import publish
from reviewer.ministry.registry import Registry

registry = Registry.open(sys.argv[1])
Registry._rebuild = lambda self, s, row: os._exit(9)  # the power fails while the ratings are written
publish(registry, 2026, "city")
"""


def test_a_crash_while_publishing_leaves_a_draft_and_no_rating(
    year: Registry, files: tuple[Path, Path], db_url: str
) -> None:
    standard, rules_path = files
    evaluate_year(year, 2026, "city", load_cohort_rules(rules_path), standards=(standard,))
    crashed = subprocess.run([sys.executable, "-c", CRASH_WHILE_PUBLISHING, db_url], check=False)
    assert crashed.returncode == 9
    # not "published" with no ratings: the evaluation and its ratings commit together or not at all
    assert latest(year.engine, 2026, "city").status == "draft"
    with Session(year.engine) as s:
        assert s.scalar(select(func.count()).select_from(RatingRow)) == 0
    assert publish(year, 2026, "city").status == "published"  # and the desk can publish it now


def test_cli_a_bad_date_of_issue_is_named_in_the_users_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from reviewer.cli import main

    db = str(tmp_path / "r.sqlite3")
    args = ["ministry", "cohort", "export", "--year", "2026", "--type", "city", "--db", db]
    with pytest.raises(SystemExit) as exc:
        main(["--lang", "zh_CN", *args, "--date", "2026-13-05", str(tmp_path / "n.pdf")])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "日期格式应为 YYYY-MM-DD：2026-13-05" in err and "fromisoformat" not in err

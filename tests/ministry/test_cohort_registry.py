"""The cohort evaluation on the registry (SQLite and PostgreSQL): a fictional year of 15 cities from
their data returns and annual panel results, published as ratings (warnings follow), exported as the
公示 list and the 通告 in rank order (XLSX read back, PDF through pdftotext)."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from reviewer.app import ministry_cohort as ops
from reviewer.errors import Refused, UsageError
from reviewer.i18n import beijing_date
from reviewer.ministry import data_returns
from reviewer.ministry.cohort import CohortResult, CohortRow
from reviewer.ministry.cohort_export import NotPublished
from reviewer.ministry.cohort_rules import default_cohort_rules_path, load_cohort_rules
from reviewer.ministry.cohort_store import (
    DraftOutOfDate,
    FutureYear,
    NotEvaluable,
    evaluate_year,
    latest,
    publish,
    save_draft,
)
from reviewer.ministry.orm import RatingRow
from reviewer.ministry.registry import Registry
from reviewer.ministry.types import CandidateInfo
from reviewer.models.orm.base import utcnow

from . import cohort_year as Y
from .seed import at, result

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

    published = publish(year, 2026, "city", at=at(2026, 11), rules=rules, standards=(standard,))
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
        publish(year, 2026, "city", rules=rules, standards=(standard,))
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
    same = ["--rules", str(rules), "--standard", str(standard)]
    assert main(["ministry", "cohort", "publish", *base, *same]) == 0
    assert main(["ministry", "cohort", "publish", *base, *same]) == Refused.exit_code
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
    standard, rules_path = files
    rules = load_cohort_rules(rules_path)
    evaluate_year(year, 2026, "city", rules, standards=(standard,))
    # 示例甲市 exits (two one-star years) after the evaluation, before its publication
    year.record_ratings({"示例甲市": 1}, year=2024, source="2024年度评估")
    year.record_ratings({"示例甲市": 1}, year=2025, source="2025年度评估")
    assert year.candidate("示例甲市").status == "exited"
    with pytest.raises(DraftOutOfDate):  # the draft still rates it: evaluate again
        publish(year, 2026, "city", rules=rules, standards=(standard,))
    assert latest(year.engine, 2026, "city").status == "draft"  # not published: evaluate again
    assert dict(year.history("示例乙市").stars)[2026] == 2  # still the panel's, no rating recorded
    assert year.candidate("示例庚市").status == "awarded"  # its 1★ was not recorded
    again = evaluate_year(year, 2026, "city", load_cohort_rules(rules_path), standards=(standard,))
    assert "示例甲市" not in [r.name for r in again.result.rows]  # no longer a title holder
    assert publish(year, 2026, "city", rules=rules, standards=(standard,)).version == 2


CRASH_WHILE_PUBLISHING = """
import os, sys
from reviewer.ministry.cohort_store import publish
from reviewer.ministry.registry import Registry

from pathlib import Path
from reviewer.ministry.cohort_rules import load_cohort_rules

registry = Registry.open(sys.argv[1])
Registry._rebuild = lambda self, s, row: os._exit(9)  # the power fails while the ratings are written
publish(registry, 2026, "city", rules=load_cohort_rules(sys.argv[3]), standards=(Path(sys.argv[2]),))
"""


def test_a_crash_while_publishing_leaves_a_draft_and_no_rating(
    year: Registry, files: tuple[Path, Path], db_url: str
) -> None:
    standard, rules_path = files
    evaluate_year(year, 2026, "city", load_cohort_rules(rules_path), standards=(standard,))
    crashed = subprocess.run(
        [sys.executable, "-c", CRASH_WHILE_PUBLISHING, db_url, str(standard), str(rules_path)], check=False
    )
    assert crashed.returncode == 9
    # not "published" with no ratings: the evaluation and its ratings commit together or not at all
    assert latest(year.engine, 2026, "city").status == "draft"
    with Session(year.engine) as s:
        assert s.scalar(select(func.count()).select_from(RatingRow)) == 0
    assert publish(year, 2026, "city", rules=load_cohort_rules(rules_path), standards=(standard,)).status == (
        "published"
    )  # and the desk can publish it now


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


def _return(reg: Registry, name: str, year_: int, like: str = "") -> None:
    values = {
        **Y.figures(like or name),
        "software_enterprises": D(800),
        "listed_enterprises": D(12),
        "enterprises_in_parks_share": D("55.0"),
    }
    digest = hashlib.sha256(f"{name}{year_}".encode()).hexdigest()
    data_returns.record_return(reg, name, type_="city", year=year_, values=values, source_sha256=digest)


def _statuses(reg: Registry) -> dict[str, str]:
    return {c.info.name: c.status for c in reg.candidates(type="city")}


def test_a_year_without_data_is_refused_and_warns_nobody(year: Registry, files: tuple[Path, Path]) -> None:
    standard, rules_path = files
    rules = load_cohort_rules(rules_path)
    before = _statuses(year)
    # the attack: two years with no data return at all would list every holder 未报送 with 1★ —
    # warned by the first, exited by the second
    for empty in (2024, 2025):
        with pytest.raises(NotEvaluable):
            evaluate_year(year, empty, "city", rules, standards=(standard,))
        with pytest.raises(UsageError):
            latest(year.engine, empty, "city")  # no draft kept
        # even a draft saved by hand (an older desk, a bug) is not published
        ones = tuple(CohortRow(None, n, None, None, None, 1, (), ("missing_return",)) for n in Y.CITIES)
        save_draft(year.engine, CohortResult(empty, "city", "thresholds", "TEST-COHORT-CITY", ones), "x")
        with pytest.raises(NotEvaluable):
            publish(year, empty, "city", rules=rules, standards=(standard,))
    assert _statuses(year) == before
    assert year.notices(year=2025, kind="exit") == [] and year.notices(year=2024) == []


def test_a_year_later_than_this_one_is_refused(year: Registry, files: tuple[Path, Path]) -> None:
    standard, rules_path = files
    rules = load_cohort_rules(rules_path)
    this_year = int(beijing_date(utcnow())[:4])
    for later in (this_year + 1, 2098):
        with pytest.raises(FutureYear):
            evaluate_year(year, later, "city", rules, standards=(standard,))
        with pytest.raises(FutureYear):
            publish(year, later, "city", rules=rules, standards=(standard,))


def test_missing_national_figures_or_panel_totals_are_named(year: Registry, files: tuple[Path, Path]) -> None:
    standard, rules_path = files
    rules = load_cohort_rules(rules_path)
    _return(year, "示例甲市", 2025)
    with pytest.raises(NotEvaluable) as exc:  # the standard scores growth against the national growth
        evaluate_year(year, 2025, "city", rules, standards=(standard,))
    assert "national:software_revenue_growth" in exc.value.message.render("en")
    data_returns.record_national(year, 2025, {"software_revenue_growth": D("9.0")}, source="示例")
    with pytest.raises(NotEvaluable) as exc:  # the city rules give the panels 40 points
        evaluate_year(year, 2025, "city", rules, standards=(standard,))
    assert "annual panel" in exc.value.message.render("en")
    info = CandidateInfo("示例甲市", "city", "示例省", "示例甲市")
    year.record(result(info, "annual", 2025, "2", total=D(80)))
    stored = evaluate_year(year, 2025, "city", rules, standards=(standard,))
    assert [r.rank for r in stored.result.rows if r.name == "示例甲市"] == [1]


def test_a_holder_awarded_after_the_year_is_not_in_its_cohort(
    year: Registry, files: tuple[Path, Path]
) -> None:
    standard, rules_path = files
    rules = load_cohort_rules(rules_path)
    # awarded at 23:00 on 31 December 2026, Beijing time: held the title at the end of 2026
    year.register(CandidateInfo("示例末市", "city", "示例省", "示例末市"), year=2026, status="awarded",
                  at=datetime(2026, 12, 31, 15, 0, tzinfo=UTC))  # fmt: skip
    # awarded at 00:30 on 1 January 2027, Beijing time (still 2026 in UTC): not a holder of 2026
    year.register(CandidateInfo("示例新市", "city", "示例省", "示例新市"), year=2027, status="awarded",
                  at=datetime(2026, 12, 31, 16, 30, tzinfo=UTC))  # fmt: skip
    for name in ("示例末市", "示例新市"):
        _return(year, name, 2026, like="示例甲市")
    stored = evaluate_year(year, 2026, "city", rules, standards=(standard,))
    names = [r.name for r in stored.result.rows]
    assert "示例末市" in names and "示例新市" not in names
    assert len(names) == len(Y.CITIES) + 1


def test_publishing_a_draft_the_registry_has_moved_past_is_refused(
    year: Registry, files: tuple[Path, Path]
) -> None:
    standard, rules_path = files
    rules = load_cohort_rules(rules_path)
    draft = evaluate_year(year, 2026, "city", rules, standards=(standard,))
    assert {r.name: r.stars for r in draft.result.rows}["示例庚市"] == 1
    # after the evaluation 示例庚市 sends a corrected return that lifts it out of 1★
    values = {**Y.figures("示例卯市"), "software_enterprises": D(800), "listed_enterprises": D(12),
              "enterprises_in_parks_share": D("55.0")}  # fmt: skip
    data_returns.record_return(year, "示例庚市", type_="city", year=2026, values=values,
                               source_sha256=hashlib.sha256(b"corrected").hexdigest())  # fmt: skip
    with pytest.raises(DraftOutOfDate):
        publish(year, 2026, "city", rules=rules, standards=(standard,))
    assert latest(year.engine, 2026, "city").status == "draft"
    assert year.candidate("示例庚市").status == "awarded"  # the stale 1★ was not recorded
    with Session(year.engine) as s:
        assert s.scalar(select(func.count()).select_from(RatingRow)) == 0
    again = evaluate_year(year, 2026, "city", rules, standards=(standard,))
    assert {r.name: r.stars for r in again.result.rows}["示例庚市"] > 1
    assert publish(year, 2026, "city", rules=rules, standards=(standard,)).version == 2
    assert year.candidate("示例庚市").status == "awarded"


def test_a_draft_is_no_notice_and_its_publicity_list_says_draft(
    year: Registry, files: tuple[Path, Path], tmp_path: Path
) -> None:
    standard, rules_path = files
    rules = load_cohort_rules(rules_path)
    evaluate_year(year, 2026, "city", rules, standards=(standard,))
    # the attack: an unpublished draft written out as the year's official 通告
    for suffix in ("xlsx", "pdf"):
        out = tmp_path / f"notice.{suffix}"
        with pytest.raises(NotPublished):
            ops.export(year, 2026, "city", "notice", out, issued=date(2026, 12, 5))
        assert not out.exists()
    draft = ops.export(year, 2026, "city", "publicity", tmp_path / "draft.xlsx", issued=date(2026, 12, 5))
    assert load_workbook(draft).active["A1"].value == "2026年度中国软件名城评估结果公示名单（草稿）"
    publish(year, 2026, "city", rules=rules, standards=(standard,))
    final = ops.export(year, 2026, "city", "publicity", tmp_path / "final.xlsx", issued=date(2026, 12, 5))
    assert load_workbook(final).active["A1"].value == "2026年度中国软件名城评估结果公示名单"
    notice = ops.export(year, 2026, "city", "notice", tmp_path / "notice.xlsx", issued=date(2026, 12, 5))
    assert load_workbook(notice).active["A1"].value == "2026年度中国软件名城评估结果通告"

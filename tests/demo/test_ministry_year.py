"""The demo year: fictional, deterministic, and the registry it leaves is the story it tells."""

from __future__ import annotations

import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from reviewer.demo.ministry_year import CANDIDATES, CITIES, PARKS, build_ministry_year, is_marked
from reviewer.demo.ministry_year.figures import all_figures, figures, national_figures
from reviewer.demo.ministry_year.roster import DATA_YEARS, DEMO_YEAR, EVALUATED_YEAR, by_key
from reviewer.demo.package import build_demo
from reviewer.ministry import data_returns
from reviewer.ministry.cohort_store import latest
from reviewer.ministry.data_file import read_data_return
from reviewer.ministry.data_template import check_file
from reviewer.ministry.progress import beijing_today, overdue
from reviewer.ministry.registry import Registry
from reviewer.trust import open_authority

# Prefecture-level and provincial-level cities a careless sample could borrow (not exhaustive: the
# mark is the rule; this catches a real name slipping in after the mark).
REAL = ("北京", "上海", "天津", "重庆", "深圳", "杭州", "南京", "成都", "武汉", "广州", "苏州", "青岛",
        "厦门", "福州", "无锡", "济南", "西安", "长沙", "合肥", "大连", "沈阳", "郑州", "南昌", "贵阳")  # fmt: skip


@pytest.fixture(scope="module")
def year(tmp_path_factory: pytest.TempPathFactory) -> Path:
    demo = build_demo(tmp_path_factory.mktemp("demo-year") / "demo")
    built = build_ministry_year(demo.folder, demo.authority)
    assert not built.reused
    return demo.folder


def test_every_name_is_marked_fictional() -> None:
    assert (len(CITIES), len(PARKS)) == (15, 20)
    names = [c.name for c in CANDIDATES] + [c.info.city for c in CANDIDATES]
    assert all(is_marked(n) for n in names), [n for n in names if not is_marked(n)]
    assert not [n for n in names if any(r in n for r in REAL)]
    assert len({c.name for c in CANDIDATES}) == 35 and len({c.key for c in CANDIDATES}) == 35
    assert {c.info.city for c in PARKS} <= {c.name for c in CITIES}


def test_figures_are_deterministic_realistic_and_consistent() -> None:
    qingchuan = figures(by_key("qingchuan"), 2025)
    assert (
        str(qingchuan["software_revenue"]) == "10785.16"
        and str(qingchuan["software_revenue_growth"]) == "18.5"
    )
    assert {k: str(v) for k, v in national_figures(2025).items()} == {
        "national:software_revenue": "150994.80",
        "national:software_revenue_growth": "11.6",
    }
    for year in DATA_YEARS:
        for name, f in all_figures(year).items():
            c = next(x for x in CANDIDATES if x.name == name)
            if c.info.type == "city":
                assert 80 <= f["software_revenue"] <= 12000, (name, year)
            assert -3 <= f["software_revenue_growth"] <= 25, (name, year)
            assert 5 <= f["rd_share"] <= 15
            assert f["software_revenue"].as_tuple().exponent == -2
    # growth agrees with consecutive revenues (a checker recomputes it)
    r24, r25 = (figures(by_key("hailan"), y)["software_revenue"] for y in DATA_YEARS)
    assert figures(by_key("hailan"), 2025)["software_revenue_growth"] == ((r25 / r24 - 1) * 100).quantize(
        figures(by_key("hailan"), 2025)["software_revenue_growth"]
    )
    # the parks of one city share less than all of its revenue
    for city in CITIES:
        parks = [p for p in PARKS if p.info.city == city.name and p.stage != "applicant"]
        if parks and city.stage != "applicant":
            city_rev = figures(city, 2025)["software_revenue"]
            assert (
                sum(figures(p, 2025)["software_revenue"] for p in parks if p.stage != "not_admitted")
                < city_rev
            )


def test_registry_holds_the_story(year: Path) -> None:
    with Registry.open(year / "authority" / "registry.sqlite3") as reg:
        status = {c.info.name: c.status for c in reg.candidates()}
        stars = {e.candidate.info.name: e.stars for e in reg.star_list(EVALUATED_YEAR)}
        before = {e.candidate.info.name: e.stars for e in reg.star_list(EVALUATED_YEAR - 1)}
        publicity = {
            p.candidate.info.name: (p.starts, p.ends, p.outcome) for p in reg.publicity(year=DEMO_YEAR)
        }
        late = [(o.candidate, o.due) for o in overdue(reg, beijing_today())]
        flags = {c.info.name: c.flags for c in reg.candidates()}
    by = {s: sorted(n for n, x in status.items() if x == s) for s in set(status.values())}
    # 明湖 ★★ → ★ (warned); 枫林 ★ → ★ (exits); 高岭 falls in the park quota's last places (warned)
    assert by["warned"] == ["示例·岳澜软件园", "示例·高岭软件园", "示例市·明湖"]
    assert by["exited"] == ["示例·浑澜软件园", "示例市·枫林"]
    assert len(by["awarded"]) == 19  # 8 cities, 10 parks evaluated, 雁栖 awarded after its 公示
    assert by["creating"] == [
        "示例·沧浪软件园",
        "示例·翠谷软件谷",
        "示例·鹭屿软件园",
        "示例市·晴岚",
        "示例市·沧澜",
    ]
    assert by["publicity"] == ["示例市·雁湖"]
    assert by["applicant"] == ["示例·星汉软件园", "示例·琴台软件园", "示例市·白鹭"]
    assert by["not_admitted"] == ["示例·槐荫软件园", "示例市·槐序"]
    # 5 working days from Monday 28 September 2026 across the National Day holiday (1-8 October)
    assert publicity["示例市·雁湖"] == (date(2026, 9, 28), date(2026, 10, 9), "pending")
    assert publicity["示例·雁栖软件园"] == (date(2026, 9, 21), date(2026, 9, 27), "confirmed")
    assert late == [("示例·沧浪软件园", date(2025, 10, 16))]
    assert "city_industrial_upgrade" in flags["示例市·青川"]
    assert "park_new_industrialisation_base" in flags["示例·滨江软件园"]
    assert (before["示例市·明湖"], stars["示例市·明湖"]) == (2, 1)
    assert (before["示例市·枫林"], stars["示例市·枫林"]) == (1, 1)
    assert [n for n, s in stars.items() if s == 3 and n.startswith("示例市")] == [
        "示例市·云栖", "示例市·海澜", "示例市·翠微", "示例市·青川"
    ]  # fmt: skip
    assert len(stars) == 23 and all(is_marked(n) for n in status) and len(status) == 35


def test_cohort_notice_in_rank_order(year: Path) -> None:
    folder = year / "ministry-year" / "evaluation"
    assert sorted(p.name for p in folder.iterdir()) == [
        f"{EVALUATED_YEAR}-{t}-{k}.{x}"
        for t in ("city", "park")
        for k in ("notice", "publicity")
        for x in ("pdf", "xlsx")
    ]
    assert (folder / f"{EVALUATED_YEAR}-city-notice.pdf").read_bytes().startswith(b"%PDF")
    rows = list(
        load_workbook(folder / f"{EVALUATED_YEAR}-city-notice.xlsx").active.iter_rows(values_only=True)
    )
    assert rows[0][0] == f"{EVALUATED_YEAR}年度中国软件名城评估结果通告"
    assert [r[2] for r in rows[2:]] == [
        "示例市·青川", "示例市·云栖", "示例市·海澜", "示例市·翠微", "示例市·澜岸",
        "示例市·鹭汀", "示例市·星桥", "示例市·琴湾", "示例市·明湖", "示例市·枫林",
    ]  # fmt: skip
    assert [r[0] for r in rows[2:]] == ["★★★"] * 4 + ["★★"] * 4 + ["★"] * 2


def test_reused_when_complete(year: Path) -> None:
    before = (year / "authority" / "registry.sqlite3").stat().st_mtime_ns
    again = build_ministry_year(year, year / "authority")
    assert again.reused and (year / "authority" / "registry.sqlite3").stat().st_mtime_ns == before
    assert not (year / ".ministry-year.tmp").exists()


def test_data_returns_recorded_and_signed(year: Path) -> None:
    with Registry.open(year / "authority" / "registry.sqlite3") as reg:
        cities = data_returns.figures(reg, 2025, "city")
        parks = data_returns.figures(reg, 2025, "park")
        national = data_returns.national_figures(reg, 2025)
        trend = data_returns.figure_trend(reg, "示例市·青川", "software_revenue")
    assert (len(cities), len(parks)) == (13, 17)  # everyone but the applicants and the not admitted
    assert cities["示例市·青川"] == figures(by_key("qingchuan"), 2025)
    assert national["national:software_revenue_growth"] == Decimal("11.6")
    assert [y for y, _ in trend] == [2024, 2025] and trend[1][1] == Decimal("10785.16")
    root = open_authority(year / "authority").root
    folder = year / "ministry-year" / "data-returns" / "2025"
    assert len(list(folder.glob("*.xlsx"))) == len(list(folder.glob("*.rvdata"))) == 30
    signed = read_data_return((folder / "qingchuan.rvdata").read_bytes(), root)
    assert (signed.candidate, signed.year, signed.figures) == ("示例市·青川", 2025, cities["示例市·青川"])


def state(folder: Path) -> tuple[object, ...]:
    with Registry.open(folder / "authority" / "registry.sqlite3") as reg:
        cohort = tuple(latest(reg.engine, EVALUATED_YEAR, t).result.rows for t in ("city", "park"))
        return (
            sorted((c.info.name, c.info, c.status, c.flags) for c in reg.candidates()),
            [(e.candidate.info.name, e.stars) for e in reg.star_list(EVALUATED_YEAR)],
            cohort,
            data_returns.figures(reg, EVALUATED_YEAR, "park"),
        )


def test_deterministic(year: Path, tmp_path: Path) -> None:
    shutil.copytree(year / "authority", tmp_path / "authority")
    (tmp_path / "authority" / "registry.sqlite3").unlink()
    build_ministry_year(tmp_path, tmp_path / "authority")
    assert state(tmp_path) == state(year)
    workbooks = sorted((year / "ministry-year" / "data-returns" / "2025").glob("*.xlsx"))
    assert len(workbooks) == 30
    for path in workbooks:  # the same figures (the ZIP's timestamps differ)
        again = tmp_path / "ministry-year" / "data-returns" / "2025" / path.name
        assert check_file(again).figures == check_file(path).figures

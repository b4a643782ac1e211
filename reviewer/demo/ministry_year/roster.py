"""The demo year's candidates: 15 cities and 20 parks, every one fictional and marked 示例.

A city's name is ``示例市·<place>``, a park's ``示例·<place>软件园`` (or 软件谷, 软件城…): no real
city's name appears, and :func:`is_marked` is the test that says so. Provinces are real (a reader
places the fictional city), parent cities are the fictional cities below.

Each candidate has a ``stage``: the path its story takes in the demo year (:data:`DEMO_YEAR`), and
``since`` the year it entered that story (the registry's final statuses: tests/demo/test_ministry_year.py). The title holders' stars of the
previous year (:data:`PREVIOUS_STARS`) come from last year's evaluation; the demo year's stars are
computed from the figures (:mod:`reviewer.demo.ministry_year.figures`).
"""

from __future__ import annotations

from dataclasses import dataclass

from reviewer.ministry.types import CandidateInfo

DEMO_YEAR = 2026  # the ministry's year the demo shows (applications, 公示, the annual evaluation)
DATA_YEARS = (2024, 2025)  # the years of the figures: the evaluation of 2025 is made in 2026
EVALUATED_YEAR = DATA_YEARS[-1]
CITY_MARK = "示例市·"
PARK_MARK = "示例·"

# Stages at the end of the demo year, in the lifecycle's words (docs/ministry.md):
#   awarded  — holds the title; evaluated each year (stars; the parks' quota of ★ may warn one)
#   warned   — holds the title with a rectification notice (one ★ this year)
#   exited   — lost the title (★ two years running)
#   publicity — passed its creation review this year: 公示 (the park's confirmed: awarded; the city's ended, undecided)
#   creating — admitted to creation; reports its progress (one report overdue)
#   applicant — its application is in; the paper check (and for a park the panel) is pending
#   not_admitted — its application did not pass the paper check (a city) or its panel (a park)
STAGES = ("awarded", "warned", "exited", "publicity", "creating", "applicant", "not_admitted")
TITLE_HOLDERS = ("awarded", "warned", "exited")  # evaluated in the cohort of EVALUATED_YEAR


@dataclass(frozen=True)
class DemoCandidate:
    info: CandidateInfo
    stage: str
    since: int  # the year it was awarded / admitted to creation / applied
    key: str  # ASCII, for file names (data returns, reports)
    strength: int  # 1..10: how strong its figures are (deterministic, see figures.py)

    @property
    def name(self) -> str:
        return self.info.name


def _city(key: str, place: str, province: str, stage: str, since: int, strength: int) -> DemoCandidate:
    return DemoCandidate(
        CandidateInfo(f"{CITY_MARK}{place}", "city", province, f"{CITY_MARK}{place}"),
        stage,
        since,
        key,
        strength,
    )


def _park(
    key: str, place: str, city: str, stage: str, since: int, strength: int, kind: str = "软件园"
) -> DemoCandidate:
    parent = next(c for c in CITIES if c.key == city)
    return DemoCandidate(
        CandidateInfo(f"{PARK_MARK}{place}{kind}", "park", parent.info.province, parent.name),
        stage,
        since,
        key,
        strength,
    )


CITIES: tuple[DemoCandidate, ...] = (
    _city("qingchuan", "青川", "浙江省", "awarded", 2019, 10),
    _city("yunqi", "云栖", "广东省", "awarded", 2019, 10),
    _city("hailan", "海澜", "江苏省", "awarded", 2019, 9),
    _city("luting", "鹭汀", "福建省", "awarded", 2020, 7),
    _city("lanan", "澜岸", "山东省", "awarded", 2020, 7),
    _city("cuiwei", "翠微", "四川省", "awarded", 2021, 8),
    _city("qinwan", "琴湾", "湖北省", "awarded", 2021, 6),
    _city("xingqiao", "星桥", "陕西省", "awarded", 2022, 6),
    _city("minghu", "明湖", "湖南省", "warned", 2021, 3),
    _city("fenglin", "枫林", "辽宁省", "exited", 2019, 1),
    _city("yanhu", "雁湖", "安徽省", "publicity", 2023, 6),
    _city("canglan", "沧澜", "河南省", "creating", 2024, 5),
    _city("qinglan", "晴岚", "江西省", "creating", 2025, 4),
    _city("bailu", "白鹭", "广西壮族自治区", "applicant", 2026, 4),
    _city("huaixu", "槐序", "贵州省", "not_admitted", 2026, 2),
)

PARKS: tuple[DemoCandidate, ...] = (
    _park("binjiang", "滨江", "qingchuan", "awarded", 2020, 10),
    _park("xihu-valley", "西岭", "qingchuan", "awarded", 2021, 8, "软件谷"),
    _park("nanshan", "南岸", "yunqi", "awarded", 2020, 10),
    _park("qianhai", "前湾", "yunqi", "awarded", 2022, 8, "软件城"),
    _park("zijin", "紫峰", "hailan", "awarded", 2020, 9),
    _park("jiangbei", "江屿", "hailan", "awarded", 2022, 6),
    _park("huandao", "环岛", "luting", "awarded", 2021, 7),
    _park("qilu", "齐岸", "lanan", "awarded", 2021, 6),
    _park("tianfu", "天澄", "cuiwei", "awarded", 2020, 8, "软件谷"),
    _park("guanggu", "光湾", "qinwan", "awarded", 2022, 7),
    _park("gaoxin", "高岭", "xingqiao", "awarded", 2023, 5),
    _park("yuelu", "岳澜", "minghu", "warned", 2022, 2),
    _park("hunhe", "浑澜", "fenglin", "exited", 2020, 1),
    _park("yanhu-park", "雁栖", "yanhu", "publicity", 2024, 6),
    _park("luting-2", "鹭屿", "luting", "creating", 2024, 5),
    _park("cuiwei-2", "翠谷", "cuiwei", "creating", 2025, 4, "软件谷"),
    _park("canglan-park", "沧浪", "canglan", "creating", 2025, 3),
    _park("qinwan-2", "琴台", "qinwan", "applicant", 2026, 5),
    _park("xingqiao-2", "星汉", "xingqiao", "applicant", 2026, 4),
    _park("huaixu-park", "槐荫", "huaixu", "not_admitted", 2026, 2),
)

CANDIDATES: tuple[DemoCandidate, ...] = CITIES + PARKS

# Last year's stars (EVALUATED_YEAR - 1) of the title holders; the demo year's come from the figures.
# 明湖 had ★★ and falls to ★ (warned); 枫林 had ★ (warned) and has ★ again (exits); likewise their parks.
PREVIOUS_STARS: dict[str, int] = {
    "qingchuan": 3, "yunqi": 3, "hailan": 3, "luting": 2, "lanan": 2, "cuiwei": 2, "qinwan": 2,
    "xingqiao": 2, "minghu": 2, "fenglin": 1,
    "binjiang": 3, "xihu-valley": 2, "nanshan": 3, "qianhai": 2, "zijin": 3, "jiangbei": 2,
    "huandao": 2, "qilu": 2, "tianfu": 3, "guanggu": 2, "gaoxin": 2, "yuelu": 2, "hunhe": 1,
}  # fmt: skip


def is_marked(name: str) -> bool:
    """Whether ``name`` carries the demo's mark of a fictional candidate (示例)."""
    return name.startswith((CITY_MARK, PARK_MARK))


def by_key(key: str) -> DemoCandidate:
    return next(c for c in CANDIDATES if c.key == key)


def by_name(name: str) -> DemoCandidate:
    return next(c for c in CANDIDATES if c.name == name)


def by_stage(*stages: str, type: str | None = None) -> tuple[DemoCandidate, ...]:
    return tuple(c for c in CANDIDATES if c.stage in stages and (type is None or c.info.type == type))

"""The fictional figures of a demo park, drawn once from a seeded generator so every document agrees.

The application form, the creation plan and the self-evaluation report all quote these numbers, so
a reviewer comparing them finds them consistent (revenue in the application equals the 2023 column
of the self-evaluation). The generator is seeded from the park's name: the same park always gets
the same figures, a different park different but equally plausible ones.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from reviewer.errors import InvalidInput
from reviewer.i18n import T

SEED_PREFIX = "reviewer-demo/1:"
YEARS = (2020, 2021, 2022, 2023, 2024, 2025)  # 2020 only as the base of 2021 growth
APPLICATION_YEARS = (2021, 2022, 2023)  # the data the application form (filed 2024) reports
EVALUATION_YEARS = (2023, 2024, 2025)  # the creation period the self-evaluation (2026) reports
# National software-industry revenue growth, %, used as the benchmark (demo values).
NATIONAL_GROWTH = {2021: Decimal("17.7"), 2022: Decimal("11.2"), 2023: Decimal("13.4"),
                   2024: Decimal("10.0"), 2025: Decimal("11.0")}  # fmt: skip

DEMO_CANDIDATE: dict[str, Any] = {
    "name": "示例软件园",
    "name_en": "Sample Software Park",
    "province": "江苏省",
    "city": "南京市",
    "founded": "2015-06-01",
    "type": "park",
}


def _q(value: float | Decimal, places: str = "0.1") -> Decimal:
    return Decimal(str(value)).quantize(Decimal(places), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class ParkFacts:
    name: str
    name_en: str
    province: str
    city: str
    founded: date
    operator: str  # 运营机构
    committee: str  # 管理机构
    area_km2: Decimal  # planned area
    floor_area_10k_m2: Decimal  # 载体建筑面积，万平方米
    main_field: str  # 主导领域
    second_field: str
    revenue: dict[int, Decimal] = field(default_factory=dict)  # 软件业务收入，亿元
    total_firms: dict[int, int] = field(default_factory=dict)
    software_firms: dict[int, int] = field(default_factory=dict)
    above_scale_firms: dict[int, int] = field(default_factory=dict)  # 规上企业
    staff_10k: dict[int, Decimal] = field(default_factory=dict)  # 从业人员，万人
    rd_staff_share: dict[int, Decimal] = field(default_factory=dict)  # %
    rd_intensity: dict[int, Decimal] = field(default_factory=dict)  # 研发投入占收入比，%
    invention_patents: dict[int, int] = field(default_factory=dict)  # 有效发明专利
    software_copyrights: dict[int, int] = field(default_factory=dict)  # 软件著作权（当年登记）
    main_field_share: dict[int, Decimal] = field(default_factory=dict)  # %
    national_labs: int = 0
    provincial_labs: int = 0
    standards_led: int = 0
    first_version_products: int = 0
    xinchuang_products: int = 0
    top100_firms: int = 0
    listed_firms: int = 0
    little_giants: int = 0  # 国家级专精特新“小巨人”
    provincial_srdi: int = 0  # 省级专精特新
    award_products: int = 0
    demo_cases: int = 0
    platforms: tuple[tuple[str, int], ...] = ()  # (platform type, firms served in the last year)
    incubators: int = 0
    national_incubators: int = 0
    graduated_firms: int = 0
    trained_10k: Decimal = Decimal(0)  # 人才培训，万人次
    university_programs: int = 0
    policies: int = 0
    fund_100m: Decimal = Decimal(0)  # 专项资金，亿元

    def growth(self, year: int) -> Decimal:
        """Revenue growth in ``year`` over the year before, in %."""
        return _q((self.revenue[year] / self.revenue[year - 1] - 1) * 100)

    def output_per_m2(self, year: int) -> Decimal:
        """Revenue per m² of floor area, 万元/平方米."""
        return _q(self.revenue[year] * 10_000 / (self.floor_area_10k_m2 * 10_000), "0.01")

    def software_share(self, year: int) -> Decimal:
        return _q(Decimal(self.software_firms[year]) * 100 / self.total_firms[year])

    @property
    def location(self) -> str:
        return f"{self.province}{self.city}"


def _founded(value: Any) -> date:
    try:
        return value if isinstance(value, date) else date.fromisoformat(str(value))
    except ValueError as exc:
        raise InvalidInput(
            T("候选对象的成立日期无效：{value}（应为 YYYY-MM-DD）",
              "The candidate's founding date is not valid: {value} (expected YYYY-MM-DD)", value=str(value))
        ) from exc  # fmt: skip


def make_facts(candidate: dict[str, Any] | None = None) -> ParkFacts:
    """The figures for ``candidate`` (missing keys taken from :data:`DEMO_CANDIDATE`)."""
    info = {**DEMO_CANDIDATE, **(candidate or {})}
    name = str(info["name"]).strip()
    if not name:
        raise InvalidInput(T("候选对象缺少名称。", "The candidate has no name."))
    if info.get("type", "park") != "park":
        raise InvalidInput(
            T("演示材料只支持软件名园候选对象，而不是 {kind}。", "Demo materials support park candidates only, not {kind}.",
              kind=str(info.get("type")))
        )  # fmt: skip
    rng = random.Random(SEED_PREFIX + name)

    def series(start: float, low: float, high: float, places: str = "0.1") -> dict[int, Decimal]:
        values, current = {}, start
        for year in YEARS:
            values[year] = _q(current, places)
            current *= 1 + rng.uniform(low, high)
        return values

    def counts(start: int, low: float, high: float) -> dict[int, int]:
        return {year: int(value) for year, value in series(start, low, high, "1").items()}

    revenue = series(rng.uniform(360, 420), 0.12, 0.17)
    total = counts(rng.randint(1050, 1250), 0.06, 0.10)
    share = rng.uniform(0.64, 0.70)
    software = {year: int(total[year] * (share + 0.01 * i)) for i, year in enumerate(YEARS)}
    main_share = series(rng.uniform(33, 36), 0.02, 0.04)
    platform_names = ("适配验证中心", "体验推广中心", "企业孵化平台", "投资融资服务平台", "法律与知识产权服务平台",
                      "人才培训基地")  # fmt: skip
    return ParkFacts(
        name=name,
        name_en=str(info.get("name_en") or name),
        province=str(info["province"]),
        city=str(info["city"]),
        founded=_founded(info["founded"]),
        operator=f"{name}发展集团有限公司",
        committee=f"{name}管理委员会",
        area_km2=_q(rng.uniform(5.5, 7.5)),
        floor_area_10k_m2=_q(rng.uniform(480, 560), "1"),
        main_field="工业软件",
        second_field="信息技术应用创新",
        revenue=revenue,
        total_firms=total,
        software_firms=software,
        above_scale_firms=counts(rng.randint(150, 180), 0.07, 0.11),
        staff_10k=series(rng.uniform(6.2, 7.0), 0.05, 0.08, "0.01"),
        rd_staff_share=series(rng.uniform(38, 41), 0.01, 0.03),
        rd_intensity=series(rng.uniform(9.0, 9.8), 0.02, 0.05),
        invention_patents=counts(rng.randint(2100, 2500), 0.12, 0.18),
        software_copyrights=counts(rng.randint(6800, 7600), 0.08, 0.13),
        main_field_share=main_share,
        national_labs=rng.randint(2, 3),
        provincial_labs=rng.randint(12, 18),
        standards_led=rng.randint(28, 40),
        first_version_products=rng.randint(7, 12),
        xinchuang_products=rng.randint(38, 55),
        top100_firms=rng.randint(3, 5),
        listed_firms=rng.randint(19, 27),
        little_giants=rng.randint(9, 14),
        provincial_srdi=rng.randint(70, 95),
        award_products=rng.randint(24, 36),
        demo_cases=rng.randint(28, 40),
        platforms=tuple((p, rng.randint(120, 680)) for p in platform_names),
        incubators=rng.randint(8, 11),
        national_incubators=2,
        graduated_firms=rng.randint(110, 150),
        trained_10k=_q(rng.uniform(1.6, 2.2)),
        university_programs=rng.randint(10, 15),
        policies=rng.randint(10, 14),
        fund_100m=Decimal(10),
    )

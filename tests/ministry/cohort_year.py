"""A fictional year (2026) of 15 title-holding cities for the cohort tests, and a small objective
standard of its own (so the hand-computed table does not move when a shipped sample changes).

The standard (60 points, two decimals):
  1.1 software_revenue, bands: ≥2000 → 20, ≥1000 → 15, ≥500 → 10, ≥100 → 5, else 0   (20 points)
  1.2 software_employees, linear 0 → 40 万人                                        (10 points)
  2.1 software_revenue_growth − national growth, linear −5 → +10                     (15 points)
  2.2 rd_share, bands: ≥10 → 15, ≥7 → 10, ≥4 → 5, else 0                             (15 points)
  NG1 software_revenue ≥ 100 else at most ★; NG2 growth − national ≥ 0 else at most ★★.
National growth 10.0 %. The expert part is 40 points: panel total ÷ its standard's points × 40.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from reviewer.ministry import data_returns
from reviewer.ministry.registry import Registry
from reviewer.ministry.types import CandidateInfo

from .seed import result

D = Decimal
NATIONAL = {"national:software_revenue_growth": D("10.0")}

# name: (software_revenue, software_employees, software_revenue_growth, rd_share)
FIGURES: dict[str, tuple[str, str, str, str]] = {
    "示例甲市": ("2500.00", "42.00", "18.5", "12.0"),
    "示例乙市": ("1800.00", "30.00", "16.0", "9.5"),
    "示例丙市": ("1200.00", "25.50", "20.0", "10.0"),
    "示例丁市": ("950.00", "18.00", "12.0", "8.0"),
    "示例戊市": ("3000.00", "50.00", "9.0", "11.0"),
    "示例己市": ("600.00", "12.30", "14.2", "6.5"),
    "示例庚市": ("90.00", "40.00", "20.0", "12.0"),
    "示例辛市": ("1500.00", "26.00", "15.0", "7.0"),
    "示例壬市": ("450.00", "10.00", "11.0", "5.0"),
    "示例癸市": ("2100.00", "35.00", "13.3", "9.0"),
    "示例子市": ("700.00", "15.00", "10.0", "3.5"),
    "示例丑市": ("1100.00", "22.22", "17.7", "8.8"),
    "示例寅市": ("300.00", "8.00", "10.5", "4.5"),
    "示例卯市": ("5000.00", "60.00", "30.0", "15.0"),
}
NO_RETURN = "示例辰市"  # a title holder that filed no data return
CITIES = (*FIGURES, NO_RETURN)

# Panel totals (out of 100; 丙 out of 120 in the pure test); 寅 had no annual panel.
PANEL = {
    "示例甲市": "90", "示例乙市": "85", "示例丙市": "88", "示例丁市": "80", "示例戊市": "95",
    "示例己市": "75", "示例庚市": "90", "示例辛市": "90", "示例壬市": "72", "示例癸市": "82",
    "示例子市": "78", "示例丑市": "86", "示例卯市": "100",
}  # fmt: skip

# BY HAND (not from the code): 1.1, 1.2, 2.1, 2.2, objective total, expert part, total.
#  1.2 = employees ÷ 4 (clamped to 10, half-up to 2 places); 2.1 = growth − 10 + 5 (clamped 0..15);
#  expert = panel × 40 ÷ 100.
HAND: dict[str, tuple[str, str, str, str, str, str, str]] = {
    "示例甲市": ("20", "10.00", "13.50", "15", "58.50", "36.00", "94.50"),  # 42/4 = 10.5 → 10
    "示例乙市": ("15", "7.50", "11.00", "10", "43.50", "34.00", "77.50"),
    "示例丙市": ("15", "6.38", "15.00", "15", "51.38", "35.20", "86.58"),  # 6.375 → 6.38; 20 → 15
    "示例丁市": ("10", "4.50", "7.00", "10", "31.50", "32.00", "63.50"),
    "示例戊市": ("20", "10.00", "4.00", "15", "49.00", "38.00", "87.00"),  # growth below national
    "示例己市": ("10", "3.08", "9.20", "5", "27.28", "30.00", "57.28"),  # 3.075 → 3.08
    "示例庚市": ("0", "10.00", "15.00", "15", "40.00", "36.00", "76.00"),  # revenue below 100
    "示例辛市": ("15", "6.50", "10.00", "10", "41.50", "36.00", "77.50"),  # = 乙
    "示例壬市": ("5", "2.50", "6.00", "5", "18.50", "28.80", "47.30"),
    "示例癸市": ("20", "8.75", "8.30", "10", "47.05", "32.80", "79.85"),
    "示例子市": ("10", "3.75", "5.00", "0", "18.75", "31.20", "49.95"),  # growth = national: NG2 passes
    "示例丑市": ("15", "5.56", "12.70", "10", "43.26", "34.40", "77.66"),  # 5.555 → 5.56
    "示例寅市": ("5", "2.00", "5.50", "5", "17.50", "0.00", "17.50"),  # no panel: expert 0
    "示例卯市": ("20", "10.00", "15.00", "15", "60.00", "40.00", "100.00"),
}
# The ranking by hand (equal totals share a rank; listed by name): rank, name.
RANKING = [
    (1, "示例卯市"), (2, "示例甲市"), (3, "示例戊市"), (4, "示例丙市"), (5, "示例癸市"), (6, "示例丑市"),
    (7, "示例乙市"), (7, "示例辛市"), (9, "示例庚市"), (10, "示例丁市"), (11, "示例己市"),
    (12, "示例子市"), (13, "示例壬市"), (14, "示例寅市"),
]  # fmt: skip


def figures(name: str) -> dict[str, Decimal]:
    revenue, employees, growth, rd = FIGURES[name]
    return {
        "software_revenue": D(revenue),
        "software_employees": D(employees),
        "software_revenue_growth": D(growth),
        "rd_share": D(rd),
    }


def _bi(zh: str, en: str) -> dict[str, str]:
    return {"zh": zh, "en": en}


def _leaf(code: str, title: str, points: int, objective: dict[str, Any]) -> dict[str, Any]:
    return {
        "code": code,
        "title": _bi(title, title),
        "points": points,
        "step": 0.01,
        "guidance": _bi("按数据计分", "Scored from the data"),
        "evidence": ["document_review"],
        "objective": objective,
    }


def standard_doc() -> dict[str, Any]:
    return {
        "format": "reviewer.standard/1",
        "id": "TEST-COHORT-CITY",
        "version": "2026.1",
        "sample": True,
        "kind": "annual",
        "candidate_type": "city",
        "title": _bi("【样例】测试用年度数据评估", "[SAMPLE] Test annual data evaluation"),
        "eligibility": [{"code": "E1", "text": _bi("已授予称号", "Holds the title")}],
        "aggregation": {"method": "mean", "decimal_places": 2},
        "divergence": {"percent_from_mean": 30},
        "quorum": {"min_experts": 3},
        "comments": {"required_at_or_above_share": 1, "required_at_or_below_share": 0.3},
        "conclusion": {
            "on_veto": "1",
            "rules": [{"result": "3", "min_total": 50}, {"result": "2", "min_total": 40}, {"result": "1"}],
        },
        "numeric_gates": [
            {
                "code": "NG1",
                "title": _bi("收入不低于100亿元", "Revenue at least 100"),
                "figure": "software_revenue",
                "min": 100,
                "effect": "cap",
                "cap": "1",
            },
            {
                "code": "NG2",
                "title": _bi("增速不低于全国", "Growth at least national"),
                "figure": "software_revenue_growth",
                "relative_to": "national:software_revenue_growth",
                "min": 0,
                "effect": "cap",
                "cap": "2",
            },
        ],
        "criteria": [
            {
                "code": "1",
                "title": _bi("产业规模", "Scale"),
                "points": 30,
                "children": [
                    _leaf(
                        "1.1",
                        "软件业务收入",
                        20,
                        {
                            "figure": "software_revenue",
                            "bands": [
                                {"min": 2000, "points": 20},
                                {"min": 1000, "points": 15},
                                {"min": 500, "points": 10},
                                {"min": 100, "points": 5},
                                {"points": 0},
                            ],
                        },
                    ),
                    _leaf(
                        "1.2",
                        "软件从业人员",
                        10,
                        {"figure": "software_employees", "linear": {"zero_at": 0, "full_at": 40}},
                    ),
                ],
            },
            {
                "code": "2",
                "title": _bi("发展质量", "Quality"),
                "points": 30,
                "children": [
                    _leaf(
                        "2.1",
                        "增速高于全国",
                        15,
                        {
                            "figure": "software_revenue_growth",
                            "relative_to": "national:software_revenue_growth",
                            "linear": {"zero_at": -5, "full_at": 10},
                        },
                    ),
                    _leaf(
                        "2.2",
                        "研发投入比重",
                        15,
                        {
                            "figure": "rd_share",
                            "bands": [
                                {"min": 10, "points": 15},
                                {"min": 7, "points": 10},
                                {"min": 4, "points": 5},
                                {"points": 0},
                            ],
                        },
                    ),
                ],
            },
        ],
    }


def seed_year(reg: Registry) -> None:
    """The 15 cities as title holders, 14 data returns of 2026, the national growth, 13 panel totals."""
    for name in CITIES:
        info = CandidateInfo(name, "city", "示例省", name)
        reg.register(info, year=2020, status="awarded", at=datetime(2020, 6, 1, tzinfo=UTC))
    for name in FIGURES:
        values = {
            **figures(name),
            "software_enterprises": D(800),
            "listed_enterprises": D(12),
            "enterprises_in_parks_share": D("55.0"),
        }
        digest = hashlib.sha256(name.encode()).hexdigest()
        data_returns.record_return(reg, name, type_="city", year=2026, values=values, source_sha256=digest)
    data_returns.record_national(reg, 2026, {"software_revenue_growth": D("10.0")}, source="示例")
    for name, total in PANEL.items():  # the shipped SAMPLE-CITY-ANNUAL panel standard: 100 points
        reg.record(result(CandidateInfo(name, "city", "示例省", name), "annual", 2026, "2", total=total))

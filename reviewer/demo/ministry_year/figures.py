"""The demo year's figures: every candidate's statistics for :data:`DATA_YEARS`, and the national ones.

Deterministic: a figure is a function of the candidate's ``strength`` and of a SHA-256 of its key,
the figure's code and the year (never Python's ``hash`` or a random generator's state), so every
build of the demo has the same figures to the last digit. Magnitudes are realistic: a city's software
revenue 80–12,000 亿元, growth −3…25 %, R&D 5–15 % of revenue; a park's revenue is a share of its
city's. Growth is computed from consecutive revenues, so the two agree exactly as a data return's
checker expects. Values are exact Decimals with the catalogue's decimal places.

Two candidates are made weak on purpose: 示例市·明湖's revenue falls below 100 亿元 in 2025 (its
stars are capped at ★: warned), 示例市·枫林 stays below it two years running (★ again: it exits).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal
from functools import cache

from reviewer.demo.ministry_year.roster import CANDIDATES, DATA_YEARS, DemoCandidate, by_key

# Places of each figure (the catalogue's decimal places, docs/figures)
PLACES = {
    "software_revenue": 2,
    "software_revenue_growth": 1,
    "rd_share": 1,
    "software_enterprises": 0,
    "listed_enterprises": 0,
    "software_employees": 2,
    "enterprises_in_parks_share": 1,
    "park_revenue_share": 1,
}
CITY_FIGURES = tuple(k for k in PLACES if k != "park_revenue_share")
PARK_FIGURES = tuple(k for k in PLACES if k != "enterprises_in_parks_share")

# National figures (fictional, of the demo's world): revenue in 亿元 and its growth in %.
NATIONAL_REVENUE = {2023: Decimal("123000.00")}
NATIONAL_GROWTH = {2024: Decimal("10.0"), 2025: Decimal("11.6")}
# A city's revenue of the year before DATA_YEARS, by strength (亿元).
BASE_REVENUE = {10: 7000, 9: 5200, 8: 3900, 7: 2400, 6: 1450, 5: 820, 4: 410, 3: 104, 2: 130, 1: 88}
# Fixed paths of the two weak cities (growth %, by year): 明湖 falls below 100, 枫林 stays below.
FIXED_GROWTH = {
    ("minghu", 2024): Decimal("-1.5"),
    ("minghu", 2025): Decimal("-2.6"),
    ("fenglin", 2024): Decimal("1.8"),
    ("fenglin", 2025): Decimal("2.4"),
}


def _q(value: Decimal, places: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _u(key: str, what: str, year: int = 0) -> Decimal:
    """A deterministic number in [0, 1) for (key, what, year)."""
    digest = hashlib.sha256(f"{key}/{what}/{year}".encode()).digest()
    return Decimal(int.from_bytes(digest[:4], "big")) / Decimal(2**32)


def national_figures(year: int) -> dict[str, Decimal]:
    """``national:<code>`` figures of ``year`` (software revenue and its growth)."""
    revenue = NATIONAL_REVENUE[min(NATIONAL_REVENUE)]
    for y in range(min(NATIONAL_REVENUE) + 1, year + 1):
        revenue = _q(revenue * (1 + NATIONAL_GROWTH[y] / 100), 2)
    return {
        "national:software_revenue": revenue,
        "national:software_revenue_growth": NATIONAL_GROWTH[year],
    }


def _growth(c: DemoCandidate, year: int) -> Decimal:
    if (c.key, year) in FIXED_GROWTH:
        return FIXED_GROWTH[(c.key, year)]
    raw = NATIONAL_GROWTH[year] + Decimal(c.strength - 5) + (_u(c.key, "g", year) - Decimal("0.5")) * 4
    return min(max(_q(raw, 1), Decimal("-3.0")), Decimal("25.0"))


@cache
def _city_revenues(key: str) -> dict[int, Decimal]:
    c = by_key(key)
    first = DATA_YEARS[0] - 1
    revenue = {first: _q(Decimal(BASE_REVENUE[c.strength]) * (1 + _u(key, "base") * Decimal("0.15")), 2)}
    if c.key in ("minghu", "fenglin"):
        revenue[first] = Decimal(BASE_REVENUE[c.strength])
    for year in DATA_YEARS:
        revenue[year] = _q(revenue[year - 1] * (1 + _growth(c, year) / 100), 2)
    return revenue


def _growth_of(revenue: Mapping[int, Decimal], year: int) -> Decimal:
    return _q((revenue[year] / revenue[year - 1] - 1) * 100, 1)


def _clamp(value: Decimal, low: int, high: int, places: int) -> Decimal:
    return _q(min(max(value, Decimal(low)), Decimal(high)), places)


@cache
def _park_revenues(key: str) -> dict[int, Decimal]:
    """A park's revenue: a share of its city's the year before DATA_YEARS, then its own growth."""
    c = by_key(key)
    city = _city_revenues(next(p for p in CANDIDATES if p.name == c.info.city).key)
    first = DATA_YEARS[0] - 1
    share = Decimal(6) + Decimal("2.5") * c.strength + _u(key, "share") * 4
    revenue = {first: _q(city[first] * share / 100, 2)}
    for year in DATA_YEARS:
        growth = _growth_of(city, year) + (_u(key, "g", year) - Decimal("0.4")) * 5
        revenue[year] = _q(revenue[year - 1] * (1 + min(max(growth, Decimal(-3)), Decimal(25)) / 100), 2)
    return revenue


def figures(c: DemoCandidate, year: int) -> dict[str, Decimal]:
    """The candidate's figures of ``year`` (one of :data:`DATA_YEARS`), keyed by figure code."""
    if c.info.type == "city":
        revenue = _city_revenues(c.key)
        rev = revenue[year]
        growth = _growth_of(revenue, year)
        extra = {
            "enterprises_in_parks_share": _q(Decimal(30 + 5 * c.strength) + _u(c.key, "inparks", year) * 8, 1)
        }
        scale = Decimal(1)
    else:
        city = _city_revenues(next(p for p in CANDIDATES if p.name == c.info.city).key)
        revenue = _park_revenues(c.key)
        rev = revenue[year]
        growth = _growth_of(revenue, year)
        share = _q(rev / city[year] * 100, 1)
        extra = {"park_revenue_share": share}
        scale = share / 100
    return {
        "software_revenue": rev,
        "software_revenue_growth": growth,
        "rd_share": _q(Decimal(5) + Decimal(c.strength) * Decimal("0.8") + _u(c.key, "rd", year) * 2, 1),
        "software_enterprises": _clamp(
            (rev * Decimal("0.7") + 150) * (scale if scale < 1 else 1), 20, 8000, 0
        ),
        "listed_enterprises": _clamp(rev / 90 + 1, 1, 120, 0),
        "software_employees": _clamp(rev / 140 + Decimal("0.8") * scale, 1, 80, 2),
        **extra,
    }


def all_figures(year: int) -> dict[str, dict[str, Decimal]]:
    """Every candidate with figures (title holders, publicity, creating) → its figures of ``year``."""
    return {c.name: figures(c, year) for c in CANDIDATES if c.stage not in ("applicant", "not_admitted")}

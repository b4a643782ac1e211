"""A seeded multi-year registry history, shared by the registry and report tests."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from reviewer.ministry.registry import Registry
from reviewer.ministry.types import CandidateInfo, Deviation, ReviewResult

NANJING = CandidateInfo("南京市", "city", "江苏省", "南京市")
CHENGDU = CandidateInfo("成都市", "city", "四川省", "成都市")
HANGZHOU = CandidateInfo("杭州市", "city", "浙江省", "杭州市")
JIANGBEI = CandidateInfo("江北软件园", "park", "江苏省", "南京市")
SAMPLE_PARK = CandidateInfo("示例软件园", "park", "江苏省", "南京市")
FRAUD_PARK = CandidateInfo("造假软件园", "park", "广东省", "广州市")
RECT_PARK = CandidateInfo("整改软件园", "park", "湖北省", "武汉市")

_counter = iter(range(1, 10_000))


def at(year: int, month: int = 6, day: int = 1) -> datetime:
    return datetime(year, month, day, 9, 0, tzinfo=UTC)


def result(
    info: CandidateInfo,
    kind: str,
    year: int,
    outcome: str | None,
    *,
    vetoed: bool = False,
    package_id: str | None = None,
    version: int = 1,
    digest: str | None = None,
    deviations: tuple[Deviation, ...] = (),
    total: str = "82.5",
) -> ReviewResult:
    n = next(_counter)
    return ReviewResult(
        candidate=info,
        package_id=package_id or f"pkg-{n:04d}",
        kind=kind,
        year=year,
        standard_id=f"sample-{info.type}-{kind}",
        standard_version="1.0",
        result=outcome,
        vetoed=vetoed,
        total=Decimal(total),
        bundle_sha256=digest or f"{n:064x}",
        bundle_version=version,
        chair="张组长",
        experts=("张组长", "李专家", "王专家", "赵专家", "钱专家"),
        at=at(year, 6 if kind == "annual" else 3),
        deviations=deviations,
    )


def seed(reg: Registry) -> None:
    """2019-2025: two famous cities lose the title, one is only warned, parks are created and vetoed."""
    reg.register(NANJING, year=2019, status="awarded", at=at(2019, 1))
    reg.register(CHENGDU, year=2019, status="awarded", at=at(2019, 1))
    reg.register(HANGZHOU, year=2019, status="awarded", at=at(2019, 1))
    reg.register(JIANGBEI, year=2020, status="awarded", at=at(2020, 1))
    reg.register(SAMPLE_PARK, year=2021, at=at(2021, 1))
    # 南京市: ★★★, ★ (warned), ★★ (restored), ★ (warned), ★ (exit: two consecutive years)
    for year, stars in ((2021, "3"), (2022, "1"), (2023, "2"), (2024, "1"), (2025, "1")):
        reg.record(result(NANJING, "annual", year, stars))
    # 成都市: ★ then ★ → exit in 2022
    reg.record(result(CHENGDU, "annual", 2021, "1"))
    reg.record(result(CHENGDU, "annual", 2022, "1"))
    # 杭州市: ★ in 2021 and 2023 with no rating in 2022: not consecutive, warned twice, never exited
    reg.record(result(HANGZHOU, "annual", 2021, "1"))
    reg.record(result(HANGZHOU, "annual", 2023, "1"))
    # 示例软件园: creation pass in 2022, publicity, title; then ★★ and ★★★
    reg.record(result(SAMPLE_PARK, "creation", 2022, "pass"))
    reg.decide_publicity(SAMPLE_PARK.name, year=2022, confirmed=True, at=at(2022, 4))
    reg.record(result(SAMPLE_PARK, "annual", 2023, "2"))
    reg.record(result(SAMPLE_PARK, "annual", 2024, "3"))
    reg.record(result(JIANGBEI, "annual", 2023, "2"))
    # 造假软件园: creation review with the veto (fraud) → disqualified
    reg.record(result(FRAUD_PARK, "creation", 2023, None, vetoed=True))
    # 整改软件园: pass after rectification → still creating, with a rectification notice
    reg.record(result(RECT_PARK, "creation", 2024, "pass_after_rectification"))

"""The registry on a seeded 2019-2025 history, on SQLite and PostgreSQL: statuses, notices, stars, flags."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from reviewer.errors import Refused
from reviewer.ministry.database import current_revision, head_revision
from reviewer.ministry.registry import DUPLICATE, IMPORTED, SUPERSEDED, Registry
from reviewer.ministry.types import Deviation

from .seed import CHENGDU, FRAUD_PARK, HANGZHOU, JIANGBEI, NANJING, RECT_PARK, SAMPLE_PARK, result, seed


@pytest.fixture
def registry(db_url: str):
    with Registry.open(db_url) as reg:
        yield reg


@pytest.fixture
def seeded(registry: Registry) -> Registry:
    seed(registry)
    return registry


def statuses(reg: Registry) -> dict[str, str]:
    return {c.info.name: c.status for c in reg.candidates()}


def test_schema_at_head(registry: Registry) -> None:
    assert current_revision(registry.engine) == head_revision() == "0006"


def test_statuses_after_the_seeded_history(seeded: Registry) -> None:
    assert statuses(seeded) == {
        "南京市": "exited",
        "成都市": "exited",
        "杭州市": "warned",
        "江北软件园": "awarded",
        "示例软件园": "awarded",
        "造假软件园": "disqualified",
        "整改软件园": "creating",
    }


def test_nanjing_history_warned_restored_warned_exited(seeded: Registry) -> None:
    history = seeded.history(NANJING.name)
    assert [(h.year, h.status, h.reason_code) for h in history.timeline] == [
        (2019, "awarded", "registered"),
        (2021, "awarded", "annual:stars"),
        (2022, "warned", "annual:warning"),
        (2023, "awarded", "annual:restored"),
        (2024, "warned", "annual:warning"),
        (2025, "exited", "annual:exit"),
    ]
    assert [(n.year, n.kind) for n in history.notices] == [
        (2022, "rectification"),
        (2024, "rectification"),
        (2025, "exit"),
    ]
    assert history.stars == ((2021, 3), (2022, 1), (2023, 2), (2024, 1), (2025, 1))
    assert len(history.reviews) == 5 and all(r.current for r in history.reviews)


def test_warnings_and_exits_by_year(seeded: Registry) -> None:
    def by_year(year: int) -> list[tuple[str, str]]:
        return [(e.candidate, e.notice.kind) for e in seeded.notices(year=year)]

    assert by_year(2021) == [("成都市", "rectification"), ("杭州市", "rectification")]
    assert by_year(2022) == [("南京市", "rectification"), ("成都市", "exit")]
    assert by_year(2023) == [("造假软件园", "disqualification"), ("杭州市", "rectification")]
    assert by_year(2024) == [("整改软件园", "rectification"), ("南京市", "rectification")]
    assert by_year(2025) == [("南京市", "exit")]
    exits = [(e.notice.year, e.candidate) for e in seeded.notices(kind="exit")]
    assert exits == [(2022, "成都市"), (2025, "南京市")]


def test_gap_year_breaks_the_consecutive_rule(seeded: Registry) -> None:
    history = seeded.history(HANGZHOU.name)
    assert [h.status for h in history.timeline] == ["awarded", "warned", "warned"]
    assert history.stars == ((2021, 1), (2023, 1))


def test_star_list(seeded: Registry) -> None:
    rows = [(e.candidate.info.name, e.stars) for e in seeded.star_list(2023)]
    assert rows == [("南京市", 2), ("江北软件园", 2), ("示例软件园", 2), ("杭州市", 1)]
    assert [(e.candidate.info.name, e.stars) for e in seeded.star_list(2024)] == [
        ("示例软件园", 3),
        ("南京市", 1),
    ]


def test_publicity_list_and_award(seeded: Registry) -> None:
    entries = seeded.publicity(year=2022)
    assert [(e.candidate.info.name, e.outcome, e.total) for e in entries] == [
        ("示例软件园", "confirmed", Decimal("82.5"))
    ]
    # scheduled from the review's date: 7 calendar days, the first and the last included
    assert (entries[0].starts, entries[0].ends) == (date(2022, 3, 1), date(2022, 3, 7))
    assert (entries[0].length, entries[0].unit, entries[0].opened) == (7, "calendar_days", False)
    history = seeded.history(SAMPLE_PARK.name)
    assert [(h.status, h.reason_code) for h in history.timeline][:3] == [
        ("creating", "registered"),
        ("publicity", "creation:pass"),
        ("awarded", "publicity:confirmed"),
    ]


def test_objection_during_publicity_keeps_creating(registry: Registry) -> None:
    registry.record(result(SAMPLE_PARK, "creation", 2022, "pass"))
    assert registry.candidate(SAMPLE_PARK.name).status == "publicity"
    assert [e.outcome for e in registry.publicity()] == ["pending"]
    assert (
        registry.decide_publicity(SAMPLE_PARK.name, year=2022, confirmed=False, reason="举报属实")
        == "creating"
    )
    assert [e.outcome for e in registry.publicity()] == ["objected"]
    with pytest.raises(Refused, match="no result under publicity"):
        registry.decide_publicity(SAMPLE_PARK.name, year=2022, confirmed=True)


def test_veto_exits_a_title_holder(registry: Registry) -> None:
    registry.register(CHENGDU, year=2019, status="awarded")
    registry.record(result(CHENGDU, "annual", 2021, "3", vetoed=True))
    history = registry.history(CHENGDU.name)
    assert history.candidate.status == "exited"
    assert [(n.kind, n.year) for n in history.notices] == [("exit", 2021)]


def test_terminal_and_wrong_kind_are_refused(seeded: Registry) -> None:
    with pytest.raises(Refused, match="exited"):
        seeded.record(result(CHENGDU, "annual", 2023, "3"))
    with pytest.raises(Refused, match="creating"):
        seeded.record(result(RECT_PARK, "annual", 2025, "3"))
    with pytest.raises(Refused, match="disqualified"):
        seeded.record(result(FRAUD_PARK, "creation", 2025, "pass"))
    with pytest.raises(Refused, match="already has an annual result for 2023"):
        seeded.record(result(JIANGBEI, "annual", 2023, "3"))
    assert statuses(seeded)["成都市"] == "exited"


def test_duplicate_replay_and_newer_version(registry: Registry) -> None:
    registry.register(HANGZHOU, year=2019, status="awarded")
    first = result(HANGZHOU, "annual", 2023, "1", package_id="pkg-hz-2023", digest="a" * 64)
    assert registry.record(first).outcome == IMPORTED
    assert registry.record(first).outcome == DUPLICATE
    assert registry.candidate(HANGZHOU.name).status == "warned"
    replay = result(HANGZHOU, "annual", 2023, "3", package_id="pkg-hz-2023", digest="b" * 64)
    with pytest.raises(Refused, match="not newer"):
        registry.record(replay)
    newer = result(HANGZHOU, "annual", 2023, "2", package_id="pkg-hz-2023", version=2, digest="c" * 64)
    outcome = registry.record(newer)
    assert (outcome.outcome, outcome.status) == (SUPERSEDED, "awarded")
    history = registry.history(HANGZHOU.name)
    assert history.notices == ()  # the warning of version 1 is gone with it
    assert history.stars == ((2023, 2),)
    assert [(r.bundle_version, r.current) for r in history.reviews] == [(1, False), (2, True)]
    older = result(HANGZHOU, "annual", 2023, "1", package_id="pkg-hz-2023", version=1, digest="d" * 64)
    with pytest.raises(Refused, match="not newer"):
        registry.record(older)


def test_priority_flags(registry: Registry) -> None:
    registry.register(NANJING, year=2019, status="awarded")
    registry.register(JIANGBEI, year=2020, status="awarded")
    registry.register(SAMPLE_PARK, year=2021)
    flags = {c.info.name: c.flags for c in registry.candidates()}
    assert flags == {
        "南京市": (),
        "江北软件园": ("park_in_famous_city",),
        "示例软件园": ("park_in_famous_city",),
    }
    registry.record(result(SAMPLE_PARK, "creation", 2022, "pass"))
    registry.decide_publicity(SAMPLE_PARK.name, year=2022, confirmed=True)
    assert registry.candidate(NANJING.name).flags == ("city_with_famous_parks",)
    registry.record(result(NANJING, "annual", 2023, "1", vetoed=True))
    assert registry.candidate(JIANGBEI.name).flags == ()


def test_calibration(registry: Registry) -> None:
    def devs(*pairs: tuple[str, str, str]) -> tuple[Deviation, ...]:
        return tuple(Deviation(e, e.upper(), code, Decimal(s), Decimal(a)) for e, code, s, a in pairs)

    registry.record(
        result(
            SAMPLE_PARK,
            "creation",
            2022,
            "pass",
            deviations=devs(
                ("li", "A1", "8", "7"),
                ("li", "A2", "6", "5.5"),
                ("wang", "A1", "6", "7"),
                ("wang", "A2", "5", "5.5"),
            ),
        )
    )
    registry.record(
        result(
            RECT_PARK,
            "creation",
            2022,
            "fail",
            deviations=devs(("li", "A1", "4", "4.5"), ("wang", "A1", "4", "4.5")),
        )
    )
    got = {
        c.expert_id: (c.reviews, c.scores, c.mean_deviation, c.mean_abs_deviation)
        for c in registry.calibration()
    }
    assert got == {
        "li": (2, 3, Decimal("0.33"), Decimal("0.67")),
        "wang": (2, 3, Decimal("-0.67"), Decimal("0.67")),
    }
    assert [c.expert_id for c in registry.calibration()] == ["li", "wang"]

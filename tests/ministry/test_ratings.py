"""The Rating event: the ministry's published stars folded like an annual result (SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest

from reviewer.errors import UsageError
from reviewer.ministry.refusals import NotTitleHolder
from reviewer.ministry.registry import Registry

from .seed import HANGZHOU, JIANGBEI, RECT_PARK, SAMPLE_PARK, at, result, seed


@pytest.fixture
def seeded(db_url: str):
    with Registry.open(db_url) as reg:
        seed(reg)
        yield reg


def test_ratings_warn_restore_and_exit(seeded: Registry) -> None:
    out = seeded.record_ratings(
        {JIANGBEI.name: 1, SAMPLE_PARK.name: 3}, year=2025, source="2025年度评估", at=at(2025, 7)
    )
    assert out == {JIANGBEI.name: "warned", SAMPLE_PARK.name: "awarded"}
    history = seeded.history(JIANGBEI.name)
    assert history.stars == ((2023, 2), (2025, 1))
    last = history.timeline[-1]
    assert (last.year, last.status, last.reason_code, last.package_id) == (
        2025,
        "warned",
        "annual:warning",
        None,
    )
    assert "2025年度评估" in last.reason_zh
    assert [(n.year, n.kind) for n in history.notices] == [(2025, "rectification")]
    # 杭州市 (warned since 2023): ★★ restores it; then two ★ years in a row → exit
    assert (
        seeded.record_ratings({HANGZHOU.name: 2}, year=2024, source="2024年度评估")[HANGZHOU.name]
        == "awarded"
    )
    seeded.record_ratings({HANGZHOU.name: 1}, year=2025, source="2025年度评估")
    assert seeded.record_ratings({HANGZHOU.name: 1}, year=2026, source="2026年度评估") == {
        HANGZHOU.name: "exited"
    }
    assert [n.kind for n in seeded.history(HANGZHOU.name).notices][-1] == "exit"


def test_a_rating_supersedes_the_panels_stars_of_its_year(seeded: Registry) -> None:
    assert dict(seeded.history(SAMPLE_PARK.name).stars)[2024] == 3
    seeded.record_ratings({SAMPLE_PARK.name: 1}, year=2024, source="2024年度评估")
    assert dict(seeded.history(SAMPLE_PARK.name).stars)[2024] == 1
    assert seeded.candidate(SAMPLE_PARK.name).status == "warned"
    # a newer rating of the same year supersedes the earlier one
    seeded.record_ratings({SAMPLE_PARK.name: 2}, year=2024, source="2024年度评估（更正）")
    assert dict(seeded.history(SAMPLE_PARK.name).stars)[2024] == 2
    assert seeded.candidate(SAMPLE_PARK.name).status == "awarded"
    # a panel's annual result of a rated year is kept but does not count
    seeded.record(result(JIANGBEI, "annual", 2025, "3"))
    seeded.record_ratings({JIANGBEI.name: 1}, year=2025, source="2025年度评估")
    assert dict(seeded.history(JIANGBEI.name).stars)[2025] == 1


def test_refusals_record_nothing(seeded: Registry) -> None:
    with pytest.raises(NotTitleHolder) as caught:
        seeded.record_ratings({SAMPLE_PARK.name: 3, RECT_PARK.name: 2}, year=2025, source="2025年度评估")
    assert caught.value.name == RECT_PARK.name and caught.value.status == "creating"
    assert "不持有称号" in caught.value.message.zh
    assert 2025 not in dict(seeded.history(SAMPLE_PARK.name).stars)  # one transaction: nothing recorded
    with pytest.raises(UsageError):
        seeded.record_ratings({SAMPLE_PARK.name: 4}, year=2025, source="x")
    with pytest.raises(UsageError):
        seeded.record_ratings({"无名市": 2}, year=2025, source="x")
    with pytest.raises(UsageError):
        seeded.record_ratings({SAMPLE_PARK.name: 2}, year=2025, source=" ")

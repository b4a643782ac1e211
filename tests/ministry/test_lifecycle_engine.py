"""The pure rules engine on the lifecycle's events: each transition, and what it ignores (no database)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from reviewer.ministry.engine import admissible, replay
from reviewer.ministry.rules import load_rules
from reviewer.ministry.types import (
    Application,
    Decision,
    PaperCheck,
    PublicityOpened,
    Rating,
    ReceivedDocument,
    Registration,
    ReviewEvent,
    ThirdPartyReport,
)

RULES = load_rules()
DOCS = (ReceivedDocument("申请表.pdf", "a" * 64),)


def at(month: int, day: int = 1) -> datetime:
    return datetime(2026, month, day, 2, 0, tzinfo=UTC)


def applying(kind: str = "park") -> list:
    return [
        Registration(2026, at(1), "applicant"),
        Application(2026, at(1), DOCS),
        PaperCheck(2026, at(2), kind, True, (("two_years", True),)),
    ]


def codes(events: list) -> list[tuple[str, str]]:
    return [(h.status, h.reason_code) for h in replay(RULES, events).history]


def test_admissible_reviews_by_status() -> None:
    assert admissible("applicant", "application") and not admissible("applicant", "creation")
    assert not admissible("publicity", "creation") and not admissible("publicity", "annual")
    assert not admissible("not_admitted", "application")  # it applies again first
    assert admissible("creating", "creation") and admissible("warned", "annual")


def test_a_city_and_a_park_through_their_applications() -> None:
    city = applying("city")
    assert codes(city) == [("applicant", "application:filed"), ("creating", "paper_check:pass")]
    park = [*applying(), ThirdPartyReport(2026, at(3), "评估中心", "r.pdf", "b" * 64)]
    park.append(ReviewEvent(2026, at(4), "pkg-a", "application", "pass", False))
    assert codes(park)[-2:] == [("applicant", "third_party_report"), ("creating", "application:pass")]
    failed = [*applying(), ReviewEvent(2026, at(4), "pkg-a", "application", "fail", False)]
    assert replay(RULES, failed).status == "not_admitted"
    # a second application starts over: its paper check is owed again, a panel before it is ignored
    again = [
        *failed,
        Application(2027, at(5), DOCS),
        ReviewEvent(2027, at(6), "pkg-b", "application", "pass", False),
    ]
    timeline = replay(RULES, again)
    assert (timeline.status, timeline.ignored) == ("applicant", ("pkg-b",))


def test_a_failed_paper_check_and_a_panel_without_one() -> None:
    events = [Registration(2026, at(1), "applicant"), Application(2026, at(1), DOCS)]
    panel_first = [*events, ReviewEvent(2026, at(2), "pkg-a", "application", "pass", False)]
    assert replay(RULES, panel_first).ignored == ("pkg-a",)
    failed = [*events, PaperCheck(2026, at(2), "park", False, (("two_years", False),), "不满2年")]
    assert codes(failed)[-1] == ("not_admitted", "paper_check:fail")


def test_publicity_scheduled_opened_and_decided() -> None:
    events = [
        Registration(2026, at(1), "creating"),
        ReviewEvent(2026, at(9, 1), "pkg-c", "creation", "pass", False),
    ]
    (scheduled,) = replay(RULES, events).publicity
    assert (scheduled.starts, scheduled.ends, scheduled.opened) == (date(2026, 9, 1), date(2026, 9, 7), False)
    opened = PublicityOpened(2026, at(9, 2), "pkg-c", date(2026, 9, 24), date(2026, 10, 8), 5, "working_days")
    stray = PublicityOpened(2026, at(9, 3), "pkg-other", date(2026, 9, 24), date(2026, 9, 30), None, "")
    timeline = replay(RULES, [*events, opened, stray])
    assert timeline.status == "publicity" and timeline.ignored == ("publicity_opened:pkg-other",)
    (entry,) = timeline.publicity
    assert (entry.starts, entry.ends, entry.length, entry.unit, entry.opened) == (
        date(2026, 9, 24),
        date(2026, 10, 8),
        5,
        "working_days",
        True,
    )
    assert timeline.history[-1].reason_zh == "公示：2026-09-24 至 2026-10-08，共5个工作日"
    awarded = replay(RULES, [*events, opened, Decision(2026, at(10, 9), "publicity_confirmed")])
    assert awarded.status == "awarded" and awarded.publicity[0].outcome == "confirmed"
    objected = replay(RULES, [*events, opened, Decision(2026, at(10, 9), "publicity_objected", "举报")])
    assert objected.status == "creating" and objected.publicity[0].outcome == "objected"


def test_a_rating_needs_a_title_holder() -> None:
    events = [Registration(2026, at(1), "creating"), Rating(2026, at(6), 3, "2026年度评估")]
    timeline = replay(RULES, events)
    assert (timeline.status, timeline.stars, timeline.ignored) == ("creating", (), ("rating:2026",))

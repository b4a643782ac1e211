"""The lifecycle on SQLite and PostgreSQL: application, paper check, application review, 公示 dates, refusals."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import text

from reviewer.errors import Refused, UsageError
from reviewer.ministry import database
from reviewer.ministry.refusals import (
    PublicityNotEnded,
    PublicityRefused,
    ThirdPartyReportMissing,
    WrongStage,
)
from reviewer.ministry.registry import Registry
from reviewer.ministry.types import CandidateInfo, ReceivedDocument, ReviewResult

from .seed import result

PARK = CandidateInfo("示例申请园", "park", "浙江省", "宁波市")
CITY = CandidateInfo("示例申请市", "city", "浙江省", "示例申请市")
DOCS = tuple(
    ReceivedDocument(n, f"{i:064x}")
    for i, n in enumerate(("申请表.pdf", "创建工作方案.pdf", "申请函.pdf"), 1)
)
PARK_OK = dict.fromkeys(
    (
        "two_years",
        "management_body",
        "clear_boundary",
        "authorities_confirmed",
        "application_form",
        "creation_plan",
        "cover_letter",
    ),
    True,
)
CITY_OK = dict.fromkeys(
    ("prefecture_level", "provincial_consent", "application_form", "creation_plan", "cover_letter"), True
)


def panel(info: CandidateInfo, kind: str, outcome: str, month: int, year: int = 2026) -> ReviewResult:
    """A panel's result, reviewed on the 1st of ``month`` (after the application)."""
    return replace(result(info, kind, year, outcome), at=datetime(year, month, 1, 2, 0, tzinfo=UTC))


def at(month: int, day: int, hour: int = 2) -> datetime:
    return datetime(2026, month, day, hour, 0, tzinfo=UTC)


@pytest.fixture
def registry(db_url: str):
    with Registry.open(db_url) as reg:
        yield reg


def reasons(reg: Registry, name: str) -> list[tuple[str, str]]:
    return [(h.status, h.reason_code) for h in reg.history(name).timeline]


def test_a_city_passing_the_paper_check_is_creating(registry: Registry) -> None:
    assert registry.apply(CITY, year=2026, documents=DOCS, at=at(3, 2)) == "applicant"
    assert registry.paper_check(CITY.name, CITY_OK, passed=True, at=at(3, 9)) == "creating"
    assert reasons(registry, CITY.name) == [
        ("applicant", "application:filed"),
        ("creating", "paper_check:pass"),
    ]
    with pytest.raises(WrongStage):  # no second check once admitted
        registry.paper_check(CITY.name, CITY_OK, passed=True)


def test_a_park_waits_for_its_panel_and_a_failed_review_is_not_admitted(registry: Registry) -> None:
    registry.apply(PARK, year=2026, documents=DOCS, at=at(3, 2))
    with pytest.raises(WrongStage):  # the panel's result before the paper check
        registry.record(panel(PARK, "application", "pass", 4))
    assert registry.paper_check(PARK.name, PARK_OK, passed=True, at=at(3, 9)) == "applicant"
    with pytest.raises(WrongStage, match="dated before its paper check"):  # a panel closed before it
        registry.record(panel(PARK, "application", "pass", 3))
    registry.attach_third_party_report(
        PARK.name, institution="示例评估中心", file_name="评估报告.pdf", sha256="ab" * 32, at=at(3, 20)
    )
    review = panel(PARK, "application", "fail", 4)
    assert registry.record(review).status == "not_admitted"
    history = registry.history(PARK.name)
    assert [(h.status, h.reason_code) for h in history.timeline] == [
        ("applicant", "application:filed"),
        ("applicant", "paper_check:pass"),
        ("applicant", "third_party_report"),
        ("not_admitted", "application:fail"),
    ]
    assert history.timeline[2].reason_zh == "第三方机构评估报告：示例评估中心（评估报告.pdf）"
    # it may apply again, and is paper-checked again
    assert registry.apply(PARK, year=2027, documents=DOCS, at=at(11, 2)) == "applicant"
    with pytest.raises(WrongStage):
        registry.record(panel(PARK, "application", "pass", 12))


def test_paper_check_refusals(registry: Registry) -> None:
    registry.apply(PARK, year=2026, documents=DOCS, at=at(3, 2))
    with pytest.raises(UsageError, match="missing cover_letter"):
        registry.paper_check(
            PARK.name, {k: v for k, v in PARK_OK.items() if k != "cover_letter"}, passed=True
        )
    with pytest.raises(UsageError, match="unknown prefecture_level"):
        registry.paper_check(PARK.name, {**PARK_OK, "prefecture_level": True}, passed=True)
    with pytest.raises(UsageError, match="two_years"):
        registry.paper_check(PARK.name, {**PARK_OK, "two_years": False}, passed=True)
    with pytest.raises(UsageError, match="why"):
        registry.paper_check(PARK.name, PARK_OK, passed=False)
    assert registry.paper_check(
        PARK.name, {**PARK_OK, "two_years": False}, passed=False, note="成立不满2年"
    ) == ("not_admitted")
    assert registry.history(PARK.name).timeline[-1].reason_zh == "形式审查未通过：成立不满2年"
    with pytest.raises(WrongStage):
        registry.apply(CandidateInfo(PARK.name, "city", "浙江省", PARK.name), year=2026, documents=DOCS)
    with pytest.raises(UsageError):
        registry.apply(CITY, year=2026, documents=())
    with pytest.raises(UsageError, match="SHA-256"):
        registry.apply(CITY, year=2026, documents=(ReceivedDocument("申请表.pdf", "xyz"),))
    with pytest.raises(WrongStage):
        registry.attach_third_party_report(
            PARK.name, institution="示例评估中心", file_name="a.pdf", sha256="ab" * 32
        )


def test_publicity_opened_in_working_days_and_decided_after_its_end(registry: Registry) -> None:
    registry.apply(CITY, year=2026, documents=DOCS, at=at(3, 2))
    registry.paper_check(CITY.name, CITY_OK, passed=True, at=at(3, 9))
    registry.record(panel(CITY, "creation", "pass", 9))
    assert registry.candidate(CITY.name).status == "publicity"
    entry = registry.open_publicity(
        CITY.name, start=date(2026, 9, 24), length=5, unit="working_days", at=at(9, 23)
    )
    assert (entry.starts, entry.ends, entry.length, entry.unit, entry.opened) == (
        date(2026, 9, 24),
        date(2026, 10, 8),
        5,
        "working_days",
        True,
    )
    with pytest.raises(PublicityNotEnded) as caught:  # 8 October, Beijing time: the last day
        registry.decide_publicity(
            CITY.name, year=2026, confirmed=True, at=datetime(2026, 10, 8, 15, 59, tzinfo=UTC)
        )
    assert caught.value.ends == date(2026, 10, 8) and "2026-10-08" in str(caught.value)
    # an end date instead of a length
    assert registry.open_publicity(  # corrected before it starts (23 September)
        CITY.name, start=date(2026, 9, 24), end=date(2026, 10, 9), at=at(9, 23)
    ).ends == date(2026, 10, 9)
    with pytest.raises(UsageError):
        registry.open_publicity(CITY.name, start=date(2026, 9, 24), end=date(2026, 9, 20))
    (listed,) = registry.publicity(year=2026)
    assert (listed.starts, listed.ends, listed.length, listed.unit, listed.opened) == (
        date(2026, 9, 24),
        date(2026, 10, 9),
        None,
        "",
        True,
    )
    # 10 October 00:30 in Beijing is still 9 October in UTC: the day counted is Beijing's
    assert (
        registry.decide_publicity(
            CITY.name, year=2026, confirmed=True, at=datetime(2026, 10, 9, 16, 30, tzinfo=UTC)
        )
        == "awarded"
    )
    assert [code for _s, code in reasons(registry, CITY.name)][-3:] == [
        "publicity:opened",
        "publicity:opened",
        "publicity:confirmed",
    ]
    with pytest.raises(WrongStage):
        registry.open_publicity(CITY.name, start=date(2026, 10, 12), length=5)
    with pytest.raises(Refused):
        registry.decide_publicity(CITY.name, year=2026, confirmed=True)


def test_the_migration_moves_pending_publicity_to_the_publicity_status(db_url: str) -> None:
    """A registry at revision 0002 with a passed creation review under publicity (then: ``creating``)
    is rebuilt on open: ``publicity``, its period scheduled from the review (7 calendar days)."""
    with Registry.open(db_url) as reg:
        reg.record(panel(PARK, "creation", "pass", 6))
    engine = database.open_engine(db_url, migrate=False)
    database.downgrade(engine, "0002")
    with engine.begin() as conn:  # what the rules of revision 0002 had derived
        conn.execute(text("UPDATE candidates SET status = 'creating'"))
        conn.execute(text("UPDATE status_history SET status = 'creating'"))
    engine.dispose()
    with Registry.open(db_url) as reg:
        assert database.current_revision(reg.engine) == database.head_revision()
        assert reg.candidate(PARK.name).status == "publicity"
        (entry,) = reg.publicity()
        assert (entry.starts, entry.ends, entry.outcome, entry.opened) == (
            date(2026, 6, 1),
            date(2026, 6, 7),
            "pending",
            False,
        )
        assert reg.decide_publicity(PARK.name, year=2026, confirmed=True, at=at(6, 8)) == "awarded"


def passed_city(registry: Registry) -> None:
    registry.apply(CITY, year=2026, documents=DOCS, at=at(3, 2))
    registry.paper_check(CITY.name, CITY_OK, passed=True, at=at(3, 9))
    registry.record(panel(CITY, "creation", "pass", 9))  # passed on 1 September 2026


def test_a_publicity_cannot_start_before_the_pass(registry: Registry) -> None:
    """Review finding 4: a 公示 dated years before the creation pass was accepted and then decided."""
    passed_city(registry)
    with pytest.raises(PublicityRefused, match="2026-09-01") as caught:
        registry.open_publicity(CITY.name, start=date(2020, 1, 1), end=date(2020, 1, 1), at=at(9, 2))
    assert "2020-01-01" in str(caught.value)
    with pytest.raises(PublicityRefused):
        registry.open_publicity(CITY.name, start=date(2026, 8, 31), length=7, at=at(9, 2))
    with pytest.raises(Refused):  # nothing was opened: the default schedule is still pending
        registry.decide_publicity(CITY.name, year=2026, confirmed=True, at=at(9, 2))
    assert registry.candidate(CITY.name).status == "publicity"
    (entry,) = registry.publicity(year=2026)
    assert not entry.opened
    # from the day of the pass is fine
    assert registry.open_publicity(CITY.name, start=date(2026, 9, 1), length=7, at=at(9, 2)).ends == date(
        2026, 9, 7
    )


def test_a_started_publicity_cannot_be_rewritten(registry: Registry) -> None:
    """Review finding 4: opening again replaced a running 公示 (a shorter one, decided at once)."""
    passed_city(registry)
    registry.open_publicity(CITY.name, start=date(2026, 9, 24), length=5, unit="working_days", at=at(9, 23))
    with pytest.raises(PublicityRefused, match="2026-09-24"):  # it started this morning (Beijing)
        registry.open_publicity(CITY.name, start=date(2026, 9, 2), end=date(2026, 9, 10), at=at(9, 24))
    (entry,) = registry.publicity(year=2026)
    assert (entry.starts, entry.ends) == (date(2026, 9, 24), date(2026, 10, 8))
    with pytest.raises(PublicityNotEnded):
        registry.decide_publicity(CITY.name, year=2026, confirmed=True, at=at(9, 25))


def test_a_correction_before_the_start_is_allowed_but_not_into_the_past(registry: Registry) -> None:
    passed_city(registry)
    registry.open_publicity(CITY.name, start=date(2026, 9, 24), length=5, unit="working_days", at=at(9, 20))
    with pytest.raises(PublicityRefused, match="2026-09-21"):  # a correction cannot start before today
        registry.open_publicity(CITY.name, start=date(2026, 9, 14), length=7, at=at(9, 21))
    entry = registry.open_publicity(CITY.name, start=date(2026, 9, 22), length=10, at=at(9, 21))
    assert (entry.starts, entry.ends) == (date(2026, 9, 22), date(2026, 10, 1))


def test_a_publicity_shorter_than_the_rules_minimum_is_refused(registry: Registry) -> None:
    """The rules' minimum (shipped: 5 calendar days; the default 7 calendar days always meets it)."""
    passed_city(registry)
    assert registry.rules.publicity_minimum == (5, "calendar_days")
    with pytest.raises(PublicityRefused, match="5 calendar days"):
        registry.open_publicity(CITY.name, start=date(2026, 9, 2), end=date(2026, 9, 2), at=at(9, 2))
    with pytest.raises(PublicityRefused):
        registry.open_publicity(CITY.name, start=date(2026, 9, 2), length=4, at=at(9, 2))
    with pytest.raises(UsageError):
        registry.open_publicity(CITY.name, start=date(2026, 9, 2), length=0, at=at(9, 2))
    # a ministry that wants 5 working days: Friday 4 → Tuesday 8 September has only 3
    registry.rules = replace(registry.rules, publicity_minimum=(5, "working_days"))
    with pytest.raises(PublicityRefused, match="2026-09-10"):
        registry.open_publicity(
            CITY.name, start=date(2026, 9, 4), length=5, unit="calendar_days", at=at(9, 2)
        )
    entry = registry.open_publicity(CITY.name, start=date(2026, 9, 7), end=date(2026, 9, 11), at=at(9, 2))
    assert entry.ends == date(2026, 9, 11)


def test_a_parks_application_result_needs_the_third_party_report(registry: Registry) -> None:
    """Review finding 12: a park is reviewed by experts AND a third-party institution; its application
    result was registered without the institution's report. Now it is refused until the report is there."""
    registry.apply(PARK, year=2026, documents=DOCS, at=at(3, 2))
    registry.paper_check(PARK.name, PARK_OK, passed=True, at=at(3, 9))
    with pytest.raises(ThirdPartyReportMissing) as caught:
        registry.record(panel(PARK, "application", "pass", 4))
    message = str(caught.value)
    assert "reviewer ministry third-party" in message and "Third-party report…" in message
    assert caught.value.exit_code == Refused.exit_code
    assert registry.candidate(PARK.name).status == "applicant" and registry.history(PARK.name).reviews == ()
    registry.attach_third_party_report(
        PARK.name, institution="示例评估中心", file_name="评估报告.pdf", sha256="ab" * 32, at=at(3, 20)
    )
    assert registry.record(panel(PARK, "application", "pass", 4)).status == "creating"


def test_a_report_on_an_earlier_application_does_not_count(registry: Registry) -> None:
    registry.apply(PARK, year=2026, documents=DOCS, at=at(3, 2))
    registry.paper_check(PARK.name, PARK_OK, passed=True, at=at(3, 9))
    registry.attach_third_party_report(
        PARK.name, institution="示例评估中心", file_name="评估报告.pdf", sha256="ab" * 32, at=at(3, 20)
    )
    assert registry.record(panel(PARK, "application", "fail", 4)).status == "not_admitted"
    registry.apply(PARK, year=2027, documents=DOCS, at=at(11, 2))
    registry.paper_check(PARK.name, PARK_OK, passed=True, at=at(11, 9))
    with pytest.raises(ThirdPartyReportMissing):
        registry.record(panel(PARK, "application", "pass", 12))

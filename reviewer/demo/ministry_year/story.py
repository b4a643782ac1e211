"""The demo year's lifecycle, through the registry's own steps (part 1 and 2 of issue 19).

- title holders: registered as awarded in their year (before the registry kept their story);
- candidates in creation: applied (申请表, 创建工作方案, 申请函 as received files), paper-checked
  (形式审查) and — a park — reviewed by an application panel with a third-party institution's report;
  then their progress reports (创建工作进展), every one received but 示例·沧浪软件园's first: overdue;
- the demo year's applicants: 示例市·白鹭 awaits its paper check, 示例·星汉软件园 too, 示例·琴台软件园
  passed it and awaits its panel (the third-party report is in); 示例市·槐序 failed the paper check (no
  provincial consent), 示例·槐荫软件园 failed its application panel: both not admitted;
- the priority flags the ministry sets by hand (:data:`FLAGS`), each citing its (fictional) source;
- the creation reviews passed this year (示例市·雁湖, 示例·雁栖软件园): the 公示 of the park ran 7
  calendar days in September and was confirmed (title awarded); the city's ran 5 working days across the
  National Day holiday and awaits the ministry's decision.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from reviewer.demo.ministry_year.roster import CANDIDATES, DEMO_YEAR, DemoCandidate, by_key, by_stage
from reviewer.ministry.progress import beijing_today, progress_status, record_progress_report
from reviewer.ministry.registry import Registry
from reviewer.ministry.types import REVIEW_KINDS, ReceivedDocument, ReviewResult

APPLICATIONS_DIR = "applications"  # <key>/ the documents each candidate filed, and third-party reports
PROGRESS_DIR = "progress"  # <key>/<due>.txt the progress reports received
DOCUMENTS = ("申请表", "创建工作方案", "申请函")
INSTITUTION = "示例第三方评估机构（虚构）"
OVERDUE = ("canglan-park", 0)  # the candidate whose n-th progress report never came
CREATION_REVIEW = (9, 18)  # month, day of this year's creation reviews (示例市·雁湖, 示例·雁栖软件园)
NOT_ADMITTED_NOTE = "未附所在省级人民政府同意申请的文件（示例）"


def at(year: int, month: int, day: int = 1, hour: int = 1) -> datetime:
    """A UTC instant (09:00 Beijing time by default)."""
    return datetime(year, month, day, hour, 0, tzinfo=UTC)


def result(
    c: DemoCandidate, kind: str, year: int, outcome: str, total: Decimal, when: datetime
) -> ReviewResult:
    """A panel's result as the registry takes it (the demo's panels are summarised, not run)."""
    n = CANDIDATES.index(c) + 1 + 100 * REVIEW_KINDS.index(kind)
    return ReviewResult(
        candidate=c.info,
        package_id=f"demo-{year}-{kind}-{c.key}",
        kind=kind,
        year=year,
        standard_id=f"SAMPLE-{c.info.type.upper()}-{kind.upper()}",
        standard_version="1.0",
        result=outcome,
        vetoed=False,
        total=total,
        bundle_sha256=f"{n:064x}",
        bundle_version=1,
        chair="示例组长",
        experts=("示例组长", "示例专家甲", "示例专家乙", "示例专家丙", "示例专家丁"),
        at=when,
    )


def _file(path: Path, text: str) -> ReceivedDocument:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = (text + "\n示例材料，内容为虚构。\n").encode("utf-8")
    path.write_bytes(data)
    return ReceivedDocument(path.name, hashlib.sha256(data).hexdigest())


def _apply(reg: Registry, c: DemoCandidate, work: Path, year: int, month: int) -> None:
    folder = work / APPLICATIONS_DIR / c.key
    docs = [_file(folder / f"{d}.txt", f"{c.name} {d}（{year}年）") for d in DOCUMENTS]
    reg.apply(c.info, year=year, documents=docs, at=at(year, month, 12))


def _paper_check(reg: Registry, c: DemoCandidate, year: int, month: int, *, passed: bool = True) -> None:
    items = reg.rules.checklist(c.info.type).items
    answers = {i.code: passed or i.code != "provincial_consent" for i in items}
    note = "" if passed else NOT_ADMITTED_NOTE
    reg.paper_check(c.name, answers, passed=passed, note=note, at=at(year, month, 26))


def _third_party(reg: Registry, c: DemoCandidate, work: Path, year: int, month: int) -> None:
    doc = _file(
        work / APPLICATIONS_DIR / c.key / "第三方机构评估报告.txt", f"{INSTITUTION}：{c.name} 申请评估报告"
    )
    reg.attach_third_party_report(
        c.name, institution=INSTITUTION, file_name=doc.name, sha256=doc.sha256, at=at(year, month, 28)
    )


def _admitted(reg: Registry, c: DemoCandidate, work: Path, year: int, *, panel: str = "pass") -> None:
    """Apply in February; the paper check in March; a park's panel in April."""
    _apply(reg, c, work, year, 2)
    if c.key == "huaixu":
        _paper_check(reg, c, year, 3, passed=False)
        return
    _paper_check(reg, c, year, 3)
    if c.info.type == "park":
        _third_party(reg, c, work, year, 3)
        total = Decimal("81.00") if panel == "pass" else Decimal("52.50")
        reg.record(result(c, "application", year, panel, total, at(year, 4, 16)))


def applications(reg: Registry, work: Path) -> None:
    """Title holders registered; every other candidate through application and admission."""
    for c in CANDIDATES:
        if c.stage in ("awarded", "warned", "exited"):
            reg.register(c.info, year=c.since, status="awarded", at=at(c.since, 1, 10))
        elif c.stage in ("creating", "publicity"):
            _admitted(reg, c, work, c.since)
    _admitted(reg, by_key("huaixu"), work, DEMO_YEAR)  # no provincial consent: not admitted
    _admitted(reg, by_key("huaixu-park"), work, DEMO_YEAR, panel="fail")
    _apply(reg, by_key("qinwan-2"), work, DEMO_YEAR, 10)  # paper check passed, awaits its panel
    _paper_check(reg, by_key("qinwan-2"), DEMO_YEAR, 10)
    _third_party(reg, by_key("qinwan-2"), work, DEMO_YEAR, 11)
    _apply(reg, by_key("bailu"), work, DEMO_YEAR, 11)  # await the paper check
    _apply(reg, by_key("xingqiao-2"), work, DEMO_YEAR, 11)


def progress_reports(reg: Registry, work: Path) -> None:
    """Every due progress report received ten days after its due day (by today, Beijing time), but one."""
    review = date(DEMO_YEAR, *CREATION_REVIEW)
    for c in by_stage("creating", "publicity"):
        until = min(beijing_today(), review) if c.stage == "publicity" else beijing_today()
        due = [d.due for d in progress_status(reg, c.name, until) if d.due <= until]
        for i, day in enumerate(due):
            if (c.key, i) == OVERDUE:
                continue
            path = work / PROGRESS_DIR / c.key / f"{day.isoformat()}.txt"
            _file(path, f"{c.name} 创建工作进展报告（应报日期 {day.isoformat()}）")
            received = min(day + timedelta(days=10), until)
            record_progress_report(
                reg, c.name, path, period_due=day, received=received, by="示例处室", today=until
            )


def creation_reviews(reg: Registry) -> None:
    """This year's creation reviews passed; their 公示: the park's confirmed, the city's ended, undecided."""
    for c in by_stage("publicity"):
        reg.record(
            result(c, "creation", DEMO_YEAR, "pass", Decimal("86.50"), at(DEMO_YEAR, *CREATION_REVIEW))
        )
    park = by_key("yanhu-park")
    reg.open_publicity(
        park.name, start=date(DEMO_YEAR, 9, 21), length=7, unit="calendar_days", at=at(DEMO_YEAR, 9, 20)
    )
    reg.decide_publicity(park.name, year=DEMO_YEAR, confirmed=True, at=at(DEMO_YEAR, 9, 29))
    city = by_key("yanhu")
    reg.open_publicity(
        city.name, start=date(DEMO_YEAR, 9, 28), length=5, unit="working_days", at=at(DEMO_YEAR, 9, 27)
    )


FLAGS = (  # priority categories the ministry sets by hand (seed question 4), each with its source
    ("qingchuan", "city_industrial_upgrade", "国办示例〔2026〕3号（虚构）", date(DEMO_YEAR, 5, 8)),
    ("cuiwei", "city_digital_infrastructure", "国办示例〔2026〕3号（虚构）", date(DEMO_YEAR, 5, 8)),
    (
        "binjiang",
        "park_new_industrialisation_base",
        "工信示例〔2025〕41号（虚构）",
        date(DEMO_YEAR - 1, 12, 22),
    ),
)


def priority_flags(reg: Registry) -> None:
    from reviewer.ministry.priority import set_flag

    for key, flag, source, day in FLAGS:
        set_flag(reg, by_key(key).name, flag, source=source, source_date=day, by="示例处室")

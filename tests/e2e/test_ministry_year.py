"""Issue 19, done-when 1: a park's whole life in the registry, on SQLite and PostgreSQL.

示例云谷软件园 (fictional) applies with its three documents; the ministry's paper check passes it; a
third-party institution's report is recorded; its application panel (the park creation sample standard
as an ``application`` review: five members, everyone P − 0.5 on each of the 19 leaves → 100 − 9.5 = 90.50 ≥ 80:
通过) is sealed, scored, reconciled, co-signed and closed through the command line, and the bundle is
imported with ``reviewer ministry import``: creating. Its creation panel (same scores → 通过) puts it
under publicity (公示); on the way, the progress report due 6 months after it entered creating was
not received: overdue. The ministry opens it for 5 working days from Thursday 24 September 2026, across
中秋 (25–27 September) and 国庆 (1–7 October): the end is Thursday 8 October; deciding on that day is
refused, after it the title is awarded. Annual evaluations 2027 (★★) and 2028 (★: warned, with a
rectification notice) are the ministry's published ratings (``Registry.record_ratings``).

The panels' bundles carry the app's clock, set to fixed moments of 2026 (the calendar's last year):
the application panel in February (members enrolled, package sealed, sheets, record and bundle all
then), the creation panel on 22 September, two days before its 公示 (which cannot start before the
pass). The application, its paper check and the third-party report are dated before it through the
registry API; every other step runs through ``reviewer.cli.main``; the decision is made now, after
the 公示's end.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from decimal import Decimal
from pathlib import Path

import pytest

from reviewer.ministry.lifecycle import received_document
from reviewer.ministry.progress import add_months, beijing_today, overdue, progress_status
from reviewer.ministry.refusals import PublicityNotEnded
from reviewer.ministry.registry import Registry
from reviewer.ministry.types import CandidateInfo
from reviewer.models.orm import base as orm_base
from reviewer.packages import inspect_package
from reviewer.trust import clock
from tests.e2e.journey import (
    MEMBERS,
    PASS_ENV,
    RECUSED,
    STANDARDS,
    Round,
    cli,
    close,
    decisions,
    enrol_everyone,
    fill,
    leaves,
    ok,
    pdf_material,
    scores_csv,
)
from tests.permissive import PERMISSIVE_RULES

# The panels' clocks, fixed in 2026 (the working calendar's last year): the application panel in
# February, the creation panel two days before its 公示 (a 公示 cannot start before the pass)
APPLICATION_PANEL = datetime(2026, 2, 10, 2, 0, tzinfo=UTC)
CREATION_PANEL = datetime(2026, 9, 22, 2, 0, tzinfo=UTC)
PROGRESS_DAY = date(2026, 9, 15)  # the desk looks at the progress reports (the first one overdue)
PARK = CandidateInfo("示例云谷软件园", "park", "示范省", "示范市")
PANEL = tuple(slug for slug in MEMBERS if slug != RECUSED)  # the chair and four experts: quorum 5
YEAR = 2026
CHECKLIST = {
    "two_years": True,
    "management_body": True,
    "clear_boundary": True,
    "authorities_confirmed": True,
    "application_form": True,
    "creation_plan": True,
    "cover_letter": True,
}


@dataclass
class ParkYear:
    authority: Path
    documents: tuple[Path, ...]
    third_party: Path
    application: Path  # the application panel's result bundle
    creation: Path  # the creation panel's result bundle


def _standard(folder: Path, kind: str) -> Path:
    doc = json.loads((STANDARDS / "sample-park-creation.json").read_text("utf-8"))
    if kind == "application":
        doc.update(id="SAMPLE-PARK-APPLICATION", kind="application")
        doc["title"] = {"zh": "【样例】软件名园申请评审标准", "en": "[Sample] Famous park application review"}
    path = folder / f"standard-{kind}.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    return path


def _panel(auth: Path, base: Path, kind: str, ids: dict[str, Path], creds: dict[str, Path],
           fps: dict[str, str]) -> Path:  # fmt: skip
    folder = base / kind
    folder.mkdir()
    standard = _standard(folder, kind)
    panel = {"members": [{"credential": str(creds[s]), "role": MEMBERS[s][2]} for s in PANEL]}
    (folder / "panel.json").write_text(json.dumps(panel, ensure_ascii=False), "utf-8")
    candidate = {
        "name": PARK.name,
        "type": "park",
        "province": PARK.province,
        "city": PARK.city,
        "year": YEAR,
    }
    (folder / "candidate.json").write_text(json.dumps(candidate, ensure_ascii=False), "utf-8")
    report = pdf_material(folder / "自评报告.pdf", f"{PARK.name} {kind}")
    package = folder / f"{kind}.rvpkg"
    ok("package", "seal", auth, "--standard", standard, "--candidate", folder / "candidate.json",
       "--materials", report, "--panel", folder / "panel.json", "--out", package,
       "--passphrase-env", PASS_ENV, "--panel-rules", PERMISSIVE_RULES)  # fmt: skip
    rnd = Round(package, inspect_package(package).manifest.package_id)
    scores = folder / "scores"
    scores.mkdir()
    for slug in PANEL:
        rows = [
            (
                code,
                f"{(points - Decimal('0.5')).normalize():f}",
                f"{MEMBERS[slug][0]}：{code}",
                "materials/自评报告.pdf#1",
            )
            for code, points in leaves(standard)
        ]
        rows += [("V1", "yes", "材料真实", "")] + [(f"E{i}", "ok", "", "") for i in range(1, 6)]
        fill(ids, rnd, slug, scores_csv(scores / f"{slug}.csv", rows))
    close(ids, rnd, PANEL, decisions(rnd, YEAR, []), folder)
    assert rnd.bundle is not None
    return rnd.bundle


def _clock(moment: datetime) -> type[datetime]:
    """The app's clock running from ``moment`` (the time passed since the panel began added)."""
    began = datetime.now(UTC)

    class _At(datetime):
        @classmethod
        def now(cls, tz: tzinfo | None = None) -> datetime:  # type: ignore[override]
            return (moment + (datetime.now(UTC) - began)).astimezone(tz or UTC)

    return _At


@pytest.fixture(scope="module")
def park_year(_e2e_env: None, tmp_path_factory: pytest.TempPathFactory) -> ParkYear:
    base = tmp_path_factory.mktemp("park-year")
    with pytest.MonkeyPatch.context() as mp:
        from tests.e2e.journey import PASSPHRASE

        mp.setenv(PASS_ENV, PASSPHRASE)
        at_application = _clock(APPLICATION_PANEL)
        mp.setattr(clock, "datetime", at_application)  # the app's two clocks (trust, and the stores')
        mp.setattr(orm_base, "datetime", at_application)
        auth, ids, creds, fps = enrol_everyone(base, PANEL)
        docs = tuple(pdf_material(base / f"{n}.pdf", n) for n in ("申请表", "创建工作方案", "申请函"))
        third = pdf_material(base / "第三方评估报告.pdf", "示例评估中心 评估报告")
        application = _panel(auth, base, "application", ids, creds, fps)
        at_creation = _clock(CREATION_PANEL)
        mp.setattr(clock, "datetime", at_creation)
        mp.setattr(orm_base, "datetime", at_creation)
        creation = _panel(auth, base, "creation", ids, creds, fps)
    return ParkYear(auth, docs, third, application, creation)


def ago(days: int) -> datetime:
    """A moment ``days`` before the application panel."""
    return APPLICATION_PANEL - timedelta(days=days)


def status(db: str) -> str:
    with Registry.open(db) as reg:
        return reg.candidate(PARK.name).status


def test_a_park_from_application_to_a_warning(park_year: ParkYear, db_url: str) -> None:
    db = db_url
    with Registry.open(db) as reg:
        documents = [received_document(p) for p in park_year.documents]
        assert reg.apply(PARK, year=YEAR, documents=documents, at=ago(30)) == "applicant"
        assert reg.paper_check(PARK.name, CHECKLIST, passed=True, at=ago(20)) == "applicant"
        third = received_document(park_year.third_party)
        reg.attach_third_party_report(
            PARK.name, institution="示例评估中心", file_name=third.name, sha256=third.sha256, at=ago(10)
        )

    # the application panel's result: imported through the command line → creating
    out = ok(
        "ministry",
        "import",
        park_year.authority,
        park_year.application,
        "--db",
        db,
        "--passphrase-env",
        PASS_ENV,
    )
    assert "imported" in out and status(db) == "creating"
    # creating since the application panel (about 8 months ago): a progress report was due 6 months
    # after that Beijing day and, not received within the 30 days' grace, is overdue today
    today = PROGRESS_DAY
    with Registry.open(db) as reg:
        entered = beijing_today(reg.history(PARK.name).timeline[-1].at)
        due = add_months(entered, 6)
        assert [(d.due, d.received, d.overdue) for d in progress_status(reg, PARK.name, today)] == [
            (due, None, True),
            (add_months(entered, 12), None, False),
        ]
        (late,) = overdue(reg, today)
        assert (late.candidate, late.due, late.days_late) == (PARK.name, due, (today - due).days - 30)
    out = ok(
        "ministry",
        "import",
        park_year.authority,
        park_year.creation,
        "--db",
        db,
        "--passphrase-env",
        PASS_ENV,
    )
    assert status(db) == "publicity"

    # 公示: 5 working days from Thursday 24 September 2026, across 中秋 and 国庆 → Thursday 8 October
    out = ok("ministry", "publicity", "open", PARK.name, "--start", "2026-09-24", "--days", "5",
             "--unit", "working_days", "--db", db)  # fmt: skip
    assert "2026-09-24 to 2026-10-08" in out
    with Registry.open(db) as reg, pytest.raises(PublicityNotEnded, match="2026-10-08"):
        reg.decide_publicity(PARK.name, year=YEAR, confirmed=True, at=datetime(2026, 10, 8, 8, 0, tzinfo=UTC))
    out = ok("ministry", "publicity", "decide", PARK.name, "--year", str(YEAR), "--confirm", "--db", db)
    assert "awarded" in out and status(db) == "awarded"

    # two annual evaluations, the ministry's published stars: ★★ then ★ (a warning)
    with Registry.open(db) as reg:
        assert reg.record_ratings({PARK.name: 2}, year=2027, source="2027年度评估") == {PARK.name: "awarded"}
        assert reg.record_ratings({PARK.name: 1}, year=2028, source="2028年度评估") == {PARK.name: "warned"}
        history = reg.history(PARK.name)
        (entry,) = reg.publicity(year=YEAR)

    assert (entry.starts, entry.ends, entry.length, entry.unit, entry.opened, entry.outcome) == (
        date(2026, 9, 24),
        date(2026, 10, 8),
        5,
        "working_days",
        True,
        "confirmed",
    )
    assert entry.total == Decimal("90.50")
    assert [(h.year, h.status, h.reason_code) for h in history.timeline] == [
        (2026, "applicant", "application:filed"),
        (2026, "applicant", "paper_check:pass"),
        (2026, "applicant", "third_party_report"),
        (2026, "creating", "application:pass"),
        (2026, "publicity", "creation:pass"),
        (2026, "publicity", "publicity:opened"),
        (2026, "awarded", "publicity:confirmed"),
        (2027, "awarded", "annual:stars"),
        (2028, "warned", "annual:warning"),
    ]
    assert history.timeline[2].reason_zh == "第三方机构评估报告：示例评估中心（第三方评估报告.pdf）"
    assert history.timeline[5].reason_zh == "公示：2026-09-24 至 2026-10-08，共5个工作日"
    assert [(r.kind, r.result) for r in history.reviews] == [("application", "pass"), ("creation", "pass")]
    assert history.stars == ((2027, 2), (2028, 1))
    assert [(n.year, n.kind, n.text_zh) for n in history.notices] == [
        (2028, "rectification", "2028年度评估为1星，责令整改。")
    ]
    # the candidate's history as the desk prints it shows the stages and the 公示 dates
    code, text, _err = cli("ministry", "registry", "--candidate", PARK.name, "--db", db)
    assert code == 0 and "2026-09-24" in text and "2026-10-08" in text and "5 working days" in text
    assert third.sha256 in text and all(d.sha256 in text for d in documents)
    assert f"{due.isoformat()}  overdue" in text  # the history keeps the report it missed
    code, text, _err = cli("ministry", "registry", "--year", str(YEAR), "--format", "json", "--db", db)
    (listed,) = json.loads(text)["tables"]["publicity"]
    assert (listed["starts"], listed["ends"], listed["period"], listed["outcome"]) == (
        "2026-09-24",
        "2026-10-08",
        "5 working days",
        "confirmed",
    )

"""``reviewer ministry apply|paper-check|third-party|publicity open``: files hashed, checklist printed and
answered, refusals with their exit codes (SQLite and PostgreSQL)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from reviewer.cli import main
from reviewer.ministry.registry import Registry

PARK = "命令行示例园"
ITEMS = "two_years,management_body,clear_boundary,authorities_confirmed"
DOCS = "application_form,creation_plan,cover_letter"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["--lang", "en", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_apply_check_and_report_from_the_command_line(db_url: str, tmp_path: Path, capsys) -> None:
    files = []
    for name in ("申请表.pdf", "创建工作方案.pdf", "申请函.pdf"):
        (tmp_path / name).write_bytes(f"%PDF {name}".encode())
        files.append(str(tmp_path / name))
    db = ("--db", db_url)
    code, out, _ = run(capsys, "ministry", "apply", PARK, "--type", "park", "--province", "浙江省",
                       "--city", "宁波市", "--year", "2026", *files, *db)  # fmt: skip
    assert code == 0 and "is now: applicant" in out
    assert hashlib.sha256("%PDF 申请表.pdf".encode()).hexdigest() in out
    code, out, _ = run(capsys, "ministry", "paper-check", PARK, *db)
    assert code == 0 and out.splitlines()[0].split()[0] == "two_years" and len(out.splitlines()) == 7
    code, _, err = run(capsys, "ministry", "paper-check", PARK, "--met", ITEMS, "--pass", *db)
    assert code == 2 and "missing application_form, creation_plan, cover_letter" in err
    code, out, _ = run(capsys, "ministry", "paper-check", PARK, "--met", ITEMS, "--met", DOCS, "--pass", *db)
    assert code == 0 and "is now: applicant" in out
    report = tmp_path / "评估报告.pdf"
    report.write_bytes(b"%PDF report")
    code, out, _ = run(
        capsys, "ministry", "third-party", PARK, str(report), "--institution", "示例评估中心", *db
    )
    assert code == 0 and hashlib.sha256(b"%PDF report").hexdigest() in out
    code, _, err = run(capsys, "ministry", "publicity", "open", PARK, "--start", "2026-09-24", *db)
    assert code == 18 and "cannot open a publicity" in err
    with pytest.raises(SystemExit) as bad:  # argparse refuses a date it cannot read
        run(capsys, "ministry", "publicity", "open", PARK, "--start", "2026-9-x", *db)
    assert bad.value.code == 2 and "A date is written YYYY-MM-DD: 2026-9-x" in capsys.readouterr().err
    with Registry.open(db_url) as reg:
        history = reg.history(PARK)
    assert [d.kind for d in history.documents] == ["application"] * 3 + ["third_party"]
    assert [h.reason_code for h in history.timeline] == [
        "application:filed",
        "paper_check:pass",
        "third_party_report",
    ]


def test_review_finding_4_from_the_command_line(db_url: str, capsys) -> None:
    """``publicity open NAME --start 2020-01-01 --end 2020-01-01`` over a running 公示: refused (exit 18)."""
    from datetime import UTC, datetime

    from reviewer.ministry.lifecycle import today_beijing
    from reviewer.ministry.types import CandidateInfo
    from tests.ministry.seed import result

    city = CandidateInfo("命令行示例市", "city", "浙江省", "命令行示例市")
    with Registry.open(db_url) as reg:
        reg.register(city, year=2020, status="creating")
        reg.record(result(city, "creation", 2026, "pass"))
        reg.open_publicity(city.name, start=today_beijing(), length=7, at=datetime.now(UTC))  # running
    db = ("--db", db_url)
    code, _, err = run(capsys, "ministry", "publicity", "open", city.name, "--start", "2020-01-01",
                       "--end", "2020-01-01", *db)  # fmt: skip
    assert code == 18 and "cannot start before the day of the pass" in err
    code, _, err = run(
        capsys, "ministry", "publicity", "decide", city.name, "--year", "2026", "--confirm", *db
    )
    assert code == 18 and "it can be decided only after that day" in err
    with Registry.open(db_url) as reg:
        assert reg.candidate(city.name).status == "publicity"

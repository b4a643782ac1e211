"""``reviewer ministry progress record|list`` and ``reviewer ministry flag set|clear|list``."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from reviewer.cli import main


def test_progress_and_flags_from_the_command_line(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ["--db", db_url]
    assert (
        main(["ministry", "register", "苏州园", "--type", "park", "--city", "苏州市", "--year", "2026", *db])
        == 0
    )
    assert (
        main(
            ["ministry", "register", "苏州市", "--type", "city", "--year", "2020", "--status", "awarded", *db]
        )
        == 0
    )
    capsys.readouterr()
    assert (
        main(["ministry", "progress", "list", "苏州园", "--today", "2030-01-01", "--format", "json", *db])
        == 0
    )
    dues = json.loads(capsys.readouterr().out)["tables"]["progress"]
    assert dues[0]["state"] in ("逾期未报", "overdue")
    first_due = dues[0]["due"]
    report = tmp_path / "进展.pdf"
    report.write_bytes(b"progress report body")
    assert (
        main(
            ["ministry", "progress", "record", "苏州园", str(report), "--due", first_due, "--by", "李四", *db]
        )
        == 0
    )
    assert hashlib.sha256(b"progress report body").hexdigest() in capsys.readouterr().out
    # the same file again: refused (exit 18), a day that is not due: usage (exit 2)
    assert main(["ministry", "progress", "record", "苏州园", str(report), "--due", first_due, *db]) == 18
    other = tmp_path / "other.pdf"
    other.write_bytes(b"another")
    assert main(["ministry", "progress", "record", "苏州园", str(other), "--due", "2000-01-01", *db]) == 2
    capsys.readouterr()
    assert main(["ministry", "progress", "list", "--today", "2030-01-01", "--format", "json", *db]) == 0
    late = json.loads(capsys.readouterr().out)["tables"]["progress_overdue"]
    assert first_due not in [r["due"] for r in late] and len(late) >= 1
    src = ["--source", "工信部〔2025〕1号", "--source-date", "2025-06-30"]
    assert main(["ministry", "flag", "set", "苏州市", "city_digital_infrastructure", *src, *db]) == 0
    assert main(["ministry", "flag", "set", "苏州市", "city_digital_infrastructure", *src, *db]) == 18
    capsys.readouterr()
    assert main(["ministry", "flag", "list", "--format", "json", *db]) == 0
    flags = json.loads(capsys.readouterr().out)["tables"]["priority_flags"]
    assert [(r["name"], r["source"], r["source_date"]) for r in flags] == [
        ("苏州市", "工信部〔2025〕1号", "2025-06-30")
    ]
    assert main(["ministry", "flag", "clear", "苏州市", "city_digital_infrastructure", *src, *db]) == 0
    capsys.readouterr()
    assert main(["ministry", "flag", "list", "苏州市", "--format", "json", *db]) == 0
    history = json.loads(capsys.readouterr().out)["tables"]["flag_history"]
    assert len(history) == 2

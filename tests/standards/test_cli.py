"""``reviewer standard check`` from the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from reviewer.cli import main

STANDARDS = Path(__file__).resolve().parents[2] / "reviewer" / "resources" / "standards"


def test_help_lists_the_commands_and_exit_codes() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "reviewer", "--lang", "en", "--help"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "standard" in out and "gui" in out
    assert "11  tampered" in out and "13  not on this panel" in out


def test_check_accepts_every_shipped_standard(capsys) -> None:
    files = sorted(str(p) for p in STANDARDS.iterdir())
    assert main(["standard", "check", *files]) == 0
    out = capsys.readouterr().out
    assert out.count("is valid") == 5
    assert "19 scored, 100 points in all" in out
    assert "total ≥ 80 and every level-1 indicator at its minimum → Pass" in out


def test_check_refuses_a_standard_whose_children_do_not_sum(tmp_path: Path, capsys) -> None:
    doc = json.loads((STANDARDS / "sample-park-creation.json").read_text(encoding="utf-8"))
    doc["criteria"][5]["children"][2]["points"] = 4  # 6.3: children of 6 sum to 14, not 15
    doc["criteria"][5]["children"][2].pop("levels")
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    good = STANDARDS / "sample-city-creation.json"
    assert main(["standard", "check", str(good), str(bad)]) == 3
    captured = capsys.readouterr()
    assert "criterion 6: its children's points sum to 14, not to its points 15" in captured.err
    assert "criteria[5].children" in captured.err
    assert "is valid" in captured.out  # the good file is still reported


def test_check_in_chinese_names_the_criterion(tmp_path: Path, capsys) -> None:
    doc = json.loads((STANDARDS / "sample-park-creation.json").read_text(encoding="utf-8"))
    doc["criteria"][0]["points"] = 24
    bad = tmp_path / "坏.json"
    bad.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert main(["--lang", "zh_CN", "standard", "check", str(bad)]) == 3
    assert "指标 1：下级指标分值之和 25 不等于本级分值 24" in capsys.readouterr().err


def test_missing_file_is_a_clear_error(tmp_path: Path, capsys) -> None:
    assert main(["standard", "check", str(tmp_path / "nope.json")]) == 3
    assert "Cannot read the standard file" in capsys.readouterr().err


def test_check_summarises_objective_indicators_and_numeric_gates(capsys) -> None:
    assert main(["--lang", "en", "standard", "check", str(STANDARDS / "sample-city-annual-data.json")]) == 0
    out = capsys.readouterr().out
    assert "of which 7 objective" in out
    assert (
        "NG1 Software revenue at least 10 billion yuan: software_revenue ≥ 100, else at most One star" in out
    )
    assert "software_revenue_growth − national:software_revenue_growth ≥ 0, else at most Two stars" in out
    assert main(["--lang", "en", "standard", "check", str(STANDARDS / "sample-city-annual.json")]) == 0
    out = capsys.readouterr().out
    assert "of which" not in out and "numeric gates" not in out


def test_check_names_the_path_of_a_bad_band(tmp_path: Path, capsys) -> None:
    doc = json.loads((STANDARDS / "sample-city-annual-data.json").read_text(encoding="utf-8"))
    doc["criteria"][0]["children"][0]["objective"]["bands"][1]["min"] = 5000  # above the first band's 3000
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert main(["--lang", "en", "standard", "check", str(bad)]) == 3
    err = capsys.readouterr().err
    assert (
        "criteria[0].children[0].objective.bands[1].min: criterion 1.1: band mins must strictly decrease"
        in err
    )

"""``reviewer sheet fill|recuse|show`` end to end, in-process, on the session's package."""

from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scoring"))
from sheet_fixtures import MATERIAL, PASS_ENV, PASSPHRASE, sheet_world

from reviewer.cli import main
from reviewer.errors import Refused
from reviewer.scoring.sheet import open_sheet

__all__ = ["sheet_world"]


def cli(*argv: str | Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--lang", "en", *map(str, argv)])
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(autouse=True)
def _passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(PASS_ENV, PASSPHRASE)


def rows(standard, **override: str) -> list[list[str]]:
    out = [["code", "score", "comment", "evidence"]]
    for leaf in standard.leaves():
        value = str(int(leaf.points) // 2)
        out.append([leaf.code, override.get(leaf.code, value), f"依据材料 {leaf.code}", ""])
    out[1][3] = f"{MATERIAL}#2; file:photo.jpg"
    out += [[i.code, "yes", ""] for i in standard.yes_no]
    out += [[c.code, "ok", ""] for c in standard.eligibility]
    return out


def write_csv(path: Path, table: list[list[str]]) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(table)
    (path.parent / "photo.jpg").write_bytes(b"\xff\xd8 a photo of the park gate")
    return path


def fill(w, scores: Path, out: Path, *extra: str) -> tuple[int, str, str]:
    return cli(
        "sheet",
        "fill",
        w.package,
        "--identity",
        w.folders["li"],
        "--scores",
        scores,
        "--out",
        out,
        "--passphrase-env",
        PASS_ENV,
        *extra,
    )


def test_fill_produces_a_sheet_that_verifies(sheet_world, tmp_path):
    w = sheet_world
    out = tmp_path / "li.rvsheet"
    code, stdout, err = fill(w, write_csv(tmp_path / "s.csv", rows(w.standard)), out, "--accept-pledge")
    assert code == 0, err
    assert "Signed the score sheet" in stdout
    sheet = open_sheet(out.read_bytes(), w.ids["zhang"], w.binding, w.root_cert)
    assert sheet.header.signer_name == "李娜"
    assert sheet.answers.scores["1.1"].score == 4
    photo = hashlib.sha256((tmp_path / "photo.jpg").read_bytes()).hexdigest()
    assert [getattr(r, "sha256", None) for r in sheet.answers.scores["1.1"].evidence] == [None, photo]
    code, stdout, err = cli(
        "sheet",
        "show",
        out,
        "--identity",
        w.folders["li"],
        "--package",
        w.package,
        "--passphrase-env",
        PASS_ENV,
    )
    assert code == 0, err
    assert "Signed by: 李娜" in stdout and "on this package's roster" in stdout
    assert f"Package: {w.binding.package_id}" in stdout
    assert "1.1" in stdout and f"{MATERIAL}#2" in stdout
    code, stdout, _ = cli("sheet", "show", out, "--identity", w.folders["li"], "--passphrase-env", PASS_ENV)
    assert code == 0 and "NOT checked against the package" in stdout


@pytest.mark.parametrize(
    ("override", "needle"),
    [
        ({"1.1": "9"}, "Indicator 1.1: 9 is out of range"),
        ({"1.2": "2.25"}, "Indicator 1.2: 2.25 is not on the step"),
        ({"1.3": "4"}, "Indicator 1.3: a score of 4 (of 4) needs a comment"),
    ],
)
def test_invalid_values_are_refused_with_code_and_reason(sheet_world, tmp_path, override, needle):
    w = sheet_world
    table = rows(w.standard, **override)
    if "1.3" in override:
        for row in table:
            if row[0] == "1.3":
                row[2] = ""
    out = tmp_path / "bad.rvsheet"
    code, _, err = fill(w, write_csv(tmp_path / "s.csv", table), out, "--accept-pledge")
    assert code == 3, err
    assert needle in err
    assert not out.exists()


def test_unknown_code_unscored_and_missing_pledge(sheet_world, tmp_path):
    w = sheet_world
    table = [r for r in rows(w.standard) if r[0] not in ("2.2", "V1")] + [["7.7", "1", "x"]]
    code, _, err = fill(w, write_csv(tmp_path / "s.csv", table), tmp_path / "x.rvsheet")
    assert code == 3
    assert "The standard SAMPLE-PARK-CREATION has no code 7.7" in err
    code, _, err = fill(
        w,
        write_csv(tmp_path / "s.csv", [r for r in rows(w.standard) if r[0] not in ("2.2", "V1")]),
        tmp_path / "x.rvsheet",
    )
    assert code == 3
    assert "Indicator 2.2 has not been scored" in err
    assert "The yes/no item V1 has not been answered" in err
    assert "confidentiality pledge has not been accepted" in err


def test_json_form(sheet_world, tmp_path):
    w = sheet_world
    doc = {
        "declarations": {"conflict": "none", "pledge": True},
        "scores": [{"code": leaf.code, "score": 1.5, "comment": "见材料"} for leaf in w.standard.leaves()],
        "yes_no": [{"code": "V1", "answer": "no", "comment": "材料中的数据前后矛盾"}],
        "eligibility": [{"code": c.code, "status": "confirmed"} for c in w.standard.eligibility],
    }
    doc["eligibility"][1] = {"code": "E2", "status": "flagged", "comment": "营收数据待核实"}
    path = tmp_path / "s.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "j.rvsheet"
    code, _, err = fill(w, path, out)
    assert code == 0, err
    sheet = open_sheet(out.read_bytes(), w.ids["li"], w.binding, w.root_cert)
    assert str(sheet.answers.scores["6.3"].score) == "1.5"
    assert sheet.answers.yes_no["V1"].answer is False
    assert sheet.answers.eligibility["E2"].confirmed is False
    assert sheet.to_expert_scores().answers == {"V1": False}


def test_recuse_and_refusals(sheet_world, tmp_path):
    w = sheet_world
    out = tmp_path / "zhou.rvsheet"
    code, stdout, err = cli(
        "sheet",
        "recuse",
        w.package,
        "--identity",
        w.folders["zhou"],
        "--reason",
        "曾任该园区顾问",
        "--out",
        out,
        "--passphrase-env",
        PASS_ENV,
    )
    assert code == 0, err
    code, stdout, _ = cli(
        "sheet",
        "show",
        out,
        "--identity",
        w.folders["zhang"],
        "--package",
        w.package,
        "--passphrase-env",
        PASS_ENV,
    )
    assert code == 0 and "recusal sheet" in stdout and "曾任该园区顾问" in stdout
    # the outsider cannot read it (exit 13: not a recipient)
    code, _, err = cli("sheet", "show", out, "--identity", w.folders["zhao"], "--passphrase-env", PASS_ENV)
    assert code == 13
    # --chair-credential is only an override: a file that is not the roster chair's is refused
    code, _, err = cli(
        "sheet",
        "recuse",
        w.package,
        "--identity",
        w.folders["wang"],
        "--reason",
        "x",
        "--out",
        tmp_path / "w.rvsheet",
        "--chair-credential",
        w.credentials["li"],
        "--passphrase-env",
        PASS_ENV,
    )
    assert code == Refused.exit_code and "not that of this panel's chair" in err
    assert not (tmp_path / "w.rvsheet").exists()


def test_fill_needs_no_chair_credential_and_accepts_the_right_override(sheet_world, tmp_path):
    w = sheet_world
    scores = write_csv(tmp_path / "s.csv", rows(w.standard))
    plain, override = tmp_path / "plain.rvsheet", tmp_path / "override.rvsheet"
    code, _, err = fill(w, scores, plain, "--accept-pledge")
    assert code == 0, err
    code, _, err = fill(w, scores, override, "--accept-pledge", "--chair-credential", w.credentials["zhang"])
    assert code == 0, err
    for out in (plain, override):  # both encrypted to the chair named in the package
        sheet = open_sheet(out.read_bytes(), w.ids["zhang"], w.binding, w.root_cert)
        assert sheet.header.signer_name == "李娜"
    out = io.StringIO()
    with contextlib.redirect_stdout(out), pytest.raises(SystemExit):
        main(["--lang", "en", "sheet", "fill", "--help"])
    assert "optional override" in out.getvalue() and "signed roster" in out.getvalue()

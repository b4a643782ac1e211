"""The demo exercises a §64 change put to the panel: the record made from the demo's motion and the
members' signed statements prints the change, its ground, the votes and 赵鑫's own dissent."""

from __future__ import annotations

import contextlib
import io
import shutil
import subprocess
from pathlib import Path

import pytest

from reviewer.cli import main
from reviewer.demo.package import DEMO_PASSPHRASE, build_demo, source
from reviewer.demo.sheets import write_demo_sheet
from reviewer.demo.votes import DECISIONS, DISSENT, MOTION, VOTES_DIR
from reviewer.packages import open_package
from reviewer.scoring.decisions_io import parse_decisions
from reviewer.scoring.sheet_binding import PackageBinding
from reviewer.trust import load_identity

pytestmark = pytest.mark.slow
ENV = "RV_DEMO_VOTES_PASS"


def cli(*argv: str | Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--lang", "en", *map(str, argv)])
    return code, out.getvalue(), err.getvalue()


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils is not installed")
def test_the_demo_record_prints_the_change_the_votes_and_the_dissent(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.setenv(ENV, DEMO_PASSPHRASE)
    demo = build_demo(tmp_path / "demo")
    votes = demo.folder / VOTES_DIR
    statements = sorted(votes.glob("*.rvstatement"))
    assert len(statements) == 5 and (votes / MOTION).exists()  # every member voting but the chair
    assert set(build_demo(tmp_path / "demo").votes) == set(demo.votes)  # reused as it is
    chair = load_identity(demo.identities["wang-kun"], source())
    with open_package(demo.package, chair) as opened:
        binding = PackageBinding.of(opened)
    extra = [
        write_demo_sheet(binding, key, load_identity(demo.identities[key], source()), tmp_path / "own")
        for key in ("li-zhe", "wang-kun", "ouyang-chong")
    ]
    out = tmp_path / "out"
    code, _, stderr = cli(
        "panel", "reconcile", demo.package, "--identity", demo.identities["wang-kun"], "--passphrase-env", ENV,
        "--sheets", *demo.sheets, *extra, "--decisions", votes / DECISIONS, "--motions", votes / MOTION,
        "--statements", *statements, "--out", out,
    )  # fmt: skip
    assert code == 0, stderr
    decisions = parse_decisions((out / "decisions.json").read_bytes())
    (change,) = decisions.consensus
    assert change.code == "2.1" and change.ground == "extreme" and len(change.votes) == 5
    assert len(decisions.opinion.approvals) == 5
    text = subprocess.run(
        ["pdftotext", "-layout", str(out / "record.pdf"), "-"], check=True, capture_output=True
    ).stdout.decode("utf-8")
    flat = "".join(text.split())
    assert "计算值4.38→采用4.5" in flat
    assert "变更依据：经专家组一致认定评分畸高、畸低" in flat
    assert "同意5人（王堃、李喆、张玥、陈燊、欧阳翀）、反对1人（赵鑫）" in flat
    assert "以上专家组意见经组长提请专家组表决：同意6人（王堃、李喆、张玥、陈燊、赵鑫、欧阳翀）" in flat
    (dissent,) = decisions.dissents
    assert f"赵鑫（专家，本人撰写并以数字签名签署，声明摘要{dissent.statement_sha256[:16]}）：" in flat
    assert "".join(DISSENT.split()) in flat

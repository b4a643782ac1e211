"""The whole round from the command line: sheets → panel reconcile (record.pdf) → every member
co-signs → panel close (the chair signs last, the bundle) → the ministry opens and recomputes."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest
from bundle_world import CHAIR, DISSENT, DISSENTER, RECUSED, BundleWorld, bundle_world, decisions_for

from reviewer.cli import main
from reviewer.export.bundle import open_bundle
from reviewer.export.pades import record_fields
from reviewer.scoring.decisions import VisitInfo
from reviewer.scoring.decisions_io import parse_decisions
from tests.export.conftest import PASSPHRASE

__all__ = ["bundle_world"]
PASS_ENV = "RV_BUNDLE_CLI_PASSPHRASE"


def cli(*argv: str | Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--lang", "en", *map(str, argv)])
    return code, out.getvalue(), err.getvalue()


def must(*argv: str | Path) -> str:
    code, out, err = cli(*argv, "--passphrase-env", PASS_ENV)
    assert code == 0, f"reviewer {argv} → {code}\n{out}\n{err}"
    return out


@pytest.mark.slow
def test_cli_round(bundle_world: BundleWorld, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    w = bundle_world
    monkeypatch.setenv(PASS_ENV, PASSPHRASE)
    sheets = []
    for key, data in w.sheets.items():
        sheets.append(tmp_path / f"{key}.rvsheet")
        sheets[-1].write_bytes(data)
    draft = tmp_path / "draft.json"
    draft.write_bytes(decisions_for(w.ids, w.binding.package_id).to_json())  # no votes yet
    out = tmp_path / "result"
    chair = w.folders[CHAIR]

    # a proposed change is not in the arithmetic, and no record is made, until the panel adopts it
    first = must("panel", "reconcile", w.package, "--identity", chair, "--sheets", *sheets, "--decisions", draft,
                 "--out", out)  # fmt: skip
    assert "The change of indicator 2.1" in first and "was not adopted" in first
    assert not (out / "record.pdf").exists()
    motion = tmp_path / "vote.rvmotion"
    said = must("panel", "motion", w.package, "--identity", chair, "--reconciliation", out, "--out", motion)
    assert "changes: 2.1" in said
    statements = []
    for key in w.ids:
        if key in (CHAIR, RECUSED):
            continue
        statements.append(tmp_path / f"{key}.rvstatement")
        extra = ("--dissent", DISSENT) if key == DISSENTER else ()
        must("statement", "sign", w.package, "--identity", w.folders[key], "--motion", motion,
             "--vote", "2.1=approve", "--opinion", "approve", *extra, "--out", statements[-1])  # fmt: skip
    decisions = out / "decisions.json"
    voted = must("panel", "reconcile", w.package, "--identity", chair, "--sheets", *sheets, "--decisions",
                 decisions, "--motions", motion, "--statements", *statements, "--out", out)  # fmt: skip
    assert "statement of 周淼" in voted
    applied = parse_decisions(decisions.read_bytes())
    assert len(applied.consensus[0].votes) == 5 and applied.dissents[0].text == DISSENT
    assert applied.dissents[0].by.name == "周淼"
    assert len(list((out / "statements").glob("*.rvstatement"))) == 5
    record = out / "record.pdf"
    assert (out / "reconciliation.json").read_bytes() == w.reconciliation
    assert len(list((out / "sheets").glob("*.rvsheet"))) == 7
    fields = record_fields(record.read_bytes())
    assert len(fields) == 6 and not any(f.signed for f in fields)  # 钱犇 recused: no field

    # the chair cannot close before every member has signed
    code, _, err = cli("panel", "close", w.package, "--identity", chair, "--reconciliation", out,
                       "--out", tmp_path / "early.rvresult", "--passphrase-env", PASS_ENV)  # fmt: skip
    assert code == 18 and "neither signed" in err
    assert not (tmp_path / "early.rvresult").exists()

    for key in w.ids:
        if key not in (CHAIR, RECUSED):
            must("record", "cosign", record, "--identity", w.folders[key])
    # reconciling again with the same input keeps the members' signatures
    again = must("panel", "reconcile", w.package, "--identity", chair, "--sheets", *sheets, "--decisions",
                 decisions, "--motions", motion, "--statements", *statements, "--out", out)  # fmt: skip
    assert "signatures are kept" in again
    assert sum(f.signed for f in record_fields(record.read_bytes())) == 5

    bundle = tmp_path / "r.rvresult"
    closed = must("panel", "close", w.package, "--identity", chair, "--reconciliation", out, "--out", bundle)
    assert "Wrote the result bundle" in closed and "total 80.66" in closed
    assert all(f.signed for f in record_fields(record.read_bytes()))

    b = open_bundle(bundle.read_bytes(), w.ministry, w.root)
    assert b.reconciliation_json == (out / "reconciliation.json").read_bytes()
    assert b.record_pdf == record.read_bytes()
    assert b.header.result_version == 1 and len(b.sheets) == 7

    code, verified, _ = cli(
        "verify", bundle, "--authority", w.base / "authority", "--passphrase-env", PASS_ENV
    )
    assert code == 0 and "Recomputed from the sheets and decisions: identical." in verified

    # a second run never overwrites the bundle; a corrected result takes a new name and version
    code, _, err = cli("panel", "close", w.package, "--identity", chair, "--reconciliation", out, "--out", bundle,
                       "--passphrase-env", PASS_ENV)  # fmt: skip
    assert code == 18 and "not overwritten" in err
    v2 = tmp_path / "r2.rvresult"
    must("panel", "close", w.package, "--identity", chair, "--reconciliation", out, "--out", v2,
         "--result-version", "2")  # fmt: skip
    assert open_bundle(v2.read_bytes(), w.ministry, w.root).supersedes(b.header)


def test_only_the_chair_closes(
    bundle_world: BundleWorld, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = bundle_world
    monkeypatch.setenv(PASS_ENV, PASSPHRASE)
    out = tmp_path / "result"
    (out / "sheets").mkdir(parents=True)
    for key, data in w.sheets.items():
        (out / "sheets" / f"{key}.rvsheet").write_bytes(data)
    (out / "reconciliation.json").write_bytes(w.reconciliation)
    (out / "decisions.json").write_bytes(w.decisions.to_json())
    (out / "record.pdf").write_bytes(w.record_signed)
    code, _, err = cli("panel", "close", w.package, "--identity", w.folders["li-zhe"], "--reconciliation", out,
                       "--out", tmp_path / "x.rvresult", "--passphrase-env", PASS_ENV)  # fmt: skip
    assert code == 18, err
    assert not (tmp_path / "x.rvresult").exists()


def test_reconcile_never_breaks_a_signed_record(
    bundle_world: BundleWorld, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Other decisions over a record a member has signed are refused, nothing written; an unsigned
    record is replaced by the new one."""
    w = bundle_world
    monkeypatch.setenv(PASS_ENV, PASSPHRASE)
    sheets = []
    for key, data in w.sheets.items():
        sheets.append(tmp_path / f"{key}.rvsheet")
        sheets[-1].write_bytes(data)
    first, other = tmp_path / "decisions.json", tmp_path / "other.json"
    first.write_bytes(w.decisions.to_json())
    other.write_bytes(w.decisions.with_visit(VisitInfo(("2026-06-15",), "江苏省南京市")).to_json())
    out, chair = tmp_path / "result", w.folders[CHAIR]
    reconcile = ("panel", "reconcile", w.package, "--identity", chair, "--sheets", *sheets, "--out", out)

    # unsigned: the record made from other decisions simply replaces it
    must(*reconcile, "--decisions", first)
    unsigned = (out / "record.pdf").read_bytes()
    must(*reconcile, "--decisions", other)
    assert (out / "record.pdf").read_bytes() != unsigned
    must(*reconcile, "--decisions", first)
    assert (out / "record.pdf").read_bytes() == unsigned

    member = next(k for k in w.ids if k not in (CHAIR, RECUSED))
    must("record", "cosign", out / "record.pdf", "--identity", w.folders[member])
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    code, _, err = cli(*reconcile, "--decisions", other, "--passphrase-env", PASS_ENV)
    assert code == 18, err
    assert "has been signed by" in err and "nothing was written" in err
    assert {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert sum(f.signed for f in record_fields((out / "record.pdf").read_bytes())) == 1
    # the same input keeps the record and its signature
    assert "signatures are kept" in must(*reconcile, "--decisions", first)
    assert (out / "record.pdf").read_bytes() == before[Path("record.pdf")]

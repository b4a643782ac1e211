"""Issue 18 from the command line: a member refuses with reasons (`reviewer record refuse`), another
does nothing; `reviewer panel close --statements … --not-signed …` closes, stating both; the
ministry opens the bundle."""

from __future__ import annotations

from pathlib import Path

import pytest
from bundle_world import CHAIR, RECUSED, BundleWorld, bundle_world
from test_bundle_cli import PASS_ENV, cli, must

from reviewer.export.bundle import open_bundle
from reviewer.export.closing import NOT_SIGNED, REFUSED, parse_closing
from reviewer.export.pades import record_fields
from tests.export.conftest import PASSPHRASE

__all__ = ["bundle_world"]


@pytest.mark.slow
def test_refuse_and_close_stating_who_did_not_sign(
    bundle_world: BundleWorld, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = bundle_world
    monkeypatch.setenv(PASS_ENV, PASSPHRASE)
    out = tmp_path / "result"
    out.mkdir()
    (out / "sheets").mkdir()
    for key, data in w.sheets.items():
        (out / "sheets" / f"{key}.rvsheet").write_bytes(data)
    (out / "decisions.json").write_bytes(w.decisions.to_json())
    (out / "reconciliation.json").write_bytes(w.reconciliation)
    for name, files in (("motions", w.motions), ("statements", w.statements)):  # the panel's votes
        (out / name).mkdir()
        for i, data in enumerate(files):
            (out / name / f"{i}.{'rvmotion' if name == 'motions' else 'rvstatement'}").write_bytes(data)
    record = out / "record.pdf"
    record.write_bytes(w.record_unsigned)
    chair = w.folders[CHAIR]

    refusal = tmp_path / "li.rvstatement"
    code, _, err = cli("record", "refuse", record, "--package", w.package, "--identity", w.folders["li-zhe"],
                       "--reason", " ", "--out", refusal, "--passphrase-env", PASS_ENV)  # fmt: skip
    assert code != 0 and "reasons" in err and not refusal.exists()
    done = must("record", "refuse", record, "--package", w.package, "--identity", w.folders["li-zhe"],
                "--reason", "协商分值未经充分讨论。", "--out", refusal)  # fmt: skip
    assert "Give it to the chair" in done
    for key in ("chen-shen", "zhao-xin", "zhou-miao"):
        must("record", "cosign", record, "--identity", w.folders[key])
    code, _, err = cli("record", "refuse", record, "--package", w.package, "--identity", w.folders["zhou-miao"],
                       "--reason", "x", "--out", tmp_path / "zm.rvstatement", "--passphrase-env", PASS_ENV)  # fmt: skip
    assert code == 18 and "already signed" in err

    bundle = tmp_path / "r.rvresult"
    # 张玥 neither signed nor refused: closing is refused until the chair records it
    code, _, err = cli("panel", "close", w.package, "--identity", chair, "--reconciliation", out, "--out", bundle,
                       "--statements", refusal, "--passphrase-env", PASS_ENV)  # fmt: skip
    assert code == 18 and w.ids["zhang-yue"].name in err and not bundle.exists()
    closed = must("panel", "close", w.package, "--identity", chair, "--reconciliation", out, "--out", bundle,
                  "--statements", refusal, "--not-signed", w.ids["zhang-yue"].name)  # fmt: skip
    assert f"{w.ids['zhang-yue'].name}：未签字，亦未书面说明理由，依规视为同意" in closed
    assert f"{w.ids['li-zhe'].name}：拒绝签字" in closed
    assert [f.signed for f in record_fields(record.read_bytes())] == [False, False, True, True, True, True]
    facts = parse_closing((out / "closing.json").read_bytes())
    assert [u.status for u in facts.unsigned] == [REFUSED, NOT_SIGNED]

    b = open_bundle(bundle.read_bytes(), w.ministry, w.root)
    assert b.closing == facts and b.record_pdf == record.read_bytes()
    # a later run with the closed record uses the kept closing facts
    again = tmp_path / "r2.rvresult"
    must("panel", "close", w.package, "--identity", chair, "--reconciliation", out, "--out", again,
         "--result-version", "2")  # fmt: skip
    assert open_bundle(again.read_bytes(), w.ministry, w.root).closing == facts
    assert RECUSED not in {u.expert for u in facts.unsigned}
    # reviewer verify: the closed record is valid; the bundle, opened with the ministry's key, says who did not sign
    code, shown, err = cli("verify", record, "--identity", chair, "--passphrase-env", PASS_ENV)
    assert code == 0, shown + err
    code, shown, err = cli(
        "verify", bundle, "--authority", w.base / "authority", "--passphrase-env", PASS_ENV
    )
    assert code == 0, shown + err
    assert (
        f"{w.ids['li-zhe'].name} refused to sign, with written reasons" in shown
        and "协商分值未经充分讨论" in shown
    )
    assert f"{w.ids['zhang-yue'].name} did not sign and gave no written reasons" in shown

"""The ministry side in the SM suite: a data return (.rvdata) signed SM3withSM2 by an SM authority,
and ``reviewer verify`` on every SM artifact (package, sheet, motion, statement, data return) under
the SM2 root; the other suite's root refuses each with SuiteMismatch (exit 12)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from reviewer.cli import main
from reviewer.errors import SuiteMismatch
from reviewer.export.verify import verify_file
from reviewer.ministry.data_file import read_data_return, sign_data_return
from reviewer.ministry.data_returns import DataReturn
from reviewer.scoring.motion import Change, MotionOpinion, build_motion, open_motion
from reviewer.scoring.sheet import build_sheet
from reviewer.scoring.statement import Vote, build_statement
from reviewer.trust import create_authority, sm, suites
from reviewer.trust.credential import pem
from tests.scoring.sheet_fixtures import full_answers
from tests.sm_world import PASSPHRASE, sm_world, source

__all__ = ["sm_world"]

RETURN = DataReturn("示例市", "city", 2025, {"software_revenue": Decimal("1234.56")}, "ab" * 32, 1,
                    datetime.now(UTC))  # fmt: skip


@pytest.fixture(scope="module")
def nist_authority(tmp_path_factory):
    return create_authority(tmp_path_factory.mktemp("nist") / "a", name="工业和信息化部", source=source())


def test_an_sm_data_return_is_signed_sm2_and_read_under_the_sm_root(sm_world, nist_authority) -> None:
    w = sm_world
    data = sign_data_return(RETURN, w.authority, w.keys)
    doc = json.loads(data)
    assert doc["signature"]["algorithm"] == "sm2-sm3"
    assert json.loads(doc["body"])["suite"] == suites.SM_ID
    ret = read_data_return(data, w.authority.root)
    assert ret.figures == {"software_revenue": Decimal("1234.56")} and ret.candidate == "示例市"
    with pytest.raises(SuiteMismatch):
        read_data_return(data, nist_authority.root)
    nist_data = sign_data_return(RETURN, nist_authority, nist_authority.unlock(source()))
    assert "suite" not in json.loads(json.loads(nist_data)["body"])  # the NIST body is unchanged
    with pytest.raises(SuiteMismatch):
        read_data_return(nist_data, w.authority.root)


def test_an_sm_data_return_whose_body_names_nist_is_refused(sm_world) -> None:
    """A body relabelled NIST but signed by the SM authority (its own signature): not accepted."""
    from reviewer.errors import Tampered
    from reviewer.ministry import data_file
    from reviewer.trust.encoding import canonical_json

    w = sm_world
    body = canonical_json(data_file.body_of(RETURN) | {"suite": suites.NIST_ID})
    doc = json.loads(sign_data_return(RETURN, w.authority, w.keys))
    doc["body"] = body.decode()
    doc["signature"]["signature"] = data_file.json.loads(
        data_file.signature_document(w.keys.signing, body, w.authority)
    )["signature"]
    with pytest.raises(Tampered):
        read_data_return(json.dumps(doc).encode(), w.authority.root)


def _artifacts(w, tmp_path: Path) -> dict[str, Path]:
    sheet = build_sheet(w.binding, w.ids["li"], full_answers(w.standard))
    change = Change("1.1", Decimal("4"), Decimal("7.5"), "extreme", "合议取 4 分")
    opinion = MotionOpinion(("成效显著",), ("问题一",), ("建议一",), "专家组同意通过评审。")
    motion_data = build_motion(w.ids["zhang"], w.binding, changes=[change], opinion=opinion)
    motion = open_motion(motion_data, w.ids["li"], w.binding, w.root_cert)
    statement = build_statement(w.ids["wang"], w.binding, motion=motion, votes=[Vote("1.1", "approve")],
                                opinion="approve")  # fmt: skip
    files = {
        "package": w.package,
        "sheet": tmp_path / "li.rvsheet",
        "motion": tmp_path / "m.rvmotion",
        "statement": tmp_path / "s.rvstatement",
        "data": tmp_path / "c.rvdata",
    }
    files["sheet"].write_bytes(sheet)
    files["motion"].write_bytes(motion_data)
    files["statement"].write_bytes(statement)
    files["data"].write_bytes(sign_data_return(RETURN, w.authority, w.keys))
    return files


def test_reviewer_verify_on_every_sm_artifact(
    sm_world, nist_authority, tmp_path, monkeypatch, capsys
) -> None:
    w = sm_world
    files = _artifacts(w, tmp_path)
    for name in ("package", "sheet", "motion", "statement"):
        report = verify_file(files[name], w.authority.root, ministry=w.ministry())
        assert report.error is None, (name, report.error)
        assert all(s.trusted for s in report.signatures), name
        foreign = verify_file(files[name], nist_authority.root, ministry=w.ministry())
        assert isinstance(foreign.error, SuiteMismatch), (name, foreign.error)
    root = tmp_path / "sm-root.crt.pem"
    root.write_text(pem(w.authority.root), encoding="ascii")
    nist_root = tmp_path / "nist-root.crt.pem"
    nist_root.write_text(pem(nist_authority.root), encoding="ascii")
    monkeypatch.setenv("RV_SM_PASS", PASSPHRASE)
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    everything = [str(files[k]) for k in ("package", "sheet", "motion", "statement", "data")]
    public = [str(files["package"]), str(files["data"])]  # what anyone can check with the root alone
    assert main(["--lang", "en", "verify", *public, "--trust", str(root)]) == 0
    assert main(["--lang", "en", "verify", *everything, "--authority", str(w.authority.path),
                 "--passphrase-env", "RV_SM_PASS"]) == 0  # fmt: skip
    capsys.readouterr()
    for path in everything:
        assert main(["--lang", "en", "verify", path, "--trust", str(nist_root)]) == SuiteMismatch.exit_code, (
            path
        )
        out = capsys.readouterr().out
        assert (
            "uses the SM algorithms" in out and "the authority (the root you trust) uses international" in out
        ), out
    assert sm.is_sm2_private_key(w.keys.encryption)


def test_the_import_workers_receive_the_sm2_ministry_key(sm_world) -> None:
    """The import's worker processes get the ministry key through the pipe: an SM2 key survives."""
    from reviewer.ministry import importer
    from reviewer.trust import recipients

    w = sm_world
    data = importer._key_bytes(w.keys.encryption)
    key = importer._key_of(data)
    assert sm.is_sm2_private_key(key) and sm.sm2_public_der(key) == sm.sm2_public_der(w.keys.encryption)
    recipient = recipients.Recipient("m", sm.load_sm2_public_key(sm.sm2_public_der(w.keys.encryption)))
    wrapped = recipients.wrap(bytes(range(32)), recipient, b"ctx")
    assert recipients.unwrap(wrapped, key, b"ctx") == bytes(range(32))

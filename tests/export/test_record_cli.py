"""``reviewer record cosign``: each member signs the record file in turn from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.cli import main
from reviewer.errors import Refused, Tampered
from reviewer.export.pades import record_fields
from reviewer.export.pades_validate import require_valid, validate_record
from reviewer.export.record import build_record_pdf
from tests.export.conftest import PASSPHRASE


@pytest.fixture
def record_file(record_input, tmp_path) -> Path:
    path = tmp_path / "评审意见表.pdf"
    path.write_bytes(build_record_pdf(record_input))
    return path


def cosign(path: Path, folder: Path, *extra: str) -> int:
    return main(
        ["record", "cosign", str(path), "--identity", str(folder), "--passphrase-env", "RV_TEST_PASS", *extra]
    )


def test_members_then_chair_cosign_from_the_command_line(
    record_file, record_input, panel, monkeypatch, capsys
):
    monkeypatch.setenv("RV_TEST_PASS", PASSPHRASE)
    for member in record_input.signers():
        assert cosign(record_file, panel.folders[member.expert_id]) == 0
        assert not list(record_file.parent.glob(".*.tmp"))  # written through a temporary file
    out = capsys.readouterr().out
    assert "Every member has signed" in out
    pdf = record_file.read_bytes()
    statuses = validate_record(pdf, panel.root)
    assert [s.signer_name for s in statuses] == [m.name for m in record_input.signers()]
    require_valid(statuses, complete=record_fields(pdf))


def test_the_chair_cannot_sign_first(record_file, panel, monkeypatch, capsys):
    monkeypatch.setenv("RV_TEST_PASS", PASSPHRASE)
    before = record_file.read_bytes()
    assert cosign(record_file, panel.folders["wang-kun"]) == Refused.exit_code
    assert "chair signs last" in capsys.readouterr().err
    assert record_file.read_bytes() == before


def test_an_explicit_field_must_be_the_members_own(record_file, panel, monkeypatch):
    monkeypatch.setenv("RV_TEST_PASS", PASSPHRASE)
    other = next(
        f.name
        for f in record_fields(record_file.read_bytes())
        if "expert" in f.name and f.label.startswith("张玥")
    )
    assert cosign(record_file, panel.folders["li-zhe"], "--field", other) == Refused.exit_code
    assert cosign(record_file, panel.folders["zhang-yue"], "--field", other) == 0


def test_a_tampered_record_is_not_cosigned(record_file, panel, monkeypatch):
    monkeypatch.setenv("RV_TEST_PASS", PASSPHRASE)
    assert cosign(record_file, panel.folders["li-zhe"]) == 0
    data = bytearray(record_file.read_bytes())
    at = data.index(b"stream", data.index(b"/Contents")) + 40
    data[at] ^= 0x01
    record_file.write_bytes(bytes(data))
    assert cosign(record_file, panel.folders["zhang-yue"]) == Tampered.exit_code

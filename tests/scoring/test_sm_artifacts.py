"""Sheets, return notices, motions and statements in the SM suite: signed SM3withSM2, SM4-GCM payloads,
SM2 wraps; opened by the chair, the members and the ministry's SM2 key; the other suite refused."""

from __future__ import annotations

import io
import json
import zipfile
from decimal import Decimal

import pytest
from sheet_fixtures import full_answers, sheet_world

from reviewer.errors import SuiteMismatch
from reviewer.packages import envelope as fmt
from reviewer.scoring.motion import Change, MotionOpinion, build_motion, open_motion
from reviewer.scoring.return_notice import build_return_notice, open_return_notice, revise_sheet
from reviewer.scoring.sheet import build_sheet, open_sheet, verify_sheet
from reviewer.scoring.sheet_types import FORMAT, MIMETYPE
from reviewer.scoring.statement import Vote, build_statement, open_statement
from reviewer.trust import certs, sm, suites
from tests.sm_world import sm_world

__all__ = ["sheet_world", "sm_world"]

OPINION = MotionOpinion(("成效显著",), ("问题一",), ("建议一",), "专家组同意通过评审。")
CHANGE = Change("1.1", Decimal("4"), Decimal("7.5"), "extreme", "李娜评分畸高，专家组合议取 4 分")


@pytest.fixture(scope="module")
def sm_sheet(sm_world) -> bytes:
    return build_sheet(sm_world.binding, sm_world.ids["li"], full_answers(sm_world.standard))


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def test_sm_sheet_is_signed_sm2_and_opened_by_chair_member_and_ministry(sm_world, sm_sheet) -> None:
    w = sm_world
    parts = _members(sm_sheet)
    header, sig = json.loads(parts["header.json"]), json.loads(parts["signature.json"])
    assert header["suite"] == suites.SM_ID
    assert sig["algorithm"] == "sm2-sm3"
    assert sig["public_key"] == fmt.b64(w.ids["li"].public_key_der())
    assert w.ids["li"].public_key_der() == sm.sm2_public_der(certs.public_key_of(w.ids["li"].certificate))
    for r in header["recipients"]:  # SM2 wraps: no ephemeral key, a DER ciphertext
        assert r["ephemeral"] == "" and 150 <= len(fmt.unb64(r["wrapped_key"])) <= 200
    sm.sm2_verify(
        certs.public_key_of(w.ids["li"].certificate), parts["header.json"], fmt.unb64(sig["signature"])
    )
    env = fmt.read_envelope(sm_sheet, MIMETYPE, FORMAT, "not a sheet")
    assert env.suite is suites.SM
    header_v = verify_sheet(sm_sheet, w.ids["zhang"], w.binding, w.root_cert)
    assert header_v.signer_name == "李娜"
    opened = [
        open_sheet(sm_sheet, r, w.binding, w.root_cert) for r in (w.ids["li"], w.ids["zhang"], w.ministry())
    ]
    assert {s.digest for s in opened} == {header_v.digest}
    assert opened[0].answers == opened[1].answers == opened[2].answers
    assert opened[2].answers.scores == full_answers(w.standard).scores


def test_sm_sheet_refused_under_a_nist_root_and_by_a_nist_reader(sm_world, sheet_world, sm_sheet) -> None:
    nist = sheet_world
    with pytest.raises(SuiteMismatch):
        verify_sheet(sm_sheet, sm_world.ids["zhang"], sm_world.binding, nist.root_cert)
    with pytest.raises(SuiteMismatch):
        open_sheet(sm_sheet, nist.ids["zhang"], None, nist.root_cert)


def test_a_nist_sheet_under_an_sm_root_is_refused(sm_world, sheet_world) -> None:
    nist = sheet_world
    nist_sheet = build_sheet(nist.binding, nist.ids["li"], full_answers(nist.standard))
    assert json.loads(_members(nist_sheet)["signature.json"])["algorithm"] == "ecdsa-p256-sha256"
    with pytest.raises(SuiteMismatch) as caught:
        open_sheet(nist_sheet, sm_world.ids["zhang"], None, sm_world.root_cert)
    assert caught.value.exit_code == 12
    with pytest.raises(SuiteMismatch):  # the ministry of an SM authority reading a NIST sheet
        open_sheet(nist_sheet, sm_world.ministry(), None, nist.root_cert)


def test_sm_return_notice_and_revision(sm_world, sm_sheet) -> None:
    w = sm_world
    chair, li = w.ids["zhang"], w.ids["li"]
    v1 = open_sheet(sm_sheet, chair, w.binding, w.root_cert)
    data = build_return_notice(chair, w.binding, v1, ["1.1"], "请核实该项得分")
    assert json.loads(_members(data)["header.json"])["suite"] == suites.SM_ID
    notice = open_return_notice(data, li, w.binding, sheet=v1)
    assert notice.codes == ("1.1",)
    answers = full_answers(w.standard, bump={"1.1": "4"})
    v2_data = revise_sheet(w.binding, li, v1, notice, scores={"1.1": answers.scores["1.1"]})
    v2 = open_sheet(v2_data, chair, w.binding, w.root_cert, previous=v1)
    assert v2.revision == 2 and v2.answers.scores["1.1"].score == Decimal("4")


def test_sm_motion_and_statement(sm_world) -> None:
    w = sm_world
    data = build_motion(w.ids["zhang"], w.binding, changes=[CHANGE], opinion=OPINION)
    assert json.loads(_members(data)["header.json"])["suite"] == suites.SM_ID
    motion = open_motion(data, w.ids["li"], w.binding, w.root_cert)
    assert motion.changes == (CHANGE,) and motion.chair.name == "张伟"
    assert open_motion(data, w.ministry(), w.binding, w.root_cert).digest == motion.digest
    vote = build_statement(
        w.ids["wang"], w.binding, motion=motion, votes=[Vote("1.1", "approve", "")], opinion="approve"
    )
    for reader in (w.ids["wang"], w.ids["zhang"], w.ministry()):
        s = open_statement(vote, reader, w.binding, w.root_cert, motion=motion)
        assert s.member.name == "王芳" and s.opinion == "approve"


def test_sm_motion_under_a_nist_root_is_refused(sm_world, sheet_world) -> None:
    w = sm_world
    data = build_motion(w.ids["zhang"], w.binding, changes=[CHANGE], opinion=OPINION)
    with pytest.raises(SuiteMismatch):
        open_motion(data, w.ids["li"], w.binding, sheet_world.root_cert)


def test_a_header_relabelled_nist_is_refused(sm_world, sm_sheet) -> None:
    """The header's suite rewritten to NIST (signed by nobody now): the signature block is SM2, so the
    envelope is damaged; it never reads as a NIST file."""
    from reviewer.errors import ReviewerError

    parts = _members(sm_sheet)
    header = json.loads(parts["header.json"])
    header["suite"] = suites.NIST_ID
    from reviewer.packages.container import ContainerWriter
    from reviewer.trust.encoding import canonical_json

    out = io.BytesIO()
    writer = ContainerWriter(out, MIMETYPE)
    writer.add_bytes("header.json", canonical_json(header))
    writer.add_bytes("signature.json", parts["signature.json"])
    writer.add_bytes("payload", parts["payload"])
    writer.close()
    with pytest.raises(ReviewerError) as caught:
        open_sheet(out.getvalue(), sm_world.ids["zhang"], None, sm_world.root_cert)
    assert caught.value.exit_code in (11, 12)


def test_sealing_to_a_recipient_of_the_other_suite_is_refused(sm_world, sheet_world) -> None:
    from reviewer.scoring.sheet_build import seal_sheet

    w = sm_world
    with pytest.raises(SuiteMismatch):
        seal_sheet(
            w.binding,
            w.ids["li"],
            kind="score",
            answers=full_answers(w.standard),
            role="expert",
            chair_certificate=sheet_world.ids["zhang"].certificate,
        )

"""Motions and member statements: signed by the right person, bound to the package and the motion."""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal

import pytest
from sheet_fixtures import sheet_world

from reviewer.errors import NotOnPanel, Refused, Tampered
from reviewer.packages.container import ContainerWriter
from reviewer.packages.envelope import MinistryReader
from reviewer.scoring.motion import Change, MotionOpinion, build_motion, open_motion
from reviewer.scoring.statement import Refusal, Vote, build_statement, open_statement

__all__ = ["sheet_world"]

OPINION = MotionOpinion(("成效显著",), ("问题一",), ("建议一",), "专家组同意通过评审。")
CHANGE = Change("1.1", Decimal("4"), Decimal("7.5"), "extreme", "李娜评分畸高，专家组合议取 4 分")


def _motion(w, binding=None, **kw):
    args = {"changes": [CHANGE], "opinion": OPINION, **kw}
    data = build_motion(w.ids["zhang"], binding or w.binding, **args)
    return open_motion(data, w.ids["li"], binding or w.binding, w.root_cert)


@pytest.fixture(scope="module")
def motion(sheet_world):
    return _motion(sheet_world)


def test_motion_round_trip(sheet_world, motion):
    w = sheet_world
    assert motion.changes == (CHANGE,)
    assert motion.opinion == OPINION
    assert motion.chair.fingerprint == w.ids["zhang"].fingerprint and motion.chair.name == "张伟"
    again = open_motion(motion.data, w.ids["zhou"], w.binding, w.root_cert)
    assert again.digest == motion.digest
    ministry = MinistryReader(w.authority.signing_cert, w.keys.encryption)
    assert open_motion(motion.data, ministry, w.binding, w.root_cert).changes == (CHANGE,)


def test_motion_only_by_the_chair_with_a_ground(sheet_world):
    w = sheet_world
    with pytest.raises(Refused, match="chair"):
        build_motion(w.ids["li"], w.binding, changes=[CHANGE], opinion=None)
    no_ground = Change("1.1", Decimal("4"), Decimal("7.5"), "", "理由")
    with pytest.raises(Refused, match="ground"):
        build_motion(w.ids["zhang"], w.binding, changes=[no_ground], opinion=None)
    with pytest.raises(Refused, match="not a scored indicator"):
        build_motion(
            w.ids["zhang"],
            w.binding,
            changes=[Change("9.9", Decimal("1"), Decimal("2"), "extreme", "x")],
            opinion=None,
        )


def test_vote_round_trip(sheet_world, motion):
    w = sheet_world
    data = build_statement(
        w.ids["wang"],
        w.binding,
        motion=motion,
        votes=[Vote("1.1", "object", "应取 5 分")],
        opinion="approve",
        dissent="本人对 1.1 的变更持保留意见。",
    )
    for reader in ("wang", "zhang"):
        s = open_statement(data, w.ids[reader], w.binding, w.root_cert, motion=motion)
        assert s.kind == "vote" and s.motion_sha256 == motion.digest
        assert s.member.name == "王芳" and s.member.fingerprint == w.ids["wang"].fingerprint
        assert s.votes == (Vote("1.1", "object", "应取 5 分"),)
        assert s.opinion == "approve" and s.dissent == "本人对 1.1 的变更持保留意见。"
        assert s.data == data
    ministry = MinistryReader(w.authority.signing_cert, w.keys.encryption)
    assert open_statement(data, ministry, w.binding, w.root_cert).digest == s.digest


def test_refusal_round_trip(sheet_world):
    w = sheet_world
    refusal = Refusal("rec-1", "a" * 64, "b" * 64, "本人不同意结论")
    data = build_statement(w.ids["li"], w.binding, refusal=refusal)
    s = open_statement(data, w.ids["zhang"], w.binding, w.root_cert)
    assert s.kind == "refusal" and s.refusal == refusal and s.votes == () and s.motion_sha256 is None
    with pytest.raises(Refused):
        build_statement(w.ids["li"], w.binding, refusal=Refusal("rec-1", "a" * 64, "b" * 64, "  "))


def test_a_chair_statement_is_refused(sheet_world, motion):
    w = sheet_world
    with pytest.raises(Refused, match="chair"):
        build_statement(
            w.ids["zhang"], w.binding, motion=motion, votes=[Vote("1.1", "approve")], opinion="approve"
        )


def test_an_outsider_cannot_sign_or_read(sheet_world, motion):
    w = sheet_world
    with pytest.raises(Refused, match="not a member"):
        build_statement(
            w.ids["zhao"], w.binding, motion=motion, votes=[Vote("1.1", "approve")], opinion="approve"
        )
    data = build_statement(
        w.ids["li"], w.binding, motion=motion, votes=[Vote("1.1", "approve")], opinion="approve"
    )
    with pytest.raises(NotOnPanel):
        open_statement(data, w.ids["zhao"], w.binding, w.root_cert)
    with pytest.raises(NotOnPanel):
        open_motion(motion.data, w.ids["zhao"], w.binding, w.root_cert)


def test_a_motion_of_another_package_is_refused(sheet_world, motion):
    w = sheet_world
    other = _motion(w, w.other_binding, changes=[], opinion=OPINION)
    with pytest.raises(Refused, match="another package"):
        build_statement(w.ids["li"], w.binding, motion=other, opinion="approve")
    with pytest.raises(Refused, match="another package"):
        open_motion(other.data, w.ids["li"], w.binding, w.root_cert)


def test_votes_must_match_the_motion(sheet_world, motion):
    w = sheet_world
    li = w.ids["li"]
    with pytest.raises(Refused, match="each proposed change"):
        build_statement(li, w.binding, motion=motion, votes=[], opinion="approve")
    with pytest.raises(Refused, match="each proposed change"):
        build_statement(
            li,
            w.binding,
            motion=motion,
            votes=[Vote("1.1", "approve"), Vote("1.2", "approve")],
            opinion="approve",
        )
    with pytest.raises(Refused, match="draft opinion"):
        build_statement(li, w.binding, motion=motion, votes=[Vote("1.1", "approve")])
    with pytest.raises(Refused, match="approve or object"):
        build_statement(li, w.binding, motion=motion, votes=[Vote("1.1", "maybe")], opinion="approve")
    with pytest.raises(Refused, match="reason for objecting"):
        build_statement(li, w.binding, motion=motion, votes=[Vote("1.1", "object", " ")], opinion="approve")


def test_a_statement_for_another_motion_is_refused_at_open(sheet_world, motion):
    w = sheet_world
    second = _motion(w)
    data = build_statement(
        w.ids["li"], w.binding, motion=second, votes=[Vote("1.1", "approve")], opinion="approve"
    )
    with pytest.raises(Refused, match="another motion"):
        open_statement(data, w.ids["zhang"], w.binding, w.root_cert, motion=motion)


def test_a_statement_by_a_foreign_authority_is_untrusted(sheet_world, motion):
    w = sheet_world
    from reviewer.errors import Untrusted

    data = build_statement(
        w.ids["li"], w.binding, motion=motion, votes=[Vote("1.1", "approve")], opinion="approve"
    )
    with pytest.raises(Untrusted):
        open_statement(data, w.ids["zhang"], w.binding, w.ids["mallory"].trust_root())


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {i.filename: z.read(i) for i in z.infolist()}


def _repack(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    writer = ContainerWriter(out, members["mimetype"].decode())
    for name, body in members.items():
        if name != "mimetype":
            writer.add_bytes(name, body)
    writer.close()
    return out.getvalue()


def test_tampering_is_detected(sheet_world, motion):
    w = sheet_world
    data = build_statement(
        w.ids["li"], w.binding, motion=motion, votes=[Vote("1.1", "approve")], opinion="approve"
    )
    members = _members(data)
    payload = bytearray(members["payload"])
    payload[5] ^= 0x80
    with pytest.raises(Tampered):
        open_statement(
            _repack({**members, "payload": bytes(payload)}), w.ids["zhang"], w.binding, w.root_cert
        )
    header = members["header.json"].replace(b'"role":"expert"', b'"role":"chair"', 1)
    with pytest.raises(Tampered):
        open_statement(_repack({**members, "header.json": header}), w.ids["zhang"], w.binding, w.root_cert)
    m = _members(motion.data)
    with pytest.raises(Tampered):
        open_motion(
            _repack({**m, "payload": m["payload"][:-1] + bytes([m["payload"][-1] ^ 1])}),
            w.ids["li"],
            w.binding,
            w.root_cert,
        )


def test_the_package_carries_the_rules_it_was_sealed_under(sheet_world):
    from reviewer.packages import open_package
    from tests.permissive import permissive_rules

    w = sheet_world  # sealed under the permissive rules (a small panel): those are the rules it carries
    with open_package(w.package, w.ids["li"]) as opened:
        entry = opened.manifest.entry("procedure.json")
        assert entry.kind == "procedure"
        names = [e.name for e in opened.manifest.entries]
        assert names.index("procedure.json") == names.index("candidate.json") + 1
        rules = opened.procedure()
        assert rules.document == permissive_rules().document
        assert rules.ground("extreme") is not None

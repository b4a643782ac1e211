"""Score sheets: build → verify → open; every refusal the chair and the ministry rely on."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from decimal import Decimal

import pytest
from sheet_fixtures import MATERIAL, full_answers, sheet_world

from reviewer.errors import NotAnArtifact, NotOnPanel, Refused, Revoked, Tampered, Untrusted
from reviewer.packages.envelope import MinistryReader
from reviewer.scoring.entry import CommentRequired, OffStep, ScoreOutOfRange, UnknownIndicator
from reviewer.scoring.reconcile import reconcile
from reviewer.scoring.sheet import (
    build_recusal,
    build_sheet,
    chair_certificate_for,
    open_sheet,
    seal_sheet,
    verify_sheet,
    write_sheet,
)
from reviewer.scoring.sheet_binding import PackageBinding
from reviewer.scoring.sheet_model import (
    MaterialRef,
    ScoreAnswer,
    SheetAnswers,
    SheetInvalid,
)
from reviewer.trust import clock
from reviewer.trust.keys import cert_fingerprint
from reviewer.trust.revocation import RevocationList

__all__ = ["sheet_world"]


def chair_cert(w):
    return w.ids["zhang"].certificate


def make(w, who="li", answers=None, binding=None):
    # no chair certificate given: it comes from the package's signed roster
    return build_sheet(binding or w.binding, w.ids[who], answers or full_answers(w.standard))


@pytest.fixture(scope="module")
def li_sheet(sheet_world) -> bytes:
    return make(sheet_world)


def test_sheet_verifies_and_every_recipient_reads_the_same(sheet_world, li_sheet):
    w = sheet_world
    header = verify_sheet(li_sheet, w.ids["zhang"], w.binding, w.root_cert)
    assert header.signer_name == "李娜" and header.role == "expert" and header.revision == 1
    assert header.package_id == w.binding.package_id
    assert header.manifest_sha256 == w.binding.manifest_sha256
    ministry = MinistryReader(w.authority.signing_cert, w.keys.encryption)
    opened = [
        open_sheet(li_sheet, r, w.binding, w.root_cert) for r in (w.ids["li"], w.ids["zhang"], ministry)
    ]
    assert {s.digest for s in opened} == {header.digest}
    sheet = opened[1]
    assert sheet.answers == opened[0].answers == opened[2].answers
    assert sheet.answers.scores["1.1"].score == Decimal("4")
    assert sheet.answers.scores["1.1"].evidence == (MaterialRef(MATERIAL, 3),)
    assert sheet.answers.yes_no["V1"].answer is True
    assert sheet.declarations.pledge_accepted and not sheet.recused
    assert sheet.data == li_sheet


def test_another_expert_and_an_outsider_cannot_read(sheet_world, li_sheet):
    w = sheet_world
    for who in ("wang", "zhao"):
        with pytest.raises(NotOnPanel):
            open_sheet(li_sheet, w.ids[who], w.binding, w.root_cert)


@pytest.mark.parametrize(
    ("code", "value", "comment", "error"),
    [
        ("1.1", "8.5", "x", ScoreOutOfRange),
        ("1.1", "-1", "x", ScoreOutOfRange),
        ("1.2", "3.25", "x", OffStep),
        ("9.9", "1", "x", UnknownIndicator),
        ("1.3", "4", "", CommentRequired),  # full marks need a comment in the sample standard
        ("1.3", "0.5", " ", CommentRequired),  # so do very low marks
    ],
)
def test_invalid_scores_are_refused_with_the_code(sheet_world, code, value, comment, error):
    w = sheet_world
    base = full_answers(w.standard)
    answers = SheetAnswers(
        base.declarations, {**base.scores, code: ScoreAnswer(value, comment)}, base.yes_no, base.eligibility
    )
    with pytest.raises(SheetInvalid) as info:
        make(w, answers=answers)
    assert info.value.codes == (code,)
    assert isinstance(info.value.problems[0], error)
    assert f"Indicator {code}" in str(info.value) or f"indicator {code}" in str(info.value)


def test_unscored_and_unanswered_items_are_all_listed(sheet_world):
    w = sheet_world
    base = full_answers(w.standard)
    scores = {k: v for k, v in base.scores.items() if k not in ("2.1", "6.3")}
    answers = SheetAnswers(
        base.declarations, scores, {}, {k: v for k, v in base.eligibility.items() if k != "E2"}
    )
    with pytest.raises(SheetInvalid) as info:
        make(w, answers=answers)
    assert set(info.value.codes) == {"2.1", "6.3", "V1", "E2"}
    assert "2.1 has not been scored" in str(info.value)


def test_pledge_and_evidence_are_checked(sheet_world):
    w = sheet_world
    base = full_answers(w.standard)
    first = base.scores["1.1"]
    bad = SheetAnswers(
        type(base.declarations)(),
        {**base.scores, "1.1": ScoreAnswer(first.score, "c", (MaterialRef("materials/none.pdf", 1),))},
        base.yes_no,
        base.eligibility,
    )
    with pytest.raises(SheetInvalid) as info:
        make(w, answers=bad)
    assert set(info.value.codes) == {"pledge", "1.1"}


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {i.filename: z.read(i) for i in z.infolist()}


def _repack(members: dict[str, bytes]) -> bytes:
    from reviewer.packages.container import ContainerWriter

    out = io.BytesIO()
    writer = ContainerWriter(out, members["mimetype"].decode())
    for name, body in members.items():
        if name != "mimetype":
            writer.add_bytes(name, body)
    writer.close()
    return out.getvalue()


def test_a_flipped_byte_is_tampered(sheet_world, li_sheet):
    w = sheet_world
    raw = bytearray(li_sheet)
    raw[len(raw) // 2] ^= 0x01  # inside the ciphertext or the header: either way detected
    with pytest.raises(Tampered):
        open_sheet(bytes(raw), w.ids["zhang"], w.binding, w.root_cert)
    members = _members(li_sheet)
    payload = bytearray(members["payload"])
    payload[5] ^= 0x80
    with pytest.raises(Tampered):  # a well-formed container whose payload changed
        open_sheet(_repack({**members, "payload": bytes(payload)}), w.ids["zhang"], w.binding, w.root_cert)
    header = members["header.json"].replace(b'"number":1', b'"number":2', 1)
    with pytest.raises(Tampered):  # a claim changed after signing
        verify_sheet(_repack({**members, "header.json": header}), w.ids["zhang"], w.binding, w.root_cert)


def test_not_a_sheet(sheet_world):
    w = sheet_world
    with pytest.raises(NotAnArtifact):
        verify_sheet(b"hello, not a sheet", w.ids["zhang"], w.binding, w.root_cert)
    with pytest.raises(NotAnArtifact):  # a package is not a sheet either
        verify_sheet(w.package.read_bytes(), w.ids["zhang"], w.binding, w.root_cert)


def test_a_sheet_for_another_package_is_refused(sheet_world):
    w = sheet_world
    other = make(w, binding=w.other_binding)
    assert (
        verify_sheet(other, w.ids["zhang"], w.other_binding, w.root_cert).package_id
        == w.other_binding.package_id
    )
    with pytest.raises(Refused, match="another package"):
        open_sheet(other, w.ids["zhang"], w.binding, w.root_cert)


def test_a_non_member_is_refused_even_with_a_valid_credential(sheet_world):
    w = sheet_world
    with pytest.raises(NotOnPanel):  # the friendly check while building
        make(w, who="zhao")
    sheet = seal_sheet(  # an outsider who crafts one anyway from the public manifest
        w.binding,
        w.ids["zhao"],
        kind="score",
        answers=full_answers(w.standard),
        role="expert",
        chair_certificate=chair_cert(w),
    )
    with pytest.raises(Refused, match="not on this package's roster"):
        verify_sheet(sheet, w.ids["zhang"], w.binding, w.root_cert)


def test_another_authoritys_member_is_untrusted(sheet_world):
    w = sheet_world
    sheet = seal_sheet(
        w.binding,
        w.ids["mallory"],
        kind="score",
        answers=full_answers(w.standard),
        role="expert",
        chair_certificate=chair_cert(w),
    )
    with pytest.raises(Untrusted):
        verify_sheet(sheet, w.ids["zhang"], w.binding, w.root_cert)


def test_revoked_before_signing_is_refused_but_earlier_sheets_stay_valid(sheet_world, li_sheet, tmp_path):
    w = sheet_world
    crl_der = _crl_revoking(w, "wang")
    revocations = RevocationList.load(crl_der, w.root_cert)
    binding = PackageBinding(**{**w.binding.__dict__, "revocations": revocations})
    with pytest.raises(Revoked):
        build_sheet(binding, w.ids["wang"], full_answers(w.standard))
    late = make(w, who="wang")  # signed "now", after the revocation time below
    with pytest.raises(Revoked):
        verify_sheet(late, w.ids["zhang"], binding, w.root_cert)
    assert verify_sheet(li_sheet, w.ids["zhang"], binding, w.root_cert).signer_name == "李娜"


def _crl_revoking(w, who):
    from datetime import timedelta

    from reviewer.trust.revocation import RevokedEntry, build_crl

    when = clock.utcnow() - timedelta(minutes=1)
    return build_crl(
        w.authority.root,
        w.keys.root,
        [RevokedEntry(w.ids[who].installed().serial, when)],
        number=w.authority.revocations().number + 100,
        now=clock.utcnow(),
    )


def test_recusal_sheet(sheet_world):
    w = sheet_world
    data = build_recusal(w.binding, w.ids["zhou"], "曾为该园区提供咨询服务")
    sheet = open_sheet(data, w.ids["zhang"], w.binding, w.root_cert)
    assert sheet.recused and sheet.header.kind == "recusal"
    assert (
        sheet.declarations.conflict_declared
        and sheet.declarations.conflict_reason == "曾为该园区提供咨询服务"
    )
    assert not sheet.answers.scores
    scores = sheet.to_expert_scores()
    assert scores.recused and not scores.scores
    with pytest.raises(SheetInvalid):
        build_recusal(w.binding, w.ids["zhou"], "  ")


def test_the_chair_certificate_comes_from_the_roster_and_is_checked(sheet_world):
    w = sheet_world
    chair = w.binding.chair
    assert chair.certificate == w.ids["zhang"].certificate  # carried in the signed roster
    assert chair_certificate_for(w.binding, w.ids["li"]) == w.ids["zhang"].certificate
    # an expert's sheet, with no certificate given, is readable by the chair (and the ministry)
    sheet = open_sheet(make(w, who="li"), w.ids["zhang"], w.binding, w.root_cert)
    assert sheet.header.signer_name == "李娜" and sheet.header.role == "expert"
    # an override is accepted only if it is the roster chair's certificate
    ok = build_sheet(w.binding, w.ids["li"], full_answers(w.standard), chair_certificate=chair_cert(w))
    assert open_sheet(ok, w.ids["zhang"], w.binding, w.root_cert).header.role == "expert"
    with pytest.raises(Refused, match="not that of this panel's chair"):
        build_sheet(
            w.binding, w.ids["li"], full_answers(w.standard), chair_certificate=w.ids["wang"].certificate
        )
    # the chair signing their own sheet uses their own certificate
    own = build_sheet(w.binding, w.ids["zhang"], full_answers(w.standard))
    assert verify_sheet(own, w.ids["zhang"], w.binding, w.root_cert).role == "chair"


def test_a_revoked_chair_is_not_encrypted_to(sheet_world):
    w = sheet_world
    revocations = RevocationList.load(_crl_revoking(w, "zhang"), w.root_cert)
    binding = PackageBinding(**{**w.binding.__dict__, "revocations": revocations})
    with pytest.raises(Revoked, match="张伟"):
        build_sheet(binding, w.ids["li"], full_answers(w.standard))
    with pytest.raises(Revoked):
        build_recusal(binding, w.ids["zhou"], "亲属任职")


def test_a_roster_chair_certificate_not_under_the_pinned_root_is_untrusted(sheet_world):
    w = sheet_world
    foreign = w.ids["mallory"].certificate  # another authority's member
    roster = tuple(
        replace(m, cert_sha256=cert_fingerprint(foreign), certificate=foreign) if m.role == "chair" else m
        for m in w.binding.roster
    )
    binding = PackageBinding(**{**w.binding.__dict__, "roster": roster})
    with pytest.raises(Untrusted):
        build_sheet(binding, w.ids["li"], full_answers(w.standard))


def test_to_expert_scores_feeds_reconcile(sheet_world):
    w = sheet_world
    sheets = [
        open_sheet(make(w, who, full_answers(w.standard, bump=bump)), w.ids["zhang"], w.binding, w.root_cert)
        for who, bump in (("li", {"1.1": "7"}), ("wang", {"1.1": "5"}), ("zhang", {}))
    ]
    result = reconcile(w.standard, [s.to_expert_scores() for s in sheets])
    first = next(i for i in result.indicators if i.code == "1.1")
    assert first.aggregate == Decimal("5.33")  # mean of 7, 5, 4 at two decimal places
    assert {s.expert_id for s in sheets} == {w.ids[k].fingerprint for k in ("li", "wang", "zhang")}


def test_write_sheet_never_overwrites(sheet_world, li_sheet, tmp_path):
    path = write_sheet(tmp_path / "li.rvsheet", li_sheet)
    assert path.read_bytes() == li_sheet
    with pytest.raises(Refused):
        write_sheet(path, b"other")
    assert path.read_bytes() == li_sheet
    assert [p.name for p in tmp_path.iterdir()] == ["li.rvsheet"]

"""Issue 18: a member refuses to sign with written reasons, another does nothing; the chair records
that one as not signed and closes, stating both on the signature page; the bundle carries
closing.json and the refusal, and the ministry opens it. Closing is refused while a member is
neither signed, refused nor recorded; a forged refusal (another member's, another record's) is refused."""

from __future__ import annotations

import json
import shutil
import subprocess
import uuid
from dataclasses import dataclass, replace
from io import BytesIO
from pathlib import Path

import pytest
from bundle_world import CHAIR, BundleWorld, bundle_world, sign_in_order
from pyhanko.pdf_utils.reader import PdfFileReader

from reviewer.errors import Refused
from reviewer.export.bundle import _package_files, build_bundle, open_bundle
from reviewer.export.bundle_format import (
    KIND,
    MIMETYPE,
    BundleContent,
    ForeignContent,
    RecordIncomplete,
    content_json,
    header_json,
    sha256,
)
from reviewer.export.closing import (
    NOT_SIGNED,
    REFUSED,
    Closing,
    ClosingIncomplete,
    NotSigned,
    Unsigned,
    build_closing,
    parse_closing,
    record_ref,
    refusal_for,
    stated_closing,
)
from reviewer.export.pades import find_field, sign_record
from reviewer.export.pades_validate import require_valid, validate_record
from reviewer.export.panel_outputs import close_stating
from reviewer.export.record_input import MemberRole
from reviewer.ministry.importer import check_signed_or_stated
from reviewer.packages import envelope as fmt
from reviewer.packages import open_package
from reviewer.scoring.statement import Refusal, Statement, build_statement, open_statement
from reviewer.trust import clock

__all__ = ["bundle_world"]

REFUSER, SILENT = "li-zhe", "zhang-yue"
SIGNERS = ["chen-shen", "zhao-xin", "zhou-miao"]  # qian-ben recused
REASON = "对指标 2.1 的协商分值有不同意见，且未获采纳，故不签字。"


@dataclass(frozen=True)
class Closed:
    members_signed: bytes  # everyone but the refuser and the silent member
    refusal: bytes
    statement: Statement
    pdf: bytes  # closed by the chair
    closing: bytes
    bundle: bytes


def refuse(w: BundleWorld, pdf: bytes, key: str = REFUSER, reason: str = REASON) -> bytes:
    with open_package(w.package, w.ids[key]) as opened:
        return refusal_for(pdf, w.ids[key], opened, reason=reason)


def opened_statement(w: BundleWorld, data: bytes) -> Statement:
    return open_statement(data, w.ids[CHAIR], w.binding, w.root)


_CLOSED: Closed | None = None


@pytest.fixture(scope="module")
def closed(bundle_world: BundleWorld) -> Closed:
    global _CLOSED
    if _CLOSED is None:
        w = bundle_world
        partly = sign_in_order(w.record_unsigned, w.ids, SIGNERS[:1])
        refusal = refuse(w, partly)  # the refusal is bound to the record, not to a signature count
        pdf = sign_in_order(partly, w.ids, SIGNERS[1:])
        statement = opened_statement(w, refusal)
        done = close_stating(
            pdf,
            w.ids[CHAIR],
            w.binding,
            refusals=[statement],
            not_signed=[NotSigned(w.ids[SILENT].fingerprint, clock.iso(clock.utcnow()))],
        )
        with open_package(w.package, w.ids[CHAIR]) as opened:
            bundle = build_bundle(
                w.ids[CHAIR],
                opened,
                sheets=list(w.sheets.values()),
                decisions=w.decisions.to_json(),
                reconciliation=w.reconciliation,
                record_pdf=done.pdf,
                motions=w.motions,
                statements=[*w.statements, refusal],
                closing=done.closing,
            )
        _CLOSED = Closed(pdf, refusal, statement, done.pdf, done.closing, bundle)
    return _CLOSED


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path = tmp_path / "record.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True)
    return out.stdout


def test_a_refusal_and_a_silent_member_let_the_chair_close_with_the_facts_printed(
    bundle_world: BundleWorld, closed: Closed, tmp_path: Path
) -> None:
    w = bundle_world
    assert (
        closed.statement.kind == "refusal"
        and closed.statement.member.fingerprint == w.ids[REFUSER].fingerprint
    )
    assert closed.statement.refusal == Refusal(*vars(record_ref(w.record_unsigned)).values(), REASON)
    facts = parse_closing(closed.closing)
    assert facts.record_id == record_ref(closed.pdf).record_id
    assert [(u.expert, u.status, u.statement_sha256, u.reason) for u in facts.unsigned] == [
        (w.ids[REFUSER].fingerprint, REFUSED, closed.statement.digest, REASON),
        (w.ids[SILENT].fingerprint, NOT_SIGNED, None, None),
    ]
    statuses = validate_record(closed.pdf, w.root)
    require_valid(statuses)  # pyHanko, with the record's own revision rule
    assert [s.signer_name for s in statuses] == [w.ids[k].name for k in [*SIGNERS, CHAIR]]
    assert all(s.intact and s.trusted and s.changes_allowed for s in statuses)
    text = "".join(pdf_text(closed.pdf, tmp_path).split())
    assert (
        f"{w.ids[REFUSER].name}：拒绝签字，已书面说明理由（见拒签说明{closed.statement.digest[:8]}…）" in text
    )
    assert f"{w.ids[SILENT].name}：未签字，亦未书面说明理由，依规视为同意" in text


def test_the_ministry_opens_the_bundle_with_its_closing_facts(
    bundle_world: BundleWorld, closed: Closed
) -> None:
    w = bundle_world
    bundle = open_bundle(closed.bundle, w.ministry, w.root)
    assert bundle.closing is not None and bundle.closing.to_json() == closed.closing
    assert closed.statement.digest in [s.digest for s in bundle.statements]
    check_signed_or_stated(bundle)  # the import's own check: signed, refused, or recorded
    with pytest.raises(RecordIncomplete, match=w.ids[REFUSER].name):  # without the facts, named
        check_signed_or_stated(replace(bundle, closing=None))
    with pytest.raises(RecordIncomplete, match=w.ids[REFUSER].name):  # a refusal not carried
        check_signed_or_stated(replace(bundle, statements=()))


def test_closing_is_refused_while_a_member_is_neither_signed_refused_nor_recorded(
    bundle_world: BundleWorld, closed: Closed
) -> None:
    w = bundle_world
    with pytest.raises(ClosingIncomplete) as caught:
        close_stating(closed.members_signed, w.ids[CHAIR], w.binding, refusals=[closed.statement])
    assert w.ids[SILENT].name in str(caught.value) and w.ids[REFUSER].name not in str(caught.value)
    chair_field = find_field(closed.members_signed, w.ids[CHAIR])
    with pytest.raises(Refused, match=w.ids[SILENT].name):  # the signing rule itself
        sign_record(
            closed.members_signed,
            chair_field.name,
            w.ids[CHAIR],
            MemberRole.CHAIR,
            unsigned={w.ids[REFUSER].fingerprint: "李喆：拒绝签字"},
        )


def test_a_member_who_signed_cannot_refuse_nor_be_stated_as_not_signing(
    bundle_world: BundleWorld, closed: Closed
) -> None:
    w = bundle_world
    with pytest.raises(Refused, match="signed the record"):
        refuse(w, closed.members_signed, key="chen-shen")
    chair_field = find_field(closed.members_signed, w.ids[CHAIR])
    with pytest.raises(Refused, match="signed the record"):
        sign_record(
            closed.members_signed,
            chair_field.name,
            w.ids[CHAIR],
            MemberRole.CHAIR,
            unsigned={
                w.ids[REFUSER].fingerprint: "x",
                w.ids[SILENT].fingerprint: "y",
                w.ids["chen-shen"].fingerprint: "z",
            },
        )


def test_a_refusal_of_another_record_is_refused_at_closing(bundle_world: BundleWorld, closed: Closed) -> None:
    w = bundle_world
    ref = record_ref(closed.members_signed)
    other = Refusal(ref.record_id, ref.reconciliation_sha256, "0" * 64, REASON)  # other decisions
    with open_package(w.package, w.ids[REFUSER]) as opened:
        stale = opened_statement(w, build_statement(w.ids[REFUSER], opened, refusal=other))
    with pytest.raises(ForeignContent, match="for another record"):
        build_closing(
            closed.members_signed,
            w.binding,
            refusals=[stale],
            not_signed=[NotSigned(w.ids[SILENT].fingerprint, clock.iso(clock.utcnow()))],
        )


# --- forged bundles: a rogue chair's tool skips every check -------------------------------------


def forge(w: BundleWorld, record: bytes, statements: list[bytes], closing: bytes) -> bytes:
    with open_package(w.package, w.ids[CHAIR]) as opened:
        files = _package_files(opened)
    content = BundleContent(files, tuple(w.sheets.values()), w.decisions.to_json(), w.reconciliation, record,
                            w.motions, (*w.statements, *statements), closing)  # fmt: skip
    ident = w.ids[CHAIR]
    bundle_id = str(uuid.uuid4())
    header = header_json(
        bundle_id=bundle_id,
        package_id=w.binding.package_id,
        manifest_sha256=w.binding.manifest_sha256,
        result_version=1,
        created=clock.iso(clock.utcnow()),
        chair_sha256=ident.fingerprint,
        sheet_count=len(content.sheets),
        record_sha256=sha256(content.record),
    )
    return fmt.seal_envelope(mimetype=MIMETYPE, kind=KIND, artifact_id=bundle_id, header=header,
                             payload=content_json(header, content), signer=ident,
                             recipients=[fmt.recipient_of(w.authority.signing_cert, "ministry")])  # fmt: skip


def chair_closes(w: BundleWorld, pdf: bytes, closing: Closing) -> bytes:
    names = {m.cert_sha256: m.name for m in w.binding.roster}
    field = find_field(pdf, w.ids[CHAIR])
    return sign_record(pdf, field.name, w.ids[CHAIR], MemberRole.CHAIR, unsigned=closing.lines(names),
                       closing_sha256=closing.sha256)  # fmt: skip


def test_a_refusal_signed_by_another_member_is_refused(bundle_world: BundleWorld, closed: Closed) -> None:
    """The silent member is claimed to have refused, with the refuser's statement."""
    w = bundle_world
    facts = parse_closing(closed.closing)
    forged = replace(facts.unsigned[0], expert=w.ids[SILENT].fingerprint)
    closing = Closing(facts.record_id, (facts.unsigned[0], forged))
    pdf = chair_closes(w, closed.members_signed, closing)
    bundle = forge(w, pdf, [closed.refusal], closing.to_json())
    with pytest.raises(ForeignContent, match="not a refusal signed by them"):
        open_bundle(bundle, w.ministry, w.root)


def test_a_refusal_bound_to_another_record_is_refused(bundle_world: BundleWorld, closed: Closed) -> None:
    w = bundle_world
    ref = record_ref(closed.members_signed)
    other = Refusal(str(uuid.uuid4()), ref.reconciliation_sha256, ref.decisions_sha256, REASON)
    with open_package(w.package, w.ids[REFUSER]) as opened:
        data = build_statement(w.ids[REFUSER], opened, refusal=other)
    statement = opened_statement(w, data)
    facts = parse_closing(closed.closing)
    entry = Unsigned(w.ids[REFUSER].fingerprint, REFUSED, statement.digest, REASON, statement.created)
    closing = Closing(facts.record_id, (entry, facts.unsigned[1]))
    pdf = chair_closes(w, closed.members_signed, closing)
    with pytest.raises(ForeignContent, match="for another record"):
        open_bundle(forge(w, pdf, [data], closing.to_json()), w.ministry, w.root)


def test_closing_facts_the_record_does_not_name_or_that_leave_a_member_out_are_refused(
    bundle_world: BundleWorld, closed: Closed
) -> None:
    w = bundle_world
    facts = parse_closing(closed.closing)
    # the closing.json carried is not the one the chair's signature names
    other = Closing(
        facts.record_id, (facts.unsigned[0], replace(facts.unsigned[1], recorded_at="2026-06-17T08:00:00Z"))
    )
    with pytest.raises(RecordIncomplete, match="does not name"):
        open_bundle(forge(w, closed.pdf, [closed.refusal], other.to_json()), w.ministry, w.root)
    # a closing that leaves the silent member out: the chair's own signing refuses; forged, the ministry does
    only_refusal = Closing(facts.record_id, facts.unsigned[:1])
    doc = json.loads(closed.closing)
    assert len(doc["unsigned"]) == 2
    with pytest.raises(Refused):
        chair_closes(w, closed.members_signed, only_refusal)
    with pytest.raises(RecordIncomplete, match=w.ids[SILENT].name):
        open_bundle(forge(w, closed.pdf, [closed.refusal], only_refusal.to_json()), w.ministry, w.root)


def test_pdfsig_shows_every_signature_of_the_record_closed_with_facts_valid(
    bundle_world: BundleWorld, closed: Closed, tmp_path: Path
) -> None:
    from reviewer.trust.credential import pem

    if not (shutil.which("pdfsig") and shutil.which("certutil")):
        pytest.skip("pdfsig and certutil (poppler-utils, libnss3-tools) are not installed")
    db = tmp_path / "nss"
    db.mkdir()
    (db / "root.pem").write_text(pem(bundle_world.root), encoding="ascii")
    subprocess.run(["certutil", "-N", "-d", f"sql:{db}", "--empty-password"], check=True, capture_output=True)
    subprocess.run(["certutil", "-A", "-d", f"sql:{db}", "-n", "root", "-t", "CT,C,C", "-i", str(db / "root.pem")],
                   check=True, capture_output=True)  # fmt: skip
    path = tmp_path / "record.pdf"
    path.write_bytes(closed.pdf)
    out = subprocess.run(["pdfsig", "-nssdir", f"sql:{db}", str(path)], capture_output=True, text=True).stdout
    assert out.count("Signature Validation: Signature is Valid.") == 4  # three members and the chair
    assert out.count("Certificate Validation: Certificate is Trusted.") == 4
    assert out.count("Total document signed") == 1
    reader = PdfFileReader(BytesIO(closed.pdf))
    assert stated_closing(reader) == sha256(closed.closing)  # the chair's /Reason names closing.json


def test_the_ministry_imports_it_and_the_desk_shows_who_did_not_sign(
    bundle_world: BundleWorld, closed: Closed, tmp_path: Path
) -> None:
    from reviewer.app import ministry_desk as ops
    from reviewer.ministry import archive
    from reviewer.ministry.registry import Registry
    from reviewer.trust import open_authority

    w = bundle_world
    copy = tmp_path / "authority"
    shutil.copytree(w.authority.path, copy, ignore=shutil.ignore_patterns(archive.RESULTS))
    authority = open_authority(copy)
    path = tmp_path / "closed.rvresult"
    path.write_bytes(closed.bundle)
    with Registry.open(str(tmp_path / "reg.sqlite3")) as reg:
        (outcome,) = ops.import_bundles(reg, authority, w.keys, [path], workers=1)
    assert outcome.ok, outcome.message
    opened = ops.open_result(authority, w.keys, archive.bundle_digest(closed.bundle))
    assert [(u.member, u.status, u.reason) for u in opened.unsigned] == [
        (w.ids[REFUSER].name, REFUSED, REASON),
        (w.ids[SILENT].name, NOT_SIGNED, None),
    ]


def test_closing_facts_about_a_member_who_signed_are_refused(
    bundle_world: BundleWorld, closed: Closed
) -> None:
    w = bundle_world
    facts = parse_closing(closed.closing)
    extra = Unsigned(w.ids["chen-shen"].fingerprint, NOT_SIGNED, None, None, facts.unsigned[1].recorded_at)
    closing = Closing(facts.record_id, (*facts.unsigned, extra))
    with pytest.raises(Refused, match="signed the record"):  # the chair's signing refuses it
        chair_closes(w, closed.members_signed, closing)
    # a rogue tool: the appearance states the two, the /Reason names the closing.json with the third
    names = {m.cert_sha256: m.name for m in w.binding.roster}
    field = find_field(closed.members_signed, w.ids[CHAIR])
    lines = Closing(facts.record_id, facts.unsigned).lines(names)
    pdf = sign_record(closed.members_signed, field.name, w.ids[CHAIR], MemberRole.CHAIR, unsigned=lines,
                      closing_sha256=closing.sha256)  # fmt: skip
    with pytest.raises(RecordIncomplete, match="no empty member's field"):
        open_bundle(forge(w, pdf, [closed.refusal], closing.to_json()), w.ministry, w.root)


def test_attack_the_chair_hiding_written_reasons_behind_a_not_signed_mark_is_refused(
    bundle_world: BundleWorld, closed: Closed
) -> None:
    """The refuser's written refusal of this record is carried, yet the closing says they neither
    signed nor gave reasons (deemed to agree): the ministry refuses it."""
    w = bundle_world
    facts = parse_closing(closed.closing)
    hidden = replace(facts.unsigned[0], status=NOT_SIGNED, statement_sha256=None, reason=None)
    closing = Closing(facts.record_id, (hidden, facts.unsigned[1]))
    pdf = chair_closes(w, closed.members_signed, closing)
    with pytest.raises(RecordIncomplete, match="written refusal"):
        open_bundle(forge(w, pdf, [closed.refusal], closing.to_json()), w.ministry, w.root)

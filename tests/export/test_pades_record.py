"""PAdES on the review record: seven members sign in order (members, then the chair) and every signature
validates in pyHanko and in poppler's pdfsig against the ministry root; tampering, a foreign root and
signing out of order are caught."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import timedelta
from io import BytesIO
from pathlib import Path

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader

from reviewer.errors import NotAnArtifact, Refused, Tampered, Untrusted
from reviewer.export.pades import find_field, record_fields, sign_record
from reviewer.export.pades_validate import EARLIER_REVISION, WHOLE_DOCUMENT, require_valid, validate_record
from reviewer.export.record import build_record_pdf
from reviewer.export.record_input import MemberRole
from reviewer.trust.clock import utcnow
from reviewer.trust.credential import pem


@pytest.fixture(scope="module")
def unsigned(record_input) -> bytes:
    return build_record_pdf(record_input)


def sign_all(pdf: bytes, record_input, panel, upto: int | None = None) -> bytes:
    start = utcnow()
    for i, member in enumerate(record_input.signers()[:upto]):
        identity = panel.identities[member.expert_id]
        field = find_field(pdf, identity)
        pdf = sign_record(pdf, field.name, identity, member.role, start + timedelta(seconds=i))
    return pdf


@pytest.fixture(scope="module")
def signed(unsigned, record_input, panel) -> bytes:
    return sign_all(unsigned, record_input, panel)


def flip_one_byte(pdf: bytes) -> bytes:
    """Change one byte inside the first page stream of the original document (covered by every signature)."""
    start = pdf.index(b"stream", pdf.index(b"/Contents")) if b"/Contents" in pdf else pdf.index(b"stream")
    at = start + 40
    return pdf[:at] + bytes([pdf[at] ^ 0x01]) + pdf[at + 1 :]


def test_seven_signatures_all_intact_and_trusted(signed, record_input, panel):
    statuses = validate_record(signed, panel.root)
    signers = record_input.signers()
    assert len(statuses) == 7
    assert [s.signer_name for s in statuses] == [m.name for m in signers]
    assert [s.role for s in statuses] == [MemberRole.EXPERT] * 6 + [MemberRole.CHAIR]
    assert [s.signer_fingerprint for s in statuses] == [m.cert_fingerprint for m in signers]
    for s in statuses:
        assert s.intact and s.trusted and s.in_own_field and s.changes_allowed, s
        assert s.valid
    # Every member signed an earlier revision; the chair's signature covers the whole file.
    assert [s.coverage for s in statuses] == [EARLIER_REVISION] * 6 + [WHOLE_DOCUMENT]
    assert {s.modification_level for s in statuses[:-1]} == {"form_filling"}
    assert statuses[-1].modification_level == "none"
    times = [s.signed_at for s in statuses]
    assert times == sorted(times)
    require_valid(statuses, complete=record_fields(signed))
    assert all(f.signed for f in record_fields(signed))


def test_signatures_are_incremental_updates(unsigned, signed):
    assert signed.startswith(unsigned)
    assert signed.count(b"%%EOF") == unsigned.count(b"%%EOF") + 7


def test_a_flipped_byte_is_reported(signed, panel):
    statuses = validate_record(flip_one_byte(signed), panel.root)
    assert len(statuses) == 7
    assert not any(s.intact for s in statuses)
    with pytest.raises(Tampered):
        require_valid(statuses)


def test_a_foreign_root_is_not_trusted(signed, panel):
    statuses = validate_record(signed, panel.other_root_identity.trust_root())
    assert all(s.intact and not s.trusted for s in statuses)
    with pytest.raises(Untrusted):
        require_valid(statuses)


def test_not_a_pdf_and_incomplete_records(unsigned, record_input, panel):
    with pytest.raises(NotAnArtifact):
        validate_record(b"PK\x03\x04 not a pdf", panel.root)
    partial = sign_all(unsigned, record_input, panel, upto=2)
    statuses = validate_record(partial, panel.root)
    assert len(statuses) == 2 and all(s.valid for s in statuses)
    with pytest.raises(Refused, match="王堃"):
        require_valid(statuses, complete=record_fields(partial))


def test_the_chair_signs_last_and_closes_the_record(unsigned, signed, record_input, panel):
    chair = panel.identities["wang-kun"]
    chair_field = find_field(unsigned, chair)
    with pytest.raises(Refused, match="李喆"):  # members first
        sign_record(unsigned, chair_field.name, chair, MemberRole.CHAIR)
    member = panel.identities["li-zhe"]
    with pytest.raises(Refused):  # closed
        sign_record(signed, find_field(signed, member).name, member, MemberRole.EXPERT)


def test_a_field_is_signed_once_by_its_own_certificate_in_its_role(unsigned, record_input, panel):
    li, zhang = panel.identities["li-zhe"], panel.identities["zhang-yue"]
    li_field = find_field(unsigned, li).name
    with pytest.raises(Refused):  # someone else's field
        sign_record(unsigned, li_field, zhang, MemberRole.EXPERT)
    with pytest.raises(Refused):  # wrong role
        sign_record(unsigned, li_field, li, MemberRole.CHAIR)
    with pytest.raises(Refused):  # no such field
        sign_record(unsigned, "Signature1", li, MemberRole.EXPERT)
    once = sign_record(unsigned, li_field, li, MemberRole.EXPERT)
    with pytest.raises(Refused):
        sign_record(once, li_field, li, MemberRole.EXPERT)


def test_an_identity_from_another_authority_has_no_field(unsigned, panel):
    with pytest.raises(Refused, match="王堃"):
        find_field(unsigned, panel.other_root_identity)


def test_a_signature_added_after_the_chair_breaks_the_closed_record(signed, panel):
    """Bypassing sign_record: pyHanko appends an extra signature; the chair's lock reports it."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    from reviewer.export.pades import _IdentitySigner

    writer = IncrementalPdfFileWriter(BytesIO(signed))
    meta = signers.PdfSignatureMetadata(field_name="Extra", md_algorithm="sha256")
    spec = fields.SigFieldSpec("Extra", box=(10, 10, 100, 40), on_page=-1)
    pdf_signer = signers.PdfSigner(meta, _IdentitySigner(panel.identities["li-zhe"]), new_field_spec=spec)
    extra = pdf_signer.sign_pdf(writer).getvalue()
    statuses = validate_record(extra, panel.root)
    chair = next(s for s in statuses if s.role is MemberRole.CHAIR)
    assert not chair.changes_allowed
    with pytest.raises(Tampered):
        require_valid(statuses)


# --- poppler's pdfsig, given the ministry root in a temporary NSS database ----------------------


@pytest.fixture(scope="module")
def nss_db(panel, tmp_path_factory) -> Path:
    if not shutil.which("pdfsig"):
        pytest.skip("pdfsig (poppler-utils) is not installed: run scripts/install-system-deps.sh")
    if not shutil.which("certutil"):
        pytest.skip("certutil (libnss3-tools) is not installed: run scripts/install-system-deps.sh")
    db = tmp_path_factory.mktemp("nss")
    root = db / "root.pem"
    root.write_text(pem(panel.root), encoding="ascii")
    subprocess.run(["certutil", "-N", "-d", f"sql:{db}", "--empty-password"], check=True, capture_output=True)
    subprocess.run(
        ["certutil", "-A", "-d", f"sql:{db}", "-n", "ministry-root", "-t", "CT,C,C", "-i", str(root)],
        check=True,
        capture_output=True,
    )
    return db


def pdfsig(pdf: bytes, db: Path, tmp_path: Path) -> str:
    path = tmp_path / "record.pdf"
    path.write_bytes(pdf)
    result = subprocess.run(["pdfsig", "-nssdir", f"sql:{db}", str(path)], capture_output=True, text=True)
    return result.stdout + result.stderr


def test_pdfsig_reports_every_signature_valid_and_trusted(signed, nss_db, record_input, tmp_path):
    out = pdfsig(signed, nss_db, tmp_path)
    assert len(re.findall(r"^Signature #\d+:", out, re.M)) == 7
    assert out.count("Signature Validation: Signature is Valid.") == 7
    assert out.count("Certificate Validation: Certificate is Trusted.") == 7
    assert out.count("Total document signed") == 1  # the chair's
    for member in record_input.signers():
        assert f"Signer Certificate Common Name: {member.name}" in out


def test_pdfsig_reports_a_flipped_byte(signed, nss_db, tmp_path):
    out = pdfsig(flip_one_byte(signed), nss_db, tmp_path)
    assert "Signature is Valid." not in out
    assert out.count("Digest Mismatch") == 7


# --- the space reserved for each signature ---------------------------------------------------------


def test_each_signature_is_made_once_in_the_space_reserved_for_it(unsigned, record_input, panel, monkeypatch):
    """sign_record reserves a bound of the CMS size, so pyHanko never signs a dummy digest to measure
    it; every signature fits its reservation with room to spare and validates."""
    from asn1crypto import cms
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.signers.pdf_signer import PdfSigningSession

    from reviewer.export.pades import _IdentitySigner, cms_reserve

    async def no_dry_run(*args, **kwargs):
        raise AssertionError("pyHanko estimated the signature size with a dry run")

    monkeypatch.setattr(PdfSigningSession, "estimate_signature_container_size", no_dry_run)
    signed = sign_all(unsigned, record_input, panel)
    by_name = {m.name: panel.identities[m.expert_id] for m in record_input.signers()}
    signatures = PdfFileReader(BytesIO(signed)).embedded_signatures
    assert len(signatures) == 7
    for sig in signatures:
        contents = bytes(sig.sig_object["/Contents"])  # the reserved space: the CMS, then zeros
        der = cms.ContentInfo.load(contents, strict=False).dump()
        identity = by_name[sig.signer_cert.subject.native["common_name"]]
        assert len(contents) * 2 == cms_reserve(_IdentitySigner(identity))
        assert contents[len(der) :] == bytes(len(contents) - len(der))
        assert len(contents) - len(der) >= 512, "the bound leaves less margin than it should"
    statuses = validate_record(signed, panel.root)
    require_valid(statuses, complete=record_fields(signed))


def test_the_chair_signs_under_the_lock_of_the_field_without_a_warning(unsigned, record_input, panel, caplog):
    """The chair's signature asks for exactly what the field's lock demands (no changes after it),
    so pyHanko has nothing to override and logs nothing."""
    members = sign_all(unsigned, record_input, panel, upto=len(record_input.signers()) - 1)
    chair = record_input.signers()[-1]
    identity = panel.identities[chair.expert_id]
    with caplog.at_level("WARNING", logger="pyhanko"):
        closed = sign_record(members, find_field(members, identity).name, identity, MemberRole.CHAIR)
    assert [r.getMessage() for r in caplog.records if r.name.startswith("pyhanko")] == []
    reader = PdfFileReader(BytesIO(closed))
    lock = reader.embedded_signatures[-1].sig_field["/Lock"]
    assert lock["/Action"] == "/All" and int(lock["/P"]) == 1  # no changes allowed after the chair


def test_the_first_signature_certifies_and_each_signature_locks_the_fields(signed, record_input):
    """PDF-level locks for any PDF reader (the product's own check is stricter, pades_revisions): the
    first signature certifies the record allowing only form filling and signing (DocMDP P=2); each
    member's field locks every field but the other signature fields (FieldMDP); the chair's locks
    every field and allows no change (P=1)."""
    from pyhanko.sign.fields import FieldMDPAction, MDPPerm

    reader = PdfFileReader(BytesIO(signed))
    sigs = reader.embedded_signatures
    assert sigs[0].docmdp_level == MDPPerm.FILL_FORMS
    assert reader.root["/Perms"].raw_get("/DocMDP").reference == sigs[0].sig_field.raw_get("/V").reference
    assert all("/DocMDP" not in str(s.sig_object.get("/Reference", "")) for s in sigs[1:])
    names = [f.name for f in record_fields(signed)]
    for sig in sigs[:-1]:
        lock = sig.fieldmdp
        assert lock is not None and lock.action == FieldMDPAction.EXCLUDE
        assert set(lock.fields) == set(names) - {sig.field_name}
    assert sigs[-1].fieldmdp.action == FieldMDPAction.ALL
    assert sigs[-1].docmdp_level == MDPPerm.NO_CHANGES

"""The record under the SM suite, with real SM identities: every member co-signs, the chair closes,
and the record alone proves who signed (each SM2 attribute carries its member's SM2 certificate).
pdfsig trusts it with only the PDF root; the ministry's check refuses a stripped, swapped or foreign
attribute and a revoked member; OpenSSL 3 verifies one member's SM2 signature and certificate taken
out of the closed record and the pinned SM2 root."""

from __future__ import annotations

import dataclasses
import hashlib
import re
import shutil
import subprocess
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from asn1crypto import cms
from cryptography import x509
from cryptography.hazmat.primitives import serialization

from reviewer.errors import Revoked, Tampered
from reviewer.export import pades_sm2
from reviewer.export.bundle_checks import check_record
from reviewer.export.pades import find_field, record_fields
from reviewer.export.pades_sm2 import add_sm2_attribute, covered_bytes, read_sm2_attribute
from reviewer.export.pades_validate import require_valid, validate_record
from reviewer.export.panel_outputs import close_record, cosign
from reviewer.export.panel_record import record_document_id
from reviewer.export.record import build_record_pdf
from reviewer.export.record_input import MemberRole
from reviewer.trust import Identity, create_authority, create_identity, install_credential, suites
from reviewer.trust import load_identity as _load_identity
from reviewer.trust.clock import utcnow
from reviewer.trust.credential import pem
from reviewer.trust.identity import REQUEST
from tests.export.conftest import big_panel, sample_record, source

ROSTER = big_panel(4)  # three members and the chair, last
PACKAGE_ID = "sm-record-test-package"
DISTID = "distid:1234567812345678"
DECISIONS = b'{"format":"stand-in decisions"}'  # what the record binds by SHA-256 (its /Keywords)


@dataclasses.dataclass(frozen=True)
class SmPanel:
    authority: Any
    ids: dict[str, Identity]
    foreign: Identity  # enrolled by another SM authority

    @property
    def root(self) -> x509.Certificate:
        return self.authority.root


def _enrol(authority: Any, folder: Path, name: str, org: str) -> Identity:
    info, _ = create_identity(folder, name=name, org=org, source=source(), suite=suites.SM)
    cred = authority.enroll((info.path / REQUEST).read_bytes(), source(), source_name=folder.name)
    cred.save(folder.parent / f"{folder.name}.rvcred")
    install_credential(folder, folder.parent / f"{folder.name}.rvcred")
    return _load_identity(folder, source())


@pytest.fixture(scope="module")
def sm_panel(tmp_path_factory: pytest.TempPathFactory) -> SmPanel:
    base = tmp_path_factory.mktemp("sm-record")
    authority = create_authority(base / "authority", name="工业和信息化部（国密测试）", source=source(),
                                 suite=suites.SM)  # fmt: skip
    ids = {key: _enrol(authority, base / "ids" / key, name, org) for key, name, org, _t, _r in ROSTER}
    rogue = create_authority(
        base / "rogue", name="工业和信息化部（国密测试）", source=source(), suite=suites.SM
    )
    foreign = _enrol(rogue, base / "rogue-ids" / "chen-shen", ROSTER[0][1], ROSTER[0][2])
    return SmPanel(authority, ids, foreign)


@pytest.fixture(scope="module")
def record_input(sm_panel: SmPanel) -> Any:
    record = sample_record({k: i.fingerprint for k, i in sm_panel.ids.items()}, roster=ROSTER)
    return dataclasses.replace(
        record,
        document_id=record_document_id(PACKAGE_ID),
        decisions_sha256=hashlib.sha256(DECISIONS).hexdigest(),
    )


@pytest.fixture(scope="module")
def members_signed(sm_panel: SmPanel, record_input: Any) -> bytes:
    pdf = build_record_pdf(record_input)
    for key, *_ in ROSTER[:-1]:
        pdf, target = cosign(pdf, sm_panel.ids[key], members_only=True)
        assert target.info is not None and target.info.role is MemberRole.EXPERT
    return pdf


@pytest.fixture(scope="module")
def closed(sm_panel: SmPanel, members_signed: bytes) -> bytes:
    pdf, signed_now = close_record(members_signed, sm_panel.ids[ROSTER[-1][0]])
    assert signed_now
    return pdf


def der(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.DER)


def field_of(pdf: bytes, identity: Identity) -> str:
    return find_field(pdf, identity).name


# --- the record as the panel makes it ---------------------------------------------------------------


def test_every_signature_valid_under_the_sm2_root_alone(closed, sm_panel):
    statuses = validate_record(closed, sm_panel.root)
    assert [s.signer_fingerprint for s in statuses] == [sm_panel.ids[k].fingerprint for k, *_ in ROSTER]
    assert [s.role for s in statuses] == [MemberRole.EXPERT] * 3 + [MemberRole.CHAIR]
    for s, (key, *_) in zip(statuses, ROSTER, strict=True):
        assert s.valid, s
        assert s.sm2_certificate == sm_panel.ids[key].certificate  # carried by the record itself
    require_valid(statuses, complete=record_fields(closed))


def test_each_signer_uses_the_pdf_certificate_and_carries_the_sm2_certificate(closed, sm_panel):
    for key, *_ in ROSTER:
        identity = sm_panel.ids[key]
        found = read_sm2_attribute(closed, field_of(closed, identity))
        assert found is not None
        assert found.certificate == der(identity.certificate)
        assert found.cert_sha256 == hashlib.sha256(der(identity.certificate)).digest()
        # one CRL entry revokes both: the PDF certificate has the member certificate's serial
        assert identity.pdf_certificate.serial_number == identity.certificate.serial_number
    # the NIST anchor path is unchanged: the PDF root validates the PAdES signatures alone
    assert all(s.trusted and s.intact for s in validate_record(closed, sm_panel.ids["wang-kun"].pdf_root()))


def test_pdfsig_finds_every_signature_valid_and_trusted_with_only_the_pdf_root(closed, sm_panel, tmp_path):
    if not shutil.which("pdfsig") or not shutil.which("certutil"):
        pytest.skip("pdfsig (poppler-utils) and certutil (libnss3-tools) are needed")
    db = tmp_path / "nss"
    db.mkdir()
    (db / "root.pem").write_text(pem(sm_panel.authority.pdf_root), encoding="ascii")
    subprocess.run(["certutil", "-N", "-d", f"sql:{db}", "--empty-password"], check=True, capture_output=True)
    subprocess.run(["certutil", "-A", "-d", f"sql:{db}", "-n", "pdf-root", "-t", "CT,C,C", "-i",
                    str(db / "root.pem")], check=True, capture_output=True)  # fmt: skip
    (tmp_path / "record.pdf").write_bytes(closed)
    result = subprocess.run(["pdfsig", "-nssdir", f"sql:{db}", str(tmp_path / "record.pdf")],
                            capture_output=True, text=True)  # fmt: skip
    out = result.stdout + result.stderr
    assert len(re.findall(r"^Signature #\d+:", out, re.M)) == len(ROSTER)
    assert out.count("Signature Validation: Signature is Valid.") == len(ROSTER), out
    assert out.count("Certificate Validation: Certificate is Trusted.") == len(ROSTER), out


# --- attacks on the SM2 attribute --------------------------------------------------------------------


def with_unsigned_attributes(pdf: bytes, field_name: str, attributes: list[Any]) -> bytes:
    """``pdf`` with ``field_name``'s unsigned attributes replaced, in place (the ByteRange unchanged)."""
    sig = pades_sm2._signature(pdf, field_name)
    place = pades_sm2.signature_placeholder(pdf, sig)
    _, signed, signer = pades_sm2._signer_info(place.cms(pdf))
    new_signer = cms.SignerInfo.load(signer.dump())
    new_signer["unsigned_attrs"] = cms.CMSAttributes(attributes) if attributes else None
    new_signed = cms.SignedData.load(signed.untag().dump())
    new_signed["signer_infos"] = cms.SignerInfos([new_signer])
    content = cms.ContentInfo({"content_type": "signed_data", "content": new_signed}).dump()
    digits = content.hex().upper().encode()
    room = place.end - place.start - 2
    assert len(digits) <= room
    out = pdf[: place.start + 1] + digits + b"0" * (room - len(digits)) + pdf[place.end - 1 :]
    assert place.covered(out) == place.covered(pdf)
    return out


def sm2_attributes(pdf: bytes, field_name: str) -> list[Any]:
    sig = pades_sm2._signature(pdf, field_name)
    _, _, signer = pades_sm2._signer_info(pades_sm2.signature_placeholder(pdf, sig).cms(pdf))
    return list(pades_sm2._attributes(signer))


def at(key: str) -> int:
    """The index of ``key``'s signature: the record's signing order is the roster's."""
    return [k for k, *_ in ROSTER].index(key)


def refused_as_tampered(pdf: bytes, root: x509.Certificate, index: int, words: str) -> None:
    """Only ``index``'s signature is refused, for ``words`` (a later signature would cover the change)."""
    statuses = validate_record(pdf, root)
    assert not statuses[index].intact and words in statuses[index].problem, statuses[index].problem
    assert all(s.intact for i, s in enumerate(statuses) if i != index)
    with pytest.raises(Tampered):
        require_valid(statuses)


LAST_MEMBER = ROSTER[-2][0]  # in ``members_signed`` nothing covers this member's /Contents yet
CHAIR = ROSTER[-1][0]  # in ``closed`` nothing covers the chair's


def test_a_stripped_attribute_is_tampered(members_signed, closed, sm_panel):
    for pdf, key in ((members_signed, LAST_MEMBER), (closed, CHAIR)):
        name = field_of(pdf, sm_panel.ids[key])
        stripped = with_unsigned_attributes(pdf, name, [])
        assert read_sm2_attribute(stripped, name) is None
        # the PAdES signatures alone are still fine: only the SM2 check catches it
        assert all(s.intact and s.trusted for s in validate_record(stripped, sm_panel.authority.pdf_root))
        refused_as_tampered(stripped, sm_panel.root, at(key), "no SM2 signature attribute")


def test_an_earlier_members_attribute_is_covered_by_the_later_signatures(closed, sm_panel):
    name = field_of(closed, sm_panel.ids[ROSTER[0][0]])
    statuses = validate_record(with_unsigned_attributes(closed, name, []), sm_panel.root)
    assert not any(s.intact for s in statuses)  # its own SM2 check, and every later PAdES signature


def test_another_members_attribute_is_tampered(members_signed, closed, sm_panel):
    for pdf, key in ((members_signed, LAST_MEMBER), (closed, CHAIR)):
        theirs = sm2_attributes(pdf, field_of(pdf, sm_panel.ids[ROSTER[0][0]]))
        swapped = with_unsigned_attributes(pdf, field_of(pdf, sm_panel.ids[key]), theirs)
        refused_as_tampered(swapped, sm_panel.root, at(key), "not the member")


def test_a_foreign_roots_certificate_in_the_attribute_is_tampered(members_signed, sm_panel):
    # the foreign identity (same name, another SM2 authority) signs the covered bytes with its key
    # and puts its certificate in the attribute, naming it or lying about it
    name = field_of(members_signed, sm_panel.ids[LAST_MEMBER])
    bare = with_unsigned_attributes(members_signed, name, [])
    foreign = sm_panel.foreign
    signature = foreign.sign(covered_bytes(bare, name))
    honest = add_sm2_attribute(bare, name, certificate=der(foreign.certificate), signature=signature)
    refused_as_tampered(honest, sm_panel.root, at(LAST_MEMBER), "not the member")
    lying = add_sm2_attribute(bare, name, certificate=der(foreign.certificate), signature=signature,
                              cert_sha256=bytes.fromhex(sm_panel.ids[LAST_MEMBER].fingerprint))  # fmt: skip
    refused_as_tampered(lying, sm_panel.root, at(LAST_MEMBER), "not the member")


def test_a_changed_sm2_signature_is_tampered(closed, sm_panel):
    identity = sm_panel.ids[CHAIR]
    name = field_of(closed, identity)
    bare = with_unsigned_attributes(closed, name, [])
    other_bytes = identity.sign(covered_bytes(bare, name) + b"x")
    forged = add_sm2_attribute(bare, name, certificate=der(identity.certificate), signature=other_bytes)
    refused_as_tampered(forged, sm_panel.root, at(CHAIR), "SM2")


# --- the ministry's check (bundle_checks.check_record) -----------------------------------------------


def binding_of(sm_panel: SmPanel, revocations: Any = None) -> Any:
    """What check_record reads of the package binding: the roster (SM2 certificates) and the CRL."""
    roster = tuple(
        SimpleNamespace(name=name, cert_sha256=sm_panel.ids[key].fingerprint, role=role,
                        certificate=sm_panel.ids[key].certificate)
        for key, name, _org, _title, role in ROSTER
    )  # fmt: skip
    return SimpleNamespace(package_id=PACKAGE_ID, roster=roster, chair=roster[-1], revocations=revocations)


def check(pdf: bytes, sm_panel: SmPanel, record_input: Any, revocations: Any = None) -> Any:
    return check_record(pdf, sm_panel.root, binding_of(sm_panel, revocations), [], utcnow() + timedelta(minutes=1),
                        reconciliation=record_input.reconciliation.to_json(),
                        decisions=DECISIONS, closing=None)  # fmt: skip


def test_the_ministry_check_accepts_the_closed_record(closed, sm_panel, record_input):
    statuses = check(closed, sm_panel, record_input, sm_panel.authority.revocations())
    assert [s.sm2_certificate for s in statuses] == [sm_panel.ids[k].certificate for k, *_ in ROSTER]


@pytest.mark.parametrize("attack", ["stripped", "swapped"])
def test_the_ministry_check_refuses_an_altered_attribute(closed, sm_panel, record_input, attack):
    # the chair's attribute: the one no later signature covers, so only the SM2 check can see it
    name = field_of(closed, sm_panel.ids[CHAIR])
    theirs = sm2_attributes(closed, field_of(closed, sm_panel.ids[ROSTER[0][0]]))
    pdf = with_unsigned_attributes(closed, name, [] if attack == "stripped" else theirs)
    with pytest.raises(Tampered):
        check(pdf, sm_panel, record_input)


def test_the_ministry_check_refuses_a_member_revoked_before_signing(closed, sm_panel, record_input, tmp_path):
    statuses = validate_record(closed, sm_panel.root)
    victim = sm_panel.ids["zhou-miao"]
    signed_at = next(s.signed_at for s in statuses if s.signer_fingerprint == victim.fingerprint)
    assert signed_at is not None
    # revoke on a copy of the authority, so the other tests keep an empty CRL
    folder = tmp_path / "authority"
    shutil.copytree(sm_panel.authority.path, folder)
    from reviewer.trust.authority import open_authority

    crl = open_authority(folder).revoke(
        victim.installed(), "密钥遗失", source(), now=signed_at - timedelta(hours=1)
    )
    with pytest.raises(Revoked):
        crl.check(victim.pdf_certificate, signed_at)  # the same serial: the PDF certificate is revoked too
    with pytest.raises(Revoked):
        check(closed, sm_panel, record_input, crl)


# --- OpenSSL 3, from the closed record and the pinned SM2 root only ----------------------------------


def _openssl() -> str:
    openssl = shutil.which("openssl")
    if openssl is None or not subprocess.run(
        [openssl, "version"], capture_output=True, text=True
    ).stdout.startswith("OpenSSL 3"):
        pytest.skip("the cross-check needs the OpenSSL 3 command line")
    return openssl


def test_openssl_verifies_a_members_sm2_signature_and_certificate_out_of_the_record(
    closed, sm_panel, tmp_path
):
    openssl = _openssl()
    record = tmp_path / "record.pdf"
    record.write_bytes(closed)
    pdf = record.read_bytes()
    name = field_of(pdf, sm_panel.ids[ROSTER[1][0]])
    found = read_sm2_attribute(pdf, name)
    assert found is not None
    member = x509.load_der_x509_certificate(found.certificate)
    (tmp_path / "member.pem").write_bytes(member.public_bytes(serialization.Encoding.PEM))
    (tmp_path / "root.pem").write_text(pem(sm_panel.root), encoding="ascii")  # the pinned root
    (tmp_path / "covered.bin").write_bytes(covered_bytes(pdf, name))
    (tmp_path / "sig.der").write_bytes(found.signature)

    def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run([openssl, *map(str, args)], capture_output=True, text=True, cwd=tmp_path)

    done = run("x509", "-in", "member.pem", "-pubkey", "-noout", "-out", "pub.pem")
    assert done.returncode == 0, done.stderr
    done = run("pkeyutl", "-verify", "-pubin", "-inkey", "pub.pem", "-rawin", "-in", "covered.bin",
               "-sigfile", "sig.der", "-digest", "sm3", "-pkeyopt", DISTID)  # fmt: skip
    assert done.returncode == 0 and "Signature Verified Successfully" in done.stdout, done
    done = run("verify", "-vfyopt", DISTID, "-CAfile", "root.pem", "member.pem")
    assert done.returncode == 0 and done.stdout.strip().endswith(": OK"), done
    # one changed covered byte, or a foreign root: both fail
    (tmp_path / "covered.bin").write_bytes(covered_bytes(pdf, name)[:-1] + b"!")
    done = run("pkeyutl", "-verify", "-pubin", "-inkey", "pub.pem", "-rawin", "-in", "covered.bin",
               "-sigfile", "sig.der", "-digest", "sm3", "-pkeyopt", DISTID)  # fmt: skip
    assert done.returncode != 0
    (tmp_path / "foreign.pem").write_text(pem(sm_panel.foreign.trust_root()), encoding="ascii")
    assert run("verify", "-vfyopt", DISTID, "-CAfile", "foreign.pem", "member.pem").returncode != 0


# --- reviewer verify ------------------------------------------------------------------------------------


def test_reviewer_verify_on_the_record_under_the_sm2_root(closed, sm_panel, tmp_path):
    from reviewer.export.verify import verify_file

    path = tmp_path / "record.pdf"
    path.write_bytes(closed)
    report = verify_file(path, sm_panel.root)
    assert report.error is None and report.exit_code == 0
    assert [line.fingerprint for line in report.signatures] == [
        sm_panel.ids[k].fingerprint for k, *_ in ROSTER
    ]
    assert all(line.intact and line.trusted for line in report.signatures)
    name = field_of(closed, sm_panel.ids[CHAIR])
    path.write_bytes(with_unsigned_attributes(closed, name, []))
    report = verify_file(path, sm_panel.root)
    assert isinstance(report.error, Tampered) and report.exit_code == 11
    # the record under a foreign SM2 root: untrusted
    path.write_bytes(closed)
    report = verify_file(path, sm_panel.foreign.trust_root())
    assert report.exit_code == 12


def test_the_chair_closes_stating_a_member_who_did_not_sign(sm_panel, record_input):
    # closing.py's path: the chair's closing signature names the member who did not sign
    from reviewer.export.pades import sign_record

    pdf = build_record_pdf(record_input)
    for key, *_ in ROSTER[:-2]:
        pdf, _ = cosign(pdf, sm_panel.ids[key], members_only=True)
    absent = sm_panel.ids[LAST_MEMBER]
    chair = sm_panel.ids[CHAIR]
    pdf = sign_record(pdf, field_of(pdf, chair), chair, MemberRole.CHAIR,
                      unsigned={absent.fingerprint: f"{absent.name}：未签字，视为同意"},
                      closing_sha256="cd" * 32)  # fmt: skip
    statuses = validate_record(pdf, sm_panel.root)
    assert len(statuses) == len(ROSTER) - 1 and all(s.valid for s in statuses)
    assert absent.fingerprint not in {s.signer_fingerprint for s in statuses}
    complete = [
        f for f in record_fields(pdf) if f.info and f.info.fingerprint_prefix != absent.fingerprint[:16]
    ]
    require_valid(statuses, complete=complete)

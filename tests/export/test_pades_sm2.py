"""The SM2 signature inside a record PAdES signature (SM suite): added to the CMS as an unsigned
attribute, it leaves the PAdES signature valid for pyHanko and pdfsig, verifies in OpenSSL 3 over
the bytes the PAdES signature covers, and every way of moving, stripping or re-pointing it is caught.

Stand-ins for the trust layer (built here, not by the app): an SM2 root pinning an ECDSA P-256 PDF
root (ARC.6), a member's SM2 certificate, and the member's PDF certificate naming it (ARC.5)."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import UTC, datetime, timedelta
from io import BytesIO
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.pdf_utils.writer import copy_into_new_writer
from pyhanko.sign.fields import SigFieldSpec, append_signature_field
from reportlab.pdfgen import canvas

from reviewer.errors import Tampered, Untrusted
from reviewer.export import pades_sm2
from reviewer.export.pades import sign_record
from reviewer.export.pades_sm2 import (
    add_sm2_attribute,
    covered_bytes,
    read_sm2_attribute,
    sm2_sign_field,
    verify_sm2_field,
)
from reviewer.export.pades_validate import require_valid, validate_record
from reviewer.export.record_input import MemberRole
from reviewer.trust import cert_fingerprint, sm
from reviewer.trust.certs import ARC
from reviewer.trust.credential import pem

SM_ID = "RV1-SM2-SM3-SM4"
NOW = datetime.now(UTC)


# --- stand-ins for the trust layer -----------------------------------------------------------------


def sha256_ext(digest: bytes) -> bytes:
    return b"\x04\x20" + digest  # DER OCTET STRING of 32 bytes


def sm2_certificate(
    cn: str, key: Any, issuer_cn: str, issuer_key: Any, *, ca: bool, extra: dict[str, bytes]
) -> x509.Certificate:
    """An SM3withSM2 certificate assembled with asn1crypto and signed by tongsuopy."""
    usage = {"key_cert_sign", "crl_sign"} if ca else {"digital_signature"}
    extensions = [
        {"extn_id": "basic_constraints", "critical": True, "extn_value": {"ca": ca}},
        {"extn_id": "key_usage", "critical": True, "extn_value": usage},
        *([] if ca else [{"extn_id": "extended_key_usage", "critical": False, "extn_value": [ARC + ".2.2"]}]),
        *({"extn_id": oid, "critical": False, "extn_value": value} for oid, value in extra.items()),
    ]
    tbs = asn1_x509.TbsCertificate(
        {
            "version": "v3",
            "serial_number": int.from_bytes(hashlib.sha256(cn.encode()).digest()[:8], "big"),
            "signature": {"algorithm": sm.OID_SM3_WITH_SM2},
            "issuer": asn1_x509.Name.build({"common_name": issuer_cn}),
            "validity": {
                "not_before": asn1_x509.Time({"utc_time": NOW - timedelta(days=1)}),
                "not_after": asn1_x509.Time({"utc_time": NOW + timedelta(days=365)}),
            },
            "subject": asn1_x509.Name.build({"common_name": cn}),
            "subject_public_key_info": asn1_keys.PublicKeyInfo.load(sm.sm2_public_der(key)),
            "extensions": extensions,
        }
    )
    cert = asn1_x509.Certificate(
        {
            "tbs_certificate": tbs,
            "signature_algorithm": {"algorithm": sm.OID_SM3_WITH_SM2},
            "signature_value": sm.sm2_sign(issuer_key, tbs.dump()),
        }
    )
    return x509.load_der_x509_certificate(cert.dump())


def ecdsa_certificate(
    cn: str,
    key: ec.EllipticCurvePrivateKey,
    issuer: x509.Certificate | None,
    issuer_key,
    *,
    extra=b"",
    serial=None,
) -> x509.Certificate:
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])
    builder = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(issuer.subject if issuer else name)
        .public_key(key.public_key())
        .serial_number(serial or x509.random_serial_number())
        .not_valid_before(NOW - timedelta(days=1))
        .not_valid_after(NOW + timedelta(days=365))
        .add_extension(
            x509.BasicConstraints(ca=issuer is None, path_length=0 if issuer is None else None), True
        )
        .add_extension(
            x509.KeyUsage(
                digital_signature=issuer is not None,
                content_commitment=issuer is not None,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=issuer is None,
                crl_sign=issuer is None,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
    )
    if extra:
        builder = builder.add_extension(
            x509.UnrecognizedExtension(x509.ObjectIdentifier(ARC + ".5"), sha256_ext(extra)), False
        )
    return builder.sign(issuer_key, hashes.SHA256())


def spki_der(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def der(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.DER)


@dataclass
class Authority:
    root: x509.Certificate  # SM2, pins pdf_root through ARC.6
    key: Any
    pdf_root: x509.Certificate
    pdf_key: ec.EllipticCurvePrivateKey


@dataclass
class SmMember:
    """What reviewer.trust.Identity offers an SM signer (suite, sign, certificate, pdf_*)."""

    name: str
    certificate: x509.Certificate  # SM2
    key: Any
    pdf_certificate: x509.Certificate  # ECDSA, ARC.5 = SHA-256 of certificate
    pdf_key: ec.EllipticCurvePrivateKey
    authority: Authority
    suite: Any = dataclass_field(default_factory=lambda: SimpleNamespace(id=SM_ID))

    @property
    def fingerprint(self) -> str:
        return cert_fingerprint(self.certificate)

    @property
    def cert_sha256(self) -> bytes:
        return bytes.fromhex(self.fingerprint)

    def trust_root(self) -> x509.Certificate:
        return self.authority.root

    def pdf_root(self) -> x509.Certificate:
        return self.authority.pdf_root

    def sign(self, data: bytes) -> bytes:
        return sm.sm2_sign(self.key, data)

    def pdf_sign(self, data: bytes) -> bytes:
        return self.pdf_key.sign(data, ec.ECDSA(hashes.SHA256()))

    def pades_only(self) -> Any:
        """The same signer seen as a NIST identity: PAdES with the PDF certificate, no SM2 attribute."""
        return SimpleNamespace(
            name=self.name,
            fingerprint=self.fingerprint,
            certificate=self.pdf_certificate,
            trust_root=self.pdf_root,
            sign=self.pdf_sign,
        )


@pytest.fixture(scope="module")
def authority() -> Authority:
    pdf_key = ec.generate_private_key(ec.SECP256R1())
    pdf_root = ecdsa_certificate("测试部 PDF Root CA", pdf_key, None, pdf_key)
    key = sm.new_sm2_key()
    digest = hashlib.sha256(der(pdf_root)).digest()
    root = sm2_certificate("测试部", key, "测试部", key, ca=True, extra={ARC + ".6": sha256_ext(digest)})
    return Authority(root, key, pdf_root, pdf_key)


def member(authority: Authority, name: str) -> SmMember:
    key = sm.new_sm2_key()
    pdf_key = ec.generate_private_key(ec.SECP256R1())
    cert = sm2_certificate(name, key, "测试部", authority.key, ca=False,
                           extra={ARC + ".4": sha256_ext(hashlib.sha256(spki_der(pdf_key)).digest())})  # fmt: skip
    pdf_cert = ecdsa_certificate(name, pdf_key, authority.pdf_root, authority.pdf_key,
                                 extra=hashlib.sha256(der(cert)).digest(), serial=cert.serial_number)  # fmt: skip
    return SmMember(name, cert, key, pdf_cert, pdf_key, authority)


@pytest.fixture(scope="module")
def expert(authority) -> SmMember:
    return member(authority, "李喆")


@pytest.fixture(scope="module")
def chair(authority) -> SmMember:
    return member(authority, "王堃")


def field(order: int, role: MemberRole, who: SmMember) -> str:
    return f"sig{order:02d}-{role.value}-{who.fingerprint[:16]}"


@pytest.fixture(scope="module")
def unsigned(expert, chair) -> bytes:
    return record_stand_in(expert, chair)


def record_stand_in(expert: SmMember, chair: SmMember) -> bytes:
    """A one-page PDF whose first revision holds the two record fields, as the record builder makes."""
    buffer = BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(72, 720, "reviewer: a record stand-in for the SM2 attribute tests")
    page.save()
    writer = IncrementalPdfFileWriter(BytesIO(buffer.getvalue()))
    for i, (role, who) in enumerate(((MemberRole.EXPERT, expert), (MemberRole.CHAIR, chair)), start=1):
        append_signature_field(
            writer, SigFieldSpec(field(i, role, who), box=(72, 500 - 80 * i, 272, 560 - 80 * i))
        )
    staged = BytesIO()
    writer.write(staged)
    out = BytesIO()
    copy_into_new_writer(PdfFileReader(staged)).write(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def signed(unsigned, expert, chair) -> bytes:
    pdf = sign_record(unsigned, field(1, MemberRole.EXPERT, expert), expert, MemberRole.EXPERT)
    return sign_record(pdf, field(2, MemberRole.CHAIR, chair), chair, MemberRole.CHAIR)


@pytest.fixture(scope="module")
def pades_only(unsigned, expert) -> bytes:
    """The expert's PAdES signature without its SM2 attribute."""
    return sign_record(unsigned, field(1, MemberRole.EXPERT, expert), expert.pades_only(), MemberRole.EXPERT)


def sm2_public(who: SmMember) -> Any:
    return sm.load_sm2_public_key(sm.sm2_public_der(who.key))


# --- the signatures as written ---------------------------------------------------------------------


def test_both_signatures_valid_under_the_sm2_root(signed, authority, expert, chair):
    statuses = validate_record(signed, authority.root)
    assert [s.signer_fingerprint for s in statuses] == [expert.fingerprint, chair.fingerprint]
    assert [s.role for s in statuses] == [MemberRole.EXPERT, MemberRole.CHAIR]
    for s in statuses:
        assert s.intact and s.trusted and s.in_own_field and s.changes_allowed, s
    require_valid(statuses)


def test_pyhanko_alone_still_finds_the_pades_signatures_valid(signed, authority):
    # the PDF root as a plain anchor: pyHanko checks the ECDSA signatures, knowing nothing of SM2
    statuses = validate_record(signed, authority.pdf_root)
    assert [(s.intact, s.trusted) for s in statuses] == [(True, True), (True, True)]


def test_the_attribute_reads_back_and_verifies_over_the_covered_bytes(signed, expert, chair):
    for i, role, who in ((1, MemberRole.EXPERT, expert), (2, MemberRole.CHAIR, chair)):
        name = field(i, role, who)
        found = read_sm2_attribute(signed, name)
        assert found is not None
        assert found.cert_sha256 == hashlib.sha256(der(who.certificate)).digest()
        assert found.certificate == der(who.certificate)  # the record carries the SM2 certificate
        sm.sm2_verify(sm2_public(who), covered_bytes(signed, name), found.signature)
        verify_sm2_field(signed, name, sm2_public(who), found.cert_sha256)


def test_covered_bytes_are_the_byte_range(signed, expert):
    name = field(1, MemberRole.EXPERT, expert)
    sig = next(s for s in PdfFileReader(BytesIO(signed)).embedded_signatures if s.field_name == name)
    a, b, c, d = (int(v) for v in sig.byte_range)
    assert a == 0 and covered_bytes(signed, name) == signed[a : a + b] + signed[c : c + d]
    assert signed[b : b + 1] == b"<" and signed[c - 1 : c] == b">"


def test_adding_the_attribute_changes_only_the_placeholder(pades_only, expert):
    name = field(1, MemberRole.EXPERT, expert)
    assert read_sm2_attribute(pades_only, name) is None
    out = sm2_sign_field(pades_only, name, expert.sign, der(expert.certificate))
    assert len(out) == len(pades_only) and out != pades_only
    assert covered_bytes(out, name) == covered_bytes(pades_only, name)
    sig = next(s for s in PdfFileReader(BytesIO(out)).embedded_signatures if s.field_name == name)
    _, b, c, _ = (int(v) for v in sig.byte_range)
    assert out[:b] == pades_only[:b] and out[c:] == pades_only[c:]
    assert read_sm2_attribute(out, name) is not None
    # the CMS's signed part is unchanged: the PAdES signature still verifies
    assert validate_record(out, expert.pdf_root())[0].intact


def test_an_attribute_that_does_not_fit_is_an_internal_error(pades_only, expert):
    name = field(1, MemberRole.EXPERT, expert)
    with pytest.raises(ValueError, match="does not fit"):
        add_sm2_attribute(pades_only, name, certificate=der(expert.certificate), signature=b"\x30" * 20000)


def test_the_record_alone_proves_the_members(signed, authority, expert, chair):
    # no roster: each SM2 attribute carries its member's certificate, checked under the SM2 root
    statuses = validate_record(signed, authority.root)
    assert [s.sm2_certificate for s in statuses] == [expert.certificate, chair.certificate]
    assert all(s.sm2_certificate is None for s in validate_record(signed, authority.pdf_root))


# --- outside readers: poppler's pdfsig and OpenSSL 3 -----------------------------------------------


def test_pdfsig_still_reports_both_signatures_valid(signed, authority, tmp_path):
    if not shutil.which("pdfsig") or not shutil.which("certutil"):
        pytest.skip("pdfsig (poppler-utils) and certutil (libnss3-tools) are needed")
    db = tmp_path / "nss"
    db.mkdir()
    (db / "root.pem").write_text(pem(authority.pdf_root), encoding="ascii")
    subprocess.run(["certutil", "-N", "-d", f"sql:{db}", "--empty-password"], check=True, capture_output=True)
    subprocess.run(["certutil", "-A", "-d", f"sql:{db}", "-n", "pdf-root", "-t", "CT,C,C", "-i",
                    str(db / "root.pem")], check=True, capture_output=True)  # fmt: skip
    (tmp_path / "record.pdf").write_bytes(signed)
    result = subprocess.run(["pdfsig", "-nssdir", f"sql:{db}", str(tmp_path / "record.pdf")],
                            capture_output=True, text=True)  # fmt: skip
    out = result.stdout + result.stderr
    assert len(re.findall(r"^Signature #\d+:", out, re.M)) == 2
    assert out.count("Signature Validation: Signature is Valid.") == 2, out
    assert out.count("Certificate Validation: Certificate is Trusted.") == 2, out


def openssl_verifies(tmp: Path, public_pem: bytes, message: bytes, signature: bytes) -> bool:
    openssl = shutil.which("openssl")
    if openssl is None or not subprocess.run(
        [openssl, "version"], capture_output=True, text=True
    ).stdout.startswith("OpenSSL 3"):
        pytest.skip("the cross-check needs the OpenSSL 3 command line")
    (tmp / "pub.pem").write_bytes(public_pem)
    (tmp / "covered.bin").write_bytes(message)
    (tmp / "sig.der").write_bytes(signature)
    result = subprocess.run(
        [openssl, "pkeyutl", "-verify", "-pubin", "-inkey", str(tmp / "pub.pem"), "-rawin",
         "-in", str(tmp / "covered.bin"), "-sigfile", str(tmp / "sig.der"), "-digest", "sm3",
         "-pkeyopt", "distid:1234567812345678"],
        capture_output=True,
    )  # fmt: skip
    ok = result.returncode == 0 and b"Signature Verified Successfully" in result.stdout
    assert ok or b"Signature Verification Failure" in result.stdout, result
    return ok


def test_openssl_verifies_the_sm2_signature_over_the_covered_bytes(signed, chair, tmp_path):
    name = field(2, MemberRole.CHAIR, chair)
    found = read_sm2_attribute(signed, name)
    assert found is not None
    covered = covered_bytes(signed, name)
    assert openssl_verifies(tmp_path, sm.sm2_public_pem(chair.key), covered, found.signature)
    assert not openssl_verifies(tmp_path, sm.sm2_public_pem(chair.key), covered[:-1], found.signature)


# --- attacks ---------------------------------------------------------------------------------------


def test_a_stripped_attribute_is_tampered(pades_only, authority, expert):
    name = field(1, MemberRole.EXPERT, expert)
    with pytest.raises(Tampered):
        verify_sm2_field(pades_only, name, sm2_public(expert), expert.cert_sha256)
    statuses = validate_record(pades_only, authority.root)
    assert not statuses[0].intact and "SM2" in statuses[0].problem
    with pytest.raises(Tampered):
        require_valid(statuses)


def test_a_signature_over_another_fields_bytes_is_tampered(signed, expert, chair, authority):
    # the chair signs PAdES only; its SM2 attribute carries the chair's SM2 signature of the
    # expert's covered bytes (a real signature, of the wrong bytes)
    pdf = sign_record(signed[: _end_of_first_signature(signed)], field(2, MemberRole.CHAIR, chair),
                      chair.pades_only(), MemberRole.CHAIR)  # fmt: skip
    elsewhere = chair.sign(covered_bytes(pdf, field(1, MemberRole.EXPERT, expert)))
    moved = add_sm2_attribute(pdf, field(2, MemberRole.CHAIR, chair), certificate=der(chair.certificate),
                              signature=elsewhere)  # fmt: skip
    with pytest.raises(Tampered):
        verify_sm2_field(moved, field(2, MemberRole.CHAIR, chair), sm2_public(chair), chair.cert_sha256)
    statuses = validate_record(moved, authority.root)
    assert statuses[0].intact and not statuses[1].intact
    with pytest.raises(Tampered):
        require_valid(statuses)


def _end_of_first_signature(pdf: bytes) -> int:
    sig = PdfFileReader(BytesIO(pdf)).embedded_signatures[0]
    _, _, c, d = (int(v) for v in sig.byte_range)
    return c + d


def test_one_changed_covered_byte_is_refused_by_pyhanko_and_by_us(signed, authority, expert, chair):
    at = signed.index(b"stream") + 20  # inside the page content, covered by both signatures
    changed = signed[:at] + bytes([signed[at] ^ 0x01]) + signed[at + 1 :]
    assert not any(s.intact for s in validate_record(changed, authority.pdf_root))  # pyHanko
    with pytest.raises(Tampered):
        verify_sm2_field(changed, field(1, MemberRole.EXPERT, expert), sm2_public(expert), expert.cert_sha256)
    statuses = validate_record(changed, authority.root)
    assert not any(s.intact for s in statuses)


def test_an_attribute_naming_another_certificate_is_tampered(pades_only, authority, expert, chair):
    name = field(1, MemberRole.EXPERT, expert)
    pdf = add_sm2_attribute(pades_only, name, certificate=der(expert.certificate), cert_sha256=chair.cert_sha256,
                            signature=expert.sign(covered_bytes(pades_only, name)))  # fmt: skip
    with pytest.raises(Tampered):
        verify_sm2_field(pdf, name, sm2_public(expert), expert.cert_sha256)
    statuses = validate_record(pdf, authority.root)
    assert not statuses[0].intact and "names certificate" in statuses[0].problem


def test_an_attribute_signed_by_another_members_key_is_tampered(pades_only, authority, expert, chair):
    name = field(1, MemberRole.EXPERT, expert)
    pdf = sm2_sign_field(pades_only, name, chair.sign, der(expert.certificate))
    statuses = validate_record(pdf, authority.root)
    assert not statuses[0].intact


def test_an_attribute_carrying_another_members_certificate_is_tampered(pades_only, authority, expert, chair):
    # the chair's certificate and a good SM2 signature by the chair's key, in the expert's signature
    name = field(1, MemberRole.EXPERT, expert)
    pdf = sm2_sign_field(pades_only, name, chair.sign, der(chair.certificate))
    statuses = validate_record(pdf, authority.root)
    assert not statuses[0].intact and "not the member" in statuses[0].problem


def test_a_pdf_key_the_member_certificate_does_not_pin_is_refused(authority, expert, chair):
    # the expert's SM2 key, a PDF certificate naming the certificate (ARC.5), but a certificate
    # whose ARC.4 pins the chair's PDF key, not the one that signs
    pins_other = sm2_certificate(expert.name, expert.key, "测试部", authority.key, ca=False,
                                 extra={ARC + ".4": sha256_ext(hashlib.sha256(spki_der(chair.pdf_key)).digest())})  # fmt: skip
    pdf_cert = ecdsa_certificate(expert.name, expert.pdf_key, authority.pdf_root, authority.pdf_key,
                                 extra=hashlib.sha256(der(pins_other)).digest(), serial=pins_other.serial_number)  # fmt: skip
    rogue = SmMember(expert.name, pins_other, expert.key, pdf_cert, expert.pdf_key, authority)
    name = field(1, MemberRole.EXPERT, rogue)
    pdf = sign_record(record_stand_in(rogue, chair), name, rogue, MemberRole.EXPERT)
    verify_sm2_field(pdf, name, sm2_public(rogue), rogue.cert_sha256)  # the SM2 signature itself is good
    statuses = validate_record(pdf, authority.root)
    assert statuses[0].trusted and statuses[0].in_own_field
    assert not statuses[0].intact and "ARC.4" in statuses[0].problem


def test_a_member_certificate_of_a_foreign_sm2_root_is_untrusted(authority, expert, chair):
    # a foreign SM2 authority issues a certificate for the expert's SM2 key pinning the expert's PDF
    # key; the PDF certificate (ours) would have to name it: a foreign root makes it untrusted
    foreign_key = sm.new_sm2_key()
    foreign = sm2_certificate("测试部", expert.key, "测试部", foreign_key, ca=False,
                              extra={ARC + ".4": sha256_ext(hashlib.sha256(spki_der(expert.pdf_key)).digest())})  # fmt: skip
    pdf_cert = ecdsa_certificate(expert.name, expert.pdf_key, authority.pdf_root, authority.pdf_key,
                                 extra=hashlib.sha256(der(foreign)).digest(), serial=foreign.serial_number)  # fmt: skip
    rogue = SmMember(expert.name, foreign, expert.key, pdf_cert, expert.pdf_key, authority)
    name = field(1, MemberRole.EXPERT, rogue)
    pdf = sign_record(record_stand_in(rogue, chair), name, rogue, MemberRole.EXPERT)
    statuses = validate_record(pdf, authority.root)
    assert statuses[0].intact and not statuses[0].trusted and "SM2 certificate" in statuses[0].problem
    with pytest.raises(Untrusted):
        require_valid(statuses)


def test_two_attributes_are_tampered(signed, expert):
    name = field(1, MemberRole.EXPERT, expert)
    with pytest.raises(ValueError, match="already"):
        add_sm2_attribute(signed, name, certificate=der(expert.certificate), signature=b"x")
    assert pades_sm2.OID_SM2_SIGNATURE_ATTRIBUTE == ARC + ".7"


def test_a_pdf_root_the_sm2_root_does_not_pin_is_not_trusted(authority, expert, chair, unsigned):
    # a rogue ECDSA root, embedded in the CMS as pyHanko embeds ours, issuing a PDF certificate that
    # names the expert (ARC.5): the SM2 root's ARC.6 pins another root, so nothing chains
    rogue_key = ec.generate_private_key(ec.SECP256R1())
    rogue_root = ecdsa_certificate("测试部 PDF Root CA", rogue_key, None, rogue_key)
    forged = ecdsa_certificate(expert.name, expert.pdf_key, rogue_root, rogue_key,
                               extra=hashlib.sha256(der(expert.certificate)).digest())  # fmt: skip
    rogue = Authority(authority.root, authority.key, rogue_root, rogue_key)
    signer = SmMember(expert.name, expert.certificate, expert.key, forged, expert.pdf_key, rogue)
    pdf = sign_record(unsigned, field(1, MemberRole.EXPERT, expert), signer, MemberRole.EXPERT)
    assert validate_record(pdf, rogue_root)[0].trusted  # under its own root it would be
    statuses = validate_record(pdf, authority.root)
    assert statuses[0].intact and not statuses[0].trusted
    with pytest.raises(Untrusted):
        require_valid(statuses)


def test_a_pdf_certificate_with_another_serial_is_untrusted(authority, expert, chair):
    # one CRL entry must revoke both certificates: the PDF certificate carries the member's serial
    pdf_cert = ecdsa_certificate(expert.name, expert.pdf_key, authority.pdf_root, authority.pdf_key,
                                 extra=expert.cert_sha256, serial=expert.certificate.serial_number + 1)  # fmt: skip
    other = SmMember(expert.name, expert.certificate, expert.key, pdf_cert, expert.pdf_key, authority)
    name = field(1, MemberRole.EXPERT, other)
    pdf = sign_record(record_stand_in(other, chair), name, other, MemberRole.EXPERT)
    statuses = validate_record(pdf, authority.root)
    assert statuses[0].intact and not statuses[0].trusted and "serial" in statuses[0].problem

"""SM2 certificates and the SM2 CRL (reviewer/trust/sm_x509.py builds, sm_profile.py reads; issue
20): the fields as ``cryptography`` parses them, the chain checks of ``certs`` for both suites, and
OpenSSL 3's command line as the outside implementation."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from asn1crypto import x509 as a_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, x25519
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from tongsuopy.crypto.asymciphers import ec as t_ec

from reviewer.errors import Expired, Untrusted
from reviewer.trust import certs, sm, sm_profile, sm_x509
from reviewer.trust.revocation import RevocationList, RevokedEntry, build_crl

NOW = datetime(2026, 12, 5, 8, 0, tzinfo=UTC)
DISTID = "distid:1234567812345678"
AT = str(
    int(NOW.timestamp())
)  # `openssl verify -attime`: the certificates are checked at NOW  # GB/T 35276 / GM/T 0009's default signer id, which we sign with


def _der(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.DER)


def _pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


def _octets(cert: x509.Certificate, oid: x509.ObjectIdentifier) -> bytes:
    ext = cert.extensions.get_extension_for_oid(oid)
    assert not ext.critical
    value = ext.value
    assert isinstance(value, x509.UnrecognizedExtension)
    return value.value


@dataclass
class Authority:
    pdf_key: ec.EllipticCurvePrivateKey
    pdf_root: x509.Certificate
    key: sm.Sm2PrivateKey
    root: x509.Certificate


def _authority(name: str = "工业和信息化部") -> Authority:
    pdf_key = ec.generate_private_key(ec.SECP256R1())
    pdf_root = sm_x509.make_pdf_root(pdf_key, name, NOW)
    key = sm.new_sm2_key()
    return Authority(pdf_key, pdf_root, key, sm_x509.make_sm_root(key, name, NOW, pdf_root=pdf_root))


@dataclass
class Member:
    key: sm.Sm2PrivateKey
    encryption_key: sm.Sm2PrivateKey
    pdf_key: ec.EllipticCurvePrivateKey
    cert: x509.Certificate


def _member(auth: Authority, *, now: datetime = NOW, years: int | None = None) -> Member:
    key, enc, pdf = sm.new_sm2_key(), sm.new_sm2_key(), ec.generate_private_key(ec.SECP256R1())
    cert = sm_x509.issue_sm(
        auth.root,
        auth.key,
        common_name="张三",
        org="某大学",
        public_key=key.public_key(),
        encryption_key=enc.public_key(),
        package_signer=False,
        now=now,
        years=years,
        pdf_key=pdf.public_key(),
    )
    return Member(key, enc, pdf, cert)


def _signer(auth: Authority) -> tuple[sm.Sm2PrivateKey, sm.Sm2PrivateKey, x509.Certificate]:
    key, enc = sm.new_sm2_key(), sm.new_sm2_key()
    cert = sm_x509.issue_sm(
        auth.root,
        auth.key,
        common_name="工业和信息化部 数据包签名",
        org="工业和信息化部",
        public_key=key.public_key(),
        encryption_key=enc.public_key(),
        package_signer=True,
        now=NOW,
    )
    return key, enc, cert


@pytest.fixture(scope="module")
def auth() -> Authority:
    return _authority()


@pytest.fixture(scope="module")
def member(auth: Authority) -> Member:
    return _member(auth)


# --- the root --------------------------------------------------------------------------------------


def test_sm_root_has_the_gmt_0015_profile(auth: Authority) -> None:
    root = auth.root
    assert root.version == x509.Version.v3
    assert root.signature_algorithm_oid.dotted_string == "1.2.156.10197.1.501"
    assert sm_profile.is_sm(root) and certs.is_sm_signed(root)
    assert root.subject == root.issuer
    assert certs.common_name(root) == "工业和信息化部 Root CA"
    assert certs.organization(root) == "工业和信息化部"
    assert root.not_valid_before_utc == NOW - certs.BACKDATE
    assert root.not_valid_after_utc == NOW + timedelta(days=365 * 20 + 5)
    bc = root.extensions.get_extension_for_class(x509.BasicConstraints)
    assert bc.critical and bc.value.ca and bc.value.path_length == 0
    ku = root.extensions.get_extension_for_class(x509.KeyUsage)
    assert ku.critical and ku.value.key_cert_sign and ku.value.crl_sign and not ku.value.digital_signature
    ski = root.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value.digest
    aki = root.extensions.get_extension_for_class(x509.AuthorityKeyIdentifier).value.key_identifier
    assert ski == aki
    # RFC 5280 method 1: SHA-1 of the subjectPublicKey bits (65-byte uncompressed point).
    point = sm.sm2_public_der(auth.key)[-65:]
    assert ski == hashlib.sha1(point).digest()
    # ARC.6 pins the PDF root.
    arc6 = _octets(root, sm_profile.OID_PDF_ROOT_DIGEST)
    assert arc6 == b"\x04\x20" + hashlib.sha256(_der(auth.pdf_root)).digest()
    assert sm_profile.pdf_root_digest_of(root) == hashlib.sha256(_der(auth.pdf_root)).digest()
    # The SPKI is id-ecPublicKey with namedCurve SM2, as tongsuopy writes it; the algorithm has
    # no parameters.
    parsed = a_x509.Certificate.load(_der(root))
    spki = parsed["tbs_certificate"]["subject_public_key_info"]
    assert spki["algorithm"]["algorithm"].dotted == "1.2.840.10045.2.1"
    assert spki["algorithm"]["parameters"].chosen.dotted == "1.2.156.10197.1.301"
    assert parsed["signature_algorithm"]["parameters"].native is None
    assert parsed["signature_algorithm"].dump() == bytes.fromhex("300a06082a811ccf55018375")
    sm_profile.verify_sm_signed(root.tbs_certificate_bytes, root.signature, root)
    sm.sm2_verify(auth.key.public_key(), root.tbs_certificate_bytes, root.signature)


def test_pdf_root_is_an_ecdsa_ca(auth: Authority) -> None:
    root = auth.pdf_root
    assert not sm_profile.is_sm(root)
    assert certs.common_name(root) == "工业和信息化部 PDF Root CA"
    assert certs.organization(root) == "工业和信息化部"
    bc = root.extensions.get_extension_for_class(x509.BasicConstraints).value
    assert bc.ca and bc.path_length == 0
    root.verify_directly_issued_by(root)


def test_public_key_of_returns_the_sm2_key_and_the_nist_key(auth: Authority) -> None:
    key = certs.public_key_of(auth.root)
    assert isinstance(key, t_ec.EllipticCurvePublicKey) and isinstance(key.curve, t_ec.SM2)
    assert sm.sm2_public_der(key) == sm.sm2_public_der(auth.key)
    assert sm.sm2_public_der(sm_profile.sm2_public_key_of(auth.root)) == sm.sm2_public_der(auth.key)
    nist = certs.public_key_of(auth.pdf_root)
    assert isinstance(nist, ec.EllipticCurvePublicKey)
    assert nist.public_numbers() == auth.pdf_key.public_key().public_numbers()
    with pytest.raises(Untrusted):
        sm_profile.sm2_public_key_of(auth.pdf_root)


# --- end-entity certificates ----------------------------------------------------------------------


def test_member_certificate_fields(auth: Authority, member: Member) -> None:
    cert = member.cert
    assert cert.version == x509.Version.v3
    assert sm_profile.is_sm(cert)
    assert cert.issuer == auth.root.subject
    assert cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == "张三"
    assert certs.organization(cert) == "某大学"
    assert 0 < cert.serial_number < 2**127 and cert.serial_number % 2 == 1
    assert cert.not_valid_before_utc == NOW - certs.BACKDATE
    assert cert.not_valid_after_utc == NOW + timedelta(days=365 * 3)
    bc = cert.extensions.get_extension_for_class(x509.BasicConstraints)
    assert bc.critical and not bc.value.ca
    ku = cert.extensions.get_extension_for_class(x509.KeyUsage)
    assert ku.critical and ku.value.digital_signature and ku.value.content_commitment
    assert not ku.value.key_cert_sign and not ku.value.crl_sign
    eku = list(cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value)
    assert eku == [certs.EKU_MEMBER, ExtendedKeyUsageOID.EMAIL_PROTECTION]
    ski = cert.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value.digest
    assert ski == hashlib.sha1(sm.sm2_public_der(member.key)[-65:]).digest()
    aki = cert.extensions.get_extension_for_class(x509.AuthorityKeyIdentifier).value.key_identifier
    assert aki == auth.root.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value.digest
    # ARC.3: the SM2 encryption key's SPKI; ARC.4: SHA-256 of the PDF key's SPKI.
    enc_spki = sm.sm2_public_der(member.encryption_key)
    assert _octets(cert, sm_profile.OID_SM2_ENCRYPTION_KEY) == b"\x04\x5b" + enc_spki
    assert sm.sm2_public_der(sm_profile.sm2_encryption_key_of(cert)) == enc_spki
    assert sm.sm2_public_der(certs.encryption_key_of(cert)) == enc_spki
    pdf_spki = member.pdf_key.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    assert sm_profile.pdf_key_digest_of(cert) == hashlib.sha256(pdf_spki).digest()
    assert sm.sm2_public_der(certs.public_key_of(cert)) == sm.sm2_public_der(member.key)
    sm_profile.verify_sm_signed(cert.tbs_certificate_bytes, cert.signature, auth.root)
    certs.verify_issued(cert, auth.root, purpose=certs.EKU_MEMBER, at=NOW)


def test_package_signing_certificate_fields(auth: Authority) -> None:
    _key, enc, cert = _signer(auth)
    eku = list(cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value)
    assert eku == [certs.EKU_PACKAGE_SIGNING]
    ku = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    assert ku.digital_signature and not ku.content_commitment
    assert cert.not_valid_after_utc == NOW + timedelta(days=365 * 10 + 2)
    assert sm.sm2_public_der(sm_profile.sm2_encryption_key_of(cert)) == sm.sm2_public_der(enc)
    with pytest.raises(x509.ExtensionNotFound):
        cert.extensions.get_extension_for_oid(sm_profile.OID_PDF_KEY_DIGEST)
    with pytest.raises(Untrusted):
        sm_profile.pdf_key_digest_of(cert)
    certs.verify_issued(cert, auth.root, purpose=certs.EKU_PACKAGE_SIGNING, at=NOW)
    with pytest.raises(Untrusted):  # a package signer is not a member, and the other way round
        certs.verify_chain(cert, auth.root, purpose=certs.EKU_MEMBER)


def test_member_validity_never_outlives_the_root(auth: Authority) -> None:
    late = NOW + timedelta(days=365 * 19)
    member = _member(auth, now=late)
    assert member.cert.not_valid_after_utc == auth.root.not_valid_after_utc


def test_issue_sm_requires_the_pdf_key_for_members_and_refuses_it_for_the_signer(auth: Authority) -> None:
    key, enc = sm.new_sm2_key(), sm.new_sm2_key()
    common = dict(
        common_name="x", org="y", public_key=key.public_key(), encryption_key=enc.public_key(), now=NOW
    )
    with pytest.raises(ValueError, match="PDF-signing key"):
        sm_x509.issue_sm(auth.root, auth.key, package_signer=False, **common)  # type: ignore[arg-type]
    pdf = ec.generate_private_key(ec.SECP256R1()).public_key()
    with pytest.raises(ValueError, match="package-signing"):
        sm_x509.issue_sm(auth.root, auth.key, package_signer=True, pdf_key=pdf, **common)  # type: ignore[arg-type]
    p384 = ec.generate_private_key(ec.SECP384R1()).public_key()
    with pytest.raises(ValueError, match="P-256"):
        sm_x509.issue_sm(auth.root, auth.key, package_signer=False, pdf_key=p384, **common)  # type: ignore[arg-type]


def test_builders_refuse_keys_of_the_other_suite(auth: Authority, member: Member) -> None:
    p256 = ec.generate_private_key(ec.SECP256R1())
    enc = sm.new_sm2_key().public_key()
    with pytest.raises(ValueError, match="signing key must be an SM2 key"):
        sm_x509.issue_sm(
            auth.root, auth.key, common_name="x", org="y", public_key=p256.public_key(), encryption_key=enc,
            package_signer=True, now=NOW,
        )  # fmt: skip
    with pytest.raises(ValueError, match="root key must be an SM2 key"):
        sm_x509.make_sm_root(p256, "x", NOW, pdf_root=auth.pdf_root)
    with pytest.raises(ValueError, match="issued by an SM2 root"):
        sm_x509.issue_sm(
            auth.pdf_root, auth.key, common_name="x", org="y", public_key=enc, encryption_key=enc,
            package_signer=True, now=NOW,
        )  # fmt: skip
    with pytest.raises(ValueError, match="root key must be an SM2 key"):
        sm_x509.build_sm_crl(auth.root, p256, [], number=1, now=NOW)


def test_an_end_entity_certificate_is_not_a_root(auth: Authority, member: Member) -> None:
    other = _member(auth)
    with pytest.raises(Untrusted, match="not a valid CA"):
        certs.verify_chain(other.cert, member.cert, purpose=certs.EKU_MEMBER)


def test_verify_issued_reports_expiry(auth: Authority, member: Member) -> None:
    with pytest.raises(Expired):
        certs.verify_issued(
            member.cert, auth.root, purpose=certs.EKU_MEMBER, at=NOW + timedelta(days=365 * 4)
        )
    with pytest.raises(Expired):
        certs.verify_issued(member.cert, auth.root, purpose=certs.EKU_MEMBER, at=NOW - timedelta(hours=1))


# --- refusals ------------------------------------------------------------------------------------


def _retbs(cert: x509.Certificate, change: object) -> x509.Certificate:
    """``cert`` with its to-be-signed part changed by ``change`` and the old signature kept."""
    parsed = a_x509.Certificate.load(_der(cert))
    tbs = parsed["tbs_certificate"]
    change(tbs)  # type: ignore[operator]
    rebuilt = a_x509.Certificate(
        {
            "tbs_certificate": a_x509.TbsCertificate.load(tbs.dump(force=True)),
            "signature_algorithm": parsed["signature_algorithm"],
            "signature_value": parsed["signature_value"],
        }
    )
    return x509.load_der_x509_certificate(rebuilt.dump())


def test_a_certificate_with_a_changed_tbs_is_refused(auth: Authority, member: Member) -> None:
    def rename(tbs: a_x509.TbsCertificate) -> None:
        tbs["subject"] = a_x509.Name.build({"common_name": "李四", "organization_name": "某大学"})

    forged = _retbs(member.cert, rename)
    assert certs.common_name(forged) == "李四"
    with pytest.raises(Untrusted):
        sm_profile.verify_sm_signed(forged.tbs_certificate_bytes, forged.signature, auth.root)
    with pytest.raises(Untrusted, match="not issued by the ministry root"):
        certs.verify_chain(forged, auth.root, purpose=certs.EKU_MEMBER)


def test_a_changed_root_is_refused(auth: Authority, member: Member) -> None:
    def widen(tbs: a_x509.TbsCertificate) -> None:
        tbs["serial_number"] = tbs["serial_number"].native + 1

    forged_root = _retbs(auth.root, widen)
    with pytest.raises(Untrusted, match="not a valid CA"):
        certs.verify_chain(member.cert, forged_root, purpose=certs.EKU_MEMBER)


def test_a_certificate_from_another_sm_root_is_refused(member: Member) -> None:
    other = _authority()
    with pytest.raises(Untrusted, match="not issued by the ministry root"):
        certs.verify_chain(member.cert, other.root, purpose=certs.EKU_MEMBER)
    # Same name, other key: the name matches, the signature does not.
    assert other.root.subject == _authority().root.subject
    with pytest.raises(Untrusted):
        sm_profile.verify_sm_signed(member.cert.tbs_certificate_bytes, member.cert.signature, other.root)


def test_suites_do_not_mix_in_a_chain(auth: Authority, member: Member) -> None:
    # An SM2 certificate under a NIST root, and a NIST certificate under an SM2 root.
    nist_key = ec.generate_private_key(ec.SECP256R1())
    nist_root = certs.make_root(nist_key, "工业和信息化部", NOW)
    with pytest.raises(Untrusted, match="different algorithm suites"):
        certs.verify_chain(member.cert, nist_root, purpose=certs.EKU_MEMBER)
    nist_member = certs.issue(
        nist_root,
        nist_key,
        common_name="张三",
        org="某大学",
        public_key=ec.generate_private_key(ec.SECP256R1()).public_key(),
        encryption_key=x25519.X25519PrivateKey.generate().public_key(),
        package_signer=False,
        now=NOW,
    )
    with pytest.raises(Untrusted, match="different algorithm suites"):
        certs.verify_chain(nist_member, auth.root, purpose=certs.EKU_MEMBER)
    # The PDF certificate (ECDSA) is not a member certificate under the SM2 root either.
    pdf = sm_x509.issue_pdf_cert(
        auth.pdf_root, auth.pdf_key, member=member.cert, public_key=member.pdf_key.public_key(), now=NOW
    )
    with pytest.raises(Untrusted, match="different algorithm suites"):
        certs.verify_chain(pdf, auth.root, purpose=certs.EKU_MEMBER)
    # The NIST chain itself is unchanged.
    certs.verify_issued(nist_member, nist_root, purpose=certs.EKU_MEMBER, at=NOW)
    assert isinstance(certs.encryption_key_of(nist_member), x25519.X25519PublicKey)


def test_malformed_private_extensions_are_untrusted(auth: Authority, member: Member) -> None:
    def bad_arc3(tbs: a_x509.TbsCertificate) -> None:
        for ext in tbs["extensions"]:
            if ext["extn_id"].dotted == sm_profile.OID_SM2_ENCRYPTION_KEY.dotted_string:
                ext["extn_value"] = b"\x04\x03abc"

    def short_arc4(tbs: a_x509.TbsCertificate) -> None:
        for ext in tbs["extensions"]:
            if ext["extn_id"].dotted == sm_profile.OID_PDF_KEY_DIGEST.dotted_string:
                ext["extn_value"] = b"\x04\x02ab"

    def not_octets_arc4(tbs: a_x509.TbsCertificate) -> None:
        for ext in tbs["extensions"]:
            if ext["extn_id"].dotted == sm_profile.OID_PDF_KEY_DIGEST.dotted_string:
                ext["extn_value"] = b"\x02\x01\x05"

    with pytest.raises(Untrusted, match="SM2 encryption key is malformed"):
        sm_profile.sm2_encryption_key_of(_retbs(member.cert, bad_arc3))
    with pytest.raises(Untrusted, match="PDF-signing key digest is malformed"):
        sm_profile.pdf_key_digest_of(_retbs(member.cert, short_arc4))
    with pytest.raises(Untrusted, match="PDF-signing key digest is malformed"):
        sm_profile.pdf_key_digest_of(_retbs(member.cert, not_octets_arc4))
    with pytest.raises(Untrusted, match="carries no PDF root digest"):
        sm_profile.pdf_root_digest_of(member.cert)
    with pytest.raises(Untrusted, match="carries no member certificate digest"):
        sm_profile.member_digest_of_pdf_cert(member.cert)


# --- the PDF certificate ---------------------------------------------------------------------------


def test_pdf_certificate_mirrors_the_member_certificate(auth: Authority, member: Member) -> None:
    pdf = sm_x509.issue_pdf_cert(
        auth.pdf_root, auth.pdf_key, member=member.cert, public_key=member.pdf_key.public_key(), now=NOW
    )
    assert not sm_profile.is_sm(pdf)
    assert pdf.subject == member.cert.subject
    assert pdf.issuer == auth.pdf_root.subject
    assert pdf.serial_number == member.cert.serial_number
    assert pdf.not_valid_before_utc == member.cert.not_valid_before_utc
    assert pdf.not_valid_after_utc == member.cert.not_valid_after_utc
    eku = list(pdf.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value)
    assert eku == [certs.EKU_MEMBER, ExtendedKeyUsageOID.EMAIL_PROTECTION]
    ku = pdf.extensions.get_extension_for_class(x509.KeyUsage)
    assert ku.critical and ku.value.digital_signature and ku.value.content_commitment
    assert (
        _octets(pdf, sm_profile.OID_MEMBER_DIGEST) == b"\x04\x20" + hashlib.sha256(_der(member.cert)).digest()
    )
    assert sm_profile.member_digest_of_pdf_cert(pdf) == hashlib.sha256(_der(member.cert)).digest()
    aki = pdf.extensions.get_extension_for_class(x509.AuthorityKeyIdentifier).value.key_identifier
    ski = auth.pdf_root.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value.digest
    assert aki == ski
    certs.verify_issued(pdf, auth.pdf_root, purpose=certs.EKU_MEMBER, at=NOW)
    # One CRL entry for the member's serial revokes the SM2 certificate and the PDF certificate.
    crl = RevocationList.load(
        sm_x509.build_sm_crl(
            auth.root, auth.key, [RevokedEntry(member.cert.serial_number, NOW)], number=2, now=NOW
        ),
        auth.root,
    )
    assert crl.revoked_at(pdf.serial_number) == crl.revoked_at(member.cert.serial_number) == NOW


def test_pdf_certificate_refuses_a_key_the_member_certificate_does_not_name(
    auth: Authority, member: Member
) -> None:
    intruder = ec.generate_private_key(ec.SECP256R1()).public_key()
    with pytest.raises(Untrusted, match="not the one the member certificate certifies"):
        sm_x509.issue_pdf_cert(auth.pdf_root, auth.pdf_key, member=member.cert, public_key=intruder, now=NOW)
    _, _, signer = _signer(auth)
    with pytest.raises(Untrusted):  # the package signer certifies no PDF key at all
        sm_x509.issue_pdf_cert(
            auth.pdf_root, auth.pdf_key, member=signer, public_key=member.pdf_key.public_key(), now=NOW
        )


# --- the CRL -------------------------------------------------------------------------------------


def test_sm_crl_round_trip(auth: Authority) -> None:
    entries = [RevokedEntry(7, NOW - timedelta(days=1)), RevokedEntry(3, NOW)]
    der = sm_x509.build_sm_crl(auth.root, auth.key, entries, number=5, now=NOW)
    crl = x509.load_der_x509_crl(der)
    assert sm_profile.is_sm(crl)
    assert crl.issuer == auth.root.subject
    assert crl.last_update_utc == NOW
    assert crl.next_update_utc == auth.root.not_valid_after_utc
    assert crl.extensions.get_extension_for_class(x509.CRLNumber).value.crl_number == 5
    aki = crl.extensions.get_extension_for_class(x509.AuthorityKeyIdentifier).value.key_identifier
    assert aki == auth.root.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value.digest
    assert [(r.serial_number, r.revocation_date_utc) for r in crl] == [(3, NOW), (7, NOW - timedelta(days=1))]
    sm_profile.verify_sm_signed(crl.tbs_certlist_bytes, crl.signature, auth.root)
    loaded = RevocationList.load(der, auth.root)
    assert loaded.number == 5 and loaded.issued == NOW
    assert loaded.entries == (RevokedEntry(3, NOW), RevokedEntry(7, NOW - timedelta(days=1)))
    empty = RevocationList.load(sm_x509.build_sm_crl(auth.root, auth.key, [], number=1, now=NOW), auth.root)
    assert empty.entries == () and empty.number == 1


def test_a_tampered_sm_crl_is_refused(auth: Authority) -> None:
    der = sm_x509.build_sm_crl(auth.root, auth.key, [RevokedEntry(3, NOW)], number=5, now=NOW)
    # Drop the revocation: change the revoked serial 3 → 4 inside the signed part.
    needle = bytes.fromhex("020103")
    assert der.count(needle) == 1
    forged = der.replace(needle, bytes.fromhex("020104"))
    assert [r.serial_number for r in x509.load_der_x509_crl(forged)] == [4]
    with pytest.raises(Untrusted, match="not issued by the ministry root"):
        RevocationList.load(forged, auth.root)
    with pytest.raises(Untrusted, match="not issued by the ministry root"):
        RevocationList.load(der, _authority().root)


def test_crls_do_not_cross_suites(auth: Authority) -> None:
    nist_key = ec.generate_private_key(ec.SECP256R1())
    nist_root = certs.make_root(nist_key, "工业和信息化部", NOW)
    sm_crl = sm_x509.build_sm_crl(auth.root, auth.key, [], number=1, now=NOW)
    nist_crl = build_crl(nist_root, nist_key, [], number=1, now=NOW)
    assert RevocationList.load(nist_crl, nist_root).number == 1
    with pytest.raises(Untrusted):
        RevocationList.load(sm_crl, nist_root)
    with pytest.raises(Untrusted):
        RevocationList.load(nist_crl, auth.root)


# --- OpenSSL 3 as the outside implementation ------------------------------------------------------


def _openssl() -> str:
    path = shutil.which("openssl")
    if path is None:
        pytest.skip("no openssl command line on this machine")
    out = subprocess.run([path, "version"], capture_output=True, text=True, check=True).stdout
    match = re.match(r"OpenSSL (\d+)\.", out)
    if match is None or int(match.group(1)) < 3:
        pytest.skip(f"OpenSSL 3 is needed for SM2 certificates with a signer id (found: {out.strip()})")
    return path


def _run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, check=False)


def test_openssl_verifies_sm2_certificates_with_the_default_signer_id(
    tmp_path: Path, auth: Authority, member: Member
) -> None:
    openssl = _openssl()
    (tmp_path / "root.pem").write_bytes(_pem(auth.root))
    (tmp_path / "member.pem").write_bytes(_pem(member.cert))
    (tmp_path / "signer.pem").write_bytes(_pem(_signer(auth)[2]))
    (tmp_path / "other.pem").write_bytes(_pem(_member(_authority()).cert))
    for name in ("member.pem", "signer.pem"):
        done = _run(
            openssl,
            "verify",
            "-attime",
            AT,
            "-vfyopt",
            DISTID,
            "-CAfile",
            tmp_path / "root.pem",
            tmp_path / name,
        )
        assert done.returncode == 0, done.stderr
        assert done.stdout.strip().endswith(": OK")
    # A certificate from another SM2 root (same name, other key) fails.
    done = _run(
        openssl,
        "verify",
        "-attime",
        AT,
        "-vfyopt",
        DISTID,
        "-CAfile",
        tmp_path / "root.pem",
        tmp_path / "other.pem",
    )
    assert done.returncode != 0
    # Another signer id fails: the signature is bound to 1234567812345678.
    done = _run(
        openssl,
        "verify",
        "-attime",
        AT,
        "-vfyopt",
        "distid:1234567812345679",
        "-CAfile",
        tmp_path / "root.pem",
        tmp_path / "member.pem",
    )
    assert done.returncode != 0
    # OpenSSL 3.0 without -vfyopt computes Z with an empty id rather than the default one, so it
    # fails: the option is required (docs/crypto-suites.md).
    done = _run(openssl, "verify", "-attime", AT, "-CAfile", tmp_path / "root.pem", tmp_path / "member.pem")
    assert done.returncode != 0


def test_openssl_verifies_the_root_self_signature(tmp_path: Path, auth: Authority) -> None:
    openssl = _openssl()
    (tmp_path / "root.pem").write_bytes(_pem(auth.root))
    # `openssl verify -check_ss_sig` does not pass the signer id to the root's own signature (it
    # fails even with -vfyopt), so the self-signature is checked over the TBSCertificate with pkeyutl.
    done = _run(
        openssl, "verify", "-attime", AT, "-check_ss_sig", "-vfyopt", DISTID, "-CAfile", tmp_path / "root.pem",
        tmp_path / "root.pem",
    )  # fmt: skip
    assert done.returncode != 0
    pub = _run(openssl, "x509", "-in", tmp_path / "root.pem", "-noout", "-pubkey")
    (tmp_path / "root.pub").write_text(pub.stdout)
    (tmp_path / "tbs.der").write_bytes(auth.root.tbs_certificate_bytes)
    (tmp_path / "sig.der").write_bytes(auth.root.signature)
    done = _run(
        openssl, "pkeyutl", "-verify", "-pubin", "-inkey", tmp_path / "root.pub", "-rawin", "-digest", "sm3",
        "-pkeyopt", DISTID, "-in", tmp_path / "tbs.der", "-sigfile", tmp_path / "sig.der",
    )  # fmt: skip
    assert done.returncode == 0 and "Signature Verified Successfully" in done.stdout, done.stderr


def test_openssl_shows_the_sm_algorithms(tmp_path: Path, auth: Authority, member: Member) -> None:
    openssl = _openssl()
    (tmp_path / "member.pem").write_bytes(_pem(member.cert))
    text = _run(openssl, "x509", "-in", tmp_path / "member.pem", "-noout", "-text").stdout
    assert "Signature Algorithm: SM2-with-SM3" in text
    assert "Public Key Algorithm: id-ecPublicKey" in text
    assert "ASN1 OID: SM2" in text
    assert "CA:FALSE" in text
    assert sm_profile.OID_SM2_ENCRYPTION_KEY.dotted_string in text


def test_openssl_verifies_the_sm2_crl_signature(tmp_path: Path, auth: Authority) -> None:
    openssl = _openssl()
    der = sm_x509.build_sm_crl(auth.root, auth.key, [RevokedEntry(3, NOW)], number=5, now=NOW)
    crl = x509.load_der_x509_crl(der)
    (tmp_path / "crl.der").write_bytes(der)
    (tmp_path / "root.pem").write_bytes(_pem(auth.root))
    text = _run(openssl, "crl", "-in", tmp_path / "crl.der", "-inform", "DER", "-noout", "-text")
    assert "Signature Algorithm: SM2-with-SM3" in text.stdout and "Serial Number: 03" in text.stdout
    # `openssl crl -CAfile` has no signer-id option in OpenSSL 3.0 (it prints "verify failure" and
    # still exits 0), so the CRL's signature is checked over its TBSCertList with pkeyutl.
    pub = _run(openssl, "x509", "-in", tmp_path / "root.pem", "-noout", "-pubkey")
    (tmp_path / "root.pub").write_text(pub.stdout)
    (tmp_path / "tbs.der").write_bytes(crl.tbs_certlist_bytes)
    (tmp_path / "sig.der").write_bytes(crl.signature)

    def pkeyutl(data: str) -> subprocess.CompletedProcess[str]:
        return _run(
            openssl, "pkeyutl", "-verify", "-pubin", "-inkey", tmp_path / "root.pub", "-rawin", "-digest", "sm3",
            "-pkeyopt", DISTID, "-in", tmp_path / data, "-sigfile", tmp_path / "sig.der",
        )  # fmt: skip

    done = pkeyutl("tbs.der")
    assert done.returncode == 0 and "Signature Verified Successfully" in done.stdout, done.stderr
    (tmp_path / "forged.der").write_bytes(
        crl.tbs_certlist_bytes.replace(bytes.fromhex("020103"), bytes.fromhex("020104"))
    )
    assert pkeyutl("forged.der").returncode != 0
    # Ours loads what OpenSSL re-encodes (PEM round trip through the command line).
    _run(openssl, "crl", "-in", tmp_path / "crl.der", "-inform", "DER", "-out", tmp_path / "crl.pem")
    again = x509.load_pem_x509_crl((tmp_path / "crl.pem").read_bytes())
    assert RevocationList.load(again.public_bytes(serialization.Encoding.DER), auth.root).number == 5


def test_openssl_verifies_the_pdf_certificate(tmp_path: Path, auth: Authority, member: Member) -> None:
    openssl = _openssl()
    pdf = sm_x509.issue_pdf_cert(
        auth.pdf_root, auth.pdf_key, member=member.cert, public_key=member.pdf_key.public_key(), now=NOW
    )
    (tmp_path / "pdf-root.pem").write_bytes(_pem(auth.pdf_root))
    (tmp_path / "pdf.pem").write_bytes(_pem(pdf))
    (tmp_path / "root.pem").write_bytes(_pem(auth.root))
    done = _run(openssl, "verify", "-attime", AT, "-CAfile", tmp_path / "pdf-root.pem", tmp_path / "pdf.pem")
    assert done.returncode == 0, done.stderr
    done = _run(
        openssl,
        "verify",
        "-attime",
        AT,
        "-vfyopt",
        DISTID,
        "-CAfile",
        tmp_path / "root.pem",
        tmp_path / "pdf.pem",
    )
    assert done.returncode != 0

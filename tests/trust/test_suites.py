"""The algorithm suites: ids, the suite of a root, and the refusal when they differ."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives import hashes

from reviewer.errors import NotAnArtifact, SuiteMismatch, Untrusted
from reviewer.i18n import T
from reviewer.trust import certs, clock, keys, suites


def _nist_root():
    return certs.make_root(keys.new_signing_key(), "Ministry", clock.utcnow())


def test_ids_and_parameters() -> None:
    assert suites.NIST.id == "RV1-P256-X25519-AES256GCM" and suites.SM.id == "RV1-SM2-SM3-SM4"
    assert suites.SUITE_IDS == (suites.NIST_ID, suites.SM_ID)
    assert (suites.NIST.stream_key_bytes, suites.SM.stream_key_bytes) == (32, 16)
    assert isinstance(suites.NIST.kdf_hash(), hashes.SHA256)
    assert isinstance(suites.SM.kdf_hash(), hashes.SM3)
    assert suites.by_id(suites.SM_ID) is suites.SM and suites.by_name("nist") is suites.NIST


def test_unknown_id_is_not_an_artifact() -> None:
    with pytest.raises(NotAnArtifact):
        suites.by_id("RV1-RSA")
    with pytest.raises(NotAnArtifact):
        suites.require("RV1-RSA", _nist_root(), what=T("包", "package"))


def test_nist_root_is_nist_and_mismatch_names_both_suites() -> None:
    root = _nist_root()
    assert suites.of_root(root) is suites.NIST
    assert suites.require(suites.NIST_ID, root, what=T("包", "package")) is suites.NIST
    with pytest.raises(SuiteMismatch) as info:
        suites.require(suites.SM_ID, root, what=T("评审包", "The package"))
    assert isinstance(info.value, Untrusted) and info.value.exit_code == 12
    en = info.value.message.render("en")
    zh = info.value.message.render("zh_CN")
    assert "SM2 / SM3 / SM4" in en and "ECDSA P-256" in en and "The package uses" in en
    assert "国密算法" in zh and "国际算法" in zh


def test_other_signature_algorithm_is_untrusted() -> None:
    from cryptography.hazmat.primitives.asymmetric import ec

    key = ec.generate_private_key(ec.SECP384R1())
    from cryptography import x509
    from cryptography.x509.oid import NameOID

    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "x")])
    now = clock.utcnow()
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(1).not_valid_before(now).not_valid_after(now + certs.BACKDATE)
        .sign(key, hashes.SHA384())
    )  # fmt: skip
    with pytest.raises(Untrusted):
        suites.of_certificate(cert)

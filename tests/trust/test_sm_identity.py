"""The SM suite end to end in the trust layer: authority → identity → enrolment → install → revoke,
the cross-suite refusals, keys on disk, and the NIST files unchanged in shape."""

from __future__ import annotations

import base64
import json

import pytest
from cryptography.hazmat.primitives.asymmetric import ec

from reviewer.errors import Refused, Revoked, SuiteMismatch, Tampered, Untrusted
from reviewer.trust import certs, clock, keys, recipients, signatures, sm, suites
from reviewer.trust.authority import create_authority, open_authority
from reviewer.trust.credential import Credential, load_credential, parse_credential
from reviewer.trust.identity import (
    PDF_ROOT,
    REQUEST,
    ROOT,
    create_identity,
    install_credential,
    load_identity,
    read_info,
)
from reviewer.trust.passphrase import PassphraseSource
from reviewer.trust.recipients import Recipient

PASS = "correct horse battery staple"
SRC = PassphraseSource(explicit=PASS)


@pytest.fixture(scope="module")
def sm_world(tmp_path_factory):
    base = tmp_path_factory.mktemp("sm")
    authority = create_authority(base / "auth", name="工业和信息化部", source=SRC, suite=suites.SM)
    info, _ = create_identity(base / "id", name="张伟", org="南京大学", source=SRC, suite=suites.SM)
    cred = authority.enroll((info.path / REQUEST).read_bytes(), SRC)
    cred_path = cred.save(base / "zhang.rvcred")
    install_credential(info.path, cred_path)
    return base, authority, info, cred, cred_path


def test_sm_authority_layout(sm_world) -> None:
    _, authority, _, _, _ = sm_world
    folder = authority.path
    doc = json.loads((folder / "authority.json").read_text("utf-8"))
    assert doc["suite"] == suites.SM_ID
    reopened = open_authority(folder)
    assert reopened.suite is suites.SM and authority.suite is suites.SM
    assert suites.of_root(reopened.root) is suites.SM
    assert reopened.root.signature_algorithm_oid.dotted_string == sm.OID_SM3_WITH_SM2
    assert reopened.pdf_root is not None and suites.of_root(reopened.pdf_root) is suites.NIST
    assert certs.common_name(reopened.pdf_root) == "工业和信息化部 PDF Root CA"
    from reviewer.trust import sm_profile

    assert sm_profile.pdf_root_digest_of(reopened.root) == sm_profile.cert_sha256(reopened.pdf_root)
    keys_ = reopened.unlock(SRC)
    assert all(sm.is_sm2_private_key(k) for k in (keys_.root, keys_.signing, keys_.encryption))
    assert isinstance(keys_.pdf_root, ec.EllipticCurvePrivateKey)
    # the package-signing certificate: SM2, issued by the SM2 root, carrying the SM2 encryption key
    certs.verify_chain(reopened.signing_cert, reopened.root, purpose=certs.EKU_PACKAGE_SIGNING)
    enc = certs.encryption_key_of(reopened.signing_cert)
    assert sm.sm2_public_der(enc) == sm.sm2_public_der(keys_.encryption)
    assert reopened.revocations().entries == ()


def test_every_sm_private_key_is_encrypted_pkcs8(sm_world) -> None:
    base, _, _, _, _ = sm_world
    pems = sorted(base.rglob("*.key.pem"))
    names = {p.name for p in pems}
    assert {"root.key.pem", "signing.key.pem", "encryption.key.pem", "pdf-root.key.pem"} <= names
    assert "pdf-signing.key.pem" in names
    assert len(pems) == 7
    for path in pems:
        data = path.read_bytes()
        assert data.startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY-----"), path
        assert b"BEGIN PRIVATE KEY" not in data and b"BEGIN EC PRIVATE KEY" not in data
        assert path.stat().st_mode & 0o077 == 0, path


def test_sm_request_has_both_proofs(sm_world) -> None:
    _, _, info, _, _ = sm_world
    doc = json.loads((info.path / REQUEST).read_text("utf-8"))
    assert doc["suite"] == suites.SM_ID
    assert set(doc) == {"format", "suite", "identity", "name", "org", "created", "signing_key",
                        "encryption_key", "pdf_signing_key", "signature", "pdf_signature"}  # fmt: skip
    assert sm.is_sm2_public_key(sm.load_sm2_public_key(base64.b64decode(doc["signing_key"])))
    assert sm.is_sm2_public_key(sm.load_sm2_public_key(base64.b64decode(doc["encryption_key"])))
    ident = json.loads((info.path / "identity.json").read_text("utf-8"))
    assert ident["suite"] == suites.SM_ID and ident["pdf_signing_public_key"] == doc["pdf_signing_key"]


@pytest.mark.parametrize("field", ["name", "pdf_signing_key"])
def test_tampered_sm_request_is_refused(sm_world, tmp_path, field) -> None:
    _, authority, info, _, _ = sm_world
    doc = json.loads((info.path / REQUEST).read_text("utf-8"))
    if field == "name":
        doc["name"] = "冒名者"
    else:  # someone swaps in their own PDF-signing key: the SM2 proof no longer covers the body
        doc["pdf_signing_key"] = base64.b64encode(keys.ec_public_der(keys.new_signing_key())).decode()
    with pytest.raises(Tampered):
        authority.enroll(json.dumps(doc, ensure_ascii=False).encode("utf-8"), SRC)


def test_sm_request_with_a_forged_pdf_proof_is_refused(sm_world) -> None:
    _, authority, info, _, _ = sm_world
    doc = json.loads((info.path / REQUEST).read_text("utf-8"))
    doc["pdf_signature"] = doc["signature"]
    with pytest.raises(Tampered):
        authority.enroll(json.dumps(doc, ensure_ascii=False).encode("utf-8"), SRC)


def test_sm_credential_install_and_identity(sm_world) -> None:
    _, authority, info, cred, cred_path = sm_world
    assert cred.suite is suites.SM
    assert cred.pdf_certificate is not None and cred.pdf_root is not None
    assert cred.pdf_certificate.serial_number == cred.certificate.serial_number
    assert cred.pdf_root == authority.pdf_root
    saved = load_credential(cred_path)
    assert saved == cred
    doc = json.loads(cred_path.read_text("utf-8"))
    assert set(doc) == {"format", "certificate", "root", "pdf_certificate", "pdf_root"}
    assert (info.path / ROOT).read_bytes() == (authority.path / "root.crt.pem").read_bytes()
    assert (info.path / PDF_ROOT).read_bytes() == (authority.path / "pdf-root.crt.pem").read_bytes()

    identity = load_identity(info.path, SRC)
    assert identity.suite is suites.SM and read_info(info.path).suite is suites.SM
    assert identity.trust_root() == authority.root and identity.pdf_root() == authority.pdf_root
    assert identity.pdf_certificate == cred.pdf_certificate
    # sign: SM2 by the member certificate, checked against the pinned SM2 root
    now = clock.utcnow()
    sig = identity.sign(b"sheet")
    signatures.verify_signed_by(b"sheet", sig, identity.certificate, root=identity.trust_root(), at=now)
    with pytest.raises(Tampered):
        signatures.verify_signed_by(b"sheet!", sig, identity.certificate, root=identity.trust_root(), at=now)
    # pdf_sign: ECDSA by the PDF certificate, checked against the pinned PDF root
    pdf_sig = identity.pdf_sign(b"pdf bytes")
    signatures.verify_signed_by(
        b"pdf bytes", pdf_sig, identity.pdf_certificate, root=identity.pdf_root(), at=now
    )
    assert isinstance(identity.pdf_signing_key(), ec.EllipticCurvePrivateKey)
    # unwrap: an SM2 wrap to the key the certificate certifies
    file_key = bytes(range(32))
    w = recipients.wrap(file_key, Recipient(cred.fingerprint, cred.encryption_key), b"pkg")
    assert identity.unwrap(w, b"pkg") == file_key


def test_sm_revocation_revokes_both_certificates(tmp_path) -> None:
    authority = create_authority(tmp_path / "auth", name="M", source=SRC, suite=suites.SM)
    info, _ = create_identity(tmp_path / "id", name="张伟", org="南京大学", source=SRC, suite=suites.SM)
    cred = authority.enroll((info.path / REQUEST).read_bytes(), SRC)
    crl = authority.revoke(cred, "laptop lost", SRC)
    assert crl.number == 2 and crl.revoked_at(cred.serial) is not None
    reloaded = open_authority(authority.path).revocations()
    assert reloaded.der == crl.der  # SM3withSM2 CRL, checked against the SM2 root on load
    assert reloaded.der == (authority.path / "revocations.crl").read_bytes()
    later = clock.utcnow()
    assert cred.pdf_certificate is not None
    for cert in (cred.certificate, cred.pdf_certificate):
        with pytest.raises(Revoked):
            reloaded.check(cert, later)
    with pytest.raises(Revoked):
        cred.verify(authority.root, later, reloaded)
    with pytest.raises(Refused):
        authority.revoke(cred, "again", SRC)


def test_cross_suite_enrolment_is_refused(tmp_path, sm_world) -> None:
    _, sm_authority, sm_info, _, _ = sm_world
    nist_authority = create_authority(tmp_path / "nist", name="M", source=SRC)
    nist_info, _ = create_identity(tmp_path / "nid", name="李娜", org="X", source=SRC)
    with pytest.raises(SuiteMismatch) as info:
        nist_authority.enroll((sm_info.path / REQUEST).read_bytes(), SRC)
    assert "SM2 / SM3 / SM4" in info.value.message.render("en")
    with pytest.raises(SuiteMismatch):
        sm_authority.enroll((nist_info.path / REQUEST).read_bytes(), SRC)
    assert not list((nist_authority.path / "issued").iterdir())


def test_cross_suite_install_is_refused(tmp_path, sm_world) -> None:
    _, _, _, _, sm_cred_path = sm_world
    nist_authority = create_authority(tmp_path / "nist", name="M", source=SRC)
    nist_info, _ = create_identity(tmp_path / "nid", name="李娜", org="X", source=SRC)
    sm_info, _ = create_identity(tmp_path / "sid", name="王芳", org="Y", source=SRC, suite=suites.SM)
    nist_cred = nist_authority.enroll((nist_info.path / REQUEST).read_bytes(), SRC)
    nist_cred_path = nist_cred.save(tmp_path / "n.rvcred")
    with pytest.raises(Refused):
        install_credential(nist_info.path, sm_cred_path)
    with pytest.raises(Refused):
        install_credential(sm_info.path, nist_cred_path)
    with pytest.raises(Refused):  # an SM credential for somebody else
        install_credential(sm_info.path, sm_cred_path)
    assert not (nist_info.path / ROOT).exists() and not (sm_info.path / ROOT).exists()


def test_sm_credential_with_a_foreign_pdf_certificate_is_refused(tmp_path, sm_world) -> None:
    """An attacker keeps the member certificate but swaps in a PDF certificate (or PDF root) of
    their own: the links (ARC.6 / ARC.5 / ARC.4) no longer hold."""
    _, _, info, cred, _ = sm_world
    other = create_authority(tmp_path / "other", name="M", source=SRC, suite=suites.SM)
    o_info, _ = create_identity(tmp_path / "oid", name="张伟", org="南京大学", source=SRC, suite=suites.SM)
    o_cred = other.enroll((o_info.path / REQUEST).read_bytes(), SRC)
    for forged in (
        Credential(cred.certificate, cred.root, o_cred.pdf_certificate, cred.pdf_root),
        Credential(cred.certificate, cred.root, o_cred.pdf_certificate, o_cred.pdf_root),
        Credential(cred.certificate, cred.root, cred.pdf_certificate, o_cred.pdf_root),
    ):
        with pytest.raises(Untrusted):
            forged.verify(cred.root, clock.utcnow())
        path = forged.save(tmp_path / "forged.rvcred")
        with pytest.raises((Untrusted, Refused)):
            install_credential(info.path, path)


def test_sm_credential_without_pdf_parts_is_refused(sm_world) -> None:
    _, _, _, _, cred_path = sm_world
    doc = json.loads(cred_path.read_text("utf-8"))
    del doc["pdf_root"]
    from reviewer.errors import InvalidInput

    with pytest.raises(InvalidInput):
        parse_credential(json.dumps(doc).encode(), "x")


def test_nist_files_keep_their_shape(tmp_path) -> None:
    authority = create_authority(tmp_path / "auth", name="M", source=SRC)
    info, _ = create_identity(tmp_path / "id", name="张伟", org="南京大学", source=SRC)
    cred = authority.enroll((info.path / REQUEST).read_bytes(), SRC)
    path = cred.save(tmp_path / "c.rvcred")
    install_credential(info.path, path)
    assert set(json.loads((authority.path / "authority.json").read_text("utf-8"))) == {
        "format", "id", "name", "created", "passphrase", "kdf"}  # fmt: skip
    assert set(json.loads((info.path / "identity.json").read_text("utf-8"))) == {
        "format", "id", "name", "org", "created", "passphrase", "signing_public_key",
        "encryption_public_key", "kdf"}  # fmt: skip
    assert set(json.loads((info.path / REQUEST).read_text("utf-8"))) == {
        "format", "identity", "name", "org", "created", "signing_key", "encryption_key", "signature"}  # fmt: skip
    assert set(json.loads(path.read_text("utf-8"))) == {"format", "certificate", "root"}
    assert not (authority.path / "pdf-root.crt.pem").exists() and not (info.path / PDF_ROOT).exists()
    assert sorted(p.name for p in info.path.glob("*.key.pem")) == ["encryption.key.pem", "signing.key.pem"]
    assert authority.suite is suites.NIST and authority.pdf_root is None and cred.pdf_root is None
    identity = load_identity(info.path, SRC)
    assert identity.suite is suites.NIST
    assert identity.pdf_certificate == identity.certificate and identity.pdf_root() == identity.trust_root()
    assert identity.pdf_signing_key() is identity.signing_key()
    assert authority.unlock(SRC).pdf_root is None


def test_cli_suite_options(tmp_path, monkeypatch) -> None:
    from tests.trust.test_identity_keys import cli

    monkeypatch.setenv("P", PASS)
    code, out, _ = cli(
        "authority", "init", tmp_path / "a", "--name", "部", "--suite", "sm", "--passphrase-env", "P"
    )
    assert code == 0 and "SM2 / SM3 / SM4" in out
    assert open_authority(tmp_path / "a").suite is suites.SM
    code, out, _ = cli(
        "identity", "new", tmp_path / "n", "--name", "李", "--org", "X", "--passphrase-env", "P"
    )
    assert code == 0 and read_info(tmp_path / "n").suite is suites.NIST
    code, _, err = cli(
        "authority", "enroll", tmp_path / "a", tmp_path / "n" / REQUEST, "--out", tmp_path / "c.rvcred",
        "--passphrase-env", "P",
    )  # fmt: skip
    assert code == 12 and "SM2 / SM3 / SM4" in err and not (tmp_path / "c.rvcred").exists()
    code, out, _ = cli("identity", "new", tmp_path / "s", "--name", "张", "--org", "X", "--suite", "sm",
                       "--passphrase-env", "P")  # fmt: skip
    assert code == 0 and read_info(tmp_path / "s").suite is suites.SM
    code, out, _ = cli("identity", "show", tmp_path / "s")
    assert code == 0 and "SM2 / SM3 / SM4" in out

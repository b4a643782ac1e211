"""The second review of the SM suite: attacks by a dishonest member, the thief of a laptop or a
forger holding one valid credential, each written before looking for its defence. An attack that
succeeded has its fix beside it (the test now proves the refusal); the others document a defence
that held."""

from __future__ import annotations

import json
import os
import stat
from datetime import timedelta

import pytest
from asn1crypto import core as a_core
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization

from reviewer.errors import InvalidInput, Tampered, Untrusted
from reviewer.trust import certs, clock, recipients, signatures, sm, suites
from reviewer.trust.authority import create_authority
from reviewer.trust.credential import Credential
from reviewer.trust.identity import (
    PDF_ROOT,
    REQUEST,
    create_identity,
    install_credential,
    load_identity,
)
from reviewer.trust.passphrase import PassphraseSource
from reviewer.trust.recipients import Recipient, WrappedKey
from reviewer.trust.revocation import RevocationList, RevokedEntry, build_crl

PASS = "correct horse battery staple"
SRC = PassphraseSource(explicit=PASS)


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    base = tmp_path_factory.mktemp("smreview")
    authority = create_authority(base / "auth", name="工业和信息化部", source=SRC, suite=suites.SM)
    info, _ = create_identity(base / "id", name="张伟", org="南京大学", source=SRC, suite=suites.SM)
    cred = authority.enroll((info.path / REQUEST).read_bytes(), SRC)
    install_credential(info.path, cred.save(base / "zhang.rvcred"))
    other = create_authority(base / "other", name="某伪造机构", source=SRC, suite=suites.SM)
    return base, authority, info, cred, other


# --- the thief of a laptop: the identity folder edited --------------------------------------------


def test_a_pdf_root_swapped_in_the_identity_folder_is_refused_on_load(world, tmp_path) -> None:
    """ATTACK (succeeded before the fix): trust-root-pdf.crt.pem replaced by another ECDSA root. The
    identity loaded and embedded the foreign root in every PDF signature — the pinned SM2 root's
    ARC.6 was checked at install but never again. Now load_identity requires ARC.6 to name it."""
    _, _, info, _, other = world
    import shutil

    copy = tmp_path / "id"
    shutil.copytree(info.path, copy)
    assert load_identity(copy, SRC).pdf_root() is not None  # intact: loads
    (copy / PDF_ROOT).chmod(0o600)
    (copy / PDF_ROOT).write_bytes(other.pdf_root.public_bytes(serialization.Encoding.PEM))
    with pytest.raises(Untrusted):
        load_identity(copy, SRC)


def test_identity_json_relabelled_after_install_does_not_load(world, tmp_path) -> None:
    """Held: an SM identity.json edited to say NIST (suite and PDF key removed) loads no key."""
    _, _, info, _, _ = world
    import shutil

    copy = tmp_path / "id"
    shutil.copytree(info.path, copy)
    doc = json.loads((copy / "identity.json").read_text("utf-8"))
    doc.pop("suite")
    doc.pop("pdf_signing_public_key")
    (copy / "identity.json").chmod(0o600)
    (copy / "identity.json").write_text(json.dumps(doc), "utf-8")
    with pytest.raises(InvalidInput):
        load_identity(copy, SRC)


def test_no_private_key_is_written_in_the_clear_or_readable_by_others(world) -> None:
    """Held: every key file of the SM authority and identity (SM2 and P-256, the PDF root's and the
    PDF-signing key included) is encrypted PKCS#8, mode 0600, and no other file holds a clear key."""
    base, _, _, _, _ = world
    key_files = []
    for root, _, files in os.walk(base):
        for name in files:
            path = os.path.join(root, name)
            data = open(path, "rb").read()  # noqa: SIM115 - tiny files
            assert b"BEGIN PRIVATE KEY" not in data and b"BEGIN EC PRIVATE KEY" not in data, path
            if name.endswith(".key.pem"):
                key_files.append(name)
                assert data.startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY-----"), path
                assert stat.S_IMODE(os.stat(path).st_mode) == 0o600, path
    for expected in ("pdf-root.key.pem", "pdf-signing.key.pem", "root.key.pem", "encryption.key.pem"):
        assert expected in key_files


# --- a forger with one valid credential -----------------------------------------------------------


def test_the_pdf_certificate_is_never_a_member_certificate_under_the_sm2_root(world) -> None:
    """Held: a member signs an artifact with their ECDSA PDF key and presents the PDF certificate
    (issued by the PDF root the SM2 root pins) as their member certificate: Untrusted."""
    _, _, info, cred, _ = world
    ident = load_identity(info.path, SRC)
    data = b'{"kind": "sheet"}'
    with pytest.raises(Untrusted):
        signatures.verify_signed_by(
            data, ident.pdf_sign(data), cred.pdf_certificate, root=cred.root, at=clock.utcnow()
        )
    # nor as a credential whose member certificate is the PDF certificate
    with pytest.raises(Untrusted):
        Credential(cred.pdf_certificate, cred.root, cred.pdf_certificate, cred.pdf_root).verify(
            cred.root, clock.utcnow()
        )


def test_a_crl_signed_by_the_pdf_root_is_untrusted_under_the_sm2_root(world) -> None:
    """Held: the PDF root (ECDSA) cannot issue the CRL of an SM2 anchor, even naming the SM2 root
    as its issuer — a forged CRL would un-revoke nobody and revoke nobody."""
    _, authority, _, cred, _ = world
    keys = authority.unlock(SRC)
    now = clock.utcnow()
    entry = [RevokedEntry(cred.serial, now - timedelta(days=1))]
    own_name = build_crl(authority.pdf_root, keys.pdf_root, entry, number=99, now=now)
    builder = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(authority.root.subject)
        .last_update(now)
        .next_update(now + timedelta(days=30))
        .add_extension(x509.CRLNumber(99), critical=False)
    )
    impersonating = builder.sign(keys.pdf_root, hashes.SHA256()).public_bytes(serialization.Encoding.DER)
    for der in (own_name, impersonating):
        with pytest.raises(Untrusted):
            RevocationList.load(der, authority.root)


def test_an_sm2_signature_not_in_der_is_refused(world) -> None:
    """Held: an SM2 signature re-encoded in BER (long-form lengths) or with a trailing byte does not
    verify — one signature has one encoding."""
    _, _, info, _, _ = world
    ident = load_identity(info.path, SRC)
    data = b"the bytes a member signs"
    good = ident.sign(data)
    key = certs.public_key_of(ident.certificate)
    signatures.verify_bytes(key, data, good)
    r, s = _rs(good)
    body = a_core.Integer(r).dump() + a_core.Integer(s).dump()
    ber = b"\x30\x81" + bytes([len(body)]) + body
    for forged in (ber, good + b"\x00"):
        with pytest.raises(Tampered):
            signatures.verify_bytes(key, data, forged)


def _rs(der: bytes) -> tuple[int, int]:
    from asn1crypto.algos import DSASignature

    sig = DSASignature.load(der)
    return int(sig["r"].native), int(sig["s"].native)


# --- key wrap ---------------------------------------------------------------------------------------


def test_sm2_wraps_of_the_wrong_shape_or_context_are_tampered(world) -> None:
    """Held: an SM2 ciphertext (really encrypted to the member's key, so C3 holds) whose plaintext
    is the bare file key, has a tail for another artifact, or carries more bytes; a C3 flipped; C1
    moved off the curve: each is Tampered, none yields a key."""
    _, _, info, cred, _ = world
    ident = load_identity(info.path, SRC)
    pub = cred.encryption_key
    file_key = os.urandom(32)
    ctx = b"reviewer/1 sheet abc"
    assert ident.unwrap(recipients.wrap(file_key, Recipient("x", pub), ctx), ctx) == file_key
    plaintexts = (
        file_key,  # no context tail
        file_key + sm.sm3(b"reviewer/1 sheet other"),  # another artifact's tail
        file_key + sm.sm3(ctx) + b"\x00",  # longer
        file_key[:31] + sm.sm3(ctx) + b"\x00",  # the boundary moved
    )
    for plain in plaintexts:
        with pytest.raises(Tampered):
            ident.unwrap(WrappedKey("x", b"", sm.sm2_encrypt(pub, plain)), ctx)
    good = recipients.wrap(file_key, Recipient("x", pub), ctx).wrapped
    seq = a_core.Sequence.load(good)
    x, y, c3, c2 = (seq[i] for i in range(4))
    flipped_c3 = bytes([c3.native[0] ^ 1]) + c3.native[1:]
    off_curve = a_core.Integer(x.native + 1).dump() + y.dump()
    forged = (
        _seq(x.dump() + y.dump() + a_core.OctetString(flipped_c3).dump() + c2.dump()),
        _seq(off_curve + c3.dump() + c2.dump()),
        _seq(x.dump() + y.dump() + c3.dump()),  # C2 missing
        b"",
        b"\x30\x00",
    )
    for wrapped in forged:
        with pytest.raises(Tampered):
            ident.unwrap(WrappedKey("x", b"", wrapped), ctx)


def _seq(body: bytes) -> bytes:
    if len(body) < 128:
        return b"\x30" + bytes([len(body)]) + body
    return b"\x30\x81" + bytes([len(body)]) + body


def test_the_import_workers_setup_never_shows_the_ministry_key(world) -> None:
    """ATTACK (a latent leak before the fix): the SM2 ministry key travels to the import's worker
    processes as unencrypted PKCS#8 DER in a dataclass whose repr printed it — no code logs the setup
    today, but one log line, crash report or error showing it would put the key on disk. Now the
    field is repr=False."""
    from reviewer.ministry.importer import _key_bytes, _WorkerSetup

    _, authority, _, _, _ = world
    keys = authority.unlock(SRC)
    secret = _key_bytes(keys.encryption)
    setup = _WorkerSetup(b"root", b"cert", secret, {}, None, "zh_CN")  # type: ignore[arg-type]
    shown = repr(setup) + str(setup)
    assert secret.hex() not in shown and repr(secret) not in shown and str(secret) not in shown


def test_an_authority_folder_with_a_swapped_pdf_root_or_suite_does_not_open(world, tmp_path) -> None:
    """ATTACK (succeeded before the fix, for the PDF root): pdf-root.crt.pem (and its key) replaced
    in the authority folder by another authority's. The authority opened and would have issued PDF
    certificates under a root its SM2 root does not pin (every member's install then refused). Now
    open_authority requires ARC.6 to name it. Held already: authority.json relabelled NIST."""
    import shutil

    from reviewer.trust.authority import open_authority

    _, authority, _, _, other = world
    copy = tmp_path / "auth"
    shutil.copytree(authority.path, copy)
    assert open_authority(copy).pdf_root == authority.pdf_root
    for name in ("pdf-root.crt.pem", "pdf-root.key.pem"):
        (copy / name).chmod(0o600)
        shutil.copyfile(other.path / name, copy / name)
    with pytest.raises(InvalidInput):
        open_authority(copy)
    relabelled = tmp_path / "auth2"
    shutil.copytree(authority.path, relabelled)
    doc = json.loads((relabelled / "authority.json").read_text("utf-8"))
    doc.pop("suite")
    (relabelled / "authority.json").chmod(0o600)
    (relabelled / "authority.json").write_text(json.dumps(doc), "utf-8")
    with pytest.raises(InvalidInput):
        open_authority(relabelled)


# --- certificates ---------------------------------------------------------------------------------


def _resigned(cert: x509.Certificate, root_key: sm.Sm2PrivateKey, change) -> x509.Certificate:
    """``cert`` with its TBS changed by ``change`` and signed again by ``root_key`` (SM3withSM2)."""
    from asn1crypto import x509 as a_x509

    parsed = a_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))
    tbs = a_x509.TbsCertificate.load(parsed["tbs_certificate"].dump())
    change(tbs)
    tbs = a_x509.TbsCertificate.load(tbs.dump(force=True))
    signed = a_x509.Certificate(
        {
            "tbs_certificate": tbs,
            "signature_algorithm": parsed["signature_algorithm"],
            "signature_value": sm.sm2_sign(root_key, tbs.dump()),
        }
    )
    return x509.load_der_x509_certificate(signed.dump())


def test_an_sm2_certificate_outside_the_profile_is_untrusted(world) -> None:
    """ATTACK (accepted before the fix; the signer must hold the root key, so this is the GM/T 0015
    / RFC 5280 profile rather than a forgery): an SM2 certificate correctly signed by the root but
    with an unknown *critical* extension (a verifier must refuse what it does not understand), or
    whose TBS names another signature algorithm (ecdsa-with-SHA256) than the outer SM3withSM2 one
    by which the suite is decided. Both are now Untrusted, for the member and for the root."""
    from asn1crypto import core as a_core
    from asn1crypto import x509 as a_x509

    _, authority, _, cred, _ = world
    root_key = authority.unlock(SRC).root
    certs.verify_chain(cred.certificate, cred.root, purpose=certs.EKU_MEMBER)  # as issued: fine

    def critical(tbs) -> None:
        ext = a_x509.Extension(
            {"extn_id": "1.2.3.4.5", "critical": True, "extn_value": a_core.OctetString(b"x").dump()}
        )
        tbs["extensions"] = a_x509.Extensions([*tbs["extensions"], ext])

    def inner(tbs) -> None:
        tbs["signature"] = a_x509.SignedDigestAlgorithm({"algorithm": "sha256_ecdsa"})

    for change in (critical, inner):
        member = _resigned(cred.certificate, root_key, change)
        with pytest.raises(Untrusted):
            certs.verify_chain(member, cred.root, purpose=certs.EKU_MEMBER)
        root = _resigned(cred.root, root_key, change)
        with pytest.raises(Untrusted):
            certs.verify_chain(cred.certificate, root, purpose=certs.EKU_MEMBER)

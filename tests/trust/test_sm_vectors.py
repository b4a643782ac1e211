"""The SM suite's own vectors (tests/vectors/sm-suite.json) against our code and OpenSSL 3.

Deterministic values (public keys of the fixed scalars, SM3, the HKDF-SM3 stream key, the SM4-GCM
STREAM chunks) are recomputed; randomized ones (the SM2 signature, the SM2 wrap, the certificates
and the CRL) are verified, with a negative case each. OpenSSL 3's command line checks what it can:
the public keys, SM3, HKDF-SM3 (``openssl kdf``), the signature (``pkeyutl -verify``), the wrap
(``pkeyutl -decrypt``) and the certificates (``openssl verify -vfyopt distid:…``). SM4-GCM is not
in ``openssl enc``; Tongsuo's own SM4-GCM (tongsuopy, not the OpenSSL inside ``cryptography``)
recomputes each chunk instead.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from tongsuopy.crypto import serialization as t_serialization
from tongsuopy.crypto.asymciphers import ec as t_ec
from tongsuopy.crypto.ciphers.aead import SM4GCM as TongsuoSM4GCM

from reviewer.errors import Revoked, Tampered, Untrusted
from reviewer.packages import stream
from reviewer.trust import certs, sm, sm_profile, suites
from reviewer.trust.recipients import WrappedKey, unwrap
from reviewer.trust.revocation import RevocationList

VECTORS = json.loads(
    (Path(__file__).resolve().parents[1] / "vectors" / "sm-suite.json").read_text(encoding="utf-8")
)
DISTID = "distid:1234567812345678"


def sm2_key(name: str) -> sm.Sm2PrivateKey:
    return t_ec.derive_private_key(int(VECTORS["keys"][name]["private_scalar"], 16), t_ec.SM2())


def p256_key(name: str) -> ec.EllipticCurvePrivateKey:
    return ec.derive_private_key(int(VECTORS["keys"][name]["private_scalar"], 16), ec.SECP256R1())


def when(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def plaintext() -> bytes:
    assert VECTORS["stream"]["plaintext"] == "bytes(i % 251 for i in range(40000))"
    return bytes(i % 251 for i in range(40_000))


def cert(field: str) -> x509.Certificate:
    return x509.load_der_x509_certificate(bytes.fromhex(VECTORS["certificates"][field]))


# --- our code ------------------------------------------------------------------------------------


def test_the_vectors_name_the_sm_suite() -> None:
    assert VECTORS["suite"] == suites.SM_ID == "RV1-SM2-SM3-SM4"


@pytest.mark.parametrize("name", ["root", "member_signing", "member_encryption", "other"])
def test_each_sm2_scalar_gives_its_public_key(name: str) -> None:
    assert VECTORS["keys"][name]["curve"] == "sm2p256v1"
    assert sm.sm2_public_der(sm2_key(name)).hex() == VECTORS["keys"][name]["public_spki_der"]
    loaded = sm.load_sm2_public_key(bytes.fromhex(VECTORS["keys"][name]["public_spki_der"]))
    assert loaded.public_numbers() == sm2_key(name).public_key().public_numbers()


@pytest.mark.parametrize("name", ["pdf_root", "member_pdf"])
def test_each_p256_scalar_gives_its_public_key(name: str) -> None:
    spki = (
        p256_key(name)
        .public_key()
        .public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    )
    assert spki.hex() == VECTORS["keys"][name]["public_spki_der"]


def test_sm3_of_the_message_and_the_context() -> None:
    v = VECTORS["sm3"]
    assert sm.sm3(v["message_utf8"].encode()).hex() == v["sm3"]
    assert sm.sm3(v["context_utf8"].encode()).hex() == v["context_sm3"]


def test_the_signature_verifies_and_the_negative_cases_are_refused() -> None:
    v = VECTORS["signature"]
    assert v["signer_id_utf8"] == sm.DEFAULT_SIGNER_ID.decode()
    public = sm2_key(v["signer"]).public_key()
    message, signature = v["message_utf8"].encode(), bytes.fromhex(v["signature_der"])
    sm.sm2_verify(public, message, signature)
    with pytest.raises(Tampered):
        sm.sm2_verify(public, v["refused"]["message_utf8"].encode(), signature)
    with pytest.raises(Tampered):
        sm.sm2_verify(sm2_key("other").public_key(), message, signature)
    with pytest.raises(Tampered):
        sm.sm2_verify(public, message, signature[:-1] + bytes([signature[-1] ^ 1]))


def wrapped_key() -> WrappedKey:
    v = VECTORS["wrap"]
    return WrappedKey("member", bytes.fromhex(v["ephemeral"]), bytes.fromhex(v["wrapped_key"]))


def test_the_wrap_gives_the_file_key_for_its_context_only() -> None:
    v = VECTORS["wrap"]
    assert v["ephemeral"] == ""  # an SM2 wrap has no ephemeral key
    key = sm2_key(v["recipient"])
    assert unwrap(wrapped_key(), key, v["context_utf8"].encode()).hex() == v["file_key"]
    assert sm.sm2_decrypt(key, bytes.fromhex(v["wrapped_key"])).hex() == v["sm2_plaintext"]
    assert v["sm2_plaintext"] == v["file_key"] + VECTORS["sm3"]["context_sm3"]
    with pytest.raises(Tampered):
        unwrap(wrapped_key(), key, v["refused_context_utf8"].encode())
    with pytest.raises(Tampered):
        unwrap(wrapped_key(), sm2_key(v["refused_recipient"]), v["context_utf8"].encode())


def test_the_stream_key_is_hkdf_sm3_of_the_file_key() -> None:
    v = VECTORS["stream"]
    assert v["info_utf8"] == stream.STREAM_INFO.decode()
    key = stream.derive_key(bytes.fromhex(v["file_key"]), bytes.fromhex(v["stream_nonce"]), suite=suites.SM)
    assert key.hex() == v["derived_key"] and len(key) == 16
    nist = stream.derive_key(bytes.fromhex(v["file_key"]), bytes.fromhex(v["stream_nonce"]))
    assert len(nist) == 32 and nist[:16] != key  # the NIST suite's derivation is another function


def test_the_stream_chunks_are_sm4_gcm_with_counter_nonces() -> None:
    v = VECTORS["stream"]
    key = bytes.fromhex(v["derived_key"])
    sealed = list(stream.encrypt(key, [plaintext()], v["chunk_size"]))
    assert len(sealed) == len(v["chunks"]) == 3
    for i, (chunk, expected) in enumerate(zip(sealed, v["chunks"], strict=True)):
        assert expected["nonce"] == stream.chunk_nonce(i, i == 2).hex()
        assert (len(chunk), hashlib.sha256(chunk).hexdigest()) == (expected["size"], expected["sha256"])
        assert (chunk[:32].hex(), chunk[-16:].hex()) == (expected["head"], expected["tag"])
    whole = b"".join(sealed)
    assert (len(whole), hashlib.sha256(whole).hexdigest()) == (v["ciphertext_size"], v["ciphertext_sha256"])

    class Source:
        def __init__(self, data: bytes) -> None:
            self.data = data

        def read(self, n: int) -> bytes:
            out, self.data = self.data[:n], self.data[n:]
            return out

    assert b"".join(stream.decrypt(key, Source(whole), v["chunk_size"])) == plaintext()
    swapped = sealed[1] + sealed[0] + sealed[2]
    with pytest.raises(Tampered):
        b"".join(stream.decrypt(key, Source(swapped), v["chunk_size"]))


def test_tongsuos_own_sm4_gcm_gives_the_same_chunks() -> None:
    v = VECTORS["stream"]
    aead = TongsuoSM4GCM(bytes.fromhex(v["derived_key"]))
    data, size = plaintext(), v["chunk_size"]
    for i, expected in enumerate(v["chunks"]):
        chunk = aead.encrypt(bytes.fromhex(expected["nonce"]), data[i * size : (i + 1) * size], None)
        assert hashlib.sha256(chunk).hexdigest() == expected["sha256"]


def test_the_certificates_verify_and_link() -> None:
    v = VECTORS["certificates"]
    root, member, pdf_root, pdf_cert = (
        cert("root_der"),
        cert("member_der"),
        cert("pdf_root_der"),
        cert("pdf_certificate_der"),
    )
    at = when(v["verify_at"])
    assert suites.of_root(root) is suites.SM and suites.of_root(pdf_root) is suites.NIST
    certs.verify_issued(member, root, purpose=certs.EKU_MEMBER, at=at)
    certs.verify_issued(pdf_cert, pdf_root, purpose=certs.EKU_MEMBER, at=at)
    assert (
        sm.sm2_public_der(certs.public_key_of(root)).hex()
        == VECTORS["keys"][v["keys"]["root"]]["public_spki_der"]
    )
    assert (
        sm.sm2_public_der(certs.public_key_of(member)).hex()
        == VECTORS["keys"][v["keys"]["member"]]["public_spki_der"]
    )
    arc3 = sm.sm2_public_der(certs.encryption_key_of(member)).hex()
    assert arc3 == VECTORS["keys"][v["keys"]["member_arc3"]]["public_spki_der"]
    assert sm_profile.pdf_root_digest_of(root) == sm_profile.cert_sha256(pdf_root)  # ARC.6
    assert sm_profile.pdf_key_digest_of(member) == sm_profile.spki_sha256(
        p256_key(v["keys"]["member_arc4"]).public_key()
    )  # ARC.4
    assert sm_profile.member_digest_of_pdf_cert(pdf_cert) == sm_profile.cert_sha256(member)  # ARC.5
    assert pdf_cert.serial_number == member.serial_number
    # Negative: one byte of the member certificate's signed part changed.
    der = bytearray(member.public_bytes(serialization.Encoding.DER))
    name_at = der.index("南京大学".encode())
    der[name_at] ^= 1
    with pytest.raises(Untrusted):
        certs.verify_chain(x509.load_der_x509_certificate(bytes(der)), root, purpose=certs.EKU_MEMBER)
    # Negative: an SM2 certificate under the ECDSA PDF root (the other suite).
    with pytest.raises(Untrusted):
        certs.verify_chain(member, pdf_root, purpose=certs.EKU_MEMBER)


def test_the_crl_revokes_the_member_from_its_date() -> None:
    v = VECTORS["certificates"]
    crl = RevocationList.load(bytes.fromhex(v["crl_der"]), cert("root_der"))
    member = cert("member_der")
    crl.check(member, when(v["verify_at"]))
    with pytest.raises(Revoked):
        crl.check(member, when(v["crl_revokes_member_at"]))
    with pytest.raises(Untrusted):  # signed by the SM2 root, not by the PDF root
        RevocationList.load(bytes.fromhex(v["crl_der"]), cert("pdf_root_der"))


# --- OpenSSL 3 -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def openssl() -> str:
    path = shutil.which("openssl")
    if path is None:
        pytest.skip("no openssl command line here: the cross-check needs OpenSSL 3")
    version = subprocess.run([path, "version"], capture_output=True, text=True).stdout
    if not version.startswith("OpenSSL 3"):
        pytest.skip(f"the cross-check needs OpenSSL 3 (SM2 with distid), found {version.strip()}")
    return path


def run(*args: str, check: bool = True) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(args, capture_output=True, check=check)


def private_pem(key: sm.Sm2PrivateKey) -> bytes:
    """The fixed test key as PKCS#8 PEM in the clear: only ever written into the test's temp folder."""
    pem: bytes = key.private_bytes(
        t_serialization.Encoding.PEM, t_serialization.PrivateFormat.PKCS8, t_serialization.NoEncryption()
    )
    return pem


@pytest.mark.parametrize("name", ["root", "member_signing", "member_encryption", "other"])
def test_openssl_derives_the_same_public_keys(openssl, tmp_path, name: str) -> None:
    (tmp_path / "key.pem").write_bytes(private_pem(sm2_key(name)))
    out = run(openssl, "pkey", "-in", str(tmp_path / "key.pem"), "-pubout", "-outform", "DER").stdout
    assert out.hex() == VECTORS["keys"][name]["public_spki_der"]


def test_openssl_sm3_of_the_message(openssl, tmp_path) -> None:
    (tmp_path / "msg").write_bytes(VECTORS["sm3"]["message_utf8"].encode())
    out = run(openssl, "dgst", "-sm3", "-r", str(tmp_path / "msg")).stdout.decode()
    assert out.split()[0] == VECTORS["sm3"]["sm3"]


def test_openssl_hkdf_sm3_gives_the_stream_key(openssl) -> None:
    v = VECTORS["stream"]
    out = run(openssl, "kdf", "-keylen", "16", "-kdfopt", "digest:SM3", "-kdfopt", f"hexkey:{v['file_key']}",
              "-kdfopt", f"hexsalt:{v['stream_nonce']}", "-kdfopt", f"info:{v['info_utf8']}", "HKDF").stdout  # fmt: skip
    assert out.decode().strip().replace(":", "").lower() == v["derived_key"]
    # and our derivation is HKDF-SM3 as cryptography's HKDF computes it
    from cryptography.hazmat.primitives import hashes

    ours = HKDF(hashes.SM3(), 16, bytes.fromhex(v["stream_nonce"]), v["info_utf8"].encode())
    assert ours.derive(bytes.fromhex(v["file_key"])).hex() == v["derived_key"]


def openssl_verifies(openssl: str, tmp: Path, public_der: bytes, message: bytes, signature: bytes) -> bool:
    (tmp / "pub.der").write_bytes(public_der)
    (tmp / "msg").write_bytes(message)
    (tmp / "sig").write_bytes(signature)
    result = run(
        openssl, "pkeyutl", "-verify", "-pubin", "-keyform", "DER", "-inkey", str(tmp / "pub.der"),
        "-rawin", "-digest", "sm3", "-pkeyopt", DISTID, "-in", str(tmp / "msg"), "-sigfile", str(tmp / "sig"),
        check=False,
    )  # fmt: skip
    ok = result.returncode == 0 and b"Signature Verified Successfully" in result.stdout
    assert ok or b"Signature Verification Failure" in result.stdout, result
    return ok


def test_openssl_verifies_the_signature_and_refuses_the_negative_case(openssl, tmp_path) -> None:
    v = VECTORS["signature"]
    public = bytes.fromhex(VECTORS["keys"][v["signer"]]["public_spki_der"])
    signature = bytes.fromhex(v["signature_der"])
    assert openssl_verifies(openssl, tmp_path, public, v["message_utf8"].encode(), signature)
    assert not openssl_verifies(openssl, tmp_path, public, v["refused"]["message_utf8"].encode(), signature)
    other = bytes.fromhex(VECTORS["keys"]["other"]["public_spki_der"])
    assert not openssl_verifies(openssl, tmp_path, other, v["message_utf8"].encode(), signature)


def test_openssl_decrypts_the_wrap_to_the_file_key_and_the_context_digest(openssl, tmp_path) -> None:
    v = VECTORS["wrap"]
    (tmp_path / "key.pem").write_bytes(private_pem(sm2_key(v["recipient"])))
    (tmp_path / "wrap").write_bytes(bytes.fromhex(v["wrapped_key"]))
    out = run(openssl, "pkeyutl", "-decrypt", "-inkey", str(tmp_path / "key.pem"), "-in", str(tmp_path / "wrap")).stdout  # fmt: skip
    assert out.hex() == v["sm2_plaintext"]
    (tmp_path / "other.pem").write_bytes(private_pem(sm2_key(v["refused_recipient"])))
    refused = run(openssl, "pkeyutl", "-decrypt", "-inkey", str(tmp_path / "other.pem"), "-in", str(tmp_path / "wrap"), check=False)  # fmt: skip
    assert refused.returncode != 0


def test_openssl_verifies_the_certificates(openssl, tmp_path) -> None:
    v = VECTORS["certificates"]
    for field in ("root_der", "member_der", "pdf_root_der", "pdf_certificate_der"):
        (tmp_path / f"{field}.pem").write_bytes(cert(field).public_bytes(serialization.Encoding.PEM))
    attime = str(int(when(v["verify_at"]).timestamp()))

    def verify(ca: str, leaf: str, *options: str) -> subprocess.CompletedProcess[bytes]:
        return run(openssl, "verify", *options, "-attime", attime, "-CAfile", str(tmp_path / f"{ca}.pem"),
                   str(tmp_path / f"{leaf}.pem"), check=False)  # fmt: skip

    ok = verify("root_der", "member_der", "-vfyopt", DISTID)
    assert ok.returncode == 0 and b": OK" in ok.stdout, ok
    assert (
        verify("root_der", "member_der").returncode != 0
    )  # without the signer id OpenSSL 3 computes another Z_A
    pdf = verify("pdf_root_der", "pdf_certificate_der")
    assert pdf.returncode == 0 and b": OK" in pdf.stdout, pdf
    assert verify("pdf_root_der", "member_der", "-vfyopt", DISTID).returncode != 0
    # The root's own signature (openssl verify does not check a trusted root's): pkeyutl over its TBS.
    root = cert("root_der")
    public = bytes.fromhex(VECTORS["keys"]["root"]["public_spki_der"])
    assert openssl_verifies(openssl, tmp_path, public, root.tbs_certificate_bytes, root.signature)
    crl = x509.load_der_x509_crl(bytes.fromhex(v["crl_der"]))
    assert openssl_verifies(openssl, tmp_path, public, crl.tbs_certlist_bytes, crl.signature)

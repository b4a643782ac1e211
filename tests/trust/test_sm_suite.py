"""The SM suite's primitives (reviewer/trust/sm.py, issue 20): the standards' published vectors,
round trips and refusals, and OpenSSL 3's command line as the outside implementation."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from tongsuopy.crypto.asymciphers import ec as t_ec

from reviewer.errors import InvalidInput, Tampered, WrongPassphrase
from reviewer.trust import sm

# --- published vectors -----------------------------------------------------------------------------


def test_sm3_of_abc_is_the_published_value() -> None:
    # GB/T 32905-2016 (GM/T 0004-2012), Appendix A, example 1.
    assert sm.sm3(b"abc").hex() == "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"


def test_sm3_of_the_64_byte_message_is_the_published_value() -> None:
    # GB/T 32905-2016, Appendix A, example 2: "abcd" repeated 16 times.
    assert sm.sm3(b"abcd" * 16).hex() == "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732"


def test_sm4_single_block_is_the_published_value() -> None:
    # GB/T 32907-2016 (GM/T 0002-2012), Appendix A, example 1: key = plaintext. ECB here only to
    # encrypt one block for this known answer; the suite uses SM4 in GCM mode.
    key = bytes.fromhex("0123456789abcdeffedcba9876543210")
    encryptor = Cipher(algorithms.SM4(key), modes.ECB()).encryptor()
    assert (encryptor.update(key) + encryptor.finalize()).hex() == "681edf34d206965e86b3e94f536e4246"


def test_sm4_gcm_is_the_published_value() -> None:
    # RFC 8998, Appendix A.1 (SM4-GCM, the mode the suite uses).
    key = bytes.fromhex("0123456789abcdeffedcba9876543210")
    nonce = bytes.fromhex("00001234567800000000abcd")
    aad = bytes.fromhex("feedfacedeadbeeffeedfacedeadbeefabaddad2")
    plain = bytes.fromhex(
        "aaaaaaaaaaaaaaaabbbbbbbbbbbbbbbbccccccccccccccccdddddddddddddddd"
        "eeeeeeeeeeeeeeeeffffffffffffffffeeeeeeeeeeeeeeeeaaaaaaaaaaaaaaaa"
    )
    expected = bytes.fromhex(
        "17f399f08c67d5ee19d0dc9969c4bb7d5fd46fd3756489069157b282bb200735"
        "d82710ca5c22f0ccfa7cbf93d496ac15a56834cbcf98c397b4024a2691233b8d"
        "83de3541e4c2b58177e065a9bf7b62ec"  # the tag
    )
    assert sm.sm4_gcm_encrypt(key, nonce, plain, aad) == expected
    assert sm.sm4_gcm_decrypt(key, nonce, expected, aad) == plain


# GM/T 0003.5-2012 / GB/T 32918.5-2017, Appendix A (signature example on the recommended curve
# sm2p256v1), signer id "1234567812345678" (the default), message "message digest".
PUBLISHED_D = 0x3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8
PUBLISHED_X = 0x09F9DF311E5421A150DD7D161E4BC5C672179FAD1833FC076BB08FF356F35020
PUBLISHED_Y = 0xCCEA490CE26775A52DC6EA718CC1AA600AED05FBF35E084A6632F6072DA9AD13
PUBLISHED_MESSAGE = b"message digest"
PUBLISHED_R = 0xF5A03B0648D2C4630EEAC513E1BB81A15944DA3827D5B74143AC7EACEEE720B3
PUBLISHED_S = 0xB1B6AA29DF212FD8763182BC0D421CA1BB9038FD1F7F42D4840B69C485BBC1AA


def published_public_key() -> sm.Sm2PublicKey:
    return t_ec.EllipticCurvePublicNumbers(PUBLISHED_X, PUBLISHED_Y, t_ec.SM2()).public_key()


def test_the_published_sm2_signature_verifies() -> None:
    public = published_public_key()
    signature = encode_dss_signature(PUBLISHED_R, PUBLISHED_S)
    sm.sm2_verify(public, PUBLISHED_MESSAGE, signature)
    # The example's private key is the one whose public key it prints.
    derived = t_ec.derive_private_key(PUBLISHED_D, t_ec.SM2()).public_key().public_numbers()
    assert (derived.x, derived.y) == (PUBLISHED_X, PUBLISHED_Y)
    # ... and the check can fail: another message, or s off by one, is refused.
    with pytest.raises(Tampered):
        sm.sm2_verify(public, b"message digesT", signature)
    with pytest.raises(Tampered):
        sm.sm2_verify(public, PUBLISHED_MESSAGE, encode_dss_signature(PUBLISHED_R, PUBLISHED_S + 1))


# --- round trips and refusals ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def key() -> sm.Sm2PrivateKey:
    return sm.new_sm2_key()


def test_sign_and_verify(key) -> None:
    data = b"score sheet \xe8\xaf\x84\xe5\xae\xa1" * 100
    signature = sm.sm2_sign(key, data)
    assert signature[0] == 0x30  # DER SEQUENCE { r, s }
    sm.sm2_verify(key.public_key(), data, signature)
    sm.sm2_verify(sm.load_sm2_public_key(sm.sm2_public_der(key)), data, signature)


def test_a_changed_message_or_signature_is_tampered(key) -> None:
    data = b"the ministry's package manifest"
    signature = sm.sm2_sign(key, data)
    public = key.public_key()
    with pytest.raises(Tampered):
        sm.sm2_verify(public, data + b"!", signature)
    flipped = bytearray(signature)
    flipped[-1] ^= 0x01
    with pytest.raises(Tampered):
        sm.sm2_verify(public, data, bytes(flipped))
    for malformed in (b"", signature[:-1], signature + b"\x00", b"\x30\x02\x02\x00", b"x" * 72):
        with pytest.raises(Tampered):
            sm.sm2_verify(public, data, malformed)
    with pytest.raises(Tampered):  # another signer's key
        sm.sm2_verify(sm.new_sm2_key().public_key(), data, signature)


def test_sm2_wraps_a_32_byte_key(key) -> None:
    content_key = os.urandom(32)
    wrapped = sm.sm2_encrypt(key.public_key(), content_key)
    assert content_key not in wrapped
    assert sm.sm2_encrypt(key.public_key(), content_key) != wrapped  # randomised
    assert sm.sm2_decrypt(key, wrapped) == content_key
    changed = bytearray(wrapped)
    changed[-1] ^= 0x01  # in C2: the C3 check fails
    with pytest.raises(Tampered):
        sm.sm2_decrypt(key, bytes(changed))
    with pytest.raises(Tampered):
        sm.sm2_decrypt(sm.new_sm2_key(), wrapped)
    with pytest.raises(Tampered):
        sm.sm2_decrypt(key, b"not a ciphertext")


def test_sm4_gcm_round_trip_and_a_changed_tag_is_tampered() -> None:
    content_key, nonce, aad = os.urandom(16), os.urandom(12), b"reviewer/1 entry 3"
    plain = os.urandom(1000)
    sealed = sm.sm4_gcm_encrypt(content_key, nonce, plain, aad)
    assert len(sealed) == len(plain) + 16
    assert sm.sm4_gcm_decrypt(content_key, nonce, sealed, aad) == plain
    for i in (-1, -16, 0):  # the tag's last and first byte, the ciphertext's first
        changed = bytearray(sealed)
        changed[i] ^= 0x80
        with pytest.raises(Tampered):
            sm.sm4_gcm_decrypt(content_key, nonce, bytes(changed), aad)
    with pytest.raises(Tampered):
        sm.sm4_gcm_decrypt(content_key, nonce, sealed, b"reviewer/1 entry 4")
    with pytest.raises(Tampered):
        sm.sm4_gcm_decrypt(content_key, nonce, sealed[:15])


def test_the_private_key_is_written_encrypted_only(key) -> None:
    pem = sm.sm2_private_pem(key, "stretched passphrase")
    assert pem.startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY-----")
    loaded = sm.load_sm2_private_pem(pem, "stretched passphrase", label="test")
    assert sm.sm2_public_der(loaded) == sm.sm2_public_der(key)
    with pytest.raises(ValueError, match="never written without a passphrase"):
        sm.sm2_private_pem(key, "")
    with pytest.raises(WrongPassphrase):
        sm.load_sm2_private_pem(pem, "another passphrase", label="test")


def test_public_keys_round_trip_and_other_keys_are_refused(key) -> None:
    pem, der = sm.sm2_public_pem(key), sm.sm2_public_der(key)
    assert pem.startswith(b"-----BEGIN PUBLIC KEY-----")
    assert sm.sm2_public_der(sm.load_sm2_public_key(pem)) == der
    assert sm.sm2_public_pem(sm.load_sm2_public_key(der)) == pem
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    p256 = ec.generate_private_key(ec.SECP256R1())
    p256_der = p256.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    for other in (p256_der, b"not a key"):
        with pytest.raises(InvalidInput):
            sm.load_sm2_public_key(other)
    p256_pem = p256.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(b"passphrase"),
    )
    with pytest.raises(InvalidInput):
        sm.load_sm2_private_pem(p256_pem, "passphrase", label="test")
    plain_pem = p256.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    with pytest.raises(InvalidInput):
        sm.load_sm2_private_pem(plain_pem, "", label="test")


# --- OpenSSL 3 as the outside implementation -------------------------------------------------------

DISTID = "distid:1234567812345678"


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


def openssl_verifies(openssl: str, tmp: Path, public_pem: bytes, message: bytes, signature: bytes,
                     distid: str = DISTID) -> bool:  # fmt: skip
    (tmp / "pub.pem").write_bytes(public_pem)
    (tmp / "msg").write_bytes(message)
    (tmp / "sig").write_bytes(signature)
    result = run(
        openssl, "pkeyutl", "-verify", "-pubin", "-inkey", str(tmp / "pub.pem"), "-rawin",
        "-digest", "sm3", "-pkeyopt", distid, "-in", str(tmp / "msg"), "-sigfile", str(tmp / "sig"),
        check=False,
    )  # fmt: skip
    ok = result.returncode == 0 and b"Signature Verified Successfully" in result.stdout
    assert ok or b"Signature Verification Failure" in result.stdout, result
    return ok


def test_openssl_verifies_our_sm2_signature(openssl, tmp_path, key) -> None:
    message = b"reviewer: an SM2 signature OpenSSL must accept"
    signature = sm.sm2_sign(key, message)
    public_pem = sm.sm2_public_pem(key)
    assert openssl_verifies(openssl, tmp_path, public_pem, message, signature)
    assert not openssl_verifies(openssl, tmp_path, public_pem, message + b".", signature)
    # Z_A binds the signer id: the same signature under another id is refused.
    assert not openssl_verifies(
        openssl, tmp_path, public_pem, message, signature, distid="distid:ALICE123@YAHOO.COM"
    )


def test_openssl_verifies_the_published_signature(openssl, tmp_path) -> None:
    public_pem = sm.sm2_public_pem(published_public_key())
    signature = encode_dss_signature(PUBLISHED_R, PUBLISHED_S)
    assert openssl_verifies(openssl, tmp_path, public_pem, PUBLISHED_MESSAGE, signature)


def test_an_openssl_key_and_signature_work_with_ours(openssl, tmp_path) -> None:
    key_file, message_file, signature_file = tmp_path / "k.pem", tmp_path / "m", tmp_path / "s"
    run(openssl, "genpkey", "-algorithm", "SM2", "-aes-256-cbc", "-pass", "pass:open sesame",
        "-out", str(key_file))  # fmt: skip
    message = b"signed by OpenSSL, checked by reviewer"
    message_file.write_bytes(message)
    run(openssl, "pkeyutl", "-sign", "-inkey", str(key_file), "-passin", "pass:open sesame",
        "-rawin", "-digest", "sm3", "-pkeyopt", DISTID, "-in", str(message_file),
        "-out", str(signature_file))  # fmt: skip
    key = sm.load_sm2_private_pem(key_file.read_bytes(), "open sesame", label="openssl")
    sm.sm2_verify(key.public_key(), message, signature_file.read_bytes())
    with pytest.raises(Tampered):
        sm.sm2_verify(key.public_key(), message + b".", signature_file.read_bytes())


def test_openssl_reads_our_encrypted_key_and_both_unwrap_each_others_keys(openssl, tmp_path, key) -> None:
    key_file = tmp_path / "ours.pem"
    key_file.write_bytes(sm.sm2_private_pem(key, "stretched passphrase"))
    content_key = os.urandom(32)
    (tmp_path / "wrapped").write_bytes(sm.sm2_encrypt(key.public_key(), content_key))
    ours_to_openssl = run(openssl, "pkeyutl", "-decrypt", "-inkey", str(key_file), "-passin",
                          "pass:stretched passphrase", "-in", str(tmp_path / "wrapped"))  # fmt: skip
    assert ours_to_openssl.stdout == content_key
    (tmp_path / "pub.pem").write_bytes(sm.sm2_public_pem(key))
    (tmp_path / "plain").write_bytes(content_key)
    openssl_to_ours = run(openssl, "pkeyutl", "-encrypt", "-pubin", "-inkey",
                          str(tmp_path / "pub.pem"), "-in", str(tmp_path / "plain"))  # fmt: skip
    assert sm.sm2_decrypt(key, openssl_to_ours.stdout) == content_key


def test_sm3_of_a_file_equals_openssls(openssl, tmp_path) -> None:
    data = os.urandom(100_003)
    (tmp_path / "f").write_bytes(data)
    result = run(openssl, "dgst", "-sm3", "-r", str(tmp_path / "f"))
    assert result.stdout.split()[0].decode() == sm.sm3(data).hex()

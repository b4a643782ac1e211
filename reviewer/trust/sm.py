"""The national commercial algorithms (商用密码) of the SM suite: SM2, SM3 and SM4-GCM.

The first slice of issue 20: nothing in the app calls this module yet, and the NIST suite
(``signatures``, ``recipients``, ``keys``) is untouched. No cryptography of our own lives here —
every operation is one call into a library:

* SM2 (GB/T 32918) — key generation, signatures and public-key encryption — through ``tongsuopy``
  (Tongsuo, the OpenSSL fork with the national algorithms). ``cryptography`` parses an SM2
  certificate but cannot load or use an SM2 key.
* SM3 (GB/T 32905) and SM4-GCM (GB/T 32907 in the GCM mode of RFC 8998) through ``cryptography``,
  already a dependency: its OpenSSL has both.

Signatures are SM3withSM2 with the default distinguishing identifier ``1234567812345678``
(GB/T 35276 / GM/T 0009), DER-encoded ``SEQUENCE { r INTEGER, s INTEGER }``: OpenSSL 3 verifies
them with ``-pkeyopt distid:1234567812345678`` (tests/trust/test_sm_suite.py). SM2 ciphertexts are
the GM/T 0009 ASN.1 form ``SEQUENCE { x, y, C3 (SM3, 32 bytes), C2 }``, the form OpenSSL 3 reads.
"""

from __future__ import annotations

from typing import Any, Final, TypeAlias

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes as c_hashes
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from tongsuopy.backends.tongsuo import backend as _tongsuo
from tongsuopy.crypto import exceptions as t_exceptions
from tongsuopy.crypto import hashes as t_hashes
from tongsuopy.crypto import serialization as t_serialization
from tongsuopy.crypto.asymciphers import ec as t_ec

from reviewer.errors import InvalidInput, Tampered, WrongPassphrase
from reviewer.i18n import T, Text

# tongsuopy ships no type information: its key objects are ``Any`` to mypy; these names say what
# a value is (an SM2 private or public key of tongsuopy) where the type checker cannot.
Sm2PrivateKey: TypeAlias = Any
Sm2PublicKey: TypeAlias = Any

SUITE: Final = "RV1-SM2-SM3-SM4"  # the id reserved in reviewer/packages/manifest.py (not yet accepted)
SIGNATURE_ALGORITHM: Final = "sm2-sm3"
DEFAULT_SIGNER_ID: Final = b"1234567812345678"  # GB/T 35276-2017 §10 / GM/T 0009-2012 §10

# Object identifiers (GM/T 0006-2012, GB/T 33560-2017).
OID_SM2: Final = "1.2.156.10197.1.301"  # the SM2 algorithm and curve sm2p256v1
OID_SM3: Final = "1.2.156.10197.1.401"
OID_SM3_WITH_SM2: Final = "1.2.156.10197.1.501"
OID_SM4: Final = "1.2.156.10197.1.104"

SM4_KEY_SIZE: Final = 16
SM4_GCM_NONCE_SIZE: Final = 12
SM4_GCM_TAG_SIZE: Final = 16


def _tampered(what: Text | None, detail: str) -> Tampered:
    return Tampered(
        what
        or T(
            "签名与内容不符：文件在签名后被改动过。请勿使用，向发送方索取原件。",
            "The signature does not match the content: the file was changed after it was signed. "
            "Do not use it; ask the sender for the original.",
        ),
        detail=detail,
    )


# --- SM2 keys ------------------------------------------------------------------------------------


def is_sm2_private_key(key: object) -> bool:
    """True for a tongsuopy SM2 private key (how the trust layer dispatches on the key type)."""
    return isinstance(key, t_ec.EllipticCurvePrivateKey) and isinstance(key.curve, t_ec.SM2)


def is_sm2_public_key(key: object) -> bool:
    """True for a tongsuopy SM2 public key."""
    return isinstance(key, t_ec.EllipticCurvePublicKey) and isinstance(key.curve, t_ec.SM2)


def new_sm2_key() -> Sm2PrivateKey:
    """A fresh SM2 key pair on the recommended curve sm2p256v1 (Tongsuo's random source)."""
    return t_ec.generate_private_key(t_ec.SM2())


def sm2_private_pem(key: Sm2PrivateKey, passphrase: str) -> bytes:
    """The private key as encrypted PKCS#8 PEM — never in the clear.

    tongsuopy writes PBES2 (PBKDF2-HMAC-SHA256, 2048 iterations) with SM4-CBC; as for the NIST
    keys (``keys.stretch``), callers pass a scrypt-stretched passphrase, not a typed one.
    """
    if not passphrase:
        raise ValueError("a private key is never written without a passphrase")
    pem: bytes = key.private_bytes(
        t_serialization.Encoding.PEM,
        t_serialization.PrivateFormat.PKCS8,
        t_serialization.BestAvailableEncryption(passphrase.encode("utf-8")),
    )
    return pem


def load_sm2_private_pem(data: bytes, passphrase: str, *, label: str) -> Sm2PrivateKey:
    """Unlock an encrypted PKCS#8 SM2 key; refuse an unencrypted one or a key of another type."""
    if b"BEGIN ENCRYPTED PRIVATE KEY" not in data:
        raise InvalidInput(
            T(
                "{label}的私钥不是加密的私钥文件，拒绝使用。",
                "The private key of {label} is not an encrypted private key file; refusing to use it.",
                label=label,
            )
        )
    try:
        key = t_serialization.load_pem_private_key(data, passphrase.encode("utf-8"))
    except t_exceptions.UnsupportedAlgorithm as exc:
        raise _not_sm2(label, str(exc)) from exc
    except (ValueError, TypeError) as exc:
        raise WrongPassphrase(
            T(
                "{label}的口令不正确，无法解锁私钥。请检查口令后重试。",
                "The passphrase for {label} is wrong; the private key cannot be unlocked. Check it "
                "and try again.",
                label=label,
            ),
            detail=str(exc),
        ) from exc
    if not isinstance(key, t_ec.EllipticCurvePrivateKey) or not isinstance(key.curve, t_ec.SM2):
        raise _not_sm2(label, type(key).__name__)
    return key


def sm2_public_pem(key: Sm2PublicKey | Sm2PrivateKey) -> bytes:
    """SubjectPublicKeyInfo PEM (algorithm id-ecPublicKey, curve 1.2.156.10197.1.301)."""
    return _public_bytes(key, t_serialization.Encoding.PEM)


def sm2_public_der(key: Sm2PublicKey | Sm2PrivateKey) -> bytes:
    """SubjectPublicKeyInfo DER."""
    return _public_bytes(key, t_serialization.Encoding.DER)


def _public_bytes(key: Sm2PublicKey | Sm2PrivateKey, encoding: Any) -> bytes:
    public = key.public_key() if isinstance(key, t_ec.EllipticCurvePrivateKey) else key
    data: bytes = public.public_bytes(encoding, t_serialization.PublicFormat.SubjectPublicKeyInfo)
    return data


def load_sm2_public_key(data: bytes, *, label: str = "SM2") -> Sm2PublicKey:
    """An SM2 public key from SubjectPublicKeyInfo PEM or DER; InvalidInput for anything else."""
    loader = (
        t_serialization.load_pem_public_key
        if data.lstrip().startswith(b"-----")
        else t_serialization.load_der_public_key
    )
    try:
        key = loader(data)
    except (t_exceptions.UnsupportedAlgorithm, ValueError, TypeError) as exc:
        raise _not_sm2(label, str(exc)) from exc
    if not isinstance(key, t_ec.EllipticCurvePublicKey) or not isinstance(key.curve, t_ec.SM2):
        raise _not_sm2(label, type(key).__name__)
    return key


def _not_sm2(label: str, detail: str) -> InvalidInput:
    return InvalidInput(
        T(
            "{label}不是 SM2 密钥（sm2p256v1 曲线），无法在国密套件中使用。",
            "{label} is not an SM2 key (curve sm2p256v1); it cannot be used in the SM suite.",
            label=label,
        ),
        detail=detail,
    )


# --- SM2 signatures ------------------------------------------------------------------------------


def sm2_sign(key: Sm2PrivateKey, data: bytes) -> bytes:
    """SM3withSM2 over ``data`` (Z_A computed with the default signer id), DER ``(r, s)``."""
    signature: bytes = key.sign(data, t_ec.ECDSA(t_hashes.SM3()))
    return signature


def sm2_verify(public_key: Sm2PublicKey, data: bytes, signature: bytes, *, what: Text | None = None) -> None:
    """Raise :class:`Tampered` — as ``signatures.verify_bytes`` does for the NIST suite — unless
    ``signature`` is a valid SM3withSM2 signature of ``data`` by ``public_key``."""
    if not isinstance(public_key, t_ec.EllipticCurvePublicKey):
        raise _tampered(what, "not an SM2 public key")
    try:
        public_key.verify(signature, data, t_ec.ECDSA(t_hashes.SM3()))
    except t_exceptions.InvalidSignature as exc:
        raise _tampered(what, "SM2 signature does not verify") from exc
    except (t_exceptions.InternalError, ValueError) as exc:
        # Tongsuo reports a signature that is not DER (r, s) — truncated, trailing bytes, not ASN.1
        # at all — as an internal error rather than a bad signature; to the reader it is one.
        raise _tampered(what, f"SM2 signature is malformed: {exc}") from exc


# --- SM2 public-key encryption (wrapping a content key) ------------------------------------------


def sm2_encrypt(public_key: Sm2PublicKey, plaintext: bytes) -> bytes:
    """SM2 encryption (GB/T 32918.4) of a short secret — a content key — to ``public_key``.

    tongsuopy 1.0.1 exposes no SM2 encryption in its public API; this calls Tongsuo's
    ``EVP_PKEY_encrypt`` through tongsuopy's own cffi binding, as its signing code calls
    ``EVP_DigestSign``. The result is the GM/T 0009 ASN.1 ciphertext.
    """
    if not isinstance(public_key, t_ec.EllipticCurvePublicKey):
        raise TypeError("an SM2 public key is required")
    if not plaintext:
        raise ValueError("nothing to encrypt")
    return _pkey_operation(
        public_key, _tongsuo._lib.EVP_PKEY_encrypt_init, _tongsuo._lib.EVP_PKEY_encrypt, plaintext
    )


def sm2_decrypt(key: Sm2PrivateKey, ciphertext: bytes, *, what: Text | None = None) -> bytes:
    """Recover what :func:`sm2_encrypt` encrypted; :class:`Tampered` if the ciphertext was altered
    (C3, the SM3 check value, does not match) or is not for this key."""
    if not isinstance(key, t_ec.EllipticCurvePrivateKey):
        raise TypeError("an SM2 private key is required")
    try:
        return _pkey_operation(
            key, _tongsuo._lib.EVP_PKEY_decrypt_init, _tongsuo._lib.EVP_PKEY_decrypt, ciphertext
        )
    except _OperationFailed as exc:
        raise Tampered(
            what
            or T(
                "无法解开密钥：密文被改动过，或不是加密给本身份的。",
                "The key cannot be unwrapped: the ciphertext was changed, or it was not encrypted "
                "for this identity.",
            ),
            detail=str(exc),
        ) from exc


class _OperationFailed(Exception):
    pass


def _pkey_operation(key: Any, init: Any, operation: Any, data: bytes) -> bytes:
    ffi, lib = _tongsuo._ffi, _tongsuo._lib
    ctx = lib.EVP_PKEY_CTX_new(key._evp_pkey, ffi.NULL)
    _tongsuo.openssl_assert(ctx != ffi.NULL)
    ctx = ffi.gc(ctx, lib.EVP_PKEY_CTX_free)
    _tongsuo.openssl_assert(init(ctx) == 1)
    size = ffi.new("size_t *")
    if operation(ctx, ffi.NULL, size, data, len(data)) != 1:
        raise _OperationFailed(str(_tongsuo._consume_errors()))
    out = ffi.new("unsigned char[]", size[0])
    if operation(ctx, out, size, data, len(data)) != 1:
        raise _OperationFailed(str(_tongsuo._consume_errors()))
    result: bytes = ffi.buffer(out)[: size[0]]
    return result


# --- SM3 -----------------------------------------------------------------------------------------


def sm3(data: bytes) -> bytes:
    """SM3 (GB/T 32905) of ``data``: 32 bytes."""
    digest = c_hashes.Hash(c_hashes.SM3())
    digest.update(data)
    return digest.finalize()


# --- SM4-GCM -------------------------------------------------------------------------------------


class SM4GCM:
    """SM4-GCM with the interface of ``cryptography``'s ``AESGCM``: ``encrypt`` returns the ciphertext
    followed by the 16-byte tag, ``decrypt`` raises ``cryptography.exceptions.InvalidTag`` when the
    tag does not match, so a caller (``packages/stream.py``) treats both AEADs alike."""

    def __init__(self, key: bytes) -> None:
        if len(key) != SM4_KEY_SIZE:
            raise ValueError("SM4 keys are 16 bytes")
        self._key = bytes(key)

    def encrypt(self, nonce: bytes, data: bytes, associated_data: bytes | None) -> bytes:
        return sm4_gcm_encrypt(self._key, nonce, data, associated_data or b"")

    def decrypt(self, nonce: bytes, data: bytes, associated_data: bytes | None) -> bytes:
        _check_sm4(self._key, nonce)
        if len(data) < SM4_GCM_TAG_SIZE:
            raise InvalidTag()
        ciphertext, tag = data[:-SM4_GCM_TAG_SIZE], data[-SM4_GCM_TAG_SIZE:]
        decryptor = Cipher(algorithms.SM4(self._key), modes.GCM(nonce, tag)).decryptor()
        decryptor.authenticate_additional_data(associated_data or b"")
        return decryptor.update(ciphertext) + decryptor.finalize()


def sm4_gcm_encrypt(key: bytes, nonce: bytes, plaintext: bytes, associated_data: bytes = b"") -> bytes:
    """SM4-GCM (RFC 8998): ciphertext followed by the 16-byte tag, as ``AESGCM.encrypt`` returns.

    ``cryptography``'s SM4 with its GCM mode (its OpenSSL has SM4-GCM); the nonce is 12 bytes and
    must never repeat under one key.
    """
    _check_sm4(key, nonce)
    encryptor = Cipher(algorithms.SM4(key), modes.GCM(nonce)).encryptor()
    encryptor.authenticate_additional_data(associated_data)
    ciphertext = encryptor.update(plaintext) + encryptor.finalize()
    return ciphertext + encryptor.tag


def sm4_gcm_decrypt(
    key: bytes, nonce: bytes, data: bytes, associated_data: bytes = b"", *, what: Text | None = None
) -> bytes:
    """Inverse of :func:`sm4_gcm_encrypt`; :class:`Tampered` when the tag does not match."""
    _check_sm4(key, nonce)
    if len(data) < SM4_GCM_TAG_SIZE:
        raise _sm4_tampered(what, "shorter than the tag")
    ciphertext, tag = data[:-SM4_GCM_TAG_SIZE], data[-SM4_GCM_TAG_SIZE:]
    decryptor = Cipher(algorithms.SM4(key), modes.GCM(nonce, tag)).decryptor()
    decryptor.authenticate_additional_data(associated_data)
    try:
        return decryptor.update(ciphertext) + decryptor.finalize()
    except InvalidTag as exc:
        raise _sm4_tampered(what, "SM4-GCM tag does not match") from exc


def _check_sm4(key: bytes, nonce: bytes) -> None:
    if len(key) != SM4_KEY_SIZE:
        raise ValueError("SM4 keys are 16 bytes")
    if len(nonce) != SM4_GCM_NONCE_SIZE:
        raise ValueError("SM4-GCM nonces are 12 bytes here")


def _sm4_tampered(what: Text | None, detail: str) -> Tampered:
    return Tampered(
        what
        or T(
            "加密内容校验失败：文件被改动过。请勿使用，向发送方索取原件。",
            "The encrypted content failed its check: the file was changed. Do not use it; ask the "
            "sender for the original.",
        ),
        detail=detail,
    )

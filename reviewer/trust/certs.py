"""X.509 certificates of the ministry's chain of trust, built and checked with ``cryptography``.

One root CA (ECDSA P-256, CA:TRUE, pathlen 0) issues every end-entity certificate directly:
the package-signing certificate and one certificate per member (expert or chair). End-entity
certificates carry the holder's X25519 encryption key in a private, non-critical extension, so a
single signature by the root certifies both of the holder's keys. Extended key usages tell the
purposes apart: only a certificate with :data:`EKU_PACKAGE_SIGNING` may sign a package manifest;
member certificates carry :data:`EKU_MEMBER` (and emailProtection so that PDF readers accept them
as document signers).

The SM suite's certificates (SM2, SM3withSM2) are built in ``sm_x509`` and read in
``sm_profile``; :func:`verify_chain`, :func:`public_key_of` and :func:`encryption_key_of` work for
both suites, by the signature algorithm.
"""

from __future__ import annotations

import os
import secrets
import threading
from collections import OrderedDict
from datetime import datetime, timedelta

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, x25519
from cryptography.hazmat.primitives.asymmetric.types import CertificatePublicKeyTypes
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID, ObjectIdentifier

from reviewer.errors import Expired, Untrusted
from reviewer.i18n import T, beijing, beijing_date
from reviewer.trust import sm
from reviewer.trust.keys import cert_fingerprint, x25519_public_bytes

# A UUID-derived arc (ITU-T X.667, "2.25.<uuid>") needs no registration.
ARC = "2.25.298462775375806410503640353514129409262"
OID_X25519_KEY = ObjectIdentifier(ARC + ".1")  # extension: DER OCTET STRING of the raw 32-byte key
EKU_PACKAGE_SIGNING = ObjectIdentifier(ARC + ".2.1")
EKU_MEMBER = ObjectIdentifier(ARC + ".2.2")
SM3_WITH_SM2 = ObjectIdentifier(sm.OID_SM3_WITH_SM2)  # the SM suite's certificates (sm_x509.py)

ROOT_YEARS = 20
SIGNER_YEARS = 10
MEMBER_YEARS = 3
BACKDATE = timedelta(minutes=5)  # tolerate laptops whose clocks run a little slow


def _name(common_name: str, org: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, org),
        ]
    )


def _years(n: int) -> timedelta:
    return timedelta(days=365 * n + n // 4)


def make_root(
    key: ec.EllipticCurvePrivateKey, authority_name: str, now: datetime, *, common_name: str | None = None
) -> x509.Certificate:
    name = _name(common_name or f"{authority_name} Root CA", authority_name)
    ski = x509.SubjectKeyIdentifier.from_public_key(key.public_key())
    builder = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - BACKDATE)
        .not_valid_after(now + _years(ROOT_YEARS))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=False,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(ski, critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(ski), critical=False)
    )
    return builder.sign(key, hashes.SHA256())


def issue(
    root: x509.Certificate,
    root_key: ec.EllipticCurvePrivateKey,
    *,
    common_name: str,
    org: str,
    public_key: ec.EllipticCurvePublicKey,
    encryption_key: x25519.X25519PublicKey,
    package_signer: bool,
    now: datetime,
    years: int | None = None,
) -> x509.Certificate:
    """An end-entity certificate signed by the root, certifying a P-256 and an X25519 key."""
    if not isinstance(public_key.curve, ec.SECP256R1):
        raise ValueError("only P-256 signing keys are issued")
    years = years or (SIGNER_YEARS if package_signer else MEMBER_YEARS)
    ski = root.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
    raw = x25519_public_bytes(encryption_key)
    eku = [EKU_PACKAGE_SIGNING] if package_signer else [EKU_MEMBER, ExtendedKeyUsageOID.EMAIL_PROTECTION]
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name(common_name, org))
        .issuer_name(root.subject)
        .public_key(public_key)
        .serial_number(int.from_bytes(secrets.token_bytes(16), "big") >> 1 | 1)
        .not_valid_before(now - BACKDATE)
        .not_valid_after(min(now + _years(years), root.not_valid_after_utc))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=not package_signer,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.ExtendedKeyUsage(eku), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(ski), critical=False)
        .add_extension(x509.UnrecognizedExtension(OID_X25519_KEY, b"\x04\x20" + raw), critical=False)
    )
    return builder.sign(root_key, hashes.SHA256())


def is_sm_signed(item: x509.Certificate | x509.CertificateRevocationList) -> bool:
    """Whether a certificate or CRL is signed SM3withSM2 (the SM suite) rather than ECDSA."""
    return item.signature_algorithm_oid == SM3_WITH_SM2


def public_key_of(cert: x509.Certificate) -> CertificatePublicKeyTypes | sm.Sm2PublicKey:
    """The key ``cert`` certifies: a ``cryptography`` key, or tongsuopy's SM2 key for an SM2
    certificate (``cert.public_key()`` raises for those: cryptography has no SM2)."""
    if is_sm_signed(cert):
        from reviewer.trust import sm_profile  # sm_profile builds on this module

        return sm_profile.sm2_public_key_of(cert)
    return cert.public_key()


def encryption_key_of(cert: x509.Certificate) -> x25519.X25519PublicKey | sm.Sm2PublicKey:
    """The encryption key the root certified in ``cert``: X25519 (``ARC.1``) or, in an SM2
    certificate, SM2 (``ARC.3``)."""
    if is_sm_signed(cert):
        from reviewer.trust import sm_profile  # sm_profile builds on this module

        return sm_profile.sm2_encryption_key_of(cert)
    try:
        value = cert.extensions.get_extension_for_oid(OID_X25519_KEY).value
    except x509.ExtensionNotFound as exc:
        raise Untrusted(
            T("证书中没有经认证的加密公钥。", "The certificate carries no certified encryption key.")
        ) from exc
    data = value.value if isinstance(value, x509.UnrecognizedExtension) else b""
    if len(data) != 34 or data[:2] != b"\x04\x20":
        raise Untrusted(T("证书中的加密公钥格式不正确。", "The certificate's encryption key is malformed."))
    return x25519.X25519PublicKey.from_public_bytes(data[2:])


def subject_field(cert: x509.Certificate, oid: ObjectIdentifier) -> str:
    attrs = cert.subject.get_attributes_for_oid(oid)
    return str(attrs[0].value) if attrs else ""


def common_name(cert: x509.Certificate) -> str:
    return subject_field(cert, NameOID.COMMON_NAME)


def organization(cert: x509.Certificate) -> str:
    return subject_field(cert, NameOID.ORGANIZATION_NAME)


def verify_issued(
    cert: x509.Certificate, root: x509.Certificate, *, purpose: ObjectIdentifier, at: datetime
) -> None:
    """``cert`` was signed by the pinned ``root``, is an end entity for ``purpose``, valid at ``at``.

    Raises :class:`Untrusted` when the chain or purpose does not hold, :class:`Expired` when the
    time falls outside either certificate's validity.
    """
    verify_chain(cert, root, purpose=purpose)
    check_validity(root, at)
    check_validity(cert, at)


CHAIN_MEMO_SIZE = 4096  # successes remembered per process (a few hundred bytes each)


class _ChainMemo:
    """The chains :func:`verify_chain` found good in this process: a bounded LRU of keys
    ``(SHA-256 of the certificate's DER, SHA-256 of the root's DER, purpose OID)``, successes only.

    **Security.** The key is the exact bytes of both certificates: a certificate or a root changed
    in any byte — a forged signature, another extension, another root of the same name — is a miss
    and is checked in full. Nothing time-dependent is remembered (validity at a moment and
    revocation are checked by the callers every time), and a failure is never remembered, so a memo
    can only ever skip re-proving what was already proved for the very same bytes. Per process, in
    memory (nothing on disk, nothing shared); a lock guards it, reset in a forked child."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._keys: OrderedDict[tuple[bytes, bytes, str], None] = OrderedDict()
        self._lock = threading.Lock()

    def _reset_lock(self) -> None:  # a fork copies the memory, not the thread holding the lock
        self._lock = threading.Lock()

    def __contains__(self, key: tuple[bytes, bytes, str]) -> bool:
        with self._lock:
            if key not in self._keys:
                return False
            self._keys.move_to_end(key)
            return True

    def add(self, key: tuple[bytes, bytes, str]) -> None:
        with self._lock:
            self._keys[key] = None
            self._keys.move_to_end(key)
            while len(self._keys) > self.size:
                self._keys.popitem(last=False)

    def __len__(self) -> int:
        return len(self._keys)

    def clear(self) -> None:
        with self._lock:
            self._keys.clear()


_chain_memo = _ChainMemo(CHAIN_MEMO_SIZE)
if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_chain_memo._reset_lock)


def _der_sha256(cert: x509.Certificate) -> bytes:
    digest = hashes.Hash(hashes.SHA256())
    digest.update(cert.public_bytes(serialization.Encoding.DER))
    return digest.finalize()


def verify_chain(cert: x509.Certificate, root: x509.Certificate, *, purpose: ObjectIdentifier) -> None:
    """The time-independent half of :func:`verify_issued`: issuer, signature, CA flags, purpose.

    A success is remembered for the exact bytes of ``cert`` and ``root`` and the purpose
    (:class:`_ChainMemo`: a changed certificate or root is a miss; failures are never remembered),
    so importing many bundles proves each member's certificate once per process, not once a file."""
    key = (_der_sha256(cert), _der_sha256(root), purpose.dotted_string)
    if key in _chain_memo:
        return
    _verify_chain(cert, root, purpose)
    _chain_memo.add(key)


def _verify_chain(cert: x509.Certificate, root: x509.Certificate, purpose: ObjectIdentifier) -> None:
    if is_sm_signed(root) or is_sm_signed(cert):
        _verify_chain_sm(cert, root)
        _check_purpose(cert, purpose)
        return
    try:
        root.verify_directly_issued_by(root)
        root_bc = root.extensions.get_extension_for_class(x509.BasicConstraints).value
    except (ValueError, InvalidSignature, TypeError, x509.ExtensionNotFound) as exc:
        raise _root_invalid(str(exc)) from exc
    if not root_bc.ca:
        raise Untrusted(T("信任根证书不是 CA 证书。", "The pinned root certificate is not a CA."))
    try:
        cert.verify_directly_issued_by(root)
    except (ValueError, InvalidSignature, TypeError) as exc:
        raise _not_issued_by(root, str(exc)) from exc
    _check_purpose(cert, purpose)


def _root_invalid(detail: str) -> Untrusted:
    return Untrusted(T("信任根证书无效。", "The pinned root certificate is not a valid CA."), detail=detail)


def _not_issued_by(root: x509.Certificate, detail: str) -> Untrusted:
    return Untrusted(
        T(
            "签名证书不是由您信任的部级根证书（指纹 {fp}）签发的。请确认文件来源，勿打开来历不明的文件。",
            "The signing certificate was not issued by the ministry root you trust (fingerprint "
            "{fp}). Check where the file came from; do not open files of unknown origin.",
            fp=cert_fingerprint(root)[:16],
        ),
        detail=detail,
    )


def _verify_chain_sm(cert: x509.Certificate, root: x509.Certificate) -> None:
    """The SM suite's chain: an SM2 root signed by itself, ``cert`` signed SM3withSM2 by it. A
    certificate of one suite under a root of the other is refused, whatever its signature."""
    from reviewer.trust import sm_profile  # sm_profile builds on this module

    if not (is_sm_signed(root) and is_sm_signed(cert)):
        raise Untrusted(
            T(
                "证书与信任根证书属于不同的算法套件（一个是国密 SM2，一个是国际 ECDSA），拒绝使用。",
                "The certificate and the pinned root belong to different algorithm suites (one SM2, "
                "the other ECDSA); refusing it.",
            ),
            detail=f"cert {cert.signature_algorithm_oid.dotted_string}, root {root.signature_algorithm_oid.dotted_string}",
        )
    try:
        if root.issuer != root.subject:
            raise ValueError("the root is not self-issued")
        sm_profile.check_profile(root)
        sm_profile.verify_sm_signed(root.tbs_certificate_bytes, root.signature, root)
        root_bc = root.extensions.get_extension_for_class(x509.BasicConstraints).value
    except (ValueError, Untrusted, x509.ExtensionNotFound) as exc:
        raise _root_invalid(str(getattr(exc, "detail", None) or exc)) from exc
    if not root_bc.ca:
        raise Untrusted(T("信任根证书不是 CA 证书。", "The pinned root certificate is not a CA."))
    try:
        if cert.issuer != root.subject:
            raise ValueError("the certificate's issuer is not the root's subject")
        sm_profile.check_profile(cert)
        sm_profile.verify_sm_signed(cert.tbs_certificate_bytes, cert.signature, root)
    except (ValueError, Untrusted) as exc:
        raise _not_issued_by(root, str(getattr(exc, "detail", None) or exc)) from exc


def _check_purpose(cert: x509.Certificate, purpose: ObjectIdentifier) -> None:
    try:
        bc = cert.extensions.get_extension_for_class(x509.BasicConstraints).value
        eku = cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
        ku = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound as exc:
        raise Untrusted(
            T("证书缺少必需的扩展。", "The certificate lacks a required extension."), detail=str(exc)
        ) from exc
    if bc.ca or purpose not in list(eku) or not ku.digital_signature:
        raise Untrusted(
            T("该证书不可用于此用途。", "The certificate is not valid for this purpose."),
            detail=f"purpose {purpose.dotted_string}",
        )


def check_validity(cert: x509.Certificate, at: datetime) -> None:
    if not cert.not_valid_before_utc <= at <= cert.not_valid_after_utc:
        raise Expired(
            T(
                "证书“{cn}”在 {at} 不在有效期内（{start} 至 {end}）。请向工业和信息化部申请新的凭证。",
                "The certificate “{cn}” is not valid at {at} (valid {start} to {end}). Ask the ministry "
                "for a new credential.",
                cn=common_name(cert),
                at=beijing(at),
                start=beijing_date(cert.not_valid_before_utc),
                end=beijing_date(cert.not_valid_after_utc),
            )
        )

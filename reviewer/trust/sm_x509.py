"""Building the SM suite's X.509 certificates and CRL (issue 20): SM3withSM2, the GM/T 0015 profile.

``cryptography`` parses SM2 certificates and CRLs but cannot build them (it has no SM2), so the
to-be-signed structures are assembled with asn1crypto's generic types (the SM OIDs as dotted
strings), signed by tongsuopy (``sm.sm2_sign``, SM3withSM2 with the default signer id
``1234567812345678``), and handed back as ``cryptography`` objects. Names and extension contents
are the ones ``certs.py`` writes for the NIST suite, so the two suites differ only in keys and
algorithms, plus the private extensions ``ARC.3`` to ``ARC.6`` (read and checked in ``sm_profile``).

PDF readers know no SM2, so each member's PAdES signature stays ECDSA P-256 under a separate
"PDF root" that the SM2 root pins through ``ARC.6`` (docs/crypto-suites.md).
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime
from typing import Any, Final

from asn1crypto import core as a_core
from asn1crypto import crl as a_crl
from asn1crypto import keys as a_keys
from asn1crypto import x509 as a_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, ObjectIdentifier
from tongsuopy.crypto.asymciphers import ec as t_ec

from reviewer.errors import Untrusted
from reviewer.i18n import T
from reviewer.trust import certs, sm
from reviewer.trust.revocation import RevokedEntry
from reviewer.trust.sm_profile import (
    OID_MEMBER_DIGEST,
    OID_PDF_KEY_DIGEST,
    OID_PDF_ROOT_DIGEST,
    OID_SM2_ENCRYPTION_KEY,
    cert_sha256,
    is_sm,
    pdf_key_digest_of,
    spki_sha256,
)

SM3_WITH_SM2: Final = certs.SM3_WITH_SM2


# --- helpers -------------------------------------------------------------------------------------


def _sha1(data: bytes) -> bytes:
    # RFC 5280 §4.2.1.2 method (1) for the key identifier, as cryptography's from_public_key does.
    digest = hashes.Hash(hashes.SHA1())  # an identifier, not a security function
    digest.update(data)
    return digest.finalize()


def _key_id(spki_der: bytes) -> bytes:
    bits = a_keys.PublicKeyInfo.load(spki_der)["public_key"]
    return _sha1(bits.contents[1:])  # the key's bytes, without the BIT STRING's unused-bits octet


def _time(when: datetime) -> a_x509.Time:
    when = when.astimezone(UTC).replace(microsecond=0)
    # RFC 5280 §4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050 (as cryptography writes).
    return a_x509.Time({"utc_time" if when.year < 2050 else "general_time": when})


def _name(name: x509.Name) -> a_x509.Name:
    # The DER cryptography writes, so an SM certificate's issuer compares equal to its root's subject.
    return a_x509.Name.load(name.public_bytes())


def _ext(oid: str, value: object, *, critical: bool = False) -> a_x509.Extension:
    return a_x509.Extension({"extn_id": oid, "critical": critical, "extn_value": value})


def _octets(oid: ObjectIdentifier, data: bytes) -> a_x509.Extension:
    return _ext(oid.dotted_string, a_core.OctetString(data).dump())


def _algorithm() -> a_x509.SignedDigestAlgorithm:
    # GM/T 0015: SM3withSM2 with no parameters (tongsuo and OpenSSL 3 write it so).
    return a_x509.SignedDigestAlgorithm({"algorithm": sm.OID_SM3_WITH_SM2})


def _require_sm2(key: object, what: str) -> Any:
    """``key`` if it is a tongsuopy SM2 key (private or public); a programming error otherwise."""
    if not (
        isinstance(key, (t_ec.EllipticCurvePrivateKey, t_ec.EllipticCurvePublicKey))
        and isinstance(key.curve, t_ec.SM2)
    ):
        raise ValueError(f"{what} must be an SM2 key, not {type(key).__name__}")
    return key


def _random_serial() -> int:
    return int.from_bytes(secrets.token_bytes(16), "big") >> 1 | 1  # as certs.issue


def _sign_certificate(tbs: a_x509.TbsCertificate, key: sm.Sm2PrivateKey) -> x509.Certificate:
    signature = sm.sm2_sign(key, tbs.dump())
    cert = a_x509.Certificate(
        {"tbs_certificate": tbs, "signature_algorithm": _algorithm(), "signature_value": signature}
    )
    return x509.load_der_x509_certificate(cert.dump())


def _ca_usage() -> a_x509.Extension:
    return _ext("2.5.29.15", {"key_cert_sign", "crl_sign"}, critical=True)


# --- building ------------------------------------------------------------------------------------


def make_pdf_root(key: ec.EllipticCurvePrivateKey, authority_name: str, now: datetime) -> x509.Certificate:
    """The authority's ECDSA P-256 root used only to issue members' PDF certificates."""
    return certs.make_root(key, authority_name, now, common_name=f"{authority_name} PDF Root CA")


def make_sm_root(
    key: sm.Sm2PrivateKey, authority_name: str, now: datetime, *, pdf_root: x509.Certificate
) -> x509.Certificate:
    """A self-signed SM2 root (GM/T 0015 profile) that pins ``pdf_root`` through ``ARC.6``."""
    spki = sm.sm2_public_der(_require_sm2(key, "the root key"))
    ski = _key_id(spki)
    name = certs._name(f"{authority_name} Root CA", authority_name)
    tbs = a_x509.TbsCertificate(
        {
            "version": "v3",
            "serial_number": x509.random_serial_number(),
            "signature": _algorithm(),
            "issuer": _name(name),
            "validity": {
                "not_before": _time(now - certs.BACKDATE),
                "not_after": _time(now + certs._years(certs.ROOT_YEARS)),
            },
            "subject": _name(name),
            "subject_public_key_info": a_keys.PublicKeyInfo.load(spki),
            "extensions": [
                _ext("2.5.29.19", {"ca": True, "path_len_constraint": 0}, critical=True),
                _ca_usage(),
                _ext("2.5.29.14", ski),
                _ext("2.5.29.35", {"key_identifier": ski}),
                _octets(OID_PDF_ROOT_DIGEST, cert_sha256(pdf_root)),
            ],
        }
    )
    return _sign_certificate(tbs, key)


def issue_sm(
    root: x509.Certificate,
    root_key: sm.Sm2PrivateKey,
    *,
    common_name: str,
    org: str,
    public_key: sm.Sm2PublicKey,
    encryption_key: sm.Sm2PublicKey,
    package_signer: bool,
    now: datetime,
    years: int | None = None,
    pdf_key: ec.EllipticCurvePublicKey | None = None,
) -> x509.Certificate:
    """An SM2 end-entity certificate signed by the SM2 root: the SM analogue of ``certs.issue``.

    It certifies the holder's SM2 signing key, their SM2 encryption key (``ARC.3``) and, for a
    member, the P-256 key that signs PDFs for them (``ARC.4``).
    """
    if package_signer and pdf_key is not None:
        raise ValueError("the package-signing certificate certifies no PDF-signing key")
    if not package_signer and pdf_key is None:
        raise ValueError("a member certificate must certify the member's PDF-signing key")
    if pdf_key is not None and not isinstance(pdf_key.curve, ec.SECP256R1):
        raise ValueError("PDF-signing keys are P-256")
    _require_sm2(root_key, "the root key")
    spki = sm.sm2_public_der(_require_sm2(public_key, "the signing key"))
    encryption_spki = sm.sm2_public_der(_require_sm2(encryption_key, "the encryption key"))
    years = years or (certs.SIGNER_YEARS if package_signer else certs.MEMBER_YEARS)
    if not is_sm(root):
        raise ValueError("SM2 certificates are issued by an SM2 root")
    root_ski = root.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value.digest
    usage = {"digital_signature"} if package_signer else {"digital_signature", "non_repudiation"}
    eku = (
        [certs.EKU_PACKAGE_SIGNING.dotted_string]
        if package_signer
        else [certs.EKU_MEMBER.dotted_string, ExtendedKeyUsageOID.EMAIL_PROTECTION.dotted_string]
    )
    extensions = [
        _ext("2.5.29.19", {"ca": False}, critical=True),
        _ext("2.5.29.15", usage, critical=True),
        _ext("2.5.29.37", eku),
        _ext("2.5.29.14", _key_id(spki)),
        _ext("2.5.29.35", {"key_identifier": root_ski}),
        _octets(OID_SM2_ENCRYPTION_KEY, encryption_spki),
    ]
    if pdf_key is not None:
        extensions.append(_octets(OID_PDF_KEY_DIGEST, spki_sha256(pdf_key)))
    tbs = a_x509.TbsCertificate(
        {
            "version": "v3",
            "serial_number": _random_serial(),
            "signature": _algorithm(),
            "issuer": _name(root.subject),
            "validity": {
                "not_before": _time(now - certs.BACKDATE),
                "not_after": _time(min(now + certs._years(years), root.not_valid_after_utc)),
            },
            "subject": _name(certs._name(common_name, org)),
            "subject_public_key_info": a_keys.PublicKeyInfo.load(spki),
            "extensions": extensions,
        }
    )
    return _sign_certificate(tbs, root_key)


def issue_pdf_cert(
    pdf_root: x509.Certificate,
    pdf_root_key: ec.EllipticCurvePrivateKey,
    *,
    member: x509.Certificate,
    public_key: ec.EllipticCurvePublicKey,
    now: datetime,
) -> x509.Certificate:
    """The member's ECDSA certificate for PAdES: the member certificate's subject, serial (one CRL
    entry revokes both) and validity; ``ARC.5`` names the member certificate.

    Refused unless ``public_key`` is the PDF-signing key the member certificate certifies (``ARC.4``).
    """
    if not isinstance(public_key.curve, ec.SECP256R1):
        raise ValueError("only P-256 PDF-signing keys are issued")
    if not secrets.compare_digest(spki_sha256(public_key), pdf_key_digest_of(member)):
        raise Untrusted(
            T(
                "该 PDF 签名公钥不是成员证书所认证的公钥，拒绝签发 PDF 签名证书。",
                "This PDF-signing key is not the one the member certificate certifies; no PDF "
                "certificate is issued for it.",
            )
        )
    del now  # the validity is the member certificate's own
    ski = pdf_root.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
    builder = (
        x509.CertificateBuilder()
        .subject_name(member.subject)
        .issuer_name(pdf_root.subject)
        .public_key(public_key)
        .serial_number(member.serial_number)
        .not_valid_before(member.not_valid_before_utc)
        .not_valid_after(min(member.not_valid_after_utc, pdf_root.not_valid_after_utc))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
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
        .add_extension(
            x509.ExtendedKeyUsage([certs.EKU_MEMBER, ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(ski), critical=False)
        .add_extension(
            x509.UnrecognizedExtension(OID_MEMBER_DIGEST, a_core.OctetString(cert_sha256(member)).dump()),
            critical=False,
        )
    )
    return builder.sign(pdf_root_key, hashes.SHA256())


def build_sm_crl(
    root: x509.Certificate,
    root_key: sm.Sm2PrivateKey,
    entries: list[RevokedEntry],
    *,
    number: int,
    now: datetime,
) -> bytes:
    """The DER CRL of ``revocation.build_crl`` (CRL number, AKI, next update = the root's expiry),
    signed SM3withSM2 by the SM2 root."""
    _require_sm2(root_key, "the root key")
    if not is_sm(root):
        raise ValueError("an SM2 CRL is issued by an SM2 root")
    ski = root.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value.digest
    revoked = [
        {"user_certificate": entry.serial, "revocation_date": _time(entry.revoked_at)}
        for entry in sorted(entries, key=lambda e: e.serial)
    ]
    fields: dict[str, object] = {
        "version": "v2",
        "signature": _algorithm(),
        "issuer": _name(root.subject),
        "this_update": _time(now),
        "next_update": _time(root.not_valid_after_utc),
        "crl_extensions": [
            a_crl.TBSCertListExtension({"extn_id": "crl_number", "critical": False, "extn_value": number}),
            a_crl.TBSCertListExtension(
                {
                    "extn_id": "authority_key_identifier",
                    "critical": False,
                    "extn_value": {"key_identifier": ski},
                }
            ),
        ],
    }
    if revoked:  # an empty list is left out, as cryptography leaves it out
        fields["revoked_certificates"] = revoked
    tbs = a_crl.TbsCertList(fields)
    signature = sm.sm2_sign(root_key, tbs.dump())
    der: bytes = a_crl.CertificateList(
        {"tbs_cert_list": tbs, "signature_algorithm": _algorithm(), "signature": signature}
    ).dump()
    return der

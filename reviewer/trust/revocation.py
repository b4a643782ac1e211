"""The revocation list: an X.509 CRL signed by the ministry root, carried in every package.

A credential revoked at time *t* (a lost laptop) makes every signature made with it at or after
*t* worthless; signatures made before *t* stay valid. Each CRL carries a CRL number that grows by
one with each revocation, so a reader holding two lists keeps the newer one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec

from reviewer.errors import Revoked, Untrusted
from reviewer.i18n import T, beijing
from reviewer.trust.certs import common_name, is_sm_signed


@dataclass(frozen=True)
class RevokedEntry:
    serial: int
    revoked_at: datetime


def build_crl(
    root: x509.Certificate,
    root_key: ec.EllipticCurvePrivateKey,
    entries: list[RevokedEntry],
    *,
    number: int,
    now: datetime,
) -> bytes:
    """A DER CRL listing ``entries``; valid until the root itself expires (we work offline)."""
    ski = root.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
    builder = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(root.subject)
        .last_update(now)
        .next_update(root.not_valid_after_utc)
        .add_extension(x509.CRLNumber(number), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(ski), critical=False)
    )
    for entry in sorted(entries, key=lambda e: e.serial):
        builder = builder.add_revoked_certificate(
            x509.RevokedCertificateBuilder()
            .serial_number(entry.serial)
            .revocation_date(entry.revoked_at)
            .build()
        )
    return builder.sign(root_key, hashes.SHA256()).public_bytes(serialization.Encoding.DER)


def _sm_crl_valid(crl: x509.CertificateRevocationList, root: x509.Certificate) -> bool:
    """An SM3withSM2 CRL signed by an SM2 root; a CRL of one suite for a root of the other is not."""
    from reviewer.trust import sm_profile  # the SM suite only

    if not (is_sm_signed(crl) and is_sm_signed(root)) or crl.issuer != root.subject:
        return False
    try:
        sm_profile.verify_sm_signed(crl.tbs_certlist_bytes, crl.signature, root)
    except Untrusted:
        return False
    return True


@dataclass(frozen=True)
class RevocationList:
    """A CRL whose signature by the pinned root has been checked."""

    number: int
    issued: datetime
    entries: tuple[RevokedEntry, ...]
    der: bytes

    @classmethod
    def load(cls, der: bytes, root: x509.Certificate) -> RevocationList:
        try:
            crl = x509.load_der_x509_crl(der)
            if is_sm_signed(crl) or is_sm_signed(root):
                valid = _sm_crl_valid(crl, root)
            else:
                key = root.public_key()  # an EC key: the only kind the NIST suite issues
                valid = (
                    isinstance(key, ec.EllipticCurvePublicKey)
                    and crl.issuer == root.subject
                    and crl.is_signature_valid(key)
                )
            number = crl.extensions.get_extension_for_class(x509.CRLNumber).value.crl_number
        except (ValueError, TypeError, x509.ExtensionNotFound) as exc:
            raise Untrusted(
                T("吊销列表无法读取。", "The revocation list cannot be read."), detail=str(exc)
            ) from exc
        if not valid:
            raise Untrusted(
                T(
                    "吊销列表不是由您信任的部级根证书签发的。",
                    "The revocation list was not issued by the ministry root you trust.",
                )
            )
        entries = tuple(RevokedEntry(r.serial_number, r.revocation_date_utc) for r in crl)
        return cls(number=number, issued=crl.last_update_utc, entries=entries, der=der)

    def revoked_at(self, serial: int) -> datetime | None:
        for entry in self.entries:
            if entry.serial == serial:
                return entry.revoked_at
        return None

    def check(self, cert: x509.Certificate, at: datetime) -> None:
        """Raise :class:`Revoked` when ``cert`` was revoked at or before ``at``."""
        when = self.revoked_at(cert.serial_number)
        if when is not None and when <= at:
            raise Revoked(
                T(
                    "“{cn}”的凭证已于 {when} 被工业和信息化部吊销，{at} 的签名或使用无效。",
                    "The credential of “{cn}” was revoked by the ministry on {when}; its use at {at} "
                    "is not valid.",
                    cn=common_name(cert),
                    when=beijing(when),
                    at=beijing(at),
                )
            )

    @staticmethod
    def newest(*lists: RevocationList | None) -> RevocationList | None:
        present = [x for x in lists if x is not None]
        return max(present, key=lambda x: x.number) if present else None

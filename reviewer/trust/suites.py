"""The two algorithm suites, and which one a trust anchor speaks.

The suite is chosen once, by the authority (``reviewer authority init --suite sm|nist``); every
artifact names it in its ``"suite"`` field. **The suite of a trust anchor is the signature algorithm
of the pinned root**: SM3withSM2 → SM, ecdsa-with-SHA256 → NIST. A reader accepts a known suite id
and then requires it to equal the pinned root's (:func:`require`), before it checks any signature,
so an artifact of the other suite is refused with :class:`~reviewer.errors.SuiteMismatch`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from cryptography import x509
from cryptography.hazmat.primitives import hashes

from reviewer.errors import NotAnArtifact, SuiteMismatch, Untrusted
from reviewer.i18n import T, Text

NIST_ID: Final = "RV1-P256-X25519-AES256GCM"
SM_ID: Final = "RV1-SM2-SM3-SM4"
SUITE_IDS: Final = (NIST_ID, SM_ID)

_ECDSA_SHA256: Final = "1.2.840.10045.4.3.2"
_SM3_WITH_SM2: Final = "1.2.156.10197.1.501"


@dataclass(frozen=True)
class Suite:
    id: str
    label: Text
    stream_key_bytes: int  # 32 (AES-256-GCM) | 16 (SM4-GCM)
    short: str  # "nist" | "sm": the value of the command line's --suite

    def kdf_hash(self) -> hashes.HashAlgorithm:
        return hashes.SM3() if self.id == SM_ID else hashes.SHA256()

    def __str__(self) -> str:
        return str(self.label)


NIST: Final = Suite(
    NIST_ID,
    T(
        "国际算法（ECDSA P-256 / X25519 / AES-256-GCM）",
        "international algorithms (ECDSA P-256 / X25519 / AES-256-GCM)",
    ),
    32,
    "nist",
)
SM: Final = Suite(
    SM_ID,
    T("国密算法（SM2 / SM3 / SM4）", "the SM algorithms (SM2 / SM3 / SM4)"),
    16,
    "sm",
)
_BY_ID: Final = {NIST_ID: NIST, SM_ID: SM}
_BY_SHORT: Final = {"nist": NIST, "sm": SM}


def by_id(suite_id: str) -> Suite:
    """The suite named ``suite_id``; :class:`NotAnArtifact` for an id this release does not know."""
    suite = _BY_ID.get(suite_id) if isinstance(suite_id, str) else None
    if suite is None:
        raise NotAnArtifact(
            T(
                "文件使用的算法套件“{suite}”不受本版本支持。请确认文件来源，或升级本软件。",
                "The file uses the algorithm suite “{suite}”, which this release does not support. "
                "Check where it came from, or update the app.",
                suite=str(suite_id)[:80],
            )
        )
    return suite


def by_name(name: str) -> Suite:
    """``nist`` or ``sm`` (the command line's ``--suite``), or a full suite id."""
    return _BY_SHORT.get(name) or by_id(name)


def of_certificate(cert: x509.Certificate) -> Suite:
    """The suite of a certificate, by its signature algorithm; :class:`Untrusted` for any other."""
    oid = cert.signature_algorithm_oid.dotted_string
    if oid == _SM3_WITH_SM2:
        return SM
    if oid == _ECDSA_SHA256:
        return NIST
    raise Untrusted(
        T(
            "证书的签名算法（{oid}）不属于任何受支持的算法套件。",
            "The certificate's signature algorithm ({oid}) belongs to no supported suite.",
            oid=oid,
        )
    )


def of_root(root: x509.Certificate) -> Suite:
    """The suite of a trust anchor: the signature algorithm of the pinned root."""
    return of_certificate(root)


def require(artifact_suite: str, root: x509.Certificate, *, what: Text) -> Suite:
    """The artifact's suite, once it is known (else NotAnArtifact) and the anchor's (else SuiteMismatch)."""
    suite = by_id(artifact_suite)
    anchor = of_root(root)
    if suite != anchor:
        raise mismatch(what, suite, anchor)
    return suite


def mismatch(what: Text | str, used: Suite, expected: Suite) -> SuiteMismatch:
    """The refusal when ``what`` uses ``used`` where the authority or trust anchor uses ``expected``."""
    return SuiteMismatch(
        T(
            "{what}使用{used}，而签发机构（您信任的根证书）使用{expected}。同一专家组内不能混用两种算法套件："
            "请使用同一签发机构按{expected}签发的文件或凭证。",
            "{what} uses {used}, but the authority (the root you trust) uses {expected}. The two "
            "suites cannot be mixed in one panel: use a file or credential the same authority issued "
            "with {expected}.",
            what=what,
            used=used.label,
            expected=expected.label,
        ),
        detail=f"{used.id} != {expected.id}",
    )

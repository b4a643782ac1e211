"""``signature.json``: the ministry's signature over the exact bytes of ``manifest.json``.

::

    {"format": "reviewer.signature/1", "algorithm": "ecdsa-p256-sha256",
     "signature": "<base64 DER ECDSA signature over manifest.json>",
     "certificates": ["<base64 DER package-signing certificate>", "<base64 DER root certificate>"]}

The certificates are carried so that a reader can show who claims to have signed; they are never
an anchor. Verification builds the chain from ``certificates[0]`` to the reader's pinned root only.

In the SM suite the algorithm is ``"sm2-sm3"`` (SM3withSM2 by the authority's SM2 package-signing
key, DER ``(r, s)``) and the certificates are SM2; the block is otherwise the same.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from reviewer.errors import Tampered
from reviewer.i18n import T, Text
from reviewer.trust import certs, sm, suites
from reviewer.trust.authority import Authority
from reviewer.trust.encoding import b64, parse_json, unb64
from reviewer.trust.signatures import SIGNATURE_ALGORITHM, sign_bytes, verify_bytes

SIGNATURE_FORMAT = "reviewer.signature/1"
ALGORITHMS = {suites.NIST_ID: SIGNATURE_ALGORITHM, suites.SM_ID: sm.SIGNATURE_ALGORITHM}


def algorithm_of(suite: suites.Suite) -> str:
    """The ``algorithm`` a signature block names in ``suite``: ecdsa-p256-sha256 or sm2-sm3."""
    return ALGORITHMS[suite.id]


def suite_of_algorithm(algorithm: str) -> suites.Suite:
    """The suite whose signature blocks name ``algorithm`` (parse_signature accepts only these)."""
    return next(suites.by_id(i) for i, a in ALGORITHMS.items() if a == algorithm)


def signature_document(
    key: ec.EllipticCurvePrivateKey | sm.Sm2PrivateKey, body: bytes, authority: Authority
) -> bytes:
    """The manifest's signature by the authority's package-signing key, in the authority's suite."""
    doc = {
        "format": SIGNATURE_FORMAT,
        "algorithm": algorithm_of(authority.suite),
        "signature": b64(sign_bytes(key, body)),
        "certificates": [
            b64(c.public_bytes(serialization.Encoding.DER)) for c in (authority.signing_cert, authority.root)
        ],
    }
    return json.dumps(doc, indent=1).encode("ascii") + b"\n"


@dataclass(frozen=True)
class SignatureBlock:
    signature: bytes
    signer: x509.Certificate
    claimed_root: x509.Certificate | None
    algorithm: str = SIGNATURE_ALGORITHM

    @property
    def suite(self) -> suites.Suite:
        """The suite the block's algorithm belongs to (what a reader requires of its pinned root)."""
        return suite_of_algorithm(self.algorithm)

    def verify_by_suite(self, body: bytes, root: x509.Certificate, *, what: Text) -> None:
        """:meth:`verify` for another artifact than a package (``what``: its refusal message), after
        requiring the block's suite to be the pinned ``root``'s (SuiteMismatch)."""
        suites.require(self.suite.id, root, what=T("该文件", "The file"))
        self._verify(body, root, what)

    def verify(self, body: bytes, root: x509.Certificate) -> None:
        """Chain to the pinned ``root`` (Untrusted), then the signature (Tampered), by the signer's
        suite (ECDSA or SM2). The caller then checks validity at the signed creation time
        (:func:`certs.check_validity`)."""
        self._verify(
            body,
            root,
            T(
                "包清单的签名无效：文件在工业和信息化部签名后被改动过。请勿使用，向工业和信息化部索取原件。",
                "The package manifest's signature is invalid: the file was changed after the ministry "
                "signed it. Do not use it; ask the ministry for the original.",
            ),
        )

    def _verify(self, body: bytes, root: x509.Certificate, what: Text) -> None:
        certs.verify_chain(self.signer, root, purpose=certs.EKU_PACKAGE_SIGNING)
        if self.algorithm != algorithm_of(suites.of_certificate(self.signer)):
            raise Tampered(
                T(
                    "评审包的签名块声明的算法与签名证书不符：文件被改动过。请勿使用，向工业和信息化部索取原件。",
                    "The package's signature block names another algorithm than its certificate's: the "
                    "file was altered. Do not use it; ask the ministry for the original.",
                ),
                detail=f"{self.algorithm} by a {suites.of_certificate(self.signer).id} certificate",
            )
        verify_bytes(certs.public_key_of(self.signer), body, self.signature, what=what)


def parse_signature(data: bytes) -> SignatureBlock:
    bad = Tampered(
        T(
            "评审包的签名块已损坏，无法核验。请勿使用，向工业和信息化部索取原件。",
            "The package's signature block is damaged and cannot be checked. Do not use the package; "
            "ask the ministry for the original.",
        )
    )
    try:
        doc = parse_json(data)
        if doc.get("format") != SIGNATURE_FORMAT or doc.get("algorithm") not in ALGORITHMS.values():
            raise ValueError("format or algorithm")
        chain = [x509.load_der_x509_certificate(unb64(c)) for c in doc["certificates"]]
        return SignatureBlock(
            unb64(doc["signature"]), chain[0], chain[1] if len(chain) > 1 else None, doc["algorithm"]
        )
    except Exception as exc:  # any malformation of this block means the same thing to the reader
        bad.detail = str(exc)
        raise bad from exc

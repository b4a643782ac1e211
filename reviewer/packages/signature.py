"""``signature.json``: the ministry's signature over the exact bytes of ``manifest.json``.

::

    {"format": "reviewer.signature/1", "algorithm": "ecdsa-p256-sha256",
     "signature": "<base64 DER ECDSA signature over manifest.json>",
     "certificates": ["<base64 DER package-signing certificate>", "<base64 DER root certificate>"]}

The certificates are carried so that a reader can show who claims to have signed; they are never
an anchor. Verification builds the chain from ``certificates[0]`` to the reader's pinned root only.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from reviewer.errors import Tampered
from reviewer.i18n import T
from reviewer.trust import certs
from reviewer.trust.authority import Authority
from reviewer.trust.encoding import b64, parse_json, unb64
from reviewer.trust.signatures import SIGNATURE_ALGORITHM, sign_bytes, verify_bytes

SIGNATURE_FORMAT = "reviewer.signature/1"


def signature_document(key: ec.EllipticCurvePrivateKey, body: bytes, authority: Authority) -> bytes:
    doc = {
        "format": SIGNATURE_FORMAT,
        "algorithm": SIGNATURE_ALGORITHM,
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

    def verify(self, body: bytes, root: x509.Certificate) -> None:
        """Chain to the pinned ``root`` (Untrusted), then the signature (Tampered). The caller
        then checks validity at the signed creation time (:func:`certs.check_validity`)."""
        certs.verify_chain(self.signer, root, purpose=certs.EKU_PACKAGE_SIGNING)
        verify_bytes(
            self.signer.public_key(),
            body,
            self.signature,
            what=T(
                "包清单的签名无效：文件在工业和信息化部签名后被改动过。请勿使用，向工业和信息化部索取原件。",
                "The package manifest's signature is invalid: the file was changed after the ministry "
                "signed it. Do not use it; ask the ministry for the original.",
            ),
        )


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
        if doc.get("format") != SIGNATURE_FORMAT or doc.get("algorithm") != SIGNATURE_ALGORITHM:
            raise ValueError("format or algorithm")
        chain = [x509.load_der_x509_certificate(unb64(c)) for c in doc["certificates"]]
        return SignatureBlock(unb64(doc["signature"]), chain[0], chain[1] if len(chain) > 1 else None)
    except Exception as exc:  # any malformation of this block means the same thing to the reader
        bad.detail = str(exc)
        raise bad from exc

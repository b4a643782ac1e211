"""Keys, identities, certificates, enrolment, revocation and keyring access (no Qt).

The public API later issues build on:

- :func:`load_identity` (passphrase via :class:`PassphraseSource`) → :class:`Identity` with
  ``sign(data)``, ``certificate``, ``trust_root()``, ``unwrap(wrapped, context)``;
- :func:`verify_signed_by` — a member's signature at a time, against the pinned root and a
  :class:`RevocationList`;
- :mod:`reviewer.trust.recipients` — wrap a file key for X25519 recipients (the chair, the ministry).
"""

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reviewer.trust.authority import Authority, create_authority, open_authority
    from reviewer.trust.certs import EKU_MEMBER, EKU_PACKAGE_SIGNING, encryption_key_of
    from reviewer.trust.credential import Credential, load_credential
    from reviewer.trust.identity import (
        Identity,
        create_identity,
        install_credential,
        load_identity,
        read_info,
    )
    from reviewer.trust.keys import cert_fingerprint, pretty_fingerprint
    from reviewer.trust.passphrase import PassphraseSource
    from reviewer.trust.recipients import Recipient, WrappedKey, unwrap, wrap, wrap_for_all
    from reviewer.trust.revocation import RevocationList
    from reviewer.trust.signatures import sign_bytes, verify_bytes, verify_signed_by

__all__ = [
    "EKU_MEMBER",
    "EKU_PACKAGE_SIGNING",
    "Authority",
    "Credential",
    "Identity",
    "PassphraseSource",
    "Recipient",
    "RevocationList",
    "WrappedKey",
    "cert_fingerprint",
    "create_authority",
    "create_identity",
    "encryption_key_of",
    "install_credential",
    "load_credential",
    "load_identity",
    "open_authority",
    "pretty_fingerprint",
    "read_info",
    "sign_bytes",
    "unwrap",
    "verify_bytes",
    "verify_signed_by",
    "wrap",
    "wrap_for_all",
]

# Loaded on first use: a command that needs one of these (or ``reviewer verify`` of one kind) does not
# pay for the others' imports (pyHanko, SQLAlchemy...; docs/performance.md).
_EXPORTS = {
    "Authority": "reviewer.trust.authority",
    "create_authority": "reviewer.trust.authority",
    "open_authority": "reviewer.trust.authority",
    "EKU_MEMBER": "reviewer.trust.certs",
    "EKU_PACKAGE_SIGNING": "reviewer.trust.certs",
    "encryption_key_of": "reviewer.trust.certs",
    "Credential": "reviewer.trust.credential",
    "load_credential": "reviewer.trust.credential",
    "Identity": "reviewer.trust.identity",
    "create_identity": "reviewer.trust.identity",
    "install_credential": "reviewer.trust.identity",
    "load_identity": "reviewer.trust.identity",
    "read_info": "reviewer.trust.identity",
    "cert_fingerprint": "reviewer.trust.keys",
    "pretty_fingerprint": "reviewer.trust.keys",
    "PassphraseSource": "reviewer.trust.passphrase",
    "Recipient": "reviewer.trust.recipients",
    "WrappedKey": "reviewer.trust.recipients",
    "unwrap": "reviewer.trust.recipients",
    "wrap": "reviewer.trust.recipients",
    "wrap_for_all": "reviewer.trust.recipients",
    "RevocationList": "reviewer.trust.revocation",
    "sign_bytes": "reviewer.trust.signatures",
    "verify_bytes": "reviewer.trust.signatures",
    "verify_signed_by": "reviewer.trust.signatures",
}


def __getattr__(name: str) -> object:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value

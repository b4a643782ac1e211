"""Keys, identities, certificates, enrolment, revocation and keyring access (no Qt).

The public API later issues build on:

- :func:`load_identity` (passphrase via :class:`PassphraseSource`) → :class:`Identity` with
  ``sign(data)``, ``certificate``, ``trust_root()``, ``unwrap(wrapped, context)``;
- :func:`verify_signed_by` — a member's signature at a time, against the pinned root and a
  :class:`RevocationList`;
- :mod:`reviewer.trust.recipients` — wrap a file key for X25519 recipients (the chair, the ministry).
"""

from reviewer.trust.authority import Authority, create_authority, open_authority
from reviewer.trust.certs import EKU_MEMBER, EKU_PACKAGE_SIGNING, encryption_key_of
from reviewer.trust.credential import Credential, load_credential
from reviewer.trust.identity import Identity, create_identity, install_credential, load_identity, read_info
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

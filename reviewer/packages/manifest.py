"""The package manifest: what the ministry signs. See ``docs/package-format.md``.

The manifest is canonical JSON (:func:`reviewer.trust.encoding.canonical_json`); a reader
re-encodes what it parsed and refuses the package unless the bytes are identical, so that two
readers can never disagree about what was signed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from reviewer.errors import NotAnArtifact
from reviewer.i18n import T
from reviewer.packages.container import check_name
from reviewer.packages.limits import MAX_ENTRIES, MAX_MEDIA_TYPE, MAX_NAME_BYTES
from reviewer.packages.stream import MAX_CHUNK, MIN_CHUNK
from reviewer.trust.encoding import b64, canonical_json, parse_json, unb64
from reviewer.trust.keys import cert_fingerprint
from reviewer.trust.recipients import WrappedKey

FORMAT = "reviewer.package"
VERSION = 1
SUITE = "RV1-P256-X25519-AES256GCM"
SUITES = (SUITE,)  # room for "RV1-SM2-SM3-SM4": a reader refuses suites it does not know
MIMETYPE = "application/vnd.reviewer.package+zip"
ROLES = ("chair", "expert")
ENTRY_KINDS = ("standard", "candidate", "procedure", "schedule", "prior-results", "material")
PROCEDURE = "procedure.json"  # the panel rules the package was sealed under (kind ``procedure``)
HEX64 = re.compile(r"^[0-9a-f]{64}$")
PAYLOAD = re.compile(r"^payload/[0-9]{6}$")
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")


MAX_CERTIFICATE = 16 * 1024  # bytes of DER; a member certificate is well under 2 KiB


@dataclass(frozen=True)
class RosterMember:
    """One panel member as the ministry signed them into the package.

    ``certificate`` is the member's X.509 certificate (signing key, and the X25519 encryption key
    in its private extension). The reader checked only that its SHA-256 is ``cert_sha256``; whoever
    relies on it (e.g. to encrypt to the chair) checks the chain to the pinned root and revocation.
    """

    name: str
    org: str
    role: str
    cert_sha256: str
    serial: str
    certificate: x509.Certificate

    def to_json(self) -> dict[str, str]:
        return {
            "name": self.name,
            "org": self.org,
            "role": self.role,
            "cert_sha256": self.cert_sha256,
            "serial": self.serial,
            "certificate": b64(self.certificate.public_bytes(serialization.Encoding.DER)),
        }

    def summary(self) -> dict[str, str]:
        """The roster entry without the certificate (for logs and listings)."""
        return {k: v for k, v in self.to_json().items() if k != "certificate"}


@dataclass(frozen=True)
class Entry:
    name: str  # logical name shown to people, e.g. "materials/自评报告.pdf"
    path: str  # member name in the ZIP, e.g. "payload/000004"
    kind: str
    media_type: str
    size: int
    sha256: str
    nonce: bytes
    encrypted_size: int
    encrypted_sha256: str


@dataclass(frozen=True)
class Manifest:
    package_id: str
    kind: str
    created: str
    expires: str
    issuer: dict[str, str]
    candidate: dict[str, str]
    standard: dict[str, str]
    roster: tuple[RosterMember, ...]
    recipients: tuple[WrappedKey, ...]
    revocations: dict[str, Any]
    chunk_size: int
    entries: tuple[Entry, ...]
    suite: str = SUITE
    _by_name: dict[str, Entry] = field(init=False, repr=False, compare=False)  # built once: lookups O(1)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_name", {e.name: e for e in self.entries})

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "suite": self.suite,
            "package_id": self.package_id,
            "kind": self.kind,
            "created": self.created,
            "expires": self.expires,
            "issuer": self.issuer,
            "candidate": self.candidate,
            "standard": self.standard,
            "roster": [m.to_json() for m in self.roster],
            "recipients": [
                {"id": w.recipient, "ephemeral": b64(w.ephemeral), "wrapped_key": b64(w.wrapped)}
                for w in self.recipients
            ],
            "revocations": self.revocations,
            "stream": {"chunk_size": self.chunk_size},
            "entries": [{**e.__dict__, "nonce": b64(e.nonce)} for e in self.entries],
        }

    def to_bytes(self) -> bytes:
        return canonical_json(self.to_json())

    @property
    def context(self) -> bytes:
        """What every wrapped key of this package is bound to (AES-GCM associated data)."""
        return b"reviewer/1 package " + self.package_id.encode("ascii")

    def entry(self, name: str) -> Entry:
        """The entry called ``name`` (KeyError if none), in constant time."""
        return self._by_name[name]

    def chair(self) -> RosterMember:
        return next(m for m in self.roster if m.role == "chair")


def _invalid(detail: str) -> NotAnArtifact:
    return NotAnArtifact(
        T(
            "包清单不符合本版本能读取的格式（可能由更新的版本生成）。请升级 reviewer 后重试。",
            "The package manifest is not in a format this version can read (perhaps made by a newer "
            "version). Update reviewer and try again.",
        ),
        detail=detail,
    )


def _str(doc: dict[str, Any], key: str, pattern: re.Pattern[str] | None = None) -> str:
    value = doc.get(key)
    if not isinstance(value, str) or not value or (pattern and not pattern.match(value)):
        raise _invalid(f"field {key!r}")
    return value


def _int(doc: dict[str, Any], key: str) -> int:
    value = doc.get(key)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise _invalid(f"field {key!r}")
    return value


def _strmap(value: Any, key: str, required: tuple[str, ...]) -> dict[str, str]:
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise _invalid(f"field {key!r}")
    if any(not value.get(r) for r in required):
        raise _invalid(f"field {key!r} lacks {required}")
    return dict(value)


def roster_member_from_json(doc: dict[str, Any]) -> RosterMember:
    """One roster entry; its certificate must be DER in standard base64 (checked further in
    :func:`_check_consistency`: fingerprint, serial)."""
    fields = {k: _str(doc, k) for k in ("name", "org", "role", "cert_sha256", "serial")}
    der = unb64(_str(doc, "certificate"))
    if len(der) > MAX_CERTIFICATE:
        raise _invalid(f"roster certificate of {fields['name']!r} too large")
    try:
        certificate = x509.load_der_x509_certificate(der)
    except ValueError as exc:
        raise _invalid(f"roster certificate of {fields['name']!r}: {exc}") from exc
    return RosterMember(**fields, certificate=certificate)


def parse_manifest(data: bytes) -> Manifest:
    """Parse and validate; raise NotAnArtifact for anything this reader cannot vouch for."""
    try:
        doc = parse_json(data)
    except (ValueError, UnicodeDecodeError) as exc:
        raise _invalid(str(exc)) from exc
    if not isinstance(doc, dict) or doc.get("format") != FORMAT or doc.get("version") != VERSION:
        raise _invalid("format/version")
    if doc.get("suite") not in SUITES:
        raise _invalid(f"suite {doc.get('suite')!r}")
    if isinstance(doc.get("entries"), list) and len(doc["entries"]) > MAX_ENTRIES:
        raise _invalid(f"{len(doc['entries'])} entries, more than {MAX_ENTRIES}")
    try:
        roster = tuple(roster_member_from_json(m) for m in doc["roster"])
        recipients = tuple(
            WrappedKey(_str(r, "id", HEX64), unb64(r["ephemeral"]), unb64(r["wrapped_key"]))
            for r in doc["recipients"]
        )
        entries = tuple(
            Entry(
                name=_str(e, "name"),
                path=_str(e, "path", PAYLOAD),
                kind=_str(e, "kind"),
                media_type=_str(e, "media_type"),
                size=_int(e, "size"),
                sha256=_str(e, "sha256", HEX64),
                nonce=unb64(e["nonce"]),
                encrypted_size=_int(e, "encrypted_size"),
                encrypted_sha256=_str(e, "encrypted_sha256", HEX64),
            )
            for e in doc["entries"]
        )
        manifest = Manifest(
            package_id=_str(doc, "package_id", UUID),
            kind=_str(doc, "kind"),
            created=_str(doc, "created", TIME),
            expires=_str(doc, "expires", TIME),
            issuer=_strmap(doc["issuer"], "issuer", ("name", "root_sha256", "signer_sha256")),
            candidate=_strmap(doc["candidate"], "candidate", ("name", "type")),
            standard=_strmap(doc["standard"], "standard", ("id", "version")),
            roster=roster,
            recipients=recipients,
            revocations=doc["revocations"],
            chunk_size=_int(doc["stream"], "chunk_size"),
            entries=entries,
            suite=doc["suite"],
        )
    except (KeyError, TypeError, AttributeError) as exc:
        raise _invalid(f"missing or mistyped field: {exc}") from exc
    except Exception as exc:
        if isinstance(exc, NotAnArtifact):
            raise
        raise _invalid(str(exc)) from exc
    _check_consistency(manifest)
    if manifest.to_bytes() != data:
        raise _invalid("manifest is not canonical JSON")
    return manifest


def _check_consistency(m: Manifest) -> None:
    if not MIN_CHUNK <= m.chunk_size <= MAX_CHUNK:
        raise _invalid("chunk size out of range")
    if [r.role for r in m.roster].count("chair") != 1 or any(r.role not in ROLES for r in m.roster):
        raise _invalid("roster must have exactly one chair and only experts besides")
    for r in m.roster:
        if cert_fingerprint(r.certificate) != r.cert_sha256:
            raise _invalid(f"roster certificate of {r.name!r} does not match its fingerprint")
        if f"{r.certificate.serial_number:x}" != r.serial:
            raise _invalid(f"roster certificate of {r.name!r} does not match its serial")
    if len({r.cert_sha256 for r in m.roster}) != len(m.roster):
        raise _invalid("duplicate roster members")
    if len(m._by_name) != len(m.entries) or len({e.path for e in m.entries}) != len(m.entries):
        raise _invalid("duplicate entry names or paths")
    for e in m.entries:
        check_name(e.name)
        if e.kind not in ENTRY_KINDS or len(e.nonce) != 16:
            raise _invalid(f"entry {e.name!r}")
        if len(e.name.encode("utf-8")) > MAX_NAME_BYTES or len(e.media_type) > MAX_MEDIA_TYPE:
            raise _invalid(f"entry {e.name[:80]!r}: name or media type too long")
    if not isinstance(m.revocations, dict) or not HEX64.match(str(m.revocations.get("sha256", ""))):
        raise _invalid("revocations")
    if len({w.recipient for w in m.recipients}) != len(m.recipients):
        raise _invalid("duplicate recipients")
    for w in m.recipients:
        if len(w.ephemeral) != 32 or len(w.wrapped) != 48:
            raise _invalid("recipient key sizes")

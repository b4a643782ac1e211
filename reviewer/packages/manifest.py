"""The package manifest: what the ministry signs, and the confidential header. See ``docs/package-format.md``.

``manifest.json`` (:class:`PublicManifest`) says only what anyone holding the file may see: the
package's id, issuer, validity, recipients and each encrypted member's size and hash. The candidate,
the standard, the roster and the entries' names are in the confidential header (:data:`HEADER_PATH`),
encrypted under the file key; an opened package joins both into a :class:`Manifest`.

Both are canonical JSON (:func:`reviewer.trust.encoding.canonical_json`); a reader
re-encodes what it parsed and refuses the package unless the bytes are identical, so that two
readers can never disagree about what was signed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from reviewer.errors import EarlierFormat, InvalidInput, NotAnArtifact
from reviewer.i18n import T, Text
from reviewer.packages.container import check_name
from reviewer.packages.limits import MAX_ENTRIES, MAX_MANIFEST, MAX_MEDIA_TYPE, MAX_NAME_BYTES
from reviewer.packages.stream import MAX_CHUNK, MIN_CHUNK, ciphertext_size
from reviewer.trust.encoding import b64, canonical_json, parse_json, unb64
from reviewer.trust.keys import cert_fingerprint
from reviewer.trust.recipients import WrappedKey
from reviewer.trust.suites import NIST_ID, SM_ID, SUITE_IDS

FORMAT = "reviewer.package"
VERSION = 2
HEADER_FORMAT = "reviewer.package-header"  # the confidential header (§4.2 of the format)
HEADER_PATH = "payload/000000"  # the member that holds it, encrypted under the file key like an entry
SUITE = NIST_ID  # the default (NIST) suite; the SM suite is ``reviewer.trust.suites.SM_ID``
SUITES = SUITE_IDS  # a reader refuses suites it does not know
# An SM2 wrap (recipients.py) is the GM/T 0009 DER ciphertext of 64 bytes: SEQUENCE { x, y (each up
# to 33 bytes with a sign byte), C3 (32), C2 (64) }, 2 to 3 bytes of header each: 160 to 180 bytes.
SM2_WRAP_MIN, SM2_WRAP_MAX = 150, 200
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
class Sealed:
    """A payload member as the public manifest lists it: enough to check its bytes without a key,
    nothing about what it holds."""

    path: str
    encrypted_size: int
    encrypted_sha256: str

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "encrypted_size": self.encrypted_size,
            "encrypted_sha256": self.encrypted_sha256,
        }


@dataclass(frozen=True)
class HeaderRef:
    """Where the confidential header lies and how to decrypt and check it (public, signed)."""

    path: str
    nonce: bytes
    size: int  # bytes of the plaintext (canonical JSON)
    sha256: str  # of the plaintext: what a bundle's ``package-header.json`` is checked against
    encrypted_size: int
    encrypted_sha256: str

    def to_json(self) -> dict[str, Any]:
        return {**self.__dict__, "nonce": b64(self.nonce)}

    def sealed(self) -> Sealed:
        return Sealed(self.path, self.encrypted_size, self.encrypted_sha256)


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

    def sealed(self) -> Sealed:
        return Sealed(self.path, self.encrypted_size, self.encrypted_sha256)

    def header_json(self) -> dict[str, Any]:
        """The entry as the confidential header lists it (its public part is in the manifest)."""
        return {
            "name": self.name,
            "path": self.path,
            "kind": self.kind,
            "media_type": self.media_type,
            "size": self.size,
            "sha256": self.sha256,
            "nonce": b64(self.nonce),
        }


def _recipients_json(recipients: tuple[WrappedKey, ...]) -> list[dict[str, str]]:
    return [
        {"id": w.recipient, "ephemeral": b64(w.ephemeral), "wrapped_key": b64(w.wrapped)} for w in recipients
    ]


@dataclass(frozen=True)
class PublicManifest:
    """What ``manifest.json`` says: what anyone holding the file may read (and what the ministry signs).

    No candidate, standard, roster or entry names: those are in the confidential header
    (:data:`HEADER_PATH`), readable only with a key. A view without a key (:func:`inspect_package`,
    :func:`verify_package`) has only this."""

    package_id: str
    created: str
    expires: str
    issuer: dict[str, str]
    recipients: tuple[WrappedKey, ...]
    revocations: dict[str, Any]
    chunk_size: int
    header: HeaderRef
    entries: tuple[Sealed, ...]
    suite: str = SUITE

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "suite": self.suite,
            "package_id": self.package_id,
            "created": self.created,
            "expires": self.expires,
            "issuer": self.issuer,
            "recipients": _recipients_json(self.recipients),
            "revocations": self.revocations,
            "stream": {"chunk_size": self.chunk_size},
            "header": self.header.to_json(),
            "entries": [e.to_json() for e in self.entries],
        }

    def to_bytes(self) -> bytes:
        return canonical_json(self.to_json())

    @property
    def context(self) -> bytes:
        """What every wrapped key of this package is bound to (AES-GCM associated data)."""
        return b"reviewer/1 package " + self.package_id.encode("ascii")

    def members(self) -> tuple[Sealed, ...]:
        """Every encrypted member: the header first, then the entries."""
        return (self.header.sealed(), *self.entries)


@dataclass(frozen=True)
class Manifest:
    """The whole manifest of an opened package: the public part and the confidential header."""

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
    header: HeaderRef | None = None  # None only while sealing, before the header is encrypted
    figures: dict[str, str] | None = None  # the candidate's figures (objective indicators), decimal text
    _by_name: dict[str, Entry] = field(init=False, repr=False, compare=False)  # built once: lookups O(1)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_name", {e.name: e for e in self.entries})

    def header_json(self) -> dict[str, Any]:
        """The confidential header (§4.2): everything that names the candidate, the panel or a material."""
        return {
            "format": HEADER_FORMAT,
            "version": VERSION,
            "package_id": self.package_id,
            "kind": self.kind,
            "candidate": self.candidate,
            "standard": self.standard,
            "roster": [m.to_json() for m in self.roster],
            "entries": [e.header_json() for e in self.entries],
        } | ({} if self.figures is None else {"figures": self.figures})

    def header_bytes(self) -> bytes:
        return canonical_json(self.header_json())

    def public(self) -> PublicManifest:
        if self.header is None:
            raise ValueError("the confidential header is not sealed yet")
        return PublicManifest(
            package_id=self.package_id,
            created=self.created,
            expires=self.expires,
            issuer=self.issuer,
            recipients=self.recipients,
            revocations=self.revocations,
            chunk_size=self.chunk_size,
            header=self.header,
            entries=tuple(e.sealed() for e in self.entries),
            suite=self.suite,
        )

    def to_bytes(self) -> bytes:
        """The bytes of ``manifest.json`` (the public part, what the ministry signs)."""
        return self.public().to_bytes()

    @property
    def context(self) -> bytes:
        """What every wrapped key of this package is bound to (AES-GCM associated data)."""
        return b"reviewer/1 package " + self.package_id.encode("ascii")

    def entry(self, name: str) -> Entry:
        """The entry called ``name`` (KeyError if none), in constant time."""
        return self._by_name[name]

    def chair(self) -> RosterMember:
        return next(m for m in self.roster if m.role == "chair")

    def figure_values(self) -> dict[str, Decimal] | None:
        """The sealed figures as exact Decimals (``None``: the package carries none)."""
        if self.figures is None:
            return None
        return {code: Decimal(value) for code, value in self.figures.items()}


def confidential_note() -> Text:
    """What a view without a key says in place of the panel and the candidate."""
    return T(
        "专家组名单、候选对象、评审标准和材料名称已加密，仅专家组成员和工业和信息化部可以读取"
        "（用专家组成员的身份打开评审包即可查看）。",
        "The panel, the candidate, the standard and the materials' names are encrypted: readable only "
        "by the panel and the ministry (open the package with a panel member's identity to see them).",
    )


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


def _earlier() -> EarlierFormat:
    return EarlierFormat(
        T(
            "该评审包由本软件的早期版本封装（格式版本 1，名单与候选对象未加密），本版本不再读取。"
            "请工业和信息化部用本版本重新封装评审包。",
            "This package was sealed by an earlier release (format version 1, with the panel and the "
            "candidate in the clear); this release no longer reads it. The ministry must seal it again "
            "with this release.",
        ),
        detail="package format version 1",
    )


def _sealed(doc: Any) -> Sealed:
    if not isinstance(doc, dict) or set(doc) != {"path", "encrypted_size", "encrypted_sha256"}:
        raise _invalid("entry fields")
    return Sealed(
        _str(doc, "path", PAYLOAD), _int(doc, "encrypted_size"), _str(doc, "encrypted_sha256", HEX64)
    )


def parse_manifest(data: bytes) -> PublicManifest:
    """Parse and validate ``manifest.json``; raise NotAnArtifact for anything this reader cannot vouch
    for (:class:`EarlierFormat` for a version-1 package)."""
    try:
        doc = parse_json(data)
    except (ValueError, UnicodeDecodeError) as exc:
        raise _invalid(str(exc)) from exc
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise _invalid("format")
    if doc.get("version") == 1:
        raise _earlier()
    if doc.get("version") != VERSION:
        raise _invalid("version")
    if doc.get("suite") not in SUITES:
        raise _invalid(f"suite {doc.get('suite')!r}")
    if isinstance(doc.get("entries"), list) and len(doc["entries"]) > MAX_ENTRIES:
        raise _invalid(f"{len(doc['entries'])} entries, more than {MAX_ENTRIES}")
    try:
        h = doc["header"]
        header = HeaderRef(
            path=_str(h, "path"),
            nonce=unb64(h["nonce"]),
            size=_int(h, "size"),
            sha256=_str(h, "sha256", HEX64),
            encrypted_size=_int(h, "encrypted_size"),
            encrypted_sha256=_str(h, "encrypted_sha256", HEX64),
        )
        manifest = PublicManifest(
            package_id=_str(doc, "package_id", UUID),
            created=_str(doc, "created", TIME),
            expires=_str(doc, "expires", TIME),
            issuer=_strmap(doc["issuer"], "issuer", ("name", "root_sha256", "signer_sha256")),
            recipients=tuple(
                WrappedKey(_str(r, "id", HEX64), unb64(r["ephemeral"]), unb64(r["wrapped_key"]))
                for r in doc["recipients"]
            ),
            revocations=doc["revocations"],
            chunk_size=_int(doc["stream"], "chunk_size"),
            header=header,
            entries=tuple(_sealed(e) for e in doc["entries"]),
            suite=doc["suite"],
        )
    except (KeyError, TypeError, AttributeError) as exc:
        raise _invalid(f"missing or mistyped field: {exc}") from exc
    except Exception as exc:
        if isinstance(exc, NotAnArtifact):
            raise
        raise _invalid(str(exc)) from exc
    _check_public(manifest)
    if manifest.to_bytes() != data:
        raise _invalid("manifest is not canonical JSON")
    return manifest


def _check_public(m: PublicManifest) -> None:
    if not MIN_CHUNK <= m.chunk_size <= MAX_CHUNK:
        raise _invalid("chunk size out of range")
    h = m.header
    if h.path != HEADER_PATH or len(h.nonce) != 16 or h.size > MAX_MANIFEST:
        raise _invalid("confidential header")
    if h.encrypted_size != ciphertext_size(h.size, m.chunk_size):
        raise _invalid("confidential header size")
    paths = [e.path for e in m.entries]
    if len(set(paths)) != len(paths) or HEADER_PATH in paths:
        raise _invalid("duplicate entry paths")
    if not isinstance(m.revocations, dict) or not HEX64.match(str(m.revocations.get("sha256", ""))):
        raise _invalid("revocations")
    if len({w.recipient for w in m.recipients}) != len(m.recipients):
        raise _invalid("duplicate recipients")
    for w in m.recipients:
        if not wrap_shape_ok(m.suite, w):
            raise _invalid("recipient key sizes")


def wrap_shape_ok(suite: str, w: WrappedKey) -> bool:
    """The shape of a wrapped key in ``suite``: X25519 ephemeral (32) and AES-GCM wrap (48) in the NIST
    suite; no ephemeral and an SM2 ciphertext (a DER SEQUENCE of plausible size) in the SM suite."""
    if suite == SM_ID:
        return not w.ephemeral and SM2_WRAP_MIN <= len(w.wrapped) <= SM2_WRAP_MAX and w.wrapped[:1] == b"\x30"
    return len(w.ephemeral) == 32 and len(w.wrapped) == 48


def parse_header(data: bytes, public: PublicManifest) -> Manifest:
    """The confidential header (decrypted, its SHA-256 already checked against ``public.header``)
    joined with the public manifest: the whole :class:`Manifest` of an opened package."""
    try:
        doc = parse_json(data)
    except (ValueError, UnicodeDecodeError) as exc:
        raise _invalid(str(exc)) from exc
    if not isinstance(doc, dict) or doc.get("format") != HEADER_FORMAT or doc.get("version") != VERSION:
        raise _invalid("header format/version")
    if isinstance(doc.get("entries"), list) and len(doc["entries"]) != len(public.entries):
        raise _invalid("the header lists other entries than the manifest")
    try:
        if _str(doc, "package_id", UUID) != public.package_id:
            raise _invalid("the header belongs to another package")
        roster = tuple(roster_member_from_json(m) for m in doc["roster"])
        entries = tuple(
            Entry(
                name=_str(e, "name"),
                path=_str(e, "path", PAYLOAD),
                kind=_str(e, "kind"),
                media_type=_str(e, "media_type"),
                size=_int(e, "size"),
                sha256=_str(e, "sha256", HEX64),
                nonce=unb64(e["nonce"]),
                encrypted_size=sealed.encrypted_size,
                encrypted_sha256=sealed.encrypted_sha256,
            )
            for e, sealed in zip(doc["entries"], public.entries, strict=True)
        )
        manifest = Manifest(
            package_id=public.package_id,
            kind=_str(doc, "kind"),
            created=public.created,
            expires=public.expires,
            issuer=public.issuer,
            candidate=_strmap(doc["candidate"], "candidate", ("name", "type")),
            standard=_strmap(doc["standard"], "standard", ("id", "version")),
            roster=roster,
            recipients=public.recipients,
            revocations=public.revocations,
            chunk_size=public.chunk_size,
            entries=entries,
            suite=public.suite,
            header=public.header,
            figures=_figures(doc),
        )
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        if isinstance(exc, NotAnArtifact):
            raise
        raise _invalid(f"missing or mistyped field: {exc}") from exc
    except Exception as exc:
        if isinstance(exc, NotAnArtifact):
            raise
        raise _invalid(str(exc)) from exc
    _check_consistency(manifest, public)
    if manifest.header_bytes() != data:
        raise _invalid("header is not canonical JSON")
    return manifest


def _figures(doc: dict[str, Any]) -> dict[str, str] | None:
    """The optional ``figures`` of the header, checked as ``{code: "decimal string"}``."""
    if "figures" not in doc:
        return None
    from reviewer.packages.figures import parse_figures  # the one rule for figures

    try:
        parse_figures(doc["figures"], "figures")
    except InvalidInput as exc:
        raise _invalid(str(exc)) from exc
    return dict(doc["figures"])


def _check_consistency(m: Manifest, public: PublicManifest) -> None:
    if [e.path for e in m.entries] != [e.path for e in public.entries]:
        raise _invalid("the header's entry paths differ from the manifest's")
    if [r.role for r in m.roster].count("chair") != 1 or any(r.role not in ROLES for r in m.roster):
        raise _invalid("roster must have exactly one chair and only experts besides")
    for r in m.roster:
        if cert_fingerprint(r.certificate) != r.cert_sha256:
            raise _invalid(f"roster certificate of {r.name!r} does not match its fingerprint")
        if f"{r.certificate.serial_number:x}" != r.serial:
            raise _invalid(f"roster certificate of {r.name!r} does not match its serial")
    if len({r.cert_sha256 for r in m.roster}) != len(m.roster):
        raise _invalid("duplicate roster members")
    # every member and the ministry can open the package, and nobody else was given the key
    expected = {r.cert_sha256 for r in m.roster} | {m.issuer["signer_sha256"]}
    if {w.recipient for w in m.recipients} != expected or len(m.recipients) != len(expected):
        raise _invalid("the recipients are not the roster and the ministry")
    if len(m._by_name) != len(m.entries):
        raise _invalid("duplicate entry names")
    for e in m.entries:
        check_name(e.name)
        if e.kind not in ENTRY_KINDS or len(e.nonce) != 16:
            raise _invalid(f"entry {e.name!r}")
        if len(e.name.encode("utf-8")) > MAX_NAME_BYTES or len(e.media_type) > MAX_MEDIA_TYPE:
            raise _invalid(f"entry {e.name[:80]!r}: name or media type too long")
        if e.encrypted_size != ciphertext_size(e.size, m.chunk_size):
            raise _invalid(f"entry {e.name[:80]!r}: size")

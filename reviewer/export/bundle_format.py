"""The result bundle's format (``.rvresult``): its public header, its encrypted content, its errors.

See ``docs/bundle-format.md``. The envelope is that of score sheets (:mod:`reviewer.packages.envelope`):
a strict ZIP with ``mimetype``, ``header.json`` (canonical JSON, signed), ``signature.json`` (the
chair's ECDSA P-256 signature over the header, with the chair's member certificate) and ``payload``
(STREAM AES-256-GCM), the file key wrapped for the ministry only. The payload is canonical JSON
carrying every file as base64 of its exact bytes.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Any

from cryptography import x509

from reviewer.errors import Refused
from reviewer.i18n import T, Text
from reviewer.packages import envelope as fmt
from reviewer.packages.manifest import SUITE, SUITES
from reviewer.trust import certs, clock
from reviewer.trust.encoding import b64, canonical_json, parse_json, unb64

MIMETYPE = "application/vnd.reviewer.result+zip"
FORMAT = "reviewer.result"
CONTENT_FORMAT = "reviewer.result-content"
CONTENT_VERSION = 2  # 2: the members' statements and the closing facts (closing.json)
BUNDLE_SUFFIX = ".rvresult"
KIND = "result"  # the wrap context is "reviewer/1 result <bundle_id>"
# The package's own files, as the ministry signed them: its public members, the confidential header
# decrypted (checked against the SHA-256 the signed manifest gives for it: the roster and the
# candidate), then plaintext entries checked against the SHA-256 that header gives for them (standard,
# candidate and procedure: the panel rules the package was sealed under).
PACKAGE_HEADER = "package-header.json"
PACKAGE_ENTRIES = ("standard.json", "candidate.json", "procedure.json")
PACKAGE_FILES = ("manifest.json", "signature.json", "revocations.crl", PACKAGE_HEADER, *PACKAGE_ENTRIES)
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


# --- errors ---------------------------------------------------------------------------------
# Each is a Refused (exit 18): the bundle is well-formed and signed, but its content cannot be
# accepted. The ministry's import reports the class and the message per file.


class ForeignContent(Refused):
    """A part of the bundle belongs to another package (a sheet, the record, the package files)."""


class NotTheChair(Refused):
    """The bundle is not signed by the chair of its package's panel."""


class RecordIncomplete(Refused):
    """The record PDF lacks a member's or the chair's signature, or has one too many."""


class ResultMismatch(Refused):
    """The reconciliation claimed differs from the one recomputed from the sheets and decisions."""


def not_a_bundle() -> Text:
    return T(
        "该文件不是评审结果包（.rvresult）。请选择组长签署的结果包文件。",
        "This file is not a result bundle (.rvresult). Choose a result bundle signed by a panel chair.",
    )


def damaged(detail: str) -> Exception:
    return fmt._damaged(detail)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class BundleHeader:
    """The signed, public claims of a bundle (anyone holding the file can read them): no candidate and
    no name (the candidate is in the encrypted package files; the chair is named by a fingerprint)."""

    digest: str  # SHA-256 of header.json
    bundle_id: str
    package_id: str
    manifest_sha256: str
    result_version: int
    created: str
    chair_fingerprint: str
    sheet_count: int
    record_sha256: str
    key_fingerprint: str  # SHA-256 of the key that signed header.json (signature.json)
    signer: x509.Certificate | None = None  # the sealed certificate, once a recipient opened the bundle
    suite: str = SUITE  # the chair's (and the authority's) suite

    @property
    def chair_name(self) -> str:
        """The name in the signing certificate: only for a bundle the ministry opened (``open_bundle``)."""
        if self.signer is None:
            raise ValueError("the signer is named only to the bundle's recipient (open_bundle)")
        return certs.common_name(self.signer)

    def to_json(self) -> dict[str, Any]:
        return header_json(
            bundle_id=self.bundle_id,
            package_id=self.package_id,
            manifest_sha256=self.manifest_sha256,
            result_version=self.result_version,
            created=self.created,
            chair_sha256=self.chair_fingerprint,
            sheet_count=self.sheet_count,
            record_sha256=self.record_sha256,
            suite=self.suite,
        )


def header_json(
    *,
    bundle_id: str,
    package_id: str,
    manifest_sha256: str,
    result_version: int,
    created: str,
    chair_sha256: str,
    sheet_count: int,
    record_sha256: str,
    suite: str = SUITE,
) -> dict[str, Any]:
    """The header before the envelope adds ``recipients``, ``key_check`` and ``payload``; ``suite`` is
    the chair's (``suites.of_root(chair.trust_root()).id``)."""
    return {
        "format": FORMAT,
        "version": 1,
        "suite": suite,
        "bundle_id": bundle_id,
        "package": {"id": package_id, "manifest_sha256": manifest_sha256},
        "result": {"version": result_version},
        "created": created,
        "signer": {"cert_sha256": chair_sha256, "role": "chair"},
        "contents": {"sheets": sheet_count, "record_sha256": record_sha256},
    }


def parse_header(env: fmt.Envelope) -> BundleHeader:
    """The header's claims, well-formed — else Tampered. The certificate it names is checked when a
    recipient opens the envelope (:meth:`~reviewer.packages.envelope.Envelope.open`)."""
    h = env.header
    try:
        package, signer, contents = h["package"], h["signer"], h["contents"]
        header = BundleHeader(
            digest=env.digest,
            bundle_id=str(h["bundle_id"]),
            package_id=str(package["id"]),
            manifest_sha256=str(package["manifest_sha256"]),
            result_version=h["result"]["version"],
            created=str(h["created"]),
            chair_fingerprint=str(signer["cert_sha256"]),
            sheet_count=contents["sheets"],
            record_sha256=str(contents["record_sha256"]),
            key_fingerprint=env.key_fingerprint,
            suite=str(h.get("suite")),
        )
        clock.parse_iso(header.created)
        ok = (
            h.get("suite") in SUITES
            and set(signer) == {"cert_sha256", "role"}
            and "candidate" not in h
            and signer.get("role") == "chair"
            and _UUID.match(header.bundle_id) is not None
            and _HEX64.match(header.manifest_sha256) is not None
            and _HEX64.match(header.record_sha256) is not None
            and all(
                isinstance(v, int) and not isinstance(v, bool)
                for v in (header.result_version, header.sheet_count)
            )
            and header.result_version >= 1
            and header.sheet_count >= 0
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise damaged(f"header: {exc}") from exc
    if not ok:
        raise damaged("header fields")
    return header  # the sealed certificate is checked against chair_fingerprint when opened


@dataclass(frozen=True)
class BundleContent:
    """The decrypted payload: every file exactly as it was signed or computed."""

    package_files: dict[str, bytes]  # PACKAGE_FILES → bytes
    sheets: tuple[bytes, ...]  # .rvsheet files, in the order the chair gave them
    decisions: bytes  # the chair's decisions, canonical JSON
    reconciliation: bytes  # Reconciliation.to_json()
    record: bytes  # the record PDF, signed by the members and closed by the chair
    motions: tuple[bytes, ...] = ()  # the chair's .rvmotion files the decisions cite, as signed
    statements: tuple[bytes, ...] = ()  # the members' .rvstatement files (votes, refusals), as signed
    closing: bytes = b""  # closing.json: the members who did not sign (canonical JSON)


def content_json(header: dict[str, Any], content: BundleContent) -> bytes:
    doc = {
        "format": CONTENT_FORMAT,
        "version": CONTENT_VERSION,
        "bundle_id": header["bundle_id"],
        "package": header["package"],
        "result": header["result"],
        "created": header["created"],
        "chair": header["signer"],
        "package_files": [
            {
                "name": name,
                "sha256": sha256(content.package_files[name]),
                "data": b64(content.package_files[name]),
            }
            for name in PACKAGE_FILES
        ],
        "sheets": [{"sha256": sha256(s), "data": b64(s)} for s in content.sheets],
        "decisions": {"sha256": sha256(content.decisions), "data": b64(content.decisions)},
        "reconciliation": {"sha256": sha256(content.reconciliation), "data": b64(content.reconciliation)},
        "record": {"sha256": sha256(content.record), "data": b64(content.record)},
        "motions": [{"sha256": sha256(m), "data": b64(m)} for m in content.motions],
        "statements": [{"sha256": sha256(m), "data": b64(m)} for m in content.statements],
        "closing": {"sha256": sha256(content.closing), "data": b64(content.closing)},
    }
    return canonical_json(doc)


def _blob(item: Any) -> bytes:
    data = unb64(item["data"])
    if sha256(data) != item["sha256"]:
        raise ValueError("a file's hash differs")
    return data


def parse_content(plain: bytes, header: BundleHeader, raw_header: dict[str, Any]) -> BundleContent:
    """Parse the payload and check it agrees with the signed header — else Tampered."""
    try:
        doc = parse_json(plain)
        if (
            canonical_json(doc) != plain
            or doc.get("format") != CONTENT_FORMAT
            or doc.get("version") != CONTENT_VERSION
        ):
            raise ValueError("content format")
        same = (
            doc["bundle_id"] == header.bundle_id
            and doc["package"] == raw_header["package"]
            and doc["result"] == raw_header["result"]
            and doc["created"] == header.created
            and doc["chair"] == raw_header["signer"]
        )
        names = [f["name"] for f in doc["package_files"]]
        if names != list(PACKAGE_FILES):
            raise ValueError(f"package files {names}")
        content = BundleContent(
            package_files={f["name"]: _blob(f) for f in doc["package_files"]},
            sheets=tuple(_blob(s) for s in doc["sheets"]),
            decisions=_blob(doc["decisions"]),
            reconciliation=_blob(doc["reconciliation"]),
            record=_blob(doc["record"]),
            motions=tuple(_blob(m) for m in doc["motions"]),
            statements=tuple(_blob(m) for m in doc["statements"]),
            closing=_blob(doc["closing"]),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise damaged(f"content: {exc}") from exc
    if not same:
        raise damaged("content disagrees with the signed header")
    if len(content.sheets) != header.sheet_count or sha256(content.record) != header.record_sha256:
        raise damaged("content disagrees with the header's counts")
    return content

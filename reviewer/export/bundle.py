"""Result bundles (``.rvresult``): what the chair sends the ministry once the record is closed.

    data = build_bundle(chair, opened, sheets=[...], decisions=decisions_json,
                        reconciliation=rec_json, record_pdf=signed_pdf, result_version=1)
    write_bundle(path, data)
    bundle = open_bundle(data, MinistryReader(signing_cert, encryption_key), root)   # the ministry
    header = verify_bundle(data, root)          # anyone: intact, the signing key and the public claims

The bundle carries the package's own signed files (manifest, signature, revocation list, the
decrypted confidential header whose SHA-256 the manifest gives — the roster and the candidate — and
the standard and candidate whose SHA-256 that header gives), every score sheet exactly as signed, the
chair's decisions and the reconciliation (canonical JSON) and the record PDF as finally signed by
every member and closed by the chair. It is signed by the chair and encrypted to the ministry only.
Format: ``docs/bundle-format.md``.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography import x509

from reviewer.errors import InvalidInput, Refused
from reviewer.export import bundle_checks as checks
from reviewer.export.bundle_format import (
    KIND,
    MIMETYPE,
    PACKAGE_ENTRIES,
    PACKAGE_FILES,
    PACKAGE_HEADER,
    BundleContent,
    BundleHeader,
    NotTheChair,
    content_json,
    header_json,
    not_a_bundle,
    parse_content,
    parse_header,
    sha256,
)
from reviewer.export.closing import Closing, check_closing, nobody_unsigned, parse_closing
from reviewer.export.pades_validate import SignatureStatus
from reviewer.i18n import T, beijing
from reviewer.packages import envelope as fmt
from reviewer.packages.container import SafeZip
from reviewer.packages.envelope import MinistryReader
from reviewer.packages.manifest import MIMETYPE as PACKAGE_MIMETYPE
from reviewer.packages.reader import OpenedPackage
from reviewer.scoring.decisions import PanelDecisions
from reviewer.scoring.decisions_io import check_decisions, parse_decisions
from reviewer.scoring.motion import Motion
from reviewer.scoring.result import Reconciliation
from reviewer.scoring.sheet_binding import PackageBinding
from reviewer.scoring.sheet_types import CLOCK_SKEW, VerifiedSheet
from reviewer.scoring.statement import Statement
from reviewer.scoring.votes import check_aggregates
from reviewer.standards import Standard
from reviewer.trust import certs, clock, suites
from reviewer.trust.files import write_atomic
from reviewer.trust.identity import Identity
from reviewer.trust.revocation import RevocationList

__all__ = [
    "BundleHeader",
    "MinistryReader",
    "VerifiedBundle",
    "build_bundle",
    "decisions_of",
    "open_bundle",
    "verify_bundle",
    "write_bundle",
]


def decisions_of(data: bytes, binding: PackageBinding) -> PanelDecisions:
    """The chair's decisions as carried: canonical ``reviewer.decisions/1`` JSON of this package,
    naming only roster members and the standard's codes."""
    try:
        decisions = parse_decisions(data)
        check_decisions(
            decisions,
            binding.require_standard(),
            {m.cert_sha256: m.role for m in binding.roster},
            binding.package_id,
            binding.procedure,
        )
    except InvalidInput as exc:
        raise Refused(
            T(
                "结果包中的组长决定无效：{why}",
                "The chair's decisions in the bundle are invalid: {why}",
                why=exc.message,
            )
        ) from exc
    if decisions.to_json() != data:
        raise Refused(T("组长决定不是规范 JSON。", "The chair's decisions are not in canonical JSON."))
    return decisions


@dataclass(frozen=True)
class VerifiedBundle:
    """A bundle the ministry opened: every check of ``docs/bundle-format.md`` §6 held."""

    header: BundleHeader
    binding: PackageBinding  # the package, verified from its own signed files in the bundle
    standard: Standard
    candidate: dict[str, Any]
    sheets: tuple[VerifiedSheet, ...]  # the newest sheet of each expert, by expert id
    decisions: PanelDecisions
    decisions_json: bytes
    reconciliation: Reconciliation  # recomputed; its canonical JSON equals the claimed one
    reconciliation_json: bytes
    record_pdf: bytes
    record_signatures: tuple[SignatureStatus, ...]
    data: bytes  # the bundle file exactly as signed
    motions: tuple[Motion, ...] = ()  # the chair's motions, verified
    statements: tuple[Statement, ...] = ()  # the members' statements, verified
    closing: Closing | None = None  # who did not sign the record, and why (verified)

    @property
    def package_id(self) -> str:
        return self.header.package_id

    @property
    def result_version(self) -> int:
        return self.header.result_version

    @property
    def digest(self) -> str:
        return self.header.digest

    @property
    def candidate_name(self) -> str:
        """The candidate's name, from the package's candidate.json (the header does not name it)."""
        return str(self.binding_candidate.get("name", ""))

    @property
    def candidate_type(self) -> str:
        return str(self.binding_candidate.get("type", ""))

    @property
    def binding_candidate(self) -> dict[str, Any]:
        profile = self.candidate.get("profile")
        return profile if isinstance(profile, dict) else {}

    def supersedes(self, other: BundleHeader) -> bool:
        """A newer result for the same package replaces an older one; the ministry refuses older ones."""
        return other.package_id == self.package_id and self.result_version > other.result_version


def _package_files(opened: OpenedPackage) -> dict[str, bytes]:
    view = opened.view
    with SafeZip(view.path, PACKAGE_MIMETYPE, not_a_bundle()) as zf:
        raw_signature = zf.read("signature.json", 64 * 1024)
    files = {
        "manifest.json": view.manifest_bytes,
        "signature.json": raw_signature,
        "revocations.crl": view.revocations_der,
        PACKAGE_HEADER: opened.manifest.header_bytes(),  # the decrypted bytes (a reader checks they are canonical)
        **{name: opened.read(name) for name in PACKAGE_ENTRIES},
    }
    assert tuple(files) == PACKAGE_FILES
    return files


def build_bundle(
    chair: Identity,
    package: OpenedPackage,
    *,
    sheets: Sequence[bytes],
    decisions: bytes,
    reconciliation: bytes,
    record_pdf: bytes,
    result_version: int = 1,
    motions: Sequence[bytes] = (),
    statements: Sequence[bytes] = (),
    now: datetime | None = None,
    closing: bytes | None = None,
) -> bytes:
    """Check everything the ministry will check (as the chair can: the sheets and statements are
    also encrypted to the chair), then sign as the chair and encrypt to the ministry only.
    ``closing``: the ``closing.json`` the chair's closing signature names (None: every member signed)."""
    if result_version < 1:
        raise InvalidInput(T("结果版本须从 1 开始。", "Result versions start at 1."))
    at = now or clock.utcnow()
    created = clock.iso(at)
    root = chair.trust_root()
    files = _package_files(package)
    binding, _, _ = checks.check_package_files(
        files, root, sha256(files["manifest.json"]), package.manifest.package_id
    )
    if chair.fingerprint != binding.chair.cert_sha256:
        raise NotTheChair(
            T(
                "只有本专家组组长（{name}）能签署结果包。",
                "Only this panel's chair ({name}) can sign the result bundle.",
                name=binding.chair.name,
            )
        )
    chair.installed().verify(root, at, binding.revocations)
    verified = checks.check_sheets(sheets, chair, binding, root, clock.parse_iso(created))
    decided = decisions_of(decisions, binding)
    voting = checks.check_votes(
        decided, binding, verified, motions, statements, chair, root, clock.parse_iso(created)
    )
    computed = checks.recompute(
        binding.require_standard(), verified, decided.to_engine_decisions(), reconciliation, binding.figures
    )
    check_aggregates(decided, voting[0], computed)
    if closing is None:
        closing = nobody_unsigned(record_pdf)
    opened_statements = {s.digest: s for s in voting[1]}
    checks.check_record(
        record_pdf,
        root,
        binding,
        verified,
        clock.parse_iso(created),
        reconciliation=reconciliation,
        decisions=decisions,
        closing=parse_closing(closing),
    )
    check_closing(
        closing, opened_statements, record_pdf, binding, _recused(verified), clock.parse_iso(created)
    )
    bundle_id = str(uuid.uuid4())
    header = header_json(
        bundle_id=bundle_id,
        package_id=binding.package_id,
        manifest_sha256=binding.manifest_sha256,
        result_version=result_version,
        created=created,
        chair_sha256=chair.fingerprint,
        sheet_count=len(sheets),
        record_sha256=sha256(record_pdf),
        suite=suites.of_root(chair.trust_root()).id,
    )
    content = BundleContent(
        files,
        tuple(sheets),
        decisions,
        reconciliation,
        record_pdf,
        tuple(motions),
        tuple(statements),
        closing,
    )
    return fmt.seal_envelope(
        mimetype=MIMETYPE,
        kind=KIND,
        artifact_id=bundle_id,
        header=header,
        payload=content_json(header, content),
        signer=chair,
        recipients=[fmt.recipient_of(binding.ministry, "ministry")],
    )


def write_bundle(path: str | Path, data: bytes) -> Path:
    """Write whole or not at all (temporary file + rename); an existing file is never overwritten."""
    target = Path(path)
    if target.exists():
        raise Refused(
            T(
                "{path} 已存在，不会覆盖。新的结果请用新的文件名（并提高结果版本号）。",
                "{path} exists already; it is not overwritten. Write a new result under a new name (with a "
                "higher result version).",
                path=str(target),
            )
        )
    return write_atomic(target, data)


def _read(data: bytes) -> tuple[fmt.Envelope, BundleHeader]:
    env = fmt.read_envelope(data, MIMETYPE, "reviewer.result", not_a_bundle())
    return env, parse_header(env)


def verify_bundle(
    data: bytes,
    root: x509.Certificate,
    *,
    revocations: RevocationList | None = None,
    now: datetime | None = None,
) -> BundleHeader:
    """What anyone can check without the ministry's key: structure, the header signed by the key in
    ``signature.json`` (``header.key_fingerprint``), a plausible time. Who signed — the chair's
    certificate, its chain to ``root`` and revocation — is sealed for the ministry: :func:`open_bundle`.
    ``root`` and ``revocations`` are kept for callers; they cannot be used without the key."""
    del root, revocations
    return _verified(data, now)[1]


def _verified(data: bytes, now: datetime | None) -> tuple[fmt.Envelope, BundleHeader]:
    env, header = _read(data)
    signed_at = clock.parse_iso(header.created)
    if signed_at > (now or clock.utcnow()) + CLOCK_SKEW:
        raise Refused(
            T(
                "结果包的签署时间 {t} 晚于当前时间。",
                "The bundle's signing time {t} is in the future.",
                t=beijing(header.created),
            )
        )
    return env, header


def open_bundle(
    data: bytes,
    ministry_reader: fmt.Reader,
    root: x509.Certificate,
    *,
    revocations: RevocationList | None = None,
    now: datetime | None = None,
) -> VerifiedBundle:
    """The ministry's whole check (``docs/bundle-format.md`` §6); raises NotAnArtifact, Tampered,
    HostileArchive, Untrusted, Expired, Revoked, NotOnPanel (not the ministry), ForeignContent,
    NotTheChair, RecordIncomplete, ResultMismatch (all Refused)."""
    env, header = _verified(data, now)
    env.require_suite(root, T("该结果包", "The result bundle"))
    signed_at = clock.parse_iso(header.created)
    opened = env.open(ministry_reader, KIND, header.bundle_id)  # the sealed certificate: the header's chair
    opened.verify(root, signed_at, revocations)
    header = replace(header, signer=opened.signer)
    content = parse_content(opened.payload, header, env.header)
    binding, candidate, _manifest = checks.check_package_files(
        content.package_files, root, header.manifest_sha256, header.package_id
    )
    if revocations is not None:
        binding = _with_newest_crl(binding, revocations)
    if header.chair_fingerprint != binding.chair.cert_sha256:
        raise NotTheChair(
            T(
                "结果包的签署人“{name}”不是该评审包专家组的组长，不予接受。",
                "The bundle's signer “{name}” is not the chair of its package's panel; it is refused.",
                name=header.chair_name,
            )
        )
    if binding.revocations is not None:
        binding.revocations.check(opened.signer, signed_at)
    if signed_at < binding.created - certs.BACKDATE:
        raise Refused(
            T(
                "结果包的签署时间 {t} 早于评审包的签发时间。",
                "The bundle's signing time {t} is before the package was issued.",
                t=beijing(header.created),
            )
        )
    sheets = checks.check_sheets(content.sheets, ministry_reader, binding, root, signed_at)
    standard = binding.require_standard()
    decisions = decisions_of(content.decisions, binding)
    motions, statements = checks.check_votes(
        decisions, binding, sheets, content.motions, content.statements, ministry_reader, root, signed_at
    )
    reconciliation = checks.recompute(
        standard, sheets, decisions.to_engine_decisions(), content.reconciliation, binding.figures
    )
    check_aggregates(decisions, motions, reconciliation)
    statuses = checks.check_record(
        content.record,
        root,
        binding,
        sheets,
        signed_at,
        reconciliation=content.reconciliation,
        decisions=content.decisions,
        closing=parse_closing(content.closing),  # a changed record is "tampered" before any claim is read
    )
    by_digest = {s.digest: s for s in statements}
    closing = check_closing(content.closing, by_digest, content.record, binding, _recused(sheets), signed_at)
    return VerifiedBundle(
        header=header,
        binding=binding,
        standard=standard,
        candidate=candidate,
        sheets=sheets,
        decisions=decisions,
        decisions_json=content.decisions,
        reconciliation=reconciliation,
        reconciliation_json=content.reconciliation,
        record_pdf=content.record,
        record_signatures=statuses,
        data=data,
        motions=motions,
        statements=statements,
        closing=closing,
    )


def _recused(sheets: Sequence[VerifiedSheet]) -> set[str]:
    return {s.expert_id for s in sheets if s.recused}


def _with_newest_crl(binding: PackageBinding, revocations: RevocationList) -> PackageBinding:
    return replace(binding, revocations=RevocationList.newest(binding.revocations, revocations))


def read_bundle_bytes(path: str | Path) -> bytes:
    path = Path(path)
    try:
        with open(path, "rb") as fh:
            return fh.read(fmt.MAX_FILE + 1)
    except OSError as exc:
        raise InvalidInput(
            T("无法读取 {path}。", "Cannot read {path}.", path=str(path)), detail=str(exc)
        ) from exc

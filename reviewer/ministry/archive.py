"""The desk's archive of imported result bundles: ``<authority folder>/results/<sha256>.rvresult``.

The registry keeps a bundle's numbers and its SHA-256 (of the signed ``header.json``, which binds the
encrypted payload: :attr:`reviewer.export.bundle.VerifiedBundle.digest`); the archive keeps the file
itself under that name, so a registry row finds its bundle. A file is kept only after it was checked
and its transaction committed, written to a temporary name and renamed (never half of one). Opening an
archived bundle verifies it again with the authority's keys; what it decrypts stays in memory.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from reviewer.errors import NotArchived, Tampered
from reviewer.export.bundle import MinistryReader, VerifiedBundle, open_bundle, read_bundle_bytes
from reviewer.export.bundle_format import MIMETYPE, damaged, not_a_bundle
from reviewer.files import write_atomic
from reviewer.i18n import T
from reviewer.packages import envelope
from reviewer.trust.authority import Authority, AuthorityKeys

RESULTS = "results"
SUFFIX = ".rvresult"
_DIGEST = re.compile(r"[0-9a-f]{64}")


def archive_path(authority_dir: str | Path, sha256: str) -> Path:
    """Where the bundle whose SHA-256 is ``sha256`` is kept (a digest, never a path from elsewhere)."""
    if not _DIGEST.fullmatch(sha256):
        raise ValueError(f"not a SHA-256 digest: {sha256!r}")
    return Path(authority_dir) / RESULTS / f"{sha256}{SUFFIX}"


def bundle_digest(data: bytes) -> str:
    """The SHA-256 the registry keeps of ``data``: that of its signed header, whose payload hash
    matches the payload carried (else Tampered)."""
    env = envelope.read_envelope(data, MIMETYPE, "reviewer.result", not_a_bundle())
    meta = env.header.get("payload")
    claimed = meta.get("encrypted_sha256") if isinstance(meta, dict) else None
    if hashlib.sha256(env.payload).hexdigest() != claimed:
        raise damaged("payload hash differs")
    return env.digest


def keep(authority_dir: str | Path, source: str | Path, sha256: str) -> Path:
    """Keep the bundle file ``source`` (checked and recorded under ``sha256``) in the archive, unless a
    file is there already. The bytes read must be that bundle (a file changed since its check is not
    kept: Tampered)."""
    target = archive_path(authority_dir, sha256)
    if target.is_file():
        return target
    data = read_bundle_bytes(source)
    if bundle_digest(data) != sha256:
        raise Tampered(
            T(
                "{path} 在检查后被改动过，未存入结果包存档。请重新导入该文件。",
                "{path} changed after it was checked; it was not kept in the archive of result bundles. "
                "Import the file again.",
                path=str(source),
            )
        )
    return write_atomic(target, data)


@dataclass(frozen=True)
class ResultSheet:
    """A member's sheet as carried by the bundle (signed bytes, still encrypted as they were sent)."""

    member: str
    org: str
    version: int  # the sheet's revision
    recused: bool
    data: bytes

    @property
    def file_name(self) -> str:
        return f"{self.member}-v{self.version}.rvsheet"


@dataclass(frozen=True)
class ResultUnsigned:
    """A member who did not sign the record, as the chair's closing states and the bundle proves:
    ``refused`` with written reasons (their signed refusal, verified), or ``not-signed`` (no
    signature, no reasons: deemed to agree)."""

    member: str
    org: str
    status: str  # refused | not-signed
    reason: str | None
    recorded_at: str  # ISO 8601 UTC


@dataclass(frozen=True)
class OpenedResult:
    """An archived bundle, opened and verified: the signed record, every member's sheet, and the
    members who did not sign the record (in signing order)."""

    sha256: str
    package_id: str
    result_version: int
    candidate: str
    record_pdf: bytes
    sheets: tuple[ResultSheet, ...]
    unsigned: tuple[ResultUnsigned, ...] = ()


def open_result(authority: Authority, keys: AuthorityKeys, sha256: str) -> OpenedResult:
    """The archived bundle ``sha256``, opened with the authority's keys and checked again in full."""
    path = archive_path(authority.path, sha256)
    if not path.is_file():
        raise NotArchived(
            T(
                "存档中没有 SHA-256 为 {sha} 的结果包：它在本桌面开始保存结果包之前导入，或已被删除。"
                "请重新导入该结果包（.rvresult）。",
                "The archive has no result bundle with SHA-256 {sha}: it was imported before the desk kept "
                "bundles, or it was removed. Import the result bundle (.rvresult) again.",
                sha=sha256,
            ),
            detail=str(path),
        )
    bundle = open_bundle(
        read_bundle_bytes(path),
        MinistryReader(authority.signing_cert, keys.encryption),
        authority.root,
        revocations=authority.revocations(),
    )
    if bundle.digest != sha256:
        raise damaged(f"{path.name} holds the bundle {bundle.digest}")
    order = {m.cert_sha256: i for i, m in enumerate(bundle.binding.roster)}  # the roster's order
    sheets = tuple(
        ResultSheet(s.header.signer_name, s.header.signer_org, s.revision, s.recused, s.data)
        for s in sorted(bundle.sheets, key=lambda s: order.get(s.expert_id, len(order)))
    )
    return OpenedResult(
        sha256,
        bundle.package_id,
        bundle.result_version,
        bundle.header.candidate_name,
        bundle.record_pdf,
        sheets,
        _unsigned(bundle),
    )


def _unsigned(bundle: VerifiedBundle) -> tuple[ResultUnsigned, ...]:
    members = {m.cert_sha256: m for m in bundle.binding.roster}
    out = []
    for u in bundle.closing.unsigned if bundle.closing else ():
        m = members.get(u.expert)
        out.append(
            ResultUnsigned(
                m.name if m else u.expert[:16], m.org if m else "", u.status, u.reason, u.recorded_at
            )
        )
    return tuple(out)

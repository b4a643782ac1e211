"""Importing result bundles into the registry: each file checked, recomputed and recorded on its own.

For every file: read it; :func:`reviewer.export.bundle.open_bundle` decrypts it with the ministry's key
and checks the chair's and every sheet's signature chain to this authority's root, the roster, the
record's signatures, and recomputes the conclusion with the same engine (a bundle whose claimed
numbers differ is refused); then the package must be in this authority's ledger of sealed packages
with the same manifest digest and roster; then the registry records it in one transaction, refusing
replays and older versions (a duplicate of an imported bundle changes nothing). A bad file is reported
and the batch goes on; importing the same batch twice changes nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reviewer.errors import Refused, ReviewerError
from reviewer.export.bundle import MinistryReader, VerifiedBundle, open_bundle
from reviewer.export.bundle import read_bundle_bytes as read_bundle
from reviewer.i18n import T
from reviewer.ministry.registry import Registry
from reviewer.ministry.types import CandidateInfo, Deviation, ReviewResult
from reviewer.trust import clock
from reviewer.trust.authority import Authority, AuthorityKeys

log = logging.getLogger(__name__)

REFUSED = "refused"
FAILED = "failed"  # an unexpected error on this file (logged); the batch goes on


@dataclass(frozen=True)
class FileOutcome:
    path: str
    outcome: str  # imported, superseded, duplicate, refused, failed
    message: str
    package_id: str | None = None
    candidate: str | None = None
    version: int | None = None
    status: str | None = None
    exit_code: int = 0

    @property
    def ok(self) -> bool:
        return self.outcome not in (REFUSED, FAILED)


def sealed_packages(authority: Authority) -> dict[str, dict[str, Any]]:
    """The ledger's ``sealed`` records by package id: what this authority issued."""
    return {
        e["package_id"]: e for e in authority.ledger() if e.get("event") == "sealed" and "package_id" in e
    }


def check_issued(bundle: VerifiedBundle, ledger: dict[str, dict[str, Any]]) -> None:
    entry = ledger.get(bundle.package_id)
    if entry is None or entry.get("manifest_sha256") != bundle.header.manifest_sha256:
        raise Refused(
            T(
                "评审包 {pkg} 不在本签发机构的签发记录中，结果不予导入。",
                "Package {pkg} is not in this authority's ledger of issued packages; the result is not imported.",
                pkg=bundle.package_id,
            )
        )
    issued = {m.get("cert_sha256") for m in entry.get("roster", [])}
    carried = {m.cert_sha256 for m in bundle.binding.roster}
    if issued != carried:
        raise Refused(
            T(
                "结果包中评审包 {pkg} 的专家名单与签发记录不一致。",
                "The roster of package {pkg} in the bundle differs from the ledger's.",
                pkg=bundle.package_id,
            )
        )


def review_result(bundle: VerifiedBundle) -> ReviewResult:
    """What the registry keeps of a verified bundle."""
    profile = bundle.candidate.get("profile")
    cand = profile if isinstance(profile, dict) else {}
    rec = bundle.reconciliation
    names = {m.cert_sha256: m.name for m in bundle.binding.roster}
    year = cand.get("year")
    year = int(year) if isinstance(year, int | str) and str(year).isdigit() else bundle.binding.created.year
    deviations = tuple(
        Deviation(s.expert_id, names.get(s.expert_id, s.expert_id), ind.code, s.score, ind.aggregate)
        for ind in rec.indicators
        if ind.aggregate is not None
        for s in ind.scores
    )
    return ReviewResult(
        candidate=CandidateInfo(
            bundle.header.candidate_name,
            bundle.header.candidate_type,
            str(cand.get("province", "")),
            str(cand.get("city", "")),
        ),
        package_id=bundle.package_id,
        kind=str(bundle.standard.kind),
        year=year,
        standard_id=bundle.standard.id,
        standard_version=bundle.standard.version,
        result=rec.result,
        vetoed=rec.conclusion.vetoed,
        total=rec.total,
        bundle_sha256=bundle.digest,
        bundle_version=bundle.result_version,
        chair=bundle.header.chair_name,
        experts=tuple(m.name for m in bundle.binding.roster),
        at=clock.parse_iso(bundle.header.created),
        deviations=deviations,
    )


def import_bundles(
    registry: Registry,
    authority: Authority,
    keys: AuthorityKeys,
    paths: Sequence[str | Path],
    *,
    progress: Callable[[int, int, FileOutcome], None] | None = None,
) -> list[FileOutcome]:
    """Import ``paths`` in order; one outcome per file, never an exception for one bad file."""
    reader = MinistryReader(authority.signing_cert, keys.encryption)
    ledger = sealed_packages(authority)
    revocations = authority.revocations()
    outcomes = []
    for i, path in enumerate(paths, 1):
        outcome = _import_one(registry, authority, reader, ledger, revocations, Path(path))
        outcomes.append(outcome)
        if progress:
            progress(i, len(paths), outcome)
    return outcomes


def _import_one(registry: Registry, authority: Authority, reader: MinistryReader, ledger: dict[str, dict[str, Any]],
                revocations: Any, path: Path) -> FileOutcome:  # fmt: skip
    try:
        bundle = open_bundle(read_bundle(path), reader, authority.root, revocations=revocations)
        check_issued(bundle, ledger)
        result = review_result(bundle)
        done = registry.record(result)
    except ReviewerError as exc:
        return FileOutcome(str(path), REFUSED, str(exc), exit_code=exc.exit_code)
    except Exception as exc:  # a bad file must never abort the batch
        log.exception("importing %s failed", path)
        return FileOutcome(str(path), FAILED, f"{type(exc).__name__}: {exc}", exit_code=1)
    return FileOutcome(str(path), done.outcome, "", done.package_id, done.candidate, done.bundle_version,
                       done.status)  # fmt: skip


def summary(outcomes: Iterable[FileOutcome]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for o in outcomes:
        counts[o.outcome] = counts.get(o.outcome, 0) + 1
    return counts

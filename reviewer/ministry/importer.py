"""Importing result bundles into the registry: each file checked, recomputed and recorded on its own.

For every file: read it; :func:`reviewer.export.bundle.open_bundle` decrypts it with the ministry's key
and checks the chair's and every sheet's signature chain to this authority's root, the roster, the
record's signatures, and recomputes the conclusion with the same engine (a bundle whose claimed
numbers differ is refused); then the package must be in this authority's ledger of sealed packages
with the same manifest digest and roster; then the registry records it in one transaction, refusing
replays and older versions (a duplicate of an imported bundle changes nothing); once committed, the
file is kept in the authority's archive of bundles (:mod:`reviewer.ministry.archive`; a duplicate's
too, when its file is missing there). A bad file is reported and the batch goes on; importing the
same batch twice changes nothing.

With ``workers`` > 1 the checks (all of the CPU time: decrypting, the signatures, the recomputation)
run in that many worker processes while this process records the results in the files' order, one
transaction each: the outcomes are the serial import's, file for file. Checking a file never reads the
registry, so the order of the checks does not matter; the order of the records does, and is kept.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import threading
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import x25519

from reviewer.errors import Refused, ReviewerError
from reviewer.export.bundle import MinistryReader, VerifiedBundle, open_bundle
from reviewer.export.bundle import read_bundle_bytes as read_bundle
from reviewer.export.bundle_format import RecordIncomplete
from reviewer.export.closing import NOT_SIGNED
from reviewer.export.closing import REFUSED as REFUSED_TO_SIGN
from reviewer.i18n import T, language, set_language
from reviewer.ministry import archive
from reviewer.ministry.registry import Registry
from reviewer.ministry.types import CandidateInfo, Deviation, ReviewResult
from reviewer.process import tune_gc
from reviewer.trust import clock, sm
from reviewer.trust.authority import Authority, AuthorityKeys
from reviewer.trust.names import printable
from reviewer.trust.revocation import RevocationList

log = logging.getLogger(__name__)

REFUSED = "refused"
FAILED = "failed"  # an unexpected error on this file (logged); the batch goes on

MAX_WORKERS = 8  # each worker holds ~130 MB; the one writer keeps up with far more
FILES_PER_WORKER = 10  # below this many files per worker, starting processes costs more than it saves
# The cycle collector's thresholds are the process's: the entry points set them
# (reviewer.process.tuned_gc); the importer only collects once after each file, when that file's
# objects (~10^4 in reference cycles, pyHanko's PDF readers) have just become garbage.


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


class RosterIncomplete(Refused):
    """A roster member has neither a sheet nor a recusal in the result (exit 18)."""


def check_complete(bundle: VerifiedBundle) -> None:
    """Every member of the package's signed roster — the chair included — has a sheet in the result,
    a score sheet or a recusal. A chair's tools may reconcile as soon as the quorum is met; the
    ministry registers only a panel's whole result, so a member left out (whose signature on the
    record would otherwise vouch for scores they never gave) is refused by name."""
    present = {s.expert_id for s in bundle.sheets}
    missing = [m for m in bundle.binding.roster if m.cert_sha256 not in present]
    if missing:
        raise RosterIncomplete(
            T(
                "结果包缺少专家组成员 {names} 的评分表（既无评分也无回避声明），结果不予导入。请组长补齐后重新提交。",
                "The result lacks a sheet of the panel member(s) {names} (neither scores nor a recusal); it is "
                "not imported. The chair must add it and send the result again.",
                names="、".join(printable(f"{m.name}（{m.org}）") for m in missing),
            ),
            detail="missing " + ", ".join(m.cert_sha256 for m in missing),
        )


def check_signed_or_stated(bundle: VerifiedBundle) -> None:
    """Every non-recused member of the roster signed the record, refused to sign with written reasons
    (a verified refusal statement of that member, bound to this record) or is recorded by the chair
    as not signing (deemed to agree): :func:`open_bundle` checks the closing facts; this states the
    rule the registry relies on, naming the member (:class:`RecordIncomplete`)."""
    recused = {s.expert_id for s in bundle.sheets if s.recused}
    signed = {s.signer_fingerprint for s in bundle.record_signatures}
    closing = bundle.closing
    refusals = {s.digest: s for s in bundle.statements if s.kind == "refusal"}
    for m in bundle.binding.roster:
        if m.cert_sha256 in recused or m.cert_sha256 in signed:
            continue
        fact = closing.of(m.cert_sha256) if closing is not None else None
        statement = refusals.get(fact.statement_sha256 or "") if fact is not None else None
        refused = (
            fact is not None
            and fact.status == REFUSED_TO_SIGN
            and statement is not None
            and statement.member.fingerprint == m.cert_sha256
        )
        if m.role == "chair" or not (refused or (fact is not None and fact.status == NOT_SIGNED)):
            raise RecordIncomplete(
                T(
                    "专家组成员 {name} 既未在评审意见表上签字，也未书面拒签，组长也未载明其未签字，结果不予导入。",
                    "Panel member {name} neither signed the record, refused in writing, nor was recorded by the "
                    "chair as not signing; the result is not imported.",
                    name=printable(f"{m.name}（{m.org}）"),
                ),
                detail=m.cert_sha256,
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
            bundle.candidate_name,
            bundle.candidate_type,
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


# --- checking one file (no registry) ------------------------------------------------------------
Checked = tuple[ReviewResult | FileOutcome, str]  # the result to record, or the outcome; a traceback


@dataclass(frozen=True)
class _Checker:
    """Everything checking a file needs: the pinned root, the ministry's key, the ledger, the CRL."""

    root: x509.Certificate
    reader: MinistryReader
    ledger: dict[str, dict[str, Any]]
    revocations: RevocationList

    def check(self, path: Path) -> Checked:
        try:
            bundle = open_bundle(read_bundle(path), self.reader, self.root, revocations=self.revocations)
            check_issued(bundle, self.ledger)
            check_complete(bundle)
            check_signed_or_stated(bundle)
            return review_result(bundle), ""
        except ReviewerError as exc:
            return FileOutcome(str(path), REFUSED, str(exc), exit_code=exc.exit_code), ""
        except Exception as exc:  # a bad file must never abort the batch
            return _failed(path, exc), traceback.format_exc()


def _failed(path: Path, exc: Exception) -> FileOutcome:
    return FileOutcome(str(path), FAILED, f"{type(exc).__name__}: {exc}", exit_code=1)


@dataclass(frozen=True)
class _WorkerSetup:
    """The checker in picklable form, for worker processes (certificates and the key as raw bytes)."""

    root: bytes
    signing_cert: bytes
    # the ministry's private key in the clear (X25519 raw, SM2 PKCS#8 DER): never in a repr, so no
    # log line, crash report or error that shows the setup can carry it to disk
    encryption_key: bytes = field(repr=False)
    ledger: dict[str, dict[str, Any]]
    revocations: RevocationList
    language: str

    @classmethod
    def of(cls, checker: _Checker) -> _WorkerSetup:
        der = serialization.Encoding.DER
        return cls(
            checker.root.public_bytes(der),
            checker.reader.signing_cert.public_bytes(der),
            _key_bytes(checker.reader.encryption_key),
            checker.ledger,
            checker.revocations,
            language(),
        )

    def checker(self) -> _Checker:
        reader = MinistryReader(
            x509.load_der_x509_certificate(self.signing_cert), _key_of(self.encryption_key)
        )
        return _Checker(x509.load_der_x509_certificate(self.root), reader, self.ledger, self.revocations)


def _key_bytes(key: x25519.X25519PrivateKey | sm.Sm2PrivateKey) -> bytes:
    """The ministry's encryption key for a worker process (through a pipe, never to disk): raw X25519,
    or the SM2 key as unencrypted PKCS#8 DER (tongsuopy)."""
    if sm.is_sm2_private_key(key):
        from tongsuopy.crypto import serialization as t_serialization

        data: bytes = key.private_bytes(
            t_serialization.Encoding.DER,
            t_serialization.PrivateFormat.PKCS8,
            t_serialization.NoEncryption(),
        )
        return data
    raw = serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    return key.private_bytes(*raw)


def _key_of(data: bytes) -> x25519.X25519PrivateKey | sm.Sm2PrivateKey:
    if len(data) == 32:
        return x25519.X25519PrivateKey.from_private_bytes(data)
    from tongsuopy.crypto import serialization as t_serialization

    return t_serialization.load_der_private_key(data, None)


_worker: _Checker | None = None


def _start_worker(setup: _WorkerSetup) -> None:
    global _worker
    tune_gc()  # the entry of a process that only checks bundles (reviewer.process)
    set_language(setup.language)  # messages in the language of the importing process
    _worker = setup.checker()


def _check_in_worker(path: str) -> Checked:
    assert _worker is not None, "worker not started"
    try:
        return _worker.check(Path(path))
    finally:
        gc.collect(1)  # this file's garbage (see reviewer.process)


def _checked_in_workers(checker: _Checker, paths: Sequence[Path], workers: int) -> Iterator[Checked]:
    """Each file's check, in the files' order, from ``workers`` processes checking ahead."""
    done = 0
    pool = ProcessPoolExecutor(
        workers, _pool_context(), initializer=_start_worker, initargs=(_WorkerSetup.of(checker),)
    )
    try:
        for checked in pool.map(_check_in_worker, [str(p) for p in paths]):
            done += 1
            yield checked
    except BrokenProcessPool:  # a worker died (killed, out of memory): check the rest here
        log.warning("an import worker process stopped; checking the remaining %d files in this process",
                    len(paths) - done)  # fmt: skip
        for path in paths[done:]:
            yield checker.check(path)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _pool_context() -> Any:
    """The platform's way of starting processes; ``spawn`` instead of ``fork`` once threads are running
    (a fork copies whatever lock another thread holds at that moment) — Python's or any other, such
    as the GUI's Qt thread pool, which ``threading`` does not see."""
    method = multiprocessing.get_start_method(allow_none=True) or multiprocessing.get_all_start_methods()[0]
    if method == "fork" and _threads() > 1:
        method = "spawn"
    return multiprocessing.get_context(method)


def _threads() -> int:
    """Threads of this process as the OS counts them (Linux), else as :mod:`threading` does."""
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return threading.active_count()


def default_workers(files: int) -> int:
    """One worker process per usable CPU (at most :data:`MAX_WORKERS`), fewer for small batches."""
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, min(cpus, MAX_WORKERS, files // FILES_PER_WORKER))


# --- the batch --------------------------------------------------------------------------------
def import_bundles(
    registry: Registry,
    authority: Authority,
    keys: AuthorityKeys,
    paths: Sequence[str | Path],
    *,
    progress: Callable[[int, int, FileOutcome], None] | None = None,
    workers: int = 1,
) -> list[FileOutcome]:
    """Import ``paths`` in order; one outcome per file, never an exception for one bad file.

    ``workers`` > 1 checks the files in that many processes (never more than there are files); the
    outcomes are the same as with one."""
    checker = _Checker(
        authority.root,
        MinistryReader(authority.signing_cert, keys.encryption),
        sealed_packages(authority),
        authority.revocations(),
    )
    files = [Path(p) for p in paths]
    workers = min(workers, len(files))
    outcomes = []
    checked: Iterable[Checked] = (
        _checked_in_workers(checker, files, workers) if workers > 1 else map(checker.check, files)
    )
    for i, (path, (result, trace)) in enumerate(zip(files, checked, strict=True), 1):
        if trace:
            log.error("importing %s failed\n%s", path, trace.rstrip())
        if isinstance(result, FileOutcome):
            outcome = result
        else:
            outcome = _kept(authority, path, result.bundle_sha256, _record(registry, path, result))
        gc.collect(1)  # this file's garbage (see reviewer.process)
        outcomes.append(outcome)
        if progress:
            progress(i, len(files), outcome)
    return outcomes


def _record(registry: Registry, path: Path, result: ReviewResult) -> FileOutcome:
    try:
        done = registry.record(result)
    except ReviewerError as exc:
        return FileOutcome(str(path), REFUSED, str(exc), exit_code=exc.exit_code)
    except Exception as exc:  # a bad file must never abort the batch
        log.exception("importing %s failed", path)
        return _failed(path, exc)
    return FileOutcome(str(path), done.outcome, "", done.package_id, done.candidate, done.bundle_version,
                       done.status)  # fmt: skip


def _kept(authority: Authority, path: Path, digest: str, outcome: FileOutcome) -> FileOutcome:
    """Keep the file of a recorded result (imported, superseded, or a duplicate whose file is missing)
    in the archive (:mod:`reviewer.ministry.archive`), after its transaction committed. The result
    stays recorded when the file cannot be kept: the outcome then says so."""
    if not outcome.ok:
        return outcome
    try:
        archive.keep(authority.path, path, digest)
    except Exception as exc:  # the registry has the result; the file can be imported again
        log.warning("keeping %s in the archive failed", path, exc_info=True)
        why = str(exc) if isinstance(exc, ReviewerError) else f"{type(exc).__name__}: {exc}"
        note = T(
            "已登记，但结果包未能存入存档：{why}",
            "Recorded, but the bundle could not be kept in the archive: {why}",
            why=why,
        )
        return replace(outcome, message=str(note))
    return outcome


def summary(outcomes: Iterable[FileOutcome]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for o in outcomes:
        counts[o.outcome] = counts.get(o.outcome, 0) + 1
    return counts

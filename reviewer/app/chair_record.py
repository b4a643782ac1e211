"""The chair's record, step by step (worker thread): produce it, a member co-signs, the chair closes
it, the result file is built, checked, signed, saved and logged — the core's
:mod:`reviewer.export.panel_outputs`, as ``reviewer panel reconcile/close`` and ``reviewer record
cosign`` do. Each step writes the record sealed (:mod:`reviewer.models.sealed_files`) and returns it
read again, its signatures validated (:func:`~reviewer.app.chair_work.load_record`).

The PDF stack (pyHanko, reportlab) is imported inside these functions, never at this module's top:
the chair's window imports this module, and :func:`prefetch` loads the stack on a worker as soon as
a chair's package opens, so the first step does not wait for it either.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reviewer.app.chair_work import Loaded, load_record

if TYPE_CHECKING:
    from cryptography import x509

    from reviewer.models.chair import ChairStore, RecordEvent
    from reviewer.models.sealed_files import SealedFiles
    from reviewer.scoring.decisions import Actor
    from reviewer.scoring.panel import PanelState
    from reviewer.scoring.result import Reconciliation
    from reviewer.trust import Identity, PassphraseSource

Progress = Callable[..., None]
Written = tuple[Path, str, "RecordEvent | None"]  # the result file, its SHA-256, the store's log entry


def prefetch() -> None:
    """Import the record's stack (worker): what producing, signing and checking the record use.

    The record's font is not loaded here but when the record is produced, behind that step's
    progress: ~10^5 objects the chair may never need."""
    import reviewer.export.bundle
    import reviewer.export.bundle_checks
    import reviewer.export.panel_outputs
    import reviewer.export.record_seal  # noqa: F401


def produce_record(
    progress: Progress,
    steps: Sequence[str],
    *,
    package: Path,
    chair: Identity,
    state: PanelState,
    reconciliation: Reconciliation,
    files: SealedFiles,
    target: Path,
    root: x509.Certificate,
) -> Loaded:
    """Build the record from ``state``'s sheets and decisions, keep it sealed at ``target``."""
    from reviewer.export.panel_outputs import record_for

    progress(0, 3, steps[0])
    pdf = record_for(package, chair, state.binding, state.sheets(), reconciliation, state.decisions)
    progress(1, 3, steps[1])
    files.write(target, pdf)
    progress(2, 3, steps[2])
    return load_record(files, target, root)


def cosign_record(
    progress: Progress,
    steps: Sequence[str],
    *,
    pdf: bytes,
    folder: Path,
    source: PassphraseSource,
    files: SealedFiles,
    target: Path,
    root: x509.Certificate,
) -> Loaded:
    """A member (identity ``folder``, unlocked through ``source``) signs ``pdf``; kept at ``target``."""
    from reviewer.export.panel_outputs import cosign
    from reviewer.trust import load_identity

    progress(0, 3, steps[0])
    member = load_identity(folder, source)
    progress(1, 3, steps[1])
    signed, _ = cosign(pdf, member, members_only=True)
    files.write(target, signed)
    progress(2, 3, steps[2])
    return load_record(files, target, root)


def close_record(
    progress: Progress, steps: Sequence[str], *, pdf: bytes, chair: Identity, files: SealedFiles, target: Path
) -> Loaded:
    """The chair signs last: the record is closed."""
    from reviewer.export.panel_outputs import close_record as close

    progress(0, 2, steps[0])
    closed, _ = close(pdf, chair)
    files.write(target, closed)
    progress(1, 2, steps[1])
    return load_record(files, target, chair.trust_root())


def write_result(
    progress: Progress,
    steps: Sequence[str],
    *,
    chair: Identity,
    package: Path,
    pdf: bytes,
    state: PanelState,
    reconciliation: Reconciliation,
    version: int,
    target: Path,
    chair_store: ChairStore | None,
    package_id: str,
    by: Actor,
) -> Written:
    """Build, check as the ministry will, sign and save the result file at ``target``; log it."""
    from reviewer.export.bundle import write_bundle
    from reviewer.export.panel_outputs import result_bundle

    progress(0, 2, steps[0])
    data = result_bundle(
        chair,
        package,
        sheets=[s.data for s in state.sheets()],
        decisions=state.decisions.to_json(),
        reconciliation=reconciliation.to_json(),
        record_pdf=pdf,
        result_version=version,
        motions=[m.data for m in state.motions],
        statements=[s.data for s in state.statements],
    )
    progress(1, 2, steps[1])
    written, digest = write_bundle(target, data), hashlib.sha256(data).hexdigest()
    event = None
    if chair_store is not None:
        event = chair_store.log_result(package_id, by=by, path=str(written), sha256=digest, version=version)
    return written, digest, event

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

    from reviewer.export.closing import NotSigned, RecordRef
    from reviewer.models.chair import ChairStore, ClosingFact, RecordEvent
    from reviewer.models.sealed_files import SealedFiles
    from reviewer.scoring.decisions import Actor
    from reviewer.scoring.panel import PanelState
    from reviewer.scoring.result import Reconciliation
    from reviewer.scoring.sheet_binding import PackageBinding
    from reviewer.scoring.statement import Statement
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
    pdf = record_for(
        package, chair, state.binding, state.sheets(), reconciliation, state.decisions, state.motions
    )
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
    progress: Progress,
    steps: Sequence[str],
    *,
    pdf: bytes,
    chair: Identity,
    files: SealedFiles,
    target: Path,
    binding: PackageBinding | None = None,
    chair_store: ChairStore | None = None,
) -> Loaded:
    """The chair signs last: the record is closed. With ``binding`` and ``chair_store``, members who
    did not sign are stated in the closing signature (:func:`closing_inputs`: their refusals
    received, the chair's not-signed records); the closing facts are kept sealed beside the record
    (:func:`closing_path`) for the result file."""
    from reviewer.export.panel_outputs import close_record as close
    from reviewer.export.panel_outputs import close_stating

    progress(0, 2, steps[0])
    if binding is None or chair_store is None:
        closed, _ = close(pdf, chair)
    else:
        refusals, marks = closing_inputs(pdf, chair, binding, chair_store)
        done = close_stating(pdf, chair, binding, refusals=refusals, not_signed=marks)
        closed = done.pdf
        files.write(closing_path(target), done.closing)
    files.write(target, closed)
    progress(1, 2, steps[1])
    return load_record(files, target, chair.trust_root())


# --- members who do not sign (issue 18) -------------------------------------------------------


def closing_path(record: Path) -> Path:
    """Where the closing facts (``closing.json``) of the record kept at ``record`` are kept, sealed."""
    return record.with_name("closing.json")


def import_refusals(
    paths: Sequence[Path],
    *,
    pdf: bytes,
    chair: Identity,
    binding: PackageBinding,
    chair_store: ChairStore,
) -> list[Statement]:
    """Members' refusals to sign (``.rvstatement``, worker): each opened for the chair, a refusal by
    a member of this panel, bound to the record ``pdf`` as signed, whose field is still empty; kept
    in the chair's store (the same file again changes nothing). All or nothing: the first that does
    not apply raises (:class:`ForeignContent`, :class:`Refused`) and none is kept."""
    from reviewer.export.closing import record_ref
    from reviewer.export.pades import record_fields

    ref = record_ref(pdf)
    signed = {f.info.fingerprint_prefix for f in record_fields(pdf) if f.info and f.signed}
    out = [_refusal(path, chair, binding, ref, signed) for path in paths]
    for s in out:
        chair_store.record_refusal(
            binding.package_id,
            expert=s.member.fingerprint,
            digest=s.digest,
            data=s.data,
            chair=chair.fingerprint,
        )
    return out


def _refusal(
    path: Path, chair: Identity, binding: PackageBinding, ref: RecordRef, signed: set[str]
) -> Statement:
    from reviewer.errors import InvalidInput, Refused
    from reviewer.export.bundle_format import ForeignContent
    from reviewer.i18n import T
    from reviewer.scoring.statement import open_statement

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InvalidInput(T("无法读取 {p}。", "Cannot read {p}.", p=str(path)), detail=str(exc)) from exc
    s = open_statement(data, chair, binding, chair.trust_root())
    if s.kind != "refusal" or s.refusal is None:
        raise Refused(T("{p} 不是拒签声明。", "{p} is not a refusal to sign.", p=path.name))
    if not ref.binds(s.refusal):
        raise ForeignContent(
            T(
                "{who} 的拒签声明针对的是另一份评审意见表，不适用于当前意见表。请其对当前意见表重新拒签或签署。",
                "The refusal of {who} is for another record, not the current one. Ask them to refuse or sign "
                "the current record.",
                who=s.member.name,
            )
        )
    if s.member.fingerprint[:16] in signed:
        raise Refused(
            T(
                "{who} 已签署当前意见表，其拒签声明不再适用。",
                "{who} has signed the current record; their refusal no longer applies.",
                who=s.member.name,
            )
        )
    return s


def record_not_signed(
    member: str, *, pdf: bytes, package_id: str, by: Actor, chair_store: ChairStore
) -> ClosingFact:
    """The chair records that ``member`` (certificate SHA-256) neither signed nor gave written
    reasons: the rules deem them to agree (the GUI confirms first). Refused when their field is
    signed or they have none."""
    from reviewer.errors import Refused
    from reviewer.export.pades import record_fields
    from reviewer.i18n import T

    field = next((f for f in record_fields(pdf) if f.info and f.info.fingerprint_prefix == member[:16]), None)
    if field is None or field.info is None or field.info.role.value != "expert" or field.signed:
        raise Refused(
            T(
                "只能记录尚未签署的专家组成员为“未签字”。",
                "Only a member who has not signed can be recorded as not signing.",
            )
        )
    return chair_store.record_not_signed(package_id, member, by=by)


def withdraw_not_signed(member: str, *, package_id: str, by: Actor, chair_store: ChairStore) -> ClosingFact:
    """The chair withdraws the not-signed record of ``member``."""
    return chair_store.withdraw_not_signed(package_id, member, by=by)


def closing_inputs(
    pdf: bytes, chair: Identity, binding: PackageBinding, chair_store: ChairStore
) -> tuple[list[Statement], list[NotSigned]]:
    """What the chair's closing states, from the store: the refusals received that are bound to the
    record ``pdf`` (verified again; a refusal of an earlier record is left out), and the members
    currently recorded as not signing."""
    from reviewer.export.closing import NotSigned, record_ref
    from reviewer.scoring.statement import open_statement
    from reviewer.trust import clock

    ref = record_ref(pdf)
    refusals = []
    for fact in chair_store.refusals(binding.package_id):
        assert fact.data is not None
        s = open_statement(fact.data, chair, binding, chair.trust_root())
        if s.refusal is not None and ref.binds(s.refusal):
            refusals.append(s)
    marks = [NotSigned(fp, clock.iso(at)) for fp, at in chair_store.not_signed(binding.package_id).items()]
    return refusals, marks


def closing_of(
    files: SealedFiles, record: Path, chair_store: ChairStore | None, package_id: str
) -> tuple[bytes | None, list[bytes]]:
    """The closing facts kept beside the record and the refusal statements they cite, for the
    result file (``(None, [])``: closed with every member signed)."""
    from reviewer.export.closing import parse_closing

    path = closing_path(record)
    if not path.exists():
        return None, []
    data = files.read(path)
    cited = {u.statement_sha256 for u in parse_closing(data).unsigned if u.statement_sha256}
    held = {f.digest: f.data for f in chair_store.refusals(package_id)} if chair_store is not None else {}
    return data, [d for digest, d in held.items() if digest in cited and d is not None]


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
    files: SealedFiles | None = None,
    record: Path | None = None,
) -> Written:
    """Build, check as the ministry will, sign and save the result file at ``target``; log it.
    ``files`` and ``record``: where the record is kept, to carry the closing facts kept beside it
    and the refusals they cite (:func:`closing_of`)."""
    from reviewer.export.bundle import write_bundle
    from reviewer.export.panel_outputs import result_bundle

    progress(0, 2, steps[0])
    closing, refusals = (
        (None, []) if files is None or record is None else closing_of(files, record, chair_store, package_id)
    )
    data = result_bundle(
        chair,
        package,
        sheets=[s.data for s in state.sheets()],
        decisions=state.decisions.to_json(),
        reconciliation=reconciliation.to_json(),
        record_pdf=pdf,
        result_version=version,
        motions=[m.data for m in state.motions],
        statements=list(dict.fromkeys([*(s.data for s in state.statements), *refusals])),  # each once
        closing=closing,
    )
    progress(1, 2, steps[1])
    written, digest = write_bundle(target, data), hashlib.sha256(data).hexdigest()
    event = None
    if chair_store is not None:
        event = chair_store.log_result(package_id, by=by, path=str(written), sha256=digest, version=version)
    return written, digest, event

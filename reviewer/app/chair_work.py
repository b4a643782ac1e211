"""The chair panel's slow work, Qt-free on purpose (it runs on a worker thread through
:class:`~reviewer.ui.tasks.Task` and is testable without widgets): bind to the verified package and
restore what the chair store kept, import sheets and keep the accepted ones (the chair's own signed
sheet too, taken from the sheet archive when the store does not hold it), name a return notice,
read the record on file (kept sealed under the chair's store key,
:mod:`reviewer.models.sealed_files`) and set a signed record aside when it is reopened.
The rules themselves are the core's (:mod:`reviewer.scoring.panel`, :mod:`reviewer.models.chair`).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from reviewer.errors import Refused, ReviewerError
from reviewer.export.record_input import RECORD
from reviewer.files import write_atomic
from reviewer.i18n import T
from reviewer.models.chair import ChairStore, StoredSheet
from reviewer.models.sealed_files import SEALED_SUFFIX, SealedFiles, sealed_name
from reviewer.packages import envelope as fmt
from reviewer.packages.reader import open_package, verify_package
from reviewer.scoring import return_notice
from reviewer.scoring.decisions import Actor, PanelDecisions
from reviewer.scoring.motion import build_motion, open_motion
from reviewer.scoring.panel import PanelState, SheetOutcome, VoteOutcome
from reviewer.scoring.sheet import read_sheet_bytes
from reviewer.scoring.sheet_binding import PackageBinding
from reviewer.scoring.sheet_types import SHEET_SUFFIX, VerifiedSheet
from reviewer.scoring.votes import motion_changes

if TYPE_CHECKING:  # the PDF stack (pyHanko, reportlab) is imported by the functions that use it, on
    # a worker: the chair's window imports this module and must not pay for it (nor wait for it)
    from cryptography import x509

    from reviewer.app.finalise import SheetArchive
    from reviewer.app.opening import OpenedReview
    from reviewer.export.panel_outputs import Signer
    from reviewer.scoring.result import Reconciliation
    from reviewer.trust.identity import Identity

Kept = tuple[PanelState, tuple[SheetOutcome, ...], tuple[StoredSheet, ...]]
# The record on file, its fields (signatures validated) and the SHA-256 it names (its bindings).
Loaded = tuple[bytes, list["Signer"], dict[str, str]]


def bind_review(
    review: OpenedReview, chair_store: ChairStore | None = None
) -> tuple[PanelState, tuple[StoredSheet, ...]]:
    """The chair's state for an opened package (worker thread): the package verified, and what the
    chair store kept — the stored sheets verified again (the database vouches for no signature),
    the newest decisions checked against the package — with the stored rows, for the sheets page."""
    # The signed manifest is what the binding needs; the package was opened a moment ago and each
    # entry is checked against it as it is decrypted, so hashing every entry again buys nothing here.
    view = verify_package(review.path, review.identity.trust_root(), contents=False)
    with open_package(review.path, review.identity) as opened:
        rules = opened.procedure()  # the panel rules the package was sealed under
    state = PanelState.start(PackageBinding.of_view(view, review.standard, rules), review.identity)
    if chair_store is None:
        return state, ()
    package_id = state.binding.package_id
    state, _ = state.import_sheets(chair_store.sheet_bytes(package_id))
    decisions = chair_store.decisions(package_id)
    state = state if decisions is None else state.with_decisions(decisions)
    state = restore_votes(state, chair_store)
    return state, stored(state, chair_store)


def import_and_keep(
    state: PanelState,
    paths: Sequence[Path],
    chair_store: ChairStore | None,
    require_open: Callable[[], None] | None = None,
) -> Kept:
    """Verify and collect ``paths`` (worker thread); keep every accepted sheet in the chair store.
    ``require_open`` (see :func:`keep_offered`) is asked just before anything is kept."""
    return keep_offered(state, read_sheets(paths), chair_store, require_open)


def keep_offered(
    state: PanelState,
    offered: Sequence[tuple[str, bytes]],
    chair_store: ChairStore | None,
    require_open: Callable[[], None] | None = None,
) -> Kept:
    """Verify and collect ``(source, bytes)`` as :func:`import_and_keep` does with files.

    ``require_open`` (typically :func:`require_record_open`) is called once the sheets are verified and
    before any is kept: it raises :class:`~reviewer.export.record_seal.RecordFrozen` when a signature
    given meanwhile now fixes the sheets, and then nothing is stored."""
    state, outcomes = state.import_sheets(offered)
    if require_open is not None:
        require_open()
    if chair_store is None:
        return state, outcomes, ()
    for o in outcomes:
        if o.accepted and o.sheet is not None:
            chair_store.record_sheet(
                state.binding.package_id, o.sheet, o.source, chair=state.binding.chair.cert_sha256
            )
    return state, outcomes, stored(state, chair_store)


def require_record_open(files: SealedFiles, path: Path, state: PanelState) -> None:
    """The record on file at ``path`` read again now (worker thread): raise
    :class:`~reviewer.export.record_seal.RecordFrozen` when a signature on it fixes what ``state``
    holds (signed and made from ``state``'s reconciliation and decisions, or closed) — the check an
    import makes at its start, made again just before it keeps anything."""
    if not path.exists():
        return
    from reviewer.export.record_seal import read_seal

    try:
        reconciliation = state.reconcile().to_json() if state.sheets() else None
    except ReviewerError:
        reconciliation = None
    read_seal(files.read(path), reconciliation, state.decisions.to_json()).require_open()


def stored(state: PanelState, chair_store: ChairStore) -> tuple[StoredSheet, ...]:
    """The stored rows of the sheets ``state`` holds (what the sheets page lists)."""
    held = {s.digest for s in state.sheets()}
    return tuple(s for s in chair_store.sheets(state.binding.package_id) if s.digest in held)


def archived_own_sheet(
    archive: SheetArchive, review: OpenedReview, state: PanelState
) -> tuple[int, str, bytes] | None:
    """The chair's own newest signed sheet from the sheet archive (worker thread), when the chair
    holds no version of it that new: ``(version, source, bytes)``, offered like any sheet, else None."""
    me = review.identity.fingerprint
    newest = archive.newest_sheet(state.binding.package_id, me)
    held = next((s.revision for s in state.sheets() if s.expert_id == me), 0)
    if newest is None or held >= newest[0]:
        return None
    version, data = newest
    return version, f"sheet-v{version}{SHEET_SUFFIX}", data  # the name the archive keeps it under


def notice_digest(data: bytes) -> str:
    """How decisions name a return notice: the SHA-256 of its signed header (as for sheets)."""
    not_notice = T("该文件不是退回更正通知（.rvreturn）。", "This file is not a return notice (.rvreturn).")
    return fmt.read_envelope(data, return_notice.MIMETYPE, return_notice.FORMAT, not_notice).digest


def read_sheets(paths: Sequence[Path]) -> list[tuple[str, bytes]]:
    return [(Path(p).name, read_sheet_bytes(p)) for p in paths]


def load_record(files: SealedFiles, path: Path, root: x509.Certificate) -> Loaded:
    """The record kept sealed at ``path``, opened, and its fields with their signatures validated
    against ``root``, and the SHA-256 it names (worker)."""
    from reviewer.export.bundle_checks import record_bindings
    from reviewer.export.panel_outputs import signers

    pdf = files.read(path)
    return pdf, signers(pdf, root), record_bindings(pdf)


def seal_left_in_clear(files: SealedFiles, folder: Path) -> list[Path]:
    """Records written in the clear before they were kept sealed (``record.pdf``, the set-aside
    copies): each sealed in place, compared byte for byte, then the plaintext removed (worker). A
    ``record.pdf`` that is not the sealed record is left where it is, the sealed record kept (one
    co-signed elsewhere is taken in first, when it validates: :func:`take_back_cosigned`)."""
    if not folder.is_dir():
        return []
    plain = [folder / RECORD, *sorted(folder.glob("record-set-aside-*.pdf"))]
    return [files.seal_in_place(p) for p in plain if p.is_file()]


def take_back_cosigned(
    files: SealedFiles, folder: Path, root: x509.Certificate, now: datetime | None = None
) -> Path | None:
    """A copy of the record co-signed elsewhere (``reviewer record cosign``) and put back as
    ``record.pdf`` beside the sealed record (worker): taken in only under the record's strict rule
    against the chair's trust root ``root`` — it extends the sealed record, every signature is intact,
    trusted and in its own field, each revision after the record is one signature in its own field,
    and it carries at least one signature more. The sealed record it replaces is kept aside, sealed
    (``record-replaced-…``; returned); the plaintext is then sealed in place and removed by
    :func:`seal_left_in_clear`. Otherwise :class:`~reviewer.errors.Refused` says why, and nothing
    changes: the sealed record stays and ``record.pdf`` is left where it is. None: nothing put back."""
    record, kept = folder / RECORD, sealed_name(folder / RECORD)
    if not (record.is_file() and kept.is_file()):
        return None
    on_file, offered = files.read(kept), record.read_bytes()
    if offered == on_file:
        return None  # sealed already, the plaintext not yet removed: seal_left_in_clear finishes it
    from reviewer.export.pades_validate import require_valid, validate_record

    try:
        if len(offered) <= len(on_file) or not offered.startswith(on_file):
            raise Refused(
                T(
                    "它不是在本机评审意见表之上追加签名得到的文件。",
                    "It is not the record kept on this computer with signatures added.",
                )
            )
        statuses = validate_record(offered, root)
        require_valid(statuses)
        if len(statuses) <= len(validate_record(on_file, root)):
            raise Refused(T("它没有新的签名。", "It carries no new signature."))
    except Exception as exc:  # whatever is wrong with the file, the sealed record stays
        raise Refused(
            T(
                "评审意见表文件夹中的 {path} 未被采用，本机加密保存的评审意见表保持不变，该文件留在原处：{why}",
                "{path} in the record's folder was not taken in; the record kept (sealed) on this computer "
                "is unchanged and the file was left where it is: {why}",
                path=str(record),
                why=str(exc),
            ),
            detail=getattr(exc, "detail", ""),
        ) from exc
    digest = hashlib.sha256(on_file).hexdigest()
    aside = folder / set_aside_name(digest, now or datetime.now(UTC), prefix="record-replaced")
    files.write(aside, on_file)
    files.write(kept, offered)
    return aside


def set_aside_name(digest: str, now: datetime, prefix: str = "record-set-aside") -> str:
    """The name a reopened (or replaced) record is kept under (sealed), beside the record: when, and
    which file."""
    return f"{prefix}-{now.strftime('%Y%m%dT%H%M%SZ')}-{digest[:12]}.pdf{SEALED_SUFFIX}"


def set_aside_record(
    files: SealedFiles,
    target: Path,
    kept: Path,
    digest: str,
    chair_store: ChairStore | None,
    *,
    package_id: str,
    by: Actor,
    discarded: Sequence[str],
    reason: str,
) -> Path:
    """Reopen the signed record (worker thread): the record that was shown (``digest``, the SHA-256 of
    the PDF) is kept sealed as ``kept`` — set aside, not deleted — the record removed and the reopening
    logged; if logging fails, the record goes back, so a reopening is either logged with its file kept
    or did not happen. (Sealed under its new name: the name is bound into the sealing.)"""
    if chair_store is None:
        raise Refused(
            T(
                "本机的组长数据库不可用，无法记录重新打开，因此未重新打开评审意见表。",
                "The chair's store on this computer is not available, so the reopening cannot be logged; "
                "the record was not reopened.",
            )
        )
    pdf = files.read(target)
    if hashlib.sha256(pdf).hexdigest() != digest:
        raise Refused(
            T(
                "磁盘上的评审意见表与界面显示的不同（可能已被其他程序修改），未重新打开。请关闭后重新打开评审包。",
                "The record on disk is not the one shown (another program may have changed it); it was "
                "not reopened. Close and open the package again.",
            )
        )
    files.write(kept, pdf)
    target.unlink()
    try:
        chair_store.log_reopened(
            package_id, by=by, discarded=discarded, reason=reason, sha256=digest, kept_at=str(kept)
        )
    except BaseException:
        files.write(target, pdf)
        kept.unlink(missing_ok=True)
        raise
    return kept


def save_record_copy(files: SealedFiles, kept: Path, shown: bytes, target: Path) -> Path:
    """Write the record kept sealed at ``kept`` in the clear at ``target`` (the chair's choice), byte
    for byte — every signature with it — when it is still the record shown (``shown``) (worker)."""
    pdf = files.read(kept)
    if pdf != shown:
        raise Refused(
            T(
                "磁盘上的评审意见表与界面显示的不同（可能已被其他程序修改），未保存副本。请关闭后重新打开评审包。",
                "The record on disk is not the one shown (another program may have changed it); no copy "
                "was saved. Close and open the package again.",
            )
        )
    return write_atomic(target, pdf)


def sign_return_notice(
    review: OpenedReview, state: PanelState, sheet: VerifiedSheet, codes: Sequence[str], reason: str
) -> tuple[bytes, str]:
    """A return notice for ``sheet``, signed by the chair (worker): its bytes, and how decisions name
    it (:func:`notice_digest`)."""
    data = return_notice.build_return_notice(review.identity, state.binding, sheet, codes, reason)
    return data, notice_digest(data)


def record_decisions(
    chair_store: ChairStore | None,
    package_id: str,
    decisions: PanelDecisions,
    *,
    action: str,
    subject: str = "",
    by: Actor,
    why: str = "",
    notice: tuple[Path, bytes] | None = None,
) -> OSError | None:
    """Log the chair's ``decisions`` (the whole state after one change) in the chair store (the write
    worker); nothing to log without a store.

    ``notice`` — a signed return notice and where the chair saves it — is written first under a name
    no expert's app reads (so a full disk refuses before anything is recorded), the decisions logged,
    and only then given its name: a signed notice exists only once it is recorded, and is removed when
    the store errs. Returned (not raised): the notice could not take its name after the decisions
    were recorded — the decisions stand, and the chair is told."""
    pending = None if notice is None else notice[0].with_name(f".{notice[0].name}.pending")
    try:
        if notice is not None and pending is not None:
            write_atomic(pending, notice[1])
        if chair_store is not None:
            chair_store.record_decisions(
                package_id, decisions, action=action, subject=subject, by=by, why=why
            )
        if notice is not None and pending is not None:
            try:
                os.replace(pending, notice[0])
            except OSError as exc:  # recorded, but the notice could not take its name
                return exc
        return None
    finally:
        if pending is not None:
            pending.unlink(missing_ok=True)


# --- the panel's votes -----------------------------------------------------------------------


@dataclass(frozen=True)
class VotesImported:
    """What :func:`import_statements` did: the state after it, one outcome per file, and whether
    the decisions changed (votes recorded, dissents taken from the statements)."""

    state: PanelState
    outcomes: tuple[VoteOutcome, ...]
    changed: bool

    @property
    def accepted(self) -> int:
        """The members' statements taken (motions are counted apart)."""
        return sum(1 for o in self.outcomes if o.accepted and o.member_fingerprint)

    @property
    def refused(self) -> int:
        return sum(1 for o in self.outcomes if not o.accepted)


def put_to_panel(
    identity: Identity,
    binding: PackageBinding,
    decisions: PanelDecisions,
    reconciliation: Reconciliation,
    target: Path,
    *,
    chair_store: ChairStore | None = None,
) -> Path:
    """The chair's motion (worker): the consensus changes of ``decisions`` (each with the aggregate
    ``reconciliation`` computed, its ground and rationale) and the draft opinion, signed and written
    to ``target`` (temporary name + rename) for the chair to send to every member; kept in the store."""
    data = build_motion(
        identity, binding, changes=motion_changes(decisions, reconciliation), opinion=decisions.opinion
    )
    path = write_atomic(target, data)
    if chair_store is not None:
        motion = open_motion(data, identity, binding, identity.trust_root())
        chair_store.record_vote(
            binding.package_id, "motion", motion.digest, identity.fingerprint, data, target.name,
            chair=identity.fingerprint,
        )  # fmt: skip
    return path


def import_statements(
    state: PanelState,
    paths: Sequence[Path],
    chair_store: ChairStore | None,
    *,
    motions: Sequence[Path] = (),
    by: Actor | None = None,
) -> VotesImported:
    """Verify the members' statements (and any motion files given) as the chair (worker), keep the
    accepted ones in the store and fill the decisions from them: the votes recorded, each member's
    dissent taken from their own statement; the new decisions logged (action ``replace``)."""
    offered_m = [(p.name, read_vote_file(p)) for p in motions]
    if chair_store is not None:  # the motions the chair put to the panel (put_to_panel kept them)
        offered_m = chair_store.vote_bytes(state.binding.package_id, "motion") + offered_m
    offered_s = [(p.name, read_vote_file(p)) for p in paths]
    before = state.decisions
    state, outcomes = state.import_votes(offered_m, offered_s)
    if chair_store is not None:
        package_id, chair = state.binding.package_id, state.binding.chair.cert_sha256
        for m in state.motions:
            chair_store.record_vote(package_id, "motion", m.digest, chair, m.data, chair=chair)
        sources = {o.digest: o.source for o in outcomes}
        for s in state.statements:
            chair_store.record_vote(
                package_id, "statement", s.digest, s.member.fingerprint, s.data, sources.get(s.digest, ""),
                chair=chair,
            )  # fmt: skip
        if state.decisions != before:
            who = by or Actor(state.binding.chair.name, chair, "chair")
            chair_store.record_decisions(
                package_id, state.decisions, action="replace", subject="statements", by=who
            )
    return VotesImported(state, outcomes, state.decisions != before)


def restore_votes(state: PanelState, chair_store: ChairStore) -> PanelState:
    """The motions and statements the store kept, verified again and applied (worker)."""
    package_id = state.binding.package_id
    state, _ = state.import_votes(
        chair_store.vote_bytes(package_id, "motion"), chair_store.vote_bytes(package_id, "statement")
    )
    return state


def read_vote_file(path: Path) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read(fmt.MAX_FILE + 1)
    except OSError as exc:
        raise Refused(T("无法读取 {p}。", "Cannot read {p}.", p=str(path)), detail=str(exc)) from exc

"""The panel's outputs, one core for the chair's window and the command line: the record PDF to
co-sign, each member's co-signature, the chair's closing signature, the result bundle.

    pdf = record_for(package, chair, binding, sheets, reconciliation, decisions)   # unsigned
    path, kept = write_record(folder / RECORD, pdf)     # an identical record being signed is kept
    pdf, field = cosign(pdf, member)                    # a member, into their own field
    pdf, signed_now = close_record(pdf, chair)          # the chair last: the record is closed
    closed = close_stating(pdf, chair, binding, refusals=[…], not_signed=[…])  # stating who did not sign
    data = result_bundle(chair, package, sheets=…, decisions=…, reconciliation=…, record_pdf=pdf)

The order of signing is ``docs/bundle-format.md`` §2; the rules are :mod:`reviewer.export.pades`'s
(a field signed once, by its own certificate, members first, the chair last) and the bundle's checks
are :mod:`reviewer.export.bundle_checks`'s. Every function checks the signatures already in the
record against the signer's pinned ministry root first: nobody signs a damaged record.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from cryptography import x509

from reviewer.errors import Refused, UsageError
from reviewer.export.bundle import build_bundle
from reviewer.export.closing import Closing, NotSigned, build_closing
from reviewer.export.pades import RecordField, find_field, record_fields, sign_record
from reviewer.export.pades_validate import SignatureStatus, require_valid, validate_record
from reviewer.export.panel_record import panel_record_input
from reviewer.export.record import build_record_pdf
from reviewer.export.record_input import RECORD as RECORD
from reviewer.export.record_input import MemberRole
from reviewer.i18n import T
from reviewer.packages import open_package
from reviewer.scoring.decisions import PanelDecisions
from reviewer.scoring.motion import Motion
from reviewer.scoring.result import Reconciliation
from reviewer.scoring.sheet_binding import PackageBinding
from reviewer.scoring.sheet_types import VerifiedSheet
from reviewer.scoring.statement import Statement
from reviewer.scoring.votes import check_aggregates
from reviewer.trust.files import write_atomic
from reviewer.trust.identity import Identity


def record_for(
    package: Path,
    identity: Identity,
    binding: PackageBinding,
    sheets: Sequence[VerifiedSheet],
    reconciliation: Reconciliation,
    decisions: PanelDecisions,
    motions: Sequence[Motion] = (),
) -> bytes:
    """The unsigned record (reproducible bytes); InvalidInput when the opinion or the visit is missing,
    ChangeNotAdopted for a change without the approvals, MotionMisstated when a change was voted on
    an aggregate the sheets no longer give (before anyone signs, not when the result file is built)."""
    with open_package(package, identity) as opened:
        candidate = opened.candidate()
    record = panel_record_input(binding, candidate, sheets, reconciliation, decisions)
    check_aggregates(decisions, motions, reconciliation)
    return build_record_pdf(record)


def write_record(target: Path, pdf: bytes) -> tuple[Path, bool]:
    """Write ``pdf`` to ``target`` (temporary file + rename); ``(path, kept)``: a record already
    there that is this record with signatures appended is kept as it is (its signatures stay)."""
    if target.exists() and target.read_bytes().startswith(pdf):
        return target, True
    return write_atomic(target, pdf), False


def cosign(
    pdf: bytes, identity: Identity, field_name: str | None = None, *, members_only: bool = False
) -> tuple[bytes, RecordField]:
    """``identity`` signs into its own field (or ``field_name``) in the field's role;
    ``members_only``: the chair is refused here (the chair closes with :func:`close_record`)."""
    require_valid(validate_record(pdf, identity.trust_root()))  # never co-sign a damaged record
    if field_name:
        target = next((f for f in record_fields(pdf) if f.name == field_name), None)
        if target is None:
            raise UsageError(
                T("没有名为“{f}”的签名栏。", "There is no signature field named “{f}”.", f=field_name)
            )
    else:
        target = find_field(pdf, identity)
    role = target.info.role if target.info else MemberRole.EXPERT
    if members_only and role is MemberRole.CHAIR:
        raise Refused(
            T(
                "这是组长的签名栏：组长在全体成员签署后以“签署并封闭”最后签署。",
                "This is the chair's field: the chair signs last, with “Sign and close”, once every member "
                "has signed.",
            )
        )
    return sign_record(pdf, target.name, identity, role), target


def close_record(pdf: bytes, chair: Identity) -> tuple[bytes, bool]:
    """The chair signs last (unless the chair already has); every field must then be signed and
    every signature valid under the chair's pinned root. ``(pdf, signed_now)``."""
    root = chair.trust_root()
    require_valid(validate_record(pdf, root))
    mine = find_field(pdf, chair)
    signed_now = not mine.signed
    if signed_now:
        pdf = sign_record(pdf, mine.name, chair, MemberRole.CHAIR)
    require_valid(validate_record(pdf, root), complete=record_fields(pdf))
    return pdf, signed_now


@dataclass(frozen=True)
class Closed:
    """The record closed by the chair, and the closing facts its closing signature names."""

    pdf: bytes
    signed_now: bool
    closing: bytes  # closing.json (canonical; its ``unsigned`` empty when every member signed)
    facts: Closing


def close_stating(
    pdf: bytes,
    chair: Identity,
    binding: PackageBinding,
    *,
    refusals: Sequence[Statement] = (),
    not_signed: Sequence[NotSigned] = (),
) -> Closed:
    """The chair signs last, stating in the closing signature each member who did not sign: a
    member's ``refusals`` (verified refusal statements bound to this record) or the chair's
    ``not_signed`` records (deemed to agree). Refused (:class:`ClosingIncomplete`) while a member's
    field is empty and neither covers it. A record the chair has already signed is refused here
    (its closing facts are those it was closed with: keep its ``closing.json``)."""
    root = chair.trust_root()
    require_valid(validate_record(pdf, root))
    mine = find_field(pdf, chair)
    if mine.signed:
        raise Refused(T("组长已签署并封闭本意见表。", "The chair has already signed and closed this record."))
    facts = build_closing(pdf, binding, refusals=refusals, not_signed=not_signed)
    closing = facts.to_json()
    names = {m.cert_sha256: m.name for m in binding.roster}
    pdf = sign_record(
        pdf,
        mine.name,
        chair,
        MemberRole.CHAIR,
        unsigned=facts.lines(names),
        closing_sha256=facts.sha256 if facts.unsigned else None,
    )
    stated = {u.expert[:16] for u in facts.unsigned}
    complete = [f for f in record_fields(pdf) if not (f.info and f.info.fingerprint_prefix in stated)]
    require_valid(validate_record(pdf, root), complete=complete)
    return Closed(pdf, True, closing, facts)


def result_bundle(
    chair: Identity,
    package: Path,
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
    """The ``.rvresult`` for the ministry: checked as the ministry will, signed by the chair."""
    with open_package(package, chair) as opened:
        return build_bundle(
            chair,
            opened,
            sheets=sheets,
            decisions=decisions,
            reconciliation=reconciliation,
            record_pdf=record_pdf,
            result_version=result_version,
            motions=motions,
            statements=statements,
            now=now,
            closing=closing,
        )


@dataclass(frozen=True)
class Signer:
    """One signature field of the record and, once signed, its signature as validated."""

    field: RecordField
    status: SignatureStatus | None  # None: not signed yet

    @property
    def role(self) -> MemberRole | None:
        return self.field.info.role if self.field.info else None


def signers(pdf: bytes, root: x509.Certificate) -> list[Signer]:
    """Every field of the record in signing order, with its validated signature if it has one."""
    statuses = {s.field: s for s in validate_record(pdf, root)}
    return [Signer(f, statuses.get(f.name)) for f in record_fields(pdf)]

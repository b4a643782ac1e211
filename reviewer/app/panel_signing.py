"""Members who do not sign the record, on the chair's laptop (worker thread).

    facts = closing_state(pdf, chair, binding, chair_store)          # who refused, who is recorded
    s = refuse_here(pdf, folder, source, package=path, chair=chair, binding=binding,
                    chair_store=store, reason="…")                    # a member refuses, in turn

The chair's store keeps the refusals received and the chair's not-signed records
(:mod:`reviewer.app.chair_record`: :func:`~reviewer.app.chair_record.import_refusals`,
:func:`~reviewer.app.chair_record.record_not_signed`, :func:`~reviewer.app.chair_record.closing_inputs`).
This module adds what the record page needs beside them: the facts as the page shows them (only
the refusals bound to the record on file count), and a member's refusal made on this laptop with
their own identity, as they co-sign (:func:`reviewer.export.closing.refusal_for`, then kept in the
store exactly as an imported one).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reviewer.models.chair import ChairStore
    from reviewer.scoring.decisions import Actor
    from reviewer.scoring.sheet_binding import PackageBinding
    from reviewer.scoring.statement import Statement
    from reviewer.trust import Identity, PassphraseSource


@dataclass(frozen=True)
class Refused:
    """A member's refusal to sign the record on file, as received and verified."""

    name: str
    reason: str
    digest: str
    created: str  # ISO 8601 UTC, when the member signed it


@dataclass(frozen=True)
class ClosingState:
    """Who did not sign, by certificate SHA-256: refusals bound to the record on file, and the
    members the chair recorded as not signing (deemed to agree), with when."""

    refused: dict[str, Refused] = field(default_factory=dict)
    not_signed: dict[str, datetime] = field(default_factory=dict)

    def times(self) -> dict[str, datetime | str]:
        """Certificate prefix → when the member refused (signed the refusal) or was recorded."""
        out: dict[str, datetime | str] = {fp[:16]: at for fp, at in self.not_signed.items()}
        out.update({fp[:16]: r.created for fp, r in self.refused.items()})
        return out

    def by_prefix(self) -> dict[str, str]:
        """Certificate prefix (16 hex, as the record's fields name members) → ``refused`` | ``not-signed``."""
        out = {fp[:16]: "not-signed" for fp in self.not_signed}
        out.update({fp[:16]: "refused" for fp in self.refused})  # a refusal prevails
        return out


def closing_state(
    pdf: bytes, chair: Identity, binding: PackageBinding, chair_store: ChairStore | None
) -> ClosingState:
    """The facts the chair's closing would state now, from the store."""
    from reviewer.app.chair_record import closing_inputs

    if chair_store is None:
        return ClosingState()
    refusals, marks = closing_inputs(pdf, chair, binding, chair_store)
    refused = {
        s.member.fingerprint: Refused(s.member.name, s.refusal.reason, s.digest, s.created)
        for s in refusals
        if s.refusal is not None
    }
    from reviewer.trust import clock

    return ClosingState(refused, {m.expert: clock.parse_iso(m.recorded_at) for m in marks})


def withdraw_all_not_signed(chair_store: ChairStore | None, package_id: str, by: Actor) -> list[str]:
    """After the record is reopened: the chair's not-signed records were about the record set aside;
    each is withdrawn (logged), so the record made again starts with every member to sign. Returns
    the members withdrawn."""
    if chair_store is None:
        return []
    marked = list(chair_store.not_signed(package_id))
    for expert in marked:
        chair_store.withdraw_not_signed(package_id, expert, by=by)
    return marked


def refuse_here(
    pdf: bytes,
    folder: Path,
    source: PassphraseSource,
    *,
    package: Path,
    chair: Identity,
    binding: PackageBinding,
    chair_store: ChairStore,
    reason: str,
) -> Statement:
    """A member (identity ``folder``, unlocked through ``source``) refuses to sign ``pdf`` with
    written ``reason``: their signed refusal statement, verified as the chair reads it and kept in
    the chair's store. Refused when the member has signed, is the chair, or is not on the panel."""
    from reviewer.export.closing import refusal_for
    from reviewer.packages import open_package
    from reviewer.scoring.statement import open_statement
    from reviewer.trust import load_identity

    member = load_identity(folder, source)
    with open_package(package, member) as opened:
        data = refusal_for(pdf, member, opened, reason=reason)
    statement = open_statement(data, chair, binding, chair.trust_root())
    chair_store.record_refusal(
        binding.package_id,
        expert=statement.member.fingerprint,
        digest=statement.digest,
        data=statement.data,
        chair=chair.fingerprint,
    )
    return statement

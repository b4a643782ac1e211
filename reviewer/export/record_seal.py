"""Signed means frozen: what a signature on the review record fixes, and the one way to undo it.

A member signs the record that names the SHA-256 of the reconciliation and of the chair's decisions
it was made from (``docs/record-format.md``). Any later change to those decisions — a consensus
score, an explanation, a return notice, the opinion, a dissent, the visit — or to the sheets held
would leave every signature on a record that no longer matches, so while a signature stands on a
record that is current, nothing that feeds it may change::

    seal = read_seal(pdf, reconciliation.to_json(), decisions.to_json())    # pyHanko: a worker
    seal = RecordSeal.of(fields, current=...)                               # from fields already read
    seal.require_open()              # RecordFrozen, naming who signed, before any change
    seal.can_reopen                  # before the chair closes: reopening discards ``seal.signed``

The chair's window checks the seal of the record it holds before every decision and every import
(:class:`~reviewer.ui.panels.chair_panel.ChairPanel`; an import checks again with :func:`read_seal`
just before it keeps any sheet), and disables the editors with the reason;
``reviewer panel reconcile`` refuses to write other sheets or decisions over a signed record in its
``--out`` folder (:func:`reviewer.cli.panel_close.require_record_open`).
Reopening (before closing only) sets the signed file aside, logs whose signatures were discarded and
why (:meth:`reviewer.models.chair.ChairStore.log_reopened`), and only then frees the decisions. The
chair's signature closes the record for good: nothing reopens it, and a corrected result is a new
result version made from the same record.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reviewer.errors import Refused
from reviewer.export.record_input import DECISIONS_KEY, RECONCILIATION_KEY, MemberRole
from reviewer.i18n import T

if TYPE_CHECKING:  # the PDF stack (pyHanko) is imported where the fields are read: on a worker
    from reviewer.export.pades import RecordField


class RecordFrozen(Refused):
    """A change refused because a signature on the record on file fixes what it was made from."""


def wanted_bindings(reconciliation_json: bytes, decisions_json: bytes) -> dict[str, str]:
    """What a record made from these canonical files names (as :func:`record_bindings` reads it)."""
    return {
        RECONCILIATION_KEY: hashlib.sha256(reconciliation_json).hexdigest(),
        DECISIONS_KEY: hashlib.sha256(decisions_json).hexdigest(),
    }


@dataclass(frozen=True)
class RecordSeal:
    """What the record on file says about changing what it was made from."""

    signed: tuple[str, ...] = ()  # the signed fields' readable names (姓名（角色）), in signing order
    closed: bool = False  # the chair has signed: final
    current: bool = False  # made from the reconciliation and decisions held now

    @classmethod
    def of(cls, fields: Sequence[RecordField], *, current: bool) -> RecordSeal:
        signed = tuple(f.label or f.name for f in fields if f.signed)
        closed = any(f.signed and f.info is not None and f.info.role is MemberRole.CHAIR for f in fields)
        return cls(signed, closed, current)

    @property
    def frozen(self) -> bool:
        """Nothing that feeds the record may change: it is signed and current, or closed."""
        return bool(self.signed) and (self.current or self.closed)

    @property
    def can_reopen(self) -> bool:
        """Signatures that a reopening would discard, and no closing signature yet."""
        return bool(self.signed) and not self.closed

    def require_open(self) -> None:
        """Raise :class:`RecordFrozen` when a change would void a signature that stands."""
        if self.closed:
            raise RecordFrozen(
                T(
                    "评审意见表已由组长签署封闭，其依据的决定和评分表不能再修改，也不能重新打开。"
                    "如需更正结果文件，请以更高的结果版本重新生成。",
                    "The record is closed (the chair signed last): what it was made from cannot change "
                    "and the record cannot be reopened. To correct the result file, produce it again "
                    "with a higher result version.",
                )
            )
        if self.frozen:
            raise RecordFrozen(
                T(
                    "评审意见表已由{names}签署，其依据的决定和评分表已冻结。如需修改，请先在“评审意见表与"
                    "结果文件”页重新打开评审意见表（这些签名将作废，须重新签署）。",
                    "The record has been signed by {names}: what it was made from is frozen. To change "
                    "it, first reopen the record on the “Review record and result file” page (these "
                    "signatures are then discarded and must be given again).",
                    names="、".join(self.signed),
                )
            )


def read_seal(pdf: bytes | None, reconciliation_json: bytes | None, decisions_json: bytes) -> RecordSeal:
    """The seal of the record ``pdf`` (None: no record yet) against the files held now (pyHanko reads
    the fields: run it off the GUI thread)."""
    if pdf is None:
        return RecordSeal()
    from reviewer.export.bundle_checks import record_bindings
    from reviewer.export.pades import record_fields

    current = reconciliation_json is not None and record_bindings(pdf) == wanted_bindings(
        reconciliation_json, decisions_json
    )
    return RecordSeal.of(record_fields(pdf), current=current)

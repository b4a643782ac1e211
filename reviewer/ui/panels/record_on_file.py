"""What the review record on file says, against what the chair holds now: whether it was made from
the reconciliation and decisions held (``current``), who has signed it, whether the chair closed
it, and so its :class:`~reviewer.export.record_seal.RecordSeal` (signed means frozen).

:class:`RecordOnFile` is the part of :class:`~reviewer.ui.panels.chair_record.RecordPage` that
answers these questions from what the page holds (the record's bytes and its validated fields);
Qt-free, it changes nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from reviewer.export.record_input import RECORD, MemberRole
from reviewer.export.record_seal import RecordSeal, wanted_bindings
from reviewer.models.sealed_files import sealed_name
from reviewer.scoring.decisions import Actor

if TYPE_CHECKING:  # the PDF stack stays on the workers: the record's fields arrive read
    from reviewer.app.opening import OpenedReview
    from reviewer.export.panel_outputs import Signer
    from reviewer.scoring.panel import PanelState
    from reviewer.scoring.result import Reconciliation


class RecordOnFile:
    """The answers about the record on file (a mix-in: the page holds what is declared here)."""

    review: OpenedReview
    folder: Path  # where the record is kept (sealed)
    state: PanelState | None
    reconciliation: Reconciliation | None
    pdf: bytes | None  # the record on file (None: there is none)
    signers: list[Signer]  # its fields, signatures validated
    _bindings_read: dict[str, str]  # the SHA-256 the record on file names (read with it, on a worker)

    @property
    def path(self) -> Path:
        """Where the record is kept, sealed under the chair's store key (``record.pdf.rvsealed``)."""
        return sealed_name(self.folder / RECORD)

    def _wanted(self) -> dict[str, str] | None:
        if self.state is None or self.reconciliation is None:
            return None
        return wanted_bindings(self.reconciliation.to_json(), self.state.decisions.to_json())

    @property
    def current(self) -> bool:
        """The record on file was made from the reconciliation and decisions now held."""
        wanted = self._wanted()
        return self.pdf is not None and wanted is not None and self._bindings_read == wanted

    @property
    def signed_count(self) -> int:
        return sum(s.field.signed for s in self.signers)

    def _members(self) -> list[Signer]:
        return [s for s in self.signers if s.role is MemberRole.EXPERT]

    @property
    def chair_signed(self) -> bool:
        return any(s.role is MemberRole.CHAIR and s.field.signed for s in self.signers)

    @property
    def seal(self) -> RecordSeal:
        """What the record on file fixes (:mod:`reviewer.export.record_seal`)."""
        if self.pdf is None:
            return RecordSeal()
        return RecordSeal.of([s.field for s in self.signers], current=self.current)

    @property
    def actor(self) -> Actor:
        identity = self.review.identity
        return Actor(identity.name, identity.fingerprint, "chair")

    @property
    def package_id(self) -> str:
        return self.review.manifest.package_id

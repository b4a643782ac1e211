"""The chair panel's slow work, Qt-free on purpose (it runs on a worker thread through
:class:`~reviewer.ui.tasks.Task` and is testable without widgets): bind to the verified package and
restore what the chair store kept, import sheets and keep the accepted ones, name a return notice.
The rules themselves are the core's (:mod:`reviewer.scoring.panel`, :mod:`reviewer.models.chair`).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reviewer.i18n import T
from reviewer.models.chair import ChairStore
from reviewer.packages.reader import verify_package
from reviewer.scoring import return_notice
from reviewer.scoring import sheet_format as fmt
from reviewer.scoring.panel import PanelState, SheetOutcome
from reviewer.scoring.sheet import read_sheet_bytes
from reviewer.scoring.sheet_binding import PackageBinding
from reviewer.ui.panels.package_loading import OpenedReview


def bind_review(review: OpenedReview, chair_store: ChairStore | None = None) -> PanelState:
    """The chair's state for an opened package (worker thread): the package verified, and what the
    chair store kept — the stored sheets verified again (the database vouches for no signature),
    the newest decisions checked against the package."""
    view = verify_package(review.path, review.identity.trust_root())
    state = PanelState.start(PackageBinding.of_view(view, review.standard), review.identity)
    if chair_store is None:
        return state
    package_id = state.binding.package_id
    state, _ = state.import_sheets(chair_store.sheet_bytes(package_id))
    decisions = chair_store.decisions(package_id)
    return state if decisions is None else state.with_decisions(decisions)


def import_and_keep(
    state: PanelState, paths: Sequence[Path], chair_store: ChairStore | None
) -> tuple[PanelState, tuple[SheetOutcome, ...]]:
    """Verify and collect ``paths`` (worker thread); keep every accepted sheet in the chair store."""
    state, outcomes = state.import_sheets(read_sheets(paths))
    if chair_store is not None:
        for o in outcomes:
            if o.accepted and o.sheet is not None:
                chair_store.record_sheet(state.binding.package_id, o.sheet, o.source)
    return state, outcomes


def notice_digest(data: bytes) -> str:
    """How decisions name a return notice: the SHA-256 of its signed header (as for sheets)."""
    not_notice = T("该文件不是退回更正通知（.rvreturn）。", "This file is not a return notice (.rvreturn).")
    return fmt.read_envelope(data, return_notice.MIMETYPE, return_notice.FORMAT, not_notice).digest


def read_sheets(paths: Sequence[Path]) -> list[tuple[str, bytes]]:
    return [(Path(p).name, read_sheet_bytes(p)) for p in paths]

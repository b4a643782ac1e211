"""Plug the declarations and finalise pages into an expert's review workspace.

    attach_expert_pages(workspace, opened)      # after workspace_for(store, opened)

Declarations come first: on a review whose declarations are not made yet, the workspace opens
on them; once both are stored it moves to scoring. A declared conflict's "Sign the recusal sheet"
goes to the finalise step, which signs whichever sheet is due. A missing item clicked in the
finalise step jumps to its indicator (scoring), its yes/no or eligibility item (checks) or the
declarations. The finalise step (and the signing stack under it) is built when it is first shown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject

from reviewer.app.opening import OpenedReview
from reviewer.scoring.workbench_types import Conflict, ReviewState
from reviewer.ui.panels.declarations_page import DeclarationsPage
from reviewer.ui.panels.review_workspace import ReviewWorkspace
from reviewer.ui.tasks import Executor

if TYPE_CHECKING:
    from reviewer.app.finalise import Finalised, SheetArchive
    from reviewer.ui.panels.finalise_page import FinalisePage
    from reviewer.ui.panels.motion_page import MotionPage


def attach_expert_pages(
    workspace: ReviewWorkspace,
    opened: OpenedReview,
    *,
    archive: SheetArchive | Callable[[], SheetArchive] | None = None,
    executor: Executor | None = None,
    on_finalised: Callable[[Finalised], object] | None = None,
) -> DeclarationsPage:
    """``archive``: where signed sheets go (or a function giving it, called when the finalise step is built);
    ``on_finalised``: called with each sheet signed (the chair's panel counts the chair's own)."""
    declarations = DeclarationsPage(workspace, workspace.state)
    workspace.add_page("declarations", declarations, lambda: declarations.tr("Declarations"))

    def jump(code: str) -> None:
        standard = workspace.standard
        if code in ("conflict", "pledge", ""):
            workspace.show_page("declarations")
        elif standard.has_criterion(code):
            workspace.show_page("scoring")
            workspace.scoring.select_code(code)
        else:
            workspace.show_page("checks")

    def finalise_page() -> FinalisePage:
        from reviewer.ui.panels.finalise_page import FinalisePage

        sheets = archive() if callable(archive) else archive
        page = FinalisePage(workspace, opened, archive=sheets, executor=executor)
        page.jump_requested.connect(jump)
        if on_finalised is not None:
            page.finalised.connect(on_finalised)
        return page

    def recusal() -> None:
        workspace.show_page("finalise")
        page = workspace.finalise_page
        assert page is not None  # show_page("finalise") has built it
        page.sign()

    workspace.add_page(
        "finalise", finalise_page, lambda: QCoreApplication.translate("FinalisePage", "Finalise and sign")
    )
    declarations.recusal_requested.connect(recusal)
    if not opened.is_chair:  # the chair's motion is the chair's approval: members answer it
        workspace.add_page(
            "motion", lambda: _motion_page(workspace, opened, archive, executor), _motion_title
        )

    def declared(state: ReviewState) -> None:  # on to the work, the keyboard with it (not the page list)
        workspace.show_page("finalise" if state.declaration.conflict is Conflict.DECLARED else "scoring")
        workspace.focus_work()

    declarations.completed.connect(declared)
    workspace.state_changed.connect(lambda state: _follow(declarations, state))
    if not workspace.state.declaration.complete:
        workspace.show_page("declarations")
    return declarations


def _motion_title() -> str:
    return QCoreApplication.translate("MotionPage", "Panel vote")


def _motion_page(
    workspace: ReviewWorkspace,
    opened: OpenedReview,
    archive: SheetArchive | Callable[[], SheetArchive] | None,
    executor: Executor | None,
) -> MotionPage:
    from reviewer.ui.panels.motion_page import MotionPage

    sheets = archive() if callable(archive) else archive
    page = MotionPage(
        opened,
        archive=sheets,
        executor=executor,
        recused=lambda: workspace.state.declaration.conflict is Conflict.DECLARED,
    )
    workspace.state_changed.connect(page.show_state)
    return page


def _follow(page: QObject, state: ReviewState) -> None:
    if isinstance(page, DeclarationsPage) and state is not page.state:
        page.show_state(state)

"""Plug the declarations and finalise pages into an expert's review workspace.

    attach_expert_pages(workspace, opened)      # after workspace_for(store, opened)

Declarations come first: on a review whose declarations are not made yet, the workspace opens
on them; once both are stored it moves to scoring. A declared conflict's "Sign the recusal sheet"
goes to the finalise step, which signs whichever sheet is due. A missing item clicked in the
finalise step jumps to its indicator (scoring), its yes/no or eligibility item (checks) or the
declarations.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from reviewer.models.workbench_types import Conflict
from reviewer.scoring.finalise import SheetArchive
from reviewer.ui.panels.declarations_page import DeclarationsPage
from reviewer.ui.panels.finalise_page import FinalisePage
from reviewer.ui.panels.package_loading import OpenedReview
from reviewer.ui.panels.review_workspace import ReviewWorkspace
from reviewer.ui.tasks import Executor


def attach_expert_pages(
    workspace: ReviewWorkspace,
    opened: OpenedReview,
    *,
    archive: SheetArchive | None = None,
    executor: Executor | None = None,
) -> tuple[DeclarationsPage, FinalisePage]:
    declarations = DeclarationsPage(workspace.writer, workspace.state)
    finalise = FinalisePage(
        workspace.writer, opened, archive=archive, executor=executor, state=workspace.state
    )
    workspace.add_page("declarations", declarations, lambda: declarations.tr("Declarations"))
    workspace.add_page("finalise", finalise, lambda: finalise.tr("Finalise and sign"))
    workspace.declarations_page, workspace.finalise_page = declarations, finalise  # type: ignore[attr-defined]

    def jump(code: str) -> None:
        standard = workspace.standard
        if code in ("conflict", "pledge", ""):
            workspace.show_page("declarations")
        elif standard.has_criterion(code):
            workspace.show_page("scoring")
            workspace.scoring.select_code(code)
        else:
            workspace.show_page("checks")

    def recusal() -> None:
        workspace.show_page("finalise")
        finalise.sign()

    finalise.jump_requested.connect(jump)
    finalise.state_changed.connect(lambda _state: workspace.refresh())
    declarations.recusal_requested.connect(recusal)
    declarations.completed.connect(
        lambda state: workspace.show_page(
            "finalise" if state.declaration.conflict is Conflict.DECLARED else "scoring"
        )
    )
    workspace.state_changed.connect(lambda state: _follow(declarations, state))
    if not workspace.state.declaration.complete:
        workspace.show_page("declarations")
    return declarations, finalise


def _follow(page: QObject, state: object) -> None:
    if isinstance(page, DeclarationsPage) and state is not page.state:
        page.show_state(state)  # type: ignore[arg-type]

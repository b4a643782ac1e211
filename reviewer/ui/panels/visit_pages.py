"""Plug the materials viewer and site-visit mode into an expert's review workspace.

    attach_visit_pages(workspace, opened)       # after workspace_for(store, opened)

The viewer cites the page on screen for the indicator selected in the scoring view, through the
workspace; an evidence link clicked in the score editor opens the viewer on that page.
An indicator clicked in site-visit mode is selected in the scoring view (or the checks page for a
yes/no item). Both pages are built when they are first shown (``workspace.materials_viewer``,
``workspace.site_visit``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from reviewer.app.opening import OpenedReview
from reviewer.scoring.workbench_types import ReviewState
from reviewer.ui.panels.review_workspace import ReviewWorkspace
from reviewer.ui.tasks import Executor

if TYPE_CHECKING:
    from reviewer.ui.panels.materials_viewer import MaterialsViewer
    from reviewer.ui.panels.site_visit_panel import SiteVisitPanel


def attach_visit_pages(
    workspace: ReviewWorkspace, opened: OpenedReview, *, executor: Executor | None = None
) -> None:
    def materials_viewer() -> MaterialsViewer:
        from reviewer.ui.panels.materials_viewer import MaterialsViewer

        viewer = MaterialsViewer(executor=executor)
        viewer.set_review(opened)
        viewer.set_citation(lambda: workspace.scoring.current_code, workspace)
        workspace.scoring.selected.connect(lambda _code: viewer.update_controls())  # "Cite … for 1.4"
        box = workspace.scoring.editor.evidence_box  # a material read: its page box knows its length
        viewer.material_shown.connect(lambda name: box.set_page_count(name, viewer.page_count))
        return viewer

    def select(code: str) -> None:
        if workspace.standard.has_criterion(code):
            workspace.show_page("scoring")
            workspace.scoring.select_code(code)
        else:
            workspace.show_page("checks")

    def site_visit() -> SiteVisitPanel:
        from reviewer.ui.panels.site_visit_panel import SiteVisitPanel

        site = SiteVisitPanel()
        site.set_review(workspace)

        def follow(state: ReviewState) -> None:
            if state is not site.state:
                site.show_state(state)

        workspace.state_changed.connect(follow)
        site.indicator_requested.connect(select)
        return site

    def open_evidence(material: str, page: int) -> None:
        workspace.show_page("materials")
        viewer = workspace.materials_viewer
        assert viewer is not None  # show_page("materials") has built it
        viewer.open_material(material, page)

    workspace.add_page(
        "materials", materials_viewer, lambda: QCoreApplication.translate("MaterialsViewer", "Materials")
    )
    workspace.add_page(
        "site_visit", site_visit, lambda: QCoreApplication.translate("SiteVisitPanel", "Site visit")
    )
    workspace.evidence_activated.connect(open_evidence)

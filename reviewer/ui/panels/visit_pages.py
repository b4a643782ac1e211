"""Plug the materials viewer and site-visit mode into an expert's review workspace.

    attach_visit_pages(workspace, opened)       # after workspace_for(store, opened)

The viewer cites the page on screen for the indicator selected in the scoring view, through the
workspace's writer; an evidence link clicked in the score editor opens the viewer on that page.
An indicator clicked in site-visit mode is selected in the scoring view (or the checks page for a
yes/no item).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from reviewer.models.workbench_types import ReviewState
from reviewer.ui.panels.materials_viewer import MaterialsViewer
from reviewer.ui.panels.package_loading import OpenedReview
from reviewer.ui.panels.review_workspace import ReviewWorkspace
from reviewer.ui.panels.site_visit_panel import SiteVisitPanel
from reviewer.ui.tasks import Executor


def attach_visit_pages(
    workspace: ReviewWorkspace, opened: OpenedReview, *, executor: Executor | None = None
) -> tuple[MaterialsViewer, SiteVisitPanel]:
    viewer = MaterialsViewer(executor=executor)
    viewer.set_review(opened)
    viewer.set_citation(lambda: workspace.scoring.current_code, workspace.writer)
    site = SiteVisitPanel()
    site.set_review(workspace.writer, workspace.state)
    workspace.add_page(
        "materials", viewer, lambda: QCoreApplication.translate("MaterialsViewer", "Materials")
    )
    workspace.add_page("site_visit", site, lambda: QCoreApplication.translate("SiteVisitPanel", "Site visit"))
    workspace.materials_viewer, workspace.site_visit = viewer, site  # type: ignore[attr-defined]

    def open_evidence(material: str, page: int) -> None:
        workspace.show_page("materials")
        viewer.show(material, page)

    def select(code: str) -> None:
        if workspace.standard.has_criterion(code):
            workspace.show_page("scoring")
            workspace.scoring.select_code(code)
        else:
            workspace.show_page("checks")

    def follow(state: ReviewState) -> None:
        if state is not site.state:  # a refresh that did not come through the writer
            site.show_state(state)

    workspace.evidence_activated.connect(open_evidence)
    workspace.state_changed.connect(follow)
    site.indicator_requested.connect(select)
    return viewer, site

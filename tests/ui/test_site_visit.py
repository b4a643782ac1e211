"""Site-visit mode: the checklist from the standard, ticks and time-stamped notes kept by the workbench."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from reviewer.models.store import Store
from reviewer.models.workbench import Workbench
from reviewer.scoring.workbench_types import Conflict
from reviewer.standards import load_standard
from reviewer.standards.model import EvidenceMethod
from reviewer.ui import labels
from reviewer.ui.panels.review_workspace import ReviewWorkspace
from reviewer.ui.panels.site_visit_panel import SiteVisitPanel
from reviewer.ui.tasks import ImmediateExecutor

pytestmark = pytest.mark.usefixtures("english_ui")  # the English wording, whatever an earlier test left

INSPECTED = [
    "1.2",
    "1.4",
    "2.2",
    "4.2",
    "5.1",
    "5.2",
    "6.1",
    "V1",
]  # 实地考察: leaves, then the veto 材料真实性


@pytest.fixture
def workspace(qtbot, data_dir, park_standard_path) -> Iterator[ReviewWorkspace]:
    standard = load_standard(park_standard_path)
    with Store.open() as store:
        bench = Workbench(store)
        review = bench.open_review("pkg-1", "ab" * 32, package_path=data_dir / "p.rvpkg", standard=standard)
        bench.declare(review, Conflict.NONE)
        bench.accept_pledge(review)
        w = ReviewWorkspace(bench, review, state=bench.snapshot(review), executor=ImmediateExecutor())
        qtbot.addWidget(w)
        yield w
        w.close_writer()


@pytest.fixture
def panel(qtbot, workspace) -> SiteVisitPanel:
    widget = SiteVisitPanel()
    qtbot.addWidget(widget)
    widget.set_review(workspace)
    workspace.state_changed.connect(widget.show_state)  # as attach_visit_pages wires it
    return widget


def listed(widget) -> list[str]:
    return [widget.item(i).data(Qt.ItemDataRole.UserRole) for i in range(widget.count())]


def item_with(widget, code: str):
    return next(
        widget.item(i) for i in range(widget.count()) if widget.item(i).data(Qt.ItemDataRole.UserRole) == code
    )


def test_site_inspection_lists_the_indicators_of_the_standard(panel) -> None:
    assert panel.activities.count() == 5 and panel.activity is EvidenceMethod.DOCUMENT_REVIEW
    panel.select_activity(EvidenceMethod.SITE_INSPECTION)
    assert panel.heading.text() == "Site inspection"
    assert listed(panel.indicators) == INSPECTED
    assert panel.indicators.item(0).text() == "1.2  Enterprise clustering"
    assert panel.activities.item(1).text() == "Site inspection · 8 indicators · 0 notes"
    panel.select_activity(EvidenceMethod.THEMED_FORUM)
    assert listed(panel.indicators) == ["3.2", "4.2", "5.1", "5.3"]
    # 汇报、质询答辩: listed, translated; the sample standard cites it for no indicator
    assert panel.activities.item(4).text() == "Presentation and questioning · 0 indicators · 0 notes"
    panel.select_activity(EvidenceMethod.PRESENTATION_QUESTIONING)
    assert panel.heading.text() == "Presentation and questioning" and listed(panel.indicators) == []


def test_a_note_is_stored_with_its_time_and_links(panel, workspace, qtbot) -> None:
    panel.select_activity(EvidenceMethod.SITE_INSPECTION)
    for code in ("2.2", "5.1"):
        item_with(panel.indicators, code).setCheckState(Qt.CheckState.Checked)
    assert panel.linked_codes() == ["2.2", "5.1"]
    panel.note_edit.setPlainText("孵化器在孵企业 42 家，公共技术平台运行正常")
    before = datetime.now(UTC)
    qtbot.mouseClick(panel.add_note, Qt.MouseButton.LeftButton)
    (note,) = workspace.bench.snapshot(workspace.review).site_notes
    assert note.activity is EvidenceMethod.SITE_INSPECTION and note.codes == ("2.2", "5.1")
    assert note.text == "孵化器在孵企业 42 家，公共技术平台运行正常"
    assert before - timedelta(seconds=1) <= note.noted_at <= datetime.now(UTC)
    # Shown in Beijing time (with the zone said), newest first, its links underneath; the editor and
    # ticks are cleared.
    top = panel.notes.topLevelItem(0)
    assert top.text(0) == labels.beijing_time(note.noted_at) and top.text(1) == note.text
    assert top.text(0).endswith(("(Beijing time)", "（北京时间）"))
    assert [top.child(i).text(1) for i in range(top.childCount())] == [
        "→ 2.2  Innovation platforms",
        "→ 5.1  Public service platforms",
    ]
    assert panel.note_edit.toPlainText() == "" and panel.linked_codes() == []
    assert panel.activities.item(1).text().endswith("1 notes")
    # The workbench's undo takes it back; the panel redraws from the state it is given.
    workspace.save(lambda bench, review: bench.undo(review))
    assert (
        workspace.bench.snapshot(workspace.review).site_notes == () and panel.notes.topLevelItemCount() == 0
    )


def test_an_empty_note_is_not_stored(panel, workspace) -> None:
    panel.note_edit.setPlainText("   ")
    panel.add_note.click()
    assert workspace.bench.snapshot(workspace.review).site_notes == ()
    assert panel.status.text() == "Write the note first."


def test_ticking_an_activity_is_kept_and_can_be_undone(panel, workspace) -> None:
    panel.activities.item(1).setCheckState(Qt.CheckState.Checked)
    assert panel.activities.item(1).checkState() == Qt.CheckState.Checked
    assert panel.heading.text().startswith("Site inspection — done at ")
    state = workspace.bench.snapshot(workspace.review)
    assert len(state.site_notes) == 1 and panel.notes.topLevelItemCount() == 0  # a mark, not a note
    # Reopened by a second panel on the same store: the tick is still there.
    again = SiteVisitPanel()
    again.set_review(workspace)
    assert again.activities.item(1).checkState() == Qt.CheckState.Checked
    again.deleteLater()
    panel.activities.item(1).setCheckState(Qt.CheckState.Unchecked)
    assert panel.activities.item(1).checkState() == Qt.CheckState.Unchecked
    workspace.save(lambda bench, review: bench.undo(review))
    assert panel.activities.item(1).checkState() == Qt.CheckState.Checked


def test_clicking_a_linked_indicator_asks_to_select_it(panel, workspace, qtbot) -> None:
    panel.select_activity(EvidenceMethod.KEY_INTERVIEW)
    item = item_with(panel.indicators, "6.1")
    with qtbot.waitSignal(panel.indicator_requested) as signal:
        panel.indicators.itemClicked.emit(item)
    assert signal.args == ["6.1"]
    item.setCheckState(Qt.CheckState.Checked)  # a tick (the click on the box) is not a request
    requested: list[str] = []
    panel.indicator_requested.connect(requested.append)
    panel.indicators.itemClicked.emit(item)
    assert requested == []
    panel.note_edit.setPlainText("运营公司负责人介绍了招商团队")
    panel.add_note.click()
    child = panel.notes.topLevelItem(0).child(0)
    panel.notes.itemClicked.emit(child, 1)
    assert requested == ["6.1"]


def test_without_a_review_nothing_can_be_written(qtbot) -> None:
    widget = SiteVisitPanel()
    qtbot.addWidget(widget)
    assert widget.activities.count() == 0 and not widget.add_note.isEnabled()
    assert widget.heading.text() == "Open a package to plan the site visit."

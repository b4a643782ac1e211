"""The materials viewer on the demo package: decrypted in memory, paged, zoomed, searched, cited."""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument

from reviewer.app.opening import OpenedReview, load_review
from reviewer.demo.package import DEMO_PASSPHRASE, build_demo
from reviewer.models.store import Store
from reviewer.models.workbench import Workbench
from reviewer.scoring.workbench_types import Conflict, EvidenceKind
from reviewer.trust import PassphraseSource
from reviewer.ui.models.materials_model import MaterialsModel
from reviewer.ui.panels.materials_viewer import MaterialsViewer
from reviewer.ui.panels.review_workspace import ReviewWorkspace
from reviewer.ui.tasks import ImmediateExecutor

pytestmark = pytest.mark.slow

SELF_EVALUATION = "materials/03-自评报告.pdf"


@pytest.fixture(scope="session")
def demo_review(tmp_path_factory: pytest.TempPathFactory) -> OpenedReview:
    folder = tmp_path_factory.mktemp("viewer-demo") / "demo"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
        demo = build_demo(folder)
    expert = next(k for k in demo.identities if k != demo.chair)
    source = PassphraseSource(explicit=DEMO_PASSPHRASE, use_keyring=False, interactive=False)
    return load_review(demo.package, demo.identities[expert], source, lambda *a: None)


@pytest.fixture
def viewer(qtbot, sync_executor, demo_review) -> MaterialsViewer:
    widget = MaterialsViewer(executor=sync_executor)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.set_review(demo_review)
    return widget


def search_and_wait(qtbot, viewer: MaterialsViewer, text: str) -> None:
    viewer.search_box.setText(text)
    qtbot.waitUntil(lambda: viewer.results.count() > 0, timeout=5000)


def test_the_model_lists_every_material(qtmodeltester, demo_review) -> None:
    model = MaterialsModel()
    model.set_entries(demo_review.materials)
    qtmodeltester.check(model)
    names = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert names == ["01-申请表.pdf", "02-创建工作方案.pdf", "03-自评报告.pdf"]
    assert model.row_of(SELF_EVALUATION) == 2 and model.row_of("03-自评报告.pdf") == 2
    assert model.index(2, 0).data(Qt.ItemDataRole.UserRole) == SELF_EVALUATION


def test_the_self_evaluation_opens_from_memory_with_its_eight_pages(viewer, demo_review, qtbot) -> None:
    shown: list[str] = []
    viewer.material_shown.connect(shown.append)
    viewer.open_material(SELF_EVALUATION)
    assert shown == [SELF_EVALUATION] and viewer.current_material == SELF_EVALUATION
    assert viewer.document.status() == QPdfDocument.Status.Ready
    assert viewer.page_count == 8 and viewer.bar.count.text() == "of 8"
    assert viewer.current_page == 1 and not viewer.bar.previous.isEnabled() and viewer.bar.next.isEnabled()
    # The bytes behind the document are the material, checked against the manifest.
    entry = next(e for e in demo_review.materials if e.name == SELF_EVALUATION)
    assert hashlib.sha256(viewer._bytes.data()).hexdigest() == entry.sha256
    assert viewer.list.currentIndex().row() == 2


def test_page_navigation_buttons_box_and_keys(viewer, qtbot) -> None:
    viewer.open_material("03-自评报告.pdf", 3)
    assert viewer.current_page == 3 and viewer.bar.page.value() == 3
    viewer.bar.next.click()
    assert viewer.current_page == 4
    viewer.bar.previous.click()
    viewer.bar.previous.click()
    assert viewer.current_page == 2
    viewer.bar.page.setValue(7)
    assert viewer.current_page == 7
    viewer.view.setFocus()
    qtbot.keyClick(viewer.view, Qt.Key.Key_PageDown)
    assert viewer.current_page == 8 and not viewer.bar.next.isEnabled()
    qtbot.keyClick(viewer.view, Qt.Key.Key_PageUp)
    qtbot.keyClick(viewer.view, Qt.Key.Key_PageUp)
    assert viewer.current_page == 6
    viewer.go_to_page(99)
    assert viewer.current_page == 8
    viewer.open_material(SELF_EVALUATION, 3)  # already shown: no new decryption, just the page
    assert viewer.current_page == 3


def test_zoom_in_out_and_fit_width(viewer) -> None:
    viewer.open_material(SELF_EVALUATION)
    start = viewer.view.zoomFactor()
    viewer.bar.zoom_in.click()
    assert viewer.view.zoomFactor() == pytest.approx(start * 1.25)
    viewer.bar.zoom_out.click()
    viewer.bar.zoom_out.click()
    assert viewer.view.zoomFactor() == pytest.approx(start / 1.25)
    viewer.bar.fit_width.click()
    assert viewer.view.zoomMode() == viewer.view.ZoomMode.FitToWidth


def test_searching_a_level_one_title_lands_on_its_page(viewer, qtbot) -> None:
    viewer.open_material(SELF_EVALUATION)
    search_and_wait(qtbot, viewer, "公共服务与生态")
    qtbot.waitUntil(lambda: viewer.results_label.text() == f"{viewer.results.count()} found")
    texts = [viewer.results.item(i).text() for i in range(viewer.results.count())]
    # Section 六 (公共服务与生态) starts on page 5 of the generated report (pdftotext agrees).
    assert texts[0].startswith("p. 5:") and "【公共服务与生态】" in texts[0]
    viewer.results.setCurrentRow(0)
    assert viewer.current_page == 5 and viewer.view.currentSearchResultIndex() == 0
    viewer.go_to_page(1)
    qtbot.keyClick(viewer.search_box, Qt.Key.Key_Return)  # Enter: the next result
    assert viewer.current_page == 5


def test_cite_this_page_stores_a_material_page_reference(viewer, demo_review, data_dir, qtbot) -> None:
    with Store.open() as store:
        bench = Workbench(store)
        review = bench.open_review(
            demo_review.manifest.package_id,
            demo_review.identity.fingerprint,
            package_path=demo_review.path,
            standard=demo_review.standard,
        )
        bench.declare(review, Conflict.NONE)
        bench.accept_pledge(review)
        workspace = ReviewWorkspace(bench, review, state=bench.snapshot(review), executor=ImmediateExecutor())
        qtbot.addWidget(workspace)
        selected: list[str | None] = [None]
        viewer.set_citation(lambda: selected[0], workspace)
        viewer.open_material(SELF_EVALUATION, 3)
        viewer.bar.cite.click()
        assert "Select an indicator" in viewer.status.text()
        assert bench.snapshot(review).evidence == ()
        selected[0] = "2.2"
        viewer.bar.cite.click()
        (ref,) = bench.snapshot(review).evidence
        assert (ref.code, ref.kind, ref.material, ref.page) == (
            "2.2",
            EvidenceKind.MATERIAL,
            SELF_EVALUATION,
            3,
        )
        assert viewer.status.text() == "Page 3 of 03-自评报告.pdf cited as evidence for 2.2."
        workspace.close_writer()


def test_a_cite_without_a_review_is_not_offered(viewer) -> None:
    viewer.open_material(SELF_EVALUATION)
    assert not viewer.bar.cite.isEnabled()


def test_switching_releases_the_previous_material(viewer, qtbot) -> None:
    viewer.open_material(SELF_EVALUATION, 4)
    first = viewer._bytes
    viewer.open_material("materials/01-申请表.pdf")
    assert viewer.current_material == "materials/01-申请表.pdf" and viewer._bytes is not first
    assert viewer.current_page == 1 and viewer.page_count >= 1
    viewer.open_material("nope.pdf")
    assert "no material named" in viewer.message.text()
    viewer.set_review(None)
    assert viewer._bytes is None and viewer._buffer is None and viewer.current_material is None


def test_a_non_pdf_is_listed_not_rendered(viewer, demo_review) -> None:
    from dataclasses import replace

    pdf = demo_review.materials[0]
    odd = replace(pdf, name="materials/照片.jpg")
    viewer.model.set_entries((*demo_review.materials, odd))
    viewer.open_material("照片.jpg")
    assert viewer.current_material is None and viewer._bytes is None
    assert "not a PDF" in viewer.message.text() and odd.sha256 in viewer.message.text()
    assert not viewer.bar.cite.isEnabled()


def test_no_decrypted_file_reaches_the_disk(viewer, qtbot, data_dir, tmp_path, monkeypatch) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    before = set(data_dir.rglob("*"))
    for name in ("materials/01-申请表.pdf", SELF_EVALUATION):
        viewer.open_material(name, 2)
        viewer.next_page()
        search_and_wait(qtbot, viewer, "园区")
    assert viewer.current_material == SELF_EVALUATION
    assert list(temp.rglob("*")) == []
    new = set(data_dir.rglob("*")) - before
    assert [p for p in new if p.suffix.lower() == ".pdf" or _is_pdf(p)] == []


def _is_pdf(path: Path) -> bool:
    return path.is_file() and path.read_bytes()[:5] == b"%PDF-"


def test_background_decryption_reports_progress(qtbot, demo_review) -> None:
    viewer = MaterialsViewer()  # the real thread pool
    qtbot.addWidget(viewer)
    viewer.set_review(demo_review)
    seen: list[int] = []
    viewer.progress.valueChanged.connect(seen.append)
    with qtbot.waitSignal(viewer.material_shown, timeout=20000):
        task = viewer.open_material(SELF_EVALUATION, 2)
        assert task is not None and viewer.pages.currentIndex() == 1  # the progress page meanwhile
    assert seen and seen[-1] == viewer.progress.maximum()
    assert viewer.current_page == 2


def test_plugged_into_the_workspace(demo_review, sync_executor, qtbot, data_dir) -> None:
    from reviewer.ui.panels.visit_pages import attach_visit_pages
    from tests.ui.expert_fixtures import workspace_for

    with Store.open() as store:
        workspace = workspace_for(store, demo_review, sync_executor)
        qtbot.addWidget(workspace)
        workspace.bench.declare(workspace.review, Conflict.NONE)
        workspace.bench.accept_pledge(workspace.review)
        workspace.refresh()
        attach_visit_pages(workspace, demo_review, executor=sync_executor)
        viewer, site = workspace.materials_viewer, workspace.site_visit  # built when first asked for
        # An evidence link in the score editor opens the viewer on its page.
        workspace.evidence_activated.emit(SELF_EVALUATION, 6)
        assert workspace.current_page == "materials" and viewer.current_page == 6
        # "Cite this page" goes to the indicator selected in the scoring view.
        workspace.scoring.select_code("1.4")
        viewer.bar.cite.click()
        (ref,) = workspace.bench.snapshot(workspace.review).evidence
        assert (ref.code, ref.material, ref.page) == ("1.4", SELF_EVALUATION, 6)
        # An indicator clicked in site-visit mode is selected for scoring.
        workspace.show_page("site_visit")
        site.indicator_requested.emit("5.1")
        assert workspace.current_page == "scoring" and workspace.scoring.current_code == "5.1"
        site.indicator_requested.emit("V1")
        assert workspace.current_page == "checks"
        workspace.close_writer()

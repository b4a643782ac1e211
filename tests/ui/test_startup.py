"""How the app starts with a package (benchmark 2, docs/performance.md): the window first, the package
and the member's review opened off the GUI thread, the store opened once, the collector paused.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from reviewer.app import opening
from reviewer.demo.package import DEMO_PASSPHRASE
from reviewer.ui import app as app_module

pytestmark = pytest.mark.slow


@pytest.fixture(autouse=True)
def _collector_on() -> Iterator[None]:
    assert gc.isenabled()
    yield
    gc.enable()  # whatever a failed test left


def test_the_window_shows_before_the_package_is_open(qtbot, demo_world, data_dir, monkeypatch) -> None:
    from reviewer.models.workbench import Workbench

    reads_on_gui_thread: list[str] = []
    snapshot = Workbench.snapshot

    def watched(self, review):  # type: ignore[no-untyped-def]
        if threading.current_thread() is threading.main_thread():
            reads_on_gui_thread.append("snapshot")
        return snapshot(self, review)

    monkeypatch.setattr(Workbench, "snapshot", watched)
    window = app_module.create_main_window(  # the real thread pool, as `reviewer gui FILE` does
        data_dir=data_dir,
        open_file=demo_world.package,
        identity_dir=demo_world.expert,
        passphrase=DEMO_PASSPHRASE,
    )
    qtbot.addWidget(window)
    panel = window.package_panel
    assert panel.review is None and panel.currentWidget() is panel.status  # verifying, not blocking
    assert not gc.isenabled()  # paused while the app starts
    with qtbot.waitSignal(panel.opened, timeout=30_000) as opened:
        window.show()
    review = opened.args[0]
    workspace = panel.workspace
    assert workspace is not None and panel.tabs.indexOf(workspace) == 1
    assert workspace.state.package_id == review.manifest.package_id  # read from the store on the worker
    assert workspace.scoring.model.standard is review.standard
    assert panel.browser.standard is review.standard
    assert reads_on_gui_thread == []  # the review was read on the worker, once
    qtbot.waitUntil(gc.isenabled, timeout=5_000)  # back on once the window has turned


def test_the_store_is_opened_once_by_whichever_worker_asks_first(tmp_path: Path) -> None:
    store = opening.LocalStore(tmp_path)
    assert store.opened is None
    first = store.get()
    try:
        assert store.get() is first and store.opened is first
        assert (tmp_path / "reviewer.sqlite3").exists()
    finally:
        first.close()


def test_a_store_that_cannot_be_opened_leaves_the_package_open(
    make_window, demo_world, data_dir, shown_errors
) -> None:
    (data_dir / "reviewer.sqlite3").write_bytes(b"this is not a database" * 100)
    window = make_window(
        data_dir=data_dir,
        open_file=demo_world.package,
        identity_dir=demo_world.expert,
        passphrase=DEMO_PASSPHRASE,
    )
    panel = window.package_panel
    assert panel.review is not None and panel.currentWidget() is panel.tabs  # verified and shown
    assert panel.workspace is None
    assert len(shown_errors) == 1 and "database" in shown_errors[0]
    assert gc.isenabled()


def test_the_collector_is_back_on_after_every_kind_of_start(
    make_window, demo_world, park_standard_path, shown_errors
) -> None:
    make_window()
    assert gc.isenabled()
    make_window(open_file=park_standard_path)
    assert gc.isenabled()
    make_window(open_file=demo_world.package, identity_dir=demo_world.expert, passphrase=DEMO_PASSPHRASE)
    assert gc.isenabled()  # opened at once (synchronous executor): no event loop to wait for
    make_window(open_file=demo_world.package, identity_dir=demo_world.outsider, passphrase=DEMO_PASSPHRASE)
    assert gc.isenabled() and len(shown_errors) == 1  # refused


def test_the_collector_comes_back_even_if_the_opening_never_ends(
    qtbot, make_window, demo_world, monkeypatch
) -> None:
    """A start that ends in neither signal (here: an opening that never returns, as a passphrase
    dialog left open) still gets its collector back, on a timer."""
    from reviewer.ui.panels.package_panel import PackagePanel

    monkeypatch.setattr(app_module, "COLLECTOR_RESUME_MS", 50)
    monkeypatch.setattr(PackagePanel, "open", lambda self, *a, **k: None)
    make_window(open_file=demo_world.package, identity_dir=demo_world.expert, passphrase=DEMO_PASSPHRASE)
    assert not gc.isenabled()  # still starting
    qtbot.waitUntil(gc.isenabled, timeout=5000)


def test_a_collector_switched_off_by_the_host_stays_off(make_window) -> None:
    gc.disable()
    make_window()
    assert not gc.isenabled()
    gc.enable()


def test_pages_not_looked_at_are_built_when_first_shown(make_window, demo_world) -> None:
    from reviewer.ui.panels.finalise_page import FinalisePage
    from reviewer.ui.panels.materials_viewer import MaterialsViewer
    from reviewer.ui.panels.site_visit_panel import SiteVisitPanel

    window = make_window(
        open_file=demo_world.package, identity_dir=demo_world.expert, passphrase=DEMO_PASSPHRASE, lang="zh_CN"
    )
    workspace = window.package_panel.workspace
    titles = [workspace.nav.item(row).text() for row in range(workspace.nav.count())]
    assert titles == ["声明", "评分", "否决项与资格条件", "材料", "现场考察", "定稿并签署", "专家组表决"]
    assert workspace.current_page == "declarations"
    built = [type(workspace.stack.widget(row)).__name__ for row in range(workspace.stack.count())]
    assert built[:3] == ["DeclarationsPage", "ScoringPanel", "ChecksPanel"]
    assert built[3:] == ["QWidget", "QWidget", "QWidget", "QWidget"]  # stand-ins: nothing built yet
    workspace.show_page("materials")
    assert isinstance(workspace.stack.currentWidget(), MaterialsViewer)
    assert workspace.materials_viewer is workspace.stack.currentWidget()
    site = workspace.site_visit  # asked for: built, but not shown
    assert isinstance(site, SiteVisitPanel) and workspace.current_page == "materials"
    assert site.state is workspace.state
    finalise = workspace.finalise_page
    assert isinstance(finalise, FinalisePage) and finalise.state is workspace.state
    assert workspace.stack.count() == 7 and workspace.page("finalise") is finalise  # built once
    workspace.show_page("finalise")
    assert workspace.stack.currentWidget() is finalise

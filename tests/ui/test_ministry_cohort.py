"""The 年度评估 tab: evaluate a year on a worker, the ranked table, publish after a confirmation (the
stars become ratings: warnings follow), export the 通告; screenshots at 1024×700 in both languages."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, Signal

from reviewer.ministry.registry import Registry
from reviewer.ui.panels.ministry import asks
from reviewer.ui.panels.ministry.cohort_page import CohortPage
from reviewer.ui.tasks import ImmediateExecutor
from tests.ministry import cohort_year as Y

SHOTS = os.environ.get("REVIEWER_SHOTS")  # a folder: keep the page's screenshots there


class Desk(QObject):
    """What the page uses of the desk: the registry, the executor, the change signal."""

    registry_changed = Signal()

    def __init__(self, registry: Registry) -> None:
        super().__init__()
        self.registry = registry
        self.executor = ImmediateExecutor()


@pytest.fixture
def desk(tmp_path: Path):
    reg = Registry.open(f"sqlite:///{tmp_path / 'registry.sqlite3'}")
    Y.seed_year(reg)
    yield Desk(reg)
    reg.close()


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_evaluate_publish_export(
    qtbot, make_window, desk: Desk, tmp_path: Path, monkeypatch, confirmations, shown_errors, lang: str
) -> None:
    make_window(lang=lang)
    page = CohortPage(desk, year=2026)  # type: ignore[arg-type]
    qtbot.addWidget(page)
    page.resize(1024, 700)
    assert page.model.rowCount() == 0 and not page.publish_button.isEnabled()
    qtbot.mouseClick(page.evaluate_button, Qt.MouseButton.LeftButton)
    assert shown_errors == []
    assert page.model.rowCount() == 15 and page.stored is not None
    ranked = [page.model.data(page.model.index(i, 1)) for i in range(15)]
    assert ranked == [r.name for r in page.stored.result.rows]
    assert page.model.data(page.model.index(14, 6)) == ("no data return" if lang == "en" else "未报送")
    if SHOTS:
        page.grab().save(str(Path(SHOTS) / f"cohort-draft-{lang}.png"))
    # a draft is no 通告: the notice cannot be exported from it, its publicity list can (marked 草稿)
    assert page._kind() == "notice" and not page.export_button.isEnabled()
    assert page.export_button.toolTip()
    page.kind.setCurrentIndex(1)
    assert page.export_button.isEnabled()
    page.kind.setCurrentIndex(0)

    qtbot.mouseClick(page.publish_button, Qt.MouseButton.LeftButton)
    assert len(confirmations.asked) == 1 and "2026" in confirmations.asked[0].text
    assert page.stored.status == "published" and not page.publish_button.isEnabled()
    ones = [r.name for r in page.stored.result.rows if r.stars == 1]
    assert ones and {desk.registry.candidate(n).status for n in ones} == {"warned"}

    out = tmp_path / "notice.pdf"
    monkeypatch.setattr(asks, "save_file", lambda *a: out)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert out.read_bytes().startswith(b"%PDF")
    if SHOTS:
        page.grab().save(str(Path(SHOTS) / f"cohort-published-{lang}.png"))
    qtbot.wait(10)  # the finished tasks' deferred deletions run before the page is closed

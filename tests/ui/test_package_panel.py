"""Opening a sealed package in the real window: as an expert, as an outsider, tampered, unlocked by a dialog."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from reviewer.demo.package import DEMO_PASSPHRASE
from reviewer.trust import pretty_fingerprint
from reviewer.ui.dialogs import passphrase as passphrase_dialogs

pytestmark = pytest.mark.slow


def table_column(table, col: int) -> list[str]:
    return [table.item(row, col).text() for row in range(table.rowCount())]


def test_expert_opens_the_demo_package(make_window, demo_world, shown_errors) -> None:
    window = make_window(
        open_file=demo_world.package, identity_dir=demo_world.expert, passphrase=DEMO_PASSPHRASE, lang="zh_CN"
    )
    panel = window.package_panel
    assert shown_errors == []
    assert window.pages.currentWidget() is panel and panel.currentWidget() is panel.tabs
    summary = panel.summary
    assert summary.candidate.text() == "示例软件园" and "江苏省 南京市" in summary.place.text()
    assert summary.place.text().startswith("名园")
    assert summary.kind.text() == "创建评审"
    assert "SAMPLE-PARK-CREATION" in summary.standard.text()
    assert summary.issuer.text() == "工业和信息化部（演示）"
    assert summary.fingerprint.text() == pretty_fingerprint(demo_world.root_fingerprint)
    assert summary.roster.rowCount() == 7
    roles = table_column(summary.roster, 2)
    assert sum("组长" in r for r in roles) == 1 and roles[0].startswith("★")
    assert sum("（您）" in r or "(you)" in r for r in roles) == 1
    assert "专家" in summary.role.text() and "组长" not in summary.role.text()
    assert summary.materials.rowCount() == len(panel.review.materials) >= 3
    assert summary.materials_box.title().endswith(f"{summary.materials.rowCount()}）")
    assert all(not name.startswith("materials/") for name in table_column(summary.materials, 0))
    # The package's standard, in the existing browser.
    assert panel.browser.criteria.criteria_model.rowCount() == 6
    assert window.windowTitle().startswith("示例软件园")
    assert window.settings.recent_packages() == [str(demo_world.package.resolve())]
    assert window.settings.identity_dir() is None  # a given identity is not remembered


def test_the_chair_is_told_they_chair(make_window, demo_world) -> None:
    window = make_window(
        open_file=demo_world.package, identity_dir=demo_world.chair, passphrase=DEMO_PASSPHRASE
    )
    assert "Chair" in window.package_panel.summary.role.text()


def test_an_outsider_is_refused_as_not_on_the_panel(make_window, demo_world, shown_errors) -> None:
    window = make_window(
        open_file=demo_world.package, identity_dir=demo_world.outsider, passphrase=DEMO_PASSPHRASE
    )
    panel = window.package_panel
    assert len(shown_errors) == 1 and "not on this panel" in shown_errors[0]
    assert panel.review is None and panel.currentWidget() is panel.status and panel.status.refused
    assert panel.status.reason.text() == shown_errors[0]
    assert panel.summary.roster.rowCount() == 0


def test_a_tampered_copy_is_refused_as_tampered(make_window, demo_world, shown_errors, tmp_path) -> None:
    copy = tmp_path / "tampered.rvpkg"
    data = bytearray(demo_world.package.read_bytes())
    data[len(data) // 2] ^= 0x40  # inside the encrypted materials
    copy.write_bytes(bytes(data))
    window = make_window(open_file=copy, identity_dir=demo_world.expert, passphrase=DEMO_PASSPHRASE)
    assert len(shown_errors) == 1
    assert "tampered" in shown_errors[0] or "altered" in shown_errors[0]
    assert window.package_panel.status.refused and window.package_panel.review is None


def test_the_passphrase_dialog_unlocks_after_a_wrong_try(
    make_window, demo_world, shown_errors, monkeypatch
) -> None:
    answers = iter(["wrong-passphrase", DEMO_PASSPHRASE])
    asked: list[str] = []
    monkeypatch.setattr(
        passphrase_dialogs, "ask_passphrase", lambda parent, who: asked.append(who) or next(answers)
    )
    monkeypatch.setattr(passphrase_dialogs, "choose_identity_folder", lambda parent, start: demo_world.expert)
    window = make_window()
    window.open_package(demo_world.package)  # no identity given: chosen in the dialog, then remembered
    assert len(asked) == 2 and len(shown_errors) == 1  # the keyring had nothing; the first try was wrong
    assert window.package_panel.review is not None
    assert window.settings.identity_dir() == demo_world.expert.resolve()
    assert DEMO_PASSPHRASE not in window.settings.path.read_text("utf-8")


def test_cancelling_the_identity_choice_leaves_the_package_closed(
    make_window, demo_world, shown_errors, monkeypatch
) -> None:
    monkeypatch.setattr(passphrase_dialogs, "choose_identity_folder", lambda parent, start: None)
    window = make_window()
    window.open_package(demo_world.package)
    assert window.package_panel.status.refused and shown_errors == []


def test_a_dropped_package_opens_with_the_remembered_identity(make_window, demo_world, monkeypatch) -> None:
    monkeypatch.setattr(passphrase_dialogs, "ask_passphrase", lambda parent, who: DEMO_PASSPHRASE)
    window = make_window()
    window.settings.set_identity_dir(demo_world.expert)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(demo_world.package))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    assert window.package_panel.review is not None
    assert window.package_panel.summary.roster.rowCount() == 7


def test_a_json_still_opens_the_standard_browser(make_window, park_standard_path, tmp_path) -> None:
    window = make_window(open_file=park_standard_path)
    assert window.pages.currentWidget() is window.browser


def test_background_open_reports_progress(qtbot, demo_world, data_dir) -> None:
    from reviewer.ui.app import create_main_window

    window = create_main_window(data_dir=data_dir)  # the real thread pool
    qtbot.addWidget(window)
    seen: list[int] = []
    window.package_panel.status.bar.valueChanged.connect(seen.append)
    with qtbot.waitSignal(window.package_panel.opened, timeout=20000):
        window.open_package(demo_world.package, demo_world.expert, DEMO_PASSPHRASE)
    assert seen and seen[-1] == 1000


def test_a_long_path_shows_on_one_line_elided_in_the_middle(qtbot, tmp_path) -> None:
    from reviewer.ui.panels.package_panel import FILE_WIDTH, StatusPage

    page = StatusPage()
    qtbot.addWidget(page)
    path = tmp_path / ("很长的文件夹名" * 12) / "nested" / "某软件园-2026-创建评审.rvpkg"
    page.verifying(path)
    shown = page.file.text()
    assert shown != str(path) and "…" in shown
    assert shown.endswith("创建评审.rvpkg") and shown.startswith(str(tmp_path)[:8])
    assert page.file.fontMetrics().horizontalAdvance(shown) <= FILE_WIDTH
    assert page.file.toolTip() == str(path) and not page.file.wordWrap()
    page.refuse(tmp_path / "short.rvpkg", "why")
    assert page.file.text() == str(tmp_path / "short.rvpkg")

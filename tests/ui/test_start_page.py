"""The start page: opening a review package first (an expert's file), a standard second, the recent
packages opened by a click or by Enter; a file that is not a package at all refused before anyone is
asked for an identity or a passphrase, with its whole reason shown."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from reviewer.demo.package import DEMO_PASSPHRASE
from reviewer.ui.dialogs import files
from reviewer.ui.dialogs import passphrase as passphrase_dialogs
from reviewer.ui.main_window import MainWindow


def test_the_package_comes_first_and_both_actions_open(
    make_window, qtbot, park_standard_path, monkeypatch
) -> None:
    window = make_window(lang="en")
    page = window.welcome
    window.show()
    qtbot.waitExposed(window)
    assert window.pages.currentWidget() is page
    assert page.package_button.isDefault() and page.focusProxy() is page.package_button
    assert page.package_button.x() < page.open_button.x()  # the expert's action first
    assert not page.recent.isVisible()  # nothing opened yet: no empty list
    asked: list[str] = []
    monkeypatch.setattr(files, "choose_package_file", lambda parent, start="": asked.append("pkg") or None)
    monkeypatch.setattr(
        files, "choose_standard_file", lambda parent, start="": asked.append("std") or park_standard_path
    )
    qtbot.keyClick(page.package_button, Qt.Key.Key_Space)
    assert asked == ["pkg"] and window.pages.currentWidget() is page  # cancelled: still here
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert asked == ["pkg", "std"] and window.pages.currentWidget() is window.browser


def test_recent_packages_are_listed_and_open_by_enter_or_click(
    make_window, qtbot, demo_world, tmp_path, monkeypatch
) -> None:
    first = make_window(lang="en")
    other = tmp_path / "another.rvpkg"
    first.settings.add_recent_package(other)
    first.settings.add_recent_package(demo_world.package)
    first.settings.set_identity_dir(demo_world.expert)
    first.close()
    opened: list[Path] = []
    monkeypatch.setattr(MainWindow, "open_package", lambda self, path, *a: opened.append(path))
    window = make_window(lang="en")  # started again: the list read from settings
    listed = window.welcome.recent
    assert [listed.item(i).toolTip() for i in range(listed.count())] == [
        str(demo_world.package.resolve()),
        str(other.resolve()),
    ]
    assert listed.item(0).text().startswith(demo_world.package.name)
    listed.setFocus()
    qtbot.keyClick(listed, Qt.Key.Key_Down)
    qtbot.keyClick(listed, Qt.Key.Key_Return)
    assert opened == [other.resolve()]
    rect = listed.visualItemRect(listed.item(0))
    qtbot.mouseClick(listed.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == [other.resolve(), demo_world.package.resolve()]


def test_a_recent_package_opens_and_the_list_follows(make_window, qtbot, demo_world, monkeypatch) -> None:
    monkeypatch.setattr(passphrase_dialogs, "ask_passphrase", lambda parent, who: DEMO_PASSPHRASE)
    window = make_window(lang="en")
    window.settings.set_identity_dir(demo_world.expert)
    window.settings.add_recent_package(demo_world.package)
    window.welcome.set_recent(window.settings.recent_packages())
    listed = window.welcome.recent
    qtbot.mouseClick(
        listed.viewport(), Qt.MouseButton.LeftButton, pos=listed.visualItemRect(listed.item(0)).center()
    )
    qtbot.waitUntil(lambda: window.package_panel.review is not None, timeout=30000)
    assert window.package_panel.review.path.resolve() == demo_world.package.resolve()
    window._clear_recent_packages()
    assert listed.count() == 0 and window.settings.recent_packages() == []


def test_a_pdf_renamed_rvpkg_is_refused_before_any_question(
    make_window, tmp_path, monkeypatch, shown_errors
) -> None:
    fake = tmp_path / "材料.rvpkg"
    fake.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" * 20)
    asked: list[str] = []
    monkeypatch.setattr(passphrase_dialogs, "choose_identity_folder", lambda *a: asked.append("identity"))
    monkeypatch.setattr(passphrase_dialogs, "ask_passphrase", lambda *a: asked.append("passphrase"))
    window = make_window(lang="en")
    window.open_package(fake)
    panel = window.package_panel
    assert asked == []  # neither an identity nor a passphrase was asked for
    assert panel.currentWidget() is panel.status and panel.status.refused
    assert "is not a review package (.rvpkg)" in panel.status.reason.text()
    assert str(fake) in panel.status.reason.text()


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_a_long_refusal_is_shown_whole(qtbot, tmp_path, lang) -> None:
    from reviewer.ui.panels.package_panel import FILE_WIDTH, StatusPage

    page = StatusPage()
    qtbot.addWidget(page)
    page.resize(1024, 700)
    page.show()
    reason = (
        "评审包的签名与您信任的部级根证书不符：封装后被改动过，或由其他机构封装。请向工业和信息化部索取新的副本。"
        * 2
    )
    page.refuse(tmp_path / "x.rvpkg", reason)
    qtbot.waitUntil(lambda: page.reason.height() >= page.reason.heightForWidth(page.reason.width()))
    label = page.reason
    assert label.wordWrap() and label.text() == reason
    assert label.width() > 0.8 * FILE_WIDTH  # not squeezed to a narrow column
    assert label.height() >= label.heightForWidth(label.width())  # every wrapped line has room
    assert label.fontMetrics().horizontalAdvance(reason) > label.width()  # it did need wrapping

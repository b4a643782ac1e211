"""A file the system asks the app to open (macOS Finder double-click: a QFileOpenEvent, not argv).

The events are made here as Qt makes them on macOS and sent to the application; what the Finder
and Launch Services do before that (Info.plist document types) is not exercised on this machine.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication

from reviewer.demo.package import DEMO_PASSPHRASE
from reviewer.ui import file_open_events
from reviewer.ui.dialogs import passphrase as passphrase_dialogs


@pytest.fixture
def router(qapp) -> Iterator[file_open_events.FileOpenRouter]:
    """The router on the test application, as :func:`reviewer.ui.app.application` puts it on macOS."""
    file_open_events.uninstall()
    installed = file_open_events.install(qapp, force=True)
    assert installed is not None
    yield installed
    file_open_events.uninstall()


@pytest.fixture
def asked_passphrases(monkeypatch) -> list[str]:
    """The passphrase dialog a double-clicked package brings up (no keyring in tests), answered."""
    asked: list[str] = []

    def ask(parent, who: str) -> str:
        asked.append(who)
        return DEMO_PASSPHRASE

    monkeypatch.setattr(passphrase_dialogs, "ask_passphrase", ask)
    return asked


def _expert_window(make_window, demo_world):  # type: ignore[no-untyped-def]
    window = make_window(lang="en")
    window.settings.set_identity_dir(demo_world.expert)  # the expert opened a package before
    return window


def _package_open(window, demo_world) -> bool:  # type: ignore[no-untyped-def]
    review = window.package_panel.review
    return review is not None and review.path == demo_world.package


def test_a_package_double_clicked_opens_in_the_running_window(
    qtbot, router, make_window, demo_world, asked_passphrases
) -> None:
    window = _expert_window(make_window, demo_world)
    assert window.pages.currentWidget() is window.welcome
    QCoreApplication.postEvent(QApplication.instance(), QFileOpenEvent(str(demo_world.package)))
    qtbot.waitUntil(lambda: _package_open(window, demo_world), timeout=30_000)
    assert window.pages.currentWidget() is window.package_panel
    candidate = window.package_panel.review.manifest.candidate["name"]
    assert window.windowTitle() == f"{candidate} — Reviewer"
    assert len(asked_passphrases) == 1  # as when File › Open package chose it: the remembered identity
    assert router.pending == []


def test_a_package_that_arrives_before_the_window_opens_once_the_window_is_made(
    qtbot, router, make_window, demo_world, asked_passphrases, monkeypatch
) -> None:
    """The app started by the double-click: the event can come before the window exists."""
    chosen: list[str] = []

    def choose(parent, start: str = ""):  # no identity remembered yet: the expert picks the folder
        chosen.append(start)
        return demo_world.expert

    monkeypatch.setattr(passphrase_dialogs, "choose_identity_folder", choose)
    QCoreApplication.sendEvent(QApplication.instance(), QFileOpenEvent(str(demo_world.package)))
    assert router.pending == [demo_world.package]
    window = make_window(lang="en")
    qtbot.waitUntil(lambda: _package_open(window, demo_world), timeout=30_000)
    assert router.pending == []
    assert len(chosen) == 1 and len(asked_passphrases) == 1
    assert window.settings.identity_dir() == demo_world.expert  # remembered for the next one
    assert window.pages.currentWidget() is window.package_panel


def test_a_waiting_package_opens_as_the_remembered_identity(
    qtbot, router, make_window, demo_world, asked_passphrases
) -> None:
    window = _expert_window(make_window, demo_world)
    file_open_events.uninstall()  # the window is there; the event comes to a fresh router first
    fresh = file_open_events.install(QApplication.instance(), force=True)
    assert fresh is not None and fresh.window() is None
    QCoreApplication.sendEvent(QApplication.instance(), QFileOpenEvent(str(demo_world.package)))
    assert fresh.pending == [demo_world.package]
    assert window.package_panel.review is None
    file_open_events.attach(window)
    qtbot.waitUntil(lambda: _package_open(window, demo_world), timeout=30_000)
    assert fresh.pending == []
    assert window.pages.currentWidget() is window.package_panel


def test_a_standard_double_clicked_shows_in_the_browser(
    qtbot, router, make_window, park_standard_path
) -> None:
    window = make_window(lang="en")
    QCoreApplication.sendEvent(QApplication.instance(), QFileOpenEvent(str(park_standard_path)))
    qtbot.waitUntil(lambda: window.browser.standard is not None, timeout=10_000)
    assert window.browser.standard.id == "SAMPLE-PARK-CREATION"
    assert window.pages.currentWidget() is window.browser


def test_the_router_goes_to_the_newest_window_and_queues_when_it_is_gone(
    qtbot, router, make_window, park_standard_path
) -> None:
    first = make_window(lang="en")
    second = make_window(lang="en")
    assert router.window() is second
    second.close()
    second.deleteLater()
    qtbot.waitUntil(lambda: router.window() is None)
    QCoreApplication.sendEvent(QApplication.instance(), QFileOpenEvent(str(park_standard_path)))
    assert router.pending == [park_standard_path]
    assert first.browser.standard is None


def test_other_events_and_non_file_urls_pass_through(router, qapp) -> None:
    from PySide6.QtCore import QUrl

    QCoreApplication.sendEvent(qapp, QFileOpenEvent(QUrl("https://example.org/x.rvpkg")))
    assert router.pending == []


def test_only_macos_gets_the_router_by_default(qapp, monkeypatch) -> None:
    file_open_events.uninstall()
    monkeypatch.setattr(sys, "platform", "linux")
    assert file_open_events.install(qapp) is None
    monkeypatch.setattr(sys, "platform", "win32")
    assert file_open_events.install(qapp) is None
    monkeypatch.setattr(sys, "platform", "darwin")
    try:
        assert file_open_events.install(qapp) is not None
        assert file_open_events.install(qapp) is file_open_events.install(qapp)  # once per application
    finally:
        file_open_events.uninstall()

"""Starting the app as ``reviewer gui`` does, and Help → About."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMessageBox

from reviewer import __version__
from reviewer.ui import app as app_module
from reviewer.ui.dialogs import about
from reviewer.ui.main_window import MainWindow


def test_run_app_shows_the_window_with_the_file_and_returns_the_exit_code(
    qtbot, monkeypatch, park_standard_path, tmp_path
) -> None:
    seen = {}

    def fake_exec() -> int:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        for window in windows:
            qtbot.addWidget(window)  # closed and deleted at teardown, translators with it
        qtbot.waitUntil(lambda: windows[-1].browser.standard is not None, timeout=10_000)
        seen["window"] = windows[-1]
        return 7

    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    code = app_module.run_app(data_dir=tmp_path / "portable", open_file=str(park_standard_path), lang="en")
    assert code == 7
    window = seen["window"]
    assert window.browser.standard.id == "SAMPLE-PARK-CREATION"
    assert window.settings.path == tmp_path / "portable" / "settings.ini"
    assert QApplication.applicationName() == "reviewer"


def test_about_names_the_version_in_the_ui_language(make_window, monkeypatch) -> None:
    shown = []
    monkeypatch.setattr(
        QMessageBox, "about", staticmethod(lambda parent, title, text: shown.append((title, text)))
    )
    window = make_window(lang="zh_CN")
    window.about_action.trigger()
    assert shown and shown[0][0] == "关于名城名园评审"
    assert __version__ in shown[0][1] and "离线专家评审" in shown[0][1]
    window.language_actions["en"].trigger()
    assert "Offline expert review" in about.about_text()

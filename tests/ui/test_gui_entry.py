"""``reviewer-gui [FILE]`` and ``reviewer gui --exit-when-ready``: how an installed build starts the
desktop app, and how its smoke test and start-up benchmark know the window is ready."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reviewer.cli import gui_argv
from reviewer.demo.package import DEMO_PASSPHRASE


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], ["gui"]),
        (["P.rvpkg"], ["gui", "P.rvpkg"]),  # a double-clicked file
        (
            ["--lang", "en", "P.rvpkg", "--identity", "ME"],
            ["--lang", "en", "gui", "P.rvpkg", "--identity", "ME"],
        ),
        (["--identity", "ME", "P.rvpkg"], ["gui", "--identity", "ME", "P.rvpkg"]),
        (["--data-dir=D", "-v", "P.rvpkg"], ["--data-dir=D", "-v", "gui", "P.rvpkg"]),
        (["gui", "P.rvpkg"], ["gui", "P.rvpkg"]),
        (["--version"], ["--version"]),
        (["--help"], ["--help"]),
    ],
)
def test_reviewer_gui_arguments_become_the_gui_command(argv: list[str], expected: list[str]) -> None:
    assert gui_argv(argv) == expected


def _gui(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "RV_TEST_PASS": DEMO_PASSPHRASE}
    return subprocess.run(
        [sys.executable, "-m", "reviewer", "--data-dir", str(tmp_path / "data"), "--lang", "en", "gui", *args,
         "--exit-when-ready"],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip


def test_exit_when_ready_opens_the_package_then_exits(demo_world, tmp_path: Path) -> None:
    done = _gui(tmp_path, str(demo_world.package), "--identity", str(demo_world.expert), "--passphrase-env",
                "RV_TEST_PASS")  # fmt: skip
    assert done.returncode == 0, done.stderr
    (line,) = [ln for ln in done.stdout.splitlines() if ln.startswith("ready ")]
    assert float(line.split()[1]) > 0
    assert (tmp_path / "data").is_dir()


def test_exit_when_ready_exits_3_when_the_package_is_refused(demo_world, tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.rvpkg"
    data = bytearray(demo_world.package.read_bytes())
    data[len(data) // 2] ^= 0xFF
    damaged.write_bytes(bytes(data))
    done = _gui(
        tmp_path, str(damaged), "--identity", str(demo_world.expert), "--passphrase-env", "RV_TEST_PASS"
    )
    assert done.returncode == 3
    assert "ready" not in done.stdout


def test_a_startup_error_is_shown_all_in_chinese(qtbot, monkeypatch) -> None:
    """Before any window or data folder: the message box, its title and Qt's own button in Chinese."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from reviewer import i18n
    from reviewer.ui import app as app_module

    monkeypatch.setattr(i18n, "language", lambda: "zh_CN")
    seen: dict[str, object] = {}

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.update(title=box.windowTitle(), text=box.text(), buttons=[b.text() for b in box.buttons()])
        box.close()

    QTimer.singleShot(200, read_and_close)
    try:
        app_module.show_startup_error("便携模式的数据文件夹无法写入。")
    finally:
        i18n.set_language("en")
    assert seen == {"title": "名城名园评审", "text": "便携模式的数据文件夹无法写入。", "buttons": ["确定"]}

"""Portable mode: ``portable.txt`` beside the frozen app's executable keeps the data beside it."""

from __future__ import annotations

import errno
import sys
from pathlib import Path

import platformdirs
import pytest

from reviewer import paths
from reviewer.cli import main
from reviewer.doctor.checks import data_folder
from reviewer.errors import PortableNotWritable


@pytest.fixture
def app_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A frozen app in ``tmp_path/app`` with the portable marker; no data folder chosen otherwise."""
    home = tmp_path / "app"
    home.mkdir()
    (home / paths.PORTABLE_MARKER).write_text("", encoding="utf-8")
    monkeypatch.setattr(sys, "executable", str(home / "reviewer.exe"))
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.delenv(paths.DATA_DIR_ENV)
    monkeypatch.setattr(platformdirs, "user_data_dir", lambda *a, **k: str(tmp_path / "platform"))
    return home


def test_the_marker_beside_the_frozen_app_puts_the_data_beside_it(app_folder: Path) -> None:
    assert paths.portable_dir() == app_folder / "data"
    assert paths.locate_data_dir() == (app_folder / "data", "portable")
    assert paths.data_dir() == app_folder / "data"
    assert (app_folder / "data").is_dir()
    assert not list((app_folder / "data").iterdir())  # the write test leaves nothing behind


def test_the_option_and_the_environment_win_over_the_marker(
    app_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert paths.data_dir(tmp_path / "given") == tmp_path / "given"
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(tmp_path / "env"))
    assert paths.data_dir() == tmp_path / "env"
    assert paths.data_dir(tmp_path / "given") == tmp_path / "given"
    assert not (app_folder / "data").exists()


def test_without_the_marker_the_platform_folder(app_folder: Path, tmp_path: Path) -> None:
    (app_folder / paths.PORTABLE_MARKER).unlink()
    assert paths.portable_dir() is None
    assert paths.data_dir() == tmp_path / "platform"


def test_not_frozen_the_marker_is_ignored(
    app_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delattr(sys, "frozen")
    assert paths.portable_dir() is None
    assert paths.locate_data_dir() == (tmp_path / "platform", "platform")


def test_a_read_only_stick_is_an_error_that_says_what_to_do(
    app_folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def read_only(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(paths.tempfile, "TemporaryFile", read_only)
    with pytest.raises(PortableNotWritable) as caught:
        paths.data_dir()
    assert caught.value.exit_code == 5
    assert str(app_folder / "data") in str(caught.value) and "portable.txt" in str(caught.value)
    # the command line says so instead of a traceback
    assert main(["--lang", "en", "demo", "--no-gui"]) == 5
    err = capsys.readouterr().err
    assert "cannot be written" in err and "Copy the whole app folder to a writable place" in err


def test_doctor_reports_portable_mode(app_folder: Path) -> None:
    line = data_folder().line()
    assert line == f"• Data folder: {app_folder / 'data'} (portable mode: on (portable.txt))"
    assert not (app_folder / "data").exists()


def test_reviewer_gui_from_the_desktop_shows_the_read_only_stick_in_a_message_box(
    app_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Started by a double-click, ``reviewer-gui`` has no console (Windows: ``sys.stderr`` is None),
    so the error that stops it before the window must be shown in a window."""
    from reviewer import cli
    from reviewer.ui import app as app_module

    def read_only(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    shown: list[str] = []
    monkeypatch.setattr(paths.tempfile, "TemporaryFile", read_only)
    monkeypatch.setattr(app_module, "show_startup_error", shown.append)
    monkeypatch.setattr(sys, "argv", [str(app_folder / "reviewer-gui.exe"), "--lang", "en"])
    monkeypatch.setattr(sys, "stderr", None)
    assert cli.gui_main() == 5
    (message,) = shown
    assert "cannot be written" in message and "portable.txt" in message

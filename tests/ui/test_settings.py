"""Remembered settings live in an INI file in the data folder."""

from __future__ import annotations

from PySide6.QtCore import QByteArray

from reviewer.ui.settings import MAX_RECENT, Settings


def test_settings_file_is_in_the_data_folder(qapp, data_dir) -> None:
    settings = Settings(data_dir)
    settings.set_language("en_US.UTF-8")
    assert settings.path == data_dir / "settings.ini"
    assert "language=en" in settings.path.read_text(encoding="utf-8")
    assert Settings(data_dir).language() == "en"


def test_nothing_remembered_yet(qapp, data_dir) -> None:
    settings = Settings(data_dir)
    assert settings.language() is None
    assert settings.geometry("main_window") is None
    assert settings.recent_standards() == []


def test_geometry_round_trips(qapp, data_dir) -> None:
    Settings(data_dir).set_geometry("w", QByteArray(b"\x01\x02geometry"))
    Settings(data_dir).sync()
    assert bytes(Settings(data_dir).geometry("w")) == b"\x01\x02geometry"


def test_recent_standards_most_recent_first_without_duplicates(qapp, data_dir, tmp_path) -> None:
    settings = Settings(data_dir)
    paths = [tmp_path / f"s{i}.json" for i in range(MAX_RECENT + 2)]
    for path in paths:
        settings.add_recent_standard(path)
    settings.add_recent_standard(paths[-3])
    recent = Settings(data_dir).recent_standards()
    assert len(recent) == MAX_RECENT
    assert recent[0] == str(paths[-3].resolve())
    assert recent[1] == str(paths[-1].resolve())
    assert len(set(recent)) == MAX_RECENT
    settings.clear_recent_standards()
    assert Settings(data_dir).recent_standards() == []


def test_a_single_recent_standard_survives_a_restart(qapp, data_dir, tmp_path) -> None:
    # QSettings hands a one-element list back from INI as a plain string.
    Settings(data_dir).add_recent_standard(tmp_path / "only.json")
    assert Settings(data_dir).recent_standards() == [str((tmp_path / "only.json").resolve())]

"""The ministry's shipped guide: both languages say the same tasks with the same screenshots, each one
a real 1024×700 window shot (or a dialog) small enough to ship, and the section ids the desk's help
opens (design of issue 22) are there in the same order."""

from __future__ import annotations

import re
import struct
from pathlib import Path

import pytest

GUIDES = Path(__file__).resolve().parents[2] / "reviewer" / "resources" / "guides"
REQUIRED = ("enrolment", "panels", "sealing", "import", "registry", "publicity", "reports", "year")
IMAGE = re.compile(r"!\[[^\]]*\]\((images/[^)]+)\)")
ID = re.compile(r"^\{#([A-Za-z0-9_-]+)\}$", re.MULTILINE)


def text(lang: str, doc: str = "ministry") -> str:
    return (GUIDES / lang / f"{doc}.md").read_text(encoding="utf-8")


def png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", path
    width, height = struct.unpack(">II", head[16:24])
    return width, height


def test_both_languages_have_the_same_ids_in_order_with_the_required_ones() -> None:
    zh, en = ID.findall(text("zh_CN")), ID.findall(text("en"))
    assert zh == en
    assert set(REQUIRED) <= set(zh)
    assert len(zh) == len(set(zh))


def test_both_languages_show_the_same_screenshots_in_the_same_order() -> None:
    zh, en = IMAGE.findall(text("zh_CN")), IMAGE.findall(text("en"))
    assert zh == en
    assert len(zh) >= 14  # a screenshot for each task


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_every_screenshot_exists_is_small_and_window_shots_are_1024_by_700(lang: str) -> None:
    for ref in IMAGE.findall(text(lang)):
        path = GUIDES / lang / ref
        assert path.is_file(), path
        assert path.stat().st_size < 120_000, path
        width, height = png_size(path)
        if width >= 1000:  # the desk's window; the smaller ones are its dialogs
            assert (width, height) == (1024, 700), path


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_quick_reference_names_the_tabs_and_what_to_do_when_refused(lang: str) -> None:
    quick = text(lang, "quick-ministry")
    words = (
        ("数据报送", "年度评估", "封装", "导入", "文件被拒收时", "reviewer ministry")
        if lang == "zh_CN"
        else (
            "Data returns",
            "Annual evaluation",
            "Seal",
            "Import",
            "When a file is refused",
            "reviewer ministry",
        )
    )
    for word in words:
        assert word in quick
    assert quick.startswith("---\ntitle: ")

"""reviewer.guides.html: a guide as the HTML the in-app viewer shows."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.guides import source
from reviewer.guides.html import png_size, to_html
from tests.guides.sample import png, write_guides


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = write_guides(tmp_path / "guides")
    monkeypatch.setattr(source, "guides_root", lambda: root)
    return root


def write(root: Path, body: str) -> source.Guide:
    text = f"---\ntitle: 专家使用指南\nupdated: 2026-12-05\n---\n\n{body}"
    (root / "zh_CN" / "expert.md").write_text(text, encoding="utf-8")
    return source.load("expert", "zh_CN")


def test_a_section_heading_carries_its_id_and_a_named_anchor(root: Path) -> None:
    html = to_html(write(root, "{#declarations}\n## 声明\n\n## 无编号\n"))
    assert '<h2 id="declarations"><a name="declarations"></a>声明</h2>' in html
    assert "<h2>无编号</h2>" in html
    assert "更新日期：2026-12-05" in html and "<title>专家使用指南</title>" in html


def test_the_english_guide_says_its_date_in_english(root: Path) -> None:
    assert "Updated: 2026-12-05" in to_html(source.load("expert", "en"))


def test_an_image_is_its_file_url_scaled_to_the_width_given(root: Path) -> None:
    shot = root / "zh_CN" / "images" / "wide.png"
    shot.write_bytes(png(1024, 700))
    guide = write(root, "1. 点击「打开」。\n\n   ![欢迎页](images/wide.png)\n")
    assert png_size(shot) == (1024, 700)
    html = to_html(guide, max_image_width=512)
    assert f'<img src="{shot.resolve().as_uri()}" alt="欢迎页" width="512" height="350" />' in html
    assert 'width="1024" height="700"' in to_html(guide)  # no limit: its own size


def test_a_missing_image_is_said_in_its_place(root: Path) -> None:
    guide = write(root, "![缺](images/none.png)\n")
    html = to_html(guide)
    assert "（图片缺失：images/none.png）" in html and "<img" not in html
    assert "<img" not in to_html(guide, sizes={})  # sizes given: nothing read, not there = missing


def test_tables_get_borders_and_their_alignment(root: Path) -> None:
    html = to_html(write(root, "| 键 | 作用 |\n|:--|--:|\n| `F1` | 帮助 |\n"))
    assert '<table border="1" cellspacing="0" cellpadding="5"' in html
    assert '<th align="left">键</th>' in html and '<td align="right">帮助</td>' in html
    assert "<code>F1</code>" in html


def test_raw_html_in_a_guide_is_shown_as_text(root: Path) -> None:
    html = to_html(write(root, '<img src="file:///etc/passwd">\n\n段落 <b>粗</b>\n'))
    assert "<b>" not in html and "&lt;b&gt;" in html
    assert "&lt;img" in html and "<img" not in html

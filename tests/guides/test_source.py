"""reviewer.guides.source: the guides' paths, the parser and a parsed Guide, on a tmp guides tree."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from reviewer.errors import InvalidInput, UsageError
from reviewer.guides import source
from reviewer.guides.source import GuideInvalid, GuideMissing, load
from tests.guides.sample import SECTIONS, write_guides


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = write_guides(tmp_path / "guides")
    monkeypatch.setattr(source, "guides_root", lambda: root)
    return root


def test_the_shipped_guides_live_in_the_package() -> None:
    assert source.guides_root().parts[-3:] == ("reviewer", "resources", "guides")
    assert source.guide_path("quick-chair", "en") == source.guides_root() / "en" / "quick-chair.md"


@pytest.mark.parametrize(("doc", "lang"), [("nope", "en"), ("expert", "fr"), ("../expert", "en")])
def test_an_unknown_doc_or_language_is_a_usage_error(doc: str, lang: str) -> None:
    with pytest.raises(UsageError):
        source.guide_path(doc, lang)


def test_a_guide_is_parsed_with_its_front_matter_ids_and_images(root: Path) -> None:
    guide = load("expert", "zh_CN")
    assert (guide.title, guide.updated) == ("专家使用指南", date(2026, 12, 5))
    assert guide.anchors == SECTIONS["expert"]
    assert guide.images == ((root / "zh_CN" / "images" / "expert-shot.png").resolve(),)
    assert any(t.type == "table_open" for t in guide.tokens)
    assert load("chair", "en").anchors == SECTIONS["chair"]


def test_a_missing_guide_names_doc_language_and_path(root: Path) -> None:
    (root / "en" / "ministry.md").unlink()
    with pytest.raises(GuideMissing) as caught:
        load("ministry", "en")
    assert isinstance(caught.value, InvalidInput) and caught.value.exit_code == 3
    for lang in ("zh_CN", "en"):
        said = caught.value.message.render(lang)
        assert "ministry" in said and "(en)" in said.replace("（", "(").replace("）", ")")
        assert str(root / "en" / "ministry.md") in said


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("# No front matter\n", "no title"),
        ("---\ntitle: X\nupdated: soon\n---\n# X\n", "updated"),
        ("---\ntitle: X\nupdated: 2026-12-05\n---\n{#a}\n# A\n\n{#a}\n# B\n", "'a'"),
        ("---\ntitle: X\nupdated: 2026-12-05\n---\n![x](../../secret.png)\n", "secret.png"),
        ("---\ntitle: X\nupdated: 2026-12-05\n---\n![x](https://example.org/x.png)\n", "example.org"),
    ],
)
def test_what_is_not_a_guide_is_refused_saying_why(root: Path, text: str, why: str) -> None:
    (root / "en" / "expert.md").write_text(text, encoding="utf-8")
    with pytest.raises(GuideInvalid) as caught:
        load("expert", "en")
    assert why in caught.value.message.render("en")


def test_raw_html_is_text_not_markup() -> None:
    html = source.parser().render("<b>x</b>\n")
    assert "&lt;b&gt;" in html and "<b>" not in html


@pytest.mark.parametrize(
    ("href", "target"),
    [
        ("#declarations", (None, "declarations")),
        ("chair.md#decisions", ("chair", "decisions")),
        ("troubleshooting.md", ("troubleshooting", None)),
        ("nope.md#x", None),
        ("../en/expert.md#x", None),
        ("https://www.miit.gov.cn/", None),
        ("file:///etc/passwd", None),
        ("#", None),
    ],
)
def test_a_link_goes_to_a_section_of_a_guide_or_nowhere(href: str, target: object) -> None:
    assert source.link_target(href) == target

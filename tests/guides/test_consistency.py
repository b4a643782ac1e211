"""The shipped guides agree with each other and with the app: every guide of the design exists in
both languages with the same section ids in the same order, the ids contextual help links to are
there, every screenshot a guide shows exists, every link between guides lands on a section."""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from urllib.parse import unquote

import pytest

from tests.guides.guide_text import DOCS, GUIDES, LANGS, REQUIRED_IDS, path, read, shipped

MAX_IMAGE_BYTES = 150 * 1024  # the design asks for optimised PNGs of about 120 KB at most


def test_every_guide_of_the_design_exists() -> None:
    missing = [
        str(path(doc, lang).relative_to(GUIDES))
        for doc in DOCS
        for lang in LANGS
        if not path(doc, lang).is_file()
    ]
    assert missing == [], f"guides missing (reviewer/resources/guides/): {', '.join(missing)}"


def test_no_guide_outside_the_design() -> None:
    """A file the viewer and the PDF would never show is a mistake (a typo in a name)."""
    expected = {path(doc, lang) for doc in DOCS for lang in LANGS}
    assert [str(p.relative_to(GUIDES)) for p in shipped() if p not in expected] == []


@pytest.mark.parametrize("doc", sorted(REQUIRED_IDS))
@pytest.mark.parametrize("lang", LANGS)
def test_the_required_ids_exist(doc: str, lang: str) -> None:
    file = path(doc, lang)
    assert file.is_file(), f"{file.relative_to(GUIDES)} does not exist yet"
    ids = read(file).ids
    assert [i for i in REQUIRED_IDS[doc] if i not in ids] == [], f"{file.relative_to(GUIDES)} lacks these ids"


@pytest.mark.parametrize("doc", DOCS)
def test_both_languages_have_the_same_ids_in_the_same_order(doc: str) -> None:
    files = {lang: path(doc, lang) for lang in LANGS}
    missing = [str(f.relative_to(GUIDES)) for f in files.values() if not f.is_file()]
    assert missing == [], f"{doc}: missing {', '.join(missing)}"
    zh, en = (read(files[lang]).ids for lang in LANGS)
    assert len(set(zh)) == len(zh), f"{doc} (zh_CN): an id is repeated"
    assert zh == en


def test_every_image_a_guide_shows_exists() -> None:
    absent = []
    for file in shipped():
        for src in read(file).images:
            target = file.parent / unquote(src)
            inside = target.resolve().is_relative_to(file.parent.resolve())
            if PurePosixPath(src).is_absolute() or "://" in src or not inside or not target.is_file():
                absent.append(f"{file.relative_to(GUIDES)}: {src}")
    assert absent == []


def test_every_link_between_guides_lands_on_a_section() -> None:
    """``#id`` within a guide and ``doc.md#id`` to another guide of the same language."""
    broken = []
    for file in shipped():
        for href in read(file).links:
            if "://" in href or href.startswith("mailto:"):
                continue
            name, _, anchor = href.partition("#")
            target = file if not name else file.parent / name
            if not target.is_file():
                broken.append(f"{file.relative_to(GUIDES)}: {href} (no such guide)")
            elif anchor and anchor not in read(target).ids:
                broken.append(f"{file.relative_to(GUIDES)}: {href} (no such section)")
    assert broken == []


def test_the_readme_lists_every_guide() -> None:
    """The README's documentation index links each guide of the design, in both languages."""
    readme = (GUIDES.parents[2] / "README.md").read_text(encoding="utf-8")
    linked = set(re.findall(r"\]\((reviewer/resources/guides/[^)#]+)\)", readme))
    expected = {f"reviewer/resources/guides/{lang}/{doc}.md" for doc in DOCS for lang in LANGS}
    assert sorted(expected - linked) == []
    assert [link for link in sorted(linked) if not (GUIDES.parents[2] / link).is_file()] == []


@pytest.mark.parametrize("lang", LANGS)
def test_every_shipped_screenshot_is_shown_and_small(lang: str) -> None:
    """The app carries no screenshot that no guide shows, and none beyond the design's budget."""
    folder = GUIDES / lang
    shown = {(folder / unquote(src)).resolve() for file in folder.glob("*.md") for src in read(file).images}
    files = sorted((folder / "images").glob("*")) if (folder / "images").is_dir() else []
    assert [p.name for p in files if p.resolve() not in shown] == []
    assert [
        f"{p.name}: {p.stat().st_size // 1024} KB" for p in files if p.stat().st_size > MAX_IMAGE_BYTES
    ] == []

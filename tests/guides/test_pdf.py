"""A guide on paper (reviewer.guides.pdf): every font embedded, the title and the steps readable by
pdftotext, the version and the guide's date on every page with 第 n 页 共 N 页, the screenshots drawn,
a missing one refused by name, the file written whole. Small guides in a temporary guides folder,
and the shipped guides when they are there."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from reviewer.guides import pdf as guide_pdf
from reviewer.guides import source
from reviewer.guides.pdf import write_pdf
from reviewer.guides.source import GuideInvalid, GuideMissing

pytestmark = pytest.mark.skipif(
    shutil.which("pdffonts") is None
    or shutil.which("pdftotext") is None
    or shutil.which("pdfimages") is None,
    reason="poppler-utils (pdffonts, pdftotext, pdfimages) is not installed",
)

VERSION = "9.8.7"
SHOT = (1024, 700)  # the guides' window size

ZH = """---
title: 专家使用指南
updated: 2026-11-30
---
# 专家使用指南

本指南说明专家如何完成评审。

{#first-start}
## 首次启动

1. 双击「reviewer」图标启动程序。
   ![主窗口](images/start.png)
2. 在「身份」对话框中填写姓名，点击「创建」。
   ![身份](images/identity.png)
3. 按 `Ctrl+S` 保存，详见[评分](#scoring)与[另一指南](chair.md#matrix)。

{#scoring}
## 评分

- 用 `↑` `↓` 选择指标。
  - 二级要点
- 数字键输入分值。

![评分页](images/start.png)

| 按键 | 作用 |
|---|--:|
| `F1` | 打开使用指南 |
| `F2` | ![](images/key.png) 图标 |

> 提示：评分随时自动保存。

```
reviewer sheet fill P.rvpkg --identity ME
```

{#finalise}
## 签署

签署后不可修改。
"""

EN = """---
title: Expert guide
updated: 2026-11-30
---
{#first-start}
## First start

1. Double-click the reviewer icon to start the app.
   ![Main window](images/start.png)
2. Fill in your name and click "Create".

| When | Work | Desk | Command |
|---|---|---|---|
| After a creation review passes | Open the publicity (in working or calendar days); decide it after its end | Registry › Open the publicity…, Close the publicity… | `reviewer ministry publicity open`, `decide` |
"""


def _png(path: Path, size: tuple[int, int], shade: int) -> None:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", size, (shade, shade, 255 - shade))
    draw = ImageDraw.Draw(image)
    draw.rectangle((size[0] // 8, size[1] // 8, size[0] - size[0] // 8, size[1] // 4), fill=(255, 255, 255))
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path)


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A guides folder with an expert guide in both languages and its screenshots."""
    folder = tmp_path / "guides"
    for lang, text in (("zh_CN", ZH), ("en", EN)):
        (folder / lang).mkdir(parents=True)
        (folder / lang / "expert.md").write_text(text, encoding="utf-8")
        _png(folder / lang / "images" / "start.png", SHOT, 40)
        images = folder / lang / "images"
        _png(images / "identity.png", (800, 1400), 200)  # tall: scaled to the frame's height
        _png(images / "key.png", (64, 48), 120)  # small: in a table cell, not enlarged
    monkeypatch.setattr(source, "guides_root", lambda: folder)
    return folder


def fonts_of(pdf: Path) -> list[list[str]]:
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    return [line.split() for line in out.splitlines()[2:] if line.strip()]


def pages_of(pdf: Path) -> list[str]:
    """The text of each page (pdftotext separates pages with a form feed)."""
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return out.split("\f")[:-1]


def images_of(pdf: Path) -> list[tuple[int, int, int]]:
    """(page, width, height) of every image drawn."""
    return [(page, w, h) for page, w, h, _ in drawings_of(pdf)]


def drawings_of(pdf: Path) -> list[tuple[int, int, int, int]]:
    """(page, width, height, object number) of every image drawn."""
    out = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = (line.split() for line in out.splitlines()[2:])
    return [(int(r[0]), int(r[3]), int(r[4]), int(r[10])) for r in rows if r]


def outline_of(pdf: Path) -> tuple[dict[str, int], list[int]]:
    """The outline (title → the page number it goes to) and the pages the links in the PDF go to."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    with pdf.open("rb") as fh:
        reader = PdfFileReader(fh)
        kids = reader.root["/Pages"].raw_get("/Kids")
        number = {(ref.idnum, ref.generation): i for i, ref in enumerate(kids, start=1)}

        def page(dest: object) -> int:
            ref = dest.raw_get(0) if hasattr(dest, "raw_get") else dest[0]  # type: ignore[index]
            return number[(ref.idnum, ref.generation)]

        entry = reader.root["/Outlines"]["/First"]
        outline = {str(entry["/Title"]): page(entry.raw_get("/Dest"))}
        while "/Next" in entry:
            entry = entry["/Next"]
            outline[str(entry["/Title"])] = page(entry.raw_get("/Dest"))
        links = []
        for i in range(len(kids)):
            annots = reader.find_page_for_modification(i)[0].get_object().get("/Annots", [])
            links += [page(a.get_object().raw_get("/Dest")) for a in annots]
    return outline, links


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def assert_all_embedded(pdf: Path) -> None:
    rows = fonts_of(pdf)
    assert rows, "no font listed"
    for row in rows:
        assert row[-5] == "yes", f"not embedded: {row}"  # columns: ... emb sub uni object ID


def assert_furniture(pages: list[str], version: str, updated: str, *, en: bool = False) -> None:
    total = len(pages)
    for number, page in enumerate(pages, start=1):
        assert version in page, f"page {number} lacks the version"
        assert updated in page, f"page {number} lacks the date"
        if en:
            assert f"Page {number} of {total}" in page
        else:
            assert f"第{number}页共{total}页" in flat(page), f"page {number}: {page[-80:]!r}"


def test_a_chinese_guide_is_embedded_readable_and_numbered(root: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "专家使用指南.pdf"
    assert write_pdf(source.load("expert", "zh_CN"), out, version=VERSION) == out
    assert_all_embedded(out)
    names = [row[0] for row in fonts_of(out)]
    assert any("WenQuanYiMicroHei" in n for n in names) and not any("Helvetica" in n for n in names)
    pages = pages_of(out)
    assert len(pages) >= 3  # two full-width screenshots and a tall one do not share a page
    assert "专家使用指南" in pages[0]
    assert f"适用于 reviewer {VERSION}" in pages[0]
    text = flat("".join(pages))
    assert "双击「reviewer」图标启动程序。" in text  # a step, its lines joined without a space
    assert "在「身份」对话框中填写姓名，点击「创建」。" in text
    assert "按Ctrl+S保存，详见评分与另一指南。" in text  # keys; links (here, and to another guide)
    assert "reviewersheetfillP.rvpkg--identityME" in text  # the code block
    assert "提示：评分随时自动保存。" in text and "打开使用指南" in text and "图标" in text  # quote, table
    assert (
        text.count("专家使用指南") >= len(pages) + 1
    )  # the header, and the title once (its # heading is not repeated)
    assert_furniture(pages, VERSION, "2026-11-30")


def test_every_screenshot_is_drawn_once_scaled_not_resampled(root: Path, tmp_path: Path) -> None:
    out = tmp_path / "g.pdf"
    write_pdf(source.load("expert", "zh_CN"), out, version=VERSION)
    drawn = drawings_of(out)
    # start.png twice in the guide, identity.png once: each at its own pixel size (not resampled)
    assert sorted((w, h) for _, w, h, _ in drawn) == [(64, 48), (800, 1400), SHOT, SHOT]
    assert len({page for page, _, _, _ in drawn}) >= 3
    assert len({number for _, _, _, number in drawn}) == 3  # start.png is stored once


def test_the_headings_are_the_outline_and_the_links_go_there(root: Path, tmp_path: Path) -> None:
    out = tmp_path / "g.pdf"
    write_pdf(source.load("expert", "zh_CN"), out, version=VERSION)
    outline, links = outline_of(out)
    assert list(outline) == ["首次启动", "评分", "签署"]
    assert outline["首次启动"] == 1 and len(set(outline.values())) >= 2
    # 目录's three entries, then [评分](#scoring); the link to another guide is text
    assert links == [outline["首次启动"], outline["评分"], outline["签署"], outline["评分"]]
    first = subprocess.run(["pdftotext", "-layout", "-f", "1", "-l", "1", str(out), "-"], capture_output=True,
                           text=True, check=True).stdout  # fmt: skip
    assert "目录" in first
    for title, page in outline.items():  # 目录 gives each section's page
        assert re.search(rf"^{title}\s+{page}$", first, re.MULTILINE), (title, page, first)


def test_an_english_guide_says_page_n_of_n(root: Path, tmp_path: Path) -> None:
    out = tmp_path / "en.pdf"
    write_pdf(source.load("expert", "en"), out, version=VERSION)
    assert_all_embedded(out)
    pages = pages_of(out)
    assert "Expert guide" in pages[0] and "Double-click the reviewer icon" in pages[0]
    words = re.sub(r"\s+", " ", pages[0])
    assert "After a creation review passes" in words  # English breaks between words, not inside one
    assert "decide it after its end" in words and "Close the publicity" in words
    assert_furniture(pages, VERSION, "2026-11-30", en=True)
    assert [(w, h) for _, w, h in images_of(out)] == [SHOT]


def test_a_missing_image_is_named_and_nothing_is_written(root: Path, tmp_path: Path) -> None:
    (root / "zh_CN" / "images" / "identity.png").unlink()
    out = tmp_path / "out" / "g.pdf"
    with pytest.raises(GuideMissing) as caught:
        write_pdf(source.load("expert", "zh_CN"), out, version=VERSION)
    assert "images/identity.png" in str(caught.value)
    assert caught.value.exit_code == 3
    assert not out.exists()


def test_an_image_that_is_not_an_image_is_named(root: Path, tmp_path: Path) -> None:
    (root / "zh_CN" / "images" / "start.png").write_bytes(b"not a png")
    with pytest.raises(GuideInvalid, match=r"images/start\.png"):
        write_pdf(source.load("expert", "zh_CN"), tmp_path / "g.pdf", version=VERSION)


def test_a_failed_build_leaves_the_previous_file(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "g.pdf"
    out.write_bytes(b"previous")
    real = guide_pdf._furniture

    def failing(guide, version, total):  # type: ignore[no-untyped-def]
        draw = real(guide, version, total)

        def page(canvas, doc):  # type: ignore[no-untyped-def]
            if total is not None and canvas.getPageNumber() == 2:
                raise OSError("the disk went away")
            draw(canvas, doc)

        return page

    monkeypatch.setattr(guide_pdf, "_furniture", failing)
    with pytest.raises(OSError, match="went away"):
        write_pdf(source.load("expert", "zh_CN"), out, version=VERSION)
    assert out.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_memory_does_not_grow_with_the_screenshots(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each screenshot is decoded when its page is drawn and let go: twenty (2 MB each decoded) peak
    about as high as two."""
    import tracemalloc

    from PIL import Image

    folder = tmp_path / "guides"
    (folder / "zh_CN" / "images").mkdir(parents=True)
    monkeypatch.setattr(source, "guides_root", lambda: folder)

    def peak(count: int) -> int:
        lines = ["---", "title: 测试", "updated: 2026-12-05", "---", ""]
        for i in range(count):
            Image.new("RGB", SHOT, (i * 11 % 255, 90, 200)).save(folder / "zh_CN" / "images" / f"s{i}.png")
            lines += [f"{i + 1}. 第 {i + 1} 步。", f"   ![图 {i}](images/s{i}.png)"]
        (folder / "zh_CN" / "expert.md").write_text("\n".join(lines), encoding="utf-8")
        guide = source.load("expert", "zh_CN")
        tracemalloc.start()
        try:
            write_pdf(guide, tmp_path / f"{count}.pdf", version=VERSION)
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    peak(1)  # fonts registered, modules loaded
    two, twenty = peak(2), peak(20)
    assert len(images_of(tmp_path / "20.pdf")) == 20
    assert twenty < 1.5 * two, (two, twenty)
    assert twenty < 20 * SHOT[0] * SHOT[1] * 3 / 2  # far below twenty decoded at once


SHIPPED = [
    (doc, lang) for lang in source.LANGS for doc in source.DOCS if source.guide_path(doc, lang).is_file()
]


@pytest.mark.slow
@pytest.mark.skipif(not SHIPPED, reason="no guide is shipped yet")
@pytest.mark.parametrize(("doc", "lang"), SHIPPED)
def test_the_shipped_guides(doc: str, lang: str, tmp_path: Path) -> None:
    guide = source.load(doc, lang)
    out = tmp_path / f"{doc}.pdf"
    write_pdf(guide, out, version=VERSION)
    assert_all_embedded(out)
    pages = pages_of(out)
    assert flat(guide.title) in flat(pages[0])
    assert_furniture(pages, VERSION, guide.updated.isoformat(), en=lang == "en")
    assert len({number for _, _, _, number in drawings_of(out)}) == len(guide.images)  # each drawn


QUICK = [doc for doc in source.DOCS if doc.startswith("quick-")]


@pytest.mark.slow
@pytest.mark.parametrize("lang", source.LANGS)
@pytest.mark.parametrize("doc", QUICK)
def test_each_quick_reference_is_one_printed_page(doc: str, lang: str, tmp_path: Path) -> None:
    """Issue 22: "a one-page quick reference per role" — one A4 sheet to take to a site visit."""
    assert len(QUICK) == len(source.ROLES)  # one for each role
    out = tmp_path / f"{doc}-{lang}.pdf"
    write_pdf(source.load(doc, lang), out, version=VERSION)
    pages = pages_of(out)
    assert len(pages) == 1, f"{doc} ({lang}) prints on {len(pages)} pages"

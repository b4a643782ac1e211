"""A user guide on paper: the shipped Markdown guide set as an A4 PDF.

    write_pdf(load("expert", "zh_CN"), Path("专家使用指南.pdf"), version=reviewer.__version__)

The PDF opens with a title block (the guide's title, the version of the app it is for and the
guide's ``updated`` date) and 目录 (the sections and their pages), then the guide
(:mod:`reviewer.guides.pdf_story`: headings, which are also the PDF's outline, lists, tables, code
and keys, quotes, the screenshots). Every page carries the title, the app's version and the guide's
date in its header and "第 n 页 共 N 页" ("Page n of N" in an English guide) in its footer. Only the
shipped fonts are used, embedded, so ``pdffonts`` lists no font that is not embedded.

The document is laid out twice: once to learn the page count and each section's page (for 目录;
the screenshots measured, not drawn), then for real with them known (the same layout). A
screenshot's pixels are read from its file only when its page is drawn, one at a time; the PDF is
written whole or not at all (:func:`reviewer.files.atomic_writer`). Every image the guide
references must be there: a missing one is a ``GuideMissing`` naming it (an unreadable one a
``GuideInvalid``), raised before anything is written.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import PIL.Image
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, SimpleDocTemplate

from reviewer.export import fonts
from reviewer.export.record_layout import BOTTOM_MARGIN, INK, LIGHT_RULE, MARGIN, MUTED, TOP_MARGIN
from reviewer.files import atomic_writer
from reviewer.guides.pdf_story import Heading, Story
from reviewer.guides.source import Guide, GuideInvalid, GuideMissing, image_sources, resolve_image
from reviewer.i18n import T, Text


def _image_problem(guide: Guide, src: str, path: Path, *, missing: bool) -> Text:
    if missing:
        return T(
            "使用指南「{title}」引用的图片 {src} 不存在（{path}）。安装不完整，请重新安装本程序。",
            "The guide “{title}” references the image {src}, which is missing ({path}). The installation is "
            "incomplete; reinstall the app.",
            title=guide.title,
            src=src,
            path=str(path),
        )
    return T(
        "使用指南「{title}」引用的图片 {src} 无法读取（{path}）。请重新安装本程序。",
        "The guide “{title}” references the image {src}, which cannot be read ({path}). Reinstall the app.",
        title=guide.title,
        src=src,
        path=str(path),
    )


def _images(guide: Guide) -> dict[str, tuple[Path, tuple[int, int]]]:
    """Every image the guide references (``src`` → the file and its size in pixels); a missing one is
    a :class:`~reviewer.guides.source.GuideMissing` naming it, one that is not an image a
    :class:`~reviewer.guides.source.GuideInvalid`."""
    found: dict[str, tuple[Path, tuple[int, int]]] = {}
    for token in image_sources(guide.tokens):
        src = str(token.attrs.get("src", ""))
        if src in found:
            continue
        path = resolve_image(guide.folder, src) or guide.folder / src  # (load refuses one outside it)
        try:
            with PIL.Image.open(path) as image:  # reads the header only
                width, height = image.size
                image.verify()
        except FileNotFoundError as exc:
            raise GuideMissing(_image_problem(guide, src, path, missing=True), detail=repr(exc)) from exc
        except (OSError, ValueError, SyntaxError, PIL.Image.DecompressionBombError) as exc:
            raise GuideInvalid(_image_problem(guide, src, path, missing=False), detail=repr(exc)) from exc
        found[src] = (path, (int(width), int(height)))
    return found


class _Document(SimpleDocTemplate):  # type: ignore[misc]  # reportlab has no types
    """Each heading: a bookmark (the target of its links), an outline entry, its page noted."""

    heading_pages: dict[str, int]

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, Heading):
            self.heading_pages[flowable.key] = int(self.page)
            self.canv.bookmarkPage(flowable.key)
            self.canv.addOutlineEntry(
                flowable.outline, flowable.key, flowable.level, closed=flowable.level > 0
            )


def _furniture(guide: Guide, version: str, total: int | None) -> Callable[[Canvas, Any], None]:
    """Draws a page's header (title; version and date) and footer (page n of N)."""
    en = guide.lang == "en"
    right = (f"reviewer {version} · updated {guide.updated.isoformat()}" if en
             else f"reviewer {version} · 更新日期 {guide.updated.isoformat()}")  # fmt: skip

    def draw(canvas: Canvas, doc: Any) -> None:
        number = canvas.getPageNumber()
        of = "?" if total is None else str(total)
        width, height = A4
        canvas.saveState()
        canvas.setFont(fonts.font_name(), 8)
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN, height - 14 * mm, guide.title)
        canvas.drawRightString(width - MARGIN, height - 14 * mm, right)
        canvas.setStrokeColor(LIGHT_RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, height - 16 * mm, width - MARGIN, height - 16 * mm)
        canvas.setFillColor(INK)
        canvas.setFont(fonts.font_name(), 9)
        canvas.drawCentredString(
            width / 2, 11 * mm, f"Page {number} of {of}" if en else f"第 {number} 页  共 {of} 页"
        )
        canvas.restoreState()

    return draw


class _Discard:
    """Where the counting pass writes its PDF."""

    def write(self, data: bytes) -> int:
        return len(data)


Layout = tuple[int, dict[str, int]]  # the page count, the page of each heading


def _build(guide: Guide, out: Any, version: str, images: dict[str, tuple[Path, tuple[int, int]]],
           known: Layout | None) -> Layout:  # fmt: skip
    """Lay the guide out into ``out``; ``known``: the first layout's pages (None: this is it)."""
    en = guide.lang == "en"
    meta = (f"reviewer {version} · updated {guide.updated.isoformat()}" if en
            else f"适用于 reviewer {version} · 更新日期 {guide.updated.isoformat()}")  # fmt: skip
    doc = _Document(
        out,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=TOP_MARGIN,
        bottomMargin=BOTTOM_MARGIN,
        title=guide.title,
        author="reviewer",
        subject=f"reviewer {version} · {guide.doc} · {guide.updated.isoformat()}",
        creator="reviewer",
        lang="en" if en else "zh-CN",
        invariant=1,
        **fonts.document_options(),
    )
    doc.heading_pages = {}
    furniture = _furniture(guide, version, None if known is None else known[0])
    pages = None if known is None else known[1]
    story = Story(guide, images, draw_pixels=known is not None, pages=pages).build(meta)
    doc.build(story, onFirstPage=furniture, onLaterPages=furniture)
    return int(doc.page), doc.heading_pages


def write_pdf(guide: Guide, out: Path, *, version: str) -> Path:
    """Write ``guide`` as an A4 PDF to ``out`` (whole or not at all) and return ``out``.

    Raises ``GuideMissing`` for an image the guide references that is not there (``GuideInvalid``
    for one that is not an image), before anything is written; :class:`~reviewer.errors.DiskFull`
    when the disk is full.
    """
    images = _images(guide)
    known = _build(guide, _Discard(), version, images, None)
    for _ in range(3):  # the second layout repeats the first (a page number in 目录 moves nothing)
        with atomic_writer(out) as fh:
            layout = _build(guide, fh, version, images, known)
        if layout == known:
            break
        known = layout
    return Path(out)

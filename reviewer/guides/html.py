"""A guide as HTML for the in-app viewer (Qt's rich text, the subset ``QTextBrowser`` shows).

Each section heading carries its id twice: ``id`` on the heading and an ``<a name=…>`` inside it
(``QTextBrowser.scrollToAnchor`` finds named anchors). Tables get a border and padding as
attributes (Qt's rich text ignores most CSS of tables); images are ``file:`` URLs of the guide's
own files (the viewer adds the decoded images as document resources under the same URLs), scaled
down to ``max_image_width`` when given. A missing image is said in its place, in the guide's
language. Raw HTML never gets through: the parser escapes it.
"""

from __future__ import annotations

import struct
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from markdown_it.common.utils import escapeHtml
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from reviewer.guides.source import Guide, parser, resolve_image
from reviewer.i18n import T

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def image_url(path: Path) -> str:
    """The URL an image is shown under (and added to the viewer's document as)."""
    return path.as_uri()


def png_size(path: Path) -> tuple[int, int] | None:
    """Width and height from a PNG's header (24 bytes read); None when it is not a readable PNG."""
    try:
        with path.open("rb") as f:
            head = f.read(24)
    except OSError:
        return None
    if len(head) < 24 or not head.startswith(PNG_SIGNATURE) or head[12:16] != b"IHDR":
        return None
    width, height = struct.unpack(">II", head[16:24])
    return int(width), int(height)


def to_html(
    guide: Guide,
    *,
    max_image_width: int | None = None,
    sizes: Mapping[Path, tuple[int, int]] | None = None,
) -> str:
    """The guide as an HTML document for ``QTextBrowser``. ``sizes``: the images' pixel sizes when
    the caller already has them (an image not among them is then said to be missing); without it,
    each is read from its PNG header."""
    md = parser()
    env: dict[str, Any] = {
        "guide": guide,
        "max_width": max_image_width,
        "sizes": None if sizes is None else dict(sizes),
    }
    md.add_render_rule("heading_open", _heading_open)
    md.add_render_rule("image", _image)
    md.add_render_rule("table_open", _table_open)
    md.add_render_rule("th_open", _cell_open)
    md.add_render_rule("td_open", _cell_open)
    body = md.renderer.render(list(guide.tokens), md.options, env)
    updated = T("更新日期：{date}", "Updated: {date}", date=guide.updated.isoformat()).render(guide.lang)
    return (
        f'<html><head><meta charset="utf-8"><title>{escapeHtml(guide.title)}</title></head><body>'
        f'<p style="color:#666666;">{escapeHtml(updated)}</p>\n{body}</body></html>'
    )


def _heading_open(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    token = tokens[idx]
    anchor = token.attrs.get("id")
    if anchor is None:
        return f"<{token.tag}>"
    name = escapeHtml(str(anchor))
    return f'<{token.tag} id="{name}"><a name="{name}"></a>'


def _table_open(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    return '<table border="1" cellspacing="0" cellpadding="5" style="border-collapse:collapse;">\n'


def _cell_open(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    token = tokens[idx]
    style = token.attrs.get("style")
    align = f' align="{str(style).removeprefix("text-align:")}"' if style else ""
    return f"<{token.tag}{align}>"


def _image(self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
    token = tokens[idx]
    guide: Guide = env["guide"]
    alt = self.renderInlineAsText(token.children or [], options, env)
    path = resolve_image(guide.folder, str(token.attrs.get("src", "")))
    sizes = env["sizes"]
    size = None if path is None else png_size(path) if sizes is None else sizes.get(path)
    if path is None or size is None:
        missing = T("（图片缺失：{name}）", "(image missing: {name})", name=str(token.attrs.get("src", "")))
        return f'<span style="color:#a00000;">{escapeHtml(missing.render(guide.lang))}</span>'
    width, height = size
    max_width = env["max_width"]
    if max_width and width > max_width:
        width, height = max_width, max(1, round(height * max_width / width))
    return (
        f'<img src="{escapeHtml(image_url(path))}" alt="{escapeHtml(alt)}" '
        f'width="{width}" height="{height}" />'
    )

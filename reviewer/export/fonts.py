"""The fonts every PDF the app writes uses: a shipped CJK font, embedded, plus an optional fallback.

Chinese documents need a font with Chinese glyphs, and a PDF is only portable if that font travels
inside it. We ship WenQuanYi Micro Hei (``reviewer/resources/fonts/wqy-microhei.ttc``, Apache-2.0 or GPL-3+
with the font exception; see ``reviewer/resources/fonts/README.md``) and register it with reportlab as
:data:`PRIMARY` (``"RVSans"``). reportlab always embeds a subset of a TrueType font, so every PDF
set in it carries its glyphs. Pass :func:`document_options` to the document template (a canvas
otherwise starts in Helvetica and lists it, unembedded), and give every ``Table`` a
``("FONTNAME", (0, 0), (-1, -1), font_name())`` style command (a table sets Helvetica on the canvas
even when all its cells are paragraphs). Never use reportlab's built-in fonts (Helvetica, Times...) in a
document: they are not embedded and have no Chinese glyphs.

The font has the rare characters common in Chinese personal names (堃 喆 玥 燊 昇 鑫 淼 犇...), but not
everything: CJK Extension A characters such as 䶮 and anything beyond the Basic Multilingual Plane
are missing. :func:`missing_glyphs` finds them. A fallback font (set with :func:`set_fallback_font`
or the ``REVIEWER_FALLBACK_FONT`` environment variable, ``path`` or ``path#index`` for a
collection) covers them: :func:`markup` escapes a text for a reportlab ``Paragraph`` and switches to
the fallback font for exactly the characters the primary font lacks.

The font has no bold or italic face; the family is registered so that ``<b>``/``<i>`` in markup
fall back to the regular face instead of failing. Headings are set larger, not bold.
"""

from __future__ import annotations

import hashlib
import os
import threading
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import textsplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont
from reportlab.platypus import paragraph

from reviewer.errors import ReviewerError
from reviewer.i18n import T
from reviewer.paths import resource

PRIMARY = "RVSans"
FONT_FILE = resource("fonts", "wqy-microhei.ttc")
FONT_SUBFONT_INDEX = 0  # face 0 of the collection is the proportional "WenQuanYi Micro Hei"
FALLBACK_ENV = "REVIEWER_FALLBACK_FONT"
# Chinese closing punctuation that must not start a line (GB/T 15834 practice). reportlab's list
# (``textsplit.ALL_CANNOT_START``) was written for Japanese and lacks the full-width comma, colon,
# semicolon, question and exclamation marks and closing quotes, so "，" could begin a line.
CHINESE_CANNOT_START = "，：；？！”’》〉）］｝〗"

_lock = threading.RLock()
_fallback: str | None = None  # the registered name of the fallback font, if any
_fallback_source: str | None = None  # the env/explicit spec it was registered from
_fallback_explicit = False
_taught = False  # the Chinese line-breaking rules are in reportlab's (see _teach_chinese_line_breaking)


class FontUnavailable(ReviewerError):
    """A font file the documents need cannot be read."""


def _load(name: str, path: Path, index: int) -> None:
    """Register ``path`` (face ``index`` of a collection) under ``name`` with its family mapping."""
    try:
        font = TTFont(name, str(path), subfontIndex=index)
    except (OSError, TTFError) as exc:
        raise FontUnavailable(
            T(
                "无法读取字体文件 {path}：{error}。请重新安装本程序，或检查所设置的后备字体。",
                "Cannot read the font file {path}: {error}. Reinstall the app, or check the fallback font set.",
                path=str(path),
                error=str(exc),
            ),
            detail=repr(exc),
        ) from exc
    pdfmetrics.registerFont(font)
    pdfmetrics.registerFontFamily(name, normal=name, bold=name, italic=name, boldItalic=name)


def _registered(name: str) -> bool:
    return name in pdfmetrics.getRegisteredFontNames()


def _parse_spec(spec: str) -> tuple[Path, int]:
    path, sep, index = spec.rpartition("#")
    if sep and index.isdigit():
        return Path(path).expanduser(), int(index)
    return Path(spec).expanduser(), 0


def _register_fallback(spec: str) -> str:
    global _fallback, _fallback_source
    path, index = _parse_spec(spec)
    digest = hashlib.sha256(f"{path.resolve()}#{index}".encode()).hexdigest()[:8]
    name = f"RVFallback-{digest}"
    if not _registered(name):
        _load(name, path, index)
    _fallback, _fallback_source = name, spec
    return name


def _teach_chinese_line_breaking() -> None:
    """Add :data:`CHINESE_CANNOT_START` to the characters reportlab's CJK wrapping keeps off a line's start.

    ``Paragraph`` with ``wordWrap="CJK"`` reads the module global at wrap time, so extending it
    (once, idempotently) fixes every paragraph; the hanging punctuation goes into the margin.
    """
    missing = "".join(c for c in CHINESE_CANNOT_START if c not in paragraph.ALL_CANNOT_START)
    if missing:
        paragraph.ALL_CANNOT_START += missing
        textsplit.ALL_CANNOT_START = paragraph.ALL_CANNOT_START


def register_fonts() -> str:
    """Register the shipped font (once; later calls are cheap) and any fallback; return :data:`PRIMARY`.

    Also teaches reportlab's line breaking the Chinese punctuation rules (see
    :data:`CHINESE_CANNOT_START`).
    """
    global _taught
    same_fallback = _fallback_explicit or (os.environ.get(FALLBACK_ENV) or None) == _fallback_source
    if _taught and same_fallback and _registered(PRIMARY):  # the common case: once per paragraph
        return PRIMARY
    with _lock:
        _teach_chinese_line_breaking()
        _taught = True
        if not _registered(PRIMARY):
            _load(PRIMARY, FONT_FILE, FONT_SUBFONT_INDEX)
        if not _fallback_explicit:
            spec = os.environ.get(FALLBACK_ENV) or None
            if spec != _fallback_source:
                if spec:
                    _register_fallback(spec)
                else:
                    _clear_fallback()
    return PRIMARY


def _clear_fallback() -> None:
    global _fallback, _fallback_source
    _fallback, _fallback_source = None, None


def font_name() -> str:
    """The font name to put in paragraph and table styles (registers the font if needed)."""
    return register_fonts()


def document_options() -> dict[str, object]:
    """Keyword arguments for a reportlab ``DocTemplate``/``Canvas`` so that no unembedded font sneaks in.

    A reportlab canvas starts in Helvetica and lists it in the PDF even when no text uses it;
    starting in :data:`PRIMARY` keeps every font of the document embedded.
    """
    return {"initialFontName": font_name(), "initialFontSize": 10}


def set_fallback_font(path: str | os.PathLike[str] | None, index: int = 0) -> str | None:
    """Use ``path`` (face ``index``) for characters the shipped font lacks; ``None`` removes it.

    An explicit choice wins over ``REVIEWER_FALLBACK_FONT``. Returns the fallback's font name.
    """
    global _fallback_explicit
    with _lock:
        register_fonts()
        if path is None:
            _clear_fallback()
            _fallback_explicit = False
            return None
        name = _register_fallback(f"{os.fspath(path)}#{index}")
        _fallback_explicit = True
        return name


def fallback_font_name() -> str | None:
    """The registered fallback font's name, or ``None`` when no fallback is configured."""
    register_fonts()
    return _fallback


def has_glyph(char: str, name: str = PRIMARY) -> bool:
    """Whether the registered font ``name`` has a glyph for the single character ``char``."""
    register_fonts()
    font = pdfmetrics.getFont(name)
    face = getattr(font, "face", None)
    if face is None:
        raise ValueError(f"{name} is not a TrueType font")
    return ord(char) in face.charToGlyph


def missing_glyphs(text: str, name: str = PRIMARY) -> list[str]:
    """The distinct characters of ``text`` (in order of appearance) that font ``name`` cannot draw.

    Control characters (newlines, tabs) are ignored: they are layout, not glyphs.
    """
    seen: dict[str, None] = {}
    for char in text:
        if ord(char) >= 0x20 and char not in seen and not has_glyph(char, name):
            seen[char] = None
    return list(seen)


def markup(text: str) -> str:
    """``text`` escaped for a reportlab ``Paragraph``, with the fallback font where the primary lacks a glyph.

    Characters missing from both fonts are left as they are (they will show as empty boxes);
    check :func:`missing_glyphs` first to warn the user.
    """
    fallback = fallback_font_name()
    if fallback is None or not missing_glyphs(text):
        return escape(text)
    out: list[str] = []
    run: list[str] = []
    in_fallback = False

    def flush() -> None:
        if run:
            chunk = escape("".join(run))
            out.append(f'<font face="{fallback}">{chunk}</font>' if in_fallback else chunk)
            run.clear()

    for char in text:
        use_fallback = ord(char) >= 0x20 and not has_glyph(char) and has_glyph(char, fallback)
        if use_fallback != in_fallback:
            flush()
            in_fallback = use_fallback
        run.append(char)
    flush()
    return "".join(out)

"""The visible stamp of a record signature: the signer, the role and the time, in Chinese.

pyHanko draws a stamp's text with a font engine; its built-in Courier has no Chinese. Its OpenType
engine (:class:`pyhanko.pdf_utils.font.opentype.GlyphAccumulator`, from ``pyHanko[opentype]``:
fontTools + uharfbuzz) embeds a subset of a TrueType font, with two limits worked around here:

* it reads a single font, not a collection (fontTools refuses a ``.ttc`` without a font number),
  and the shipped font is a collection (``wqy-microhei.ttc``): face
  :data:`~reviewer.export.fonts.FONT_SUBFONT_INDEX` is taken with fontTools;
* it writes the glyph widths (``/W``) in the font's own units, which a PDF reader takes as
  thousandths of an em: right for a font of 1000 units per em, twice too wide for this one (2048),
  so the text would spread out of its box. The face is therefore scaled to 1000 units per em.

Scaling all 49,000 glyphs takes seconds, so only the characters of the stamp are kept (HarfBuzz's
subsetter over the face opened once, a few milliseconds; see :func:`stamp_font_bytes`); pyHanko
then embeds that subset.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import datetime
from io import BytesIO
from typing import Any

from pyhanko.pdf_utils.font.api import FontEngine, FontEngineFactory
from pyhanko.pdf_utils.layout import AxisAlignment, InnerScaling, Margins, SimpleBoxLayoutRule
from pyhanko.pdf_utils.text import TextBoxStyle
from pyhanko.pdf_utils.writer import BasePdfFileWriter
from pyhanko.pdf_utils.xref import ObjectStream
from pyhanko.stamp import TextStampStyle

from reviewer.export import fonts
from reviewer.i18n import T, beijing

STAMP_TEXT = "%(signer)s（%(role)s）\n%(action)s\n%(time)s"
# The chair's closing signature also states, one line each, the members who did not sign
CLOSING_TEXT = STAMP_TEXT + "\n%(facts)s"
PDF_UNITS_PER_EM = 1000


@functools.lru_cache(maxsize=1)
def _shipped_face() -> Any:  # a uharfbuzz Face (uharfbuzz has no types)
    """The shipped face, read and opened by HarfBuzz once (a collection face is fine for it)."""
    import uharfbuzz as hb  # imported here: only signing needs HarfBuzz

    return hb.Face(hb.Blob(fonts.FONT_FILE.read_bytes()), fonts.FONT_SUBFONT_INDEX)


@functools.lru_cache(maxsize=32)
def stamp_font_bytes(characters: str) -> bytes:
    """A TrueType font with just ``characters`` from the shipped face, at 1000 units per em.

    HarfBuzz's subsetter (``hb-subset``, from uharfbuzz, which pyHanko's engine needs anyway) keeps
    the glyphs, with the options fontTools' subsetter had here: no hinting, no layout features,
    every name record, the ``.notdef`` outline; fontTools then clears the code pages the subset
    does not cover (as its subsetter does) and scales the font to 1000 units per em. The result
    is the font fontTools' subsetter gives, byte for byte, in a few milliseconds instead of
    ~0.2 s (fontTools reads the face's 49,000 glyphs for every subset).
    """
    import uharfbuzz as hb
    from fontTools.ttLib import TTFont  # imported here: only signing needs fontTools
    from fontTools.ttLib.scaleUpem import scale_upem

    try:
        plan = hb.SubsetInput()
        plan.sets(hb.SubsetInputSets.UNICODE).update(ord(c) for c in characters + " ")
        plan.sets(hb.SubsetInputSets.NAME_ID).update(range(0x8000))  # every name record
        plan.sets(hb.SubsetInputSets.LAYOUT_FEATURE_TAG).clear()  # no layout features
        plan.flags = hb.SubsetFlags.NO_HINTING | hb.SubsetFlags.NOTDEF_OUTLINE
        subset = hb.subset(_shipped_face(), plan)
        if subset is None:
            raise ValueError("HarfBuzz could not subset the face")
        font = TTFont(BytesIO(subset.blob.data))
        if font["OS/2"].version >= 1:
            font["OS/2"].recalcCodePageRanges(font, pruneOnly=True)
        scale_upem(font, PDF_UNITS_PER_EM)
        out = BytesIO()
        font.save(out)
    except Exception as exc:  # a damaged file: OSError, or anything HarfBuzz and fontTools raise
        raise fonts.FontUnavailable(
            T(
                "无法读取签章字体 {path}：{error}。请重新安装本程序。",
                "Cannot read the stamp font {path}: {error}. Reinstall the app.",
                path=str(fonts.FONT_FILE),
                error=str(exc),
            ),
            detail=repr(exc),
        ) from exc
    return out.getvalue()


class CJKFontFactory(FontEngineFactory):
    """pyHanko's OpenType engine over the in-memory face: embeds a subset of the glyphs used."""

    def __init__(self, text: str, font_size: int = 10) -> None:
        self.characters = "".join(sorted(set(text) - {"\n"}))
        self.font_size = font_size

    def create_font_engine(
        self, writer: BasePdfFileWriter, obj_stream: ObjectStream | None = None
    ) -> FontEngine:
        from pyhanko.pdf_utils.font.opentype import GlyphAccumulator

        return GlyphAccumulator(
            writer=writer,
            font_handle=BytesIO(stamp_font_bytes(self.characters)),
            font_size=self.font_size,
            ot_script_tag="hani",
            writing_direction="ltr",
            obj_stream=obj_stream,
        )


def stamp_style(params: dict[str, str]) -> TextStampStyle:
    """Three centred lines (and the chair's stated facts, :func:`stamp_params`) in a thin frame,
    shrunk to fit the field's box; ``params`` from :func:`stamp_params`."""
    text = CLOSING_TEXT if "facts" in params else STAMP_TEXT
    return TextStampStyle(
        stamp_text=text,
        text_box_style=TextBoxStyle(font=CJKFontFactory(text % params, 10), font_size=10, leading=14),
        border_width=1,
        border_color=(0.6, 0.1, 0.1),
        background=None,
        inner_content_layout=SimpleBoxLayoutRule(
            x_align=AxisAlignment.ALIGN_MID,
            y_align=AxisAlignment.ALIGN_MID,
            margins=Margins.uniform(4),
            inner_content_scaling=InnerScaling.SHRINK_TO_FIT,
        ),
    )


def stamp_params(
    signer: str, role_zh: str, when: datetime, closing: bool, facts: Sequence[str] = ()
) -> dict[str, str]:
    """The values of :data:`STAMP_TEXT` (of :data:`CLOSING_TEXT` when the chair states ``facts``:
    one line per member who did not sign); the time is shown in Beijing time."""
    params = {
        "signer": signer,
        "role": role_zh,
        "action": "签署并确认本意见表" if closing else "已审阅并签署",
        "time": beijing(when, seconds=True).render("zh_CN"),
    }
    if facts:
        params["facts"] = "\n".join(" ".join(line.split()) for line in facts)  # one line each
    return params

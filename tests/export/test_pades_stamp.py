"""The signature stamp's font: the stamp's characters subset from the shipped face, at 1000 units per em."""

from __future__ import annotations

from datetime import UTC, datetime
from io import BytesIO

import pytest
from fontTools import subset
from fontTools.ttLib import TTFont
from fontTools.ttLib.scaleUpem import scale_upem

from reviewer.export import fonts
from reviewer.export.pades_stamp import STAMP_TEXT, CJKFontFactory, stamp_font_bytes, stamp_params

WHEN = datetime(2026, 6, 17, 7, 30, 5, tzinfo=UTC)


def fonttools_subset(characters: str) -> bytes:
    """The stamp font as fontTools' subsetter makes it (the way it was made before HarfBuzz)."""
    font = TTFont(str(fonts.FONT_FILE), fontNumber=fonts.FONT_SUBFONT_INDEX, lazy=True)
    options = subset.Options()
    options.hinting = False
    options.layout_features = []
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=characters + " ")
    subsetter.subset(font)
    scale_upem(font, 1000)
    out = BytesIO()
    font.save(out)
    return out.getvalue()


def tables(font_bytes: bytes) -> dict[str, bytes]:
    """Each table's bytes, the head's clock (modified, hence the file checksum) left out."""
    font = TTFont(BytesIO(font_bytes))
    out = {tag: font.reader[tag] for tag in font.reader.tables}
    head = bytearray(out["head"])
    head[8:12] = bytes(4)  # checkSumAdjustment
    head[28:36] = bytes(8)  # modified: the time of the save
    out["head"] = bytes(head)
    return out


def characters(name: str, role: str = "专家", closing: bool = False) -> str:
    return CJKFontFactory(STAMP_TEXT % stamp_params(name, role, WHEN, closing)).characters


@pytest.mark.parametrize(
    ("name", "role", "closing"),
    [
        ("王堃", "组长", True),
        ("钱犇", "专家", False),
        ("陈燊", "专家", False),
        ("周淼 李喆 张玥 孙昇 赵鑫", "专家", False),  # the rare characters of Chinese names
        ("Anna Müller-Øster", "专家", False),  # Latin with diacritics
        ("王䶮", "专家", False),  # 䶮 (CJK Extension A) is not in the font: left out, as before
    ],
)
def test_the_stamp_font_is_what_fonttools_subsetter_makes(name: str, role: str, closing: bool) -> None:
    chars = characters(name, role, closing)
    assert tables(stamp_font_bytes(chars)) == tables(fonttools_subset(chars))


def test_the_stamp_font_has_the_characters_at_1000_units_per_em() -> None:
    chars = characters("王堃", "组长", True)
    font = TTFont(BytesIO(stamp_font_bytes(chars)))
    assert font["head"].unitsPerEm == 1000
    cmap = font.getBestCmap()
    assert {ord(c) for c in chars} <= set(cmap)
    assert len(font.getGlyphOrder()) < 64  # a subset, not the face's 49,000 glyphs
    assert font["hmtx"][cmap[ord("王")]][0] == 1000  # a full-width glyph: one em


def test_an_unreadable_font_is_a_typed_error(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    from reviewer.export import pades_stamp

    bad = tmp_path / "broken.ttc"
    bad.write_bytes(b"not a font at all")
    monkeypatch.setattr(fonts, "FONT_FILE", bad)
    pades_stamp._shipped_face.cache_clear()
    pades_stamp.stamp_font_bytes.cache_clear()
    try:
        with pytest.raises(fonts.FontUnavailable):
            stamp_font_bytes("王")
    finally:
        pades_stamp._shipped_face.cache_clear()
        pades_stamp.stamp_font_bytes.cache_clear()

"""The shipped CJK font: registered once, has the rare name characters, embedded in every PDF."""

from __future__ import annotations

import os
import subprocess
from io import BytesIO
from pathlib import Path

import pytest
import reportlab
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Paragraph, SimpleDocTemplate

from reviewer.export import fonts

RARE_NAME_CHARS = "堃喆玥燊昇鑫淼犇珺琰昊祎璟彧翀赟韡龑"
VERA = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"  # ships with reportlab


@pytest.fixture(autouse=True)
def _no_fallback(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv(fonts.FALLBACK_ENV, raising=False)
    fonts.set_fallback_font(None)
    yield
    fonts.set_fallback_font(None)


def pdffonts(path: Path) -> list[list[str]]:
    out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout
    return [line.split() for line in out.splitlines()[2:] if line.strip()]


def pdftotext(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def build(path: Path, *texts: str) -> Path:
    style = ParagraphStyle("t", fontName=fonts.font_name(), fontSize=12, leading=18, wordWrap="CJK")
    buf = BytesIO()
    SimpleDocTemplate(buf, pagesize=A4, invariant=1, **fonts.document_options()).build(
        [Paragraph(t, style) for t in texts]
    )
    path.write_bytes(buf.getvalue())
    return path


def test_shipped_font_and_license_exist() -> None:
    assert fonts.FONT_FILE.is_file()
    assert fonts.FONT_FILE.stat().st_size > 4_000_000
    license_text = (fonts.FONT_FILE.parent / "wqy-microhei.COPYRIGHT").read_text()
    assert "Apache-2.0" in license_text
    assert "GPL-3+ with Font exception" in license_text


def test_registration_is_idempotent() -> None:
    assert fonts.register_fonts() == fonts.PRIMARY
    first = pdfmetrics.getFont(fonts.PRIMARY)
    assert fonts.register_fonts() == fonts.PRIMARY
    assert fonts.font_name() == "RVSans"
    assert pdfmetrics.getFont(fonts.PRIMARY) is first
    assert first.face.familyName == b"WenQuanYi Micro Hei"


@pytest.mark.parametrize("char", list(RARE_NAME_CHARS))
def test_rare_name_characters_have_glyphs(char: str) -> None:
    assert fonts.has_glyph(char)
    face = pdfmetrics.getFont(fonts.PRIMARY).face
    assert face.charToGlyph[ord(char)] != 0  # not mapped to .notdef


def test_missing_glyphs_reports_the_known_gap() -> None:
    # 䶮 (Ext A, as in 刘䶮) and 𠇔 (Ext B) are the documented limitation of the shipped font.
    assert fonts.missing_glyphs("王堃、刘䶮、𠇔 䶮\n") == ["䶮", "𠇔"]
    assert fonts.missing_glyphs("示例软件园 自评报告 ABC 123，。（）") == []


def test_markup_escapes_without_fallback() -> None:
    assert fonts.markup("A<B> & 王堃") == "A&lt;B&gt; &amp; 王堃"
    assert fonts.markup("刘䶮") == "刘䶮"  # no fallback configured: left as is


def test_fallback_font_covers_missing_characters(tmp_path: Path) -> None:
    # Vera has ∛ (U+221B), the shipped font has not: a real gap the fallback closes.
    assert fonts.missing_glyphs("∛") == ["∛"]
    name = fonts.set_fallback_font(VERA)
    assert name is not None and name == fonts.fallback_font_name()
    assert fonts.has_glyph("∛", name)
    marked = fonts.markup("体积 ∛V <1>")
    assert marked == f'体积 <font face="{name}">∛</font>V &lt;1&gt;'
    pdf = build(tmp_path / "fallback.pdf", marked)
    rows = pdffonts(pdf)
    names = {row[0].split("+")[-1].rsplit("-", 1)[0] for row in rows}  # AAAAAA+Name-0 -> Name
    assert names == {"WenQuanYiMicroHei", "BitstreamVeraSans"}
    assert all(row[-5] == "yes" for row in rows)
    assert "∛" in pdftotext(pdf)


def test_fallback_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(fonts.FALLBACK_ENV, f"{VERA}#0")
    name = fonts.fallback_font_name()
    assert name is not None and name.startswith("RVFallback-")
    monkeypatch.delenv(fonts.FALLBACK_ENV)
    assert fonts.fallback_font_name() is None


def test_unreadable_fallback_is_a_typed_error(tmp_path: Path) -> None:
    bad = tmp_path / "not-a-font.ttf"
    bad.write_bytes(b"nope")
    with pytest.raises(fonts.FontUnavailable) as info:
        fonts.set_fallback_font(bad)
    assert str(bad) in str(info.value)
    assert fonts.fallback_font_name() is None


def test_pdf_embeds_the_font_and_text_round_trips(tmp_path: Path) -> None:
    text = "示例软件园 自评报告：专家 王堃、李喆、张玥、陈燊、林昇、赵鑫、周淼、吴犇"
    pdf = build(tmp_path / "t.pdf", fonts.markup(text))
    rows = pdffonts(pdf)
    assert rows, "no fonts listed"
    for row in rows:
        # columns: name type encoding emb sub uni object-id
        assert row[-5] == "yes", f"font not embedded: {row}"
    assert all("WenQuanYiMicroHei" in row[0] for row in rows)
    assert "王堃、李喆、张玥、陈燊、林昇、赵鑫、周淼、吴犇" in pdftotext(pdf).replace("\n", "")


def test_full_width_punctuation_never_starts_a_line() -> None:
    # At this width reportlab alone breaks right before "，"; the registered rules hang it instead.
    text = "园区建成适配验证、体验推广、企业孵化、投资融资、法律服务、人才培训六类公共服务平台，2025 年累计服务企业 1,671 家次。"
    style = ParagraphStyle("t", fontName=fonts.font_name(), fontSize=10.5, leading=17.5, wordWrap="CJK",
                           firstLineIndent=21)  # fmt: skip
    for width in range(440, 480, 2):
        para = Paragraph(text, style)
        para.wrap(width, 1000)
        starts = ["".join(line[1])[:1] for line in para.blPara.lines]
        assert not set(starts) & set(fonts.CHINESE_CANNOT_START), (width, starts)


def test_same_document_same_bytes(tmp_path: Path) -> None:
    a = build(tmp_path / "a.pdf", "王堃 示例").read_bytes()
    b = build(tmp_path / "b.pdf", "王堃 示例").read_bytes()
    assert a == b
    assert os.path.getsize(tmp_path / "a.pdf") < 200_000  # a subset, not the 5 MB font

"""The record's layout shortcuts draw exactly what reportlab draws without them.

``record_layout`` keeps work reportlab would repeat: a paragraph's line breaking per width (shared
by paragraphs of the same markup and style), the parse of repeated markup, the drawing of a
paragraph drawn before with the same lines, a table's row heights (measured once, not at every
page) and the rectangles of spanned cells (only for the pieces drawn). None may change a byte:
each document here is built with them and with plain reportlab ``Paragraph`` and ``Table``, and
the two PDFs must be identical.
"""

from __future__ import annotations

import dataclasses
from io import BytesIO
from pathlib import Path

import pytest
import reportlab
from pyhanko.pdf_utils.reader import PdfFileReader
from reportlab.lib.pagesizes import A4
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

from reviewer.export import fonts, record_layout, record_tables
from reviewer.export.record import build_record_pdf
from reviewer.export.record_layout import CachedParagraph, RuledTable, Styles, para, ruled_table
from tests.export.conftest import PANEL, sample_record

VERA = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"  # has "∙", which the shipped font lacks


@pytest.fixture(autouse=True)
def _no_fallback(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv(fonts.FALLBACK_ENV, raising=False)
    fonts.set_fallback_font(None)
    yield
    fonts.set_fallback_font(None)


def plain_reportlab(monkeypatch: pytest.MonkeyPatch) -> None:
    """Build with reportlab's own classes: no cached wrapping, parsing, drawing or row heights."""
    monkeypatch.setattr(record_layout, "RuledTable", Table)
    monkeypatch.setattr(record_layout, "paragraph", Paragraph)
    monkeypatch.setattr(record_tables, "paragraph", Paragraph)


def fingerprints() -> dict[str, str]:
    return {p[0]: f"{i * 7919 + 12345:064x}" for i, p in enumerate(PANEL)}


def long_table_pdf() -> bytes:
    """A table of 260 rows over several pages: two header rows with spans, repeated on every page;
    cells that wrap to several lines, the same texts many times, a text with a fallback glyph."""
    s = Styles()
    head1 = [para("编号", s.small_head), para("指标", s.small_head), para("各专家评分", s.small_head), "", ""]
    head2 = ["", "", para("1", s.small_head), para("2", s.small_head), para("3", s.small_head)]
    rows: list[list[object]] = [head1, head2]
    for i in range(260):
        title = "软件业务收入占园区总收入的比重" * (1 + i % 4) + ("∙" if i % 7 == 0 else "")
        rows.append([para(f"{i // 10}.{i % 10}", s.small_head), para(title, s.small)] +
                    [para(f"{(i * k) % 9}.5", s.small_num) for k in (1, 2, 3)])  # fmt: skip
    extra = [("SPAN", (2, 0), (4, 0)), ("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (1, 1))]
    extra += [("BACKGROUND", (0, r), (-1, r), record_layout.SUBTOTAL_FILL) for r in range(12, 262, 25)]
    table = ruled_table(rows, [20 * 2.83, 250, 40, 40, 40], header_rows=2, extra=extra)
    out = BytesIO()
    SimpleDocTemplate(out, pagesize=A4, invariant=1, **fonts.document_options()).build(
        [para("表", s.title), table, para("完", s.body)]
    )
    return out.getvalue()


def test_a_long_table_is_drawn_as_reportlab_draws_it(monkeypatch):
    fonts.set_fallback_font(VERA)
    ours = long_table_pdf()
    assert int(PdfFileReader(BytesIO(ours)).root["/Pages"]["/Count"]) >= 4
    with monkeypatch.context() as m:
        plain_reportlab(m)
        theirs = long_table_pdf()
    assert ours == theirs


@pytest.mark.parametrize("fallback", [False, True])
def test_the_record_is_the_record_reportlab_makes(monkeypatch, fallback):
    record = sample_record(fingerprints())
    if fallback:  # a name and an organisation with a glyph from the fallback font
        fonts.set_fallback_font(VERA)
        members = tuple(
            dataclasses.replace(m, name=f"{m.name}∙", org=f"{m.org}∙研究院") if i % 2 else m
            for i, m in enumerate(record.members)
        )
        record = dataclasses.replace(record, members=members)
    ours = build_record_pdf(record)
    with monkeypatch.context() as m:
        plain_reportlab(m)
        theirs = build_record_pdf(record)
    assert ours == theirs


def test_a_cached_wrap_is_the_wrap():
    """Wrapping again at a width seen before restores exactly what a fresh wrap computes."""
    s = Styles()
    text = "园区公共服务平台体系完善，适配验证、人才培训等平台服务企业 300 余家。" * 3
    cached, fresh = para(text, s.body), Paragraph(fonts.markup(text), s.body)
    assert isinstance(cached, CachedParagraph)
    for width in (120.0, 300.0, 120.0, 300.0):
        assert cached.wrap(width, 1000) == fresh.wrap(width, 1000)
        assert [line[1] for line in cached.blPara.lines] == [line[1] for line in fresh.blPara.lines]
    twin = para(text, s.body)  # the same markup and style: parsed once, its lines shared
    assert twin.frags is not cached.frags
    assert twin.wrap(120.0, 10) == fresh.wrap(120.0, 10)
    cached.wrap(120.0, 10)
    assert twin.blPara is cached.blPara


def test_row_heights_are_measured_once_and_kept():
    s = Styles()
    rows = [[para(str(i), s.small), para("指标" * (i % 5 + 1), s.small)] for i in range(50)]
    table = ruled_table(rows, [40, 60])
    assert isinstance(table, RuledTable)
    table.wrap(100, 200)  # less than the table's height: reportlab alone would stop measuring
    assert None not in table._argH and len(table._argH) == 50
    plain = Table([list(r) for r in rows], colWidths=[40, 60])
    plain.wrap(100, 10**6)
    assert table._argH == plain._rowHeights


def test_a_style_added_later_measures_the_rows_again():
    s = Styles()
    table = ruled_table([[para(str(i), s.small), para("指标", s.small)] for i in range(5)], [40, 60])
    _, before = table.wrap(100, 1000)
    table.setStyle([("TOPPADDING", (0, 0), (-1, -1), 10)])
    _, after = table.wrap(100, 1000)
    assert after == before + 5 * (10 - 2.5)  # the padding was 2.5 pt on top of every row


def test_reportlab_is_pinned_below_its_next_major() -> None:
    """The overrides of reportlab's private methods above are only known to hold for this major."""
    import tomllib

    from packaging.requirements import Requirement

    pyproject = Path(__file__).resolve().parents[2] / "pyproject.toml"
    deps = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["dependencies"]
    (pin,) = [Requirement(d) for d in deps if Requirement(d).name == "reportlab"]
    assert any(spec.operator == "<" for spec in pin.specifier)
    assert pin.specifier.contains(reportlab.Version)

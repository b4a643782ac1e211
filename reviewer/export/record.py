"""The review record (专家组评审意见表): a formal Chinese PDF with one empty signature field per member.

:func:`build_record_pdf` lays out a :class:`~reviewer.export.record_input.RecordInput` with
reportlab (A4, the shipped font embedded, the document id and "第 x 页 共 y 页" on every page), then
adds the signature fields with pyHanko, one per signing member on the last page, the chair's last.
Members co-sign first, each into their own field; the chair's signature closes the record (its
field locks every field and allows no further change), see :mod:`reviewer.export.pades` and
``docs/record-format.md``.

Field names are ``sig<NN>-<role>-<first 16 hex digits of the member's certificate fingerprint>``
(``NN`` = signing order from 01), so a signer's field is found from their certificate, and a
signature in the wrong field is detected.

The output is reproducible: the same input gives the same bytes (reportlab's invariant mode, and
the file identifier of the field revision derived from the document id).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from io import BytesIO

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.fields import (
    FieldMDPAction,
    FieldMDPSpec,
    MDPPerm,
    SigFieldSpec,
    append_signature_field,
)
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, SimpleDocTemplate, Spacer

from reviewer.export import fonts
from reviewer.export.record_figures import figures_section
from reviewer.export.record_input import (
    DECISIONS_KEY,
    RECONCILIATION_KEY,
    MemberRole,
    PanelMember,
    RecordInput,
)
from reviewer.export.record_layout import (
    BOTTOM_MARGIN,
    MARGIN,
    TOP_MARGIN,
    SignatureBox,
    SignatureGrid,
    Styles,
    numbered_canvas,
    para,
)
from reviewer.export.record_tables import (
    KIND_ZH,
    TYPE_ZH,
    basic_info,
    heading,
    indicator_tables,
    legend,
    level1_table,
    notes,
    num,
    panel_table,
    vote_text,
    yes_no_table,
)
from reviewer.standards.model import ReviewKind

RECORD_FORMAT = "reviewer.record/1"
FIELD_PREFIX = "sig"


def bindings_of(record: RecordInput) -> dict[str, str]:
    """What the record was made from, as SHA-256 of canonical JSON: the reconciliation (always) and
    the chair's decisions (when given). Printed in the conclusion section and kept in the document
    information's /Keywords as ``key:hex`` (signed revisions keep it), so that a signed record can
    only be paired with the reconciliation and decisions it shows (docs/record-format.md)."""
    out = {RECONCILIATION_KEY: hashlib.sha256(record.reconciliation.to_json()).hexdigest()}
    if record.decisions_sha256:
        out[DECISIONS_KEY] = record.decisions_sha256
    return out


def parse_bindings(keywords: str) -> dict[str, str]:
    """The ``key:hex`` bindings among a record's /Keywords (the inverse of :func:`bindings_of`)."""
    out = {}
    for word in keywords.replace(",", " ").split():
        key, sep, value = word.partition(":")
        if sep and key in (RECONCILIATION_KEY, DECISIONS_KEY):
            out[key] = value
    return out


def field_name(order: int, member: PanelMember) -> str:
    return f"{FIELD_PREFIX}{order:02d}-{member.role.value}-{member.cert_fingerprint[:16]}"


@dataclass(frozen=True)
class FieldInfo:
    """What a field name says: signing order, role, and which certificate must sign it."""

    name: str
    order: int
    role: MemberRole
    fingerprint_prefix: str


def parse_field_name(name: str) -> FieldInfo | None:
    """The parts of a record field name, or ``None`` for a field this module did not create."""
    head, _, rest = name.partition("-")
    role, _, prefix = rest.partition("-")
    if not head.startswith(FIELD_PREFIX) or not head[len(FIELD_PREFIX) :].isdigit():
        return None
    if role not in {r.value for r in MemberRole} or len(prefix) != 16:
        return None
    return FieldInfo(name, int(head[len(FIELD_PREFIX) :]), MemberRole(role), prefix)


def title_of(record: RecordInput) -> tuple[str, str]:
    """(``中国软件名园创建评审``, ``专家组评审意见表``) by candidate type and review kind."""
    sheet = "专家组评估意见表" if record.kind is ReviewKind.ANNUAL else "专家组评审意见表"
    return f"{TYPE_ZH[record.candidate.type]}{KIND_ZH[record.kind]}", sheet


def _conclusion(record: RecordInput, s: Styles, bound: dict[str, str]) -> list[Flowable]:
    rec, std = record.reconciliation, record.standard
    c = rec.conclusion
    label = c.label.zh if c.label else "不作结论"
    out: list[Flowable] = [para(f"评审结论：{label}", s.conclusion)]
    if rec.total is not None:
        out.append(para(f"总分 {num(rec.total)} 分（满分 {num(std.total_points)} 分）。", s.body))
    for line in c.explain():
        out.append(para(f"· {line.render('zh_CN')}", s.item))
    lines = [f"本表依据的对账结果 SHA-256：{bound[RECONCILIATION_KEY]}"]
    if DECISIONS_KEY in bound:
        lines.append(f"组长决定 SHA-256：{bound[DECISIONS_KEY]}")
    out.append(para("\n".join(lines), s.note))
    return out


def _opinion(record: RecordInput, s: Styles) -> list[Flowable]:
    o = record.opinion
    out: list[Flowable] = []
    for title, items in (("（一）主要成效与特色", o.strengths), ("（二）存在的问题", o.problems),
                         ("（三）意见和建议", o.recommendations)):  # fmt: skip
        out.append(para(title, s.plain))
        out.extend(para(f"{i}. {text}", s.item) for i, text in enumerate(items, start=1))
        if not items:
            out.append(para("无。", s.item))
    out.append(para("（四）评审结论意见", s.plain))
    out.append(para(o.conclusion, s.body))
    if record.opinion_vote is not None:
        out.append(
            para(f"以上专家组意见经组长提请专家组表决：{vote_text(record, record.opinion_vote)}。", s.body)
        )
    return out


def _dissents(record: RecordInput, s: Styles) -> list[Flowable]:
    if not record.dissents:
        return [para("专家组成员均无保留意见。", s.body)]
    out: list[Flowable] = []
    for d in record.dissents:
        m = record.member(d.expert_id)
        signed = (
            f"，本人撰写并以数字签名签署，声明摘要 {d.statement_sha256[:16]}" if d.statement_sha256 else ""
        )
        out.append(para(f"{m.name}（{m.role.zh}{signed}）：{d.text}", s.item))
    return out


def _signature_page(record: RecordInput, s: Styles) -> tuple[list[Flowable], SignatureGrid]:
    signers = record.signers()
    cells = []
    for order, m in enumerate(signers, start=1):
        caption = f"{order}. {m.name}（{m.role.zh}）　{m.org}"
        cells.append((field_name(order, m), caption, f"{m.name}（{m.role.zh}）"))
    grid = SignatureGrid(cells, s)
    main, sheet = title_of(record)
    statement = (
        f"本{sheet}经专家组全体成员审阅确认。专家组成员依次以数字签名签署，组长最后签署；"
        "组长签署后本意见表即告完成，不得再作任何修改。回避的专家不参与评审，不签署本表。"
        "成员拒绝签字并书面说明理由的，或既未签字亦未书面说明理由的，由组长在其签名中载明。"
    )
    story: list[Flowable] = [
        PageBreak(),
        para("专家组成员签字", s.subtitle),
        para(f"{main} · {record.candidate.name}", s.note),
        para(statement, s.body),
        Spacer(1, 4 * mm),
        grid,
    ]
    return story, grid


def _story(record: RecordInput, s: Styles, bound: dict[str, str]) -> tuple[list[Flowable], SignatureGrid]:
    main, sheet = title_of(record)
    story: list[Flowable] = [para(main, s.title), para(sheet, s.subtitle)]
    n = 0

    def section(text: str) -> Flowable:
        nonlocal n
        n += 1
        return para(heading(n, text), s.h1)

    story += [section("基本情况"), basic_info(record, s)]
    story += [section("专家组成员"), panel_table(record, s)]
    story += [
        CondPageBreak(60 * mm),
        section("指标评分"),
        *indicator_tables(record, s),
        para(legend(record), s.note),
    ]
    story += notes(record, s)
    figures = figures_section(record, s)
    if figures:
        story += [CondPageBreak(40 * mm), section("数据核实"), *figures]
    story += [CondPageBreak(50 * mm), section("一级指标得分与最低分要求"), level1_table(record, s)]
    items = yes_no_table(record, s)
    if items is not None:
        story += [section("否决项与门槛项"), items]
    story += [KeepTogether([section("评审结论"), *_conclusion(record, s, bound)])]
    story += [section("专家组意见"), *_opinion(record, s)]
    chair, last = record.chair, max(record.visit.dates)
    closing = para(f"专家组组长：{chair.name}　　{last.year}年{last.month}月{last.day}日", s.right)
    story += [KeepTogether([section("保留意见"), *_dissents(record, s), Spacer(1, 6 * mm), closing])]
    sign_story, grid = _signature_page(record, s)
    return story + sign_story, grid


class _FieldWriter(IncrementalPdfFileWriter):
    """An incremental writer whose file identifier is derived from the document, not random."""

    seed: bytes = b""

    @classmethod
    def _handle_id(cls, prev: PdfFileReader) -> generic.ArrayObject:
        # pyhanko's method is untyped (and reached through super(), which untyped_calls_exclude misses)
        ids: generic.ArrayObject = super()._handle_id(prev)  # type: ignore[no-untyped-call]
        ids[1] = generic.ByteStringObject(hashlib.sha256(b"reviewer.record/fields:" + cls.seed).digest()[:16])
        return ids

    def _update_meta(self) -> None:
        """Leave the document information alone (pyHanko would stamp /ModDate with the clock)."""


def _add_fields(pdf: bytes, boxes: list[SignatureBox], document_id: bytes) -> bytes:
    writer_cls = type("_Writer", (_FieldWriter,), {"seed": document_id})
    writer = writer_cls(BytesIO(pdf))
    names = [box.field_name for box in boxes]
    for box in boxes:
        info = parse_field_name(box.field_name)
        closing = info is not None and info.role is MemberRole.CHAIR
        others = [name for name in names if name != box.field_name]
        spec = SigFieldSpec(
            sig_field_name=box.field_name,
            on_page=box.page,
            box=box.box,
            readable_field_name=box.label,
            # A member's signature locks every field but the other members' signature fields (FieldMDP);
            # the chair signs last: the signature locks every field and allows no further change.
            field_mdp_spec=FieldMDPSpec(FieldMDPAction.ALL)
            if closing
            else FieldMDPSpec(FieldMDPAction.EXCLUDE, fields=others),
            doc_mdp_update_value=MDPPerm.NO_CHANGES if closing else None,
        )
        append_signature_field(writer, spec)
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def build_record_pdf(record: RecordInput) -> bytes:
    """The record as PDF bytes: laid out, fonts embedded, one empty signature field per signing member."""
    styles = Styles()
    bound = bindings_of(record)
    story, grid = _story(record, styles, bound)
    main, sheet = title_of(record)
    buffer = BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=TOP_MARGIN,
        bottomMargin=BOTTOM_MARGIN,
        title=f"{main}{sheet}（{record.candidate.name}）",
        author=f"{record.chair.name}（专家组组长）",
        subject=f"{RECORD_FORMAT} {record.document_id}",
        keywords=[
            RECORD_FORMAT,
            str(record.document_id),
            record.standard.id,
            record.standard.version,
            *(f"{key}:{value}" for key, value in bound.items()),
        ],
        creator="reviewer",
        lang="zh-CN",
        invariant=1,
        **fonts.document_options(),
    )
    doc.build(
        story,
        canvasmaker=numbered_canvas(f"{main}{sheet} · {record.candidate.name}", str(record.document_id)),
    )
    if len(grid.placed) != len(record.signers()):
        raise AssertionError("the signature page did not place every signature box")
    return _add_fields(buffer.getvalue(), grid.placed, record.document_id.bytes)

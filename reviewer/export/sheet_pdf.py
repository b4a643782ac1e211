"""A printable PDF of one expert's own signed score sheet (for the paper file some panels keep).

    pdf = sheet_pdf(verified_sheet, standard, candidate="示例软件园")
    write_sheet_pdf(path, verified_sheet, standard, candidate=...)

The PDF shows what the signed ``.rvsheet`` says, read back after verification (never the
workbench's live state): the declarations, every score with its comment and evidence, subtotals
per level-1 indicator, the yes/no items and the eligibility checklist, the correction (version n+1)
and the signature's digests. It is a copy for reading; the signed file is the record. Set in the
shipped, embedded font (:mod:`reviewer.export.fonts`), in Chinese (the paper file's language).
"""

from __future__ import annotations

from decimal import Decimal
from io import BytesIO
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, SimpleDocTemplate, Spacer

from reviewer.export import fonts
from reviewer.export.record_layout import (
    BOTTOM_MARGIN,
    FRAME_WIDTH,
    MARGIN,
    SUBTOTAL_FILL,
    TOP_MARGIN,
    Styles,
    numbered_canvas,
    para,
    ruled_table,
)
from reviewer.i18n import beijing
from reviewer.scoring.sheet_model import FigureCheck, FileRef, MaterialRef, ScoreAnswer
from reviewer.scoring.sheet_types import VerifiedSheet
from reviewer.standards.model import Standard
from reviewer.trust.files import write_atomic
from reviewer.trust.keys import pretty_fingerprint

ROLES = {"chair": "专家组组长", "expert": "专家", "member": "专家"}


def _number(value: Decimal | str) -> str:
    text = format(Decimal(value), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _evidence(answer: ScoreAnswer | FigureCheck) -> str:
    lines = []
    for ref in answer.evidence:
        if isinstance(ref, MaterialRef):
            lines.append(f"{ref.material.rsplit('/', 1)[-1]} 第 {ref.page} 页")
        elif isinstance(ref, FileRef):
            lines.append(f"附件 {ref.name}（SHA-256 {ref.sha256[:12]}…）")
    return "\n".join(lines)


def _facts(sheet: VerifiedSheet, standard: Standard, candidate: str | None, s: Styles) -> list[Flowable]:
    h = sheet.header
    rows = [
        ["评审对象", candidate or "—"],
        ["评审标准", f"{standard.title.zh}（{standard.id} {standard.version}）"],
        ["评审包", h.package_id],
        ["专家", f"{h.signer_name} · {h.signer_org} · {ROLES.get(h.role, h.role)}"],
        ["版本", f"第 {h.revision} 版"],
        ["签署时间", beijing(h.created).render("zh_CN")],
    ]
    table = [[para(k, s.cell), para(v, s.cell)] for k, v in rows]
    return [ruled_table(table, [32 * mm, FRAME_WIDTH - 32 * mm], header_rows=0, label_col=True)]


def _declarations(sheet: VerifiedSheet, s: Styles) -> list[Flowable]:
    d = sheet.declarations
    conflict = f"已声明利益冲突，回避。理由：{d.conflict_reason}" if d.conflict_declared else "无利益冲突。"
    pledge = "未接受保密承诺。"
    if d.pledge_accepted:
        when = f"，时间：{beijing(d.pledge_at).render('zh_CN')}" if d.pledge_at else ""
        pledge = f"已接受保密承诺{when}。"
    out: list[Flowable] = [para("声明", s.h1), para(f"利益冲突：{conflict}", s.plain), para(pledge, s.plain)]
    if sheet.correction is not None:
        c = sheet.correction
        out += [
            para("更正", s.h1),
            para(f"本版按组长的退回通知更正了：{'、'.join(c.codes)}。", s.plain),
            para(f"退回理由：{c.reason}", s.plain),
        ]
    return out


def _scores(sheet: VerifiedSheet, standard: Standard, s: Styles) -> list[Flowable]:
    head = [para(t, s.cell_head) for t in ("编号", "指标", "分值", "得分", "意见", "证据")]
    rows: list[list[object]] = [head]
    extra: list[tuple[Any, ...]] = []
    total = Decimal(0)
    for top in standard.criteria:
        leaves = list(top.leaves())
        got = [sheet.answers.scores[c.code] for c in leaves if c.code in sheet.answers.scores]
        subtotal = sum((Decimal(a.score) for a in got), Decimal(0))
        total += subtotal
        extra.append(("BACKGROUND", (0, len(rows)), (-1, len(rows)), SUBTOTAL_FILL))
        rows.append(
            [
                para(top.code, s.cell),
                para(top.title.zh, s.cell),
                para(_number(top.points), s.cell_num),
                para(_number(subtotal), s.cell_num),
                para("小计", s.cell),
                "",
            ]
        )
        for leaf in leaves:
            check = sheet.answers.figures.get(leaf.code)
            if check is not None:  # an objective indicator: the points are computed, the figure checked
                verdict = "确认数据" if check.confirmed else f"数据存疑：{check.comment}"
                rows.append([para(leaf.code, s.cell), para(leaf.title.zh, s.cell), para(_number(leaf.points), s.cell_num),
                             para("按数据计算", s.cell), para(verdict, s.cell),
                             para(_evidence(check), s.small)])  # fmt: skip
                continue
            ans = sheet.answers.scores.get(leaf.code)
            rows.append(
                [
                    para(leaf.code, s.cell),
                    para(leaf.title.zh, s.cell),
                    para(_number(leaf.points), s.cell_num),
                    para("—" if ans is None else _number(ans.score), s.cell_num),
                    para("" if ans is None else ans.comment, s.cell),
                    para("" if ans is None else _evidence(ans), s.small),
                ]
            )
    rows.append(
        [
            para("", s.cell),
            para("合计", s.cell),
            para(_number(standard.total_points), s.cell_num),
            para(_number(total), s.cell_num),
            "",
            "",
        ]
    )
    widths = [14 * mm, 42 * mm, 13 * mm, 13 * mm]
    widths += [(FRAME_WIDTH - sum(widths)) * 0.55, (FRAME_WIDTH - sum(widths)) * 0.45]
    return [para("评分", s.h1), ruled_table(rows, widths, extra=extra)]


def _items(sheet: VerifiedSheet, standard: Standard, s: Styles) -> list[Flowable]:
    out: list[Flowable] = []
    widths = [14 * mm, 78 * mm, 18 * mm, FRAME_WIDTH - 110 * mm]
    if standard.yes_no:
        rows: list[list[object]] = [[para(t, s.cell_head) for t in ("编号", "是/否项", "回答", "说明")]]
        for item in standard.yes_no:
            a = sheet.answers.yes_no.get(item.code)
            answer = "—" if a is None else ("是" if a.answer else "否")
            rows.append(
                [para(item.code, s.cell), para(item.title.zh, s.cell), para(answer, s.cell),
                 para("" if a is None else a.comment, s.cell)]
            )  # fmt: skip
        out += [para("是/否项", s.h1), ruled_table(rows, widths)]
    if standard.eligibility:
        rows = [[para(t, s.cell_head) for t in ("编号", "资格条件", "结果", "说明")]]
        for cond in standard.eligibility:
            e = sheet.answers.eligibility.get(cond.code)
            state = "—" if e is None else ("符合" if e.confirmed else "存疑")
            rows.append(
                [para(cond.code, s.cell), para(cond.text.zh, s.cell), para(state, s.cell),
                 para("" if e is None else e.comment, s.cell)]
            )  # fmt: skip
        out += [para("资格条件", s.h1), ruled_table(rows, widths)]
    return out


def _signature(sheet: VerifiedSheet, s: Styles) -> list[Flowable]:
    import hashlib

    h = sheet.header
    return [
        para("签名", s.h1),
        para(
            f"本表由 {h.signer_name} 以其经工业和信息化部认证的密钥签署，并与上述评审包绑定"
            "（清单 SHA-256 见下）。本打印件仅供阅读存档；以签名的 .rvsheet 文件为准。",
            s.plain,
        ),
        para(f"签署人证书指纹：{pretty_fingerprint(h.signer_fingerprint)}", s.small),
        para(f"评分表摘要（SHA-256）：{h.digest}", s.small),
        para(f"文件 SHA-256：{hashlib.sha256(sheet.data).hexdigest()}", s.small),
        para(f"评审包清单 SHA-256：{h.manifest_sha256}", s.small),
    ]


PREVIEW_NOTE = "预览件：尚未签署。签署后以签名的 .rvsheet 文件为准；签名信息在签署后生成。"


def sheet_pdf(
    sheet: VerifiedSheet, standard: Standard, *, candidate: str | None = None, preview: bool = False
) -> bytes:
    """The PDF bytes of ``sheet`` (a score sheet or a recusal) laid out against ``standard``.
    ``preview``: the sheet as it will be signed, not signed yet (marked so, without a signature)."""
    s = Styles()
    h = sheet.header
    title = ("专家回避声明表" if sheet.recused else "专家评分表") + ("（预览，未签署）" if preview else "")
    story: list[Flowable] = [
        para(title, s.title),
        para(candidate or standard.title.zh, s.subtitle),
        *_facts(sheet, standard, candidate, s),
        *_declarations(sheet, s),
    ]
    if not sheet.recused:
        story += _scores(sheet, standard, s) + _items(sheet, standard, s)
    story += [
        Spacer(1, 4 * mm),
        *([para("签名", s.h1), para(PREVIEW_NOTE, s.plain)] if preview else _signature(sheet, s)),
    ]
    buffer = BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=TOP_MARGIN,
        bottomMargin=BOTTOM_MARGIN,
        title=f"{title}（{h.signer_name}，第 {h.revision} 版）",
        author=h.signer_name,
        subject=f"reviewer.sheet {h.digest}",
        creator="reviewer",
        lang="zh-CN",
        invariant=1,
        **fonts.document_options(),
    )
    doc.build(story, canvasmaker=numbered_canvas(f"{title} · {h.signer_name}", h.sheet_id))
    return buffer.getvalue()


def write_sheet_pdf(
    path: str | Path, sheet: VerifiedSheet, standard: Standard, *, candidate: str | None = None
) -> Path:
    """Write the PDF whole (temporary file + rename)."""
    return write_atomic(path, sheet_pdf(sheet, standard, candidate=candidate))

"""The record's 数据核实 section: the objective indicators, their figures and who flagged what and why.

An objective indicator's points are computed from the figure sealed in the package
(``reviewer.standards.objective``); the experts do not score it, they confirm the figure or flag it
with a comment and evidence. The section lists every objective leaf (figure, value, points, the
checks) and then each flag in a sentence naming the member, their reason and their evidence.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from reviewer.export.record_input import RecordInput
from reviewer.export.record_layout import Styles, para, ruled_table
from reviewer.scoring.result import ObjectiveResult

OBJECTIVE = "■"  # in the indicator table: the value is computed from the candidate's figure


def _figure_text(o: ObjectiveResult) -> str:
    base = o.figure if o.relative_to is None else f"{o.figure} − {o.relative_to}"
    return f"{base} = {format(o.value, 'f')}"


def _checks(record: RecordInput, o: ObjectiveResult) -> str:
    confirmed = f"确认 {len(o.confirmed)} 人"
    if not o.flags:
        return confirmed
    names = "、".join(record.member(f.expert_id).name for f in o.flags)
    return f"{confirmed}；存疑 {len(o.flags)} 人（{names}）"


def figures_section(record: RecordInput, s: Styles) -> list[Flowable]:
    """The table of objective indicators and the flags in sentences; nothing without objective leaves."""
    rec, std = record.reconciliation, record.standard
    if not rec.objective:
        return []
    head = ("编号", "指标", "分值", "数据", "计算得分", "专家核实")
    rows: list[list[object]] = [[para(h, s.cell_head) for h in head]]
    for o in rec.objective:
        leaf = std.criterion(o.code)
        rows.append([para(o.code, s.cell_head), para(leaf.title.zh, s.cell), para(format(leaf.points, "f"), s.cell_num),
                     para(_figure_text(o), s.cell), para(format(o.points, "f"), s.cell_num),
                     para(_checks(record, o), s.cell)])  # fmt: skip
    out: list[Flowable] = [ruled_table(rows, [14 * mm, 38 * mm, 14 * mm, 50 * mm, 18 * mm, 36 * mm])]
    flags = rec.figure_flags
    if not flags:
        out.append(para("全体评分专家均确认了上述数据。", s.note))
        return out
    for code, flag in flags:
        evidence = "；".join(flag.evidence) or "—"
        out.append(
            para(
                f"指标 {code}（{std.criterion(code).title.zh}）：{record.member(flag.expert_id).name}"
                f"标记数据存疑。理由：{flag.comment}。证据：{evidence}。",
                s.note,
            )
        )
    out.append(
        para(
            "注：客观指标的得分按评审包中封装的数据计算，不取专家评分；标记存疑的数据由工业和信息化部核实。",
            s.note,
        )
    )
    return out

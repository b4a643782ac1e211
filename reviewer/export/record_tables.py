"""The tables of the review record: basic information, panel, indicators, level-1 summary, yes/no items."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from reviewer.export.record_input import MemberRole, PanelVote, RecordInput
from reviewer.export.record_layout import (
    FRAME_WIDTH,
    MARK,
    SUBTOTAL_FILL,
    Styles,
    para,
    paragraph,
    ruled_table,
)
from reviewer.scoring.result import IndicatorResult
from reviewer.standards.model import (
    AggregationMethod,
    CandidateType,
    Criterion,
    ReviewKind,
    VetoCombine,
    YesNoEffect,
)

KIND_ZH = {ReviewKind.APPLICATION: "申请审查", ReviewKind.CREATION: "创建评审", ReviewKind.ANNUAL: "年度评估"}
TYPE_ZH = {CandidateType.CITY: "中国软件名城", CandidateType.PARK: "中国软件名园"}
METHOD_ZH = {
    AggregationMethod.MEAN: "算术平均",
    AggregationMethod.TRIMMED_MEAN: "去掉一个最高分和一个最低分后取算术平均",
    AggregationMethod.MEDIAN: "中位数",
}
COMBINE_ZH = {
    VetoCombine.ANY_NO: "任一专家判“否”即为“否”",
    VetoCombine.MAJORITY_NO: "过半数专家判“否”为“否”",
    VetoCombine.ALL_NO: "全体专家判“否”为“否”",
}
DIVERGENT = "*"  # after an expert's score further from the mean than the standard allows
SPREAD = "△"  # the indicator's spread exceeds the standard's share of its points
CONSENSUS = "◆"  # the value taken is the panel's consensus score
# The most scoring experts one indicator table shows (a larger panel's scores are split into groups;
# a panel of this size or less gets the one table it always had).
EXPERTS_PER_TABLE = 12


def num(value: Decimal | None) -> str:
    return "—" if value is None else format(value, "f")


def _cn(n: int) -> str:
    digits = "零一二三四五六七八九"
    tens, ones = divmod(n, 10)
    return (
        ("" if tens == 0 else ("十" if tens == 1 else digits[tens] + "十")) + (digits[ones] if ones else "")
    ) or "零"


def heading(n: int, text: str) -> str:
    return f"{_cn(n)}、{text}"


def basic_info(record: RecordInput, s: Styles) -> Flowable:
    std, rec = record.standard, record.reconciliation
    recused = sum(1 for m in record.members if m.recused)
    panel = f"{len(record.members)} 人（参与评分 {rec.scoring_experts} 人" + (
        f"，回避 {recused} 人）" if recused else "）"
    )
    rows = [
        ("候选对象", record.candidate.name, "对象类型", TYPE_ZH[record.candidate.type][4:]),
        ("所在地区", record.candidate.place, "评审类型", KIND_ZH[record.kind]),
        ("评审标准", f"{std.title.zh}（{std.id}，版本 {std.version}）", None, None),
        ("考察时间", record.visit.text, "专家组", panel),
        ("考察地点", record.visit.place, None, None),
        ("文档编号", str(record.document_id), None, None),
    ]
    data: list[list[object]] = []
    spans: list[tuple[Any, ...]] = []
    for r, (k1, v1, k2, v2) in enumerate(rows):
        if k2 is None:
            data.append([para(k1, s.cell_head), para(v1, s.cell), "", ""])
            spans.append(("SPAN", (1, r), (3, r)))
        else:
            data.append(
                [para(k1, s.cell_head), para(v1, s.cell), para(k2, s.cell_head), para(v2 or "", s.cell)]
            )
            spans.append(("BACKGROUND", (2, r), (2, r), SUBTOTAL_FILL))
    extra = spans
    return ruled_table(data, [24 * mm, 61 * mm, 24 * mm, 61 * mm], header_rows=0, label_col=True, extra=extra)


def panel_table(record: RecordInput, s: Styles) -> Flowable:
    head = ["序号", "姓名", "单位", "职称", "角色", "证书指纹（前 16 位）", "备注"]
    rows: list[list[object]] = [[para(h, s.cell_head) for h in head]]
    for index, m in enumerate(record.members, start=1):
        fp = m.cert_fingerprint[:16].upper()
        fp_text = " ".join(fp[i : i + 4] for i in range(0, 16, 4))  # as read aloud to check a certificate
        note = f"回避：{m.recusal_reason}" if m.recused else ""
        rows.append(
            [
                para(str(index), s.cell_head),
                para(m.name, s.cell_head),
                para(m.org, s.cell),
                para(m.title, s.cell),
                para(m.role.zh, s.cell_head),
                para(fp_text, s.small_num),
                para(note, s.cell),
            ]
        )
    widths = [9 * mm, 16 * mm, 46 * mm, 24 * mm, 11 * mm, 34 * mm, 30 * mm]
    return ruled_table(rows, widths)


def column_numbers(record: RecordInput) -> dict[str, int]:
    """expert id → the member's sequence number in the panel table (used as the column heading)."""
    return {m.expert_id: i for i, m in enumerate(record.members, start=1)}


def _widths(n_experts: int) -> tuple[list[float], float]:
    code, points, agg, value, notes = 11 * mm, 10 * mm, 14 * mm, 14 * mm, 12 * mm
    rest = FRAME_WIDTH - (code + points + agg + value + notes)
    expert = min(10.5 * mm, (rest - 30 * mm) / max(n_experts, 1))
    title = rest - expert * n_experts
    return [code, title, points, *([expert] * n_experts), agg, value, notes], expert


def score_text(value: Decimal | None, leaf: Criterion) -> str:
    """A score with as many decimals as the indicator's step (``6.0`` for a step of 0.5)."""
    if value is None:
        return "—"
    step = leaf.step or Decimal(1)
    exponent = step.normalize().as_tuple().exponent  # an int: a standard's steps are finite
    places = max(0, -exponent) if isinstance(exponent, int) else 0
    return format(value.quantize(Decimal(1).scaleb(-places)), "f")


def _leaf_row(leaf: Criterion, result: IndicatorResult, experts: list[str], s: Styles) -> list[object]:
    cells: list[object] = [
        para(leaf.code, s.small_head),
        para(leaf.title.zh, s.small),
        para(num(leaf.points), s.small_num),
    ]
    divergent = set(result.divergent_experts)
    for expert in experts:
        score = score_text(result.score_of(expert), leaf)
        if expert in divergent:
            cells.append(paragraph(f'<font color="{MARK.hexval()}">{score}{DIVERGENT}</font>', s.small_num))
        else:
            cells.append(para(score, s.small_num))
    value = num(result.value) + (CONSENSUS if result.consensus else "")
    marks = "".join(m for m, on in ((SPREAD, result.spread_divergent), (CONSENSUS, result.consensus)) if on)
    cells += [para(num(result.aggregate), s.small_num), para(value, s.small_num), para(marks, s.small_num)]
    return cells


def indicators_by_code(record: RecordInput) -> dict[str, IndicatorResult]:
    """code → the reconciliation's result of that indicator (``Reconciliation.indicator`` as a table)."""
    out: dict[str, IndicatorResult] = {}
    for i in record.reconciliation.indicators:
        out.setdefault(i.code, i)
    return out


def _subtotal(
    record: RecordInput, node: Criterion, experts: list[str], s: Styles, results: dict[str, IndicatorResult]
) -> list[object]:
    rec = record.reconciliation
    result = rec.node(node.code) if node.children else None
    per_expert = []
    for expert in experts:
        total = sum((results[leaf.code].score_of(expert) or Decimal(0) for leaf in node.leaves()), Decimal(0))
        per_expert.append(para(num(total), s.small_num))
    value = result.value if result else results[node.code].value
    return [para("", s.small), para(f"{node.code} {node.title.zh} 小计", s.small),
            para(num(node.points), s.small_num), *per_expert, para("", s.small), para(num(value), s.small_num),
            para("", s.small)]  # fmt: skip


def expert_groups(experts: list[str]) -> list[list[str]]:
    """The scoring experts in as few groups of at most :data:`EXPERTS_PER_TABLE` as will do, of
    even sizes (the first groups one larger), in panel order: one indicator table per group."""
    count = max(1, -(-len(experts) // EXPERTS_PER_TABLE))
    size, more = divmod(len(experts), count)
    out, at = [], 0
    for k in range(count):
        n = size + (1 if k < more else 0)
        out.append(experts[at : at + n])
        at += n
    return out


def indicator_tables(record: RecordInput, s: Styles) -> list[Flowable]:
    """The indicator table; for a panel of more than :data:`EXPERTS_PER_TABLE` scoring experts,
    one per group of experts (each with every indicator, the aggregate, the value and the marks),
    so the score columns stay wide enough to read."""
    groups = expert_groups([m.expert_id for m in record.scoring_members()])
    if len(groups) == 1:
        return [indicator_table(record, s, groups[0], "各专家评分（按成员序号）")]
    numbers = column_numbers(record)
    out: list[Flowable] = []
    for k, group in enumerate(groups, start=1):
        head = f"各专家评分（按成员序号，第 {k} 组，共 {len(groups)} 组：{numbers[group[0]]}–{numbers[group[-1]]} 号）"
        if k > 1:
            out.append(Spacer(1, 4 * mm))
        out.append(indicator_table(record, s, group, head))
    return out


def indicator_table(record: RecordInput, s: Styles, experts: list[str], head: str) -> Flowable:
    """Each leaf: the scores of ``experts``, the computed aggregate, the value taken, the marks."""
    rec, std = record.reconciliation, record.standard
    numbers = column_numbers(record)
    widths, _ = _widths(len(experts))
    n = len(experts)
    head1 = [para("编号", s.small_head), para("指标", s.small_head), para("分值", s.small_head),
             para(head, s.small_head), *([""] * (n - 1)),
             para("计算值", s.small_head), para("采用分", s.small_head), para("标记", s.small_head)]  # fmt: skip
    head2 = ["", "", "", *[para(str(numbers[e]), s.small_head) for e in experts], "", "", ""]
    rows: list[list[object]] = [head1, head2]
    extra: list[tuple[Any, ...]] = [("SPAN", (3, 0), (2 + n, 0))]
    for c in (0, 1, 2, 3 + n, 4 + n, 5 + n):
        extra.append(("SPAN", (c, 0), (c, 1)))
    results = indicators_by_code(record)
    for top in std.criteria:
        for leaf in top.leaves():
            rows.append(_leaf_row(leaf, results[leaf.code], experts, s))
        rows.append(_subtotal(record, top, experts, s, results))
        extra.append(("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), SUBTOTAL_FILL))
    totals = []
    for expert in experts:
        total = sum((i.score_of(expert) or Decimal(0) for i in rec.indicators), Decimal(0))
        totals.append(para(num(total), s.small_num))
    rows.append([para("", s.small), para("总分", s.small), para(num(std.total_points), s.small_num), *totals,
                 para("", s.small), para(num(rec.total), s.small_num), para("", s.small)])  # fmt: skip
    extra.append(("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), SUBTOTAL_FILL))
    return ruled_table(rows, widths, header_rows=2, extra=extra)


def legend(record: RecordInput) -> str:
    std = record.standard
    div = std.divergence
    parts = [f"计算值按{METHOD_ZH[std.aggregation.method]}"]
    if std.aggregation.method is AggregationMethod.TRIMMED_MEAN:
        parts[0] += f"（参与评分专家不少于 {std.aggregation.trim_from_panel_size} 人时；否则取算术平均）"
    parts[0] += f"，保留 {std.aggregation.decimal_places} 位小数（四舍五入）"
    if div.percent_from_mean is not None:
        parts.append(
            f"分数后的 {DIVERGENT} 表示该评分偏离专家组均值超过 {num(div.percent_from_mean)}%，须书面说明"
        )
    if div.spread_share_of_points is not None:
        share = num((div.spread_share_of_points * 100).normalize())
        parts.append(f"{SPREAD} 表示该指标最高分与最低分之差超过分值的 {share}%")
    parts.append(f"{CONSENSUS} 表示采用专家组协商一致分（理由见下）")
    objective = [o.code for o in record.reconciliation.objective]
    if objective:
        parts.append(f"客观指标 {'、'.join(objective)} 按封装的数据计算得分，不取专家评分（见“数据核实”）")
    return "注：" + "；".join(parts) + "。"


def level1_table(record: RecordInput, s: Styles) -> Flowable:
    rec, std = record.reconciliation, record.standard
    rows: list[list[object]] = [
        [para(h, s.cell_head) for h in ("一级指标", "分值", "得分", "最低分", "是否达到")]
    ]
    for top in std.criteria:
        node = rec.node(top.code) if top.children else None
        value = node.value if node else rec.indicator(top.code).value
        minimum = node.minimum if node else std.level1_minimum(top)
        met = node.minimum_met if node else (None if minimum is None or value is None else value >= minimum)
        met_text = "—" if met is None else ("达到" if met else "未达到")
        rows.append([para(f"{top.code} {top.title.zh}", s.cell), para(num(top.points), s.cell_num),
                     para(num(value), s.cell_num), para(num(minimum), s.cell_num), para(met_text, s.cell_head)])  # fmt: skip
    rows.append([para("总分", s.cell_head), para(num(std.total_points), s.cell_num), para(num(rec.total), s.cell_num),
                 para("", s.cell), para("", s.cell)])  # fmt: skip
    extra = [("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), SUBTOTAL_FILL)]
    return ruled_table(rows, [70 * mm, 22 * mm, 26 * mm, 26 * mm, 26 * mm], extra=extra)


def yes_no_table(record: RecordInput, s: Styles) -> Flowable | None:
    rec, std = record.reconciliation, record.standard
    if not std.yes_no:
        return None
    head = ("编号", "事项", "性质", "判定规则", "专家判“否”", "专家组意见")
    rows: list[list[object]] = [[para(h, s.cell_head) for h in head]]
    for item in std.yes_no:
        answer = rec.answer(item.code)
        effect = "一票否决" if item.effect is YesNoEffect.VETO else "门槛条件"
        verdict = "否" if answer.panel_no else "是"
        rows.append([para(item.code, s.cell_head), para(item.title.zh, s.cell), para(effect, s.cell_head),
                     para(COMBINE_ZH[item.combine], s.cell), para(f"{answer.no_count} / {len(answer.answers)}", s.cell_head),
                     para(verdict, s.cell_head)])  # fmt: skip
    return ruled_table(rows, [14 * mm, 48 * mm, 20 * mm, 46 * mm, 20 * mm, 22 * mm])


def vote_text(record: RecordInput, vote: PanelVote) -> str:
    """``同意 3 人（王堃、李喆、张伟）、反对 1 人（赵鑫）``: the chair, by the motion, first."""

    order = {m.expert_id: (m.role is not MemberRole.CHAIR, n) for n, m in enumerate(record.members)}

    def names(ids: tuple[str, ...]) -> str:
        return "、".join(record.member(i).name for i in sorted(ids, key=lambda i: order.get(i, (True, 0))))

    text = f"同意 {len(vote.approve)} 人（{names(vote.approve) or '无'}）"
    text += f"、反对 {len(vote.object)} 人（{names(vote.object)}）" if vote.object else "、反对 0 人"
    missing = vote.voters - len(vote.approve) - len(vote.object)
    return text + (f"、未表决 {missing} 人" if missing > 0 else "")


def _change_votes(record: RecordInput, code: str) -> str:
    vote = record.change(code)
    if vote is None:
        return ""
    return f"变更依据：{vote.ground}。专家组表决：{vote_text(record, vote)}。"


def notes(record: RecordInput, s: Styles) -> list[Flowable]:
    """The consensus scores with their rationale, and the divergent scores with their explanation."""
    rec, std = record.reconciliation, record.standard
    out: list[Flowable] = []
    consensus = [i for i in rec.indicators if i.consensus]
    if consensus:
        out.append(para("评分变更（专家组表决通过）及理由：", s.plain))
        for i in consensus:
            assert i.consensus is not None
            chair = (
                record.member(i.consensus.by).name
                if i.consensus.by in column_numbers(record)
                else i.consensus.by
            )
            text = (f"{i.code} {std.criterion(i.code).title.zh}：计算值 {num(i.aggregate)} → 采用 {num(i.value)}。"
                    f"{_change_votes(record, i.code)}理由：{i.consensus.rationale}（{chair}）")  # fmt: skip
            out.append(para(f"{CONSENSUS} {text}", s.item))
    if rec.divergences:
        out.append(para("偏离评分及说明：", s.plain))
        numbers = column_numbers(record)
        for d in rec.divergences:
            who = record.member(d.expert_id).name
            mean = rec.indicator(d.code).mean  # informative: shown to two places
            mean = None if mean is None else mean.quantize(Decimal("0.01"))
            text = (f"{d.code} {std.criterion(d.code).title.zh}：{numbers[d.expert_id]} 号专家{who}评分 {score_text(d.score, std.criterion(d.code))}"
                    f"（均值 {num(mean)}）。说明：{d.explanation or '未提交说明'}")  # fmt: skip
            out.append(para(f"{DIVERGENT} {text}", s.item))
    spread = [i for i in rec.indicators if i.spread_divergent]
    if spread:
        codes = "、".join(f"{i.code}（{num(i.minimum)}–{num(i.maximum)}）" for i in spread)
        out.append(para(f"{SPREAD} 评分极差较大的指标：{codes}。", s.item))
    return out

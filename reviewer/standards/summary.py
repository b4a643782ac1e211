"""A human summary of a standard: what ``reviewer standard check`` prints and the GUI shows."""

from __future__ import annotations

from decimal import Decimal

from reviewer.i18n import T
from reviewer.standards.model import AggregationMethod, GateEffect, NumericGate, Standard, results_for

KIND = {
    "application": T("申请审查", "application review"),
    "creation": T("创建评审", "creation review"),
    "annual": T("年度评估", "annual evaluation"),
}
CANDIDATE = {"city": T("名城", "city"), "park": T("名园", "park")}
METHOD = {
    AggregationMethod.MEAN: T("算术平均", "mean"),
    AggregationMethod.TRIMMED_MEAN: T(
        "去掉一个最高分和一个最低分后平均", "trimmed mean (drop highest and lowest)"
    ),
    AggregationMethod.MEDIAN: T("中位数", "median"),
}


def _num(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text


def rule_text(standard: Standard, index: int) -> str:
    rule = standard.conclusion.rules[index]
    conds = []
    if rule.min_total is not None:
        conds.append(str(T("总分 ≥ {m}", "total ≥ {m}", m=_num(rule.min_total))))
    if rule.gates:
        conds.append(str(T("门槛 {g} 为“是”", "gates {g} answered yes", g=", ".join(rule.gates))))
    if rule.minimums_met:
        conds.append(str(T("各一级指标均达最低分", "every level-1 indicator at its minimum")))
    label = standard.result_label(rule.result).text()
    if not conds:
        return str(T("否则 → {r}", "otherwise → {r}", r=label))
    return str(T("{c} → {r}", "{c} → {r}", c=str(T(" 且 ", " and ")).join(conds), r=label))


def summary_lines(standard: Standard) -> list[str]:
    s = standard
    leaves = s.leaves()
    lines = [
        f"{s.title.text()}  [{s.id} {s.version}]",
        str(T("  类型：{k}（{c}）", "  kind: {k} ({c})", k=KIND[s.kind], c=CANDIDATE[s.candidate_type])),
    ]
    if s.sample:
        lines.append(
            str(T("  ※ 样例标准，非官方指标体系", "  ※ SAMPLE standard, not the official indicator system"))
        )
    lines.append(
        str(
            T(
                "  指标：一级 {top} 项，末级 {leaves} 项，满分 {total}",
                "  indicators: {top} level-1, {leaves} scored, {total} points in all",
                top=len(s.criteria),
                leaves=len(leaves),
                total=_num(s.total_points),
            )
        )
    )
    objective = [leaf for leaf in leaves if leaf.objective is not None]
    if objective:
        lines.append(
            str(
                T(
                    "  其中客观指标 {n} 项（按统计数据计分）",
                    "  of which {n} objective (scored from statistical figures)",
                    n=len(objective),
                )
            )
        )
    for top in s.criteria:
        minimum = s.level1_minimum(top)
        extra = "" if minimum is None else str(T("（最低 {m}）", " (minimum {m})", m=_num(minimum)))
        lines.append(f"    {top.code} {top.title.text()}  {_num(top.points)}{extra}")
    if s.yes_no:
        items = ", ".join(f"{i.code} {i.title.text()}" for i in s.yes_no)
        lines.append(str(T("  是/否项：{items}", "  yes/no items: {items}", items=items)))
    lines.append(str(T("  资格条件：{n} 项", "  eligibility checks: {n}", n=len(s.eligibility))))
    agg = s.aggregation
    method = str(METHOD[agg.method])
    if agg.method is AggregationMethod.TRIMMED_MEAN:
        method += str(T("（{n} 人及以上时）", " (from {n} experts)", n=agg.trim_from_panel_size))
    lines.append(
        str(
            T(
                "  汇总：{m}，保留 {p} 位小数",
                "  aggregation: {m}, {p} decimal places",
                m=method,
                p=agg.decimal_places,
            )
        )
    )
    div = []
    if s.divergence.percent_from_mean is not None:
        div.append(
            str(
                T("偏离均值超过 {p}%", "more than {p}% from the mean", p=_num(s.divergence.percent_from_mean))
            )
        )
    if s.divergence.spread_share_of_points is not None:
        div.append(
            str(
                T(
                    "极差超过分值的 {p}",
                    "spread over {p} of the points",
                    p=_num(s.divergence.spread_share_of_points),
                )
            )
        )
    if div:
        lines.append(str(T("  偏离判定：{d}", "  divergence: {d}", d=str(T(" 或 ", " or ")).join(div))))
    lines.append(
        str(
            T(
                "  法定人数：至少 {n} 份有效评分表",
                "  quorum: at least {n} scoring sheets",
                n=s.quorum.min_experts,
            )
        )
    )
    lines.append(str(T("  结论规则：", "  conclusion rules:")))
    for i in range(len(s.conclusion.rules)):
        lines.append(f"    {i + 1}. {rule_text(s, i)}")
    veto = s.result_label(s.conclusion.on_veto).text()
    lines.append(str(T("    一票否决 → {r}", "    veto → {r}", r=veto)))
    if s.numeric_gates:
        lines.append(
            str(T("  数据门槛（在结论规则之后）：", "  numeric gates (after the conclusion rules):"))
        )
        lines.extend(f"    {gate_text(s, gate)}" for gate in s.numeric_gates)
    return lines


def gate_text(standard: Standard, gate: NumericGate) -> str:
    """``NG1 title: software_revenue ≥ 100, else at most One star``."""
    value = gate.figure if gate.relative_to is None else f"{gate.figure} − {gate.relative_to}"
    if gate.effect is GateEffect.FAIL:
        effect = str(
            T("否则结论为{r}", "else {r}", r=standard.result_label(results_for(standard.kind)[-1]).text())
        )
    else:
        effect = str(T("否则至多{r}", "else at most {r}", r=standard.result_label(str(gate.cap)).text()))
    return str(
        T(
            "{code} {title}：{value} ≥ {m}，{effect}",
            "{code} {title}: {value} ≥ {m}, {effect}",
            code=gate.code,
            title=gate.title.text(),
            value=value,
            m=_num(gate.minimum),
            effect=effect,
        )
    )

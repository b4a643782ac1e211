"""The human summary of a reconciliation (Chinese or English): totals, the conclusion and why,
divergent scores with or without an explanation, departures from the arithmetic, quorum.

Used by ``reviewer panel reconcile`` (``summary.txt`` / ``summary.md``) and the chair's window.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from reviewer.i18n import T, Text
from reviewer.scoring.decisions import PanelDecisions
from reviewer.scoring.result import Reconciliation
from reviewer.scoring.stats import canonical


def _n(value: Decimal | None) -> str:
    return "—" if value is None else canonical(value)


def _who(names: Mapping[str, str], fp: str) -> str:
    return names.get(fp, fp[:12])


def render(text: Text, lang: str | None = None) -> str:
    """``text`` in ``lang``, with any nested :class:`Text` argument in the same language."""
    args = {k: render(v, lang) if isinstance(v, Text) else v for k, v in text.args.items()}
    return Text(text.zh, text.en, args).render(lang)


def _conclusion(rec: Reconciliation) -> Text:
    c = rec.conclusion
    if c.result is None or c.label is None:
        return T("结论：无（未达到法定人数）", "Conclusion: none (quorum not met)")
    return Text(f"结论：{c.label.zh}", f"Conclusion: {c.label.en}")


def summary_lines(
    rec: Reconciliation, names: Mapping[str, str], decisions: PanelDecisions | None = None
) -> list[Text]:
    out: list[Text] = [
        T(
            "对账摘要 — 评审标准 {std} {ver}",
            "Reconciliation summary — standard {std} {ver}",
            std=rec.standard_id,
            ver=rec.standard_version,
        )
    ]
    recused = [_who(names, e.expert_id) for e in rec.experts if e.recused]
    out.append(
        T(
            "评分表 {n} 份，计分专家 {k} 人，回避 {r} 人{who}；法定人数 {q} 人：{met}。",
            "{n} sheet(s), {k} scoring expert(s), {r} recused{who}; quorum {q}: {met}.",
            n=len(rec.experts),
            k=rec.scoring_experts,
            r=len(recused),
            who=Text(f"（{'、'.join(recused)}）", f" ({', '.join(recused)})") if recused else "",
            q=rec.quorum_required,
            met=T("已达到", "met") if rec.quorum_met else T("未达到", "NOT met"),
        )
    )
    out.append(T("总分：{t}", "Total: {t}", t=_n(rec.total)))
    for node in rec.nodes:
        if node.level != 1:
            continue
        if node.minimum is None:
            out.append(
                T("  {c}：{v} / {p}", "  {c}: {v} / {p}", c=node.code, v=_n(node.value), p=_n(node.points))
            )
        else:
            out.append(
                T(
                    "  {c}：{v} / {p}（最低 {m}，{ok}）",
                    "  {c}: {v} / {p} (minimum {m}, {ok})",
                    c=node.code,
                    v=_n(node.value),
                    p=_n(node.points),
                    m=_n(node.minimum),
                    ok=T("达到", "met") if node.minimum_met else T("未达到", "NOT met"),
                )
            )
    for y in rec.yes_no:
        out.append(
            T(
                "是/否项 {c}：{no} 人答“否”，专家组意见为“{a}”。",
                "Yes/no item {c}: {no} “no” answer(s); the panel's answer is “{a}”.",
                c=y.code,
                no=y.no_count,
                a=T("否", "no") if y.panel_no else T("是", "yes"),
            )
        )
    out.append(_conclusion(rec))
    out.extend(Text("  " + t.zh, "  " + t.en, t.args) for t in rec.conclusion.explain())

    consensus = [i for i in rec.indicators if i.consensus is not None]
    out.append(
        T(
            "共识分（偏离计算结果）：{n} 项",
            "Consensus scores (departures from the arithmetic): {n}",
            n=len(consensus),
        )
    )
    for i in consensus:
        c = i.consensus
        assert c is not None
        out.append(
            T(
                "  {code}：计算值 {agg} → 共识分 {val}（{who}，{at}）。理由：{why}",
                "  {code}: computed {agg} → consensus {val} ({who}, {at}). Rationale: {why}",
                code=i.code,
                agg=_n(i.aggregate),
                val=_n(c.value),
                who=_who(names, c.by),
                at=c.at,
                why=c.rationale,
            )
        )
    out.append(
        T(
            "偏离评分：{n} 项，其中 {u} 项尚无说明",
            "Divergent scores: {n}, of which {u} without an explanation",
            n=len(rec.divergences),
            u=len(rec.unexplained),
        )
    )
    for d in rec.divergences:
        i = rec.indicator(d.code)
        if d.explanation is None:
            out.append(
                T(
                    "  {code} {who}：{s}（均值 {m}）— 无说明",
                    "  {code} {who}: {s} (mean {m}) — NOT explained",
                    code=d.code,
                    who=_who(names, d.expert_id),
                    s=_n(d.score),
                    m=_n(i.mean),
                )
            )
        else:
            out.append(
                T(
                    "  {code} {who}：{s}（均值 {m}）— 说明：{e}",
                    "  {code} {who}: {s} (mean {m}) — explanation: {e}",
                    code=d.code,
                    who=_who(names, d.expert_id),
                    s=_n(d.score),
                    m=_n(i.mean),
                    e=d.explanation,
                )
            )
    spread = [i.code for i in rec.indicators if i.spread_divergent]
    if spread:
        out.append(T("分差过大的指标：{c}", "Indicators whose spread is too wide: {c}", c=", ".join(spread)))
    if decisions is not None:
        out.extend(_decision_lines(decisions, names))
    return out


def _decision_lines(decisions: PanelDecisions, names: Mapping[str, str]) -> list[Text]:
    out: list[Text] = []
    for r in decisions.returns:
        out.append(
            T(
                "退回更正：{who} 第 {n} 版，指标 {codes}（{by}，{at}）。理由：{why}",
                "Returned for correction: {who} version {n}, indicators {codes} ({by}, {at}). Reason: {why}",
                who=_who(names, r.expert),
                n=r.revision,
                codes=", ".join(r.codes),
                by=r.by.name,
                at=r.at,
                why=r.reason,
            )
        )
    for d in decisions.dissents:
        out.append(
            T("保留意见（{who}）：{text}", "Dissent ({who}): {text}", who=_who(names, d.expert), text=d.text)
        )
    if decisions.visit is not None:
        out.append(
            T(
                "实地考察：{dates}，{place}",
                "Site visit: {dates}, {place}",
                dates=", ".join(decisions.visit.dates),
                place=decisions.visit.place,
            )
        )
    if decisions.opinion is not None:
        out.append(T("专家组意见：{c}", "Panel opinion: {c}", c=decisions.opinion.conclusion))
    return out


def markdown(
    rec: Reconciliation, names: Mapping[str, str], decisions: PanelDecisions | None, lang: str | None
) -> str:
    """The same summary as Markdown, with a table of the indicators."""
    lines = [render(t, lang) for t in summary_lines(rec, names, decisions)]
    head = T(
        "| 指标 | 满分 | 人数 | 最低 | 最高 | 分差 | 计算值 | 采用值 | 偏离 |",
        "| indicator | points | n | min | max | spread | computed | value | divergent |",
    ).render(lang)
    table = [head, "|" + "---|" * 9]
    for i in rec.indicators:
        flags = [_who(names, e) for e in i.divergent_experts]
        if i.spread_divergent:
            flags.append(T("分差", "spread").render(lang))
        value = _n(i.value) + (" *" if i.consensus is not None else "")
        table.append(
            f"| {i.code} | {_n(i.points)} | {i.n} | {_n(i.minimum)} | {_n(i.maximum)} | {_n(i.spread)} "
            f"| {_n(i.aggregate)} | {value} | {', '.join(flags)} |"
        )
    note = T("\\* 共识分（理由见上）", "\\* consensus score (rationale above)").render(lang)
    body = [
        f"# {lines[0]}",
        "",
        *(f"- {line.strip()}" if line.startswith("  ") else line for line in lines[1:]),
    ]
    return "\n".join([*body, "", *table, "", note, ""])

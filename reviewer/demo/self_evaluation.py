"""The demo 自评报告 (self-evaluation report), 6–10 pages: one section per level-1 indicator.

Each level-1 indicator of the standard gets its own section; each of its level-2 indicators a
sub-section with the park's figures, a table where figures make sense, and the self-assessed score.
A self-score table sums it all up.
"""

from __future__ import annotations

import random
from datetime import date
from decimal import ROUND_FLOOR, Decimal

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, PageBreak, Paragraph, Spacer

from reviewer.demo.evidence import evidence_for
from reviewer.demo.facts import EVALUATION_YEARS, SEED_PREFIX, ParkFacts
from reviewer.demo.layout import Styles, notice_box, table
from reviewer.export.fonts import markup
from reviewer.standards.model import Criterion, Standard

DATE = date(2026, 3, 31)
TITLE = "自评报告"
FULL_TITLE = "中国软件名园创建自评报告"
_DIGITS = "零一二三四五六七八九"


def cn_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十 (1–99)."""
    if not 0 < n < 100:
        raise ValueError(n)
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _DIGITS[tens] + "十")
    return head + (_DIGITS[ones] if ones else "")


def _fmt(value: Decimal) -> str:
    return f"{value.normalize():f}"


def self_scores(standard: Standard, facts: ParkFacts) -> dict[str, Decimal]:
    """A plausible self-assessed score per leaf: 80–97 % of its points, on its step (fixed seed)."""
    rng = random.Random(f"{SEED_PREFIX}{facts.name}:self-score:{standard.id}")
    scores: dict[str, Decimal] = {}
    for leaf in standard.leaves():
        step = leaf.step or Decimal("0.5")
        raw = leaf.points * Decimal(str(round(rng.uniform(0.80, 0.97), 3)))
        scores[leaf.code] = (raw / step).to_integral_value(rounding=ROUND_FLOOR) * step
    return scores


def _section(number: int, top: Criterion, facts: ParkFacts, scores: dict[str, Decimal], s: Styles) -> list:
    out: list[Flowable] = [
        CondPageBreak(70 * mm),
        Paragraph(markup(f"{cn_number(number)}、{top.title.zh}（{_fmt(top.points)} 分）"), s.h1),
    ]
    subtotal = sum((scores[leaf.code] for leaf in top.leaves()), Decimal(0))
    out.append(
        Paragraph(
            markup(f"本部分满分 {_fmt(top.points)} 分，自评得分 {_fmt(subtotal)} 分。具体情况如下："), s.body
        )
    )
    for child in top.children:
        for leaf in child.leaves():
            evidence = evidence_for(leaf, facts)
            out.append(Paragraph(markup(f"{leaf.code}　{leaf.title.zh}（{_fmt(leaf.points)} 分）"), s.h2))
            out.append(Paragraph(markup(evidence.text), s.body))
            if evidence.rows:
                widths = _widths(len(evidence.rows[0]))
                out.append(table(evidence.rows, widths, s))
                out.append(Spacer(1, 1.5 * mm))
            out.append(Paragraph(markup(f"自评得分：{_fmt(scores[leaf.code])} 分"), s.plain))
    return out


def _widths(columns: int) -> list[float]:
    total = 166 * mm
    if columns == 2:
        return [100 * mm, 66 * mm]
    first = 62 * mm if columns <= 4 else 30 * mm
    return [first] + [(total - first) / (columns - 1)] * (columns - 1)


def story(facts: ParkFacts, standard: Standard, s: Styles) -> list[Flowable]:
    def p(text: str, style: object = s.body) -> Paragraph:
        return Paragraph(markup(text), style)

    scores = self_scores(standard, facts)
    total = sum(scores.values(), Decimal(0))
    y1, _, y3 = EVALUATION_YEARS
    out: list[Flowable] = [
        Spacer(1, 45 * mm),
        p(facts.name, s.subtitle),
        p(FULL_TITLE, s.title),
        p("（创建期：2024—2025 年）", s.subtitle),
        Spacer(1, 30 * mm),
        p(f"报送单位：{facts.committee}", s.subtitle),
        p(f"所在地区：{facts.location}", s.subtitle),
        p(f"报送日期：{DATE.year}年{DATE.month}月{DATE.day}日", s.subtitle),
        Spacer(1, 25 * mm),
        notice_box(s, "示例材料，数据为虚构，仅用于演示评审软件"),
        PageBreak(),
        p("一、园区概况", s.h1),
        p(f"{facts.name}位于{facts.location}，成立于 {facts.founded.year} 年 {facts.founded.month} 月，"
          f"规划面积 {facts.area_km2} 平方公里，载体建筑面积 {facts.floor_area_10k_m2} 万平方米。"
          f"园区由{facts.committee}统筹建设管理，{facts.operator}负责运营服务，"
          f"形成了以{facts.main_field}为主导、{facts.second_field}为特色的产业格局。"),
        p(f"{DATE.year - 2} 年 4 月园区印发创建工作方案，按照特色化、专业化、品牌化、高端化的方向推进创建。"
          f"{y3} 年园区实现软件业务收入 {facts.revenue[y3]} 亿元，较 {y1} 年增长 "
          f"{(facts.revenue[y3] / facts.revenue[y1] - 1) * 100:.1f}%。对照《{standard.title.zh}》，"
          f"园区自评总分 {_fmt(total)} 分。"),
    ]  # fmt: skip
    for number, top in enumerate(standard.criteria, start=2):
        out += _section(number, top, facts, scores, s)

    number = len(standard.criteria) + 2
    out += [CondPageBreak(90 * mm), p(f"{cn_number(number)}、自评得分汇总", s.h1)]
    rows: list[list[object]] = [["代码", "指标", "分值", "自评得分", "主要依据"]]
    for top in standard.criteria:
        rows.append([top.code, top.title.zh, _fmt(top.points),
                     _fmt(sum((scores[leaf.code] for leaf in top.leaves()), Decimal(0))), ""])  # fmt: skip
        for leaf in top.leaves():
            basis = evidence_for(leaf, facts).basis
            rows.append([leaf.code, leaf.title.zh, _fmt(leaf.points), _fmt(scores[leaf.code]), basis])
    max_total = sum((top.points for top in standard.criteria), Decimal(0))
    rows.append(["", "合计", _fmt(max_total), _fmt(total), ""])
    summary = table(rows, [14 * mm, 40 * mm, 18 * mm, 22 * mm, 72 * mm], s, center_cols=(0,))
    level1 = [i for i, row in enumerate(rows) if row[0] and "." not in str(row[0]) and i > 0]
    summary.setStyle([("BACKGROUND", (0, i), (-1, i), "#EEF2FF") for i in [*level1, len(rows) - 1]])
    out += [summary, p("表　自评得分汇总", s.caption)]

    for item in standard.yes_no:
        out.append(
            p(f"关于“{item.title.zh}”：园区承诺所报数据和材料真实、准确，不存在隐瞒事实、弄虚作假的情形。")
        )

    out += [
        p(f"{cn_number(number + 1)}、存在的问题和下一步工作", s.h1),
        p(f"一是{facts.main_field}高端产品占比仍然偏低，部分核心产品市场占有率有待提高；二是领军企业数量不多，"
          "百亿级企业仍然缺乏；三是高端复合型人才供给不足。下一步，园区将聚焦关键软件攻关、领军企业培育和人才引育，"
          "持续提升产业能级，以评促建、以评促改。"),
        Spacer(1, 8 * mm),
        p(f"{facts.committee}（盖章）", s.signature),
        p(f"{DATE.year}年{DATE.month}月{DATE.day}日", s.signature),
    ]  # fmt: skip
    return out

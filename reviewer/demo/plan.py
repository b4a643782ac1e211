"""The demo 创建工作方案 (creation work plan), 4–6 pages: targets, tasks, measures, schedule."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from reviewer.demo.facts import ParkFacts, _q
from reviewer.demo.layout import Styles, notice_box, table
from reviewer.export.fonts import markup

DATE = date(2024, 4, 30)
TITLE = "中国软件名园创建工作方案"
BASE = 2023

TASKS = (
    ("（一）特色化发展：做强主导领域",
     "聚焦{main}，围绕研发设计、生产控制、经营管理三类产品，实施关键软件攻关行动，每年遴选一批重点产品给予首版次"
     "应用奖励；同步培育{second}产业，建设适配验证中心，形成“基础软件—中间件—行业应用”的完整链条。",
     [("实施{main}关键产品攻关行动，每年支持 10 个以上攻关项目", "园区管委会产业发展局", "2025 年 12 月"),
      ("建设{second}适配验证中心，年服务企业 200 家以上", "园区发展集团", "2024 年 12 月")]),
    ("（二）专业化发展：提升载体和服务能级",
     "按照“一园多区、错位发展”的思路，推进专业楼宇和特色街区建设，完善适配验证、体验推广、企业孵化、投资融资、"
     "法律服务、人才培训等六类公共服务平台，推行“一企一专员”服务机制。",
     [("新增专业化软件楼宇 30 万平方米", "园区发展集团", "2025 年 6 月"),
      ("建成六类公共服务平台并实现线上一网通办", "园区管委会企业服务局", "2024 年 12 月")]),
    ("（三）品牌化发展：培育名企名品",
     "实施“领军企业培育计划”和“专精特新成长计划”，支持企业上市融资、兼并重组；组织名品评选和推广活动，"
     "支持企业参与国家和行业标准制定，打造具有全国影响力的园区品牌。",
     [("新增上市企业 3 家、国家级专精特新“小巨人”企业 4 家", "园区管委会经济发展局", "2025 年 12 月"),
      ("牵头或参与制定国家、行业标准 10 项以上", "园区管委会产业发展局", "2025 年 12 月")]),
    ("（四）高端化发展：增强创新策源能力",
     "联合高校院所建设新型研发机构，布局人工智能、工业互联网平台等前沿方向；引导企业加大研发投入，"
     "落实研发费用加计扣除等政策，推动创新成果在园区首试首用。",
     [("新建省级以上创新载体 5 个", "园区管委会科技创新局", "2025 年 12 月"),
      ("园区企业研发投入占收入比重提高到 10.5% 以上", "园区管委会科技创新局", "2025 年 12 月")]),
)  # fmt: skip

MEASURES = (
    ("加强组织领导", "成立由{city}人民政府分管负责同志任组长的创建工作领导小组，领导小组办公室设在{committee}，"
     "建立月调度、季通报、年考核的工作机制。"),
    ("强化政策支持", "落实国家和省市软件产业政策，出台园区创建软件名园专项政策，在企业引育、研发攻关、"
     "人才安居等方面给予支持。"),
    ("加大资金投入", "设立规模 {fund} 亿元的软件产业发展专项资金，引导社会资本设立产业投资基金，重点支持关键软件攻关和公共服务平台建设。"),
    ("优化人才环境", "实施软件人才引育计划，与高校共建现代产业学院和实训基地，落实人才公寓、子女入学等服务保障。"),
    ("做好监测评估", "依托园区统计监测平台按季度采集企业数据，按时报送创建进展报告，开展中期评估并向社会公开创建进展。"),
)  # fmt: skip

PROJECTS = (
    ("工业软件协同创新中心", "建设研发设计类工业软件共性技术平台和验证环境", "6.5", "2024—2025 年"),
    ("信创适配验证中心二期", "扩建适配验证实验室，新增整机、数据库、中间件兼容性测试能力", "3.2", "2024 年"),
    ("软件名园创新港", "建设专业化软件楼宇 30 万平方米及人才公寓", "18.0", "2024—2025 年"),
    ("智慧园区管理平台", "建设企业服务、安全管理、能耗监测一体化平台", "1.6", "2024 年"),
    ("软件人才实训基地", "与高校共建现代产业学院和实训基地，年培训 1 万人次", "2.4", "2024—2025 年"),
)  # fmt: skip

SCHEDULE = (
    ("启动部署阶段", "2024.05—2024.06", "印发创建工作方案，成立领导小组，分解任务，明确责任单位和时间节点。"),
    ("全面推进阶段", "2024.07—2025.06", "全面实施重点任务，建成公共服务平台，每半年报送创建进展报告。"),
    ("巩固提升阶段", "2025.07—2025.12", "开展中期评估，查找短板并整改，推动各项目标全面完成。"),
    ("总结评估阶段", "2026.01—2026.03", "开展创建工作总结和自评估，形成自评报告，提出评审授予申请。"),
)


def _targets(facts: ParkFacts) -> list[list[object]]:
    def up(value: Decimal, rate: str, years: int = 1) -> Decimal:
        return _q(value * (1 + Decimal(rate)) ** years)

    rev = facts.revenue[BASE]
    return [
        ["指标", f"{BASE} 年基数", "2024 年目标", "2025 年目标"],
        ["软件业务收入（亿元）", rev, up(rev, "0.14"), up(rev, "0.14", 2)],
        ["软件企业数量（家）", f"{facts.software_firms[BASE]:,}", f"{facts.software_firms[BASE] + 80:,}",
         f"{facts.software_firms[BASE] + 170:,}"],
        ["规模以上软件企业（家）", facts.above_scale_firms[BASE], facts.above_scale_firms[BASE] + 15,
         facts.above_scale_firms[BASE] + 32],
        ["从业人员（万人）", facts.staff_10k[BASE], _q(facts.staff_10k[BASE] * Decimal("1.06"), "0.01"),
         _q(facts.staff_10k[BASE] * Decimal("1.13"), "0.01")],
        ["研发投入占收入比重（%）", facts.rd_intensity[BASE], "10.0", "10.5"],
        [f"{facts.main_field}收入占比（%）", facts.main_field_share[BASE], "36.0", "38.0"],
        ["有效发明专利（件）", f"{facts.invention_patents[BASE]:,}", f"{int(facts.invention_patents[BASE] * 1.15):,}",
         f"{int(facts.invention_patents[BASE] * 1.32):,}"],
        ["上市企业（家）", max(facts.listed_firms - 3, 1), max(facts.listed_firms - 1, 1), facts.listed_firms + 1],
        ["省级以上创新载体（个）", facts.national_labs + facts.provincial_labs - 5,
         facts.national_labs + facts.provincial_labs - 2, facts.national_labs + facts.provincial_labs + 1],
    ]  # fmt: skip


def _gaps(facts: ParkFacts) -> list[list[object]]:
    return [
        ["指标", f"{BASE} 年现状", "名园参考要求", "差距分析"],
        ["软件业务收入", f"{facts.revenue[BASE]} 亿元", "规模居全国园区前列", "规模较大，需保持较快增长"],
        ["软件企业占比", f"{facts.software_share(BASE)}%", "不低于 60%", "已达到"],
        ["研发投入强度", f"{facts.rd_intensity[BASE]}%", "不低于 10%", "接近要求，需继续提高"],
        ["主导领域收入占比", f"{facts.main_field_share[BASE]}%", "不低于 30%", "已达到，需提升高端产品占比"],
        ["软件百强企业", f"{max(facts.top100_firms - 1, 1)} 家", "有一批领军企业", "领军企业偏少"],
    ]


def story(facts: ParkFacts, s: Styles) -> list[Flowable]:
    def p(text: str, style: object = s.body) -> Paragraph:
        return Paragraph(markup(text), style)

    words = {"main": facts.main_field, "second": facts.second_field, "city": facts.city,
             "committee": facts.committee, "fund": facts.fund_100m}  # fmt: skip
    out: list[Flowable] = [
        p(f"{facts.name}", s.subtitle),
        p(TITLE, s.title),
        p("（2024—2025 年）", s.subtitle),
        p(f"{facts.committee}　{DATE.year}年{DATE.month}月", s.subtitle),
        Spacer(1, 2 * mm),
        notice_box(s),
        p("一、创建基础", s.h1),
        p(f"{facts.name}成立于 {facts.founded.year} 年，位于{facts.location}，规划面积 {facts.area_km2} 平方公里。"
          f"{BASE} 年园区实现软件业务收入 {facts.revenue[BASE]} 亿元，同比增长 {facts.growth(BASE)}%；"
          f"入驻企业 {facts.total_firms[BASE]:,} 家，其中软件企业 {facts.software_firms[BASE]:,} 家；"
          f"从业人员 {facts.staff_10k[BASE]} 万人。园区已形成以{facts.main_field}为主导、{facts.second_field}为特色的产业体系。"),
        p("对照中国软件名园的评审要求，园区在产业规模、企业集聚方面基础较好，在领军企业、主导领域占比、"
          "高端人才等方面仍有差距（见表 1），是本方案重点补齐的短板。"),
        table(_gaps(facts), [40 * mm, 32 * mm, 40 * mm, 54 * mm], s, center_cols=(1,)),
        p("表 1　对标分析", s.caption),
        p("二、总体要求", s.h1),
        p("（一）指导思想", s.h2),
        p(f"深入贯彻落实《中国软件名园管理办法》，以建设具有全球影响力的软件名园为目标，坚持特色化、专业化、品牌化、高端化发展方向，"
          f"以{facts.main_field}为主导、{facts.second_field}为特色，着力提升产业规模、创新能力和公共服务水平，"
          f"推动{facts.name}成为{facts.province}软件产业高质量发展的核心引擎。"),
        p("（二）基本原则", s.h2),
        p("坚持特色引领、错位发展，突出主导领域，避免同质化竞争；坚持创新驱动、应用牵引，以应用场景带动产品迭代；"
          "坚持政府引导、市场主导，充分发挥运营机构和企业的主体作用；坚持目标导向、量化考核，确保各项任务可检查、可评估。"),
        p("三、创建目标", s.h1),
        p(f"到 2025 年底，{facts.name}软件业务收入年均增长 14% 以上，产业集聚度、创新能力和品牌影响力显著提升，"
          "主要指标达到中国软件名园评审要求。具体目标见表 2。"),
        table(_targets(facts), [62 * mm, 34 * mm, 35 * mm, 35 * mm], s),
        p("表 2　创建主要目标", s.caption),
        p("四、重点任务", s.h1),
    ]  # fmt: skip
    for heading, text, items in TASKS:
        out += [p(heading, s.h2), p(text.format(**words))]
        rows = [["序号", "具体任务", "责任单位", "完成时限"]]
        rows += [[str(i), task.format(**words), owner, due] for i, (task, owner, due) in enumerate(items, 1)]
        out.append(table(rows, [14 * mm, 84 * mm, 40 * mm, 28 * mm], s, center_cols=(0,)))
        out.append(Spacer(1, 2 * mm))
    out.append(p("五、重点项目", s.h1))
    rows = [["序号", "项目名称", "主要建设内容", "总投资（亿元）", "建设期"]]
    rows += [[str(i), *row] for i, row in enumerate(PROJECTS, 1)]
    out += [table(rows, [12 * mm, 38 * mm, 72 * mm, 22 * mm, 22 * mm], s, center_cols=(0,)),
            p("表 3　创建期重点项目", s.caption)]  # fmt: skip
    out.append(p("六、保障措施", s.h1))
    for number, (heading, text) in enumerate(MEASURES, 1):
        out.append(p(f"（{'一二三四五六'[number - 1]}）{heading}", s.h2))
        out.append(p(text.format(**words)))
    out.append(p("七、进度安排", s.h1))
    rows = [["阶段", "时间", "主要工作"], *[list(row) for row in SCHEDULE]]
    out += [
        table(rows, [30 * mm, 36 * mm, 100 * mm], s, center_cols=(0, 1)),
        p("表 4　创建工作进度安排", s.caption),
    ]
    out += [
        Spacer(1, 6 * mm),
        p(f"{facts.committee}", s.signature),
        p(f"{DATE.year}年{DATE.month}月{DATE.day}日", s.signature),
    ]
    return out

"""The demo 申请表 (application form for the creation of a China Software Famous Park), 2–3 pages."""

from __future__ import annotations

from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from reviewer.demo.facts import APPLICATION_YEARS, ParkFacts
from reviewer.demo.layout import Styles, notice_box, table
from reviewer.export.fonts import markup
from reviewer.standards.model import Standard

DATE = date(2024, 3, 15)
TITLE = "中国软件名园创建申请表"


def _cn_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def story(facts: ParkFacts, standard: Standard, s: Styles) -> list[Flowable]:
    y1, y2, y3 = APPLICATION_YEARS
    p = lambda text, style=s.body: Paragraph(markup(text), style)  # noqa: E731
    out: list[Flowable] = [
        p(TITLE, s.title),
        p(f"申请单位：{facts.committee}（盖章）", s.subtitle),
        p(f"填报日期：{_cn_date(DATE)}", s.subtitle),
        Spacer(1, 2 * mm),
        notice_box(s),
        p("一、基本情况", s.h1),
    ]
    basic: list[list[object]] = [
        ["园区名称", facts.name, "所在地区", facts.location],
        ["成立时间", _cn_date(facts.founded), "规划面积", f"{facts.area_km2} 平方公里"],
        ["管理机构", facts.committee, "运营机构", facts.operator],
        ["载体建筑面积", f"{facts.floor_area_10k_m2} 万平方米", "主导领域", f"{facts.main_field}、{facts.second_field}"],
        ["联系人", "刘思远（示例）", "联系电话", "025-0000 0000（示例）"],
        ["园区边界", f"东至示例大道，西至秦淮支河，南至科创路，北至纬三路，四至清晰，总规划面积 {facts.area_km2} 平方公里",
         None, None],
    ]  # fmt: skip
    form = table(basic, [28 * mm, 55 * mm, 24 * mm, 59 * mm], s, header_rows=0, label_col=True)
    form.setStyle([("SPAN", (1, 5), (3, 5)), ("BACKGROUND", (2, 0), (2, 4), "#E5E7EB")])
    out.append(form)

    out.append(p("二、主要经济和创新指标", s.h1))
    rows: list[list[object]] = [
        ["指标", f"{y1} 年", f"{y2} 年", f"{y3} 年"],
        ["软件业务收入（亿元）", *(facts.revenue[y] for y in APPLICATION_YEARS)],
        ["软件业务收入增速（%）", *(facts.growth(y) for y in APPLICATION_YEARS)],
        ["入驻企业总数（家）", *(f"{facts.total_firms[y]:,}" for y in APPLICATION_YEARS)],
        ["其中：软件企业（家）", *(f"{facts.software_firms[y]:,}" for y in APPLICATION_YEARS)],
        ["规模以上软件企业（家）", *(facts.above_scale_firms[y] for y in APPLICATION_YEARS)],
        ["从业人员（万人）", *(facts.staff_10k[y] for y in APPLICATION_YEARS)],
        ["研发投入占收入比重（%）", *(facts.rd_intensity[y] for y in APPLICATION_YEARS)],
        ["有效发明专利（件）", *(f"{facts.invention_patents[y]:,}" for y in APPLICATION_YEARS)],
        ["软件著作权登记（件）", *(f"{facts.software_copyrights[y]:,}" for y in APPLICATION_YEARS)],
        [f"{facts.main_field}收入占比（%）", *(facts.main_field_share[y] for y in APPLICATION_YEARS)],
    ]
    out += [table(rows, [62 * mm, 34 * mm, 35 * mm, 35 * mm], s),
            p("注：数据来源于园区统计监测平台及入驻企业报表，示例数据为虚构。", s.caption)]  # fmt: skip

    out.append(p("三、申请条件对照", s.h1))
    evidence = {
        "E1": f"园区于 {_cn_date(facts.founded)} 经{facts.city}人民政府批准设立，至今已逾 {DATE.year - facts.founded.year} 年。",
        "E2": f"设立{facts.committee}，并组建{facts.operator}负责园区开发建设与运营服务。",
        "E3": "已出台园区管理办法、入驻企业准入与退出办法、统计监测制度；编制《园区发展规划（2021—2025年）》。",
        "E4": "四至边界清晰，5G、千兆光网全覆盖，建有数据中心、人才公寓与配套服务设施。",
        "E5": f"经{facts.city}工业和信息化局、{facts.province}工业和信息化厅审核同意推荐。",
    }
    conditions: list[list[object]] = [["序号", "条件", "园区情况", "自查"]]
    for item in standard.eligibility:
        conditions.append([item.code, item.text.zh, evidence.get(item.code, "符合要求，详见附件。"), "符合"])
    out.append(table(conditions, [12 * mm, 44 * mm, 92 * mm, 18 * mm], s, center_cols=(0, 3)))

    out.append(p("四、创建基础与主要优势", s.h1))
    out += [
        p(f"{facts.name}是{facts.city}软件和信息服务业的核心承载区。{y3} 年实现软件业务收入 {facts.revenue[y3]} 亿元，"
          f"同比增长 {facts.growth(y3)}%，高于全国软件业平均增速；聚集软件企业 {facts.software_firms[y3]:,} 家，"
          f"占入驻企业的 {facts.software_share(y3)}%。"),
        p(f"园区以{facts.main_field}为主导、{facts.second_field}为特色，形成了研发设计类、生产控制类、经营管理类"
          "工业软件较为完整的产品谱系，{0}收入占比达到 {1}%。".format(facts.main_field, facts.main_field_share[y3])),
        p(f"园区建有国家级创新载体 {facts.national_labs} 个、省级创新载体 {facts.provincial_labs} 个，"
          f"研发投入占收入比重达 {facts.rd_intensity[y3]}%，创新能力持续增强。"),
    ]  # fmt: skip

    out.append(p("五、申请单位承诺", s.h1))
    out += [
        p("本单位承诺：所填报的数据和提交的材料真实、准确、完整，无隐瞒事实、弄虚作假行为；"
          "如有不实，愿意承担取消创建资格等相应责任。"),
        Spacer(1, 6 * mm),
        p(f"申请单位（盖章）：{facts.committee}", s.signature),
        p(f"负责人（签字）：____________　　{_cn_date(DATE)}", s.signature),
    ]  # fmt: skip
    opinions = [
        ["地市级工业和信息化主管部门意见", "同意推荐。\n\n（盖章）　________年____月____日"],
        ["省级工业和信息化主管部门意见", "经审核，情况属实，同意推荐。\n\n（盖章）　________年____月____日"],
    ]
    out += [Spacer(1, 4 * mm), table(opinions, [52 * mm, 114 * mm], s, header_rows=0, label_col=True)]
    return out

"""What the demo self-evaluation says about each level-2 indicator: narrative, a data table, the basis.

Keyed by the indicator's Chinese title in ``sample-park-creation.json``. An indicator not listed
here (a different standard) gets a generic paragraph built from its scoring guidance, so the report
still has one section per indicator whatever the standard.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from reviewer.demo.facts import EVALUATION_YEARS, NATIONAL_GROWTH, ParkFacts
from reviewer.standards.model import Criterion


@dataclass(frozen=True)
class Evidence:
    text: str
    rows: list[list[object]] | None  # a table, first row the header; None for none
    basis: str  # one line for the self-score table


Y1, Y2, Y3 = EVALUATION_YEARS


def _years(label: str, values: dict) -> list[object]:
    return [label, *(f"{values[y]:,}" if isinstance(values[y], int) else values[y] for y in EVALUATION_YEARS)]


def _head() -> list[object]:
    return ["指标", *(f"{y} 年" for y in EVALUATION_YEARS)]


def _revenue(f: ParkFacts) -> Evidence:
    return Evidence(
        f"创建期内园区软件业务收入由 {Y1} 年的 {f.revenue[Y1]} 亿元增长到 {Y3} 年的 {f.revenue[Y3]} 亿元，"
        f"年均增长 {((f.revenue[Y3] / f.revenue[Y1]) ** Decimal('0.5') - 1) * 100:.1f}%，超过创建方案确定的目标。",
        [
            _head(),
            _years("软件业务收入（亿元）", f.revenue),
            ["同比增速（%）", *(f.growth(y) for y in EVALUATION_YEARS)],
        ],
        f"{Y3} 年收入 {f.revenue[Y3]} 亿元",
    )


def _clustering(f: ParkFacts) -> Evidence:
    return Evidence(
        f"{Y3} 年末园区入驻企业 {f.total_firms[Y3]:,} 家，其中软件企业 {f.software_firms[Y3]:,} 家，"
        f"占比 {f.software_share(Y3)}%；规模以上软件企业 {f.above_scale_firms[Y3]} 家，集聚效应明显。",
        [_head(), _years("入驻企业（家）", f.total_firms), _years("软件企业（家）", f.software_firms),
         ["软件企业占比（%）", *(f.software_share(y) for y in EVALUATION_YEARS)],
         _years("规模以上软件企业（家）", f.above_scale_firms)],
        f"软件企业占比 {f.software_share(Y3)}%",
    )  # fmt: skip


def _staff(f: ParkFacts) -> Evidence:
    return Evidence(
        f"{Y3} 年园区软件从业人员 {f.staff_10k[Y3]} 万人，其中研发人员占比 {f.rd_staff_share[Y3]}%，"
        "本科及以上学历人员占比超过八成。",
        [_head(), _years("从业人员（万人）", f.staff_10k), _years("研发人员占比（%）", f.rd_staff_share)],
        f"从业人员 {f.staff_10k[Y3]} 万人",
    )


def _density(f: ParkFacts) -> Evidence:
    return Evidence(
        f"园区载体建筑面积 {f.floor_area_10k_m2} 万平方米，{Y3} 年单位面积软件业务收入 {f.output_per_m2(Y3)} 万元/平方米，"
        "通过“腾笼换鸟”清退低效企业 37 家，亩均效益持续提高。",
        [_head(), ["单位面积收入（万元/平方米）", *(f.output_per_m2(y) for y in EVALUATION_YEARS)]],
        f"{f.output_per_m2(Y3)} 万元/平方米",
    )


def _growth(f: ParkFacts) -> Evidence:
    return Evidence(
        "近三年园区软件业务收入增速均高于全国软件业平均水平（全国增速为示例值）。",
        [_head(), ["园区增速（%）", *(f.growth(y) for y in EVALUATION_YEARS)],
         ["全国平均增速（%）", *(NATIONAL_GROWTH[y] for y in EVALUATION_YEARS)]],
        "三年增速均高于全国",
    )  # fmt: skip


def _rd(f: ParkFacts) -> Evidence:
    return Evidence(
        f"{Y3} 年园区企业研发投入占软件业务收入的 {f.rd_intensity[Y3]}%，"
        f"研发投入超过 1 亿元的企业 {f.top100_firms + 9} 家；园区落实研发费用加计扣除政策，惠及企业 620 余家。",
        [_head(), _years("研发投入强度（%）", f.rd_intensity)],
        f"研发投入强度 {f.rd_intensity[Y3]}%",
    )


def _labs(f: ParkFacts) -> Evidence:
    return Evidence(
        f"园区现有国家级创新载体 {f.national_labs} 个、省级创新载体 {f.provincial_labs} 个，"
        "与高校共建新型研发机构 3 家，创建期内新增省级以上载体 6 个。",
        [["载体类型", "国家级（个）", "省级（个）", "创建期新增（个）"],
         ["重点实验室、技术创新中心、企业技术中心", f.national_labs, f.provincial_labs, 6]],
        f"国家级 {f.national_labs} 个、省级 {f.provincial_labs} 个",
    )  # fmt: skip


def _ip(f: ParkFacts) -> Evidence:
    per = f.invention_patents[Y3] * 100 / float(f.revenue[Y3])
    return Evidence(
        f"{Y3} 年末园区企业拥有有效发明专利 {f.invention_patents[Y3]:,} 件，"
        f"每百亿元收入拥有发明专利约 {per:.0f} 件；当年登记软件著作权 {f.software_copyrights[Y3]:,} 件。",
        [
            _head(),
            _years("有效发明专利（件）", f.invention_patents),
            _years("软件著作权登记（件）", f.software_copyrights),
        ],
        f"发明专利 {f.invention_patents[Y3]:,} 件",
    )


def _standards(f: ParkFacts) -> Evidence:
    return Evidence(
        f"园区企业牵头或参与制定国家标准、行业标准 {f.standards_led} 项；{f.first_version_products} 个产品入选"
        f"首版次软件产品目录，{f.xinchuang_products} 个产品通过{f.second_field}适配认证。",
        None,
        f"标准 {f.standards_led} 项、首版次 {f.first_version_products} 个",
    )


def _firms(f: ParkFacts) -> Evidence:
    return Evidence(
        f"园区拥有中国软件业务收入百强企业 {f.top100_firms} 家、上市企业 {f.listed_firms} 家、"
        f"国家级专精特新“小巨人”企业 {f.little_giants} 家、省级专精特新企业 {f.provincial_srdi} 家（不重复计算）。",
        [["类别", "软件百强", "上市企业", "国家级“小巨人”", "省级专精特新"],
         ["企业数（家）", f.top100_firms, f.listed_firms, f.little_giants, f.provincial_srdi]],
        f"上市 {f.listed_firms} 家、小巨人 {f.little_giants} 家",
    )  # fmt: skip


def _products(f: ParkFacts) -> Evidence:
    return Evidence(
        f"园区企业共有 {f.award_products} 个产品获得国家级、省级奖项或入选优秀产品目录，"
        f"其中{f.main_field}产品在细分市场占有率位居全国前三的有 5 个。",
        None,
        f"获奖或领先产品 {f.award_products} 个",
    )


def _main_field(f: ParkFacts) -> Evidence:
    return Evidence(
        f"园区以{f.main_field}为主导领域，{Y3} 年主导领域收入占园区软件业务收入的 {f.main_field_share[Y3]}%，"
        "形成研发设计、生产控制、经营管理三类产品协同发展的格局。",
        [_head(), _years(f"{f.main_field}收入占比（%）", f.main_field_share)],
        f"主导领域占比 {f.main_field_share[Y3]}%",
    )


def _cases(f: ParkFacts) -> Evidence:
    return Evidence(
        f"创建期内园区企业在智能制造、智慧城市、能源电力等领域形成典型应用案例 {f.demo_cases} 个，"
        "其中 6 个入选国家级试点示范项目。",
        None,
        f"典型案例 {f.demo_cases} 个",
    )


def _platforms(f: ParkFacts) -> Evidence:
    rows: list[list[object]] = [["公共服务平台", f"{Y3} 年服务企业（家）"]]
    rows += [[name, served] for name, served in f.platforms]
    return Evidence(
        "园区建成适配验证、体验推广、企业孵化、投资融资、法律服务、人才培训六类公共服务平台，"
        f"{Y3} 年累计服务企业 {sum(n for _, n in f.platforms):,} 家次。",
        rows,
        "六类平台齐备",
    )


def _incubation(f: ParkFacts) -> Evidence:
    return Evidence(
        f"园区有孵化器、众创空间 {f.incubators} 家，其中国家级 {f.national_incubators} 家；"
        f"创建期内毕业企业 {f.graduated_firms} 家，举办创新创业大赛 6 场。",
        None,
        f"毕业企业 {f.graduated_firms} 家",
    )


def _talent(f: ParkFacts) -> Evidence:
    return Evidence(
        f"园区与 {f.university_programs} 所高校共建现代产业学院和实训基地，{Y3} 年开展各类培训 {f.trained_10k} 万人次，"
        "新引进软件人才 1.2 万人。",
        None,
        f"培训 {f.trained_10k} 万人次",
    )


def _operator(f: ParkFacts) -> Evidence:
    return Evidence(
        f"{f.committee}负责规划建设与政策制定，{f.operator}负责市场化运营；园区建成智慧园区管理平台，"
        "实现企业服务、安全管理、能耗监测一网统管。",
        None,
        "独立运营机构、智慧园区平台",
    )


def _policy(f: ParkFacts) -> Evidence:
    return Evidence(
        f"园区出台专项政策 {f.policies} 项，设立软件产业发展专项资金 {f.fund_100m} 亿元，"
        "创建期内兑现各类扶持资金 6.8 亿元。",
        None,
        f"专项政策 {f.policies} 项",
    )


def _plan(f: ParkFacts) -> Evidence:
    return Evidence(
        "创建工作方案目标量化、任务可行，确定的 9 项量化目标已全部完成；创建进展报告均按时报送，共报送 4 次。",
        None,
        "9 项目标全部完成",
    )


BY_TITLE: dict[str, Callable[[ParkFacts], Evidence]] = {
    "软件业务收入": _revenue, "企业集聚": _clustering, "从业人员": _staff, "单位面积产出": _density,
    "近三年增速": _growth, "研发投入强度": _rd, "创新载体": _labs, "知识产权": _ip, "标准与首版次": _standards,
    "名企": _firms, "名品": _products, "主导领域占比": _main_field, "应用示范": _cases,
    "公共服务平台": _platforms, "孵化双创": _incubation, "人才培养": _talent, "运营机构": _operator,
    "政策资金": _policy, "创建方案": _plan,
}  # fmt: skip


def evidence_for(criterion: Criterion, facts: ParkFacts) -> Evidence:
    make = BY_TITLE.get(criterion.title.zh)
    if make is not None:
        return make(facts)
    guidance = criterion.guidance.zh if criterion.guidance else ""
    return Evidence(
        f"对照评分要求（{guidance}），园区已形成相应工作成效，详见附件佐证材料。", None, "详见附件"
    )

"""The demo expert panel (专家评审组): a chair and six experts, all fictional.

The people and their organisations are invented for demonstrations and tests; any likeness to real
persons is accidental. The names are realistic, including rare characters common in Chinese given
names (堃, 喆, 玥, 燊, 淼, 翀) and a two-character surname (欧阳) so that every screen and document is exercised with them — the shipped font
(``reviewer.export.fonts``) has a glyph for each.

One expert, 周淼, works in 江苏省, the province of the demo park (示例软件园): the demo uses her to show
a conflict-of-interest declaration (回避声明) and recusal, which still leaves the quorum of five.

Seven members, each from a different organisation, four of them outside 北京市: the panel keeps the
shipped panel rules (``reviewer/resources/rules/panel-rules.json``: at least five, an odd number, at
most two from one organisation), which sealing applies.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from reviewer.standards.model import Bilingual


class PanelRole(StrEnum):
    CHAIR = "chair"  # 专家组组长
    MEMBER = "member"  # 专家组成员


@dataclass(frozen=True)
class DemoExpert:
    key: str  # a short ASCII id, stable across runs (file names, identities)
    name: Bilingual  # 王堃 / Wang Kun
    title: Bilingual  # professional title (职称)
    organisation: Bilingual
    field: Bilingual  # speciality (专业领域)
    province: str  # where the organisation is, for conflict-of-interest checks
    role: PanelRole
    email: str  # fictional, in the reserved example.org domain

    @property
    def is_chair(self) -> bool:
        return self.role is PanelRole.CHAIR


def _b(zh: str, en: str) -> Bilingual:
    return Bilingual(zh=zh, en=en)


DEMO_CHAIR = DemoExpert(
    key="wang-kun",
    name=_b("王堃", "Wang Kun"),
    title=_b("研究员", "Research Fellow"),
    organisation=_b("京华软件产业发展研究院", "Jinghua Institute for Software Industry Development"),
    field=_b("软件产业规划与政策", "Software industry planning and policy"),
    province="北京市",
    role=PanelRole.CHAIR,
    email="wang.kun@example.org",
)

DEMO_MEMBERS: tuple[DemoExpert, ...] = (
    DemoExpert(
        key="li-zhe",
        name=_b("李喆", "Li Zhe"),
        title=_b("教授、博士生导师", "Professor, doctoral supervisor"),
        organisation=_b(
            "江汉理工大学 计算机科学与技术学院", "Jianghan University of Technology, School of Computing"
        ),
        field=_b("软件工程与基础软件", "Software engineering and system software"),
        province="湖北省",
        role=PanelRole.MEMBER,
        email="li.zhe@example.org",
    ),
    DemoExpert(
        key="zhang-yue",
        name=_b("张玥", "Zhang Yue"),
        title=_b("正高级工程师", "Senior Engineer (professor level)"),
        organisation=_b("华夏电子信息标准化研究所", "Huaxia Institute of Electronics and IT Standardisation"),
        field=_b("软件测评与标准", "Software testing and standards"),
        province="北京市",
        role=PanelRole.MEMBER,
        email="zhang.yue@example.org",
    ),
    DemoExpert(
        key="chen-shen",
        name=_b("陈燊", "Chen Shen"),
        title=_b("教授", "Professor"),
        organisation=_b(
            "南岭科技大学 软件学院", "Nanling University of Science and Technology, School of Software"
        ),
        field=_b("工业软件与数字化转型", "Industrial software and digital transformation"),
        province="广东省",
        role=PanelRole.MEMBER,
        email="chen.shen@example.org",
    ),
    DemoExpert(
        key="zhao-xin",
        name=_b("赵鑫", "Zhao Xin"),
        title=_b("副秘书长、高级经济师", "Deputy Secretary-General, Senior Economist"),
        organisation=_b(
            "中原软件和信息服务业协会", "Zhongyuan Software and Information Services Association"
        ),
        field=_b("园区运营与产业投融资", "Park operation and industry finance"),
        province="河南省",
        role=PanelRole.MEMBER,
        email="zhao.xin@example.org",
    ),
    DemoExpert(
        key="zhou-miao",
        name=_b("周淼", "Zhou Miao"),
        title=_b("合伙人、注册会计师", "Partner, Certified Public Accountant"),
        organisation=_b("金陵恒正会计师事务所", "Jinling Hengzheng Certified Public Accountants"),
        field=_b("财务审计与数据核查", "Financial audit and data verification"),
        province="江苏省",
        role=PanelRole.MEMBER,
        email="zhou.miao@example.org",
    ),
    DemoExpert(
        key="ouyang-chong",
        name=_b("欧阳翀", "Ouyang Chong"),
        title=_b("研究员级高级工程师", "Senior Engineer (research fellow level)"),
        organisation=_b("蜀都信息安全技术研究院", "Shudu Institute of Information Security Technology"),
        field=_b("网络与数据安全", "Network and data security"),
        province="四川省",
        role=PanelRole.MEMBER,
        email="ouyang.chong@example.org",
    ),
)

DEMO_PANEL: tuple[DemoExpert, ...] = (DEMO_CHAIR, *DEMO_MEMBERS)


def expert(key: str) -> DemoExpert:
    """The demo expert with ``key`` (``KeyError`` if there is none)."""
    for person in DEMO_PANEL:
        if person.key == key:
            return person
    raise KeyError(key)

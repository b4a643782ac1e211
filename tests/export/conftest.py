"""Fixtures for the record and PAdES tests: a ministry authority, a panel of seven enrolled members
(generated once per session: key generation and scrypt are slow), and a reconciled sample review."""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_FLOOR, Decimal
from pathlib import Path

import pytest

from reviewer.export.record_input import (
    Candidate,
    Dissent,
    MemberRole,
    PanelMember,
    PanelOpinion,
    RecordInput,
    Visit,
)
from reviewer.scoring.inputs import ConsensusScore, Decisions, ExpertScores, Explanation
from reviewer.scoring.reconcile import reconcile
from reviewer.standards import Standard, load_standard
from reviewer.standards.model import CandidateType, ReviewKind
from reviewer.trust import Identity, PassphraseSource, create_authority, create_identity, install_credential
from reviewer.trust import load_identity as _load_identity
from reviewer.trust.identity import REQUEST

STANDARDS = Path(__file__).resolve().parents[2] / "reviewer" / "resources" / "standards"
PASSPHRASE = "record-tests-passphrase"
DOCUMENT_ID = uuid.UUID("7d0c3f8e-2b1a-4c6d-9e8f-0a1b2c3d4e5f")

# (key, name, organisation, title, role). The chair is listed last, as the record lists him.
PANEL = (
    ("li-zhe", "李喆", "江汉理工大学 计算机科学与技术学院", "教授", "expert"),
    ("zhang-yue", "张玥", "华夏电子信息标准化研究所", "正高级工程师", "expert"),
    ("chen-shen", "陈燊", "南岭科技大学 软件学院", "教授", "expert"),
    ("zhao-xin", "赵鑫", "中原软件和信息服务业协会", "高级经济师", "expert"),
    ("zhou-miao", "周淼", "金陵恒正会计师事务所", "注册会计师", "expert"),
    ("qian-ben", "钱犇", "西部软件测评中心", "研究员", "expert"),
    ("wang-kun", "王堃", "京华软件产业发展研究院", "研究员", "chair"),
)


def source() -> PassphraseSource:
    return PassphraseSource(explicit=PASSPHRASE, use_keyring=False, interactive=False)


@dataclass(frozen=True)
class Panel:
    root_dir: Path
    identities: dict[str, Identity]  # key -> unlocked identity
    folders: dict[str, Path]
    other_root_identity: Identity  # enrolled by another authority

    @property
    def root(self):  # the ministry root certificate
        return next(iter(self.identities.values())).trust_root()


def _enrol(authority, folder: Path, name: str, org: str) -> Identity:
    info, _ = create_identity(folder, name=name, org=org, source=source())
    cred = authority.enroll((info.path / REQUEST).read_bytes(), source(), source_name=folder.name)
    cred.save(folder.parent / f"{folder.name}.rvcred")
    install_credential(folder, folder.parent / f"{folder.name}.rvcred")
    return _load_identity(folder, source())


@pytest.fixture(scope="session")
def panel(tmp_path_factory: pytest.TempPathFactory) -> Panel:
    base = tmp_path_factory.mktemp("record-panel")
    authority = create_authority(base / "authority", name="工业和信息化部（测试）", source=source())
    identities, folders = {}, {}
    for key, name, org, _title, _role in PANEL:
        folders[key] = base / "identities" / key
        identities[key] = _enrol(authority, folders[key], name, org)
    rogue = create_authority(base / "rogue", name="冒名机构", source=source())
    other = _enrol(rogue, base / "rogue-identities" / "wang-kun", "王堃", "京华软件产业发展研究院")
    return Panel(base, identities, folders, other)


def sample_standard() -> Standard:
    return load_standard(STANDARDS / "sample-park-creation.json")


def sample_sheets(
    standard: Standard, keys: list[str], recused: frozenset[str] = frozenset()
) -> list[ExpertScores]:
    """Plausible scores (78–97 % of the points, on the step, fixed seed); 陈燊 scores 1.1 far below."""
    rng = random.Random("record-tests")
    sheets = []
    for key in keys:
        scores = {}
        for leaf in standard.leaves():
            step = leaf.step or Decimal("0.5")
            raw = leaf.points * Decimal(str(round(rng.uniform(0.78, 0.97), 3)))
            scores[leaf.code] = (raw / step).to_integral_value(rounding=ROUND_FLOOR) * step
        if key == "chen-shen":
            scores["1.1"] = Decimal("2.0")
        sheets.append(ExpertScores(key, recused=key in recused, scores=scores, answers={"V1": True}))
    return sheets


# Extra members for panels larger than :data:`PANEL` (issue 21: 13 and more signers).
_SURNAMES = (
    "刘杨黄吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭"
)
_GIVEN = ("明远", "晓峰", "婧", "思源", "建华", "一鸣", "雨桐", "子涵", "振宇", "欣怡", "浩然", "丽君")
_ORGS = (
    "东海大学 信息科学与工程学院",
    "北方软件评测中心",
    "长江计算技术研究所（国家软件工程技术研究中心 软件质量与可靠性研究室）",
    "岭南会计师事务所",
)


def big_panel(n: int) -> tuple[tuple[str, str, str, str, str], ...]:
    """A panel of ``n`` (≥ 4) members in :data:`PANEL`'s shape: 陈燊, 周淼 and the chair 王堃 always
    (the sample's explanation, dissent and consensus are theirs), then as many of the other
    members of :data:`PANEL` and generated ones as needed; the chair last."""
    if n < 4:
        raise ValueError("a panel of at least four")
    core = [p for p in PANEL if p[0] in ("chen-shen", "zhou-miao")]
    others = [p for p in PANEL[:-1] if p not in core]
    extra = [
        (f"m{i:02d}", _SURNAMES[i % len(_SURNAMES)] + _GIVEN[i % len(_GIVEN)], _ORGS[i % len(_ORGS)],
         "教授", "expert")
        for i in range(max(0, n - len(PANEL)))
    ]  # fmt: skip
    experts = (core + others + extra)[: n - 1]
    experts.sort(key=lambda p: ([q[0] for q in PANEL] + [q[0] for q in extra]).index(p[0]))
    return (*experts, PANEL[-1])


def sample_record(
    panel_fingerprints: dict[str, str],
    *,
    recused: frozenset[str] = frozenset(),
    dissent: bool = True,
    roster: tuple[tuple[str, str, str, str, str], ...] = PANEL,
) -> RecordInput:
    standard = sample_standard()
    keys = [p[0] for p in roster]
    decisions = Decisions(
        consensus={
            "2.1": ConsensusScore(
                Decimal("5.5"),
                "经实地核查，园区研发投入强度为 9.6%，接近标杆，专家组协商一致取 5.5 分。",
                "wang-kun",
                "2026-06-17T15:00:00+08:00",
            )
        },
        explanations=(
            Explanation("chen-shen", "1.1", "软件业务收入中含硬件销售约 40 亿元，剔除后未达基准值。"),
        ),
    )
    reconciliation = reconcile(standard, sample_sheets(standard, keys, recused), decisions)
    members = tuple(
        PanelMember(
            key,
            name,
            org,
            MemberRole(role),
            panel_fingerprints[key],
            title=title,
            recused=key in recused,
            recusal_reason="本人所在单位与候选园区有业务往来" if key in recused else "",
        )
        for key, name, org, title, role in roster
    )
    opinion = PanelOpinion(
        strengths=(
            "园区软件产业集聚度高，软件企业占园区企业总数的 72%，主导领域工业软件特色鲜明。",
            "公共服务平台体系完善，适配验证、人才培训等平台服务企业 300 余家。",
        ),
        problems=("研发投入强度仍低于标杆水平；名企数量偏少。",),
        recommendations=("加强与高校、龙头企业合作培养软件人才。", "完善园区运营机构的绩效考核制度。"),
        conclusion="专家组认为示例软件园达到中国软件名园创建要求，同意通过评审。",
    )
    dissents = (
        (Dissent("zhou-miao", "1.1 软件业务收入的统计口径仍需进一步核实，建议园区补充审计报告。"),)
        if dissent
        else ()
    )
    return RecordInput(
        document_id=DOCUMENT_ID,
        kind=ReviewKind.CREATION,
        candidate=Candidate("示例软件园", CandidateType.PARK, "江苏省", "南京市"),
        standard=standard,
        visit=Visit(
            (date(2026, 6, 15), date(2026, 6, 16), date(2026, 6, 17)), "江苏省南京市 示例软件园管理委员会"
        ),
        members=members,
        reconciliation=reconciliation,
        opinion=opinion,
        dissents=dissents,
    )


@pytest.fixture(scope="session")
def record_input(panel: Panel) -> RecordInput:
    return sample_record({k: i.fingerprint for k, i in panel.identities.items()})

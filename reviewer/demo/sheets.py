"""The demo panel's score sheets: deterministic, plausible scores for the sample park standard.

The demo ships signed sheets of three experts (张玥, 陈燊, 赵鑫) and the recusal of 周淼 (her firm is
in 江苏省, the park's province), so the chair's view shows a matrix, divergences and the quorum from
the first run. 李喆 (the demo's default expert), 欧阳翀 and the chair 王堃 score in the app; their
scores are here too, for the worked example (:mod:`reviewer.demo.result`), tests and scripted runs
(:func:`write_demo_sheet`).

赵鑫 is the divergent one: on 2.1 (R&D intensity) and 3.2 (famous products) he doubts the park's
evidence and scores far below the others. With all six scoring sheets the trimmed mean gives a
total of 78.16 (2.1: 4.38): 整改后通过 (pass after rectification; a pass needs 80). The first five
columns alone (without 欧阳翀) give 77.84 (2.1: 4.33), the numbers of tests/cli/test_panel_cli.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path

from reviewer.scoring.sheet import build_recusal, build_sheet, write_sheet
from reviewer.scoring.sheet_binding import PackageBinding
from reviewer.scoring.sheet_model import (
    Declarations,
    EligibilityAnswer,
    ScoreAnswer,
    SheetAnswers,
    YesNoAnswer,
)
from reviewer.standards.model import Standard
from reviewer.trust import clock
from reviewer.trust.identity import Identity

ORDER = ("wang-kun", "li-zhe", "zhang-yue", "chen-shen", "zhao-xin", "ouyang-chong")
_TABLE = """
1.1 7   7   7.5 6.5 7   7
1.2 5   5   5.5 5   4.5 5
1.3 3.5 3   3.5 3   3   3.5
1.4 3   3   3.5 3   2.5 3
1.5 2.5 2.5 2.5 2   2.5 2.5
2.1 4.5 5   4.5 4   1.5 4.5
2.2 4   4   4.5 3.5 4   4
2.3 3   3   3.5 3   3   3
2.4 3.5 4   4   3.5 3.5 3.5
3.1 6.5 6   7   6   6.5 6.5
3.2 5.5 5   6   5   2   5
4.1 4   4   4.5 4   4   4.5
4.2 4   3.5 4   3.5 4   3.5
5.1 4.5 4.5 5   4   4.5 4.5
5.2 3   3   3.5 3   3   3
5.3 3.5 4   4   3.5 3.5 3.5
6.1 4   4   4.5 4   4   4
6.2 4   4   4.5 3.5 4   4.5
6.3 3.5 4   4   3.5 3.5 4
"""


def _scores() -> dict[str, dict[str, Decimal]]:
    out: dict[str, dict[str, Decimal]] = {key: {} for key in ORDER}
    for line in _TABLE.strip().splitlines():
        code, *values = line.split()
        for key, value in zip(ORDER, values, strict=True):
            out[key][code] = Decimal(value)
    return out


DEMO_SCORES: Mapping[str, Mapping[str, Decimal]] = _scores()

# Why 赵鑫 scores so low: his own comments, which the chair can later enter as his explanation.
DIVERGENT_COMMENTS: Mapping[tuple[str, str], str] = {
    (
        "zhao-xin",
        "2.1",
    ): "自评报告的研发投入含外地分支机构支出，按园区内企业可核实的研发投入计算，占收入约 4%，评为差。",
    ("zhao-xin", "3.2"): "所列名品多为集团总部产品，园区内企业自主产品的获奖和市场证明不足，评为差。",
}

SCORED = ("zhang-yue", "chen-shen", "zhao-xin")  # the demo ships their signed sheets
RECUSALS: Mapping[str, str] = {
    "zhou-miao": "本人所在会计师事务所位于江苏省南京市，近三年曾为示例软件园运营机构提供审计服务，依规申请回避。",
}
SHEETS_DIR = "sheets"


def _comment(standard: Standard, key: str, code: str, score: Decimal) -> str:
    special = DIVERGENT_COMMENTS.get((key, code))
    if special:
        return special
    leaf = standard.criterion(code)
    level = next((lv for lv in leaf.levels if lv.low <= score <= lv.high), None)
    grade = level.text.zh if level is not None else ""
    return f"{leaf.title.zh}：{grade}。依据申报材料和实地考察核实。"


def demo_answers(standard: Standard, key: str, pledge_at: str) -> SheetAnswers:
    """The complete sheet of demo expert ``key`` (one of :data:`ORDER`)."""
    scores = {
        code: ScoreAnswer(value, _comment(standard, key, code, value), ())
        for code, value in DEMO_SCORES[key].items()
    }
    return SheetAnswers(
        Declarations(pledge_accepted=True, pledge_at=pledge_at),
        scores,
        {item.code: YesNoAnswer(True) for item in standard.yes_no},
        {cond.code: EligibilityAnswer(True) for cond in standard.eligibility},
    )


def demo_sheet_bytes(binding: PackageBinding, key: str, identity: Identity) -> bytes:
    """Sign the demo sheet of ``key``: a recusal for 周淼, else the scores of :data:`DEMO_SCORES`."""
    now = clock.utcnow()
    if key in RECUSALS:
        return build_recusal(binding, identity, RECUSALS[key], pledge_at=clock.iso(now), now=now)
    return build_sheet(
        binding, identity, demo_answers(binding.require_standard(), key, clock.iso(now)), now=now
    )


def write_demo_sheet(binding: PackageBinding, key: str, identity: Identity, folder: Path) -> Path:
    """``folder/<key>.rvsheet``, unless it exists already (a signed sheet is never overwritten)."""
    target = folder / f"{key}.rvsheet"
    if target.exists():
        return target
    folder.mkdir(parents=True, exist_ok=True)
    return write_sheet(target, demo_sheet_bytes(binding, key, identity))


def demo_sheet_keys() -> tuple[str, ...]:
    """The experts whose sheets the demo ships: the scored ones, then the recusal."""
    return (*SCORED, *RECUSALS)

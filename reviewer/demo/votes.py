"""The demo panel's vote on a change after aggregation (财政部令第87号第六十四条) and on the opinion.

The chair 王堃 proposes to take 4.5 for indicator 2.1 instead of the computed 4.38, on the ground
``extreme`` (赵鑫's 1.5 is extremely low), and puts it to the panel with the draft opinion: a signed
motion (``votes/motion.rvmotion``). Every other scoring member answers with a signed statement
(``votes/<key>.rvstatement``): all approve the opinion; 赵鑫 objects to the change, with his reason,
and writes his own dissent (保留意见). ``votes/decisions.json`` is the chair's draft (the change, the
opinion and the visit) that ``reviewer panel reconcile --motions --statements`` fills in.

The aggregates are those of the six demo scoring sheets (:data:`~reviewer.demo.sheets.DEMO_SCORES`),
computed here without signing the sheets of 李喆, 欧阳翀 and the chair (they score in the app; the
worked example :mod:`reviewer.demo.result` signs them).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from reviewer.demo.sheets import DEMO_SCORES, RECUSALS
from reviewer.scoring.decisions import Actor, ConsensusDecision, Opinion, PanelDecisions, VisitInfo
from reviewer.scoring.inputs import ExpertScores
from reviewer.scoring.motion import build_motion, open_motion
from reviewer.scoring.reconcile import reconcile
from reviewer.scoring.sheet_binding import PackageBinding
from reviewer.scoring.statement import Vote, build_statement
from reviewer.scoring.votes import motion_changes
from reviewer.trust import clock
from reviewer.trust.files import write_atomic
from reviewer.trust.identity import Identity

VOTES_DIR = "votes"
MOTION = "motion.rvmotion"
DECISIONS = "decisions.json"
CHANGE_CODE = "2.1"
CHANGE_VALUE = Decimal("4.5")
CHANGE_RATIONALE = (
    "赵鑫对 2.1 的评分（1.5 分）经专家组认定畸低：实地考察核实园区内企业研发投入占收入约 6%，"
    "专家组合议取 4.5 分。"
)
DISSENTER = "zhao-xin"
OBJECTION = "园区内可核实的研发投入仅占收入约 4%，不应上调。"
DISSENT = "本人对指标 2.1 的变更持保留意见：研发投入应按园区内可核实的支出计算，占收入约 4%，评为差。"
OPINION = (
    ("园区软件产业集聚度高，龙头企业带动作用明显。",),
    ("研发投入强度仍低于标杆水平。",),
    ("加强园区企业自主研发投入的统计与核实。",),
    "专家组同意示例软件园通过创建评审，整改后报送整改报告。",
)
VISIT = VisitInfo(("2026-06-16", "2026-06-17"), "江苏省南京市 示例软件园")


def demo_draft(binding: PackageBinding, at: str) -> PanelDecisions:
    """The chair's draft: the change of 2.1 (ground ``extreme``), the opinion, the visit."""
    chair = binding.chair
    by = Actor(chair.name, chair.cert_sha256, "chair")
    return PanelDecisions(
        binding.package_id,
        consensus=(ConsensusDecision(CHANGE_CODE, CHANGE_VALUE, CHANGE_RATIONALE, by, at, "extreme"),),
        opinion=Opinion(*OPINION, by, at),
        visit=VISIT,
    )


def write_demo_votes(
    binding: PackageBinding, identities: dict[str, Identity], folder: Path, keys: dict[str, str]
) -> tuple[Path, ...]:
    """``folder/votes``: the draft decisions, the chair's motion and every scoring member's
    statement (written once; existing files are kept). ``keys`` maps a fingerprint to its demo key."""
    out = folder / VOTES_DIR
    motion_path = out / MOTION
    voters = [m for m in binding.roster if m.role != "chair" and keys[m.cert_sha256] not in RECUSALS]
    paths = [out / DECISIONS, motion_path, *(out / f"{keys[m.cert_sha256]}.rvstatement" for m in voters)]
    if all(p.exists() for p in paths):
        return tuple(paths)
    out.mkdir(parents=True, exist_ok=True)
    chair_key = keys[binding.chair.cert_sha256]
    chair = identities[chair_key]
    draft = demo_draft(binding, clock.iso(clock.utcnow()))
    standard = binding.require_standard()
    yes = {item.code: True for item in standard.yes_no}
    scores = [
        ExpertScores(m.cert_sha256, scores=DEMO_SCORES[keys[m.cert_sha256]], answers=yes)
        for m in binding.roster
        if keys[m.cert_sha256] in DEMO_SCORES
    ]
    aggregates = reconcile(standard, scores, draft.to_engine_decisions(()))
    data = build_motion(chair, binding, changes=motion_changes(draft, aggregates), opinion=draft.opinion)
    motion = open_motion(data, chair, binding, chair.trust_root())
    write_atomic(out / DECISIONS, draft.to_json())
    write_atomic(motion_path, data)
    for m, path in zip(voters, paths[2:], strict=True):
        key = keys[m.cert_sha256]
        objects = key == DISSENTER
        vote = Vote(CHANGE_CODE, "object", OBJECTION) if objects else Vote(CHANGE_CODE, "approve")
        raw = build_statement(
            identities[key],
            binding,
            motion=motion,
            votes=[vote],
            opinion="approve",
            dissent=DISSENT if objects else None,
        )
        write_atomic(path, raw)
    return tuple(paths)

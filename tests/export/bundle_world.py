"""A whole panel round for the result bundle tests, built once per session through the core API.

A ministry, seven enrolled members (the record tests' panel: six experts and the chair 王堃), two
sealed packages (A: all seven; B: the chair and four experts), every member's sheet for A (钱犇
recuses), the chair's decisions, the reconciliation, the record signed by every member and closed by
the chair, and the bundle. Tests copy the bytes they alter.

``build_bundle_world(base, suite)`` builds it in either suite (once per suite and session): the NIST
world the bundle tests always used, or the same round under an SM authority (SM2 identities, SM
package and envelopes, the record signed PAdES + SM2) for the tamper matrix in both suites.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest

from reviewer.export.bundle import build_bundle
from reviewer.export.pades import find_field, sign_record
from reviewer.export.panel_record import panel_record_input
from reviewer.export.record import build_record_pdf
from reviewer.export.record_input import MemberRole
from reviewer.packages import open_package, seal
from reviewer.packages.envelope import MinistryReader
from reviewer.packages.seal import PanelMember
from reviewer.scoring.decisions import (
    Actor,
    ConsensusDecision,
    Opinion,
    PanelDecisions,
    VisitInfo,
)
from reviewer.scoring.motion import build_motion, open_motion
from reviewer.scoring.reconcile import reconcile
from reviewer.scoring.sheet import build_recusal, build_sheet, open_sheet
from reviewer.scoring.sheet_binding import PackageBinding
from reviewer.scoring.statement import Vote, build_statement, open_statement
from reviewer.scoring.votes import apply_statements, motion_changes
from reviewer.trust import (
    Identity,
    create_authority,
    create_identity,
    install_credential,
    load_identity,
    suites,
)
from reviewer.trust.authority import Authority, AuthorityKeys
from reviewer.trust.identity import REQUEST
from tests.export.conftest import PANEL, _enrol, source
from tests.scoring.sheet_fixtures import CANDIDATE, STANDARD, full_answers

CHAIR = "wang-kun"
RECUSED = "qian-ben"
AT = "2026-06-17T08:00:00Z"
DISSENTER = "zhou-miao"
DISSENT = "收入统计口径需进一步核实。"
BASES = {  # each member's share of the points: distinct sheets, a plausible spread
    "li-zhe": "0.8",
    "zhang-yue": "0.85",
    "chen-shen": "0.7",
    "zhao-xin": "0.9",
    "zhou-miao": "0.75",
    "wang-kun": "0.8",
}


@dataclass(frozen=True)
class BundleWorld:
    base: Path
    authority: Authority
    keys: AuthorityKeys
    ids: dict[str, Identity]
    folders: dict[str, Path]
    package: Path  # A: all seven
    other_package: Path  # B: the chair, li-zhe, zhang-yue, chen-shen, zhao-xin
    binding: PackageBinding
    sheets: dict[str, bytes]  # A's sheets by member key
    other_sheet: bytes  # li-zhe's sheet for B
    decisions: PanelDecisions
    motions: tuple[bytes, ...]  # the chair's motion (2.1 and the opinion)
    statements: tuple[bytes, ...]  # every scoring expert's answer (周淼 dissents)
    reconciliation: bytes
    record_unsigned: bytes
    record_signed: bytes  # every member, then the chair
    record_without_chair: bytes  # every member, not the chair
    bundle: bytes
    suite: suites.Suite = suites.NIST

    @property
    def root(self):
        return self.authority.root

    @property
    def ministry(self) -> MinistryReader:
        return MinistryReader(self.authority.signing_cert, self.keys.encryption)

    def actor(self, key: str) -> Actor:
        ident = self.ids[key]
        return Actor(ident.name, ident.fingerprint, "chair" if key == CHAIR else "expert")


def decisions_for(world_ids: dict[str, Identity], package_id: str) -> PanelDecisions:
    def actor(key: str) -> Actor:
        return Actor(world_ids[key].name, world_ids[key].fingerprint, "chair" if key == CHAIR else "expert")

    return PanelDecisions(
        package_id,
        consensus=(
            ConsensusDecision(
                "2.1", Decimal("5.5"), "经实地核查，专家组协商一致。", actor(CHAIR), AT, "extreme"
            ),
        ),
        opinion=Opinion(
            ("园区软件产业集聚度高。",),
            ("研发投入强度仍低于标杆水平。",),
            ("加强软件人才培养。",),
            "专家组同意示例软件园通过评审。",
            actor(CHAIR),
            AT,
        ),
        visit=VisitInfo(("2026-06-15", "2026-06-16"), "江苏省南京市 示例软件园管理委员会"),
    )


def put_to_vote(
    binding: PackageBinding, ids: dict[str, Identity], verified: list, draft: PanelDecisions
) -> tuple[PanelDecisions, tuple[bytes, ...], tuple[bytes, ...]]:
    """The chair's motion (the draft's changes and opinion), every scoring expert's approving
    statement (周淼 with her own dissent), the decisions filled from them."""
    standard = binding.require_standard()
    before = reconcile(standard, [s.to_expert_scores() for s in verified], draft.to_engine_decisions(()))
    data = build_motion(ids[CHAIR], binding, changes=motion_changes(draft, before), opinion=draft.opinion)
    motion = open_motion(data, ids[CHAIR], binding, ids[CHAIR].trust_root())
    raws, statements = [], []
    for key in (k for k in ids if k not in (CHAIR, RECUSED)):
        raw = build_statement(
            ids[key],
            binding,
            motion=motion,
            votes=[Vote(c.code, "approve") for c in motion.changes],
            opinion="approve",
            dissent=DISSENT if key == DISSENTER else None,
        )
        raws.append(raw)
        statements.append(open_statement(raw, ids[CHAIR], binding, ids[CHAIR].trust_root(), motion=motion))
    return apply_statements(draft, motion, statements), (data,), tuple(raws)


def sign_in_order(pdf: bytes, ids: dict[str, Identity], keys: list[str]) -> bytes:
    for key in keys:
        field = find_field(pdf, ids[key])
        pdf = sign_record(pdf, field.name, ids[key], MemberRole.CHAIR if key == CHAIR else MemberRole.EXPERT)
    return pdf


_WORLDS: dict[str, BundleWorld] = {}  # one per suite and session


def _enrol_in(suite: suites.Suite, authority: Authority, folder: Path, name: str, org: str) -> Identity:
    """``conftest._enrol`` (NIST, unchanged) or the same in ``suite``."""
    if suite is suites.NIST:
        return _enrol(authority, folder, name, org)
    info, _ = create_identity(folder, name=name, org=org, source=source(), suite=suite)
    cred = authority.enroll((info.path / REQUEST).read_bytes(), source(), source_name=folder.name)
    cred.save(folder.parent / f"{folder.name}.rvcred")
    install_credential(folder, folder.parent / f"{folder.name}.rvcred")
    return load_identity(folder, source())


def build_bundle_world(base: Path, suite: suites.Suite = suites.NIST) -> BundleWorld:
    if suite.id in _WORLDS:
        return _WORLDS[suite.id]
    authority = create_authority(
        base / "authority", name="工业和信息化部（结果包测试）", source=source(), suite=suite
    )
    keys = authority.unlock(source())
    ids, folders = {}, {}
    for key, name, org, _title, _role in PANEL:
        folders[key] = base / "identities" / key
        ids[key] = _enrol_in(suite, authority, folders[key], name, org)
    materials = base / "materials"
    materials.mkdir()
    (materials / "申请表.pdf").write_bytes(b"%PDF-1.7 test material\n" * 50)

    def members(keys_: list[str]) -> list[PanelMember]:
        return [PanelMember(ids[k].installed(), "chair" if k == CHAIR else "expert") for k in keys_]

    package, other = base / "a.rvpkg", base / "b.rvpkg"
    everyone = [p[0] for p in PANEL]
    for out, keys_ in (
        (package, everyone),
        (other, ["wang-kun", "li-zhe", "zhang-yue", "chen-shen", "zhao-xin"]),
    ):
        seal(authority, keys, standard_path=STANDARD, candidate=CANDIDATE, panel=members(keys_),
             materials=[materials], out=out)  # fmt: skip
    with open_package(package, ids[CHAIR]) as opened:
        binding = PackageBinding.of(opened)
        candidate = opened.candidate()
    with open_package(other, ids["li-zhe"]) as opened:
        other_sheet = build_sheet(PackageBinding.of(opened), ids["li-zhe"], full_answers(binding.standard))
    standard = binding.require_standard()
    sheets = {
        key: build_recusal(binding, ids[key], "本人所在单位与候选园区有业务往来", pledge_at=AT)
        if key == RECUSED
        else build_sheet(binding, ids[key], full_answers(standard, base=Decimal(BASES[key])))
        for key in everyone
    }
    verified = [open_sheet(data, ids[CHAIR], binding, authority.root) for data in sheets.values()]
    draft = decisions_for(ids, binding.package_id)
    decisions, motions, statements = put_to_vote(binding, ids, verified, draft)
    rec = reconcile(standard, [s.to_expert_scores() for s in verified], decisions.to_engine_decisions())
    unsigned = build_record_pdf(panel_record_input(binding, candidate, verified, rec, decisions))
    signers = [k for k in everyone if k not in (CHAIR, RECUSED)]
    without_chair = sign_in_order(unsigned, ids, signers)
    signed = sign_in_order(without_chair, ids, [CHAIR])
    with open_package(package, ids[CHAIR]) as opened:
        bundle = build_bundle(
            ids[CHAIR],
            opened,
            sheets=list(sheets.values()),
            decisions=decisions.to_json(),
            reconciliation=rec.to_json(),
            record_pdf=signed,
            motions=motions,
            statements=statements,
        )
    world = BundleWorld(base, authority, keys, ids, folders, package, other, binding, sheets, other_sheet,
                        decisions, motions, statements, rec.to_json(), unsigned, signed, without_chair,
                        bundle, suite)  # fmt: skip
    _WORLDS[suite.id] = world
    return world


@pytest.fixture(scope="session")
def bundle_world(tmp_path_factory: pytest.TempPathFactory) -> BundleWorld:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
        return build_bundle_world(tmp_path_factory.mktemp("bundle-world"))

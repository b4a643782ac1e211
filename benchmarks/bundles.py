"""Result bundles for the import benchmark: generated once into ``benchmarks/.cache/bundles`` and reused.

Each bundle is a real panel round through the core API: a package sealed by the benchmark authority
for its own candidate (so every bundle registers a distinct result), seven signed sheets, the chair's
decisions, the reconciliation, the record PDF signed by the six experts and closed by the chair, and
the bundle encrypted to the ministry. Sealing appends to the authority's ledger, so packages are sealed
in this process one after another; the expensive part (sheets, record, eight PAdES signatures) runs in
worker processes.

    python -m benchmarks.bundles N [sm]     # make sure the cache holds at least N bundles (of that suite)

The SM suite's bundles (an SM2 authority, SM identities: SM2 signatures, SM4-GCM, every record
signature with its SM2 attribute) live in ``bundles-sm``, beside the NIST ones.
"""

from __future__ import annotations

import os
import sys
from concurrent.futures import ProcessPoolExecutor
from decimal import Decimal
from pathlib import Path

from benchmarks.world import AT, CACHE, CHAIR, PANEL, SAMPLE_STANDARD, World, bench_rules, source, world

FOLDER = CACHE / "bundles"


def folder(suite: str = "nist") -> Path:
    return FOLDER if suite == "nist" else CACHE / f"bundles-{suite}"


def answers(standard, share: Decimal):
    from reviewer.scoring.sheet_model import (
        Declarations,
        EligibilityAnswer,
        ScoreAnswer,
        SheetAnswers,
        YesNoAnswer,
    )

    scores = {}
    for leaf in standard.leaves():
        step = leaf.step or Decimal(1)
        value = (leaf.points * share / step).to_integral_value() * step
        scores[leaf.code] = ScoreAnswer(value, f"评语 {leaf.code}", ())
    return SheetAnswers(
        Declarations(pledge_accepted=True, pledge_at="2026-06-15T01:00:00Z"),
        scores,
        {i.code: YesNoAnswer(True) for i in standard.yes_no},
        {c.code: EligibilityAnswer(True) for c in standard.eligibility},
    )


def decisions(ids, package_id: str):
    from reviewer.scoring.decisions import Actor, ConsensusDecision, Opinion, PanelDecisions, VisitInfo

    chair = Actor(ids[CHAIR].name, ids[CHAIR].fingerprint, "chair")
    return PanelDecisions(
        package_id,
        consensus=(
            ConsensusDecision("2.1", Decimal("5.5"), "经实地核查，专家组协商一致。", chair, AT, "extreme"),
        ),
        opinion=Opinion(
            ("园区软件产业集聚度高。",),
            ("研发投入强度仍低于标杆水平。",),
            ("加强软件人才培养。",),
            "专家组同意通过评审。",
            chair,
            AT,
        ),
        visit=VisitInfo(("2026-06-15", "2026-06-16"), "江苏省南京市"),
    )


def package_path(i: int, suite: str = "nist") -> Path:
    return folder(suite) / "packages" / f"{i:05d}.rvpkg"


def bundle_path(i: int, suite: str = "nist") -> Path:
    return folder(suite) / f"{i:05d}.rvresult"


def seal_package(w: World, authority, keys, ids, i: int, materials: Path) -> None:
    from reviewer.packages import seal
    from reviewer.packages.seal import PanelMember

    candidate = {"name": f"基准软件园{i:05d}", "type": "park", "province": "江苏省", "city": "南京市"}
    panel = [PanelMember(ids[k].installed(), "chair" if k == CHAIR else "expert") for k, *_ in PANEL]
    out = package_path(i, w.suite)
    tmp = out.with_suffix(".tmp")
    seal(
        authority,
        keys,
        standard_path=SAMPLE_STANDARD,
        candidate=candidate,
        panel=panel,
        materials=[materials],
        out=tmp,
        panel_rules=bench_rules(),
    )
    os.replace(tmp, out)


_STATE: dict[str, tuple] = {}


def _worker_state(suite: str = "nist"):
    """The unlocked panel and the authority, once per worker process (scrypt is slow on purpose)."""
    if suite not in _STATE:
        w = world(suite=suite)
        _STATE[suite] = (w.identities(), w.authority())
    return _STATE[suite]


def build_one(i: int, suite: str = "nist") -> int:
    """Sheets, reconciliation, record, signatures and the bundle for the sealed package ``i``."""
    from reviewer.export.bundle import build_bundle
    from reviewer.export.pades import find_field, sign_record
    from reviewer.export.panel_record import panel_record_input
    from reviewer.export.record import build_record_pdf
    from reviewer.export.record_input import MemberRole
    from reviewer.packages import open_package
    from reviewer.scoring.motion import build_motion, open_motion
    from reviewer.scoring.reconcile import reconcile
    from reviewer.scoring.sheet import build_sheet, open_sheet
    from reviewer.scoring.sheet_binding import PackageBinding
    from reviewer.scoring.statement import Vote, build_statement, open_statement
    from reviewer.scoring.votes import apply_statements, motion_changes

    ids, authority = _worker_state(suite)
    with open_package(package_path(i, suite), ids[CHAIR]) as opened:
        binding = PackageBinding.of(opened)
        candidate = opened.candidate()
        standard = binding.require_standard()
        sheets = [build_sheet(binding, ids[k], answers(standard, Decimal(share))) for k, _, _, share in PANEL]
        verified = [open_sheet(s, ids[CHAIR], binding, authority.root) for s in sheets]
        scores = [v.to_expert_scores() for v in verified]
        draft = decisions(ids, binding.package_id)
        # the change is put to the panel, as §64 asks: the chair's motion, every member approving
        motion_data = build_motion(
            ids[CHAIR],
            binding,
            changes=motion_changes(draft, reconcile(standard, scores, draft.to_engine_decisions(()))),
            opinion=draft.opinion,
        )
        motion = open_motion(motion_data, ids[CHAIR], binding, authority.root)
        voters = [k for k, *_ in PANEL if k != CHAIR]
        statement_data = [
            build_statement(ids[k], binding, motion=motion, votes=[Vote("2.1", "approve")], opinion="approve")
            for k in voters
        ]
        answered = [
            open_statement(d, ids[CHAIR], binding, authority.root, motion=motion) for d in statement_data
        ]
        panel_decisions = apply_statements(draft, motion, answered)
        rec = reconcile(standard, scores, panel_decisions.to_engine_decisions())  # every member approved
        pdf = build_record_pdf(panel_record_input(binding, candidate, verified, rec, panel_decisions))
        for key in [k for k, *_ in PANEL if k != CHAIR] + [CHAIR]:
            field = find_field(pdf, ids[key])
            pdf = sign_record(
                pdf, field.name, ids[key], MemberRole.CHAIR if key == CHAIR else MemberRole.EXPERT
            )
        data = build_bundle(
            ids[CHAIR],
            opened,
            sheets=sheets,
            decisions=panel_decisions.to_json(),
            reconciliation=rec.to_json(),
            record_pdf=pdf,
            motions=[motion_data],
            statements=statement_data,
        )
    tmp = bundle_path(i, suite).with_suffix(".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, bundle_path(i, suite))
    return i


def ensure(count: int, workers: int = 2, log=print, suite: str = "nist") -> list[Path]:
    """The first ``count`` cached bundles of ``suite``, generating the missing ones."""
    w = world(suite=suite)
    where = folder(suite)
    missing = [i for i in range(count) if not bundle_path(i, suite).exists()]
    if missing:
        log(f"generating {len(missing)} result bundles into {where} (once; reused on later runs)")
        (where / "packages").mkdir(parents=True, exist_ok=True)
        materials = where / "申请表.pdf"
        materials.write_bytes(b"%PDF-1.7 benchmark material\n" * 200)
        authority = w.authority()
        keys = authority.unlock(source())
        ids = w.identities()
        for i in missing:
            if not package_path(i, suite).exists():
                seal_package(w, authority, keys, ids, i, materials)
        with ProcessPoolExecutor(workers) as pool:
            for n, _ in enumerate(pool.map(build_one, missing, [suite] * len(missing), chunksize=4), 1):
                if n % 50 == 0:
                    log(f"  {n}/{len(missing)} bundles")
    return [bundle_path(i, suite) for i in range(count)]


if __name__ == "__main__":
    ensure(
        int(sys.argv[1]) if len(sys.argv) > 1 else 1000, suite=sys.argv[2] if len(sys.argv) > 2 else "nist"
    )

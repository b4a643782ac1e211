"""``reviewer panel motion``: the chair puts the proposed changes and the draft opinion to the panel;
and the reading of motions and statements for ``panel reconcile --motions --statements``.

    reviewer panel reconcile PKG --identity CHAIR --sheets ... --decisions D.json --out DIR
    reviewer panel motion PKG --identity CHAIR --reconciliation DIR --out vote.rvmotion
    reviewer statement sign PKG --identity MEMBER --motion vote.rvmotion --vote 2.1=approve ... --out li.rvstatement
    reviewer panel reconcile ... --decisions DIR/decisions.json --motions vote.rvmotion --statements *.rvstatement --out DIR
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from reviewer.cli.authority import add_passphrase_option, passphrase_source
from reviewer.cli.panel_close import read_input
from reviewer.errors import Refused
from reviewer.i18n import T

if TYPE_CHECKING:
    from reviewer.scoring.panel import PanelState

MOTION_SUFFIX = ".rvmotion"


def register_motion(psub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    m = psub.add_parser(
        "motion",
        help="put the proposed changes and the draft opinion to the panel (a signed .rvmotion)",
        description="As the panel's chair, after `panel reconcile --out DIR`: sign a motion putting the "
        "consensus changes of DIR/decisions.json (each with the computed aggregate of "
        "DIR/reconciliation.json, its ground and rationale) and the draft panel opinion to the panel. "
        "It is encrypted to every member and the ministry; each member answers with `reviewer statement "
        "sign`; `panel reconcile --motions ... --statements ...` then fills the votes and dissents into "
        "the decisions. The motion counts as the chair's approval. See docs/statement-format.md.",
    )
    m.add_argument("package", metavar="PKG")
    m.add_argument("--identity", required=True, metavar="DIR", help="the chair's identity")
    m.add_argument(
        "--reconciliation", required=True, metavar="DIR", help="the folder `panel reconcile` wrote"
    )
    m.add_argument("--decisions", metavar="FILE", help="the decisions to put (default: DIR/decisions.json)")
    m.add_argument("--out", required=True, metavar="MOTION", help=f"the motion to write ({MOTION_SUFFIX})")
    add_passphrase_option(m)
    m.set_defaults(func=run_motion)


def run_motion(args: argparse.Namespace) -> int:
    from reviewer.app.chair_work import put_to_panel
    from reviewer.packages import open_package
    from reviewer.scoring.decisions_io import parse_decisions
    from reviewer.scoring.result import Reconciliation
    from reviewer.scoring.sheet_binding import PackageBinding
    from reviewer.trust import load_identity
    from reviewer.trust.encoding import parse_json

    folder = Path(args.reconciliation)
    decisions = parse_decisions(
        read_input(Path(args.decisions) if args.decisions else folder / "decisions.json", "decisions")
    )
    rec = Reconciliation.from_dict(parse_json(read_input(folder / "reconciliation.json", "reconciliation")))
    identity = load_identity(args.identity, passphrase_source(args))
    with open_package(args.package, identity) as opened:
        binding = PackageBinding.of(opened)
    path = put_to_panel(identity, binding, decisions, rec, Path(args.out))
    changes = ", ".join(c.code for c in decisions.consensus) or "—"
    print(
        str(
            T(
                "已写入表决提请 {p}（变更：{c}；专家组意见草稿：{o}），请发给每位专家组成员。",
                "Wrote the motion {p} (changes: {c}; draft opinion: {o}); send it to every panel member.",
                p=str(path),
                c=changes,
                o=T("有", "yes") if decisions.opinion is not None else T("无", "no"),
            )
        )
    )
    return 0


def read_votes(state: PanelState, motions: list[str], statements: list[str]) -> PanelState:
    """Verify the motion and statement files as the chair and fill the decisions from them; every
    file's outcome is printed; a refused file is skipped (exit 18 if every statement was refused)."""
    offered_m = [(p, read_input(Path(p), "motion")) for p in motions]
    offered_s = [(p, read_input(Path(p), "statement")) for p in statements]
    state, outcomes = state.import_votes(offered_m, offered_s)
    for o in outcomes:
        print(f"{'✓' if o.accepted else '✗'} {o.source}: {o.reason}")
    if statements and not any(o.accepted and o.member_fingerprint for o in outcomes):
        raise Refused(T("没有可用的成员声明。", "No usable member statement."))
    return state

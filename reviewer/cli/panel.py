"""``reviewer panel reconcile``: the chair's reconciliation from the command line, non-interactive.

The same core as the chair's window: :mod:`reviewer.scoring.panel` (verify and collect the sheets,
reconcile, summarise) and :mod:`reviewer.scoring.decisions_io` (the decisions file, whose format
``--help`` shows). :func:`write_outputs` writes everything into ``--out``; the record and the result
bundle are added there.
"""

from __future__ import annotations

import argparse
import textwrap
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from reviewer.cli.authority import add_passphrase_option, passphrase_source
from reviewer.errors import Refused, ReviewerError, UsageError
from reviewer.i18n import T
from reviewer.scoring.file_help import DECISIONS_FILE

if TYPE_CHECKING:
    from reviewer.scoring.decisions import Actor, PanelDecisions
    from reviewer.scoring.panel import PanelState, SheetOutcome
    from reviewer.scoring.result import Reconciliation
    from reviewer.scoring.sheet_binding import PackageBinding
    from reviewer.trust.identity import Identity

RECONCILIATION = "reconciliation.json"
DECISIONS = "decisions.json"
SUMMARY_TXT = "summary.txt"
SUMMARY_MD = "summary.md"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from reviewer.cli.panel_close import register_close
    from reviewer.cli.panel_motion import register_motion

    p = sub.add_parser("panel", help="the chair: collect sheets and reconcile / 专家组组长")
    psub = p.add_subparsers(dest="panel_command", metavar="ACTION", required=True)
    rec = psub.add_parser(
        "reconcile",
        help="verify the sheets, apply the decisions, reconcile and write the result",
        description=textwrap.fill(
            "As the panel's chair: verify each sheet (signed by a member of this package's roster, "
            "bound to this package, content valid under its standard; not a duplicate; a newer version "
            "supersedes an older one, an older one given later is refused; a recusal counts as recused), "
            "apply the chair's decisions, reconcile (docs/reconciliation.md) and write into --out: "
            f"{RECONCILIATION} (canonical JSON, reviewer.reconciliation/1), {DECISIONS} (the decisions as "
            f"applied, canonical reviewer.decisions/2), {SUMMARY_TXT} and {SUMMARY_MD} (a summary in the "
            "current language), sheets/ (a copy of each sheet used, exactly as signed) and record.pdf "
            "(the review record, unsigned, written when the decisions carry the opinion and the visit: "
            "each member co-signs it with `reviewer record cosign`, then `reviewer panel close` has the "
            "chair sign last and writes the result bundle). Once a member has signed --out/record.pdf, "
            "other sheets or decisions into the same folder are refused (exit 18, nothing written): "
            "the same input keeps the record and its signatures; an unsigned record is replaced. "
            "Sheets are taken in the order given. A refused sheet is reported and "
            "skipped. Exit 0 when a reconciliation was written (also when the quorum is not met: "
            "the files say so); 18 when no sheet could be used or a signed record would change; "
            "3 when the decisions are invalid.",
            100,
        )
        + "\n\n"
        + DECISIONS_FILE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    rec.add_argument("package", metavar="PKG")
    rec.add_argument("--identity", required=True, metavar="DIR", help="the chair's identity")
    rec.add_argument("--sheets", required=True, nargs="+", metavar="SHEET", help=".rvsheet files")
    rec.add_argument("--decisions", metavar="FILE", help="the chair's decisions (format below)")
    rec.add_argument(
        "--motions",
        nargs="+",
        default=[],
        metavar="MOTION",
        help="the chair's motions (.rvmotion) put to the panel",
    )
    rec.add_argument(
        "--statements",
        nargs="+",
        default=[],
        metavar="STATEMENT",
        help="the members' signed statements (.rvstatement): their votes and dissents fill the decisions",
    )
    rec.add_argument("--out", required=True, metavar="DIR", help="folder for the results (created)")
    add_passphrase_option(rec)
    rec.set_defaults(func=run_reconcile)
    register_motion(psub)
    register_close(psub)


@dataclass(frozen=True)
class PanelRun:
    """Everything one ``panel reconcile`` produced, handed to :func:`write_outputs`."""

    package: Path
    binding: PackageBinding
    identity: Identity
    state: PanelState
    reconciliation: Reconciliation
    now: datetime

    @property
    def names(self) -> dict[str, str]:
        return self.state.names()


def chair_actor(binding: PackageBinding) -> Actor:
    from reviewer.scoring.decisions import Actor

    chair = binding.chair
    return Actor(chair.name, chair.cert_sha256, "chair")


def read_decisions(path: str, binding: PackageBinding, now: datetime) -> PanelDecisions:
    """A decisions file; a missing ``by``/``at`` is the chair running the command, now."""
    from reviewer.scoring.decisions_io import parse_decisions
    from reviewer.trust import clock

    data = Path(path)
    try:
        raw = data.read_bytes()
    except OSError as exc:
        raise UsageError(
            T("无法读取决定文件 {p}。", "Cannot read the decisions file {p}.", p=path), detail=str(exc)
        ) from exc
    return parse_decisions(raw, default_by=chair_actor(binding), default_at=clock.iso(now))


def _offered(paths: list[str]) -> tuple[list[tuple[str, bytes]], list[SheetOutcome]]:
    from reviewer.scoring.panel import SheetOutcome
    from reviewer.scoring.sheet import read_sheet_bytes

    files, unreadable = [], []
    for path in paths:
        try:
            files.append((path, read_sheet_bytes(path)))
        except ReviewerError as exc:
            unreadable.append(SheetOutcome(path, False, exc.message, error=type(exc).__name__))
    return files, unreadable


def outcome_line(o: SheetOutcome) -> str:
    mark = "✓" if o.accepted else "✗"
    return f"{mark} {o.source}: {o.reason}"


def run_reconcile(args: argparse.Namespace) -> int:
    from reviewer.packages import open_package
    from reviewer.scoring.decisions import PanelDecisions
    from reviewer.scoring.panel import PanelState, require_chair, summary_text
    from reviewer.scoring.sheet_binding import PackageBinding
    from reviewer.trust import clock, load_identity

    identity = load_identity(args.identity, passphrase_source(args))
    now = clock.utcnow()
    with open_package(args.package, identity) as opened:
        binding = PackageBinding.of(opened)
    require_chair(binding, identity)
    decisions = (
        read_decisions(args.decisions, binding, now) if args.decisions else PanelDecisions(binding.package_id)
    )
    state = PanelState.start(binding, identity, decisions)
    files, unreadable = _offered(args.sheets)
    state, outcomes = state.import_sheets(files, now=now)
    for o in (*unreadable, *outcomes):
        print(outcome_line(o))
    if args.motions or args.statements:
        from reviewer.cli.panel_motion import read_votes

        state = read_votes(state, args.motions, args.statements)
    if not state.collection.current:
        raise Refused(T("没有可用的评分表，未作对账。", "No usable score sheet: nothing was reconciled."))
    run = PanelRun(Path(args.package), binding, identity, state, state.reconcile(), now)
    written = write_outputs(run, Path(args.out))
    print()
    print(summary_text(run.reconciliation, run.names, state.decisions), end="")
    print()
    for path in written:
        print(str(T("已写入 {p}", "Wrote {p}", p=str(path))))
    return 0


def write_outputs(run: PanelRun, out: Path) -> list[Path]:
    """Write the results of ``run`` into ``out`` (each file whole or not at all); the paths written.
    Nothing is written over a signed record made from other input (:func:`require_record_open`)."""
    from reviewer.cli.panel_close import require_record_open, write_record, write_sheets, write_votes
    from reviewer.scoring.panel import summary_markdown, summary_text
    from reviewer.trust.files import write_atomic

    rec, decisions = run.reconciliation, run.state.decisions
    require_record_open(out, rec, decisions)
    out.mkdir(parents=True, exist_ok=True)
    files = {
        RECONCILIATION: rec.to_json(),
        DECISIONS: decisions.to_json(),
        SUMMARY_TXT: summary_text(rec, run.names, decisions).encode("utf-8"),
        SUMMARY_MD: summary_markdown(rec, run.names, decisions).encode("utf-8"),
    }
    written = [write_atomic(out / name, data) for name, data in files.items()]
    written += write_sheets(out, run.state.sheets())
    written += write_votes(out, run.state)
    record, why_not = write_record(
        out, run.package, run.identity, run.binding, run.state.sheets(), rec, decisions, run.state.motions
    )
    if record is not None:
        written.append(record)
    if why_not:
        print(str(T("评审意见表：{why}", "Record: {why}", why=why_not)))
    return written

"""The record and the result bundle from the command line: what ``panel reconcile`` adds to its
``--out`` folder, and ``reviewer panel close``.

The order of signing (``docs/bundle-format.md`` §2): ``panel reconcile ... --out DIR`` writes
``DIR/record.pdf`` (unsigned, one field per non-recused member, the chair's last) and a copy of each
sheet it used in ``DIR/sheets/``; each member co-signs with ``reviewer record cosign DIR/record.pdf``;
then ``reviewer panel close`` has the chair sign last (closing the record) and writes the bundle.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from reviewer.cli.authority import add_passphrase_option, passphrase_source
from reviewer.errors import InvalidInput, UsageError
from reviewer.i18n import T

if TYPE_CHECKING:
    from reviewer.scoring.decisions import PanelDecisions
    from reviewer.scoring.motion import Motion
    from reviewer.scoring.panel import PanelState
    from reviewer.scoring.result import Reconciliation
    from reviewer.scoring.sheet_binding import PackageBinding
    from reviewer.scoring.sheet_types import VerifiedSheet
    from reviewer.trust.identity import Identity

SHEETS = "sheets"
MOTIONS = "motions"
STATEMENTS = "statements"
MOTION_SUFFIX = ".rvmotion"
STATEMENT_SUFFIX = ".rvstatement"


def write_votes(out: Path, state: PanelState) -> list[Path]:
    """Copies of the motions and statements the decisions were filled from, exactly as signed, named
    by digest (``out/motions``, ``out/statements``; older copies removed): what the bundle carries."""
    from reviewer.trust.files import write_atomic

    written = []
    for sub, suffix, items in (
        (MOTIONS, MOTION_SUFFIX, [(m.digest, m.data) for m in state.motions]),
        (STATEMENTS, STATEMENT_SUFFIX, [(s.digest, s.data) for s in state.statements]),
    ):
        folder = out / sub
        names = {f"{d[:16]}{suffix}": data for d, data in items}
        if not names and not folder.exists():
            continue
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob(f"*{suffix}"):
            if old.name not in names:
                old.unlink()
        written += [write_atomic(folder / name, data) for name, data in sorted(names.items())]
    return written


def read_votes_folder(folder: Path) -> tuple[list[bytes], list[bytes]]:
    """The motions and statements ``panel reconcile`` copied into ``folder``."""
    motions = [read_input(p, "motion") for p in sorted((folder / MOTIONS).glob(f"*{MOTION_SUFFIX}"))]
    statements = [
        read_input(p, "statement") for p in sorted((folder / STATEMENTS).glob(f"*{STATEMENT_SUFFIX}"))
    ]
    return motions, statements


def write_sheets(out: Path, sheets: tuple[VerifiedSheet, ...]) -> list[Path]:
    """Copies of the sheets the reconciliation used, exactly as signed, named by digest; any other
    ``.rvsheet`` in ``out/sheets`` (from an earlier run) is removed, so the folder is the input."""
    from reviewer.scoring.sheet_types import SHEET_SUFFIX
    from reviewer.trust.files import write_atomic

    folder = out / SHEETS
    folder.mkdir(parents=True, exist_ok=True)
    names = {f"{s.digest[:16]}{SHEET_SUFFIX}": s.data for s in sheets}
    for old in folder.glob(f"*{SHEET_SUFFIX}"):
        if old.name not in names:
            old.unlink()
    return [write_atomic(folder / name, data) for name, data in sorted(names.items())]


def require_record_open(out: Path, reconciliation: Reconciliation, decisions: PanelDecisions) -> None:
    """Raise :class:`RecordFrozen` when ``out/record.pdf`` carries signatures and was made from
    another reconciliation or other decisions: writing the new ones would break those signatures."""
    from reviewer.export.panel_outputs import RECORD
    from reviewer.export.record_seal import RecordFrozen, read_seal

    target = out / RECORD
    if not target.is_file():
        return
    pdf = read_input(target, "record")
    seal = read_seal(pdf, reconciliation.to_json(), decisions.to_json())
    if seal.signed and not seal.current:
        raise RecordFrozen(
            T(
                "{p} 已由{names}签署，但本次的评分表或决定与其依据不同：未写入任何文件，以免这些签名作废。"
                "如确需修改，请将已签署的评审意见表移出该文件夹（保留备查），或写入另一个 --out 文件夹；"
                "新的评审意见表须由每位成员重新签署。",
                "{p} has been signed by {names}, but these sheets or decisions differ from what it was "
                "made from: nothing was written, so that those signatures are not broken. To change it "
                "anyway, move the signed record out of the folder (keep it) or write into another --out "
                "folder; every member then signs the new record again.",
                p=str(target),
                names="、".join(seal.signed),
            )
        )


def write_record(
    out: Path,
    package: Path,
    identity: Identity,
    binding: PackageBinding,
    sheets: tuple[VerifiedSheet, ...],
    reconciliation: Reconciliation,
    decisions: PanelDecisions,
    motions: tuple[Motion, ...] = (),
) -> tuple[Path | None, str]:
    """``out/record.pdf`` for the members to co-sign, or (None, why not). A record already being
    signed for the same content is kept with its signatures (the layout is reproducible)."""
    from reviewer.export.panel_outputs import RECORD, record_for
    from reviewer.export.panel_outputs import write_record as write_record_file
    from reviewer.scoring.votes import ChangeNotAdopted, MotionMisstated

    try:
        pdf = record_for(package, identity, binding, sheets, reconciliation, decisions, motions)
    except (InvalidInput, ChangeNotAdopted, MotionMisstated) as exc:
        return None, str(exc.message)
    target, kept = write_record_file(out / RECORD, pdf)
    if kept:
        return target, str(
            T("评审意见表内容未变，保留已有签名。", "The record is unchanged; its signatures are kept.")
        )
    return target, ""


# For the help texts only, without importing the export modules (pyHanko, reportlab): the same as
# reviewer.export.panel_outputs.RECORD and reviewer.export.bundle_format.BUNDLE_SUFFIX (tests check).
RECORD_NAME = "record.pdf"
BUNDLE_SUFFIX = ".rvresult"


def register_close(psub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    c = psub.add_parser(
        "close",
        help="the chair signs the record last and writes the result bundle for the ministry",
        description="After `panel reconcile --out DIR` and every member's `reviewer record cosign "
        "DIR/record.pdf`: check every signature in the record against the chair's pinned root, sign it "
        "as the chair (the chair's signature closes the record: no further change is allowed), then "
        "build the result bundle from DIR (reconciliation.json, decisions.json, sheets/*.rvsheet, "
        "motions/*.rvmotion, statements/*.rvstatement) and "
        "the signed record, check it as the ministry will (every sheet, the recomputed reconciliation, "
        "every member's signature), sign it and encrypt it to the ministry only. A record the chair "
        "has already signed is used as it is. See docs/bundle-format.md.",
    )
    c.add_argument("package", metavar="PKG")
    c.add_argument("--identity", required=True, metavar="DIR", help="the chair's identity")
    c.add_argument(
        "--reconciliation", required=True, metavar="DIR", help="the folder `panel reconcile` wrote"
    )
    c.add_argument("--record", metavar="PDF", help=f"the co-signed record (default: DIR/{RECORD_NAME})")
    c.add_argument("--out", required=True, metavar="RESULT", help=f"the bundle to write ({BUNDLE_SUFFIX})")
    c.add_argument(
        "--result-version",
        type=int,
        default=1,
        metavar="N",
        help="1 for the first result; a corrected result for the same package takes a higher number",
    )
    c.add_argument(
        "--statements",
        nargs="+",
        default=[],
        metavar="FILE",
        help="members' refusals to sign (.rvstatement, `reviewer record refuse`): their fields may stay "
        "empty, the refusal stated on the signature page",
    )
    c.add_argument(
        "--not-signed",
        nargs="+",
        default=[],
        metavar="MEMBER",
        help="members (name on the roster, or the start of their certificate fingerprint) who neither "
        "signed nor gave written reasons: recorded as not signing (the rules deem them to agree), stated "
        "on the signature page",
    )
    add_passphrase_option(c)
    c.set_defaults(func=run_close)


def read_input(path: Path, what: str) -> bytes:
    """The bytes of a file the user named (UsageError naming it when it cannot be read)."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise UsageError(
            T("无法读取{what} {p}。", "Cannot read the {what} {p}.", what=what, p=str(path)), detail=str(exc)
        ) from exc


def check_votes_before_close(
    chair: Identity,
    package: Path,
    sheets: list[bytes],
    decisions: bytes,
    motions: list[bytes],
    statements: list[bytes],
) -> None:
    """Before the chair signs: every change was adopted and every vote and dissent is signed by its
    member (ChangeNotAdopted / VoteNotSigned) — the bundle's checks, run before the record is closed."""
    from reviewer.export.bundle import decisions_of
    from reviewer.export.bundle_checks import check_sheets, check_votes
    from reviewer.packages import open_package
    from reviewer.scoring.panel import require_chair
    from reviewer.scoring.sheet_binding import PackageBinding
    from reviewer.trust import clock

    with open_package(package, chair) as opened:
        binding = PackageBinding.of(opened)
    require_chair(binding, chair)
    now = clock.utcnow()
    root = chair.trust_root()
    verified = check_sheets(sheets, chair, binding, root, now)
    check_votes(decisions_of(decisions, binding), binding, verified, motions, statements, chair, root, now)


def run_close(args: argparse.Namespace) -> int:
    from reviewer.export.bundle import write_bundle
    from reviewer.export.panel_outputs import RECORD, result_bundle
    from reviewer.scoring.result import Reconciliation
    from reviewer.scoring.sheet_types import SHEET_SUFFIX
    from reviewer.trust import load_identity

    folder = Path(args.reconciliation)
    record_path = Path(args.record) if args.record else folder / RECORD
    reconciliation = read_input(folder / "reconciliation.json", "reconciliation")
    decisions = read_input(folder / "decisions.json", "decisions")
    sheets = [read_input(p, "sheet") for p in sorted((folder / SHEETS).glob(f"*{SHEET_SUFFIX}"))]
    if not sheets:
        raise UsageError(
            T(
                "{d} 中没有评分表副本：请先运行 reviewer panel reconcile --out {d}。",
                "No sheet copies in {d}: run reviewer panel reconcile --out {d} first.",
                d=str(folder / SHEETS),
            )
        )
    pdf = read_input(record_path, "record")
    motions, statements = read_votes_folder(folder)
    identity = load_identity(args.identity, passphrase_source(args))
    check_votes_before_close(identity, Path(args.package), sheets, decisions, motions, statements)
    pdf, closing = _close(args, folder, record_path, pdf, identity)
    motions, statements = read_votes_folder(folder)  # with the refusals the closing cites
    data = result_bundle(
        identity,
        Path(args.package),
        sheets=sheets,
        decisions=decisions,
        reconciliation=reconciliation,
        record_pdf=pdf,
        result_version=args.result_version,
        motions=motions,
        statements=statements,
        closing=closing,
    )
    path = write_bundle(args.out, data)
    rec = Reconciliation.from_dict(json.loads(reconciliation))
    label = rec.conclusion.label
    print(
        str(
            T(
                "已写入结果包 {p}（第 {v} 版；{n} 份评分表；结论：{c}；总分 {t}），仅工业和信息化部可解密。",
                "Wrote the result bundle {p} (version {v}; {n} sheets; conclusion: {c}; total {t}), readable by "
                "the ministry only.",
                p=str(path),
                v=args.result_version,
                n=len(sheets),
                c=(label.zh if label else "—"),
                t=rec.total,
            )
        )
    )
    return 0


CLOSING_NAME = "closing.json"  # reviewer.export.closing.CLOSING


def member_of(binding: PackageBinding, spec: str) -> str:
    """The roster member ``spec`` names (a name, or the start of a certificate fingerprint)."""
    key = spec.strip().lower()
    found = [m for m in binding.roster if m.name == spec.strip()] or [
        m for m in binding.roster if len(key) >= 8 and m.cert_sha256.startswith(key)
    ]
    if len(found) != 1:
        raise UsageError(
            T(
                "“{m}”不能唯一确定本专家组的一位成员：请写其姓名或证书指纹的前 8 位以上。",
                "“{m}” does not name exactly one member of this panel: give their name or at least the first "
                "8 hex digits of their certificate fingerprint.",
                m=spec,
            )
        )
    return found[0].cert_sha256


def _close(
    args: argparse.Namespace, folder: Path, record_path: Path, pdf: bytes, chair: Identity
) -> tuple[bytes, bytes | None]:
    """Close the record (stating who did not sign) unless the chair already has; the record and
    ``closing.json``. Both, and the refusals it cites (in ``folder/statements``), are kept in
    ``folder`` for the bundle and a later run."""
    from reviewer.export.closing import NotSigned
    from reviewer.export.pades import find_field
    from reviewer.export.panel_outputs import close_stating
    from reviewer.packages import open_package
    from reviewer.scoring.sheet_binding import PackageBinding
    from reviewer.scoring.statement import open_statement
    from reviewer.trust import clock
    from reviewer.trust.files import write_atomic

    kept = folder / CLOSING_NAME
    if find_field(pdf, chair).signed:  # closed by an earlier run: its closing facts as kept
        if args.statements or args.not_signed:
            raise UsageError(
                T(
                    "组长已签署并封闭该意见表，不能再载明未签字的成员。",
                    "The chair has already signed and closed the record; nobody more can be stated as not signing.",
                )
            )
        return pdf, read_input(kept, "closing facts") if kept.is_file() else None
    with open_package(Path(args.package), chair) as opened:
        binding = PackageBinding.of(opened)
    root = chair.trust_root()
    refusals = [
        open_statement(read_input(Path(p), "statement"), chair, binding, root) for p in args.statements
    ]
    now = clock.iso(clock.utcnow())
    marks = [NotSigned(member_of(binding, m), now) for m in args.not_signed]
    closed = close_stating(pdf, chair, binding, refusals=refusals, not_signed=marks)
    cited = {u.statement_sha256 for u in closed.facts.unsigned}
    used = [s for s in refusals if s.digest in cited]
    for s in used:
        (folder / STATEMENTS).mkdir(exist_ok=True)
        write_atomic(folder / STATEMENTS / f"{s.digest[:16]}.rvstatement", s.data)
    write_atomic(kept, closed.closing)
    write_atomic(record_path, closed.pdf)
    print(
        str(
            T(
                "组长已签署并封闭评审意见表 {p}。",
                "The chair signed and closed the record {p}.",
                p=str(record_path),
            )
        )
    )
    names = {m.cert_sha256: m.name for m in binding.roster}
    for line in closed.facts.lines(names).values():
        print("  " + line)
    return closed.pdf, closed.closing

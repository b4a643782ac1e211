"""``reviewer statement sign``: a panel member's signed answer to the chair's motion — a vote on each
proposed change, on the draft opinion, and the member's own dissent (保留意见).

    reviewer statement sign PKG --identity MEMBER --motion vote.rvmotion \\
        --vote 2.1=approve --vote 3.2=object:应取 5 分 --opinion approve --dissent "……" --out li.rvstatement
"""

from __future__ import annotations

import argparse
from pathlib import Path

from reviewer.cli.authority import add_passphrase_option, passphrase_source
from reviewer.errors import UsageError
from reviewer.i18n import T

STATEMENT_SUFFIX = ".rvstatement"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("statement", help="a panel member's signed statement / 专家组成员声明")
    ssub = p.add_subparsers(dest="statement_command", metavar="ACTION", required=True)
    s = ssub.add_parser(
        "sign",
        help="answer the chair's motion: votes, the opinion, your own dissent",
        description="As a member of the panel (not the chair): answer the chair's motion with a signed "
        "statement, encrypted to you, the chair and the ministry. Vote on every proposed change once "
        "(--vote CODE=approve, or CODE=object:REASON — an objection needs its reason), on the draft "
        "opinion when the motion has one (--opinion), and write your own dissent if you have one "
        "(--dissent): it is printed in the record under your name, as written and signed by you. "
        "See docs/statement-format.md.",
    )
    s.add_argument("package", metavar="PKG")
    s.add_argument("--identity", required=True, metavar="DIR", help="your identity")
    s.add_argument("--motion", required=True, metavar="MOTION", help="the chair's motion (.rvmotion)")
    s.add_argument(
        "--vote", action="append", default=[], metavar="CODE=approve|object:REASON", help="one per change"
    )
    s.add_argument("--opinion", choices=("approve", "object"), help="your vote on the draft opinion")
    s.add_argument("--dissent", metavar="TEXT", help="your dissent (保留意见), in your own words")
    s.add_argument(
        "--out", required=True, metavar="STATEMENT", help=f"the statement to write ({STATEMENT_SUFFIX})"
    )
    add_passphrase_option(s)
    s.set_defaults(func=run_sign)


def parse_vote(text: str) -> tuple[str, str, str | None]:
    """``2.1=approve`` / ``2.1=object:reason`` → (code, vote, reason)."""
    code, sep, rest = text.partition("=")
    vote, _, reason = rest.partition(":")
    if not sep or not code.strip() or vote.strip() not in ("approve", "object"):
        raise UsageError(
            T(
                "--vote 应写作 指标=approve 或 指标=object:理由（收到“{v}”）。",
                "--vote is CODE=approve or CODE=object:REASON (got “{v}”).",
                v=text,
            )
        )
    return code.strip(), vote.strip(), reason.strip() or None


def run_sign(args: argparse.Namespace) -> int:
    from reviewer.packages import open_package
    from reviewer.scoring.motion import open_motion
    from reviewer.scoring.sheet_binding import PackageBinding
    from reviewer.scoring.statement import Vote, build_statement
    from reviewer.trust import load_identity
    from reviewer.trust.files import write_atomic

    try:
        data = Path(args.motion).read_bytes()
    except OSError as exc:
        raise UsageError(
            T("无法读取表决提请 {p}。", "Cannot read the motion {p}.", p=args.motion), detail=str(exc)
        ) from exc
    votes = [Vote(*parse_vote(v)) for v in args.vote]
    identity = load_identity(args.identity, passphrase_source(args))
    with open_package(args.package, identity) as opened:
        binding = PackageBinding.of(opened)
    motion = open_motion(data, identity, binding, identity.trust_root())
    raw = build_statement(
        identity, binding, motion=motion, votes=votes, opinion=args.opinion, dissent=args.dissent
    )
    out = Path(args.out)
    if out.exists():
        raise UsageError(
            T("{p} 已存在，不会覆盖。", "{p} exists already; it is not overwritten.", p=str(out))
        )
    write_atomic(out, raw)
    print(
        str(
            T(
                "已签署声明 {p}（表决 {n} 项{d}），请交给组长。",
                "Signed the statement {p} ({n} vote(s){d}); hand it to the chair.",
                p=str(out),
                n=len(votes),
                d=T("，含本人保留意见", ", with your dissent") if args.dissent else "",
            )
        )
    )
    return 0

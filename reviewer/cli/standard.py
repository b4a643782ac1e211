"""``reviewer standard check [FILE...]``: validate standards (default: the shipped samples) and summarise them."""

from __future__ import annotations

import argparse
import sys

from reviewer.errors import InvalidInput
from reviewer.i18n import T


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("standard", help="check and summarise standards (criteria) / 检查评审标准")
    ssub = p.add_subparsers(dest="standard_command", metavar="ACTION", required=True)
    check = ssub.add_parser(
        "check",
        help="validate standard files and print a summary",
        description="Validate each standard file (JSON, docs/standard-format.md) and print a summary. "
        "Exit 0 when every file is valid, 3 when any is not (each problem names the field's path).",
    )
    check.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="standard files (default: the sample standards shipped with the app)",
    )
    check.add_argument("-q", "--quiet", action="store_true", help="print only problems")
    check.set_defaults(func=run_check)


def run_check(args: argparse.Namespace) -> int:
    from reviewer.paths import shipped_standards
    from reviewer.standards import load_standard
    from reviewer.standards.summary import summary_lines

    worst = 0
    for name in args.files or [str(p) for p in shipped_standards()]:
        try:
            standard = load_standard(name)
        except InvalidInput as exc:
            print(str(exc), file=sys.stderr)
            worst = max(worst, exc.exit_code)
            continue
        if not args.quiet:
            print(str(T("✔ {f} 有效", "✔ {f} is valid", f=name)))
            print("\n".join(summary_lines(standard)))
            print()
    return worst

"""``reviewer ministry data import|national|returns|trend``: the annual data returns in the registry."""

from __future__ import annotations

import argparse
import json
import sys
from decimal import Decimal, InvalidOperation

from reviewer.cli.authority import add_passphrase_option, passphrase_source
from reviewer.errors import Refused, UsageError
from reviewer.i18n import T


def register(msub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from reviewer.cli.ministry import _db, _output

    p = msub.add_parser("data", help="annual data returns: import, national figures, trends / 数据报送")
    dsub = p.add_subparsers(dest="data_command", metavar="ACTION", required=True)

    imp = dsub.add_parser(
        "import",
        help="check filled templates, record them in the registry and write each as a signed .rvdata",
    )
    imp.add_argument("authdir", metavar="AUTHDIR", help="the authority folder (its key signs the .rvdata)")
    imp.add_argument("files", nargs="+", metavar="FILE.xlsx")
    _db(imp)
    imp.add_argument(
        "--out", metavar="DIR", help="where to write the .rvdata files (default: beside each XLSX)"
    )
    imp.add_argument("--format", choices=("table", "json"), default="table", help="the per-file report")
    add_passphrase_option(imp)
    imp.set_defaults(func=run_import)

    nat = dsub.add_parser("national", help="record the national figures of a year (CODE=VALUE ...)")
    _db(nat)
    nat.add_argument("--year", type=int, required=True)
    nat.add_argument("--source", default="", help="where the figures come from (e.g. a bulletin)")
    nat.add_argument("values", nargs="+", metavar="CODE=VALUE")
    nat.set_defaults(func=run_national)

    ret = dsub.add_parser("returns", help="the current returns of a year and its national figures")
    _db(ret)
    ret.add_argument("--year", type=int, required=True)
    _output(ret)
    ret.set_defaults(func=run_returns)

    tr = dsub.add_parser("trend", help="a candidate's figures year by year (the monitoring view)")
    _db(tr)
    tr.add_argument("--candidate", metavar="NAME", required=True)
    tr.add_argument("--figure", metavar="CODE", help="one figure (default: every figure of its type)")
    _output(tr)
    tr.set_defaults(func=run_trend)


def _values(items: list[str]) -> dict[str, Decimal]:
    out: dict[str, Decimal] = {}
    for item in items:
        code, sep, text = item.partition("=")
        try:
            value = Decimal(text.strip())
        except InvalidOperation:
            value = Decimal("NaN")
        if not sep or not code.strip() or not value.is_finite():
            raise UsageError(
                T(
                    "请按 代码=数值 给出全国数据（如 software_revenue_growth=13.4）：{item}",
                    "Give national figures as CODE=VALUE (e.g. software_revenue_growth=13.4): {item}",
                    item=item,
                )
            )
        out[code.strip()] = value
    return out


def run_import(args: argparse.Namespace) -> int:
    from reviewer.app.ministry_data import import_files
    from reviewer.cli.ministry import open_registry
    from reviewer.trust import open_authority

    authority = open_authority(args.authdir)
    keys = authority.unlock(passphrase_source(args))
    with open_registry(args) as reg:
        outcomes = import_files(reg, authority, keys, args.files, args.out)
    if args.format == "json":
        doc = {"files": [o.__dict__ for o in outcomes]}
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    else:
        for o in outcomes:
            if o.ok:
                print(f"{o.outcome:<10} {o.path}  {o.candidate} {o.year} v{o.version}  → {o.rvdata}")
            else:
                print(f"{o.outcome:<10} {o.path}\n{o.message}")
    return 0 if all(o.ok for o in outcomes) else Refused.exit_code


def run_national(args: argparse.Namespace) -> int:
    from reviewer.app.ministry_data import record_national
    from reviewer.cli.ministry import open_registry

    with open_registry(args) as reg:
        current = record_national(reg, args.year, _values(args.values), args.source)
    print(str(T("{year} 年度全国数据：", "National figures {year}:", year=args.year)))
    for key, value in sorted(current.items()):
        print(f"  {key} = {value}")
    return 0


def run_returns(args: argparse.Namespace) -> int:
    from reviewer.app.ministry_data import returns_report
    from reviewer.cli.ministry import emit, open_registry
    from reviewer.ministry.render import render

    with open_registry(args) as reg:
        report = returns_report(reg, args.year, "zh_CN" if args.format == "xlsx" else None)
        emit(render(report, args.format), args)
    return 0


def run_trend(args: argparse.Namespace) -> int:
    from reviewer.app.ministry_data import trend_report
    from reviewer.cli.ministry import emit, open_registry
    from reviewer.ministry.render import render

    with open_registry(args) as reg:
        report = trend_report(reg, args.candidate, args.figure, "zh_CN" if args.format == "xlsx" else None)
        emit(render(report, args.format), args)
    return 0

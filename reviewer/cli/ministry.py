"""``reviewer ministry registry|calibration|register|import``: the ministry desk on the registry database
(the lifecycle commands are :mod:`reviewer.cli.ministry_lifecycle`)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from reviewer.cli import ministry_cohort, ministry_data, ministry_lifecycle, ministry_progress
from reviewer.cli.authority import add_passphrase_option, passphrase_source
from reviewer.errors import Refused, UsageError
from reviewer.i18n import T

if TYPE_CHECKING:
    from reviewer.ministry.registry import Registry

DB_HELP = (
    "the registry database: a SQLAlchemy URL (sqlite:///..., postgresql+psycopg://...) or a SQLite file path"
)


def _db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", required=True, metavar="URL", help=DB_HELP)
    p.add_argument(
        "--rules", metavar="FILE", help="registry rules JSON (default: the rules shipped with the app)"
    )


def _output(p: argparse.ArgumentParser) -> None:
    from reviewer.ministry import FORMATS

    p.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table)")
    p.add_argument(
        "--out", metavar="FILE", help="write to FILE instead of standard output (required for xlsx)"
    )


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("ministry", help="the ministry desk: registry, reports, import / 部级登记与报表")
    msub = p.add_subparsers(dest="ministry_command", metavar="ACTION", required=True)

    reg = msub.add_parser(
        "registry",
        help="the registry: star list of a year, warnings and exits, publicity list; or one candidate's history",
    )
    _db(reg)
    reg.add_argument("--year", type=int, help="the year (default: the latest year with results)")
    reg.add_argument("--candidate", metavar="NAME", help="show this candidate's history instead")
    _output(reg)
    reg.set_defaults(func=run_registry)

    cal = msub.add_parser("calibration", help="each expert's mean deviation from the panel aggregates")
    _db(cal)
    _output(cal)
    cal.set_defaults(func=run_calibration)

    add = msub.add_parser(
        "register", help="add a candidate to the registry (e.g. a city already holding the title)"
    )
    _db(add)
    add.add_argument("name")
    add.add_argument("--type", choices=("city", "park"), required=True)
    add.add_argument("--province", default="")
    add.add_argument("--city", default="", help="the city (for a park: the city it lies in)")
    add.add_argument("--year", type=int, required=True)
    add.add_argument("--status", choices=("creating", "awarded"), default="creating")
    add.set_defaults(func=run_register)

    imp = msub.add_parser(
        "import",
        help="import result bundles (.rvresult): decrypt, verify, recompute, check the ledger, register",
        description="Each file is checked and imported on its own, in one transaction: a bad file is "
        "reported and the batch goes on; importing the same files again changes nothing. Exit status 0 "
        "when every file was imported or already there, 18 when any was refused.",
    )
    imp.add_argument("authdir", metavar="AUTHDIR", help="the authority folder (its key decrypts the bundles)")
    imp.add_argument("files", nargs="+", metavar="FILE")
    _db(imp)
    add_passphrase_option(imp)
    imp.add_argument("--format", choices=("table", "json"), default="table", help="the per-file report")
    imp.add_argument(
        "--workers",
        type=_workers,
        metavar="N",
        help="processes checking the files at the same time; the results are the same as with 1 "
        "(default: one per CPU, at most 8, and 1 for fewer than 20 files) / 同时校验结果包的进程数",
    )
    imp.set_defaults(func=run_import)
    ministry_progress.register(msub)  # progress reports and priority flags
    ministry_cohort.register(msub)  # the annual cohort evaluation
    ministry_data.register(msub)  # the annual data returns
    ministry_lifecycle.register(msub)  # application, paper check, third-party report, 公示


def _workers(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(
            str(T("--workers 须为正整数：{v}", "--workers must be a positive whole number: {v}", v=text))
        )
    return n


def open_registry(args: argparse.Namespace) -> Registry:
    from reviewer.ministry.registry import Registry
    from reviewer.ministry.rules import load_rules

    return Registry.open(args.db, load_rules(args.rules) if getattr(args, "rules", None) else None)


def emit(data: bytes, args: argparse.Namespace) -> None:
    from reviewer.files import write_atomic

    if args.out:
        path = write_atomic(args.out, data)
        print(str(T("已写入 {path}", "Written to {path}", path=str(path))))
    elif args.format == "xlsx":
        raise UsageError(T("xlsx 格式需要 --out 文件。", "The xlsx format needs --out FILE."))
    else:
        sys.stdout.write(data.decode("utf-8"))


def run_registry(args: argparse.Namespace) -> int:
    from reviewer.app import ministry_desk as ops
    from reviewer.ministry.render import render

    with open_registry(args) as reg:
        report = ops.report(
            reg, args.candidate or None, args.year, "zh_CN" if args.format == "xlsx" else None
        )
        emit(render(report, args.format), args)
    return 0


def run_calibration(args: argparse.Namespace) -> int:
    from reviewer.ministry.render import render
    from reviewer.ministry.report_tables import report_language
    from reviewer.ministry.reports import calibration_report

    with open_registry(args) as reg, report_language("zh_CN" if args.format == "xlsx" else None):
        emit(render(calibration_report(reg), args.format), args)
    return 0


def run_register(args: argparse.Namespace) -> int:
    from reviewer.ministry.report_tables import status_words
    from reviewer.ministry.types import CandidateInfo

    info = CandidateInfo(args.name, args.type, args.province, args.city)
    with open_registry(args) as reg:
        reg.register(info, year=args.year, status=args.status)
        status = status_words(reg.candidate(args.name).status)
    print(
        str(
            T(
                "已登记“{name}”（{status}）。",
                "Registered “{name}” ({status}).",
                name=args.name,
                status=status,
            )
        )
    )
    return 0


def run_import(args: argparse.Namespace) -> int:
    from reviewer.app import ministry_desk as ops
    from reviewer.ministry.report_tables import status_words
    from reviewer.process import tuned_gc
    from reviewer.trust import open_authority

    authority = open_authority(args.authdir)
    keys = authority.unlock(passphrase_source(args))
    with open_registry(args) as reg, tuned_gc():  # this process now imports: fewer cycle collections
        outcomes = ops.import_bundles(reg, authority, keys, args.files, workers=args.workers)
    if args.format == "json":
        doc = [o.__dict__ for o in outcomes]
        sys.stdout.write(
            json.dumps({"files": doc, "summary": ops.import_summary(outcomes)}, ensure_ascii=False, indent=2)
            + "\n"
        )
    else:
        for o in outcomes:
            if o.ok:
                print(
                    f"{o.outcome:<10} {o.path}  {o.candidate}  {o.package_id} v{o.version}  → {status_words(o.status or '')}"
                )
            else:
                print(f"{o.outcome:<10} {o.path}  {o.message}")
        counts = ", ".join(f"{k} {v}" for k, v in sorted(ops.import_summary(outcomes).items()))
        print(str(T("合计：{counts}", "Total: {counts}", counts=counts)))
    return 0 if all(o.ok for o in outcomes) else Refused.exit_code

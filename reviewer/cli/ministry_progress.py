"""``reviewer ministry progress record|list`` and ``reviewer ministry flag set|clear|list``: creation
progress reports and the priority flags the ministry sets by hand (registered from :mod:`reviewer.cli.ministry`)."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from reviewer.i18n import T

if TYPE_CHECKING:
    from reviewer.ministry.report_tables import Table


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            str(T("日期须为 YYYY-MM-DD：{v}", "A date is YYYY-MM-DD: {v}", v=text))
        ) from None


def register(msub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from reviewer.cli.ministry import _db, _output

    p = msub.add_parser(
        "progress", help="creation progress reports (创建工作进展): record one, list due or overdue"
    )
    psub = p.add_subparsers(dest="progress_command", metavar="ACTION", required=True)
    rec = psub.add_parser(
        "record",
        help="record a received progress report (the file's name and SHA-256 are kept, not the file)",
    )
    _db(rec)
    rec.add_argument("name", help="the candidate (creating)")
    rec.add_argument("file", type=Path, metavar="FILE")
    rec.add_argument("--due", type=_day, required=True, metavar="YYYY-MM-DD", help="the due day it answers")
    rec.add_argument(
        "--received", type=_day, metavar="YYYY-MM-DD", help="day received (default: today, Beijing)"
    )
    rec.add_argument("--by", help="who records it (default: the system user)")
    rec.set_defaults(func=run_record)
    lst = psub.add_parser(
        "list",
        help="one candidate's due reports, or (without NAME) every overdue report of creating candidates",
    )
    _db(lst)
    lst.add_argument("name", nargs="?", help="the candidate (default: the overdue list)")
    lst.add_argument(
        "--today", type=_day, metavar="YYYY-MM-DD", help="as of this day (default: today, Beijing)"
    )
    _output(lst)
    lst.set_defaults(func=run_list)

    f = msub.add_parser("flag", help="priority flags set by hand, with their source (优先支持标记)")
    fsub = f.add_subparsers(dest="flag_command", metavar="ACTION", required=True)
    for action in ("set", "clear"):
        a = fsub.add_parser(
            action, help=f"{action} a priority flag, citing a document number or URL and its date"
        )
        _db(a)
        a.add_argument("name", help="the candidate")
        a.add_argument("flag", help="the flag's code in the rules file (priority.manual)")
        a.add_argument("--source", required=True, help="document number (文号) or URL")
        a.add_argument("--source-date", type=_day, required=True, metavar="YYYY-MM-DD")
        a.add_argument("--note", default="")
        a.add_argument("--by", help="who records it (default: the system user)")
        a.set_defaults(func=run_flag, action=action)
    fl = fsub.add_parser(
        "list", help="the flags in force with their sources, or one candidate's flag history"
    )
    _db(fl)
    fl.add_argument("name", nargs="?")
    _output(fl)
    fl.set_defaults(func=run_flag_list)


def run_record(args: argparse.Namespace) -> int:
    from reviewer.cli.ministry import open_registry
    from reviewer.ministry.progress import record_progress_report

    with open_registry(args) as reg:
        got = record_progress_report(
            reg, args.name, args.file, period_due=args.due, received=args.received, by=args.by
        )
    print(
        str(
            T(
                "已登记“{name}”{due}期的进展报告：{file}（SHA-256 {sha}），收到日期 {received}。",
                "Recorded the progress report of “{name}” due {due}: {file} (SHA-256 {sha}), received {received}.",
                name=got.candidate,
                due=got.period_due.isoformat(),
                file=got.file_name,
                sha=got.sha256,
                received=got.received.isoformat(),
            )
        )
    )
    return 0


def _emit_tables(args: argparse.Namespace, title: tuple[str, str], tables: tuple[Table, ...]) -> None:
    from reviewer.cli.ministry import emit
    from reviewer.ministry.render import render
    from reviewer.ministry.report_tables import Report

    emit(render(Report(title[0], title[1], tables), args.format), args)


def run_list(args: argparse.Namespace) -> int:
    from reviewer.cli.ministry import open_registry
    from reviewer.ministry.lifecycle_tables import overdue_table, progress_table
    from reviewer.ministry.progress import beijing_today
    from reviewer.ministry.report_tables import report_language

    today = args.today or beijing_today()
    with open_registry(args) as reg, report_language("zh_CN" if args.format == "xlsx" else None):
        if args.name:
            table = progress_table(reg, args.name, today)
            title = (f"{args.name}：创建工作进展报告", f"{args.name}: creation progress reports")
        else:
            table = overdue_table(reg, today)
            title = ("逾期未报的创建工作进展", "Overdue progress reports")
        _emit_tables(args, title, (table,))
    return 0


def run_flag(args: argparse.Namespace) -> int:
    from reviewer.cli.ministry import open_registry
    from reviewer.ministry.priority import clear_flag, set_flag

    change = set_flag if args.action == "set" else clear_flag
    with open_registry(args) as reg:
        fact = change(
            reg,
            args.name,
            args.flag,
            source=args.source,
            source_date=args.source_date,
            note=args.note,
            by=args.by,
        )
        flags = reg.candidate(args.name).flags
    done = (
        T(
            "已为“{name}”设置标记 {flag}",
            "Set the flag {flag} on “{name}”",
            name=fact.candidate,
            flag=fact.flag,
        )
        if args.action == "set"
        else T(
            "已撤销“{name}”的标记 {flag}",
            "Cleared the flag {flag} of “{name}”",
            name=fact.candidate,
            flag=fact.flag,
        )
    )
    print(f"{done}（{fact.source}，{fact.source_date.isoformat()}）: {', '.join(flags) or '—'}")
    return 0


def run_flag_list(args: argparse.Namespace) -> int:
    from reviewer.cli.ministry import open_registry
    from reviewer.ministry.lifecycle_tables import flag_history_table, flags_table
    from reviewer.ministry.report_tables import report_language

    with open_registry(args) as reg, report_language("zh_CN" if args.format == "xlsx" else None):
        if args.name:
            table = flag_history_table(reg, args.name)
            title = (f"{args.name}：优先支持标记记录", f"{args.name}: priority flag history")
        else:
            table = flags_table(reg)
            title = ("优先支持标记（依据）", "Priority flags set by the ministry (sources)")
        _emit_tables(args, title, (table,))
    return 0

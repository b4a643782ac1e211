"""``reviewer ministry cohort evaluate|publish|export``: the annual cohort evaluation of a type."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from reviewer.i18n import T

if TYPE_CHECKING:
    from reviewer.ministry.cohort_store import StoredCohort

DB_HELP = "the registry database: a SQLAlchemy URL or a SQLite file path"


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--type", choices=("city", "park"), required=True)
    p.add_argument("--db", required=True, metavar="URL", help=DB_HELP)
    p.add_argument("--registry-rules", metavar="FILE", help="registry rules JSON (default: shipped)")


def _evaluation(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--rules", metavar="FILE", help="cohort rules JSON (default: the shipped cohort-rules.json)"
    )
    p.add_argument(
        "--standard",
        action="append",
        default=[],
        metavar="FILE",
        help="a standard file to look up by id (repeatable)",
    )


def register(msub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from reviewer.cli.ministry_lifecycle import _date

    p = msub.add_parser(
        "cohort", help="annual cohort evaluation: ranking, stars, 公示 list and 通告 / 年度评估"
    )
    csub = p.add_subparsers(dest="cohort_command", metavar="ACTION", required=True)

    ev = csub.add_parser("evaluate", help="rank the year's title holders of a type and keep a draft")
    _common(ev)
    _evaluation(ev)
    ev.set_defaults(func=run_evaluate)

    pub = csub.add_parser(
        "publish",
        help="publish the newest draft (checked against the registry now, with the same rules and "
        "standards): its stars become the year's ratings",
    )
    _common(pub)
    _evaluation(pub)
    pub.set_defaults(func=run_publish)

    ex = csub.add_parser(
        "export", help="write the 公示 list or the 通告 as XLSX or PDF (by the file's suffix)"
    )
    _common(ex)
    ex.add_argument("--kind", choices=("publicity", "notice"), default="notice")
    ex.add_argument("--date", type=_date, help="date of issue, YYYY-MM-DD (default: today, Beijing)")
    ex.add_argument("out", metavar="OUT.xlsx|OUT.pdf")
    ex.set_defaults(func=run_export)


def _print(stored: StoredCohort) -> None:
    r = stored.result
    state = T("已发布", "published") if stored.status == "published" else T("草稿", "draft")
    what = T("名城", "cities") if r.type == "city" else T("名园", "parks")
    head = T("{year} 年度评估（{type}）第 {v} 版，{state}", "Cohort {year} ({type}) version {v}, {state}",
             year=r.year, type=what, v=stored.version, state=state)  # fmt: skip
    print(str(head))
    for row in r.rows:
        rank = "-" if row.rank is None else str(row.rank)
        total = "" if row.total is None else str(row.total)
        print(f"{rank:>4}  {row.name}  {total}  {'★' * row.stars}  {row.note_text()}".rstrip())
    for name in r.excluded:
        print(str(T("未列入（未报送）：{name}", "Not listed (no data return): {name}", name=name)))


def run_evaluate(args: argparse.Namespace) -> int:
    from reviewer.app import ministry_cohort as ops

    with ops.open_registry(args.db, args.registry_rules) as reg:
        _print(ops.evaluate(reg, args.year, args.type, rules=args.rules, standards=tuple(args.standard)))
    return 0


def run_publish(args: argparse.Namespace) -> int:
    from reviewer.app import ministry_cohort as ops

    with ops.open_registry(args.db, args.registry_rules) as reg:
        _print(ops.publish(reg, args.year, args.type, rules=args.rules, standards=tuple(args.standard)))
    return 0


def run_export(args: argparse.Namespace) -> int:
    from reviewer.app import ministry_cohort as ops

    with ops.open_registry(args.db, args.registry_rules) as reg:
        path = ops.export(reg, args.year, args.type, args.kind, args.out, issued=args.date)
    print(str(T("已写入 {path}", "Written to {path}", path=str(path))))
    return 0

"""``reviewer ministry apply|paper-check|third-party|publicity open|publicity decide``: the lifecycle.

A candidate's application (with the files the desk received, each recorded by SHA-256), the ministry's
paper check against the rules' checklist, a third-party institution's report on a park's application,
and the publicity (公示): opened with explicit dates, decided after its end.
"""

from __future__ import annotations

import argparse
from datetime import date

from reviewer.i18n import T


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            str(T("日期格式应为 YYYY-MM-DD：{v}", "A date is written YYYY-MM-DD: {v}", v=text))
        ) from None


def _codes(values: list[str] | None) -> list[str]:
    return [c.strip() for v in values or () for c in v.split(",") if c.strip()]


def register(msub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from reviewer.cli.ministry import _db

    app = msub.add_parser(
        "apply", help="file a candidate's application (申请) with the documents the desk received"
    )
    _db(app)
    app.add_argument("name")
    app.add_argument("--type", choices=("city", "park"), required=True)
    app.add_argument("--province", default="")
    app.add_argument("--city", default="", help="the city (for a park: the city it lies in)")
    app.add_argument("--year", type=int, required=True)
    app.add_argument(
        "documents",
        nargs="+",
        metavar="FILE",
        help="the documents received (申请表, 创建工作方案, 申请函...): recorded by name and SHA-256",
    )
    app.set_defaults(func=run_apply)

    chk = msub.add_parser(
        "paper-check",
        help="the ministry's paper check (形式审查) of an application against the rules' checklist",
        description="Without --pass/--fail, print the checklist of the candidate's type. Every item must "
        "be answered: --met CODE,... and --not-met CODE,...",
    )
    _db(chk)
    chk.add_argument("name")
    chk.add_argument("--met", action="append", metavar="CODES", help="checklist items met (comma-separated)")
    chk.add_argument("--not-met", action="append", metavar="CODES", help="checklist items not met")
    verdict = chk.add_mutually_exclusive_group()
    verdict.add_argument("--pass", dest="passed", action="store_true", default=None, help="the check passes")
    verdict.add_argument("--fail", dest="passed", action="store_false", help="the check fails (give --note)")
    chk.add_argument("--note", default="", help="why it failed, or a remark")
    chk.set_defaults(func=run_paper_check)

    tp = msub.add_parser(
        "third-party", help="record a third-party institution's (第三方机构) report on a park's application"
    )
    _db(tp)
    tp.add_argument("name")
    tp.add_argument("report", metavar="FILE", help="the report file (recorded by name and SHA-256)")
    tp.add_argument("--institution", required=True)
    tp.set_defaults(func=run_third_party)

    pub = msub.add_parser("publicity", help="the publicity (公示) of a passed creation review: open, decide")
    psub = pub.add_subparsers(dest="publicity_command", metavar="ACTION", required=True)
    op = psub.add_parser("open", help="open the publicity with a start date and a length, or an end date")
    _db(op)
    op.add_argument("name")
    op.add_argument("--start", type=_date, required=True, metavar="YYYY-MM-DD")
    span = op.add_mutually_exclusive_group()
    span.add_argument("--days", type=int, metavar="N", help="the length (default: the rules')")
    span.add_argument("--end", type=_date, metavar="YYYY-MM-DD", help="the last day, instead of a length")
    op.add_argument(
        "--unit", choices=("working_days", "calendar_days"), help="how --days count (default: the rules')"
    )
    op.set_defaults(func=run_publicity_open)
    dec = psub.add_parser(
        "decide", help="close the publicity after its end: confirm the title or record an objection"
    )
    _db(dec)
    dec.add_argument("name")
    dec.add_argument("--year", type=int, required=True)
    outcome = dec.add_mutually_exclusive_group(required=True)
    outcome.add_argument("--confirm", action="store_true", help="no objection: award the title")
    outcome.add_argument("--objection", metavar="REASON", help="an objection upheld: back to creating")
    dec.set_defaults(func=run_publicity_decide)


def _now_is(name: str, status: str) -> None:
    from reviewer.ministry.report_tables import status_words

    print(
        str(T("“{name}”现为：{status}", "“{name}” is now: {status}", name=name, status=status_words(status)))
    )


def run_apply(args: argparse.Namespace) -> int:
    from reviewer.cli.ministry import open_registry
    from reviewer.ministry.lifecycle import received_document
    from reviewer.ministry.types import CandidateInfo

    docs = [received_document(path) for path in args.documents]
    info = CandidateInfo(args.name, args.type, args.province, args.city)
    with open_registry(args) as reg:
        status = reg.apply(info, year=args.year, documents=docs)
    for d in docs:
        print(f"{d.sha256}  {d.name}")
    _now_is(args.name, status)
    return 0


def run_paper_check(args: argparse.Namespace) -> int:
    from reviewer.cli.ministry import open_registry
    from reviewer.errors import UsageError
    from reviewer.i18n import language

    with open_registry(args) as reg:
        checklist = reg.rules.checklist(reg.candidate(args.name).info.type)
        if args.passed is None:
            zh = language() == "zh_CN"
            for item in checklist.items:
                print(f"{item.code:<20} {item.zh if zh else item.en}")
            return 0
        answers = dict.fromkeys(_codes(args.met), True) | dict.fromkeys(_codes(args.not_met), False)
        if set(_codes(args.met)) & set(_codes(args.not_met)):
            raise UsageError(T("同一条目不能既满足又不满足。", "An item cannot be both met and not met."))
        status = reg.paper_check(args.name, answers, passed=args.passed, note=args.note)
    _now_is(args.name, status)
    return 0


def run_third_party(args: argparse.Namespace) -> int:
    from reviewer.cli.ministry import open_registry
    from reviewer.ministry.lifecycle import received_document

    doc = received_document(args.report)
    with open_registry(args) as reg:
        reg.attach_third_party_report(
            args.name, institution=args.institution, file_name=doc.name, sha256=doc.sha256
        )
    print(f"{doc.sha256}  {doc.name}")
    return 0


def run_publicity_open(args: argparse.Namespace) -> int:
    from reviewer.cli.ministry import open_registry

    with open_registry(args) as reg:
        entry = reg.open_publicity(
            args.name, start=args.start, length=args.days, unit=args.unit, end=args.end
        )
    print(
        str(
            T(
                "“{name}”公示期：{start} 至 {end}（北京时间，含首尾两日）。",
                "Publicity of “{name}”: {start} to {end} (Beijing time, both days included).",
                name=args.name,
                start=entry.starts.isoformat(),
                end=entry.ends.isoformat(),
            )
        )
    )
    return 0


def run_publicity_decide(args: argparse.Namespace) -> int:
    from reviewer.cli.ministry import open_registry

    with open_registry(args) as reg:
        status = reg.decide_publicity(
            args.name, year=args.year, confirmed=bool(args.confirm), reason=args.objection or ""
        )
    _now_is(args.name, status)
    return 0

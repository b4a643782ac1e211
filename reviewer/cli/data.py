"""``reviewer data template|check``: the candidate's annual data template (XLSX) and its checker."""

from __future__ import annotations

import argparse

from reviewer.i18n import T, language


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("data", help="annual data return: the XLSX template and its checker / 年度数据报送表")
    dsub = p.add_subparsers(dest="data_command", metavar="ACTION", required=True)

    tpl = dsub.add_parser("template", help="write the XLSX template a city or park fills with its figures")
    tpl.add_argument("--type", choices=("city", "park"), required=True)
    tpl.add_argument("--year", type=int, required=True, help="the year the figures are of")
    tpl.add_argument("--candidate", metavar="NAME", default="", help="fill in the candidate's name")
    tpl.add_argument("out", metavar="OUT.xlsx")
    tpl.set_defaults(func=run_template)

    chk = dsub.add_parser(
        "check",
        help="check a filled template: every problem with its cell; exit 0 when it can be submitted",
    )
    chk.add_argument("file", metavar="FILE.xlsx")
    chk.set_defaults(func=run_check)


def run_template(args: argparse.Namespace) -> int:
    from reviewer.files import write_atomic
    from reviewer.ministry.data_template import make_template

    path = write_atomic(args.out, make_template(args.type, args.year, args.candidate))
    print(str(T("已写入 {path}", "Written to {path}", path=str(path))))
    return 0


def run_check(args: argparse.Namespace) -> int:
    from reviewer.ministry.data_template import check_file
    from reviewer.ministry.figures import load_catalogue

    checked = check_file(args.file)
    catalogue = load_catalogue()
    lang = "en" if language() == "en" else "zh"
    print(
        str(
            T(
                "检查通过：“{name}” {year} 年度，{n} 项指标。",
                "The return is good: “{name}”, {year}, {n} figures.",
                name=checked.candidate,
                year=checked.year,
                n=len(checked.figures),
            )
        )
    )
    for code, value in checked.figures.items():
        f = catalogue.get(code)
        print(f"  {f.name(lang)} ({code}): {value} {f.unit(lang)}")
    return 0

"""``reviewer demo [--suite sm]``: build (or reuse) the demo authority, panel and sealed package, then
open the GUI. ``--suite sm`` builds the same demo in the SM suite, in ``<data dir>/demo-sm``."""

from __future__ import annotations

import argparse

from reviewer.i18n import T


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "demo",
        help="build the demo (authority, panel, sealed sample package) and open it / 演示",
        description="Build in <data dir>/demo a demo ministry authority, a chair and six experts, a sealed "
        "sample park-creation package, and in result/ a worked example of the whole procedure (a change "
        "put to the panel's vote, a member's own dissent, a member's refusal to sign, the record closed by "
        "the chair and the result file for the ministry), and in ministry-year/ the ministry's year (15 fictional "
        "cities and 20 parks, their data returns, the annual evaluation; the authority's registry.sqlite3 holds "
        "them); reuse them when already built. Demo keys use a "
        "published passphrase (see the demo folder's README.md). Then open the desktop application "
        "unless --no-gui.",
    )
    p.add_argument("--no-gui", action="store_true", help="build only; do not open the application")
    p.add_argument(
        "--suite",
        choices=("nist", "sm"),
        default="nist",
        help="the demo's algorithm suite: nist (ECDSA P-256 / X25519 / AES-256-GCM, default, in <data dir>/demo) "
        "or sm (国密 SM2 / SM3 / SM4: the same demo built by an SM authority, in <data dir>/demo-sm)",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from reviewer.cli.authority import suite_line
    from reviewer.demo.ministry_year import build_ministry_year
    from reviewer.demo.package import DEMO_PASSPHRASE, build_demo, demo_folder_name
    from reviewer.demo.result import build_demo_result
    from reviewer.paths import data_dir
    from reviewer.trust.suites import by_name

    suite = by_name(getattr(args, "suite", "nist"))
    folder = data_dir(args.data_dir) / demo_folder_name(suite)
    demo = build_demo(folder, suite)
    result = build_demo_result(demo)
    year = build_ministry_year(demo.folder, demo.authority)
    if demo.reused:
        print(str(T("沿用已有的演示数据：{path}", "Reusing the demo in {path}", path=str(folder))))
    else:
        print(str(T("已生成演示数据：{path}", "Built the demo in {path}", path=str(folder))))
    print(str(T("评审包：{pkg}", "Package: {pkg}", pkg=str(demo.package))))
    if suite.short != "nist":  # the NIST demo's output is as it was
        print(suite_line(suite))
    print(
        str(
            T(
                "完整示例（已封闭的评审意见表、拒签声明、结果包）：{r}",
                "Worked example (the closed record, a refusal to sign, the result file): {r}",
                r=str(result.folder),
            )
        )
    )
    print(
        str(
            T(
                "部里的一年（示例名城名园、数据报送、年度评估）：{y}；登记册：{db}",
                "The ministry's year (fictional cities and parks, data returns, the annual evaluation): {y}; "
                "registry: {db}",
                y=str(year.folder),
                db=str(year.registry),
            )
        )
    )
    print(str(T("演示口令（不保密）：{p}", "Demo passphrase (not a secret): {p}", p=DEMO_PASSPHRASE)))
    if args.no_gui:
        return 0
    # Through `reviewer gui`, the one place the CLI loads Qt (the core stays Qt-free).
    from reviewer.cli import gui

    # Opened as the first expert (not the chair): what a newcomer to the panel sees first.
    expert = next((k for k in demo.identities if k != demo.chair), demo.chair)
    args.file = str(demo.package)
    args.identity = str(demo.identities[expert])
    args.passphrase = DEMO_PASSPHRASE
    args.start_on_review = True  # land on the review (declarations first on a fresh demo), ready to score
    return int(gui.run(args) or 0)

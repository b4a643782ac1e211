"""``reviewer gui``: open the desktop application (also what a bare ``reviewer`` does)."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("gui", help="open the desktop application (default) / 打开桌面应用")
    p.add_argument("file", nargs="?", help="a standard or package to open at start")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    # Imported here so that the rest of the CLI never loads Qt (the core stays Qt-free).
    from reviewer.ui.app import run_app

    return run_app(data_dir=args.data_dir, open_file=args.file, lang=args.lang)

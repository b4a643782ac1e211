"""``reviewer gui``: open the desktop application (also what a bare ``reviewer`` does)."""

from __future__ import annotations

import argparse
import os

from reviewer.errors import UsageError
from reviewer.i18n import T


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("gui", help="open the desktop application (default) / 打开桌面应用")
    p.add_argument("file", nargs="?", help="a standard (.json) or review package (.rvpkg) to open at start")
    p.add_argument("--identity", metavar="DIR", help="the identity folder that opens the package")
    p.add_argument(
        "--passphrase-env",
        metavar="NAME",
        help="environment variable holding the identity's (or the authority's) passphrase "
        "(else the OS keyring, else a dialog)",
    )
    p.add_argument(
        "--authority", metavar="DIR", help="open the ministry desk on this authority folder (Ministry mode)"
    )
    p.add_argument(
        "--db",
        metavar="URL",
        help="the ministry desk's registry database: a SQLite file or a SQLAlchemy URL "
        "(default: registry.sqlite3 in the authority folder)",
    )
    p.add_argument(
        "--exit-when-ready",
        action="store_true",
        help="exit as soon as the window is interactive (the file opened), printing 'ready <time>': "
        "for start-up measurements and smoke tests of an installed build",
    )
    p.set_defaults(func=run)


def _passphrase(args: argparse.Namespace) -> str | None:
    given = getattr(args, "passphrase", None)  # set by `reviewer demo`, never a command-line option
    if given:
        return str(given)
    name = getattr(args, "passphrase_env", None)
    if not name:
        return None
    value = os.environ.get(name)
    if not value:
        raise UsageError(
            T(
                "环境变量 {name} 未设置或为空；请设置为私钥口令后重试。",
                "The environment variable {name} is not set or empty; set it to the key's passphrase and try again.",
                name=name,
            )
        )
    return value


def show_error(message: str) -> None:
    """A failure before the window, in a message box: for ``reviewer-gui`` started from the desktop."""
    from reviewer.ui.app import show_startup_error

    show_startup_error(message)


def run(args: argparse.Namespace) -> int:
    # Imported here so that the rest of the CLI never loads Qt (the core stays Qt-free).
    from reviewer.ui.app import run_app

    return run_app(
        data_dir=args.data_dir,
        open_file=getattr(args, "file", None),
        lang=args.lang,
        identity_dir=getattr(args, "identity", None),
        passphrase=_passphrase(args),
        start_on_review=bool(getattr(args, "start_on_review", False)),
        authority_dir=getattr(args, "authority", None),
        db=getattr(args, "db", None),
        exit_when_ready=bool(getattr(args, "exit_when_ready", False)),
    )

"""The command line: one module per command group, each with ``register(subparsers)``.

Every command calls the same core functions the GUI uses; no logic lives here beyond parsing
arguments and printing. Expected failures are :class:`~reviewer.errors.ReviewerError` and end
with their documented exit code and a message that says what to do.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence

from reviewer import __version__, i18n
from reviewer.cli.safe_output import terminal_safe_output
from reviewer.errors import EXIT_CODES, NotAnArtifact, ReviewerError, disk_full
from reviewer.trust.names import terminal_text

# Each module defines ``register(subparsers)``; the order is the order shown in --help.
COMMAND_MODULES = [
    "reviewer.cli.gui",
    "reviewer.cli.standard",
    "reviewer.cli.authority",
    "reviewer.cli.identity",
    "reviewer.cli.package",
    "reviewer.cli.record",
    "reviewer.cli.demo",
    "reviewer.cli.sheet",
    "reviewer.cli.panel",
    "reviewer.cli.statement",
    "reviewer.cli.verify",
    "reviewer.cli.ministry",
    "reviewer.cli.data",
    "reviewer.cli.doctor",
    "reviewer.cli.docs",
]

GUI_MODULE = "reviewer.cli.gui"
GLOBAL_VALUED = ("--data-dir", "--lang")  # the global options that take a value
GLOBAL_FLAGS = ("-v", "--verbose")


def exit_code_help() -> str:
    lang = i18n.language()
    lines = ["退出码 / exit codes:" if lang != "en" else "exit codes:"]
    for code, (zh, en) in sorted(EXIT_CODES.items()):
        lines.append(f"  {code:>3}  {en if lang == 'en' else zh}")
    return "\n".join(lines)


def commands_for(argv: Sequence[str]) -> list[str]:
    """The command modules to register for ``argv``: only the GUI's when it starts the desktop app.

    ``reviewer`` alone and ``reviewer gui ...`` never need the other commands' parsers. Anything
    else, ``--help`` and ``--version`` included, gets every command: each command module imports at
    the top only what ``register`` needs, its run functions import the rest (pyHanko, SQLAlchemy,
    reportlab...; benchmark 8 in docs/performance.md, tests/cli/test_cli_imports.py).
    """
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in GLOBAL_VALUED:
            i += 2
        elif arg in GLOBAL_FLAGS or arg.startswith(tuple(f"{o}=" for o in GLOBAL_VALUED)):
            i += 1
        else:
            return [GUI_MODULE] if arg == "gui" else list(COMMAND_MODULES)
    return [GUI_MODULE]


def build_parser(commands: Sequence[str] = COMMAND_MODULES) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reviewer",
        description="中国软件名城/名园专家评审（离线）— offline expert review of China Software Famous Cities and Parks.",
        epilog=exit_code_help(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"reviewer {__version__}")
    parser.add_argument(
        "--data-dir",
        help="data folder (default: $REVIEWER_DATA_DIR, else data/ beside the app when portable.txt is "
        "there, else the platform's user data folder)",
    )
    parser.add_argument(
        "--lang", choices=["zh_CN", "en"], help="language of messages (default: $REVIEWER_LANG or zh_CN)"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log details to stderr")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in commands:
        importlib.import_module(name).register(sub)
    return parser


def freeze_support() -> None:
    """``multiprocessing.freeze_support()``, which does something only in the frozen app: elsewhere
    the ~10 ms import of :mod:`multiprocessing` is not paid by every command."""
    if getattr(sys, "frozen", False):
        import multiprocessing

        multiprocessing.freeze_support()


def _report(exc: ReviewerError, show: Callable[[str], None] | None = None) -> int:
    print(terminal_text(f"reviewer: {exc}"), file=sys.stderr)
    if show is not None:
        show(str(exc))
    if exc.detail:
        import logging

        logging.getLogger("reviewer").debug("%s", exc.detail)
    return exc.exit_code


def main(argv: Sequence[str] | None = None, *, show: Callable[[str], None] | None = None) -> int:
    """``reviewer ARGS``: the exit code. An expected failure is printed to stderr and, when ``show``
    is given (``reviewer-gui`` started from the desktop, where nobody sees stderr), shown by it too."""
    # First of all: in the frozen app, a worker process of the ministry import (spawned by
    # multiprocessing) starts this same executable, and this call runs the worker and exits.
    # Elsewhere it does nothing.
    freeze_support()
    argv = list(sys.argv[1:] if argv is None else argv)
    # The language must be known before --help is rendered.
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            i18n.set_language(argv[i + 1])
        elif arg.startswith("--lang="):
            i18n.set_language(arg.split("=", 1)[1])
    parser = build_parser(commands_for(argv))
    args = parser.parse_args(argv)
    import logging  # not before: `--help` and `--version` exit in parse_args and never log

    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )
    if args.command is None:
        args = parser.parse_args([*argv, "gui"])
    try:
        with terminal_safe_output():
            return int(args.func(args) or 0)
    except ReviewerError as exc:
        return _report(exc, show)
    except RecursionError as exc:
        # A parser that recurses (pyHanko's PDF reader) met a file nested thousands of levels deep;
        # the readers that know their format say so themselves, this is the net under the others.
        return _report(
            NotAnArtifact(
                i18n.T(
                    "输入文件结构嵌套过深，无法读取：它不是有效的 reviewer 文件。",
                    "An input file is nested too deeply to be read: it is not a valid reviewer file.",
                ),
                detail=repr(exc),
            ),
            show,
        )
    except Exception as exc:
        # A full disk met outside write_atomic (SQLite's "database or disk is full", a library's
        # own write) is still an expected failure with a message that says what to do.
        full = disk_full(exc)
        if full is None:
            raise
        return _report(full, show)
    except KeyboardInterrupt:
        print("reviewer: interrupted / 已中断", file=sys.stderr)
        return 130


def gui_main() -> int:
    """``reviewer-gui [FILE]``: the desktop app (no console window on Windows), opening ``FILE``.

    The same as ``reviewer gui [FILE]``; the global options (``--lang``, ``--data-dir``, ``-v``) may
    come first, the gui command's own (``--identity``...) anywhere after them.
    """
    freeze_support()
    argv = gui_argv(sys.argv[1:])
    unseen = sys.stderr is None or not sys.stderr.isatty()
    if unseen and "--exit-when-ready" not in argv:  # a smoke test or benchmark reads stderr instead
        from reviewer.cli.gui import show_error

        return main(argv, show=show_error)
    return main(argv)


def gui_argv(argv: Sequence[str]) -> list[str]:
    """``argv`` of ``reviewer-gui`` as the arguments of ``reviewer``: ``gui`` after the global options."""
    argv = list(argv)
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in GLOBAL_VALUED:
            i += 2
        elif arg in GLOBAL_FLAGS or arg.startswith(tuple(f"{o}=" for o in GLOBAL_VALUED)):
            i += 1
        else:
            break
    if argv[i : i + 1] in (["gui"], ["--help"], ["-h"], ["--version"]):
        return argv
    return [*argv[:i], "gui", *argv[i:]]

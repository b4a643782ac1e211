"""Start-up cost: what the app does not import before its window is up (docs/performance.md, app start).

benchmarks/bench_startup.py measured ~0.5 s of the app's start in importing pyHanko through the
chair panel; it is imported when a chair opens a package. The local store (SQLAlchemy, Alembic) is
imported on a worker when a package opens, reportlab when a sheet's PDF is written.
"""

from __future__ import annotations

import os
import subprocess
import sys


def test_the_app_starts_without_importing_pyhanko() -> None:
    code = (
        "import sys, reviewer.ui.app; print(sorted(m for m in sys.modules if m.split('.')[0] == 'pyhanko'))"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.strip() == "[]"


def test_the_window_needs_neither_the_store_nor_reportlab() -> None:
    heavy = {"sqlalchemy", "alembic", "reportlab", "pyhanko"}
    code = f"import sys, reviewer.ui.app; print(sorted({{m.split('.')[0] for m in sys.modules}} & {heavy!r}))"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.strip() == "[]"


def test_reviewer_alone_or_gui_registers_only_the_gui_command() -> None:
    from reviewer.cli import COMMAND_MODULES, GUI_MODULE, commands_for

    for argv in (
        [],
        ["gui"],
        ["--lang", "en"],
        ["--data-dir", "d", "-v", "gui", "x.rvpkg"],
        ["--lang=en", "gui"],
    ):
        assert commands_for(argv) == [GUI_MODULE], argv
    for argv in (
        ["--help"],
        ["--version"],
        ["verify", "x"],
        ["--data-dir", "gui", "ministry"],
        ["-h", "gui"],
    ):
        assert commands_for(argv) == COMMAND_MODULES, argv


def test_starting_the_app_from_the_command_line_imports_no_other_command() -> None:
    heavy = {"sqlalchemy", "alembic", "reportlab", "pyhanko"}
    code = (
        "import sys, reviewer.cli as cli; "
        "args = cli.build_parser(cli.commands_for(['gui'])).parse_args(['gui', 'x.rvpkg']); "
        "assert args.func.__module__ == 'reviewer.cli.gui', args; "
        f"print(sorted({{m.split('.')[0] for m in sys.modules}} & {heavy!r}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"

"""``reviewer doctor``: check that this installation works, one line per check.

Exit 0 when every check holds (warnings ⚠ do not count), else 5 (installation or environment
problem). Nothing is written outside temporary folders; the data folder is only reported.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import TYPE_CHECKING

from reviewer.errors import SetupError
from reviewer.i18n import T

if TYPE_CHECKING:
    from reviewer.doctor import Named


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "doctor",
        help="check that this installation works / 自检",
        description="Check the installed app: shipped resources, fonts, PDF display, translations, keyring, "
        "database migrations, the PostgreSQL driver, worker processes, the demo package and the desktop window "
        "opening it. One line per "
        "check; exit 0 when all hold (warnings do not count), else 5. Works without a display; writes only "
        "to temporary folders.",
    )
    p.add_argument("--json", action="store_true", help="print the results as JSON")
    p.set_defaults(func=run)


def headless_if_needed() -> None:
    """No display on Linux (an SSH session, a server): Qt draws offscreen, unless told otherwise."""
    if (
        sys.platform.startswith("linux")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
        and "QT_QPA_PLATFORM" not in os.environ
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def qt_checks() -> tuple[list[Named], list[Named]]:
    """The Qt checks shown beside the PDF font, and the desktop window's shown after the demo package;
    or one failing check saying why Qt cannot be loaded (and no window check)."""
    from reviewer.doctor import Named, failed

    headless_if_needed()
    try:
        # The one place besides `reviewer gui` where the CLI loads Qt (a declared gateway).
        from reviewer.ui import doctor_checks
    except Exception as exc:
        name = T("Qt 界面库", "Qt (PySide6)")
        problem = failed(
            "qt", name, T("无法加载：{err}", "cannot be loaded: {err}", err=f"{type(exc).__name__}: {exc}")
        )
        return [Named("qt", name, lambda: problem)], []
    return doctor_checks.qt_checks(), doctor_checks.window_checks()


def run(args: argparse.Namespace) -> int:
    from reviewer.doctor import CheckResult, healthy, run_checks
    from reviewer.doctor.checks import core_checks, data_folder

    checks = core_checks()
    beside_fonts, window = qt_checks()
    checks[2:2] = beside_fonts  # after resources and the PDF font: the fonts and translations together
    checks += window  # after the demo package: the same package, opened in the desktop window
    results: list[CheckResult] = [data_folder(args.data_dir)]
    if args.json:
        results += run_checks(checks)
    else:
        print(results[0].line(), flush=True)
        for result in run_checks(checks):
            print(result.line(), flush=True)
            results.append(result)
    if args.json:
        print(
            json.dumps(
                {"ok": healthy(results), "checks": [r.as_json() for r in results]},
                ensure_ascii=False,
                indent=2,
            )
        )
    if healthy(results):
        if not args.json:
            print(str(T("全部检查通过。", "All checks passed.")))
        return 0
    raise SetupError(
        T(
            "自检未通过（见上面标 ✘ 的行）。请重新安装本程序；若问题仍在，请把以上输出发给技术支持。",
            "The self-test failed (see the lines marked ✘ above). Reinstall the app; if that does not help, "
            "send the output above to support.",
        )
    )

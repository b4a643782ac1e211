"""Render the app's screenshots for the docs, offscreen: ``python scripts/screenshots.py``.

Builds the same main window ``reviewer gui`` shows (in a throw-away data folder, so the user's
settings are neither read nor changed), opens the sample park standard in Chinese, selects
indicator 1.1 and saves ``docs/screenshots/main-window-zh.png``; then the start page with the demo
package among the recent ones (``start-zh.png``) and 帮助 › 快捷键 (``shortcuts-zh.png``); then builds
the demo (as ``reviewer demo`` does), opens its sealed package as the first expert and saves
``docs/screenshots/package-zh.png`` and ``scoring-zh.png``.

With ``--1024`` (every ``scripts/screenshots*.py`` takes it) the windows are 1024×700, the size the
app must stay usable at, and the shots go to ``docs/screenshots/1024/`` (dialogs are left out).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # this checkout's app, not whichever `reviewer` the venv installed
    sys.path.insert(0, str(REPO))
SMALL = "--1024" in sys.argv[1:]


def screen(size: tuple[int, int]) -> tuple[Path, tuple[int, int]]:
    """Where the shots go and the windows' size: ``size`` in docs/screenshots, or 1024×700 in its 1024/."""
    if SMALL:
        return REPO / "docs" / "screenshots" / "1024", (1024, 700)
    return REPO / "docs" / "screenshots", size


OUT, SIZE = screen((1280, 800))


def settle() -> None:
    from PySide6.QtGui import QGuiApplication

    for _ in range(5):
        QGuiApplication.processEvents()


def save(widget: object, target: Path) -> bool:
    """Grab ``widget`` (a QWidget) into ``target``; say so (or that it failed)."""
    settle()
    ok = bool(widget.grab().save(str(target)))  # type: ignore[attr-defined]
    print(
        f"wrote {target.relative_to(REPO)}" if ok else f"could not write {target}",
        file=sys.stdout if ok else sys.stderr,
    )
    return ok


GUIDE_FLAGS = ("--guide", "--out", "--lang", "-h", "--help")


def guide_args(argv: list[str], role: str) -> tuple[Path, str] | None:
    """The guide's screenshots asked for (``--guide [--lang zh_CN|en] [--out DIR]``): the folder and
    language, or ``None`` for the docs' own set. One parser for the three roles' scripts."""
    if not any(a in argv for a in GUIDE_FLAGS):
        return None
    import argparse

    parser = argparse.ArgumentParser(
        prog=f"screenshots_{role}.py",
        description=f"Without options: the {role} screenshots of docs/screenshots. With --guide (or --out): "
        "the shipped guide's images of one language, 1024x700.",
    )
    parser.add_argument("--guide", action="store_true", help="the guide's images (implied by --out)")
    parser.add_argument("--lang", choices=("zh_CN", "en"), default="zh_CN", help="the UI language shot")
    parser.add_argument("--out", type=Path, help="default: reviewer/resources/guides/<lang>/images")
    opts = parser.parse_args(argv)
    return opts.out or REPO / "reviewer" / "resources" / "guides" / opts.lang / "images", opts.lang


def compile_translations() -> None:
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    for ts in sorted((REPO / "reviewer" / "resources" / "translations").glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True)


def main() -> int:
    compile_translations()
    # Imported here, after QT_QPA_PLATFORM is set.
    from PySide6.QtGui import QFont, QGuiApplication

    from reviewer.ui.app import application, create_main_window
    from reviewer.ui.tasks import ImmediateExecutor

    app = application()
    app.setFont(QFont("WenQuanYi Micro Hei", 10))
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as data:
        window = create_main_window(
            data_dir=data,
            open_file=REPO / "reviewer" / "resources" / "standards" / "sample-park-creation.json",
            lang="zh_CN",
            executor=ImmediateExecutor(),
        )
        window.resize(*SIZE)
        window.show()
        window.browser.setSizes([SIZE[0] * 19 // 32, SIZE[0] * 13 // 32])
        window.browser.criteria.select_code("1.1")
        for _ in range(5):
            QGuiApplication.processEvents()
        target = OUT / "main-window-zh.png"
        if not window.grab().save(str(target)):
            print(f"could not write {target}", file=sys.stderr)
            return 1
        window.close()
    print(f"wrote {target.relative_to(REPO)}")
    return start_screenshot()


def start_screenshot() -> int:
    """The start page, the demo package among the recent ones; then Help › Keyboard shortcuts."""
    from PySide6.QtWidgets import QDialog

    from reviewer.demo.package import build_demo
    from reviewer.ui.app import create_main_window
    from reviewer.ui.settings import Settings
    from reviewer.ui.tasks import ImmediateExecutor

    with tempfile.TemporaryDirectory() as data:
        demo = build_demo(Path(data) / "demo")
        settings = Settings(Path(data))
        settings.add_recent_package(demo.package)
        settings.sync()
        window = create_main_window(data_dir=data, lang="zh_CN", executor=ImmediateExecutor())
        window.resize(*SIZE)
        window.show()
        ok = save(window, OUT / "start-zh.png")
        if not SMALL:
            window.shortcuts_action.trigger()
            dialog = window.findChild(QDialog, "shortcutsDialog")
            ok = dialog is not None and save(dialog, OUT / "shortcuts-zh.png") and ok
        window.close()
    return package_screenshot() if ok else 1


def package_screenshot() -> int:
    """The demo package opened as its first expert: the verification result."""
    from PySide6.QtGui import QGuiApplication

    from reviewer.demo.package import DEMO_PASSPHRASE, build_demo
    from reviewer.ui.app import create_main_window
    from reviewer.ui.tasks import ImmediateExecutor

    with tempfile.TemporaryDirectory() as data:
        demo = build_demo(Path(data) / "demo")
        expert = next(k for k in demo.identities if k != demo.chair)
        window = create_main_window(
            data_dir=data,
            open_file=demo.package,
            lang="zh_CN",
            executor=ImmediateExecutor(),
            identity_dir=demo.identities[expert],
            passphrase=DEMO_PASSPHRASE,
        )
        window.resize(*SIZE)
        window.show()
        for _ in range(5):
            QGuiApplication.processEvents()
        target = OUT / "package-zh.png"
        if window.package_panel.review is None or not window.grab().save(str(target)):
            print(f"could not write {target}", file=sys.stderr)
            return 1
        window.close()
    print(f"wrote {target.relative_to(REPO)}")
    return scoring_screenshot()


def scoring_screenshot() -> int:
    """The demo package reopened as its first expert, declared, a few scores in, 1.5 selected."""
    from decimal import Decimal

    from PySide6.QtGui import QGuiApplication

    from reviewer.demo.package import DEMO_PASSPHRASE, build_demo
    from reviewer.scoring.workbench_types import Conflict
    from reviewer.ui.app import create_main_window
    from reviewer.ui.tasks import ImmediateExecutor

    with tempfile.TemporaryDirectory() as data:
        demo = build_demo(Path(data) / "demo")
        expert = next(k for k in demo.identities if k != demo.chair)
        window = create_main_window(
            data_dir=data,
            open_file=demo.package,
            lang="zh_CN",
            executor=ImmediateExecutor(),
            identity_dir=demo.identities[expert],
            passphrase=DEMO_PASSPHRASE,
        )
        ws = window.package_panel.workspace
        if ws is None:
            print("the demo package opened without a scoring workspace", file=sys.stderr)
            return 1
        ws.bench.declare(ws.review, Conflict.NONE)
        ws.bench.accept_pledge(ws.review)
        ws.refresh()
        for code, value in (("1.1", "6.5"), ("1.2", "5"), ("1.3", "3"), ("1.4", "3.5"), ("2.1", "4.5")):
            ws.set_score(code, Decimal(value))
        ws.write(lambda b, r: b.set_comment(r, "1.1", "孵化器入驻率高，载体建设规划完整。"))
        ws.write(lambda b, r: b.set_scratchpad(r, "约谈时追问：2025 年研发投入口径；核实孵化器面积。"))
        ws.refresh()
        ws.scoring.select_code("1.5")
        window.package_panel.tabs.setCurrentWidget(ws)
        window.resize(*SIZE)
        window.show()
        ws.scoring.setSizes([SIZE[0] * 7 // 16, SIZE[0] * 9 // 16])
        for _ in range(5):
            QGuiApplication.processEvents()
        target = OUT / "scoring-zh.png"
        if not window.grab().save(str(target)):
            print(f"could not write {target}", file=sys.stderr)
            return 1
        ws.close_writer()
        window.close()
    print(f"wrote {target.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

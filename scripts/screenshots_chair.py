"""Render the chair's sheets and matrix, offscreen: ``python scripts/screenshots_chair.py`` →
``docs/screenshots/chair-board-zh.png`` and ``docs/screenshots/matrix-zh.png`` (``--1024``: see
scripts/screenshots.py).

Builds the demo in a throw-away data folder (with its shipped sheets of 张玥, 陈燊 and 赵鑫 and the
recusal of 周淼), signs the chair's and 李喆's demo sheets too (so the quorum of five is met), opens
the package as the chair 王堃 in Chinese, imports every sheet through the chair's import view,
grabs the 评分表 tab with its status board, sorts the matrix by spread and selects 赵鑫's divergent
score on 2.1, then grabs the window.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))
from screenshots import save, screen  # noqa: E402

OUT, SIZE = screen((1600, 900))


def main() -> int:
    from screenshots import compile_translations

    compile_translations()
    from PySide6.QtGui import QFont, QGuiApplication

    from reviewer.demo.package import DEMO_PASSPHRASE, build_demo, source
    from reviewer.demo.sheets import SHEETS_DIR, write_demo_sheet
    from reviewer.packages import open_package
    from reviewer.scoring.sheet_binding import PackageBinding
    from reviewer.trust import load_identity
    from reviewer.ui.app import application, create_main_window
    from reviewer.ui.tasks import ImmediateExecutor

    app = application()
    app.setFont(QFont("WenQuanYi Micro Hei", 10))
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as data:
        demo = build_demo(Path(data) / "demo")
        sheets = list(demo.sheets)
        for key in (demo.chair, "li-zhe"):
            identity = load_identity(demo.identities[key], source())
            with open_package(demo.package, identity) as opened:
                binding = PackageBinding.of(opened)
            sheets.append(write_demo_sheet(binding, key, identity, demo.folder / SHEETS_DIR))
        window = create_main_window(
            data_dir=data,
            open_file=demo.package,
            lang="zh_CN",
            executor=ImmediateExecutor(),
            identity_dir=demo.identities[demo.chair],
            passphrase=DEMO_PASSPHRASE,
        )
        window.resize(*SIZE)
        window.show()
        panel = window.package_panel
        chair = panel.chair
        if chair is None:
            print("the chair's tab is missing", file=sys.stderr)
            return 1
        panel.tabs.setCurrentWidget(chair)
        chair.import_files(sorted(sheets))
        chair.tabs.setCurrentIndex(0)
        if not save(window, OUT / "chair-board-zh.png"):
            return 1
        chair.tabs.setCurrentWidget(chair.matrix)
        chair.matrix.sort_by_spread()
        zhao = load_identity(demo.identities["zhao-xin"], source()).fingerprint
        chair.matrix.select("2.1", zhao)
        for _ in range(5):
            QGuiApplication.processEvents()
        target = OUT / "matrix-zh.png"
        if chair.reconciliation is None or not window.grab().save(str(target)):
            print(f"could not write {target}", file=sys.stderr)
            return 1
        window.close()
    print(f"wrote {target.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

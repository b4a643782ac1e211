"""Render the chair's record screen, offscreen: ``python scripts/screenshots_record.py`` →
``docs/screenshots/chair-record-zh.png`` and its record viewer, ``record-viewer-zh.png``
(``--1024``: see scripts/screenshots.py).

Builds the demo in a throw-away data folder with the chair's, four experts' and 周淼's recusal sheets
(the same world as the GUI tests, ``tests/ui/chair_fixtures.py``), opens the package as the chair
王堃 in Chinese, imports the sheets, enters the opinion and the visit, produces the record, has 李喆
and 张玥 co-sign (their identity folders and the demo passphrase), then grabs the window.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))
sys.path.insert(0, str(REPO))
from screenshots import SMALL, save, screen  # noqa: E402

OUT, SIZE = screen((1600, 900))
SHEETS = ("wang-kun", "li-zhe", "zhang-yue-v2", "chen-shen", "zhao-xin", "zhou-miao-recusal")


def main() -> int:
    from screenshots import compile_translations

    compile_translations()
    from PySide6.QtGui import QFont, QGuiApplication

    from reviewer.demo.package import DEMO_PASSPHRASE
    from reviewer.ui.app import application, create_main_window
    from reviewer.ui.dialogs import cosign
    from reviewer.ui.tasks import ImmediateExecutor
    from tests.ui.chair_fixtures import build_chair_world

    app = application()
    app.setFont(QFont("WenQuanYi Micro Hei", 10))
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as data:
        world = build_chair_world(Path(data) / "world")
        window = create_main_window(
            data_dir=data,
            open_file=world.package,
            lang="zh_CN",
            executor=ImmediateExecutor(),
            identity_dir=world.chair,
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
        chair.import_files([world.sheets[s] for s in SHEETS])
        o = chair.opinion
        o.strengths.setPlainText("园区软件产业集聚度高，龙头企业带动作用明显。")
        o.problems.setPlainText("研发投入强度仍偏低。")
        o.recommendations.setPlainText("加强软件人才培养。")
        o.conclusion.setPlainText("专家组同意示例软件园通过评审。")
        o.save_button.click()
        page = chair.record
        page.visit.set_values(date(2026, 6, 15), date(2026, 6, 16), "江苏省南京市 示例软件园管理委员会")
        page.visit.save_button.click()
        page.produce()
        cosign.ask_member_passphrase = lambda parent, who: DEMO_PASSPHRASE
        for key in ("li-zhe", "zhang-yue"):
            cosign.choose_member_folder = lambda parent, start="", key=key: world.identities[key]
            page.cosign()
        chair.tabs.setCurrentWidget(page)
        for _ in range(40):  # the PDF view renders its page on a thread, after the layout settles
            QGuiApplication.processEvents()
            time.sleep(0.05)
        target = OUT / "chair-record-zh.png"
        if page.signed_count != 2 or not window.grab().save(str(target)):
            print(f"could not write {target} ({page.signed_count} signatures)", file=sys.stderr)
            return 1
        print(f"wrote {target.relative_to(REPO)}")
        if not SMALL:
            page.viewer.go_to_page(page.viewer.page_count)  # the signature page
            if not save(page.viewer, OUT / "record-viewer-zh.png"):
                return 1
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

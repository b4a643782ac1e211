"""Render the ministry desk's screenshots, offscreen: ``python scripts/screenshots_ministry.py`` →
``docs/screenshots/ministry-experts-zh.png`` and ``docs/screenshots/ministry-registry-zh.png``.

Builds the demo authority (six members and a sealed package) in a throw-away folder, revokes one
member's credential with a reason, seeds a registry database with the multi-year history the
registry tests use (tests/ministry/seed.py), opens the desk in Chinese and grabs the experts page and
the registry page with 南京市's history (★★★, ★, ★★, ★, ★ → exit) selected.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))
sys.path.insert(0, str(REPO))
OUT = REPO / "docs" / "screenshots"
SIZE = (1600, 900)


def main() -> int:
    from screenshots import compile_translations

    compile_translations()
    from PySide6.QtGui import QFont, QGuiApplication

    from reviewer.demo.package import DEMO_PASSPHRASE, build_demo, source
    from reviewer.ministry.desk import credential_of, enrolled_experts
    from reviewer.ministry.registry import Registry
    from reviewer.trust import open_authority
    from reviewer.ui.app import application, create_main_window
    from reviewer.ui.tasks import ImmediateExecutor
    from tests.ministry.seed import seed

    app = application()
    app.setFont(QFont("WenQuanYi Micro Hei", 10))
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as data:
        demo = build_demo(Path(data) / "demo")
        authority = open_authority(demo.authority)
        leaving = enrolled_experts(authority)[-1]
        authority.revoke(credential_of(authority, leaving), "笔记本电脑遗失，已重新签发", source())
        db = Path(data) / "registry.sqlite3"
        with Registry.open(db) as reg:
            seed(reg)
        window = create_main_window(
            data_dir=data,
            lang="zh_CN",
            executor=ImmediateExecutor(),
            authority_dir=demo.authority,
            db=str(db),
            passphrase=DEMO_PASSPHRASE,
        )
        window.resize(*SIZE)
        window.show()
        desk = window.ministry_panel
        if desk is None:
            print("the ministry desk did not open", file=sys.stderr)
            return 1
        desk.experts.select(leaving.name)
        shots = []

        def grab(name: str) -> bool:
            for _ in range(5):
                QGuiApplication.processEvents()
            target = OUT / name
            shots.append(target)
            return window.grab().save(str(target))

        ok = grab("ministry-experts-zh.png")
        desk.tabs.setCurrentWidget(desk.registry)
        desk.registry.select("南京市")
        ok = grab("ministry-registry-zh.png") and ok
        window.close()
        desk.close_desk()
    if not ok:
        print("could not write the screenshots", file=sys.stderr)
        return 1
    for target in shots:
        print(f"wrote {target.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Render the panel vote and the members who do not sign, offscreen: ``python
scripts/screenshots_signing.py`` → ``docs/screenshots/motion-zh.png`` (the expert's 专家组表决 with the
demo's motion opened, a vote and a reservation) and ``docs/screenshots/record-unsigned-zh.png`` (the
chair's record page: 李喆 co-signed, 张玥 refused with reasons, 陈燊 recorded as not signed)
(``--1024``: see scripts/screenshots.py).
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
from screenshots import save, screen  # noqa: E402

OUT, SIZE = screen((1280, 800))
SHEETS = ("wang-kun", "li-zhe", "zhang-yue-v2", "chen-shen", "zhao-xin", "zhou-miao-recusal")


def settle() -> None:
    from PySide6.QtGui import QGuiApplication

    for _ in range(40):  # the PDF view renders its page on a thread, after the layout settles
        QGuiApplication.processEvents()
        time.sleep(0.05)


def motion_shot(data: Path) -> bool:
    from reviewer.demo.package import DEMO_PASSPHRASE, build_demo
    from reviewer.ui.app import create_main_window
    from reviewer.ui.tasks import ImmediateExecutor

    demo = build_demo(data / "demo")
    expert = next(k for k in demo.identities if k != demo.chair)
    window = create_main_window(
        data_dir=str(data),
        open_file=demo.package,
        lang="zh_CN",
        executor=ImmediateExecutor(),
        identity_dir=demo.identities[expert],
        passphrase=DEMO_PASSPHRASE,
        start_on_review=True,
    )
    ws = window.package_panel.workspace
    motion = data / "demo" / "votes" / "motion.rvmotion"
    if ws is None or not motion.exists():
        print("the demo package did not open as a review, or has no motion", file=sys.stderr)
        return False
    window.resize(*SIZE)
    window.show()
    ws.show_page("motion")
    page = ws.motion_page
    page.open_path(motion)
    if page.shown is None:
        print("the demo motion did not open", file=sys.stderr)
        return False
    for row in page.rows:
        row.choice.setCurrentIndex(1)
    if page.rows:
        page.rows[-1].choice.setCurrentIndex(2)
        page.rows[-1].reason.setText("现场核查显示该项证据充分，不宜下调。")
    page.opinion_choice.setCurrentIndex(1)
    page.dissent.setPlainText("本人对指标变更持保留意见：现场考察所见与申报材料一致。")
    ok = save(window, OUT / "motion-zh.png")
    window.close()
    return ok


def record_shot(data: Path) -> bool:
    from reviewer.demo.package import DEMO_PASSPHRASE
    from reviewer.ui.app import create_main_window
    from reviewer.ui.dialogs import cosign, errors
    from reviewer.ui.panels import record_unsigned
    from reviewer.ui.tasks import ImmediateExecutor
    from tests.ui.chair_fixtures import build_chair_world

    world = build_chair_world(data / "world")
    window = create_main_window(
        data_dir=str(data / "chair-data"),
        open_file=world.package,
        lang="zh_CN",
        executor=ImmediateExecutor(),
        identity_dir=world.chair,
        passphrase=DEMO_PASSPHRASE,
    )
    window.resize(*SIZE)
    window.show()
    panel, chair = window.package_panel, window.package_panel.chair
    if chair is None:
        print("the chair's tab is missing", file=sys.stderr)
        return False
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
    cosign.ask_member_passphrase = lambda parent, who: DEMO_PASSPHRASE  # the script answers the dialogs
    errors.confirm = lambda parent, title, text, action: True
    cosign.choose_member_folder = lambda parent, start="": world.identities["li-zhe"]
    page.cosign()
    cosign.choose_member_folder = lambda parent, start="": world.identities["zhang-yue"]
    record_unsigned.ask_refusal_reason = lambda parent, who: (
        "本人认为指标 1.1 的合议分数依据不足，不同意评审结论。"
    )
    page.refuse()
    chen = next(m.cert_sha256 for m in world.binding.roster if m.name == "陈燊")
    page.record_not_signed(chen, "陈燊")
    chair.tabs.setCurrentWidget(page)
    settle()
    ok = len(page.facts.by_prefix()) == 2 and save(window, OUT / "record-unsigned-zh.png")
    window.close()
    return ok


def main() -> int:
    from screenshots import compile_translations

    compile_translations()
    from PySide6.QtGui import QFont

    from reviewer.ui.app import application

    app = application()
    app.setFont(QFont("WenQuanYi Micro Hei", 10))
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as data:
        os.environ["REVIEWER_DATA_DIR"] = data
        if not motion_shot(Path(data) / "expert") or not record_shot(Path(data) / "chair"):
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

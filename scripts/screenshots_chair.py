"""Render the chair's sheets, matrix and panel vote, offscreen: ``python scripts/screenshots_chair.py``
→ ``docs/screenshots/chair-board-zh.png``, ``matrix-zh.png`` and ``chair-votes-zh.png`` (``--1024``:
see scripts/screenshots.py).

Builds the demo in a throw-away data folder (with its shipped sheets of 张玥, 陈燊 and 赵鑫 and the
recusal of 周淼), signs the chair's and 李喆's demo sheets too (so the quorum of five is met), opens
the package as the chair 王堃 in Chinese, imports every sheet through the chair's import view,
grabs the 评分表 tab with its status board, sorts the matrix by spread and selects 赵鑫's divergent
score on 2.1, then grabs the window. Then the panel's vote: a change of 2.1 on the ground 畸高、畸低
and the draft opinion put to the panel, 李喆 approving and 赵鑫 objecting with his own dissent (signed
with their keys, as 成员表决… does), the 专家组表决 page grabbed.
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
        print(f"wrote {target.relative_to(REPO)}")
        if not put_to_panel_and_vote(chair, demo):
            return 1
        chair.tabs.setCurrentWidget(chair.votes)
        if not save(window, OUT / "chair-votes-zh.png"):
            return 1
        window.close()
    return 0


def put_to_panel_and_vote(chair, demo) -> bool:
    """The chair's proposal and opinion put to the panel; two members' signed votes taken."""
    from decimal import Decimal

    from reviewer.app.panel_votes import sign_statement
    from reviewer.demo.package import source
    from reviewer.scoring.decisions import ConsensusDecision
    from reviewer.scoring.statement import Vote
    from reviewer.trust import load_identity
    from reviewer.ui.dialogs import errors
    from reviewer.ui.panels import chair_votes

    errors.confirm = lambda *args, **kwargs: True  # the chair confirms what goes into the motion
    chair_votes.choose_motion_path = lambda parent, suggested: None  # not saved as a file here
    change = ConsensusDecision(
        "2.1",
        Decimal("4.5"),
        "专家组复核研发投入统计口径后一致认定赵鑫评分畸高。",
        chair.actor,
        chair._now(),
        "extreme",
    )
    chair._decide(chair.decisions.with_consensus(change), "consensus", "2.1", change.rationale)
    chair._save_opinion(("产业集聚明显",), ("研发投入强度偏低",), ("加强人才培养",), "专家组同意通过评审。")
    chair.put_to_panel()
    motion = chair.held_votes.motion
    if motion is None:
        print("the motion was not made", file=sys.stderr)
        return False
    answers = (
        ("li-zhe", "approve", None, None),
        ("zhao-xin", "object", "口径一致，不应下调。", "本人保留原评分。"),
    )
    signed = []
    for key, vote, reason, dissent in answers:
        member = load_identity(demo.identities[key], source())
        data = sign_statement(
            member, chair.state, motion, votes=[Vote("2.1", vote, reason)], opinion="approve", dissent=dissent
        )
        signed.append((f"{key}.rvstatement", data))
    chair._import(lambda: signed)
    return True


if __name__ == "__main__":
    from screenshots import guide_args

    asked = guide_args(sys.argv[1:], "chair")
    if asked is not None:
        from screenshots_chair_guide import guide

        sys.exit(guide(*asked))
    sys.exit(main())

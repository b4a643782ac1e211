"""Render the finalise-and-sign screenshot for the expert's guide, offscreen:
``python scripts/screenshots_expert.py`` → ``docs/screenshots/sheet-preview-zh.png`` and
``docs/screenshots/finalise-zh.png`` (``--1024``: see scripts/screenshots.py).

``--guide [--lang zh_CN|en] [--out DIR]``: every screenshot of the shipped expert's guide instead
(:mod:`screenshots_expert_guide`), at 1024×700, in that language's UI, into
``reviewer/resources/guides/<lang>/images/expert-*.png`` (or ``DIR``).

Builds the demo in a throw-away data folder, opens its package as the first expert (as
``reviewer demo`` does), makes the declarations and scores every indicator through the workbench,
previews the whole sheet (the preview window grabbed), then signs it from the finalise page (the
save dialog answered by the script) and grabs the window showing the signed, verified, locked
result.
"""

from __future__ import annotations

import os
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))
from screenshots import SMALL, save, screen  # noqa: E402

OUT, SIZE = screen((1280, 800))


def main() -> int:
    from screenshots import guide_args

    if guide_args(sys.argv[1:], "expert") is not None:
        from screenshots_expert_guide import main as guide

        return guide(sys.argv[1:])
    from screenshots import compile_translations

    compile_translations()
    from PySide6.QtGui import QFont, QGuiApplication

    from reviewer.demo.package import DEMO_PASSPHRASE, build_demo
    from reviewer.scoring.workbench_types import Conflict, EligibilityState
    from reviewer.ui.app import application, create_main_window
    from reviewer.ui.dialogs import errors, sheet_files
    from reviewer.ui.tasks import ImmediateExecutor

    app = application()
    app.setFont(QFont("WenQuanYi Micro Hei", 10))
    with tempfile.TemporaryDirectory() as data:
        os.environ["REVIEWER_DATA_DIR"] = data  # the sheet archive goes there too
        demo = build_demo(Path(data) / "demo")
        expert = next(k for k in demo.identities if k != demo.chair)
        window = create_main_window(
            data_dir=data,
            open_file=demo.package,
            lang="zh_CN",
            executor=ImmediateExecutor(),
            identity_dir=demo.identities[expert],
            passphrase=DEMO_PASSPHRASE,
            start_on_review=True,
        )
        ws = window.package_panel.workspace
        if ws is None:
            print("the demo package did not open as a review", file=sys.stderr)
            return 1
        bench, review, standard = ws.bench, ws.review, ws.standard
        bench.declare(review, Conflict.NONE)
        bench.accept_pledge(review)
        for i, leaf in enumerate(standard.leaves()):
            step = leaf.step or Decimal(1)
            share = Decimal("0.78") + Decimal(i % 5) / 50
            bench.set_score(review, leaf.code, (leaf.points * share / step).to_integral_value() * step)
            bench.set_comment(review, leaf.code, "经核查申报材料与现场考察，情况属实。")
        for item in standard.yes_no:
            bench.answer_yes_no(review, item.code, True)
        for cond in standard.eligibility:
            bench.answer_eligibility(review, cond.code, EligibilityState.CONFIRMED)
        ws.refresh()
        out = Path(data) / "李喆-评分表-第1版.rvsheet"
        sheet_files.choose_sheet_path = lambda parent, suggested: out  # the script answers the dialog
        errors.confirm = lambda parent, title, text, action: True  # ... and confirms the signing
        window.resize(*SIZE)
        window.show()
        ws.show_page("finalise")
        page = ws.finalise_page
        if not SMALL:
            page.preview_button.click()
            preview = page.preview_dialog
            if preview is None or preview.page_count == 0 or not save(preview, OUT / "sheet-preview-zh.png"):
                print("the preview did not open", file=sys.stderr)
                return 1
            preview.reject()
        page.sign_button.click()
        for _ in range(5):
            QGuiApplication.processEvents()
        target = OUT / "finalise-zh.png"
        if ws.finalise_page.result is None or not window.grab().save(str(target)):
            print(f"could not write {target}", file=sys.stderr)
            return 1
        window.close()
    print(f"wrote {target.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

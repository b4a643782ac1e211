"""The GUI process killed after a pause in typing a comment: no Enter, no focus change, nothing else.

    QT_QPA_PLATFORM=offscreen python tests/crash/gui_commenter.py DATA_DIR STANDARD_JSON CODE TEXT

It builds the real scoring workspace (real background writer) over a store in ``DATA_DIR``, selects
indicator ``CODE``, types ``TEXT`` into the comment box key by key, prints ``typed`` and then only
runs the event loop, until it is killed. Whatever saves the comment must be the pause itself.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.crash.scorer import FINGERPRINT, PACKAGE_ID


def main(data_dir: str, standard_path: str, code: str, text: str) -> None:
    from PySide6.QtTest import QTest

    from reviewer.models import Store
    from reviewer.models.workbench import Workbench
    from reviewer.scoring.workbench_types import Conflict
    from reviewer.standards import load_standard
    from reviewer.ui.app import application
    from reviewer.ui.panels.review_workspace import ReviewWorkspace
    from tests.sealing import unlock_for_tests

    app = application()
    standard = load_standard(standard_path)
    store = unlock_for_tests(Store.open(data_dir))
    bench = Workbench(store)
    review = bench.open_review(PACKAGE_ID, FINGERPRINT, package_path="/crash.rvpkg", standard=standard)
    bench.declare(review, Conflict.NONE)
    bench.accept_pledge(review)
    workspace = ReviewWorkspace(bench, review, state=bench.snapshot(review))  # the real write lane
    workspace.show()
    workspace.scoring.select_code(code)
    QTest.keyClicks(workspace.scoring.editor.comment_edit, text)
    print("typed", flush=True)
    app.exec()


if __name__ == "__main__":
    main(*sys.argv[1:5])

"""The GUI process the crash test kills: the real scoring workspace, typed into, offscreen.

    QT_QPA_PLATFORM=offscreen python tests/crash/gui_scorer.py DATA_DIR STANDARD_JSON

It builds a :class:`~reviewer.ui.panels.review_workspace.ReviewWorkspace` over a store in
``DATA_DIR`` with the real background writer, then types save number ``i``
(:func:`tests.crash.scorer.plan`) into the score box and presses Enter, again and again. It prints
``i`` when the writer's ``saved`` signal for that score arrives — that is, after the workbench call
returned on the writer's thread — and only then types the next one.
"""

from __future__ import annotations

import os
import sys
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.crash.scorer import FINGERPRINT, PACKAGE_ID, leaf_plan, plan


def main(data_dir: str, standard_path: str) -> None:
    from PySide6.QtCore import QEventLoop, Qt
    from PySide6.QtTest import QTest
    from sqlalchemy import func, select

    from reviewer.models import Store
    from reviewer.models.orm import AuditRow
    from reviewer.models.workbench import Workbench
    from reviewer.scoring.workbench_types import Conflict
    from reviewer.standards import load_standard
    from reviewer.ui.app import application
    from reviewer.ui.dialogs import errors
    from reviewer.ui.panels.review_workspace import ReviewWorkspace
    from tests.sealing import unlock_for_tests

    app = application()
    standard = load_standard(standard_path)
    leaves = leaf_plan(standard)
    store = unlock_for_tests(Store.open(data_dir))
    bench = Workbench(store)
    review = bench.open_review(PACKAGE_ID, FINGERPRINT, package_path="/crash.rvpkg", standard=standard)
    bench.declare(review, Conflict.NONE)
    bench.accept_pledge(review)
    with store.reading() as s:
        start = s.scalar(
            select(func.count())
            .select_from(AuditRow)
            .where(AuditRow.entity == "score", AuditRow.action == "set")
        )
    # the real task helper: the app's serial write lane, off the GUI thread
    workspace = ReviewWorkspace(bench, review, state=bench.snapshot(review))
    workspace.show()
    saved: list[str] = []
    expected: dict[str, str] = {}

    def on_state(state: object) -> None:
        # a score shown as on disk (the state read right after its write returned): from now on
        # it must survive a kill
        code = expected.get("code")
        if code is not None and getattr(state, "scores", {}).get(code) == Decimal(expected["value"]):
            expected.clear()
            saved.append(code)
            print(current, flush=True)

    def on_failed(exc: BaseException) -> None:
        print(f"failed {exc!r}", file=sys.stderr, flush=True)
        os._exit(3)

    workspace.state_changed.connect(on_state)
    errors.report = lambda parent, exc: on_failed(exc)  # a failed write is reported: die loudly
    edit = workspace.scoring.editor.score_edit
    print(f"ready {start}", flush=True)
    current = start
    while True:
        code, value = plan(leaves, current)
        expected.update(code=code, value=value)
        workspace.scoring.select_code(code)
        edit.selectAll()
        QTest.keyClicks(edit, value)
        QTest.keyClick(edit, Qt.Key.Key_Return)
        while len(saved) <= current - start:
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
        current += 1


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

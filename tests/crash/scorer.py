"""The process the crash test kills: it scores in a loop and reports each save after it returned.

    python tests/crash/scorer.py DATA_DIR STANDARD_JSON

Save number ``i`` is fully determined by ``i`` (:func:`plan`), so the test can tell exactly which
values and audit entries must be in the store. The process resumes at the number of saves already
in the audit log, so every save it makes is a change (and writes one audit entry). After each
``set_score`` returns it prints ``i`` and flushes: from that moment the save must survive a kill.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # this checkout's reviewer and tests
from decimal import Decimal

from sqlalchemy import func, select

PACKAGE_ID = "CRASH-PKG"
FINGERPRINT = "SHA256:crash-test"


def plan(leaves: list[tuple[str, Decimal, Decimal]], i: int) -> tuple[str, str]:
    """Save ``i``: which indicator and which value. Consecutive saves of one indicator always differ."""
    code, points, step = leaves[i % len(leaves)]
    grid = int(points / step) + 1  # 0, step, 2·step … points
    value = (i // len(leaves)) % grid * step
    return code, str(value.normalize() if value else Decimal(0))


def leaf_plan(standard) -> list[tuple[str, Decimal, Decimal]]:  # type: ignore[no-untyped-def]
    return [(c.code, c.points, c.step or Decimal(1)) for c in standard.leaves()]


def main(data_dir: str, standard_path: str) -> None:
    from reviewer.models import Store
    from reviewer.models.orm import AuditRow
    from reviewer.models.workbench import Workbench
    from reviewer.scoring.workbench_types import Conflict
    from reviewer.standards import load_standard
    from tests.sealing import unlock_for_tests

    standard = load_standard(standard_path)
    leaves = leaf_plan(standard)
    store = unlock_for_tests(Store.open(data_dir))
    bench = Workbench(store)
    review = bench.open_review(PACKAGE_ID, FINGERPRINT, package_path="/crash.rvpkg", standard=standard)
    bench.declare(review, Conflict.NONE)  # no-ops once done
    bench.accept_pledge(review)
    with store.reading() as s:
        start = s.scalar(
            select(func.count())
            .select_from(AuditRow)
            .where(AuditRow.entity == "score", AuditRow.action == "set")
        )
    print(f"ready {start}", flush=True)
    i = start
    while True:
        code, value = plan(leaves, i)
        bench.set_score(review, code, value)
        print(i, flush=True)
        i += 1


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

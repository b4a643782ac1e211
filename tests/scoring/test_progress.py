"""Progress and what a sheet still lacks, computed from a real workbench state."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from reviewer.models import Store
from reviewer.models.workbench import Workbench
from reviewer.scoring.progress import MissingKind, missing, next_unscored, progress
from reviewer.scoring.workbench_types import Conflict, EligibilityState, Review
from reviewer.standards import Standard, load_standard

FP = "SHA256:progress"


@pytest.fixture
def standard(park_standard_path: Path) -> Standard:
    return load_standard(park_standard_path)


@pytest.fixture
def bench(data_dir: Path) -> Iterator[Workbench]:
    with Store.open() as store:
        yield Workbench(store)


@pytest.fixture
def review(bench: Workbench, standard: Standard) -> Review:
    return bench.open_review("PKG-P", FP, package_path="/p.rvpkg", standard=standard)


def test_progress_counts_leaves_and_sums_each_level1(standard: Standard) -> None:
    p = progress(standard, {"1.1": Decimal("6.5"), "1.2": Decimal("4"), "2.1": Decimal("0")})
    assert (p.scored, p.total) == (3, 19)
    assert p.points_scored == Decimal("10.5")
    one = p.subtotals["1"]
    assert (one.scored, one.total, one.points_scored, one.points) == (2, 5, Decimal("10.5"), Decimal(25))
    assert p.subtotals["2"].scored == 1 and p.subtotals["2"].points_scored == 0
    assert p.subtotals["6"].scored == 0 and not p.complete
    assert list(p.subtotals) == ["1", "2", "3", "4", "5", "6"]


def test_next_unscored_follows_the_standard_and_wraps(standard: Standard) -> None:
    scores = {"1.1": Decimal(1), "1.2": Decimal(1), "1.4": Decimal(1)}
    assert next_unscored(standard, scores) == "1.3"
    assert next_unscored(standard, scores, after="1.1") == "1.3"
    assert next_unscored(standard, scores, after="1.3") == "1.5"
    assert next_unscored(standard, scores, after="1") == "1.3"  # a level-1 code: its own leaves first
    assert next_unscored(standard, scores, after="6.3") == "1.3"  # wraps round
    assert next_unscored(standard, scores, after="V1") == "1.3"  # not a criterion: from the start
    everything = {leaf.code: Decimal(0) for leaf in standard.leaves()}
    assert next_unscored(standard, everything, after="2.1") is None
    del everything["1.1"]
    assert next_unscored(standard, everything, after="2.1") == "1.1"


def test_missing_lists_everything_then_nothing(bench: Workbench, review: Review, standard: Standard) -> None:
    first = missing(standard, bench.snapshot(review))
    kinds = [m.kind for m in first]
    assert kinds[:2] == [MissingKind.DECLARATION, MissingKind.PLEDGE]
    assert kinds.count(MissingKind.SCORE) == 19
    assert [m.code for m in first if m.kind is MissingKind.YES_NO] == ["V1"]
    assert [m.code for m in first if m.kind is MissingKind.ELIGIBILITY] == ["E1", "E2", "E3", "E4", "E5"]
    assert "1.1" in str(first[2].message)

    bench.declare(review, Conflict.NONE)
    bench.accept_pledge(review)
    for leaf in standard.leaves():
        bench.set_score(review, leaf.code, leaf.points / 2 - (leaf.points / 2) % Decimal("0.5"))
    bench.set_score(review, "1.1", "8")  # full marks: a comment is due
    bench.set_score(review, "1.2", "1")  # at or below 30 %: a comment is due
    bench.answer_yes_no(review, "V1", False)  # a "no" without its reason
    for cond in standard.eligibility:
        bench.answer_eligibility(review, cond.code, EligibilityState.CONFIRMED)
    left = missing(standard, bench.snapshot(review))
    assert [(m.kind, m.code) for m in left] == [
        (MissingKind.COMMENT, "1.1"),
        (MissingKind.COMMENT, "1.2"),
        (MissingKind.YES_NO, "V1"),
    ]
    assert "1.1" in left[0].message.render("en") and "comment" in left[0].message.render("en")

    bench.set_comment(review, "1.1", "每项均有据可查")
    bench.set_comment(review, "1.2", "规划缺失")
    bench.answer_yes_no(review, "V1", True)
    state = bench.snapshot(review)
    assert missing(standard, state) == ()
    assert progress(standard, state).complete


def test_a_flag_without_reason_and_a_recusal(bench: Workbench, review: Review, standard: Standard) -> None:
    bench.declare(review, Conflict.DECLARED, "曾为该园区提供咨询")
    left = missing(standard, bench.snapshot(review))
    assert left == ()  # recused: nothing else is due (a recusal sheet is signed instead)


def test_a_yes_no_no_with_reason_is_complete(bench: Workbench, review: Review, standard: Standard) -> None:
    bench.declare(review, Conflict.NONE)
    bench.accept_pledge(review)
    bench.answer_yes_no(review, "V1", False, "材料有伪造")
    bench.answer_eligibility(review, "E1", EligibilityState.FLAGGED, "面积不足")
    codes = {m.code for m in missing(standard, bench.snapshot(review)) if m.kind is not MissingKind.SCORE}
    assert codes == {"E2", "E3", "E4", "E5"}


def test_next_needing_comment_finds_a_score_whose_comment_is_required(standard: Standard) -> None:
    from reviewer.scoring.progress import next_needing_comment

    leaves = standard.leaves()
    full = {leaf.code: leaf.points for leaf in leaves[:3]}  # full points: a comment is required
    assert next_needing_comment(standard, full, {}) == leaves[0].code
    assert next_needing_comment(standard, full, {}, after=leaves[0].code) == leaves[1].code
    assert next_needing_comment(standard, full, {}, after=leaves[2].code) == leaves[0].code  # wraps
    commented = {leaf.code: "依据充分" for leaf in leaves[:3]}
    assert next_needing_comment(standard, full, commented) is None
    assert next_needing_comment(standard, {}, {}) is None  # an unscored leaf needs its score first

"""The words for what undo and redo will do, and did: bilingual, from the audit entries."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.models.workbench import Workbench
from reviewer.models.workbench_text import done_text, redo_label, undo_label
from reviewer.scoring.workbench_types import Conflict, EligibilityState, Review
from reviewer.standards import Standard, load_standard


@pytest.fixture
def review(bench: Workbench, park_standard_path: Path) -> Review:
    opened = bench.open_review(
        "PKG", "SHA256:fp", package_path="/p", standard=load_standard(park_standard_path)
    )
    bench.declare(opened, Conflict.NONE)
    bench.accept_pledge(opened)
    return opened


def both(text) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    return text.render("zh_CN"), text.render("en")


def test_the_undo_label_names_the_score_and_what_it_goes_back_to(bench: Workbench, review: Review):
    assert both(undo_label(bench.snapshot(review).undo_next)) == ("撤销", "Undo")
    bench.set_score(review, "1.1", "7")
    assert both(undo_label(bench.snapshot(review).undo_next)) == (
        "撤销：1.1 的评分 7 → 空",
        "Undo: score of 1.1, 7 → empty",
    )
    bench.set_score(review, "1.1", "6.5")
    assert both(undo_label(bench.snapshot(review).undo_next))[1] == "Undo: score of 1.1, 6.5 → 7"
    done = bench.undo(review)
    assert both(done_text(done)) == ("已撤销：1.1 的评分 6.5 → 7", "Undone: score of 1.1, 6.5 → 7")
    state = bench.snapshot(review)
    assert both(redo_label(state.redo_next)) == ("重做：1.1 的评分 7 → 6.5", "Redo: score of 1.1, 7 → 6.5")
    assert both(done_text(bench.redo(review)))[1] == "Redone: score of 1.1, 7 → 6.5"


def test_comments_answers_and_evidence_are_described_shortly(bench: Workbench, review: Review):
    bench.set_comment(review, "2.1", "园区孵化器入驻率达到百分之九十以上，材料齐全")
    zh, en = both(undo_label(bench.snapshot(review).undo_next))
    assert zh == "撤销：2.1 的评语 “园区孵化器入驻率达到百分之九十以…” → 空"
    assert en.startswith("Undo: comment on 2.1, “园区") and en.endswith("…” → empty")
    bench.answer_yes_no(review, "V1", False, "fraud")
    assert both(undo_label(bench.snapshot(review).undo_next)) == (
        "撤销：V1 的回答 否 → 空",
        "Undo: answer to V1, no → empty",
    )
    bench.answer_eligibility(review, "E1", EligibilityState.CONFIRMED)
    assert both(undo_label(bench.snapshot(review).undo_next))[1] == (
        "Undo: eligibility condition E1, confirmed → empty"
    )
    ref = bench.add_evidence(review, "1.2", material="materials/application.pdf", page=12)
    assert both(undo_label(bench.snapshot(review).undo_next)) == (
        "撤销：1.2 的证据 application.pdf 第 12 页 → 空",
        "Undo: evidence for 1.2, application.pdf, page 12 → empty",
    )
    bench.remove_evidence(review, ref.id)
    assert both(undo_label(bench.snapshot(review).undo_next))[1] == (
        "Undo: evidence for 1.2, empty → application.pdf, page 12"
    )
    bench.set_scratchpad(review, "ask")
    assert both(undo_label(bench.snapshot(review).undo_next))[1] == "Undo: private scratchpad, “ask” → empty"


def test_a_declaration_before_it_is_complete_is_named(bench: Workbench, park_standard_path: Path):
    standard: Standard = load_standard(park_standard_path)
    r = bench.open_review("PKG2", "SHA256:x", package_path="/p", standard=standard)
    bench.declare(r, Conflict.NONE)
    assert both(undo_label(bench.snapshot(r).undo_next)) == (
        "撤销：利益冲突声明 无利益冲突 → 未声明",
        "Undo: conflict-of-interest declaration, no conflict → not declared",
    )

"""The site-visit checklist from the standard's evidence methods, and check-off marks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from reviewer.scoring import site_visit
from reviewer.scoring.site_visit import ACTIVITIES, LinkedKind
from reviewer.standards import load_standard as load_file
from reviewer.standards.model import EvidenceMethod as M


@dataclass(frozen=True)
class Note:
    activity: M
    text: str
    noted_at: datetime


T0 = datetime(2026, 5, 12, 9, 0, tzinfo=UTC)


def test_site_inspection_lists_the_indicators_that_rely_on_it(park_standard_path) -> None:
    standard = load_file(park_standard_path)
    linked = site_visit.indicators_for(standard, M.SITE_INSPECTION)
    assert [i.code for i in linked if i.kind is LinkedKind.CRITERION] == [
        "1.2",
        "1.4",
        "2.2",
        "4.2",
        "5.1",
        "5.2",
        "6.1",
    ]
    assert linked[0].title.zh == "企业集聚"


def test_every_leaf_is_on_the_checklist_of_each_of_its_methods(park_standard_path) -> None:
    standard = load_file(park_standard_path)
    board = site_visit.checklist(standard)
    assert tuple(board) == ACTIVITIES
    for leaf in standard.leaves():
        on = {a for a, items in board.items() if leaf.code in {i.code for i in items}}
        assert on == set(leaf.evidence)
        assert site_visit.activities_of(standard, leaf.code) == tuple(a for a in ACTIVITIES if a in on)
    for item in standard.yes_no:
        assert all(item.code in {i.code for i in board[a]} for a in item.evidence)


def test_check_off_follows_the_latest_mark_and_notes_leave_marks_out() -> None:
    notes = [
        Note(M.SITE_INSPECTION, "机房 PUE 1.3", T0),
        Note(M.SITE_INSPECTION, site_visit.mark_text(True), T0 + timedelta(minutes=5)),
        Note(M.KEY_INTERVIEW, site_visit.mark_text(True), T0 + timedelta(minutes=6)),
        Note(M.KEY_INTERVIEW, site_visit.mark_text(False), T0 + timedelta(minutes=9)),
        Note(M.SITE_INSPECTION, "孵化器入驻 42 家", T0 - timedelta(minutes=5)),
    ]
    assert site_visit.done_at(notes, M.SITE_INSPECTION) == T0 + timedelta(minutes=5)
    assert site_visit.done_at(notes, M.KEY_INTERVIEW) is None
    assert site_visit.done_at(notes, M.THEMED_FORUM) is None
    assert [n.text for n in site_visit.notes_for(notes, M.SITE_INSPECTION)] == [
        "孵化器入驻 42 家",
        "机房 PUE 1.3",
    ]
    assert site_visit.notes_for(notes, M.KEY_INTERVIEW) == ()

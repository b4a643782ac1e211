"""The scoring workspace in the real window: the demo package opened as an expert, scored from the keyboard."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from reviewer.demo.package import DEMO_PASSPHRASE
from reviewer.scoring.workbench_types import Conflict, EligibilityState, EvidenceKind
from reviewer.ui.models.scoring_model import SCORE, STATUS, ScoringModel
from reviewer.ui.panels import score_editor
from reviewer.ui.panels.review_workspace import ReviewWorkspace

pytestmark = pytest.mark.slow


def open_workspace(make_window, demo_world) -> ReviewWorkspace:  # type: ignore[no-untyped-def]
    window = make_window(
        open_file=demo_world.package, identity_dir=demo_world.expert, passphrase=DEMO_PASSPHRASE
    )
    workspace = window.package_panel.workspace
    assert workspace is not None
    return workspace


@pytest.fixture
def workspace(make_window, demo_world, shown_errors) -> ReviewWorkspace:  # type: ignore[no-untyped-def]
    ws = open_workspace(make_window, demo_world)
    ws.bench.declare(ws.review, Conflict.NONE)  # the declarations page is another panel's
    ws.bench.accept_pledge(ws.review)
    ws.refresh()
    return ws


def commit(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Text as a Chinese input method commits it (QTest cannot type non-ASCII keys)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def type_score(qtbot, ws: ReviewWorkspace, text: str, *, ime: bool = False) -> None:  # type: ignore[no-untyped-def]
    edit = ws.scoring.editor.score_edit
    edit.selectAll()
    if ime:
        commit(edit, text)
    else:
        qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def a_valid_score(points: Decimal, step: Decimal, i: int) -> Decimal:
    """Something other than full marks and the low end (no comment due), varying by indicator."""
    grid = int(points / step)
    return (grid // 2 + i % 2) * step


def test_declarations_first_then_score_every_indicator_from_the_keyboard(
    make_window, demo_world, shown_errors, qtbot
) -> None:
    ws = open_workspace(make_window, demo_world)
    editor = ws.scoring.editor
    assert not editor.score_edit.isEnabled() and ws.banner.isVisibleTo(ws)
    assert "confidentiality pledge" in ws.banner.text()
    ws.bench.declare(ws.review, Conflict.NONE)
    ws.bench.accept_pledge(ws.review)
    ws.refresh()
    assert editor.score_edit.isEnabled() and not ws.banner.isVisibleTo(ws)

    leaves = ws.standard.leaves()
    assert ws.scoring.current_code == leaves[0].code  # a fresh review starts at the first indicator
    expected: dict[str, Decimal] = {}
    for i, _ in enumerate(leaves):
        code = ws.scoring.current_code
        node = ws.standard.criterion(code)
        value = a_valid_score(node.points, node.step or Decimal(1), i)
        text = str(value)
        if i == 3:  # as a Chinese IME types it: full-width digits and stop
            text = text.translate(str.maketrans("0123456789.", "０１２３４５６７８９．"))
        type_score(qtbot, ws, text, ime=i == 3)
        expected[code] = value
        assert ws.scoring.progress_label.text().startswith(f"Scored {i + 1} / {len(leaves)}")
    assert shown_errors == []
    assert dict(ws.bench.snapshot(ws.review).scores) == expected
    assert set(expected) == {leaf.code for leaf in leaves}
    # Level-1 rows show their subtotal.
    model = ws.scoring.model
    first = model.index(0, SCORE)
    subtotal = sum((expected[c.code] for c in ws.standard.criteria[0].leaves()), Decimal(0))
    assert first.data() == format(subtotal.normalize(), "f")
    assert model.index(0, STATUS).data() == "5 / 5"
    assert ws.save_state.text() == "Saved"


def test_off_step_and_out_of_range_are_refused_and_nothing_is_saved(workspace, qtbot) -> None:
    ws, editor = workspace, workspace.scoring.editor
    assert ws.scoring.current_code == "1.1"
    type_score(qtbot, ws, "6.3")
    assert "1.1" in editor.error.text() and "step" in editor.error.text()
    type_score(qtbot, ws, "9")
    assert "1.1" in editor.error.text() and "out of range" in editor.error.text()
    assert ws.scoring.current_code == "1.1"  # stays on the indicator
    assert dict(ws.bench.snapshot(ws.review).scores) == {}
    editor.score_edit.clear()
    qtbot.keyClicks(editor.score_edit, "a-b")  # the validator lets no letters or signs in
    assert editor.score_edit.text() == ""
    assert ws.bench.history(ws.review)[-1].entity == "declaration"


def test_a_required_comment_is_marked_and_cleared_by_writing_it(workspace, qtbot) -> None:
    ws, editor = workspace, workspace.scoring.editor
    assert editor.comment_label.text() == "Comment"
    qtbot.keyClicks(editor.score_edit, "8")  # full marks for 1.1
    assert editor.comment_label.text() == "Comment (required)"
    qtbot.keyClick(editor.score_edit, Qt.Key.Key_Return)
    index = ws.scoring.model.index_of("1.1").siblingAtColumn(STATUS)
    assert index.data() == "Comment needed"
    assert ws.scoring.select_code("1.1")
    assert editor.comment_label.text() == "Comment (required)"
    commit(editor.comment_edit, "各项材料齐全")
    editor.flush_comment()
    assert ws.bench.snapshot(ws.review).comments["1.1"] == "各项材料齐全"
    assert index.data() == "Scored"


def test_undo_and_redo_from_the_keyboard(workspace, qtbot) -> None:
    ws = workspace
    type_score(qtbot, ws, "4")
    type_score(qtbot, ws, "3")
    assert dict(ws.bench.snapshot(ws.review).scores) == {"1.1": Decimal(4), "1.2": Decimal(3)}
    window = ws.window()
    window.package_panel.tabs.setCurrentWidget(ws)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    assert ws.undo_action.text() == "Undo: score of 1.2, 3 → empty"
    tree = ws.scoring.tree
    tree.setFocus()  # Ctrl+Z in the score box is the box's own; outside a text box, the review's
    qtbot.keyClick(tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert dict(ws.bench.snapshot(ws.review).scores) == {"1.1": Decimal(4)}
    assert ws.scoring.model.index_of("1.2").siblingAtColumn(SCORE).data() == ""
    assert ws.scoring.progress_label.text().startswith("Scored 1 / 19")
    assert ws.redo_action.isEnabled() and ws.notice.text() == "Undone: score of 1.2, 3 → empty"
    qtbot.keyClick(
        tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert dict(ws.bench.snapshot(ws.review).scores) == {"1.1": Decimal(4), "1.2": Decimal(3)}
    assert ws.scoring.model.index_of("1.2").siblingAtColumn(SCORE).data() == "3"


def test_reopening_resumes_at_the_saved_indicator_and_page(make_window, demo_world, workspace, qtbot) -> None:
    ws = workspace
    type_score(qtbot, ws, "4")
    ws.scoring.select_code("3.2")
    ws.show_page("checks")
    again = open_workspace(make_window, demo_world)
    assert again is not ws
    assert again.scoring.current_code == "3.2" and again.current_page == "checks"
    assert again.parentWidget() is not None and again.window().package_panel.tabs.currentWidget() is again
    assert again.scoring.model.index_of("1.1").siblingAtColumn(SCORE).data() == "4"


def test_vetoes_and_eligibility_need_a_reason_for_no(workspace, qtbot) -> None:
    ws, checks = workspace, workspace.checks
    v1 = checks.yes_no["V1"]
    v1.answer.setCurrentIndex(2)
    v1.answer.activated.emit(2)
    assert ws.bench.snapshot(ws.review).yes_no["V1"].answer is False
    assert "border" in v1.comment.styleSheet()  # marked: a "no" needs its reason
    e1 = checks.eligibility["E1"]
    e1.answer.setCurrentIndex(2)
    e1.answer.activated.emit(2)
    assert "E1" not in ws.bench.snapshot(ws.review).eligibility  # a flag waits for its reason
    e1.comment.setText("面积不足")
    e1.comment.editingFinished.emit()
    got = ws.bench.snapshot(ws.review).eligibility["E1"]
    assert (got.state, got.comment) == (EligibilityState.FLAGGED, "面积不足")
    checks.eligibility["E2"].answer.setCurrentIndex(1)
    checks.eligibility["E2"].answer.activated.emit(1)
    assert ws.bench.snapshot(ws.review).eligibility["E2"].state is EligibilityState.CONFIRMED


def test_evidence_a_page_and_an_attached_file(workspace, qtbot, monkeypatch, tmp_path: Path) -> None:
    ws, editor = workspace, workspace.scoring.editor
    photo = tmp_path / "现场照片.jpg"
    photo.write_bytes(b"\xff\xd8 a photo of the incubator")
    monkeypatch.setattr(score_editor, "choose_attachment", lambda parent: photo)
    editor.attach.click()
    assert editor.material.count() >= 3
    editor.page.setValue(7)
    editor.add_material.click()
    refs = ws.bench.snapshot(ws.review).evidence_for("1.1")
    assert [r.kind for r in refs] == [EvidenceKind.FILE, EvidenceKind.MATERIAL]
    import hashlib

    assert refs[0].sha256 == hashlib.sha256(photo.read_bytes()).hexdigest()
    assert refs[1].page == 7 and refs[1].material == editor.material.currentData()
    assert editor.evidence.count() == 2
    with qtbot.waitSignal(ws.evidence_activated) as jumped:
        editor.evidence.itemActivated.emit(editor.evidence.item(1))
    assert jumped.args == [refs[1].material, 7]
    editor.evidence.setCurrentRow(0)
    editor.remove.click()
    assert [r.kind for r in ws.bench.snapshot(ws.review).evidence_for("1.1")] == [EvidenceKind.MATERIAL]


def test_the_scratchpad_stays_private_and_is_saved(workspace, qtbot) -> None:
    ws = workspace
    assert "never" in ws.scoring.scratch_box.title()
    commit(ws.scoring.scratchpad, "问园区负责人：孵化器入驻率")
    ws.scoring.flush_scratchpad()
    assert ws.bench.snapshot(ws.review).scratchpad == "问园区负责人：孵化器入驻率"


def test_a_recused_review_is_read_only_and_says_why(make_window, demo_world, shown_errors) -> None:
    ws = open_workspace(make_window, demo_world)
    ws.bench.declare(ws.review, Conflict.DECLARED, "曾为该园区提供咨询")
    ws.refresh()
    assert not ws.scoring.editor.score_edit.isEnabled()
    assert "recused" in ws.banner.text() and "recused" in ws.scoring.editor.locked.text()
    assert not ws.checks.yes_no["V1"].answer.isEnabled()


def test_a_refused_write_goes_to_the_error_path_and_shows_unsaved(workspace, shown_errors) -> None:
    ws = workspace
    ws.write(lambda b, r: b.set_score(r, "1.1", "6.3"))
    assert len(shown_errors) == 1 and "1.1" in shown_errors[0]
    assert ws.save_state.text().startswith("Not saved (Indicator 1.1: 6.3") and ws.unsaved
    ws.set_score("1.1", Decimal(6))
    assert ws.save_state.text() == "Saved" and not ws.unsaved


def test_the_scoring_model_passes_the_model_tester(qtmodeltester, park_standard_path) -> None:
    from reviewer.standards import load_standard

    model = ScoringModel(load_standard(park_standard_path))
    qtmodeltester.check(model)
    model.set_scores({"1.1": Decimal(8), "2.1": Decimal(3)}, {})
    qtmodeltester.check(model)
    assert model.index_of("1.1").siblingAtColumn(STATUS).data() == "Comment needed"
    assert model.index(0, STATUS).data() == "1 / 5" and model.index(0, SCORE).data() == "8"

"""Finalise: the missing list jumps there; sign → verified, locked; PDF; return notice → version 2."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from reviewer.scoring.return_notice import build_return_notice
from reviewer.scoring.sheet import open_sheet
from reviewer.scoring.workbench_types import Conflict, ReviewStatus
from reviewer.ui import labels
from reviewer.ui.dialogs import errors, sheet_files
from reviewer.ui.dialogs import return_notice as return_dialog
from reviewer.ui.panels.finalise_page import CODE_ROLE
from tests.ui.expert_fixtures import chair_reader, expert, fill_everything, half, open_expert

__all__ = ["expert"]
pytestmark = pytest.mark.slow


def _codes(page) -> list[str]:
    return [page.missing_list.item(i).data(CODE_ROLE) for i in range(page.missing_list.count())]


def test_the_missing_list_jumps_to_what_is_missing(expert, qtbot) -> None:
    ws, page = expert.workspace, expert.finalise
    ws.show_page("finalise")
    assert _codes(page)[:2] == ["conflict", "pledge"] and not page.sign_button.isEnabled()
    page.missing_list.itemClicked.emit(page.missing_list.item(0))
    assert ws.current_page == "declarations"
    expert.bench.declare(expert.review, Conflict.NONE)
    expert.bench.accept_pledge(expert.review)
    ws.refresh()
    leaf = ws.standard.leaves()[3]
    assert leaf.code in _codes(page)
    row = _codes(page).index(leaf.code)
    page.missing_list.itemClicked.emit(page.missing_list.item(row))
    assert ws.current_page == "scoring" and ws.scoring.current_code == leaf.code
    veto = ws.standard.yes_no[0].code
    page.missing_list.itemClicked.emit(page.missing_list.item(_codes(page).index(veto)))
    assert ws.current_page == "checks"


def test_sign_verify_lock_pdf_then_a_return_notice_makes_version_2(
    expert, qtbot, monkeypatch, shown_errors, demo_world, tmp_path
) -> None:
    ws, page = expert.workspace, expert.finalise
    fill_everything(expert)
    assert _codes(page) == [] and page.sign_button.isEnabled()
    v1_path = tmp_path / "v1.rvsheet"
    monkeypatch.setattr(sheet_files, "choose_sheet_path", lambda parent, suggested: v1_path)
    page.sign_button.click()
    assert shown_errors == []
    state = expert.bench.snapshot(expert.review)
    assert state.status is ReviewStatus.FINALISED
    assert page.result is not None and page.result.path == v1_path
    assert page.result.digest in page.result_digest.text() and "1" in page.result_version.text()
    assert not page.sign_button.isEnabled() and ws.read_only_reason() is not None
    chair, binding = chair_reader(demo_world.chair, demo_world.package)
    v1 = open_sheet(v1_path.read_bytes(), chair, binding, chair.trust_root())
    for leaf in ws.standard.leaves():
        assert v1.answers.scores[leaf.code].score == half(leaf)

    pdf = tmp_path / "sheet.pdf"
    monkeypatch.setattr(sheet_files, "choose_pdf_path", lambda parent, suggested: pdf)
    assert page.pdf_button.isEnabled()
    page.pdf_button.click()
    assert pdf.read_bytes().startswith(b"%PDF")

    named, other = ws.standard.leaves()[1], ws.standard.leaves()[2]
    notice = tmp_path / "back.rvreturn"
    notice.write_bytes(build_return_notice(chair, binding, v1, [named.code], "请复核该项得分"))
    monkeypatch.setattr(sheet_files, "choose_return_notice", lambda parent, start="": notice)
    told: list[str] = []
    monkeypatch.setattr(return_dialog, "show_accepted", lambda parent, title, text: told.append(text))
    assert page.return_button.isEnabled()
    page.return_button.click()
    assert shown_errors == [] and told and "请复核该项得分" in told[0]
    state = expert.bench.snapshot(expert.review)
    assert state.version == 2 and state.editable_codes == frozenset({named.code})
    assert ws.read_only_reason() is None
    ws.scoring.select_code(other.code)
    assert not ws.scoring.editor.score_edit.isEnabled() or ws.scoring.editor.locked.isVisibleTo(ws)
    ws.set_score(named.code, named.step or 1)
    assert page.sign_button.isEnabled()
    v2_path = tmp_path / "v2.rvsheet"
    monkeypatch.setattr(sheet_files, "choose_sheet_path", lambda parent, suggested: v2_path)
    page.sign_button.click()
    assert shown_errors == []
    v2 = open_sheet(v2_path.read_bytes(), chair, binding, chair.trust_root(), previous=v1)
    assert v2.revision == 2 and v2.correction.reason == "请复核该项得分"
    assert v2.answers.scores[named.code].score == (named.step or 1)
    changed = {c for c in v1.answers.scores if v1.answers.scores[c] != v2.answers.scores[c]}
    assert changed == {named.code}
    assert expert.bench.snapshot(expert.review).status is ReviewStatus.FINALISED


def test_cancelling_the_save_dialog_signs_nothing(expert, qtbot, monkeypatch) -> None:
    fill_everything(expert)
    monkeypatch.setattr(sheet_files, "choose_sheet_path", lambda parent, suggested: None)
    assert expert.finalise.sign() is None
    assert expert.bench.snapshot(expert.review).status is ReviewStatus.OPEN


def test_signing_asks_first_and_the_signed_file_is_shown_again_after_reopening(
    qtbot, demo_world, data_dir, tmp_path, monkeypatch, shown_errors
) -> None:
    first = open_expert(qtbot, demo_world.expert, demo_world.package, data_dir, tmp_path / "archive")
    fill_everything(first)
    ws, page = first.workspace, first.finalise
    ws.show_page("finalise")
    target = tmp_path / "张三-评分表-v1.rvsheet"
    monkeypatch.setattr(sheet_files, "choose_sheet_path", lambda parent, suggested: target)
    asked: list[tuple[str, str, str]] = []
    monkeypatch.setattr(
        errors, "confirm", lambda parent, title, text, action: asked.append((title, text, action)) and False
    )

    # Cancelled: the question said where the file goes and what signing does; nothing happened.
    qtbot.mouseClick(page.sign_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and str(target) in asked[0][1] and "1" in asked[0][2]
    assert not target.exists() and first.bench.snapshot(first.review).status is ReviewStatus.OPEN
    assert page.sign_button.isEnabled() and page.result_box.isHidden()

    monkeypatch.setattr(
        errors, "confirm", lambda parent, title, text, action: asked.append((title, text, action)) or True
    )
    qtbot.mouseClick(page.sign_button, Qt.MouseButton.LeftButton)
    assert shown_errors == [] and len(asked) == 2 and target.exists()
    digest = page.result.digest
    assert digest in page.result_digest.text() and str(target) in page.result_file.text()

    # The window is closed and opened again: the page still shows what was signed, from the store.
    ws.close_writer()
    ws.close()
    again = open_expert(qtbot, demo_world.expert, demo_world.package, data_dir, tmp_path / "archive")
    again.workspace.show_page("finalise")
    shown = again.finalise
    signed_at = again.bench.snapshot(again.review).versions[0].finalised_at
    assert shown.result is None and not shown.result_box.isHidden()
    assert str(target) in shown.result_file.text()
    assert shown.result_digest.text().endswith(digest)
    assert labels.beijing_time(signed_at) in shown.result_version.text()
    assert not shown.sign_button.isEnabled() and shown.pdf_button.isEnabled()

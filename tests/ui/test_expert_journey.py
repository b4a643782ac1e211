"""The expert's whole journey in the real window, offscreen: open the demo package, declare, score every
indicator from the keyboard, answer the checks, attach evidence, finalise and sign; the chair then
opens the sheet and finds every score."""

from __future__ import annotations

import hashlib
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from reviewer.demo.package import DEMO_PASSPHRASE
from reviewer.scoring.sheet import open_sheet
from reviewer.scoring.sheet_model import FileRef
from reviewer.scoring.workbench_types import ReviewStatus
from reviewer.ui.dialogs import sheet_files
from reviewer.ui.panels import score_editor
from tests.ui.expert_fixtures import chair_reader

pytestmark = pytest.mark.slow


def _typed_score(leaf) -> Decimal:
    """A valid, non-extreme score on the leaf's step (about 70 % of its points)."""
    step = leaf.step or Decimal(1)
    return (leaf.points * Decimal("0.7") / step).to_integral_value() * step


def test_open_declare_score_by_keyboard_attach_finalise_and_the_chair_reads_it(
    make_window, demo_world, monkeypatch, shown_errors, tmp_path, qtbot
) -> None:
    window = make_window(
        open_file=demo_world.package, identity_dir=demo_world.expert, passphrase=DEMO_PASSPHRASE
    )
    panel = window.package_panel
    ws = panel.workspace
    assert shown_errors == [] and ws is not None
    panel.tabs.setCurrentWidget(ws)
    window.show()
    qtbot.waitExposed(window)

    # Declarations first: the workspace opens on them and scoring is closed.
    assert ws.current_page == "declarations" and ws.read_only_reason() is not None
    page = ws.declarations_page
    page.no_conflict.click()
    page.accept.click()
    page.confirm.click()
    assert ws.current_page == "scoring" and ws.read_only_reason() is None

    # Every indicator from the keyboard: a comment (typed through the input method), a number, Enter → the next unscored one.
    editor = ws.scoring.editor
    leaves = ws.standard.leaves()
    ws.scoring.select_code(leaves[0].code)
    for leaf in leaves:
        assert ws.scoring.current_code == leaf.code
        editor.comment_edit.setFocus()
        editor.comment_edit.insertPlainText(f"依据材料核实 {leaf.code}")  # as an input method commits it
        editor.score_edit.setFocus()
        editor.score_edit.selectAll()
        qtbot.keyClicks(editor.score_edit, str(_typed_score(leaf)))
        qtbot.keyClick(editor.score_edit, Qt.Key.Key_Return)
        assert editor.error.text() == "", editor.error.text()
    assert shown_errors == []

    # Evidence: a site-visit photo attached to the first indicator (its SHA-256 recorded).
    photo = tmp_path / "现场照片.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0 site visit photo")
    monkeypatch.setattr(score_editor, "choose_attachment", lambda parent: photo)
    ws.scoring.select_code(leaves[0].code)
    editor.attach.click()
    assert shown_errors == []

    # The yes/no items (材料真实性…) and the eligibility checklist: yes / confirmed.
    ws.show_page("checks")
    for row in [*ws.checks.yes_no.values(), *ws.checks.eligibility.values()]:
        row.answer.setFocus()
        qtbot.keyClick(row.answer, Qt.Key.Key_Down)  # from "" to yes / confirmed, as a person would
        assert row.answer.currentIndex() == 1
    state = ws.bench.snapshot(ws.review)
    assert set(state.yes_no) == {i.code for i in ws.standard.yes_no}
    assert set(state.eligibility) == {c.code for c in ws.standard.eligibility}

    # Finalise: nothing missing, sign, and the review is locked.
    ws.show_page("finalise")
    finalise = ws.finalise_page
    assert finalise.missing_list.count() == 0, [
        finalise.missing_list.item(i).text() for i in range(finalise.missing_list.count())
    ]
    out = tmp_path / "李喆-评分表.rvsheet"
    monkeypatch.setattr(sheet_files, "choose_sheet_path", lambda parent, suggested: out)
    finalise.sign_button.click()
    assert shown_errors == []
    assert ws.bench.snapshot(ws.review).status is ReviewStatus.FINALISED
    assert ws.read_only_reason() is not None and not editor.score_edit.isEnabled()

    # The chair opens the sheet: every score, comment and the evidence are there, signed by the expert.
    chair, binding = chair_reader(demo_world.chair, demo_world.package)
    sheet = open_sheet(out.read_bytes(), chair, binding, chair.trust_root())
    assert sheet.header.signer_fingerprint == panel.review.identity.fingerprint and sheet.revision == 1
    assert finalise.result_digest.text().endswith(sheet.digest)
    for leaf in leaves:
        answer = sheet.answers.scores[leaf.code]
        assert answer.score == _typed_score(leaf)
        assert answer.comment == f"依据材料核实 {leaf.code}"
    assert sheet.answers.scores[leaves[0].code].evidence == (
        FileRef(photo.name, hashlib.sha256(photo.read_bytes()).hexdigest()),
    )
    assert all(a.answer for a in sheet.answers.yes_no.values())
    assert all(e.confirmed for e in sheet.answers.eligibility.values())


def test_the_demo_lands_on_the_declarations_ready_to_score(make_window, demo_world, shown_errors) -> None:
    window = make_window(
        open_file=demo_world.package,
        identity_dir=demo_world.expert,
        passphrase=DEMO_PASSPHRASE,
        start_on_review=True,  # what `reviewer demo` passes
        lang="zh_CN",
    )
    panel = window.package_panel
    ws = panel.workspace
    assert shown_errors == [] and panel.tabs.currentWidget() is ws
    assert ws.current_page == "declarations"
    page = ws.declarations_page
    assert page.no_conflict.isEnabled() and page.accept.isEnabled()
    assert page.heading.text() == "声明" and "保密" in page.pledge_box.title()


def test_a_recusal_through_the_window_is_signed_and_verifies(
    make_window, demo_world, monkeypatch, shown_errors, tmp_path
) -> None:
    from reviewer.ui.dialogs import errors

    window = make_window(
        open_file=demo_world.package, identity_dir=demo_world.expert, passphrase=DEMO_PASSPHRASE
    )
    ws = window.package_panel.workspace
    page = ws.declarations_page
    monkeypatch.setattr(errors, "ask", lambda parent, title, question: True)
    page.conflict.click()
    page.reason.setPlainText("近三年曾受聘为该园区顾问")
    page.accept.click()
    page.confirm.click()
    assert ws.read_only_reason() is not None and not ws.scoring.editor.score_edit.isEnabled()
    out = tmp_path / "回避表.rvsheet"
    monkeypatch.setattr(sheet_files, "choose_sheet_path", lambda parent, suggested: out)
    page.recusal.click()
    assert shown_errors == []
    chair, binding = chair_reader(demo_world.chair, demo_world.package)
    sheet = open_sheet(out.read_bytes(), chair, binding, chair.trust_root())
    assert sheet.recused and sheet.declarations.conflict_reason == "近三年曾受聘为该园区顾问"
    assert not sheet.answers.scores

"""Declarations first: scoring stays closed until no conflict + the pledge; a conflict → a recusal sheet."""

from __future__ import annotations

import pytest

from reviewer.scoring.sheet import open_sheet
from reviewer.scoring.workbench_types import Conflict, ReviewStatus
from reviewer.ui.dialogs import errors, sheet_files
from tests.ui.expert_fixtures import chair_reader, expert

__all__ = ["expert"]
pytestmark = pytest.mark.slow


def test_a_fresh_review_opens_on_the_declarations_and_scoring_is_closed(expert, qtbot, shown_errors) -> None:
    ws, page = expert.workspace, expert.declarations
    assert ws.current_page == "declarations"
    assert ws.read_only_reason() is not None and ws.banner.isVisibleTo(ws)
    assert not page.confirm.isEnabled()
    page.no_conflict.click()
    assert not page.confirm.isEnabled()  # the pledge is not accepted yet
    page.accept.click()
    assert page.confirm.isEnabled()
    page.confirm.click()
    state = expert.bench.snapshot(expert.review)
    assert state.declaration.conflict is Conflict.NONE and state.declaration.pledge_accepted
    assert ws.read_only_reason() is None and ws.current_page == "scoring"
    assert "no conflict" in page.status.text()
    assert not page.no_conflict.isEnabled() and not page.accept.isEnabled()  # declared once
    assert shown_errors == []


def test_a_declared_conflict_needs_a_reason_and_signs_a_recusal_sheet(
    expert, qtbot, monkeypatch, shown_errors, demo_world, tmp_path
) -> None:
    page = expert.declarations
    asked: list[str] = []
    monkeypatch.setattr(errors, "ask", lambda parent, title, q: asked.append(q) or True)
    page.conflict.click()
    page.accept.click()
    assert not page.confirm.isEnabled() and page.reason.isEnabled()
    page.reason.setPlainText("本人曾为该园区管委会提供咨询服务")
    assert page.confirm.isEnabled()
    page.confirm.click()
    assert asked and "recusal" in asked[0]
    state = expert.bench.snapshot(expert.review)
    assert state.declaration.conflict is Conflict.DECLARED and state.status is ReviewStatus.RECUSED
    assert "recused" in expert.workspace.read_only_reason()
    assert page.recusal.isVisible() or page.recusal.isEnabled()
    out = tmp_path / "recusal.rvsheet"
    monkeypatch.setattr(sheet_files, "choose_sheet_path", lambda parent, suggested: out)
    page.recusal.click()
    assert shown_errors == []
    assert expert.workspace.current_page == "finalise"
    chair, binding = chair_reader(demo_world.chair, demo_world.package)
    sheet = open_sheet(out.read_bytes(), chair, binding, chair.trust_root())
    assert sheet.recused and sheet.declarations.conflict_reason == "本人曾为该园区管委会提供咨询服务"
    assert sheet.header.signer_fingerprint == expert.opened.identity.fingerprint
    assert expert.bench.snapshot(expert.review).status is ReviewStatus.FINALISED
    assert expert.finalise.result_digest.text().endswith(sheet.digest)

"""Members who do not sign, on the chair's laptop: 李喆 co-signs, 张玥 refuses with written reasons,
陈燊 is recorded as not signed (deemed to agree) after the chair confirms, 赵鑫 is recorded then the
record withdrawn and co-signs after all; the chair closes; the signature page states the refusal and
the member who did not sign; the result file carries the facts; reopening the window shows them."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from PySide6.QtCore import Qt

from reviewer.demo.package import DEMO_PASSPHRASE, source
from reviewer.export.bundle import open_bundle
from reviewer.packages.envelope import MinistryReader
from reviewer.trust import open_authority
from reviewer.ui.dialogs import cosign as cosign_dialogs
from reviewer.ui.panels import record_unsigned
from reviewer.ui.panels.record_unsigned import FINGERPRINT_ROLE
from tests.ui.test_chair_record import click, cosign_as, notices, prepared_chair

__all__ = ["notices"]
pytestmark = pytest.mark.slow

REASONS = "本人认为第 1.1 项的合议分数依据不足，不同意评审意见表的结论。"


def _row(page, name: str) -> int:
    table = page.table
    return next(r for r in range(table.rowCount()) if table.item(r, 0).text().startswith(name))


def _choose(qtbot, page, fingerprint: str) -> None:
    """Click the member's line in the box of members who have not signed."""
    lst = page.unsigned.list
    item = next(lst.item(i) for i in range(lst.count()) if lst.item(i).data(FINGERPRINT_ROLE) == fingerprint)
    qtbot.mouseClick(lst.viewport(), Qt.MouseButton.LeftButton, pos=lst.visualItemRect(item).center())
    assert lst.currentItem() is item


def _fingerprint(world, name: str) -> str:
    return next(m.cert_sha256 for m in world.binding.roster if m.name == name)


def _pdf_text(pdf: bytes, tmp_path) -> str:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path = tmp_path / "closed.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True)
    return "".join(out.stdout.split())


def test_refuse_record_not_signed_withdraw_close_and_reopen(
    qtbot, make_window, chair_world, shown_errors, notices, monkeypatch, confirmations, tmp_path
) -> None:
    w = chair_world
    window, _chair, page = prepared_chair(qtbot, make_window, w)
    click(qtbot, page.produce_button)
    assert not page.refuse_button.isHidden() and page.refuse_button.isEnabled()
    cosign_as(qtbot, page, w, "li-zhe", monkeypatch)
    cosign_as(qtbot, page, w, "ouyang-chong", monkeypatch)
    assert shown_errors == [] and page.signed_count == 2

    # --- 张玥 refuses, with her reasons, her own identity and passphrase ------------------------------
    monkeypatch.setattr(
        cosign_dialogs, "choose_member_folder", lambda parent, start="": w.identities["zhang-yue"]
    )
    monkeypatch.setattr(record_unsigned, "ask_refusal_reason", lambda parent, who: REASONS)
    monkeypatch.setattr(cosign_dialogs, "ask_member_passphrase", lambda parent, who: DEMO_PASSPHRASE)
    click(qtbot, page.refuse_button)
    assert shown_errors == []
    _title, said, action = confirmations.asked[-1]
    assert action == "Refuse to sign" and REASONS in said and "close it without your signature" in said
    zhang = _fingerprint(w, "张玥")
    assert zhang in page.facts.refused and page.facts.refused[zhang].reason == REASONS
    assert page.table.item(_row(page, "张玥"), 2).text() == "Refused to sign (reasons given in writing)"
    assert "(Beijing time)" in page.table.item(_row(page, "张玥"), 3).text()  # when she signed the refusal
    assert not page.close_button.isEnabled()

    # --- 陈燊 recorded as not signed, after the confirmation that says what the rules say -----------
    chen = _fingerprint(w, "陈燊")
    _choose(qtbot, page, chen)
    click(qtbot, page.unsigned.record_button)
    _title, said, action = confirmations.asked[-1]
    assert action == "Record as not signed" and "陈燊" in said
    assert "without giving written reasons is deemed to agree" in said and "printed on the record" in said
    assert chen in page.facts.not_signed
    assert page.table.item(_row(page, "陈燊"), 2).text() == "Not signed (deemed to agree)"

    # --- 赵鑫 recorded, the record withdrawn, then 赵鑫 signs after all ----------------------------
    zhao = _fingerprint(w, "赵鑫")
    _choose(qtbot, page, zhao)
    click(qtbot, page.unsigned.record_button)
    assert zhao in page.facts.not_signed and page.close_button.isEnabled()
    _choose(qtbot, page, zhao)
    click(qtbot, page.unsigned.withdraw_button)
    assert zhao not in page.facts.not_signed and not page.close_button.isEnabled()
    assert page.table.item(_row(page, "赵鑫"), 2).text() == "Not signed yet"
    cosign_as(qtbot, page, w, "zhao-xin", monkeypatch)
    assert shown_errors == [] and page.signed_count == 3 and page.close_button.isEnabled()

    # --- the chair closes: the confirmation names the facts, the signature page prints them --------
    click(qtbot, page.close_button)
    assert shown_errors == []
    _title, said, action = confirmations.asked[-1]
    assert (
        action == "Sign and close"
        and "with written reasons: 张玥" in said
        and "deemed to agree): 陈燊" in said
    )
    assert page.chair_signed
    text = _pdf_text(page.files.read(page.path), tmp_path)
    assert "张玥：拒绝签字，已书面说明理由" in text and "陈燊：未签字，亦未书面说明理由，依规视为同意" in text
    assert "members who did not sign are stated" in page.status.text()

    # --- the result file carries the closing facts and the refusal; the ministry opens it -----------
    target = tmp_path / "result"
    monkeypatch.setattr(cosign_dialogs, "choose_result_path", lambda parent, suggested: target)
    click(qtbot, page.bundle_button)
    assert shown_errors == []
    authority = open_authority(w.authority)
    keys = authority.unlock(source())
    data = (tmp_path / "result.rvresult").read_bytes()
    bundle = open_bundle(data, MinistryReader(authority.signing_cert, keys.encryption), authority.root)
    assert bundle.record_pdf == page.files.read(page.path) and bundle.closing is not None
    assert {(u.expert, u.status, u.reason) for u in bundle.closing.unsigned} == {
        (zhang, "refused", REASONS),
        (chen, "not-signed", None),
    }
    assert [s.member.name for s in bundle.statements if s.kind == "refusal"] == ["张玥"]

    # --- reopened (same data folder): the facts are still there --------------------------------------
    window.close()
    again = make_window(open_file=w.package, identity_dir=w.chair, passphrase=DEMO_PASSPHRASE, lang="en")
    page2 = again.package_panel.chair.record
    assert page2.chair_signed and page2.pdf == page.pdf
    assert page2.table.item(_row(page2, "张玥"), 2).text() == "Refused to sign (reasons given in writing)"
    assert page2.table.item(_row(page2, "陈燊"), 2).text() == "Not signed (deemed to agree)"
    assert not page2.refuse_button.isEnabled() and not page2.close_button.isEnabled()


def test_reopening_withdraws_the_not_signed_records(
    qtbot, make_window, chair_world, shown_errors, notices, monkeypatch, confirmations
) -> None:
    w = chair_world
    _window, chair, page = prepared_chair(qtbot, make_window, w)
    click(qtbot, page.produce_button)
    cosign_as(qtbot, page, w, "li-zhe", monkeypatch)
    chen = _fingerprint(w, "陈燊")
    _choose(qtbot, page, chen)
    click(qtbot, page.unsigned.record_button)
    assert chen in page.facts.not_signed
    monkeypatch.setattr(cosign_dialogs, "ask_reopen_reason", lambda parent, names: "补充实地考察信息。")
    click(qtbot, page.reopen_button)
    assert shown_errors == [] and page.pdf is None and page.facts.not_signed == {}
    assert chair._chair_store.not_signed(w.binding.package_id) == {}  # withdrawn, logged in the store
    click(qtbot, page.produce_button)
    assert page.table.item(_row(page, "陈燊"), 2).text() == "Not signed yet"

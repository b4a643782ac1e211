"""The record and the result file from the chair's window: as 王堃 with the five scoring sheets and
周淼's recusal imported, the visit and the opinion entered, produce the record; each non-recused
member co-signs in turn (their own identity folder and passphrase, on the same laptop); the chair
closes; the result file is written and the ministry opens it and recomputes."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest
from PySide6.QtCore import Qt

from reviewer.demo.package import DEMO_PASSPHRASE, source
from reviewer.export.bundle import open_bundle
from reviewer.export.bundle_checks import record_bindings
from reviewer.export.pades import record_fields
from reviewer.export.pades_validate import validate_record
from reviewer.export.record_input import MemberRole
from reviewer.packages.envelope import MinistryReader
from reviewer.trust import open_authority
from reviewer.ui.dialogs import cosign as cosign_dialogs
from tests.ui.chair_fixtures import ChairWorld

pytestmark = pytest.mark.slow

GOOD = ("wang-kun", "li-zhe", "zhang-yue-v2", "chen-shen", "zhao-xin", "zhou-miao-recusal")
MEMBERS = ("li-zhe", "zhang-yue", "chen-shen", "zhao-xin", "ouyang-chong")  # the non-recused experts (欧阳翀
# signs without a sheet); 周淼 recused


@pytest.fixture
def notices(monkeypatch) -> list[str]:
    said: list[str] = []
    monkeypatch.setattr(cosign_dialogs, "notify", lambda parent, text: said.append(text))
    return said


def click(qtbot, button) -> None:
    assert button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def prepared_chair(qtbot, make_window, world: ChairWorld):
    """The chair's panel with the sheets imported and the opinion and the visit saved."""
    window = make_window(
        open_file=world.package, identity_dir=world.chair, passphrase=DEMO_PASSPHRASE, lang="en"
    )
    chair = window.package_panel.chair
    assert chair is not None
    chair.import_files([world.sheets[s] for s in GOOD])
    assert chair.reconciliation is not None and chair.reconciliation.scoring_experts == 5
    page = chair.record
    assert not page.cosign_button.isEnabled() and not page.close_button.isEnabled()
    o = chair.opinion
    o.strengths.setPlainText("园区软件产业集聚度高。\n龙头企业带动作用明显。")
    o.problems.setPlainText("研发投入强度仍偏低。")
    o.recommendations.setPlainText("加强软件人才培养。")
    o.conclusion.setPlainText("专家组同意示例软件园通过评审。")
    click(qtbot, o.save_button)
    page.visit.set_values(date(2026, 6, 15), date(2026, 6, 16), "江苏省南京市 示例软件园管理委员会")
    click(qtbot, page.visit.save_button)
    visit = chair.decisions.visit
    assert visit is not None and visit.dates == ("2026-06-15", "2026-06-16")
    assert visit.place == "江苏省南京市 示例软件园管理委员会"
    assert chair._chair_store.decisions(chair.state.binding.package_id).visit == visit  # kept
    return window, chair, page


def cosign_as(qtbot, page, world: ChairWorld, key: str, monkeypatch, passphrases=(DEMO_PASSPHRASE,)) -> None:
    typed = iter(passphrases)
    monkeypatch.setattr(
        cosign_dialogs, "choose_member_folder", lambda parent, start="": world.identities[key]
    )
    monkeypatch.setattr(cosign_dialogs, "ask_member_passphrase", lambda parent, who: next(typed))
    click(qtbot, page.cosign_button)


def test_produce_cosign_close_and_the_ministry_opens_the_result(
    qtbot, make_window, chair_world, shown_errors, notices, monkeypatch, tmp_path, confirmations
) -> None:
    w = chair_world
    _, chair, page = prepared_chair(qtbot, make_window, w)

    # --- the record: produced into the chair's data folder, bound to what it shows --------------
    click(qtbot, page.produce_button)
    assert shown_errors == []
    assert page.pdf is not None and page.files.read(page.path) == page.pdf
    assert page.path.parent.name == w.binding.package_id
    assert record_bindings(page.pdf) == {
        "reconciliation-sha256": hashlib.sha256(chair.reconciliation.to_json()).hexdigest(),
        "decisions-sha256": hashlib.sha256(chair.decisions.to_json()).hexdigest(),
    }
    fields = record_fields(page.pdf)
    assert [f.label for f in fields] == [
        "李喆（专家）",
        "张玥（专家）",
        "陈燊（专家）",
        "赵鑫（专家）",
        "欧阳翀（专家）",
        "王堃（组长）",
    ]
    assert page.table.rowCount() == 6 and page.table.item(0, 2).text() == "Not signed yet"
    assert not page.close_button.isEnabled() and not page.bundle_button.isEnabled()

    # --- the chair cannot close first, nor co-sign as a member ---------------------------------
    before = page.pdf
    page.close_record()
    # the members' fields are empty and nobody refused or was recorded as not signing
    assert "neither signed, refused in writing" in shown_errors.pop() and page.files.read(page.path) == before
    cosign_as(qtbot, page, w, "wang-kun", monkeypatch)
    assert "This is the chair's field" in shown_errors.pop() and page.files.read(page.path) == before

    # --- each member in turn: the keyring has nothing, the passphrase is asked; a mistyped one first
    cosign_as(qtbot, page, w, "li-zhe", monkeypatch, ("not-the-passphrase", DEMO_PASSPHRASE))
    assert len(shown_errors) == 1 and "passphrase" in shown_errors.pop().lower()
    assert page.signed_count == 1 and page.table.item(0, 2).text() == "Signed by 李喆: valid, trusted"
    assert page.table.item(1, 2).text() == "Not signed yet"
    assert "张玥（专家）、陈燊（专家）、赵鑫（专家）、欧阳翀（专家）" in page.status.text()
    click(qtbot, page.produce_button)  # nothing changed: the signed record is kept
    assert page.signed_count == 1 and "up to date" in page.status.text()
    for key in MEMBERS[1:]:
        cosign_as(qtbot, page, w, key, monkeypatch)
    assert shown_errors == [] and page.signed_count == 5
    assert not page.cosign_button.isEnabled() and page.close_button.isEnabled()

    # --- the chair closes (after confirming what it means); the result file ------------------------
    click(qtbot, page.close_button)
    title, said, action = confirmations.asked[-1]
    assert (title, action) == ("Sign and close the record", "Sign and close")
    assert (
        "after 李喆（专家）、张玥（专家）、陈燊（专家）、赵鑫（专家）" in said
        and "nothing can reopen it" in said
    )
    assert page.chair_signed and page.signed_count == 6
    root = chair.review.identity.trust_root()
    statuses = validate_record(page.files.read(page.path), root)
    assert len(statuses) == 6 and all(s.valid for s in statuses)
    assert statuses[-1].role is MemberRole.CHAIR and statuses[-1].coverage == "whole_document"
    target = tmp_path / "result"
    monkeypatch.setattr(cosign_dialogs, "choose_result_path", lambda parent, suggested: target)
    click(qtbot, page.bundle_button)
    assert shown_errors == []
    written = tmp_path / "result.rvresult"
    data = written.read_bytes()
    assert page.result_path == written and page.result_digest == hashlib.sha256(data).hexdigest()
    assert page.result_digest in page.result.text()

    # --- the ministry opens it: every check, the conclusion recomputed ----------------------------
    assert w.authority is not None
    authority = open_authority(w.authority)
    keys = authority.unlock(source())
    bundle = open_bundle(data, MinistryReader(authority.signing_cert, keys.encryption), authority.root)
    assert bundle.reconciliation.to_json() == chair.reconciliation.to_json()
    assert bundle.decisions == chair.decisions and bundle.record_pdf == page.files.read(page.path)
    assert len(bundle.sheets) == 6 and len(bundle.record_signatures) == 6

    # --- closed is final: nothing that feeds the record can change, nothing reopens it -------------
    assert notices == []
    assert not page.visit.save_button.isEnabled() and page.visit.place.isReadOnly()
    assert not page.reopen_button.isEnabled() and "nothing reopens it" in page.lock_note.text()
    closed = page.files.read(page.path)
    chair._save_visit(("2026-06-15", "2026-06-16", "2026-06-17"), "别处")
    assert "The record is closed" in shown_errors.pop() and shown_errors == []
    assert chair.decisions.visit.place == "江苏省南京市 示例软件园管理委员会"
    assert page.files.read(page.path) == closed and page.current
    # a corrected result is a new result version: the box starts above the last one produced
    assert page.version.value() == 2 and page.version.minimum() == 2

    # --- the record in the clear only where the chair saves a copy: its exact bytes, every signature
    assert closed not in page.path.read_bytes() and b"%PDF" not in page.path.read_bytes()
    monkeypatch.setattr(
        cosign_dialogs, "choose_record_copy_path", lambda parent, suggested: tmp_path / "评审意见表"
    )
    assert page.copy_button.isEnabled()
    click(qtbot, page.copy_button)
    copy = tmp_path / "评审意见表.pdf"
    assert copy.read_bytes() == closed and str(copy) in notices.pop() and shown_errors == []
    statuses = validate_record(copy.read_bytes(), root)
    assert len(statuses) == 6 and all(s.valid for s in statuses)


def test_a_member_cannot_close_and_the_record_survives_reopening(
    qtbot, make_window, chair_world, shown_errors, notices, monkeypatch
) -> None:
    w = chair_world
    window, _chair, page = prepared_chair(qtbot, make_window, w)
    click(qtbot, page.produce_button)
    cosign_as(qtbot, page, w, "li-zhe", monkeypatch)
    assert page.signed_count == 1
    # the chair's close stays refused until every non-recused member has signed
    assert not page.close_button.isEnabled()
    page.close_record()
    assert (
        "neither signed, refused in writing, nor been recorded as not signing: 张玥（专家）、陈燊（专家）、赵鑫（专家）"
        in shown_errors.pop()
    )
    # reopened (same data folder): the stored sheets and decisions and the signed record come back
    window.close()
    again = make_window(open_file=w.package, identity_dir=w.chair, passphrase=DEMO_PASSPHRASE, lang="en")
    page2 = again.package_panel.chair.record
    assert page2.pdf == page.pdf and page2.signed_count == 1 and page2.current
    assert page2.cosign_button.isEnabled() and shown_errors == [] and notices == []

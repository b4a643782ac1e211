"""Issue 13, the chair's half: nothing signed is ever broken by a click.

Each defect found on main has its test (they failed on the code before the fix): a dissent recorded
after closing voided every signature (4); the chair closed the record on one click (5); the chair's
own signed sheet was not counted (6); after a restart the result file and the sheets held vanished
from view (7). Then a person clicks and types into every editor that feeds the record after a member
has signed, and again after the chair has closed, and the record on disk, its signatures and the
decisions stay exactly as they were; the one way out before closing is Reopen the record.
"""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import delete

from reviewer.demo.package import DEMO_PASSPHRASE
from reviewer.export.pades_validate import validate_record
from reviewer.models.orm import ChairSheetRow
from reviewer.scoring.workbench_types import Review
from reviewer.ui.dialogs import cosign as cosign_dialogs
from reviewer.ui.dialogs import sheet_files
from reviewer.ui.panels import chair_decisions, chair_import
from reviewer.ui.tasks import ImmediateExecutor
from tests.ui.chair_fixtures import ChairWorld, type_text
from tests.ui.expert_fixtures import fill_everything

pytestmark = pytest.mark.slow

GOOD = ("wang-kun", "li-zhe", "zhang-yue-v2", "chen-shen", "zhao-xin", "zhou-miao-recusal")
MEMBERS = ("li-zhe", "zhang-yue", "chen-shen", "zhao-xin")  # the non-recused experts
PLACE = "江苏省南京市 示例软件园管理委员会"


@pytest.fixture(autouse=True)
def notices(monkeypatch) -> list[str]:
    said: list[str] = []
    monkeypatch.setattr(cosign_dialogs, "notify", lambda parent, text: said.append(text))
    return said


def click(qtbot, widget) -> None:
    """A person's click, whether the widget takes it or not (a disabled button ignores it)."""
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def open_chair(make_window, world: ChairWorld):
    window = make_window(
        open_file=world.package, identity_dir=world.chair, passphrase=DEMO_PASSPHRASE, lang="en"
    )
    chair = window.package_panel.chair
    assert chair is not None and chair.state is not None
    return window, chair


def prepared(qtbot, make_window, world: ChairWorld, stems=GOOD):
    """The chair with ``stems`` imported, the opinion and the visit saved, the record produced."""
    window, chair = open_chair(make_window, world)
    chair.import_files([world.sheets[s] for s in stems])
    o = chair.opinion
    o.strengths.setPlainText("园区软件产业集聚度高。")
    o.problems.setPlainText("研发投入强度仍偏低。")
    o.recommendations.setPlainText("加强软件人才培养。")
    o.conclusion.setPlainText("专家组同意示例软件园通过评审。")
    click(qtbot, o.save_button)
    chair.record.visit.set_values(date(2026, 6, 15), date(2026, 6, 16), PLACE)
    click(qtbot, chair.record.visit.save_button)
    click(qtbot, chair.record.produce_button)
    assert chair.record.pdf is not None and chair.record.signed_count == 0
    return window, chair


def cosign_as(qtbot, page, world: ChairWorld, key: str, monkeypatch) -> None:
    monkeypatch.setattr(
        cosign_dialogs, "choose_member_folder", lambda parent, start="": world.identities[key]
    )
    monkeypatch.setattr(cosign_dialogs, "ask_member_passphrase", lambda parent, who: DEMO_PASSPHRASE)
    assert page.cosign_button.isEnabled()
    click(qtbot, page.cosign_button)


def closed_with_result(qtbot, make_window, world: ChairWorld, monkeypatch, tmp_path: Path):
    """Every member co-signed, the chair closed, the result file written."""
    window, chair = prepared(qtbot, make_window, world)
    page = chair.record
    for key in MEMBERS:
        cosign_as(qtbot, page, world, key, monkeypatch)
    click(qtbot, page.close_button)
    assert page.chair_signed
    monkeypatch.setattr(cosign_dialogs, "choose_result_path", lambda parent, suggested: tmp_path / "result")
    click(qtbot, page.bundle_button)
    assert (tmp_path / "result.rvresult").exists()
    return window, chair


def all_valid(chair, pdf: bytes, n: int) -> bool:
    statuses = validate_record(pdf, chair.review.identity.trust_root())
    return len(statuses) == n and all(s.valid for s in statuses)


def stored_decisions(chair):
    return chair._chair_store.decisions(chair.state.binding.package_id)


# --- defect 4: a dissent after closing voided every signature --------------------------------------


def test_defect_4_a_dissent_click_after_closing_breaks_nothing(
    qtbot, make_window, chair_world, monkeypatch, tmp_path, shown_errors
) -> None:
    _, chair = closed_with_result(qtbot, make_window, chair_world, monkeypatch, tmp_path)
    page, editor = chair.record, chair.opinion
    closed, decided = page.files.read(page.path), chair.decisions.to_json()
    # a click on Record the dissent, as on main: the dissent text typed, the button pressed
    type_text(editor.dissent_text, "本人保留意见。")
    click(qtbot, editor.dissent_button)
    assert page.files.read(page.path) == closed and all_valid(chair, closed, 5)
    assert chair.decisions.to_json() == decided and stored_decisions(chair).dissents == ()
    assert page.current and page.bundle_button.isEnabled()
    # the member box names nobody until someone is chosen; even with one chosen, nothing is recorded
    assert editor.member.currentIndex() == -1 and editor.chosen == ""
    editor.member.setCurrentIndex(0)
    type_text(editor.dissent_text, "本人保留意见。")
    click(qtbot, editor.dissent_button)
    assert not editor.dissent_button.isEnabled() and editor.lock_label.isVisibleTo(editor)
    assert page.files.read(page.path) == closed and stored_decisions(chair).dissents == ()
    assert shown_errors == []


# --- defect 5: the chair closed the record on one click --------------------------------------------


def test_defect_5_closing_asks_first_and_cancel_changes_nothing(
    qtbot, make_window, chair_world, monkeypatch, confirmations
) -> None:
    _, chair = prepared(qtbot, make_window, chair_world)
    page = chair.record
    for key in MEMBERS:
        cosign_as(qtbot, page, chair_world, key, monkeypatch)
    before = page.files.read(page.path)
    confirmations.answers = [False]
    click(qtbot, page.close_button)
    assert [(t, a) for t, _, a in confirmations.asked] == [("Sign and close the record", "Sign and close")]
    assert "nothing can reopen it" in confirmations.asked[0][1]
    assert page.files.read(page.path) == before and not page.chair_signed and page.close_button.isEnabled()
    click(qtbot, page.close_button)
    assert page.chair_signed and all_valid(chair, page.files.read(page.path), 5)


# --- defect 6: the chair's own signed sheet was not counted ------------------------------------------


def test_defect_6_the_chairs_own_sheet_counts_when_signed_and_at_opening(
    qtbot, make_window, chair_world, monkeypatch, tmp_path, shown_errors
) -> None:
    window, chair = open_chair(make_window, chair_world)
    others = [s for s in GOOD if s != "wang-kun"]
    chair.import_files([chair_world.sheets[s] for s in others])
    assert chair.reconciliation.scoring_experts == 4
    # the chair scores in their own review workspace and signs there
    ws = window.package_panel.workspace
    fill_everything(SimpleNamespace(bench=ws.bench, review=ws.review, workspace=ws))
    ws.refresh()
    ws.show_page("finalise")
    target = tmp_path / "wang-kun.rvsheet"
    monkeypatch.setattr(sheet_files, "choose_sheet_path", lambda parent, suggested: target)
    click(qtbot, ws.finalise_page.sign_button)
    assert shown_errors == [] and target.exists()
    signed = ws.finalise_page.result.sheet
    # counted at once: in the panel's state, the matrix, the sheets page and the chair store
    me = chair.review.identity.fingerprint
    assert chair.reconciliation.scoring_experts == 5
    assert any(s.expert_id == me and s.digest == signed.digest for s in chair.state.sheets())
    package_id = chair.state.binding.package_id
    mine = [s for s in chair._chair_store.sheets(package_id) if s.expert_fingerprint == me]
    assert [(s.digest, s.data) for s in mine] == [(signed.digest, signed.data)]
    assert chair.imports.held_count.text() == "6 sheet(s) held: 5 scoring, 1 recused."
    window.close()

    # a store that lacks it (signed by an earlier version of the app): counted again at opening,
    # from the copy the sheet archive keeps, through the same verification
    with chair._chair_store._store.session() as session:
        session.execute(delete(ChairSheetRow).where(ChairSheetRow.expert_fingerprint == me))
    assert all(s.expert_fingerprint != me for s in chair._chair_store.sheets(package_id))
    _, again = open_chair(make_window, chair_world)
    assert again.reconciliation.scoring_experts == 5
    back = [s for s in again._chair_store.sheets(package_id) if s.expert_fingerprint == me]
    assert [s.digest for s in back] == [signed.digest]
    assert shown_errors == []


def test_the_chairs_own_sheet_left_out_of_a_signed_record_is_said_on_the_sheets_page(
    qtbot, make_window, chair_world, monkeypatch, shown_errors
) -> None:
    """At opening, the chair's own archived sheet is not counted while the record is signed (it would
    void the signatures): the sheets page says which version and how to count it; reopening does."""
    others = tuple(s for s in GOOD if s != "wang-kun")
    window, chair = prepared(qtbot, make_window, chair_world, others)
    page = chair.record
    cosign_as(qtbot, page, chair_world, "li-zhe", monkeypatch)
    assert not chair.imports.own_note.isVisibleTo(chair.imports)
    me, package_id = chair.review.identity.fingerprint, chair.state.binding.package_id
    own = Review(0, package_id, me, chair.review.standard)
    chair._archive.keep_sheet(own, 1, chair_world.sheets["wang-kun"].read_bytes())  # signed elsewhere
    signed = page.files.read(page.path)
    window.close()

    window, chair = open_chair(make_window, chair_world)
    note, page = chair.imports.own_note, chair.record
    assert note.isVisibleTo(chair.imports)
    assert "own signed sheet (version 1) is not counted" in note.text() and "Reopen the record" in note.text()
    assert chair.reconciliation.scoring_experts == 4
    assert all(s.expert_fingerprint != me for s in chair._chair_store.sheets(package_id))
    assert page.files.read(page.path) == signed and all_valid(chair, signed, 1)

    monkeypatch.setattr(cosign_dialogs, "ask_reopen_reason", lambda parent, names: "计入组长本人的评分表。")
    click(qtbot, page.reopen_button)
    assert shown_errors == [] and page.pdf is None
    assert chair.reconciliation.scoring_experts == 5 and not note.isVisibleTo(chair.imports)
    assert any(s.expert_fingerprint == me for s in chair._chair_store.sheets(package_id))


# --- defect 7: after a restart the result and the sheets held vanished from view ---------------------


def test_defect_7_the_result_file_and_the_sheets_held_survive_a_restart(
    qtbot, make_window, chair_world, monkeypatch, tmp_path, shown_errors
) -> None:
    window, _ = closed_with_result(qtbot, make_window, chair_world, monkeypatch, tmp_path)
    written = tmp_path / "result.rvresult"
    digest = hashlib.sha256(written.read_bytes()).hexdigest()
    window.close()

    _, again = open_chair(make_window, chair_world)
    page = again.record
    text = page.result.text()
    assert str(written) in text and digest in text and "version 1" in text and "(Beijing time)" in text
    (event,) = again._chair_store.record_log(again.state.binding.package_id, "result")
    assert (event.path, event.sha256, event.version) == (str(written), digest, 1)
    assert page.version.value() == 2  # a corrected result is a new version
    imports = again.imports
    assert imports.held_count.text() == "6 sheet(s) held: 5 scoring, 1 recused."
    assert imports.held.rowCount() == 6
    rows = {imports.held.item(r, 0).text(): imports.held.item(r, 3).text() for r in range(6)}
    assert rows["李喆"] == "li-zhe.rvsheet" and rows["周淼"] == "zhou-miao-recusal.rvsheet"
    assert not imports.count.isVisibleTo(imports)  # no "0 file(s)" line: nothing offered this session
    assert shown_errors == []


# --- a test clicks every editor after signing ---------------------------------------------------------


def poke_every_editor(qtbot, chair, monkeypatch, world: ChairWorld, tmp_path: Path) -> None:
    """Click and type into everything that feeds the record, through the widgets and below them."""
    o, visit, matrix = chair.opinion, chair.record.visit, chair.matrix
    for edit in (o.strengths, o.problems, o.recommendations, o.conclusion):
        click(qtbot, edit.viewport())
        type_text(edit, "改动")
    click(qtbot, o.save_button)
    o.member.setCurrentIndex(o.member.findData(world.names["chen-shen"]))
    type_text(o.dissent_text, "保留意见")
    for button in (o.dissent_button, o.withdraw_button):
        click(qtbot, button)
    click(qtbot, visit.place)
    type_text(visit.place, "别处")
    qtbot.keyClicks(visit.first, "2027")
    click(qtbot, visit.save_button)
    matrix.select("1.1", world.names["chen-shen"])
    assert matrix.code == "1.1"  # reading the matrix stays possible

    def fill(dialog) -> bool:  # were a dialog to open, it would be filled in and accepted
        if hasattr(dialog, "value_edit"):
            dialog.value_edit.setText("5")
        for name in ("rationale_edit", "reason_edit", "text_edit"):
            if hasattr(dialog, name):
                getattr(dialog, name).setPlainText("理由")
        if hasattr(dialog, "set_codes"):
            dialog.set_codes(["1.1"])
        dialog.accept()
        return True

    monkeypatch.setattr(chair_decisions, "run_dialog", fill)
    monkeypatch.setattr(chair_decisions, "choose_return_path", lambda parent, s: tmp_path / "r.rvreturn")
    monkeypatch.setattr(chair_import, "choose_sheet_files", lambda parent, start="": [world.sheets["li-zhe"]])
    for button in (matrix.consensus_button, matrix.explanation_button, matrix.return_button):
        click(qtbot, button)
    click(qtbot, chair.imports.files_button)
    # below the GUI: the panel's own entry points refuse too
    chen = world.names["chen-shen"]
    assert chair.set_consensus("1.1") is False
    assert chair.enter_explanation(chen, "1.1") is False
    assert chair.return_sheet(chen, "1.1") is None
    assert chair._save_dissent(chen, "保留意见") is False
    assert chair.import_files([world.sheets["zhang-yue-v1"]]) is None
    chair._save_opinion(("改",), (), (), "改")
    chair._save_visit(("2027-01-01",), "别处")
    assert not (tmp_path / "r.rvreturn").exists()


def test_after_a_signature_every_editor_is_frozen_and_only_reopening_frees_it(
    qtbot, make_window, chair_world, monkeypatch, tmp_path, shown_errors, confirmations
) -> None:
    window, chair = prepared(qtbot, make_window, chair_world)
    page = chair.record
    click(qtbot, page.produce_button)
    cosign_as(qtbot, page, chair_world, "li-zhe", monkeypatch)
    signed, decided = page.files.read(page.path), stored_decisions(chair)
    package_id = chair.state.binding.package_id
    log_length = len(chair._chair_store.log(package_id))
    sheets_held = [s.digest for s in chair._chair_store.sheets(package_id)]
    assert all_valid(chair, signed, 1) and page.current

    # read-only, with the reason in sight on every page
    reason = chair.opinion.lock_label.text()
    assert "李喆（专家）" in reason and chair.opinion.lock_label.isVisibleTo(chair.opinion)
    assert chair.matrix.lock_label.text() == reason and chair.imports.lock_label.text() == reason
    assert page.lock_note.isVisibleTo(page) and page.visit.toolTip() == reason
    asked_before = len(confirmations.asked)
    poke_every_editor(qtbot, chair, monkeypatch, chair_world, tmp_path)
    assert len(confirmations.asked) == asked_before  # nothing got as far as a confirmation
    assert shown_errors and all("李喆（专家）" in e for e in shown_errors)
    shown_errors.clear()
    assert page.files.read(page.path) == signed and all_valid(chair, signed, 1)
    assert stored_decisions(chair) == decided and len(chair._chair_store.log(package_id)) == log_length
    assert [s.digest for s in chair._chair_store.sheets(package_id)] == sheets_held

    # a restart changes nothing: the lock comes back with the record
    window.close()
    window, chair = open_chair(make_window, chair_world)
    page = chair.record
    assert chair.opinion.strengths.isReadOnly() and not chair.opinion.save_button.isEnabled()
    poke_every_editor(qtbot, chair, monkeypatch, chair_world, tmp_path)
    shown_errors.clear()
    assert page.files.read(page.path) == signed and stored_decisions(chair) == decided

    # --- reopening: names the signatures first; cancelled, nothing changes -------------------------
    reasons = iter(["结论措辞需修改。", "结论措辞需修改。"])
    monkeypatch.setattr(cosign_dialogs, "ask_reopen_reason", lambda parent, names: next(reasons))
    confirmations.answers = [False]
    assert page.reopen_button.isEnabled()
    click(qtbot, page.reopen_button)
    title, said, action = confirmations.asked[-1]
    assert (title, action) == ("Reopen the record", "Reopen the record")
    assert "discards the signatures of 李喆（专家） (1 in all)" in said and "结论措辞需修改。" in said
    digest = hashlib.sha256(signed).hexdigest()
    assert digest in said
    assert page.files.read(page.path) == signed and chair.opinion.strengths.isReadOnly()
    assert chair._chair_store.record_log(package_id) == []

    # --- confirmed: logged, the signed file kept aside, and only then unlocked ------------------------
    click(qtbot, page.reopen_button)
    assert shown_errors == []
    (event,) = chair._chair_store.record_log(package_id)
    assert event.kind == "reopened" and event.discarded == ("李喆（专家）",)
    assert event.reason == "结论措辞需修改。" and event.sha256 == digest and event.by.name == "王堃"
    kept = Path(event.path)
    assert kept.parent == page.folder and page.files.read(kept) == signed and not page.path.exists()
    assert str(kept) in page.status.text() and page.pdf is None
    assert not chair.opinion.strengths.isReadOnly() and chair.opinion.save_button.isEnabled()
    assert not chair.opinion.lock_label.isVisibleTo(chair.opinion)
    chair.opinion.conclusion.setPlainText("专家组同意示例软件园整改后通过评审。")
    click(qtbot, chair.opinion.save_button)
    assert stored_decisions(chair).opinion.conclusion == "专家组同意示例软件园整改后通过评审。"
    click(qtbot, page.produce_button)
    assert page.pdf is not None and page.signed_count == 0 and page.current


def test_after_closing_every_editor_is_frozen_for_good(
    qtbot, make_window, chair_world, monkeypatch, tmp_path, shown_errors
) -> None:
    _, chair = closed_with_result(qtbot, make_window, chair_world, monkeypatch, tmp_path)
    page = chair.record
    closed, decided = page.files.read(page.path), stored_decisions(chair)
    package_id = chair.state.binding.package_id
    log_length = len(chair._chair_store.log(package_id))
    poke_every_editor(qtbot, chair, monkeypatch, chair_world, tmp_path)
    assert shown_errors and all("The record is closed" in e for e in shown_errors)
    shown_errors.clear()
    # nothing reopens it: the button is disabled and the page says what to do instead
    assert not page.reopen_button.isEnabled() and "higher result version" in page.lock_note.text()
    monkeypatch.setattr(cosign_dialogs, "ask_reopen_reason", lambda parent, names: "无论如何")
    page.reopen()
    assert "The record is closed" in shown_errors.pop()
    assert page.files.read(page.path) == closed and all_valid(chair, closed, 5)
    assert stored_decisions(chair) == decided and len(chair._chair_store.log(package_id)) == log_length
    assert [e.kind for e in chair._chair_store.record_log(package_id)] == ["result"]
    assert page.bundle_button.isEnabled() and page.current


# --- an import and a signature never overlap (review finding 1) --------------------------------------


class DeferredExecutor:
    """Holds each job until the test lets it run (an import still verifying its sheets); then runs
    them in order on a worker thread, as the app does, and delivers their results."""

    def __init__(self) -> None:
        self.jobs: list = []

    def submit(self, job, *, serial: bool = False) -> None:
        self.jobs.append(job)

    def finish(self) -> None:
        runner = ImmediateExecutor()
        while self.jobs:
            runner.submit(self.jobs.pop(0))


def test_a_signature_given_while_an_import_runs_keeps_the_record_frozen(
    qtbot, make_window, chair_world, monkeypatch, shown_errors
) -> None:
    stems = tuple("zhang-yue-v1" if s == "zhang-yue-v2" else s for s in GOOD)
    _, chair = prepared(qtbot, make_window, chair_world, stems)
    page, deferred = chair.record, DeferredExecutor()
    package_id = chair.state.binding.package_id
    sheets_held = [s.digest for s in chair._chair_store.sheets(package_id)]
    held = [s.digest for s in chair.state.sheets()]
    chair._executor = deferred  # the import waits; the record page still works at once
    assert chair.import_files([chair_world.sheets["zhang-yue-v2"]]) is not None and deferred.jobs

    # while the import runs, the record can be neither signed, closed nor produced
    assert not page.cosign_button.isEnabled() and not page.produce_button.isEnabled()
    assert not page.close_button.isEnabled() and not page.reopen_button.isEnabled()
    monkeypatch.setattr(
        cosign_dialogs, "choose_member_folder", lambda parent, start="": chair_world.identities["li-zhe"]
    )
    monkeypatch.setattr(cosign_dialogs, "ask_member_passphrase", lambda parent, who: DEMO_PASSPHRASE)
    click(qtbot, page.cosign_button)
    assert page.cosign() is None and page.produce() is None and page.close_record() is None
    assert page.signed_count == 0

    # a member signs anyway, behind the window's back: the import re-checks before keeping anything
    from reviewer.trust import PassphraseSource

    page._cosign(chair_world.identities["li-zhe"], PassphraseSource(explicit=DEMO_PASSPHRASE), False)
    signed = page.files.read(page.path)
    assert page.signed_count == 1 and page.seal.frozen
    deferred.finish()
    assert shown_errors and "李喆（专家）" in shown_errors[-1]
    assert [s.digest for s in chair.state.sheets()] == held and page.current and page.seal.frozen
    assert [s.digest for s in chair._chair_store.sheets(package_id)] == sheets_held
    assert page.files.read(page.path) == signed and all_valid(chair, signed, 1)
    assert not chair.imports.busy and chair.imports.locked  # frozen, and it says why


def test_imports_wait_while_the_record_is_being_signed(qtbot, make_window, chair_world) -> None:
    _, chair = prepared(qtbot, make_window, chair_world)
    page = chair.record
    assert chair.imports.files_button.isEnabled()
    page._run(lambda _progress: None, lambda _value: None)  # held: the page's own executor is immediate
    deferred = DeferredExecutor()
    page._executor = deferred
    page._run(lambda _progress: None, lambda _value: None)
    assert page.busy and not chair.imports.files_button.isEnabled()
    assert not chair.imports.folder_button.isEnabled()
    deferred.finish()
    assert not page.busy and chair.imports.files_button.isEnabled()


# --- a record co-signed elsewhere and put back (review finding 3) ------------------------------------


def test_a_record_put_back_is_taken_in_only_when_it_validates(
    qtbot, make_window, chair_world, monkeypatch, shown_errors
) -> None:
    from reviewer.export import panel_outputs as outputs
    from reviewer.trust import PassphraseSource, load_identity

    window, chair = prepared(qtbot, make_window, chair_world)
    page = chair.record
    produced, folder = page.files.read(page.path), page.folder
    put_back = folder / "record.pdf"

    # appended bytes that merely extend the record: refused, said, the sealed record kept as it was
    put_back.write_bytes(produced + b"\n%% appended\n")
    window.close()
    window, chair = open_chair(make_window, chair_world)
    page = chair.record
    assert page.files.read(page.path) == produced and page.signed_count == 0
    assert put_back.read_bytes() == produced + b"\n%% appended\n"  # left where it is
    assert len(shown_errors) == 1 and "record.pdf" in shown_errors[0]
    shown_errors.clear()

    # the record co-signed elsewhere with a valid signature in the member's own field: taken in,
    # the sealed copy it replaces kept aside (sealed), the plaintext gone
    member = load_identity(chair_world.identities["li-zhe"], PassphraseSource(explicit=DEMO_PASSPHRASE))
    signed, _ = outputs.cosign(produced, member, members_only=True)
    put_back.write_bytes(signed)
    window.close()
    window, chair = open_chair(make_window, chair_world)
    page = chair.record
    assert shown_errors == []
    assert page.files.read(page.path) == signed and page.signed_count == 1 and page.seal.frozen
    assert not put_back.exists()
    (aside,) = [p for p in folder.iterdir() if p.name.startswith("record-replaced-")]
    assert aside.name.endswith(".pdf.rvsealed") and page.files.read(aside) == produced
    assert b"%PDF" not in aside.read_bytes()

"""The chair in the real window: open the demo package as 王堃, import sheets (a tampered one and an
outdated version refused), read the matrix, set a consensus score, watch the conclusion follow."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from reviewer.demo.package import DEMO_PASSPHRASE, source
from reviewer.scoring.panel import PanelState
from reviewer.scoring.reconcile import reconcile
from reviewer.scoring.sheet import open_sheet
from reviewer.trust import load_identity
from reviewer.ui import labels
from reviewer.ui.models.matrix_model import DivergentRole, ExpertRole
from reviewer.ui.panels import chair_decisions, chair_import
from reviewer.ui.panels.chair_import import ACCEPTED, REFUSED
from tests.ui.chair_fixtures import ChairWorld

pytestmark = pytest.mark.slow

FIRST_BATCH = ("wang-kun", "li-zhe", "zhang-yue-v2", "zhao-xin-tampered", "zhou-miao-recusal")
SECOND_BATCH = ("chen-shen", "zhang-yue-v1", "zhao-xin")


def open_as_chair(make_window, world: ChairWorld, lang: str = "en"):
    window = make_window(
        open_file=world.package, identity_dir=world.chair, passphrase=DEMO_PASSPHRASE, lang=lang
    )
    panel = window.package_panel
    assert panel.chair is not None, "the roster names 王堃 as chair: the chair's tab must be there"
    return window, panel.chair


def expected_reconciliation(world: ChairWorld, stems, decisions=None):
    """The engine run directly on the accepted sheets, independent of the GUI."""
    chair = load_identity(world.chair, source())
    sheets = [
        open_sheet(world.sheets[s].read_bytes(), chair, world.binding, chair.trust_root()) for s in stems
    ]
    return reconcile(world.binding.require_standard(), [s.to_expert_scores() for s in sheets], decisions)


def drop(widget, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(
        QPointF(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    widget.dropEvent(event)


def import_everything(qtbot, chair, world: ChairWorld, monkeypatch) -> None:
    files = [world.sheets[s] for s in FIRST_BATCH]
    monkeypatch.setattr(chair_import, "choose_sheet_files", lambda parent, start="": files)
    qtbot.mouseClick(chair.imports.files_button, Qt.MouseButton.LeftButton)
    drop(chair.imports, [world.sheets[s] for s in SECOND_BATCH])


def test_only_the_chair_gets_the_chair_tab(make_window, chair_world, shown_errors) -> None:
    window = make_window(
        open_file=chair_world.package,
        identity_dir=chair_world.expert,
        passphrase=DEMO_PASSPHRASE,
        lang="zh_CN",
    )
    tabs = window.package_panel.tabs
    assert window.package_panel.chair is None
    assert "专家组组长" not in [tabs.tabText(i) for i in range(tabs.count())]
    window, chair = open_as_chair(make_window, chair_world, lang="zh_CN")
    tabs = window.package_panel.tabs
    assert tabs.tabText(tabs.indexOf(chair)) == "专家组组长"
    assert shown_errors == []


def test_chair_imports_reads_the_matrix_and_decides(
    qtbot, make_window, chair_world, shown_errors, monkeypatch
) -> None:
    _, chair = open_as_chair(make_window, chair_world)
    assert chair.state is not None and chair.reconciliation is None
    import_everything(qtbot, chair, chair_world, monkeypatch)
    assert shown_errors == []

    # --- one outcome per file, in arrival order, every refusal with its reason -------------
    outcomes = {o.source: o for o in chair.imports.outcomes}
    assert [o.source for o in chair.imports.outcomes] == [f"{s}.rvsheet" for s in FIRST_BATCH + SECOND_BATCH]
    tampered = outcomes["zhao-xin-tampered.rvsheet"]
    assert tampered.status == REFUSED and "changed after it was signed" in str(tampered.reason)
    outdated = outcomes["zhang-yue-v1.rvsheet"]
    assert outdated.status == REFUSED and str(outdated.reason).startswith("Outdated: version 2")
    assert outcomes["zhou-miao-recusal.rvsheet"].status == ACCEPTED
    assert outcomes["zhou-miao-recusal.rvsheet"].recused
    recusal_row = [o.source for o in chair.imports.outcomes].index("zhou-miao-recusal.rvsheet")
    assert chair.imports.table.item(recusal_row, 2).text() == "周淼 v1 (recused)"
    assert sum(o.status == REFUSED for o in outcomes.values()) == 2
    table = chair.imports.table
    assert table.rowCount() == 8 and table.item(3, 1).text() == "Refused"
    assert chair.imports.count.text() == "8 file(s) offered, 6 accepted, 2 refused."

    # --- the matrix shows the engine's numbers ---------------------------------------------
    counted = ("wang-kun", "li-zhe", "zhang-yue-v2", "zhou-miao-recusal", "chen-shen", "zhao-xin")
    want = expected_reconciliation(chair_world, counted)
    rec = chair.reconciliation
    assert rec is not None and rec.to_json() == want.to_json()
    assert rec.scoring_experts == 5 and rec.quorum_met
    model = chair.matrix.model
    assert model.rowCount() == 20 and model.columnCount() == 2 + 6 + 8  # 19 leaves + leniency; 6 sheets
    one = want.indicator("1.1")
    row = model.row_of("1.1")

    def cell(col: int, role=Qt.ItemDataRole.DisplayRole):
        return model.index(row, col).data(role)

    assert cell(0).startswith("1.1 ")
    for stat, value in (
        ("aggregate", one.aggregate),
        ("mean", one.mean),
        ("median", one.median),
        ("minimum", one.minimum),
        ("maximum", one.maximum),
        ("spread", one.spread),
        ("std_dev", one.std_dev),
    ):
        col = model.column_of(stat)  # shown in the column's one precision: the scores' or the aggregate's
        places = 1 if stat in ("minimum", "maximum", "spread") else 2
        assert model.column_places(col) == places, stat
        assert cell(col) == format(value.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP), "f"), stat
    assert one.spread == Decimal(7) - Decimal(1) and one.aggregate == Decimal("6.33")
    chen = chair_world.names["chen-shen"]
    chen_col = model.expert_column(chen)
    assert cell(chen_col) == "1.0" and cell(chen_col, DivergentRole) is True
    assert cell(chen_col, Qt.ItemDataRole.BackgroundRole) is not None
    assert "more than 30% away from the panel mean" in cell(chen_col, Qt.ItemDataRole.ToolTipRole)
    assert cell(model.column_of("spread"), DivergentRole) is True
    zhou_col = model.expert_column(chair_world.names["zhou-miao"])
    assert cell(zhou_col) == "recused"
    leniency = model.index(model.leniency_row(), chen_col).data()
    deviation = want.leniency_of(chen).mean_deviation.copy_abs()  # in the aggregate's precision
    assert leniency == "-" + format(deviation.quantize(Decimal("0.01"), ROUND_HALF_UP), "f")

    # --- sorting by spread brings the divergent indicator to the top; leniency stays last ----
    matrix = chair.matrix
    matrix.sort_by_spread()
    proxy = matrix.proxy
    assert proxy.index(0, 0).data().startswith("1.1 ")
    assert proxy.index(proxy.rowCount() - 1, 0).data().startswith("Leniency")

    # --- selecting a score shows the expert's comment and evidence ---------------------------
    matrix.select("1.1", chen)
    assert matrix.expert == chen and matrix.code == "1.1"
    assert matrix.table.currentIndex().data(ExpertRole) == chen
    assert "申报收入与统计口径不一致" in matrix.details.text() and "page 2" in matrix.details.text()
    assert matrix.explanation_button.isEnabled() and matrix.return_button.isEnabled()
    assert rec.result == "pass" and rec.total == Decimal("80.71")

    # --- a consensus score: an empty rationale is refused, an off-step value too -----------
    tries = iter([("5", ""), ("5.3", "复核"), ("5", "专家组复核统计口径后一致认为收入按核实数计。")])
    seen: list[str] = []

    def fill(dialog) -> bool:
        value, why = next(tries)
        dialog.value_edit.setText(value)
        dialog.rationale_edit.setPlainText(why)
        dialog.accept()
        seen.append(dialog.error.text() if dialog.error.isVisibleTo(dialog) else "")
        return dialog.result() == dialog.DialogCode.Accepted

    monkeypatch.setattr(chair_decisions, "run_dialog", fill)
    assert chair.set_consensus("1.1") is False
    assert "rationale" in seen[-1]
    assert chair.reconciliation.indicator("1.1").consensus is None
    assert chair.set_consensus("1.1") is False
    assert "0.5" in seen[-1]  # the step
    assert chair.set_consensus("1.1") is True
    decided = chair.decisions.consensus_for("1.1")
    assert decided.value == Decimal(5) and decided.by.name == "王堃" and decided.at.endswith("Z")
    assert decided.ground == "extreme" and decided.votes == ()  # the ground shown and chosen in the dialog

    # --- a proposal until the panel adopts it (issue 18): the arithmetic is unchanged ------------
    after = chair.reconciliation
    assert after.to_json() == expected_reconciliation(chair_world, counted).to_json()
    assert after.indicator("1.1").value == after.indicator("1.1").aggregate and after.result == "pass"
    assert chair.withdraw_consensus("1.1") and chair.reconciliation.result == "pass"
    assert shown_errors == []


def test_chair_records_explanations_returns_opinion_and_dissents(
    qtbot,
    make_window,
    chair_world,
    shown_errors,
    monkeypatch,
    tmp_path,
    confirmations,
) -> None:
    _, chair = open_as_chair(make_window, chair_world)
    import_everything(qtbot, chair, chair_world, monkeypatch)
    chen = chair_world.names["chen-shen"]
    assert len(chair.reconciliation.unexplained) == 1

    def explain(dialog) -> bool:
        dialog.text_edit.setPlainText("按统计局核实口径，申报收入中含非软件业务。")
        dialog.accept()
        return True

    monkeypatch.setattr(chair_decisions, "run_dialog", explain)
    assert chair.enter_explanation(chen, "1.1")
    assert chair.reconciliation.unexplained == ()
    assert chair.reconciliation.divergences[0].explanation.startswith("按统计局")

    target = tmp_path / "returned.rvreturn"

    def give_back(dialog) -> bool:
        dialog.set_codes(["1.1"])
        dialog.reason_edit.setPlainText("请按核实数重新评分。")
        dialog.accept()
        return dialog.result() == dialog.DialogCode.Accepted

    monkeypatch.setattr(chair_decisions, "run_dialog", give_back)
    monkeypatch.setattr(chair_decisions, "choose_return_path", lambda parent, suggested: target)
    confirmations.answers = [False]  # cancelled at the confirmation: no notice written, nothing recorded
    assert chair.return_sheet(chen, "1.1") is None
    assert not target.exists() and chair.decisions.returns == ()
    assert chair.return_sheet(chen, "1.1") == target
    title, said, action = confirmations.asked[-1]
    assert (title, action) == ("Issue a return notice", "Issue the return notice")
    assert "陈燊's sheet (version 1): 1.1 are reopened" in said and "请按核实数重新评分。" in said
    assert "must sign version 2" in said
    assert target.read_bytes()[:2] == b"PK"
    (returned,) = chair.decisions.returns
    assert returned.expert == chen and returned.codes == ("1.1",) and returned.revision == 1

    editor = chair.opinion
    editor.strengths.setPlainText("产业集聚明显\n\n公共服务平台完善")
    editor.conclusion.setPlainText("建议通过。")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    opinion = chair.decisions.opinion
    assert opinion.strengths == ("产业集聚明显", "公共服务平台完善") and opinion.conclusion == "建议通过。"
    # when it was saved, in Beijing time as the panel reads it (not the stored UTC text)
    assert (
        labels.beijing_time(opinion.at) in editor.saved_label.text()
        and opinion.at not in editor.saved_label.text()
    )
    # the chair can no longer enter a dissent for a member (issue 18): it is the member's own signed
    # statement; the editor only shows the dissents recorded from statements
    assert editor.dissent_text.isReadOnly() and not editor.dissent_button.isVisibleTo(editor)
    assert not editor.withdraw_button.isVisibleTo(editor)
    assert chair._save_dissent(chen, "组长代写的保留意见。") is False and chair.decisions.dissents == ()
    assert "written and signed by the member" in str(shown_errors.pop())
    assert editor.dissents.text() == "No dissent recorded." and not editor.withdraw_button.isEnabled()
    # Decisions and sheets reproduce the same state in the core, for the CLI and the ministry.
    again = PanelState.start(chair.state.binding, chair.state.identity, chair.decisions)
    assert again.decisions.to_json() == chair.decisions.to_json()
    assert shown_errors == []


def test_reopening_restores_the_sheets_and_the_decisions(
    qtbot, make_window, chair_world, shown_errors, monkeypatch
) -> None:
    window, chair = open_as_chair(make_window, chair_world)
    folder = chair_world.sheets["wang-kun"].parent
    monkeypatch.setattr(chair_import, "choose_sheet_folder", lambda parent, start="": folder)
    qtbot.mouseClick(chair.imports.folder_button, Qt.MouseButton.LeftButton)
    # The folder in name order: zhang-yue-v1 arrives before v2 here, so v2 supersedes it.
    outcomes = {o.source: o.status for o in chair.imports.outcomes}
    assert (
        outcomes["zhang-yue-v2.rvsheet"] == "superseded" and outcomes["zhao-xin-tampered.rvsheet"] == REFUSED
    )

    def fill(dialog) -> bool:
        dialog.value_edit.setText("6.5")
        dialog.rationale_edit.setPlainText("合议后一致调整。")
        dialog.accept()
        return True

    monkeypatch.setattr(chair_decisions, "run_dialog", fill)
    assert chair.set_consensus("1.1")
    before = chair.reconciliation.to_json()
    window.close()

    _, again = open_as_chair(make_window, chair_world)
    assert again.reconciliation is not None and again.reconciliation.to_json() == before
    assert again.decisions.consensus_for("1.1").rationale == "合议后一致调整。"
    assert {s.revision for s in again.state.sheets() if s.header.signer_name == "张玥"} == {2}
    assert shown_errors == []


def test_a_return_notice_exists_only_once_it_is_recorded(
    qtbot, make_window, chair_world, shown_errors, monkeypatch, tmp_path, confirmations
) -> None:
    from reviewer.errors import Refused

    _, chair = open_as_chair(make_window, chair_world)
    import_everything(qtbot, chair, chair_world, monkeypatch)
    chen = chair_world.names["chen-shen"]
    folder = tmp_path / "notices"
    folder.mkdir()
    target = folder / "returned.rvreturn"

    def give_back(dialog) -> bool:
        dialog.set_codes(["1.1"])
        dialog.reason_edit.setPlainText("请按核实数重新评分。")
        dialog.accept()
        return dialog.result() == dialog.DialogCode.Accepted

    monkeypatch.setattr(chair_decisions, "run_dialog", give_back)
    monkeypatch.setattr(chair_decisions, "choose_return_path", lambda parent, suggested: target)

    def broken(*args, **kwargs):
        raise Refused("the chair store refused")

    with monkeypatch.context() as m:  # the store errs: nothing may be left behind
        m.setattr(chair._chair_store, "record_decisions", broken)
        assert chair.return_sheet(chen, "1.1") is None
    assert shown_errors == ["the chair store refused"] and chair.decisions.returns == ()
    assert list(folder.iterdir()) == []  # no signed notice, not even under another name

    with monkeypatch.context() as m:  # the lock passes at first, then _decide refuses
        m.setattr(chair, "_decide", lambda *args, **kwargs: False)
        assert chair.return_sheet(chen, "1.1") is None
    assert list(folder.iterdir()) == [] and chair.decisions.returns == ()

    assert chair.return_sheet(chen, "1.1") == target
    assert list(folder.iterdir()) == [target] and target.read_bytes()[:2] == b"PK"
    (returned,) = chair.decisions.returns
    assert returned.expert == chen

"""The chair's status board (组员状态): one row per member of the roster with the state of their sheet,
kept across a restart (it is derived from what the chair store keeps), driven through the window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from reviewer.app.panel_board import PENDING, RECUSED, RETURNED, SUBMITTED
from reviewer.ui import labels
from reviewer.ui.models.board_model import MEMBER, SIGNED, STATUS, VERSION, BoardModel, StatusRole
from reviewer.ui.panels import chair_decisions, chair_import
from tests.ui.chair_fixtures import ChairWorld
from tests.ui.test_chair_frozen import open_chair

pytestmark = pytest.mark.slow

ROSTER = ("王堃", "李喆", "张玥", "陈燊", "赵鑫", "周淼")


def board_rows(chair) -> dict[str, tuple[str, str, str, str]]:
    model = chair.board.model
    cell = lambda r, c: model.index(r, c).data()  # noqa: E731
    return {
        cell(r, MEMBER): (
            model.index(r, STATUS).data(StatusRole),
            cell(r, STATUS),
            cell(r, VERSION),
            cell(r, SIGNED),
        )
        for r in range(model.rowCount())
    }


def import_by_click(qtbot, chair, world: ChairWorld, stems, monkeypatch) -> None:
    files = [world.sheets[s] for s in stems]
    monkeypatch.setattr(chair_import, "choose_sheet_files", lambda parent, start="": files)
    qtbot.mouseClick(chair.imports.files_button, Qt.MouseButton.LeftButton)


def test_the_board_shows_who_is_missing_and_survives_a_restart(
    qtbot, make_window, chair_world, monkeypatch, tmp_path, shown_errors, qtmodeltester
) -> None:
    window, chair = open_chair(make_window, chair_world)
    assert chair.tabs.currentIndex() == 0 and chair.board.isVisibleTo(chair)  # the first thing shown
    qtmodeltester.check(chair.board.model)
    assert [chair.board.model.index(r, MEMBER).data() for r in range(6)] == list(ROSTER)
    assert {s for s, *_ in board_rows(chair).values()} == {PENDING}

    import_by_click(
        qtbot, chair, chair_world, ("wang-kun", "li-zhe", "zhang-yue-v1", "zhou-miao-recusal"), monkeypatch
    )
    zhang = chair_world.names["zhang-yue"]

    def give_back(dialog) -> bool:
        dialog.set_codes(["2.1"])
        dialog.reason_edit.setPlainText("请核实研发投入强度。")
        dialog.accept()
        return True

    monkeypatch.setattr(chair_decisions, "run_dialog", give_back)
    monkeypatch.setattr(chair_decisions, "choose_return_path", lambda parent, s: tmp_path / "back.rvreturn")
    chair.tabs.setCurrentWidget(chair.matrix)
    chair.matrix.select("2.1", zhang)
    qtbot.mouseClick(chair.matrix.return_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "back.rvreturn").exists()

    rows = board_rows(chair)
    li = next(s for s in chair.state.sheets() if s.expert_id == chair_world.names["li-zhe"])
    assert rows["李喆"] == (SUBMITTED, "Submitted", "version 1", labels.beijing_time(li.header.created))
    assert "(Beijing time)" in rows["李喆"][3] and "Z" not in rows["李喆"][3]
    assert rows["张玥"][:3] == (RETURNED, "Returned: awaiting version 2", "version 1")
    assert rows["周淼"][:3] == (RECUSED, "Recused (conflict declared)", "version 1")
    assert rows["陈燊"] == (PENDING, "Pending: no sheet yet", "—", "—")
    summary = chair.board.summary.text()
    assert summary == (
        "7 member(s): 2 submitted, 1 returned, 3 pending, 1 recused. Waiting for: 张玥、陈燊、赵鑫、欧阳翀."
    )
    window.close()

    # reopened: the same board, from the chair store alone
    window, again = open_chair(make_window, chair_world)
    assert board_rows(again) == rows and again.board.summary.text() == summary
    import_by_click(qtbot, again, chair_world, ("zhang-yue-v2", "chen-shen"), monkeypatch)
    rows = board_rows(again)
    assert rows["张玥"][:3] == (SUBMITTED, "Submitted", "version 2")
    assert rows["陈燊"][0] == SUBMITTED
    assert again.board.summary.text().endswith("Waiting for: 赵鑫、欧阳翀.")
    assert shown_errors == []


def test_the_board_model_tells_why_a_member_is_awaited(qtmodeltester) -> None:
    from reviewer.app.panel_board import MemberStatus

    model = BoardModel()
    model.set_members(
        [
            MemberStatus(
                "a" * 64,
                "张玥",
                "示例大学",
                "expert",
                RETURNED,
                1,
                "2026-06-15T02:00:00Z",
                1,
                "2026-06-16T03:00:00Z",
            )
        ]
    )
    qtmodeltester.check(model)
    tip = model.index(0, STATUS).data(Qt.ItemDataRole.ToolTipRole)
    assert "version 1 was returned" in tip and "2026-06-16 11:00" in tip and "version 2" in tip
    assert model.index(0, SIGNED).data() == labels.beijing_time("2026-06-15T02:00:00Z")

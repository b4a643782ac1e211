"""The chair's status board from the sheets held and the return notices recorded (no Qt, no keys)."""

from __future__ import annotations

from types import SimpleNamespace

from reviewer.app.panel_board import PENDING, RECUSED, RETURNED, SUBMITTED, panel_board
from reviewer.scoring.decisions import Actor, ReturnDecision


def member(key: str, role: str = "expert") -> SimpleNamespace:
    return SimpleNamespace(name=key, org="单位", role=role, cert_sha256=key * 64)


def sheet(key: str, revision: int, recused: bool = False, created: str = "2026-06-15T02:00:00Z"):
    header = SimpleNamespace(created=created)
    return SimpleNamespace(expert_id=key * 64, revision=revision, recused=recused, header=header)


def returned(key: str, revision: int, at: str = "2026-06-16T03:00:00Z") -> ReturnDecision:
    chair = Actor("王堃", "a" * 64, "chair")
    return ReturnDecision(key * 64, revision, ("2.1",), "请核实。", "0" * 64, chair, at)


ROSTER = [member("a", "chair"), member("b"), member("c"), member("d"), member("e")]


def test_each_member_has_one_row_in_roster_order_with_their_state() -> None:
    sheets = [
        sheet("a", 1),
        sheet("b", 1),
        sheet("c", 1, created="2026-06-15T09:30:00Z"),
        sheet("d", 1, True),
    ]
    board = panel_board(ROSTER, sheets, [returned("b", 1)])
    rows = {m.name: m for m in board.members}
    assert [m.name for m in board.members] == ["a", "b", "c", "d", "e"]
    assert [m.status for m in board.members] == [SUBMITTED, RETURNED, SUBMITTED, RECUSED, PENDING]
    assert rows["c"].version == 1 and rows["c"].signed_at == "2026-06-15T09:30:00Z"
    assert rows["b"].returned_version == 1 and rows["b"].awaited_version == 2
    assert rows["e"].version == 0 and rows["e"].awaited_version == 1
    assert [m.name for m in board.missing] == ["b", "e"]
    assert board.count(SUBMITTED) == 2 and board.count(PENDING) == 1


def test_a_corrected_version_after_a_return_counts_as_submitted() -> None:
    sheets = [sheet("b", 1), sheet("b", 2, created="2026-06-17T01:00:00Z")]
    row = panel_board(ROSTER[1:2], sheets, [returned("b", 1)]).members[0]
    assert (row.status, row.version, row.signed_at) == (SUBMITTED, 2, "2026-06-17T01:00:00Z")
    again = panel_board(ROSTER[1:2], sheets, [returned("b", 1), returned("b", 2)]).members[0]
    assert (again.status, again.returned_version, again.awaited_version) == (RETURNED, 2, 3)

"""Signed means frozen: the Qt-free rule the chair's window and the command line share."""

from __future__ import annotations

import pytest

from reviewer.export.pades import RecordField
from reviewer.export.record import FieldInfo
from reviewer.export.record_input import MemberRole
from reviewer.export.record_seal import RecordFrozen, RecordSeal, read_seal, wanted_bindings


def field(order: int, role: MemberRole, label: str, signed: bool) -> RecordField:
    name = f"sig{order:02d}-{role.value}-{'0' * 16}"
    return RecordField(name, FieldInfo(name, order, role, "0" * 16), label, signed)


FIELDS = (
    field(1, MemberRole.EXPERT, "李喆（专家）", True),
    field(2, MemberRole.EXPERT, "张玥（专家）", False),
    field(3, MemberRole.CHAIR, "王堃（组长）", False),
)


def test_no_record_or_no_signature_leaves_everything_open() -> None:
    assert not read_seal(None, b"{}", b"{}").frozen
    unsigned = RecordSeal.of([field(1, MemberRole.EXPERT, "李喆（专家）", False)], current=True)
    assert not unsigned.frozen and not unsigned.can_reopen
    unsigned.require_open()


def test_one_signature_on_a_current_record_freezes_and_names_the_signer() -> None:
    seal = RecordSeal.of(FIELDS, current=True)
    assert seal.signed == ("李喆（专家）",) and seal.frozen and seal.can_reopen and not seal.closed
    with pytest.raises(RecordFrozen, match="李喆（专家）") as caught:
        seal.require_open()
    assert caught.value.exit_code == 18


def test_a_signed_record_made_from_other_decisions_is_already_void_and_only_reopens() -> None:
    seal = RecordSeal.of(FIELDS, current=False)
    assert not seal.frozen and seal.can_reopen


def test_the_chairs_signature_closes_for_good() -> None:
    closed = RecordSeal.of(
        [
            *FIELDS[:1],
            field(2, MemberRole.EXPERT, "张玥（专家）", True),
            field(3, MemberRole.CHAIR, "王堃（组长）", True),
        ],
        current=False,
    )
    assert closed.closed and closed.frozen and not closed.can_reopen
    with pytest.raises(RecordFrozen, match=r"closed|封闭"):
        closed.require_open()


def test_wanted_bindings_are_the_sha256_of_the_files() -> None:
    assert wanted_bindings(b"", b"") == {
        "reconciliation-sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "decisions-sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    }

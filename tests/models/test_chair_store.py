"""The chair's store: imported sheets and the append-only decisions log survive closing and reopening."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import text

from reviewer.errors import InvalidInput
from reviewer.models import Store
from reviewer.models.chair import ChairStore
from reviewer.scoring.decisions import Actor, ConsensusDecision, PanelDecisions
from reviewer.scoring.sheet_model import Declarations, SheetAnswers
from reviewer.scoring.sheet_types import SheetHeader, VerifiedSheet

CHAIR = Actor("王堃", "c" * 64, "chair")
AT = "2026-06-17T08:00:00Z"


def fake_sheet(expert: str, revision: int, digest: str, *, recused: bool = False) -> VerifiedSheet:
    """A stand-in for a verified sheet: the store keeps bytes and header facts, it never verifies."""
    header = SheetHeader(
        digest=digest,
        sheet_id="s",
        kind="recusal" if recused else "score",
        package_id="pkg",
        manifest_sha256="m" * 64,
        signer_name=expert,
        signer_org="",
        signer_fingerprint=expert * 64,
        role="expert",
        revision=revision,
        previous_sha256=None,
        created=AT,
        signer=None,  # type: ignore[arg-type]
    )
    return VerifiedSheet(header, SheetAnswers(Declarations()), None, f"bytes of {digest}".encode())


def test_sheets_and_decisions_survive_reopening(data_dir: Path) -> None:
    d1 = PanelDecisions("pkg").with_consensus(
        ConsensusDecision("3.2", Decimal("4.5"), "合议", CHAIR, AT, "extreme")
    )
    d2 = d1.without_consensus("3.2")
    with Store.open() as store:
        chair = ChairStore(store, now=lambda: datetime(2026, 6, 17, 8, tzinfo=UTC))
        chair.record_sheet("pkg", fake_sheet("a", 1, "1" * 64), "a1.rvsheet", chair=CHAIR.fingerprint)
        chair.record_sheet(
            "pkg", fake_sheet("b", 1, "2" * 64, recused=True), "b.rvsheet", chair=CHAIR.fingerprint
        )
        chair.record_sheet("pkg", fake_sheet("a", 2, "3" * 64), "a2.rvsheet", chair=CHAIR.fingerprint)
        again = chair.record_sheet(
            "pkg", fake_sheet("a", 2, "3" * 64), "elsewhere.rvsheet", chair=CHAIR.fingerprint
        )
        assert again.source == "a2.rvsheet"  # the same sheet twice is kept once
        chair.record_sheet("other", fake_sheet("a", 1, "1" * 64), "x.rvsheet", chair=CHAIR.fingerprint)
        chair.record_decisions("pkg", d1, action="consensus", subject="3.2", by=CHAIR, why="合议")
        chair.record_decisions("pkg", d2, action="withdraw_consensus", subject="3.2", by=CHAIR, why="撤回")
    with Store.open() as store:
        chair = ChairStore(store)
        sheets = chair.sheets("pkg")
        assert [(s.source, s.revision, s.superseded, s.recused) for s in sheets] == [
            ("a1.rvsheet", 1, True, False),
            ("b.rvsheet", 1, False, True),
            ("a2.rvsheet", 2, False, False),
        ]
        assert sheets[0].data == b"bytes of " + b"1" * 64
        assert sheets[0].imported_at == datetime(2026, 6, 17, 8, tzinfo=UTC)
        assert [s.source for s in chair.sheets("pkg", include_superseded=False)] == [
            "b.rvsheet",
            "a2.rvsheet",
        ]
        assert chair.sheet_bytes("pkg")[2] == ("a2.rvsheet", b"bytes of " + b"3" * 64)
        assert chair.decisions("pkg") == d2
        assert chair.decisions("nothing") is None
        log = chair.log("pkg")
        assert [(e.action, e.subject, e.why, e.by) for e in log] == [
            ("consensus", "3.2", "合议", CHAIR),
            ("withdraw_consensus", "3.2", "撤回", CHAIR),
        ]
        assert log[0].decisions == d1 and log[0].id < log[1].id


def test_an_older_version_recorded_after_a_newer_one_is_marked_superseded(store: Store) -> None:
    chair = ChairStore(store)
    chair.record_sheet("pkg", fake_sheet("a", 2, "3" * 64), "a2", chair=CHAIR.fingerprint)
    late = chair.record_sheet("pkg", fake_sheet("a", 1, "1" * 64), "a1", chair=CHAIR.fingerprint)
    assert late.superseded is True


def test_decisions_of_another_package_and_unknown_actions_are_refused(store: Store) -> None:
    chair = ChairStore(store)
    with pytest.raises(InvalidInput):
        chair.record_decisions("pkg", PanelDecisions("other"), action="consensus", by=CHAIR)
    with pytest.raises(ValueError):
        chair.record_decisions("pkg", PanelDecisions("pkg"), action="delete", by=CHAIR)


def test_the_database_refuses_an_unknown_action_too(store: Store) -> None:
    with pytest.raises(Exception, match="CHECK"), store.session() as session:
        session.execute(
            text(
                "INSERT INTO chair_decisions (package_id, action, subject, by_name, by_fingerprint, by_role, "
                "at, why, decisions) VALUES ('p', 'rewrite', '', 'x', 'y', 'chair', '2026-01-01', '', x'00')"
            )
        )


def test_the_record_log_keeps_reopenings_and_results_across_reopening(data_dir: Path) -> None:
    times = iter(datetime(2026, 6, 17, h, tzinfo=UTC) for h in (8, 9, 10, 11))
    with Store.open() as store:
        chair = ChairStore(store, now=lambda: next(times))
        assert chair.last_result("pkg") is None and chair.record_log("pkg") == []
        chair.log_reopened(
            "pkg",
            by=CHAIR,
            discarded=("李喆（专家）", "张玥（专家）"),
            reason="结论措辞需修改",
            sha256="a" * 64,
            kept_at="/data/chair/pkg/record-set-aside-1.pdf",
        )
        chair.log_result("pkg", by=CHAIR, path="/out/v1.rvresult", sha256="b" * 64, version=1)
        chair.log_result("other", by=CHAIR, path="/out/x.rvresult", sha256="c" * 64, version=1)
        chair.log_result("pkg", by=CHAIR, path="/out/v2.rvresult", sha256="d" * 64, version=2)
    with Store.open() as store:
        chair = ChairStore(store)
        log = chair.record_log("pkg")
        assert [(e.kind, e.path, e.sha256, e.version) for e in log] == [
            ("reopened", "/data/chair/pkg/record-set-aside-1.pdf", "a" * 64, None),
            ("result", "/out/v1.rvresult", "b" * 64, 1),
            ("result", "/out/v2.rvresult", "d" * 64, 2),
        ]
        assert log[0].discarded == ("李喆（专家）", "张玥（专家）") and log[0].reason == "结论措辞需修改"
        assert log[0].by.name == "王堃" and log[0].by.fingerprint == "c" * 64
        assert log[0].at == datetime(2026, 6, 17, 8, tzinfo=UTC)
        last = chair.last_result("pkg")
        assert last is not None and (last.version, last.sha256) == (2, "d" * 64)
        assert last.at == datetime(2026, 6, 17, 11, tzinfo=UTC)
        assert [e.version for e in chair.record_log("pkg", "result")] == [1, 2]


def test_the_record_log_refuses_what_cannot_be_true(store: Store) -> None:
    chair = ChairStore(store)
    with pytest.raises(ValueError):
        chair.log_result("pkg", by=CHAIR, path="x", sha256="not a digest", version=1)
    with pytest.raises(ValueError):
        chair.log_result("pkg", by=CHAIR, path="x", sha256="b" * 64, version=0)
    with pytest.raises(ValueError):
        chair.log_reopened("pkg", by=CHAIR, discarded=(), reason="", sha256="a" * 64, kept_at="x")
    assert chair.record_log("pkg") == []


def test_motions_and_statements_are_kept_as_signed(data_dir: Path) -> None:
    with Store.open() as store:
        chair = ChairStore(store)
        assert chair.record_vote("pkg", "motion", "a" * 64, CHAIR.fingerprint, b"motion", "m.rvmotion",
                                 chair=CHAIR.fingerprint)  # fmt: skip
        assert chair.record_vote("pkg", "statement", "b" * 64, "e" * 64, b"st", "li.rvstatement",
                                 chair=CHAIR.fingerprint)  # fmt: skip
        assert not chair.record_vote("pkg", "statement", "b" * 64, "e" * 64, b"st", chair=CHAIR.fingerprint)
    with Store.open() as store:
        chair = ChairStore(store)
        assert chair.vote_bytes("pkg", "motion") == [("m.rvmotion", b"motion")]
        assert chair.vote_bytes("pkg", "statement") == [("li.rvstatement", b"st")]
        assert chair.vote_bytes("other", "statement") == []

"""Issue 18, the chair's side through the store: refusals imported (checked against the current
record), a member recorded as not signed and withdrawn, and the closing built from what the store
holds; a refusal of an earlier record is refused on import and left out at closing."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from bundle_world import CHAIR, BundleWorld, bundle_world, sign_in_order

from reviewer.app.chair_record import closing_inputs, import_refusals, record_not_signed, withdraw_not_signed
from reviewer.errors import Refused
from reviewer.export.bundle_format import ForeignContent
from reviewer.export.closing import NOT_SIGNED, REFUSED, ClosingIncomplete, record_ref, refusal_for
from reviewer.export.panel_outputs import close_stating
from reviewer.models import Store
from reviewer.models.chair import ChairStore
from reviewer.packages import open_package
from reviewer.scoring.statement import Refusal, build_statement

__all__ = ["bundle_world"]


def test_the_chairs_store_holds_refusals_and_not_signed_records(
    bundle_world: BundleWorld, data_dir: Path, tmp_path: Path
) -> None:
    w = bundle_world
    pdf = sign_in_order(w.record_unsigned, w.ids, ["chen-shen", "zhao-xin", "zhou-miao"])
    with open_package(w.package, w.ids["li-zhe"]) as opened:
        refusal = refusal_for(pdf, w.ids["li-zhe"], opened, reason="不同意协商分值。")
        ref = record_ref(pdf)
        stale = build_statement(
            w.ids["li-zhe"], opened, refusal=Refusal(ref.record_id, ref.reconciliation_sha256, "1" * 64, "旧")
        )
    (tmp_path / "li.rvstatement").write_bytes(refusal)
    (tmp_path / "old.rvstatement").write_bytes(stale)
    chair, silent = w.ids[CHAIR], w.ids["zhang-yue"].fingerprint
    with Store.open() as store:
        cs = ChairStore(store, now=lambda: datetime(2026, 6, 18, 8, tzinfo=UTC))
        pid = w.binding.package_id
        with pytest.raises(ForeignContent):  # all or nothing: the stale one refuses the import
            import_refusals([tmp_path / "li.rvstatement", tmp_path / "old.rvstatement"], pdf=pdf, chair=chair,
                            binding=w.binding, chair_store=cs)  # fmt: skip
        assert cs.refusals(pid) == []
        (got,) = import_refusals([tmp_path / "li.rvstatement"], pdf=pdf, chair=chair, binding=w.binding,
                                 chair_store=cs)  # fmt: skip
        import_refusals(
            [tmp_path / "li.rvstatement"], pdf=pdf, chair=chair, binding=w.binding, chair_store=cs
        )
        assert [f.digest for f in cs.refusals(pid)] == [got.digest]  # the same refusal kept once
        with pytest.raises(Refused):  # a member who signed cannot be recorded as not signing
            record_not_signed(w.ids["chen-shen"].fingerprint, pdf=pdf, package_id=pid, by=w.actor(CHAIR),
                              chair_store=cs)  # fmt: skip
        with pytest.raises(ClosingIncomplete):
            close_stating(pdf, chair, w.binding, refusals=closing_inputs(pdf, chair, w.binding, cs)[0])
        record_not_signed(silent, pdf=pdf, package_id=pid, by=w.actor(CHAIR), chair_store=cs)
        withdraw_not_signed(silent, package_id=pid, by=w.actor(CHAIR), chair_store=cs)
        assert cs.not_signed(pid) == {}
        record_not_signed(silent, pdf=pdf, package_id=pid, by=w.actor(CHAIR), chair_store=cs)
    with Store.open() as store:  # it survives reopening
        cs = ChairStore(store)
        refusals, marks = closing_inputs(pdf, chair, w.binding, cs)
        assert [s.digest for s in refusals] == [got.digest]
        assert [(m.expert, m.recorded_at) for m in marks] == [(silent, "2026-06-18T08:00:00Z")]
        done = close_stating(pdf, chair, w.binding, refusals=refusals, not_signed=marks)
    assert [(u.expert, u.status) for u in done.facts.unsigned] == [
        (w.ids["li-zhe"].fingerprint, REFUSED),
        (silent, NOT_SIGNED),
    ]


def test_the_demo_refusal_is_a_signed_refusal_with_reasons(bundle_world: BundleWorld) -> None:
    from reviewer.demo.people import DEMO_MEMBERS
    from reviewer.demo.refusal import DEMO_REFUSAL_REASON, DEMO_REFUSER, demo_refusal
    from reviewer.scoring.statement import open_statement

    w = bundle_world
    assert DEMO_REFUSER in {m.key for m in DEMO_MEMBERS}
    data = demo_refusal(w.ids[DEMO_REFUSER], w.package, w.record_unsigned)
    statement = open_statement(data, w.ids[CHAIR], w.binding, w.root)
    assert statement.kind == "refusal" and statement.member.fingerprint == w.ids[DEMO_REFUSER].fingerprint
    assert statement.refusal is not None and statement.refusal.reason == DEMO_REFUSAL_REASON
    assert record_ref(w.record_unsigned).binds(statement.refusal)

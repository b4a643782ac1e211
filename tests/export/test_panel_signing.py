"""A member refuses on the chair's laptop (their own identity folder and passphrase) and the facts
the record page shows: a refusal prevails over the chair's not-signed record; a member who signed
cannot refuse; without a chair store there are no facts."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from bundle_world import CHAIR, BundleWorld, bundle_world, sign_in_order

from reviewer.app.chair_record import record_not_signed
from reviewer.app.panel_signing import closing_state, refuse_here
from reviewer.errors import Refused
from reviewer.models import Store
from reviewer.models.chair import ChairStore
from tests.export.conftest import source

__all__ = ["bundle_world"]


def test_a_refusal_made_here_is_kept_and_prevails(bundle_world: BundleWorld, data_dir: Path) -> None:
    w = bundle_world
    pdf = sign_in_order(w.record_unsigned, w.ids, ["chen-shen", "zhao-xin", "zhou-miao"])
    chair, pid = w.ids[CHAIR], w.binding.package_id
    li, zhang = w.ids["li-zhe"].fingerprint, w.ids["zhang-yue"].fingerprint
    with Store.open() as store:
        cs = ChairStore(store, now=lambda: datetime(2026, 6, 18, 8, tzinfo=UTC))
        assert closing_state(pdf, chair, w.binding, cs).by_prefix() == {}
        record_not_signed(li, pdf=pdf, package_id=pid, by=w.actor(CHAIR), chair_store=cs)
        record_not_signed(zhang, pdf=pdf, package_id=pid, by=w.actor(CHAIR), chair_store=cs)
        s = refuse_here(
            pdf, w.folders["li-zhe"], source(), package=w.package, chair=chair, binding=w.binding,
            chair_store=cs, reason="  不同意协商分值。 ",
        )  # fmt: skip
        assert s.kind == "refusal" and s.refusal is not None and s.refusal.reason == "不同意协商分值。"
        facts = closing_state(pdf, chair, w.binding, cs)
        assert facts.by_prefix() == {li[:16]: "refused", zhang[:16]: "not-signed"}  # the refusal prevails
        assert facts.refused[li].digest == s.digest and facts.refused[li].name == s.member.name
        assert facts.not_signed[zhang] == datetime(2026, 6, 18, 8, tzinfo=UTC)
        with pytest.raises(Refused, match="already signed"):  # 陈燊 signed: no refusal
            refuse_here(
                pdf, w.folders["chen-shen"], source(), package=w.package, chair=chair, binding=w.binding,
                chair_store=cs, reason="理由",
            )  # fmt: skip
    assert closing_state(pdf, chair, w.binding, None).by_prefix() == {}

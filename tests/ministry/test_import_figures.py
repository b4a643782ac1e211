"""The ministry imports the result of an objective standard (issue 19): the bundle's reconciliation is
recomputed from the figures sealed in the package and recorded; on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from reviewer.app import ministry_desk as ops
from reviewer.ministry.registry import Registry
from reviewer.ministry.types import CandidateInfo
from tests.export.test_record_figures import city_round, signed_bundle
from tests.scoring.test_objective_panel import CITY, TOTAL

__all__ = ["city_round"]


def test_the_import_recomputes_the_objective_points(city_round, db_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    authority, keys = city_round[0], city_round[12]
    path = tmp_path / "city.rvresult"
    path.write_bytes(signed_bundle(city_round))
    with Registry.open(db_url) as reg:
        reg.register(CandidateInfo(CITY["name"], "city", CITY["province"]), year=2019, status="awarded")
        (outcome,) = ops.import_bundles(reg, authority, keys, [path], workers=1)
        assert outcome.outcome == "imported", outcome.message
        (review,) = [r for r in reg.history(CITY["name"]).reviews if r.current]
    assert review.total == TOTAL and review.result == "2"

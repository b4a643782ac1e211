"""The ministry desk's Qt-free helpers: enrolled experts with status, panel conflicts from the ledger,
composing a panel, and the registry browser's filters (on SQLite and PostgreSQL)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reviewer.errors import InvalidInput, Revoked, UsageError
from reviewer.ministry.desk import (
    candidate_years,
    compose_panel,
    credential_of,
    enrolled_experts,
    filter_candidates,
    panel_conflicts,
)
from reviewer.ministry.registry import Registry
from reviewer.trust import open_authority
from tests.export.bundle_world import BundleWorld, build_bundle_world
from tests.export.conftest import PANEL, source
from tests.ministry.seed import seed


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> BundleWorld:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
        return build_bundle_world(tmp_path_factory.mktemp("bundle-world"))


def test_enrolled_experts_conflicts_and_composition(world: BundleWorld, tmp_path: Path) -> None:
    authority = open_authority(shutil.copytree(world.authority.path, tmp_path / "authority"))
    experts = enrolled_experts(authority)
    assert [x.name for x in experts] == [p[1] for p in PANEL]
    assert all(x.active and x.reason == "" for x in experts)
    by_name = {x.name: x for x in experts}
    assert by_name["李喆"].fingerprint == world.ids["li-zhe"].fingerprint

    qian = by_name["钱犇"]
    authority.revoke(credential_of(authority, qian), "离职", source())
    qian = {x.name: x for x in enrolled_experts(authority)}["钱犇"]
    assert (qian.status, qian.reason) == ("revoked", "离职") and qian.revoked_at is not None

    park = {"name": "示例软件园", "type": "park", "city": "南京市"}
    found = panel_conflicts(authority, park, [by_name["李喆"].fingerprint, by_name["周淼"].fingerprint])
    # 李喆 sat on both sealed panels (A and B), 周淼 only on A
    assert sorted((c.name, c.kind) for c in found) == [
        ("周淼", "candidate"),
        ("李喆", "candidate"),
        ("李喆", "candidate"),
    ]
    assert "already on a panel for “示例软件园”" in found[0].message()
    assert {
        c.kind
        for c in panel_conflicts(
            authority, {"name": "别的园区", "city": "南京市"}, [by_name["李喆"].fingerprint]
        )
    } == {"city"}
    assert (
        panel_conflicts(authority, {"name": "别的园区", "city": "武汉市"}, [by_name["李喆"].fingerprint])
        == []
    )

    members = compose_panel(authority, [by_name["李喆"], by_name["王堃"]], by_name["王堃"].fingerprint)
    assert [(m.credential.name, m.role) for m in members] == [("王堃", "chair"), ("李喆", "expert")]
    with pytest.raises(InvalidInput):
        compose_panel(authority, [by_name["李喆"]], None)
    with pytest.raises(UsageError):
        compose_panel(authority, [], None)
    with pytest.raises(Revoked):
        compose_panel(authority, [by_name["王堃"], qian], by_name["王堃"].fingerprint)


def test_registry_filters(db_url: str) -> None:
    with Registry.open(db_url) as reg:
        seed(reg)
        years = candidate_years(reg)
        assert years["成都市"] == {2021, 2022}
        everyone = reg.candidates()

        def names(**kw) -> list[str]:
            return sorted(c.info.name for c in filter_candidates(everyone, years=years, **kw))

        assert names(type="city", status="exited") == sorted(["南京市", "成都市"])
        assert names(province="江苏省", type="park") == sorted(["江北软件园", "示例软件园"])
        assert names(year=2021) == sorted(["南京市", "成都市", "杭州市"])
        assert names(year=2024, status="creating") == ["整改软件园"]

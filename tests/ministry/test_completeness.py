"""Issue 14 §11: the ministry refuses a result in which a roster member has neither a sheet nor a
recusal — even when that member co-signed the record.

The chair leaves 李喆's sheet out of the bundle (the other five scoring members still make the
quorum of five), builds the record from what is left, and every non-recused member — 李喆 too —
signs it. Every signature, the recomputation and the record check hold; only completeness does not.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.cli import main
from reviewer.export.bundle import build_bundle, open_bundle
from reviewer.export.panel_record import panel_record_input
from reviewer.export.record import build_record_pdf
from reviewer.ministry.importer import RosterIncomplete, check_complete, import_bundles
from reviewer.ministry.registry import Registry
from reviewer.packages import open_package
from reviewer.scoring.reconcile import reconcile
from reviewer.scoring.sheet import open_sheet
from tests.export.bundle_world import (
    CHAIR,
    RECUSED,
    BundleWorld,
    build_bundle_world,
    decisions_for,
    put_to_vote,
    sign_in_order,
)
from tests.export.conftest import PASSPHRASE

LEFT_OUT = "li-zhe"


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> BundleWorld:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
        return build_bundle_world(tmp_path_factory.mktemp("bundle-world"))


@pytest.fixture(scope="module")
def incomplete(world: BundleWorld, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A bundle the chair's own tools build without complaint, one member's sheet left out."""
    sheets = {k: v for k, v in world.sheets.items() if k != LEFT_OUT}
    verified = [open_sheet(d, world.ids[CHAIR], world.binding, world.root) for d in sheets.values()]
    standard = world.binding.require_standard()
    # the change is put to the panel again on the aggregate of the sheets left (the old motion's
    # aggregate is no longer the computed one: MotionMisstated)
    decisions, motions, statements = put_to_vote(
        world.binding, world.ids, verified, decisions_for(world.ids, world.binding.package_id)
    )
    rec = reconcile(standard, [s.to_expert_scores() for s in verified], decisions.to_engine_decisions())
    assert rec.result is not None  # five scoring members: the quorum holds
    with open_package(world.package, world.ids[CHAIR]) as opened:
        candidate = opened.candidate()
    unsigned = build_record_pdf(panel_record_input(world.binding, candidate, verified, rec, decisions))
    signers = [k for k in world.ids if k not in (CHAIR, RECUSED)]  # 李喆 co-signs anyway
    record = sign_in_order(sign_in_order(unsigned, world.ids, signers), world.ids, [CHAIR])
    with open_package(world.package, world.ids[CHAIR]) as opened:
        data = build_bundle(world.ids[CHAIR], opened, sheets=list(sheets.values()),
                            decisions=decisions.to_json(), reconciliation=rec.to_json(),
                            motions=motions, statements=statements, record_pdf=record)  # fmt: skip
    path = tmp_path_factory.mktemp("incomplete") / "incomplete.rvresult"
    path.write_bytes(data)
    return path


def test_a_result_missing_a_members_sheet_is_refused_naming_the_member(
    world: BundleWorld, incomplete: Path
) -> None:
    bundle = open_bundle(incomplete.read_bytes(), world.ministry, world.root)  # every other check holds
    with pytest.raises(RosterIncomplete) as caught:
        check_complete(bundle)
    assert caught.value.exit_code == 18
    assert world.ids[LEFT_OUT].name in str(caught.value)


def test_import_refuses_it_and_registers_nothing(
    world: BundleWorld, incomplete: Path, tmp_path: Path
) -> None:
    with Registry.open(tmp_path / "registry.sqlite3") as reg:
        outcomes = import_bundles(reg, world.authority, world.keys, [incomplete])
        assert [o.outcome for o in outcomes] == ["refused"]
        assert world.ids[LEFT_OUT].name in outcomes[0].message
        assert list(reg.candidates()) == []


def test_the_cli_import_exits_18(world: BundleWorld, incomplete: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("RV_COMPLETE_PASS", PASSPHRASE)
    code = main(["--lang", "en", "ministry", "import", str(world.base / "authority"), "--db",
                 str(tmp_path / "r.sqlite3"), "--passphrase-env", "RV_COMPLETE_PASS", str(incomplete)])  # fmt: skip
    assert code == 18


def test_the_complete_bundle_still_imports(world: BundleWorld, tmp_path: Path) -> None:
    path = tmp_path / "good.rvresult"
    path.write_bytes(world.bundle)
    with Registry.open(tmp_path / "registry.sqlite3") as reg:
        outcomes = import_bundles(reg, world.authority, world.keys, [path])
        assert [o.outcome for o in outcomes] == ["imported"], outcomes

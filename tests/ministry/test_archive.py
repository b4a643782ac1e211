"""The desk's archive of imported bundles: kept under the registry's SHA-256 after the commit, restored by
a re-import, never for a refused file; opened again with the authority's keys, in memory."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from reviewer.app import ministry_desk as ops
from reviewer.cli import main
from reviewer.errors import NotArchived, Tampered
from reviewer.export.bundle import build_bundle, verify_bundle
from reviewer.ministry import archive
from reviewer.ministry.registry import Registry
from reviewer.packages import open_package
from reviewer.trust import open_authority
from reviewer.trust.authority import Authority
from tests.export.bundle_world import CHAIR, BundleWorld, build_bundle_world
from tests.export.conftest import PASSPHRASE

PARK = "示例软件园"


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> BundleWorld:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
        return build_bundle_world(tmp_path_factory.mktemp("archive-world"))


@pytest.fixture(scope="module")
def v2(world: BundleWorld, tmp_path_factory: pytest.TempPathFactory) -> Path:
    with open_package(world.package, world.ids[CHAIR]) as opened:
        data = build_bundle(world.ids[CHAIR], opened, sheets=list(world.sheets.values()),
                            decisions=world.decisions.to_json(), reconciliation=world.reconciliation,
                            motions=world.motions, statements=world.statements, record_pdf=world.record_signed, result_version=2)  # fmt: skip
    path = tmp_path_factory.mktemp("v2") / "v2.rvresult"
    path.write_bytes(data)
    return path


@pytest.fixture
def authority(world: BundleWorld, tmp_path: Path) -> Authority:
    """A copy of the world's authority (shared by the process's tests): its archive starts empty."""
    copy = tmp_path / "authority"
    shutil.copytree(world.authority.path, copy, ignore=shutil.ignore_patterns(archive.RESULTS))
    return open_authority(copy)


@pytest.fixture
def good(world: BundleWorld, tmp_path: Path) -> Path:
    path = tmp_path / "incoming" / "good.rvresult"
    path.parent.mkdir()
    path.write_bytes(world.bundle)
    return path


def kept(authority: Authority) -> list[str]:
    folder = authority.path / archive.RESULTS
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def registered_sha(reg: Registry) -> str:
    (review,) = [r for r in reg.history(PARK).reviews if r.current]
    return review.bundle_sha256


def test_an_import_keeps_the_bundle_under_the_registrys_sha(
    world: BundleWorld, authority: Authority, good: Path, tmp_path: Path
) -> None:
    with Registry.open(str(tmp_path / "reg.sqlite3")) as reg:
        (outcome,) = ops.import_bundles(reg, authority, world.keys, [good], workers=1)
        assert outcome.outcome == "imported" and outcome.message == ""
        sha = registered_sha(reg)
    assert sha == verify_bundle(world.bundle, world.root).digest
    assert kept(authority) == [f"{sha}.rvresult"]  # no temporary file left beside it
    assert archive.archive_path(authority.path, sha).read_bytes() == world.bundle


def test_a_re_import_restores_a_removed_file(
    world: BundleWorld, authority: Authority, good: Path, tmp_path: Path
) -> None:
    with Registry.open(str(tmp_path / "reg.sqlite3")) as reg:
        ops.import_bundles(reg, authority, world.keys, [good], workers=1)
        path = archive.archive_path(authority.path, registered_sha(reg))
        path.unlink()
        (again,) = ops.import_bundles(reg, authority, world.keys, [good], workers=1)
    assert again.outcome == "duplicate"
    assert path.read_bytes() == world.bundle


def test_refused_files_are_not_kept(
    world: BundleWorld, authority: Authority, good: Path, v2: Path, tmp_path: Path
) -> None:
    garbage = tmp_path / "garbage.rvresult"
    garbage.write_bytes(b"PK\x03\x04 not a bundle at all")
    with Registry.open(str(tmp_path / "reg.sqlite3")) as reg:
        outcomes = ops.import_bundles(reg, authority, world.keys, [garbage, v2, good], workers=1)
        assert [o.outcome for o in outcomes] == ["refused", "imported", "refused"]  # v1 after v2: older
        sha2 = registered_sha(reg)
    assert kept(authority) == [f"{sha2}.rvresult"]
    assert verify_bundle(world.bundle, world.root).digest != sha2


def test_a_file_changed_after_its_check_is_not_kept(
    world: BundleWorld, authority: Authority, good: Path, v2: Path
) -> None:
    sha1 = verify_bundle(world.bundle, world.root).digest
    with pytest.raises(Tampered, match="changed after it was checked"):
        archive.keep(authority.path, v2, sha1)
    assert kept(authority) == []


def test_open_result_gives_the_signed_record_and_every_sheet(
    world: BundleWorld, authority: Authority, good: Path, tmp_path: Path
) -> None:
    with Registry.open(str(tmp_path / "reg.sqlite3")) as reg:
        ops.import_bundles(reg, authority, world.keys, [good], workers=1)
        sha = registered_sha(reg)
    opened = ops.open_result(authority, world.keys, sha)
    header = verify_bundle(world.bundle, world.root)
    assert opened.record_pdf == world.record_signed
    assert archive.hashlib.sha256(opened.record_pdf).hexdigest() == header.record_sha256
    assert (opened.package_id, opened.result_version, opened.candidate) == (world.binding.package_id, 1, PARK)
    assert sorted(s.member for s in opened.sheets) == sorted(m.name for m in world.binding.roster)
    assert {s.data for s in opened.sheets} == set(world.sheets.values())
    assert opened.sheets[0].member == world.binding.roster[0].name  # the roster's order
    out = ops.save_sheet(opened.sheets[1], tmp_path / "out" / opened.sheets[1].file_name)
    assert out.read_bytes() == opened.sheets[1].data


def test_a_tampered_archive_file_does_not_open(world: BundleWorld, authority: Authority, v2: Path) -> None:
    sha1 = verify_bundle(world.bundle, world.root).digest
    path = archive.archive_path(authority.path, sha1)
    path.parent.mkdir()
    path.write_bytes(v2.read_bytes())  # another bundle under this name
    with pytest.raises(Tampered):
        ops.open_result(authority, world.keys, sha1)


def test_a_missing_file_says_to_import_again(world: BundleWorld, authority: Authority) -> None:
    sha = "ab" * 32
    with pytest.raises(NotArchived) as caught:
        ops.open_result(authority, world.keys, sha)
    assert "imported before the desk kept bundles" in str(caught.value)
    assert "Import the result bundle (.rvresult) again" in str(caught.value)
    assert caught.value.exit_code == 2


def test_the_cli_import_keeps_the_bundle(
    authority: Authority, good: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    monkeypatch.setenv("AUTH_PASS", PASSPHRASE)
    db = str(tmp_path / "registry.sqlite3")
    argv = ["ministry", "import", str(authority.path), str(good), "--db", db,
            "--passphrase-env", "AUTH_PASS", "--format", "json"]  # fmt: skip
    assert main(argv) == 0
    assert json.loads(capsys.readouterr().out)["summary"] == {"imported": 1}
    with Registry.open(db) as reg:
        assert kept(authority) == [f"{registered_sha(reg)}.rvresult"]

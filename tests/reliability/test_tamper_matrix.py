"""The tamper matrix: every artifact, damaged every way, is refused with its typed error.

For each artifact (package, sheet, return notice, bundle, record PDF): single bytes flipped at many
offsets (``REVIEWER_TAMPER_FLIPS`` per artifact, default 60: ~300 in all; the long run with 1000
gives 5000), truncations, appended bytes, ZIP members reordered, and parts swapped between two valid
artifacts (a sheet of another package, another notice's header, another package's signature, a
bundle's payload from a sheet). Then the two stores that import such files: the chair store keeps
nothing of a refused sheet and the ministry registry nothing of a refused bundle — every table's row
count is unchanged — and no temporary file is left behind.

Single-flip tests of one artifact each exist already (``tests/packages/test_tamper.py``,
``tests/scoring/test_sheet.py``, ``tests/export/test_bundle.py``, ``tests/export/test_pades_record.py``);
this module runs the same attack on all of them with one harness.
"""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

import pytest

from reviewer.errors import HostileArchive, NotAnArtifact, Refused, ReviewerError, Tampered, Untrusted
from reviewer.export.bundle_format import ForeignContent, RecordIncomplete
from reviewer.ministry.importer import import_bundles
from reviewer.ministry.registry import Registry
from reviewer.models import Store
from reviewer.models.chair import ChairStore
from reviewer.scoring.panel import collect
from tests.export.bundle_world import CHAIR, BundleWorld, build_bundle_world
from tests.reliability.artifacts import (
    EXPERT,
    FLIPS,
    SEED,
    Artifact,
    artifacts,
    flip_offsets,
    flipped,
    rebuild_zip,
    refusal,
    return_notice_bytes,
    row_counts,
    signature_padding,
    swap_member,
    zip_members,
)

KINDS = ["package", "sheet", "return notice", "bundle", "record PDF"]
# What a damaged file may be called: not ours at all, damaged/forged, or crafted. Never anything else.
DAMAGED = (NotAnArtifact, Tampered, HostileArchive, RecordIncomplete)  # the last: a record's bytes
# after the chair's signature (the chair's signature no longer covers the whole file).
# check_record looks at the signatures' integrity before any claim the file makes, so a flipped
# /Subject or /Keywords byte is "tampered" like any other.


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> BundleWorld:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
        return build_bundle_world(tmp_path_factory.mktemp("bundle-world"))


@pytest.fixture(scope="module")
def matrix(world: BundleWorld, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Artifact]:
    found = artifacts(world, tmp_path_factory.mktemp("tamper"))
    for a in found.values():  # the originals are accepted: every refusal below is the damage's doing
        a.open(a.data)
    return found


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The readers' temporary files go here, so the test can see that none is left behind."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


@pytest.mark.slow
@pytest.mark.parametrize("kind", KINDS)
def test_single_byte_flips_are_refused(matrix: dict[str, Artifact], kind: str, private_tmp: Path) -> None:
    artifact = matrix[kind]
    rng = random.Random(f"{SEED}-{kind}")
    offsets = flip_offsets(len(artifact.data), FLIPS, rng)
    assert len(offsets) == min(FLIPS, len(artifact.data))
    codes: dict[str, int] = {}
    padding = signature_padding(artifact.data) if kind == "record PDF" else set()
    for offset in offsets:
        mask = rng.randrange(1, 256)
        if offset in padding:  # outside every signed byte and every signature value
            try:
                artifact.open(flipped(artifact.data, offset, mask))
            except ReviewerError as exc:
                assert isinstance(exc, DAMAGED), (kind, offset, exc)
            continue
        exc = refusal(artifact, flipped(artifact.data, offset, mask))
        assert isinstance(exc, DAMAGED), (kind, offset, type(exc).__name__, str(exc))
        codes[type(exc).__name__] = codes.get(type(exc).__name__, 0) + 1
    assert codes.get("Tampered", 0) > 0, codes  # most flips land in signed or encrypted bytes
    assert list(private_tmp.iterdir()) == []


@pytest.mark.parametrize("kind", KINDS)
def test_truncated_and_extended_are_refused(matrix: dict[str, Artifact], kind: str) -> None:
    artifact = matrix[kind]
    data = artifact.data
    for cut in sorted({0, 1, 4, 30, 100, len(data) // 3, len(data) // 2, len(data) - 22, len(data) - 1}):
        exc = refusal(artifact, data[:cut])
        assert isinstance(exc, DAMAGED), (kind, "cut", cut, exc)
    for tail in (b"\0", b"\n", b"PK\x05\x06" + bytes(18), b"%%EOF\n", data[:512]):
        exc = refusal(artifact, data + tail)
        assert isinstance(exc, DAMAGED), (kind, "tail", tail[:8], exc)


@pytest.mark.parametrize("kind", [k for k in KINDS if k != "record PDF"])
def test_reordered_members_are_refused(matrix: dict[str, Artifact], kind: str) -> None:
    artifact = matrix[kind]
    items = zip_members(artifact.data)
    assert rebuild_zip(items) == artifact.data  # the rebuild is faithful: only the order changes below
    orders = [items[::-1], [items[0], *items[1:][::-1]], [*items[1:], items[0]]]
    if len(items) > 3:
        orders.append([items[0], items[2], items[1], *items[3:]])
    for order in orders:
        exc = refusal(artifact, rebuild_zip(order))
        assert isinstance(exc, DAMAGED), (kind, [n for n, _ in order], exc)


def test_parts_swapped_between_valid_artifacts(world: BundleWorld, matrix: dict[str, Artifact]) -> None:
    sheet, notice, bundle, package = (matrix[k] for k in ("sheet", "return notice", "bundle", "package"))
    # A sheet signed for another package (B) is refused for A, whole or in parts.
    assert isinstance(refusal(sheet, world.other_sheet), Refused | Tampered)
    for part in ("header.json", "signature.json", "payload"):
        assert isinstance(refusal(sheet, swap_member(sheet.data, world.other_sheet, part)), Tampered), part
        other = world.sheets["zhang-yue"]  # another member's sheet of the same package
        assert isinstance(refusal(sheet, swap_member(sheet.data, other, part)), Tampered), part
    # A return notice meant for another expert's sheet, or with another notice's parts.
    other_notice = return_notice_bytes(world, "zhang-yue")
    assert isinstance(refusal(notice, other_notice), Refused | NotAnArtifact)
    for part in ("header.json", "signature.json", "payload"):
        assert isinstance(refusal(notice, swap_member(notice.data, other_notice, part)), Tampered), part
    # A bundle carrying a sheet's signature or payload.
    for part in ("signature.json", "payload"):
        assert isinstance(refusal(bundle, swap_member(bundle.data, sheet.data, part)), Tampered), part
    # Package A with B's signed manifest, or B's signature over A's manifest.
    b = world.other_package.read_bytes()
    for part in ("manifest.json", "signature.json"):
        exc = refusal(package, swap_member(package.data, b, part))
        assert isinstance(exc, Tampered | HostileArchive), (part, exc)
    # A record with more than the chair's last signature covers: bytes after it are a change.
    record = matrix["record PDF"]
    assert isinstance(refusal(record, world.record_without_chair), RecordIncomplete)
    # (A bundle of another panel's package, with another panel's sheets or record:
    # tests/export/test_bundle.py checks ForeignContent; here the parts of two files are mixed.)


# --- no partial state in the stores that import --------------------------------------------------


def damaged_versions(data: bytes, count: int, seed: str) -> list[bytes]:
    rng = random.Random(seed)
    flips = [flipped(data, o, rng.randrange(1, 256)) for o in rng.sample(range(len(data)), count)]
    return [*flips, data[: len(data) // 2], data + b"\0"]


def test_a_refused_sheet_leaves_the_chair_store_unchanged(world: BundleWorld, tmp_path: Path) -> None:
    store = Store.open(tmp_path / "chair")
    chair_store = ChairStore(store)
    good = world.sheets["zhang-yue"]
    collection, (outcome,) = collect(world.binding, [("good", good)], world.ids[CHAIR])
    assert outcome.accepted
    chair_store.record_sheet(
        world.binding.package_id, collection.sheets()[0], "good", chair=world.binding.chair.cert_sha256
    )
    db = store.path
    assert db is not None
    before = row_counts(db)
    assert before["chair_sheets"] == 1
    offered = [(f"bad-{i}", d) for i, d in enumerate(damaged_versions(world.sheets[EXPERT], 12, "chair"))] + [
        ("foreign", world.other_sheet)
    ]
    collection, outcomes = collect(world.binding, offered, world.ids[CHAIR], collection=collection)
    assert [o.accepted for o in outcomes] == [False] * len(offered)
    for o in outcomes:  # the pipeline of the chair panel: keep only what was accepted
        if o.accepted and o.sheet is not None:
            chair_store.record_sheet(
                world.binding.package_id, o.sheet, o.source, chair=world.binding.chair.cert_sha256
            )
    assert {o.error for o in outcomes} <= {"Tampered", "NotAnArtifact", "HostileArchive", "Refused"}
    assert row_counts(db) == before
    assert [s.source for s in chair_store.sheets(world.binding.package_id)] == ["good"]
    store.close()


def test_refused_bundles_leave_the_registry_unchanged(world: BundleWorld, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'registry.sqlite3'}"
    with Registry.open(url) as reg:
        assert [
            o.outcome
            for o in import_bundles(reg, world.authority, world.keys, [_put(tmp_path, "good", world.bundle)])
        ] == ["imported"]
    before = row_counts(tmp_path / "registry.sqlite3")
    assert sum(before.values()) > 0
    bad = [
        _put(tmp_path, f"bad-{i}", d) for i, d in enumerate(damaged_versions(world.bundle, 12, "registry"))
    ]
    bad.append(_put(tmp_path, "sheet-payload", swap_member(world.bundle, world.sheets[EXPERT], "payload")))
    with Registry.open(url) as reg:
        outcomes = import_bundles(reg, world.authority, world.keys, bad)
    assert {o.outcome for o in outcomes} == {"refused"}, [(o.outcome, o.message) for o in outcomes]
    assert {o.exit_code for o in outcomes} <= {10, 11, 16}
    assert row_counts(tmp_path / "registry.sqlite3") == before


def _put(folder: Path, name: str, data: bytes) -> Path:
    path = folder / f"{name}.rvresult"
    path.write_bytes(data)
    return path


def test_exit_codes_are_the_documented_ones() -> None:
    assert (NotAnArtifact.exit_code, Tampered.exit_code, Untrusted.exit_code) == (10, 11, 12)
    assert (HostileArchive.exit_code, Refused.exit_code) == (16, 18)
    assert issubclass(ForeignContent, ReviewerError)

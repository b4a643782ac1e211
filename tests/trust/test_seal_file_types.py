"""Issue 14 (10): seal takes regular files only. A symbolic link in the materials folder (say to the
authority's own key) is not followed, and a FIFO is not skipped silently: both are refused, by name."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from reviewer.errors import InvalidInput
from tests.export.bundle_world import BundleWorld, build_bundle_world
from tests.trust.test_crash_authority import copy_authority, seal_new

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX file types")


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> BundleWorld:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
        return build_bundle_world(tmp_path_factory.mktemp("bundle-world"))


def materials_with(world: BundleWorld, tmp_path: Path, make) -> Path:
    folder = tmp_path / "materials"
    shutil.copytree(world.base / "materials", folder)
    (folder / "附件").mkdir()
    make(folder / "附件")
    return folder


def refused(world: BundleWorld, tmp_path: Path, materials: Path, needle: str) -> None:
    folder = copy_authority(world, tmp_path)
    ledger = (folder / "ledger.jsonl").read_bytes()
    out = tmp_path / "p.rvpkg"
    with pytest.raises(InvalidInput) as info:
        seal_new(world, folder, out, materials=materials)
    assert needle in str(info.value)
    assert not out.exists() and (folder / "ledger.jsonl").read_bytes() == ledger


def test_a_symlink_to_the_authoritys_key_is_refused(world: BundleWorld, tmp_path: Path) -> None:
    key = world.authority.path / "signing.key.pem"
    materials = materials_with(world, tmp_path, lambda d: os.symlink(key, d / "证明材料.pdf"))
    refused(world, tmp_path, materials, "证明材料.pdf")


def test_a_symlinked_folder_is_refused(world: BundleWorld, tmp_path: Path) -> None:
    materials = materials_with(world, tmp_path, lambda d: os.symlink(world.authority.path, d / "more"))
    refused(world, tmp_path, materials, "more")


def test_a_fifo_is_refused_not_skipped(world: BundleWorld, tmp_path: Path) -> None:
    materials = materials_with(world, tmp_path, lambda d: os.mkfifo(d / "管道"))
    refused(world, tmp_path, materials, "管道")


def test_a_symlink_given_directly_is_refused(world: BundleWorld, tmp_path: Path) -> None:
    materials = tmp_path / "materials"
    materials.mkdir()
    os.symlink(world.authority.path / "root.key.pem", materials / "x.pdf")
    refused(world, tmp_path, materials / "x.pdf", "x.pdf")


def test_a_name_swapped_for_a_link_or_fifo_after_listing_is_not_read(tmp_path: Path) -> None:
    from reviewer.packages.sources import open_regular

    (tmp_path / "real.pdf").write_bytes(b"%PDF")
    os.symlink(tmp_path / "real.pdf", tmp_path / "link.pdf")
    os.mkfifo(tmp_path / "fifo.pdf")
    for name in ("link.pdf", "fifo.pdf"):
        with pytest.raises(InvalidInput) as info, open_regular(tmp_path / name):
            pass
        assert name in str(info.value)
    with open_regular(tmp_path / "real.pdf") as fh:
        assert fh.read() == b"%PDF"

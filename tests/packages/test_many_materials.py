"""Issue 21: a package of many materials seals, opens and verifies; what open would refuse, seal
refuses first (typed error, nothing written); a hostile manifest is still capped at open."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from pkg_world import PASSPHRASE, seal

from reviewer.errors import NotAnArtifact, OverLimit
from reviewer.packages import SUITE, Entry, limits, open_package, verify_package
from reviewer.packages.manifest import parse_manifest
from reviewer.trust import PassphraseSource, load_identity
from reviewer.trust.encoding import b64, canonical_json
from reviewer.trust.identity import load_pinned_root


def many_files(folder: Path, n: int, name: str = "附件{i:05d}.pdf", per_folder: int = 1000) -> Path:
    """``n`` small files under ``folder``, ``per_folder`` to a sub-folder (as scans are filed)."""
    for i in range(n):
        sub = folder / f"第{i // per_folder:02d}批扫描件"
        if i % per_folder == 0:
            sub.mkdir(parents=True)
        (sub / name.format(i=i)).write_bytes(b"%%PDF-1.7 %d\n" % i)
    return folder


def open_and_verify(world, path: Path, n: int) -> float:
    """Open as a member and decrypt every entry; returns the seconds taken."""
    identity = load_identity(world.identities["li"], PassphraseSource(explicit=PASSPHRASE))
    start = time.perf_counter()
    with open_package(path, identity) as opened:
        assert len(opened.materials()) == n
        opened.verify_all()
        last = opened.materials()[-1]
        assert opened.read(last.name).startswith(b"%PDF-1.7 ")
    elapsed = time.perf_counter() - start
    view = verify_package(path, load_pinned_root(world.identities["li"]))
    assert (
        view.contents_checked is not None and view.contents_checked.entries == n + 5
    )  # standard, candidate, procedure, schedule
    return elapsed


def test_3000_materials_seal_open_and_verify(world, env, tmp_path) -> None:
    """Before issue 21 this package sealed (exit 0) and then never opened (a 1 MiB manifest cap)."""
    materials = many_files(tmp_path / "materials", 3000)
    out = tmp_path / "many.rvpkg"
    code, _, err = seal(world.root, world.authority, world.panel, [materials], out)
    assert code == 0, err
    open_and_verify(world, out, 3000)


def refused_at_seal(world, tmp_path: Path, materials: list[Path], needle: str) -> None:
    """Seal refuses with OverLimit (exit 2) naming the limit, and writes nothing at ``out`` or beside it."""
    out = tmp_path / "out" / "refused.rvpkg"
    code, _, err = seal(world.root, world.authority, world.panel, materials, out)
    assert code == OverLimit.exit_code == 2, err
    assert needle in err and ("Split the materials" in err or "Shorten" in err), err
    assert not out.exists() and (not out.parent.exists() or not any(out.parent.iterdir()))


def test_too_many_materials_refused_at_seal(world, env, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(limits, "MAX_MATERIALS", 5)
    refused_at_seal(world, tmp_path, [many_files(tmp_path / "m", 6)], "6 materials, more than the 5")


def test_manifest_too_large_refused_at_seal(world, env, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(limits, "MAX_MANIFEST", 20_000)
    refused_at_seal(world, tmp_path, [many_files(tmp_path / "m", 40)], "more than the 20000 allowed")


def test_name_too_long_refused_at_seal(world, env, tmp_path) -> None:
    folder = tmp_path / "m"
    deep = folder.joinpath(*[f"第{i}层文件夹名称" * 10 for i in range(4)])  # 4 × 240 bytes, under NAME_MAX
    deep.mkdir(parents=True)
    (deep / ("扫描件" * 20 + ".pdf")).write_bytes(b"x")  # "materials/" + 4 × 241 + 184 = 1158 bytes
    refused_at_seal(world, tmp_path, [folder], "bytes long")
    with pytest.raises(OverLimit):
        limits.check_materials(["materials/" + "材" * 339])
    limits.check_materials(["materials/" + "材" * 338])  # 1024 bytes: allowed


def test_the_largest_entries_fit_the_manifest_limit() -> None:
    """MAX_ENTRIES entries with the longest name and media type and 16-digit sizes fit MAX_MANIFEST,
    leaving room for the header and a roster of hundreds."""
    name = "materials/" + "材" * ((limits.MAX_NAME_BYTES - 10) // 3)
    assert len(name.encode()) == limits.MAX_NAME_BYTES
    entry = Entry(name, "payload/020004", "prior-results", "x" * limits.MAX_MEDIA_TYPE, 10**15, "0" * 64,
                  bytes(16), 10**15 + 10**12, "0" * 64)  # fmt: skip
    one = len(canonical_json([{**entry.__dict__, "nonce": b64(entry.nonce)}])) - 1  # one "," per entry
    assert one * limits.MAX_ENTRIES + 1024 * 1024 < limits.MAX_MANIFEST


def test_hostile_manifest_with_too_many_entries_is_refused() -> None:
    doc = {
        "format": "reviewer.package",
        "version": 1,
        "suite": SUITE,
        "entries": [{}] * (limits.MAX_ENTRIES + 1),
    }
    with pytest.raises(NotAnArtifact) as caught:
        parse_manifest(canonical_json(doc))
    assert "entries" in (caught.value.detail or "")


@pytest.mark.slow
def test_20000_materials_seal_open_and_verify_and_one_more_is_refused(world, env, tmp_path) -> None:
    materials = many_files(
        tmp_path / "materials", limits.MAX_MATERIALS, name="申请材料附件第{i:05d}号扫描件.pdf"
    )
    out = tmp_path / "many.rvpkg"
    start = time.perf_counter()
    code, _, err = seal(world.root, world.authority, world.panel, [materials], out)
    assert code == 0, err
    sealed = time.perf_counter() - start
    opened = open_and_verify(world, out, limits.MAX_MATERIALS)
    print(f"20000 materials: sealed in {sealed:.1f} s, opened and verified in {opened:.1f} s")
    extra = tmp_path / "one-more.pdf"
    extra.write_bytes(b"x")
    refused_at_seal(world, tmp_path, [materials, extra], "20001 materials, more than the 20000")

"""Every tamper and hostile-archive case is refused with its own exit code, and nothing is left behind
— in both suites: every test runs on the NIST world's small package (``pkg_world``) and on the SM
world's (``tests/sm_world.py``: SM2 signatures and wraps, SM4-GCM streams under HKDF-SM3 keys)."""

from __future__ import annotations

import random
import shutil
import stat
import struct
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from pkg_world import PASS_ENV, PASSPHRASE, cli

from reviewer.errors import HostileArchive, NotAnArtifact, ReviewerError, Tampered
from reviewer.packages import open_package
from reviewer.packages.container import FILE_ATTR, FIXED_DATE
from reviewer.packages.limits import MAX_MANIFEST
from reviewer.trust import PassphraseSource, load_identity, suites
from tests import sm_world as sm
from tests.sm_world import sm_world  # noqa: F401  (the fixture)


@dataclass(frozen=True)
class TamperWorld:
    """What the tamper matrix needs of a world: the member folders, their passphrase, a small package."""

    suite: suites.Suite
    identities: dict[str, Path]
    passphrase: str
    small_package: Path


@pytest.fixture(params=("nist", "sm"))
def suite_name(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def world(request: pytest.FixtureRequest, suite_name: str, world) -> TamperWorld:  # pkg_world's, wrapped
    # (the parameter lives on its own fixture: on this one it would key pkg_world's session cache and
    # rebuild that world at every change of suite)
    if suite_name == "nist":
        return TamperWorld(suites.NIST, world.identities, PASSPHRASE, world.small_package)
    found = request.getfixturevalue("sm_world")
    folders = {key: found.root / "id" / key for key in found.ids}
    return TamperWorld(suites.SM, folders, sm.PASSPHRASE, found.package)


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, world: TamperWorld) -> None:
    monkeypatch.setenv(PASS_ENV, world.passphrase)


def members(path: Path) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(path) as zf:
        return [(i.filename, zf.read(i)) for i in zf.infolist()]


def rebuild(
    dst: Path,
    items: list[tuple[str, bytes]],
    *,
    compress: set[str] = frozenset(),
    attrs: dict[str, int] | None = None,
    comment: bytes = b"",
) -> Path:
    """Write a ZIP like the sealer does, with the changes a test asks for."""
    with zipfile.ZipFile(dst, "w") as zf:
        for name, data in items:
            info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
            info.create_system = 3
            info.external_attr = (attrs or {}).get(name, FILE_ATTR)
            info.compress_type = zipfile.ZIP_DEFLATED if name in compress else zipfile.ZIP_STORED
            zf.writestr(info, data)
        zf.comment = comment
    return dst


def open_code(world, path: Path) -> tuple[int, str]:
    code, _, err = cli(
        "package", "open", path, "--identity", world.identities["li"], "--passphrase-env", PASS_ENV
    )
    return code, err


def flip(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x01
    path.write_bytes(bytes(data))


def offset_of(path: Path, name: str) -> int:
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo(name)
    raw = path.read_bytes()
    n, m = struct.unpack("<HH", raw[info.header_offset + 26 : info.header_offset + 30])
    return info.header_offset + 30 + n + m


@pytest.fixture
def pkg(world, tmp_path) -> Path:
    copy = tmp_path / "copy.rvpkg"
    shutil.copyfile(world.small_package, copy)
    return copy


@pytest.mark.parametrize(
    "member,delta",
    [
        ("manifest.json", 40),
        ("signature.json", 60),
        ("revocations.crl", 100),
        ("payload/000003", 20),
        ("payload/000001", 5),
        ("payload/000000", 10),  # the confidential header
    ],
)
def test_a_flipped_byte_is_tampered(world, env, pkg, member, delta) -> None:
    flip(pkg, offset_of(pkg, member) + delta)
    code, err = open_code(world, pkg)
    assert code == 11, err


def test_truncated_is_tampered(world, env, pkg) -> None:
    data = pkg.read_bytes()
    for cut in (len(data) - 1, len(data) // 2, 200):
        pkg.write_bytes(data[:cut])
        assert open_code(world, pkg)[0] == 11


def test_swapped_entries_are_tampered(world, env, pkg, tmp_path) -> None:
    items = dict(members(pkg))
    items["payload/000001"], items["payload/000002"] = items["payload/000002"], items["payload/000001"]
    assert open_code(world, rebuild(tmp_path / "swapped.rvpkg", list(items.items())))[0] == 11


def test_removed_entry_is_tampered(world, env, pkg, tmp_path) -> None:
    items = [(n, d) for n, d in members(pkg) if n != "payload/000002"]
    assert open_code(world, rebuild(tmp_path / "removed.rvpkg", items))[0] == 11


def test_entry_replaced_by_a_member_with_the_key_is_tampered(world, pkg, tmp_path) -> None:
    """A panel member knows the content key and can make valid AES-GCM chunks; the signed hash stops it."""
    from reviewer.packages import stream

    identity = load_identity(world.identities["li"], PassphraseSource(explicit=world.passphrase))
    with open_package(pkg, identity) as opened:
        entry = opened.manifest.entry("materials/申请表.pdf")
        key = stream.derive_key(opened._file_key, entry.nonce, suite=world.suite)
        original = opened.read(entry.name)
        chunk = opened.manifest.chunk_size
    assert b"material" in original
    forged = b"".join(stream.encrypt(key, [original.replace(b"material", b"FORGERY!")], chunk))
    items = [(n, forged if n == entry.path else d) for n, d in members(pkg)]
    forged_pkg = rebuild(tmp_path / "forged.rvpkg", items)
    with open_package(forged_pkg, identity) as opened, pytest.raises(Tampered):
        opened.read(entry.name)


def test_header_replaced_by_a_member_with_the_key_is_tampered(world, env, pkg, tmp_path) -> None:
    """A member re-encrypts the confidential header with another roster (valid AES-GCM chunks): the
    signed hashes of the header stop it, and so does a header swapped with an entry."""
    import json

    from reviewer.packages import stream
    from reviewer.packages.manifest import HEADER_PATH
    from reviewer.trust.encoding import canonical_json

    identity = load_identity(world.identities["li"], PassphraseSource(explicit=world.passphrase))
    with open_package(pkg, identity) as opened:
        ref = opened.view.manifest.header
        doc = json.loads(opened.manifest.header_bytes())
        key = stream.derive_key(opened._file_key, ref.nonce, suite=world.suite)
        chunk = opened.manifest.chunk_size
    doc["roster"][1]["org"] = "冒名单位"
    forged = b"".join(stream.encrypt(key, [canonical_json(doc)], chunk))
    items = [(n, forged if n == HEADER_PATH else d) for n, d in members(pkg)]
    with pytest.raises(Tampered):
        open_package(rebuild(tmp_path / "forged.rvpkg", items), identity)
    parts = dict(members(pkg))
    parts[HEADER_PATH], parts["payload/000001"] = parts["payload/000001"], parts[HEADER_PATH]
    assert open_code(world, rebuild(tmp_path / "swapped.rvpkg", list(parts.items())))[0] == 11


def test_random_byte_flips_never_open(world, pkg, tmp_path) -> None:
    identity = load_identity(world.identities["li"], PassphraseSource(explicit=world.passphrase))
    size = pkg.stat().st_size
    rng = random.Random(3)
    victim = tmp_path / "victim.rvpkg"
    for offset in sorted(rng.sample(range(size), 150)):
        shutil.copyfile(pkg, victim)
        flip(victim, offset)
        with pytest.raises(ReviewerError) as caught, open_package(victim, identity) as opened:
            opened.verify_all()
        assert caught.value.exit_code in (10, 11, 16), (offset, caught.value)


# --- hostile archives ---------------------------------------------------------------------------


def hostile(world, pkg, tmp_path, name: str, **changes) -> tuple[int, str]:
    items = members(pkg)
    items = changes.pop("items", lambda x: x)(items)
    return open_code(world, rebuild(tmp_path / name, items, **changes))


@pytest.mark.parametrize("bad_name", ["../../evil.txt", "/etc/passwd", "payload/../../x", "C:/x", "a\\b"])
def test_unsafe_names(world, env, pkg, tmp_path, bad_name) -> None:
    code, err = hostile(world, pkg, tmp_path, "names.rvpkg", items=lambda items: [*items, (bad_name, b"x")])
    assert code == 16 and "unsafe member name" in err


def test_duplicate_names(world, env, pkg, tmp_path) -> None:
    with pytest.warns(UserWarning):  # zipfile warns when asked to write a duplicate
        code, err = hostile(
            world,
            pkg,
            tmp_path,
            "dup.rvpkg",
            items=lambda items: [*items, ("manifest.json", dict(items)["manifest.json"])],
        )
    assert code == 16 and "duplicate" in err


def test_symlink_entry(world, env, pkg, tmp_path) -> None:
    link = (stat.S_IFLNK | 0o777) << 16
    code, err = hostile(world, pkg, tmp_path, "link.rvpkg", attrs={"payload/000001": link})
    assert code == 16 and "link" in err


def test_entry_not_in_manifest(world, env, pkg, tmp_path) -> None:
    code, err = hostile(
        world, pkg, tmp_path, "extra.rvpkg", items=lambda items: [*items, ("payload/999999", b"x")]
    )
    assert code == 16 and "does not list" in err


def test_decompression_bomb(world, env, pkg, tmp_path) -> None:
    bomb = [("mimetype", dict(members(pkg))["mimetype"]), ("payload/000001", bytes(50 * 1024 * 1024))]
    path = rebuild(
        tmp_path / "bomb.rvpkg",
        bomb + [m for m in members(pkg) if m[0] not in dict(bomb)],
        compress={"payload/000001"},
    )
    assert path.stat().st_size < 1024 * 1024
    code, err = open_code(world, path)
    assert code == 16 and "compressed" in err


def test_oversized_manifest(world, env, pkg, tmp_path) -> None:
    def grow(items):
        return [(n, d + b" " * (MAX_MANIFEST + 1 - len(d)) if n == "manifest.json" else d) for n, d in items]

    code, err = hostile(world, pkg, tmp_path, "big-manifest.rvpkg", items=grow)
    assert code == 16 and "larger than allowed" in err


def test_comment_and_trailing_junk(world, env, pkg, tmp_path) -> None:
    assert hostile(world, pkg, tmp_path, "comment.rvpkg", comment=b"hello")[0] == 16
    junk = tmp_path / "junk.rvpkg"
    junk.write_bytes(pkg.read_bytes() + b"JUNK" * 10)
    assert open_code(world, junk)[0] in (11, 16)


def test_hidden_data_between_members(world, env, pkg, tmp_path) -> None:
    """Bytes smuggled between members (or overlapping members) are refused before anything is read."""
    raw = bytearray(pkg.read_bytes())
    with zipfile.ZipFile(pkg) as zf:
        second = zf.infolist()[1].header_offset
    hidden = tmp_path / "hidden.rvpkg"
    # shift every offset by inserting bytes: zipfile still opens it, the layout check does not
    hidden.write_bytes(bytes(raw[:second]) + b"\0" * 64 + bytes(raw[second:]))
    with pytest.raises((HostileArchive, Tampered)):
        load = load_identity(world.identities["li"], PassphraseSource(explicit=world.passphrase))
        open_package(hidden, load)


def test_not_an_artifact_without_mimetype(world, pkg, tmp_path) -> None:
    items = [m for m in members(pkg) if m[0] != "mimetype"]
    path = rebuild(tmp_path / "nomime.rvpkg", items)
    identity = load_identity(world.identities["li"], PassphraseSource(explicit=world.passphrase))
    with pytest.raises(NotAnArtifact):
        open_package(path, identity)

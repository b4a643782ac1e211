"""The roster, the candidate and the entry names are readable only with a key (issue 18).

The attack: an outsider holding a package file, without a member's or the ministry's key, looks for
the candidate's name and every member's name and organisation in its bytes."""

from __future__ import annotations

import json
import zipfile

import pytest
from pkg_world import PASSPHRASE, cli

from reviewer.errors import EarlierFormat, NotAnArtifact
from reviewer.packages import inspect_package, open_package, verify_package
from reviewer.packages.manifest import HEADER_PATH, parse_manifest
from reviewer.trust import PassphraseSource, load_identity
from reviewer.trust.encoding import canonical_json
from reviewer.trust.identity import load_pinned_root

PEOPLE = ("张伟", "南京大学", "李娜", "中国软件评测中心", "王芳", "浙江大学")
SECRETS = ("示例软件园", "南京市", "自评报告", "申请表", "说明.txt", "SAMPLE-PARK-CREATION", *PEOPLE)


def test_an_outsider_finds_no_name_in_the_package_bytes(world) -> None:
    for package in (world.small_package, world.big_package):
        data = package.read_bytes()
        members = {}
        with zipfile.ZipFile(package) as zf:
            members = {name: zf.read(name) for name in zf.namelist() if zf.getinfo(name).file_size < 2**20}
        for secret in SECRETS:
            needle = secret.encode("utf-8")
            assert needle not in data, secret
            assert all(needle not in body for body in members.values()), secret
        manifest = json.loads(members["manifest.json"])
        assert not {"roster", "candidate", "standard", "kind"} & set(manifest)
        assert all(set(e) == {"path", "encrypted_size", "encrypted_sha256"} for e in manifest["entries"])


def test_a_member_reads_the_roster_and_candidate(world) -> None:
    identity = load_identity(world.identities["wang"], PassphraseSource(explicit=PASSPHRASE))
    with open_package(world.small_package, identity) as opened:
        m = opened.manifest
        assert m.candidate["name"] == "示例软件园" and m.standard["id"] == "SAMPLE-PARK-CREATION"
        assert [r.name for r in m.roster] == ["张伟", "李娜", "王芳"] and m.chair().org == "南京大学"
        assert {e.name for e in opened.materials()} == {"materials/申请表.pdf"}
        assert m.public().to_bytes() == opened.view.manifest_bytes


def test_without_a_key_only_the_public_part_is_shown(world, env) -> None:
    view = verify_package(world.small_package, load_pinned_root(world.identities["li"]))
    assert not hasattr(view.manifest, "roster") and not hasattr(view.manifest, "candidate")
    assert view.manifest.header.path == HEADER_PATH
    assert (
        view.contents_checked is not None and view.contents_checked.entries == len(view.manifest.entries) + 1
    )
    assert inspect_package(world.small_package).manifest == view.manifest
    code, out, _ = cli("package", "verify", world.small_package, "--identity", world.identities["zhao"])
    assert code == 13 and "示例软件园" not in out and "张伟" not in out  # zhao is not on this panel
    assert "readable only by the panel and the ministry" in out and "Recipients: 4" in out


def test_a_version_1_package_is_refused_naming_the_reason(world) -> None:
    with zipfile.ZipFile(world.small_package) as zf:
        doc = json.loads(zf.read("manifest.json"))
    doc["version"] = 1
    with pytest.raises(EarlierFormat) as caught:
        parse_manifest(canonical_json(doc))
    assert isinstance(caught.value, NotAnArtifact) and caught.value.exit_code == 10
    assert "sealed by an earlier release" in caught.value.message.en

"""The round trip of issue 3 from the CLI: enrol, seal 50 MB, each member verifies and opens."""

from __future__ import annotations

import hashlib
import zipfile
from datetime import timedelta

import pytest
from pkg_world import PASS_ENV, PASSPHRASE, cli, seal, write_panel

from reviewer.errors import Expired
from reviewer.packages import inspect_package, open_package, verify_package
from reviewer.trust import PassphraseSource, clock, load_identity
from reviewer.trust.identity import load_pinned_root

pytestmark = pytest.mark.slow


def sha256_file(path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(1 << 20):
            h.update(block)
    return h.hexdigest()


@pytest.mark.parametrize("member", ["zhang", "li", "wang"])
def test_each_member_verifies_and_opens(world, env, member) -> None:
    code, out, _ = cli("package", "verify", world.big_package, "--identity", world.identities[member])
    assert code == 0 and "may open this package" in out
    # verify needs no key: the panel and the candidate are not shown, opening shows them
    assert "示例软件园" not in out and "王芳 ·" not in out and "readable only by the panel" in out
    code, out, err = cli(
        "package",
        "open",
        world.big_package,
        "--identity",
        world.identities[member],
        "--passphrase-env",
        PASS_ENV,
    )
    assert code == 0, err
    assert "materials/自评报告.pdf" in out and "nothing written to disk" in out
    assert "示例软件园" in out and "SAMPLE-PARK-CREATION" in out and "张伟" in out and "chair" in out


def test_opened_materials_equal_the_originals_chunk_by_chunk(world) -> None:
    identity = load_identity(world.identities["li"], PassphraseSource(explicit=PASSPHRASE))
    with open_package(world.big_package, identity) as opened:
        names = {e.name for e in opened.materials()}
        assert names == {"materials/自评报告.pdf", "materials/申请表.pdf", "materials/说明.txt"}
        h, biggest = hashlib.sha256(), 0
        for chunk in opened.iter_entry("materials/自评报告.pdf"):
            h.update(chunk)
            biggest = max(biggest, len(chunk))
        assert h.hexdigest() == sha256_file(world.materials / "自评报告.pdf")
        assert biggest <= opened.manifest.chunk_size  # bounded: one chunk at a time
        assert opened.read("materials/说明.txt").decode("utf-8") == "示例材料\n"
        assert opened.standard().id == "SAMPLE-PARK-CREATION"
        candidate = opened.candidate()
        assert candidate["profile"]["city"] == "南京市"
        assert [i["code"] for i in candidate["eligibility"]]  # the checklist from the standard
        assert opened.read("prior-results.json")
        assert b"site visit" in opened.read("schedule.json")


def test_the_ministry_is_a_recipient_too(world) -> None:
    view = inspect_package(world.small_package)
    recipients = {w.recipient for w in view.manifest.recipients}
    assert view.signer_fingerprint in recipients
    assert len(recipients) == 4  # three members + the ministry


def test_outsider_is_refused_as_not_on_panel(world, env) -> None:
    code, _, err = cli(
        "package",
        "open",
        world.big_package,
        "--identity",
        world.identities["zhao"],
        "--passphrase-env",
        PASS_ENV,
    )
    assert code == 13, err
    assert "not on this panel" in err
    assert cli("package", "verify", world.small_package, "--identity", world.identities["zhao"])[0] == 13


def test_package_from_another_authority_is_untrusted(world, env) -> None:
    for action in (
        ("verify", world.foreign_package, "--identity", world.identities["zhang"]),
        (
            "open",
            world.foreign_package,
            "--identity",
            world.identities["zhang"],
            "--passphrase-env",
            PASS_ENV,
        ),
    ):
        code, _, err = cli("package", *action)
        assert code == 12, err
        assert "not issued by the ministry root you trust" in err


def test_verify_without_anchor_prints_claims_but_exits_untrusted(world) -> None:
    code, out, err = cli("package", "verify", world.small_package)
    assert code == 12 and "Recipients: 4" in out and "示例软件园" not in out and "NOT checked" in err
    code, out, _ = cli("package", "verify", world.small_package, "--trust", world.authority / "root.crt.pem")
    assert code == 0 and "Signature: valid" in out


def test_expired_package(world, env, monkeypatch) -> None:
    manifest = inspect_package(world.small_package).manifest
    later = clock.parse_iso(manifest.expires) + timedelta(days=1)
    monkeypatch.setattr(clock, "utcnow", lambda: later)
    code, _, err = cli(
        "package",
        "open",
        world.small_package,
        "--identity",
        world.identities["li"],
        "--passphrase-env",
        PASS_ENV,
    )
    assert code == 14 and "expired" in err
    with pytest.raises(Expired):
        verify_package(world.small_package, load_pinned_root(world.identities["li"]))


def test_wrong_passphrase(world, monkeypatch) -> None:
    monkeypatch.setenv(PASS_ENV, "not the passphrase")
    code, _, err = cli(
        "package",
        "open",
        world.small_package,
        "--identity",
        world.identities["li"],
        "--passphrase-env",
        PASS_ENV,
    )
    assert code == 15 and "wrong" in err


def test_not_a_package(world, tmp_path) -> None:
    text = tmp_path / "notes.rvpkg"
    text.write_text("hello", encoding="utf-8")
    other_zip = tmp_path / "other.rvpkg"
    with zipfile.ZipFile(other_zip, "w") as zf:
        zf.writestr("hello.txt", "hi")
    for path in (text, other_zip):
        code, _, err = cli("package", "verify", path, "--identity", world.identities["li"])
        assert code == 10 and "not a review package" in err


def test_revoked_member_cannot_join_a_new_panel(world, env, tmp_path) -> None:
    code, out, _ = cli(
        "authority",
        "revoke",
        world.authority,
        world.credentials["sun"],
        "--reason",
        "笔记本丢失",
        "--passphrase-env",
        PASS_ENV,
    )
    assert code == 0 and "Revoked" in out
    panel = write_panel(world.root / "panel-with-sun.json", [("zhang", "chair"), ("sun", "expert")])
    out_pkg = tmp_path / "new.rvpkg"
    code, _, err = seal(world.root, world.authority, panel, [world.root / "small"], out_pkg)
    assert code == 17 and "revoked" in err
    assert not out_pkg.exists() and not list(tmp_path.glob(".*tmp"))  # nothing left behind
    # Packages sealed from now on carry the new list; the ledger records both events.
    fresh = tmp_path / "fresh.rvpkg"
    assert seal(world.root, world.authority, world.panel, [world.root / "small"], fresh)[0] == 0
    view = verify_package(fresh, load_pinned_root(world.identities["zhang"]))
    assert view.revocations is not None and view.revocations.number >= 2
    ledger = (world.authority / "ledger.jsonl").read_text("utf-8")
    assert '"event": "revoked"' in ledger and '"event": "sealed"' in ledger


def test_seal_refuses_bad_panels(world, env, tmp_path) -> None:
    no_chair = write_panel(world.root / "no-chair.json", [("li", "expert"), ("wang", "expert")])
    assert seal(world.root, world.authority, no_chair, [world.root / "small"], tmp_path / "x.rvpkg")[0] == 3
    foreign = write_panel(world.root / "foreign-member.json", [("zhang", "chair"), ("mallory", "expert")])
    assert seal(world.root, world.authority, foreign, [world.root / "small"], tmp_path / "y.rvpkg")[0] == 12
    assert not list(tmp_path.iterdir())

"""Review packages in the SM suite: sealed by an SM authority (SM2 signature, SM2 wraps, SM4-GCM
streams under HKDF-SM3 keys), opened by SM identities; the other suite is refused everywhere."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest
from pkg_world import PASSPHRASE
from test_tamper import flip, members, offset_of, rebuild

from reviewer.errors import HostileArchive, ReviewerError, SuiteMismatch, Tampered
from reviewer.packages import open_package, stream, verify_package
from reviewer.packages.manifest import HEADER_PATH, parse_manifest
from reviewer.packages.signature import parse_signature, signature_document
from reviewer.trust import PassphraseSource, certs, load_identity, sm, suites
from reviewer.trust.authority import create_authority
from reviewer.trust.credential import load_credential
from reviewer.trust.encoding import b64, canonical_json
from reviewer.trust.recipients import find_wrapped
from tests.sm_world import sm_world  # noqa: F401  (the fixture)


def nist_identity(world):
    return load_identity(world.identities["li"], PassphraseSource(explicit=PASSPHRASE))


@pytest.fixture
def sm_pkg(sm_world, tmp_path) -> Path:  # noqa: F811
    copy = tmp_path / "sm-copy.rvpkg"
    shutil.copyfile(sm_world.package, copy)
    return copy


def test_sm_package_round_trip(sm_world) -> None:  # noqa: F811
    w = sm_world
    with open_package(w.package, w.ids["li"]) as opened:
        assert opened.manifest.suite == suites.SM_ID == opened.view.manifest.suite
        assert opened.read("materials/申请表.pdf") == (w.materials / "申请表.pdf").read_bytes()
        assert opened.read("materials/说明.txt") == "示例材料\n".encode()
        assert opened.standard().id == w.standard.id
        assert opened.verify_all() > 0
        assert [m.name for m in opened.manifest.roster] == ["张伟", "李娜", "王芳"]
        # every stream key is an SM4 key drawn with HKDF-SM3; AES would not decrypt the entry
        entry = opened.manifest.entry("materials/申请表.pdf")
        key = stream.derive_key(opened._file_key, entry.nonce, suite=suites.SM)
        assert len(key) == 16
    view = verify_package(w.package, w.root_cert)
    assert view.trusted and view.contents_checked is not None
    doc = json.loads(zipfile.ZipFile(w.package).read("manifest.json"))
    assert doc["suite"] == "RV1-SM2-SM3-SM4"


def test_sm_manifest_wraps_are_sm2_ciphertexts(sm_world) -> None:  # noqa: F811
    w = sm_world
    with zipfile.ZipFile(w.package) as zf:
        body, sig = zf.read("manifest.json"), zf.read("signature.json")
    manifest = parse_manifest(body)
    assert len(manifest.recipients) == 4  # three members and the ministry
    for wrapped in manifest.recipients:
        assert wrapped.ephemeral == b""
        assert 150 <= len(wrapped.wrapped) <= 200 and wrapped.wrapped[0] == 0x30
    # the ministry's wrap: SM2 decryption with its SM2 key gives the file key || SM3(context)
    mine = find_wrapped(manifest.recipients, certs.cert_fingerprint(w.authority.signing_cert))
    plain = sm.sm2_decrypt(w.keys.encryption, mine.wrapped)
    assert len(plain) == 64 and plain[32:] == sm.sm3(manifest.context)
    # the manifest's signature: SM3withSM2 by the SM2 package-signing key
    block = parse_signature(sig)
    assert json.loads(sig)["algorithm"] == "sm2-sm3"
    assert suites.of_certificate(block.signer) is suites.SM
    sm.sm2_verify(certs.public_key_of(w.authority.signing_cert), body, block.signature)
    with pytest.raises(Tampered):
        sm.sm2_verify(certs.public_key_of(w.authority.signing_cert), body + b" ", block.signature)


def test_a_nist_package_is_refused_by_an_sm_identity(sm_world, world) -> None:  # noqa: F811
    with pytest.raises(SuiteMismatch) as caught:
        open_package(world.small_package, sm_world.ids["li"])
    assert caught.value.exit_code == 12
    assert "RV1-P256-X25519-AES256GCM != RV1-SM2-SM3-SM4" in str(caught.value.detail)
    with pytest.raises(SuiteMismatch):
        verify_package(world.small_package, sm_world.root_cert)


def test_an_sm_package_is_refused_by_a_nist_identity(sm_world, world) -> None:  # noqa: F811
    with pytest.raises(SuiteMismatch):
        open_package(sm_world.package, nist_identity(world))


def _rewrite_suite(pkg: Path, out: Path, signature: bytes | None = None) -> Path:
    items = members(pkg)
    body = dict(items)["manifest.json"]
    doc = json.loads(body)
    doc["suite"] = suites.NIST_ID
    new_body = canonical_json(doc)
    parts = [(n, new_body if n == "manifest.json" else d) for n, d in items]
    if signature is not None:
        parts = [(n, signature if n == "signature.json" else d) for n, d in parts]
    return rebuild(out, parts)


def test_an_sm_package_relabelled_nist_is_refused(sm_world, sm_pkg, tmp_path) -> None:  # noqa: F811
    """The suite field rewritten (not re-signed, then re-signed by a rogue NIST authority): refused by
    an SM identity before any signature is trusted."""
    relabelled = _rewrite_suite(sm_pkg, tmp_path / "relabelled.rvpkg")
    with pytest.raises(SuiteMismatch):
        open_package(relabelled, sm_world.ids["li"])
    rogue = create_authority(
        tmp_path / "rogue", name="工业和信息化部", source=PassphraseSource(explicit="rogue-pass-0123")
    )
    rogue_keys = rogue.unlock(PassphraseSource(explicit="rogue-pass-0123"))
    doc = json.loads(dict(members(sm_pkg))["manifest.json"])
    doc["suite"] = suites.NIST_ID
    signed = signature_document(rogue_keys.signing, canonical_json(doc), rogue)
    resigned = _rewrite_suite(sm_pkg, tmp_path / "resigned.rvpkg", signed)
    with pytest.raises(SuiteMismatch):
        open_package(resigned, sm_world.ids["li"])
    with pytest.raises(SuiteMismatch):
        verify_package(resigned, sm_world.root_cert)


def test_a_nist_signature_block_on_an_sm_manifest_is_refused(sm_world, sm_pkg, tmp_path) -> None:  # noqa: F811
    """Signature block claiming ECDSA over an SM certificate: refused (not read as valid)."""
    sig = json.loads(dict(members(sm_pkg))["signature.json"])
    sig["algorithm"] = "ecdsa-p256-sha256"
    items = [(n, json.dumps(sig).encode() if n == "signature.json" else d) for n, d in members(sm_pkg)]
    with pytest.raises(ReviewerError) as caught:
        open_package(rebuild(tmp_path / "algo.rvpkg", items), sm_world.ids["li"])
    assert isinstance(caught.value, Tampered)


def test_sealing_an_sm_panel_with_a_nist_credential_is_refused(sm_world, world, tmp_path) -> None:  # noqa: F811
    nist = load_credential(world.credentials["li"])
    panel = sm_world.panel(("zhang", "chair"), ("wang", "expert"))
    from reviewer.packages.seal import PanelMember

    out = tmp_path / "mixed.rvpkg"
    ledger = (sm_world.authority.path / "ledger.jsonl").read_text("utf-8")
    with pytest.raises(SuiteMismatch) as caught:
        sm_world.seal(out, [*panel, PanelMember(nist, "expert")])
    assert "李娜" in str(caught.value)
    assert not out.exists() and list(tmp_path.iterdir()) == []
    assert (sm_world.authority.path / "ledger.jsonl").read_text("utf-8") == ledger


def test_an_sm_member_not_on_the_panel_cannot_open(sm_world) -> None:  # noqa: F811
    from reviewer.errors import NotOnPanel

    with pytest.raises(NotOnPanel):
        open_package(sm_world.package, sm_world.ids["zhao"])


# --- the tamper matrix of test_tamper.py, on an SM package -------------------------------------


def _open_all(pkg: Path, identity) -> None:
    with open_package(pkg, identity) as opened:
        opened.verify_all()


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
def test_sm_a_flipped_byte_is_tampered(sm_world, sm_pkg, member, delta) -> None:  # noqa: F811
    flip(sm_pkg, offset_of(sm_pkg, member) + delta)
    with pytest.raises(ReviewerError) as caught:
        _open_all(sm_pkg, sm_world.ids["li"])
    assert caught.value.exit_code == 11, caught.value


def test_sm_truncated_is_tampered(sm_world, sm_pkg) -> None:  # noqa: F811
    data = sm_pkg.read_bytes()
    for cut in (len(data) - 1, len(data) // 2, 200):
        sm_pkg.write_bytes(data[:cut])
        with pytest.raises(ReviewerError) as caught:
            _open_all(sm_pkg, sm_world.ids["li"])
        assert caught.value.exit_code == 11, (cut, caught.value)


def test_sm_swapped_and_removed_entries_are_tampered(sm_world, sm_pkg, tmp_path) -> None:  # noqa: F811
    items = dict(members(sm_pkg))
    items["payload/000001"], items["payload/000002"] = items["payload/000002"], items["payload/000001"]
    with pytest.raises(Tampered):
        _open_all(rebuild(tmp_path / "swapped.rvpkg", list(items.items())), sm_world.ids["li"])
    removed = [(n, d) for n, d in members(sm_pkg) if n != "payload/000002"]
    with pytest.raises(Tampered):
        _open_all(rebuild(tmp_path / "removed.rvpkg", removed), sm_world.ids["li"])


def test_sm_entry_and_header_replaced_by_a_member_with_the_key(sm_world, sm_pkg, tmp_path) -> None:  # noqa: F811
    """A member knows the file key and makes valid SM4-GCM chunks: the signed hashes stop both."""
    identity = sm_world.ids["li"]
    with open_package(sm_pkg, identity) as opened:
        entry = opened.manifest.entry("materials/申请表.pdf")
        key = stream.derive_key(opened._file_key, entry.nonce, suite=suites.SM)
        original = opened.read(entry.name)
        ref = opened.view.manifest.header
        header_key = stream.derive_key(opened._file_key, ref.nonce, suite=suites.SM)
        doc = json.loads(opened.manifest.header_bytes())
        chunk = opened.manifest.chunk_size
    forged = b"".join(stream.encrypt(key, [original.replace(b"SM test", b"FORGED!")], chunk))
    items = [(n, forged if n == entry.path else d) for n, d in members(sm_pkg)]
    with open_package(rebuild(tmp_path / "forged.rvpkg", items), identity) as opened, pytest.raises(Tampered):
        opened.read(entry.name)
    doc["roster"][1]["org"] = "冒名单位"
    forged_header = b"".join(stream.encrypt(header_key, [canonical_json(doc)], chunk))
    items = [(n, forged_header if n == HEADER_PATH else d) for n, d in members(sm_pkg)]
    with pytest.raises(Tampered):
        open_package(rebuild(tmp_path / "forged-header.rvpkg", items), identity)


def test_sm_a_wrap_moved_to_another_recipient_is_refused(sm_world, sm_pkg, tmp_path) -> None:  # noqa: F811
    """li's SM2 wrap given to wang (and re-signed by nobody): the signature breaks; a wrap bound to
    another package (SM3 of the context) cannot be replayed either (recipients.unwrap)."""
    items = dict(members(sm_pkg))
    doc = json.loads(items["manifest.json"])
    doc["recipients"][0]["wrapped_key"], doc["recipients"][1]["wrapped_key"] = (
        doc["recipients"][1]["wrapped_key"],
        doc["recipients"][0]["wrapped_key"],
    )
    items["manifest.json"] = canonical_json(doc)
    with pytest.raises(Tampered):
        _open_all(rebuild(tmp_path / "moved.rvpkg", list(items.items())), sm_world.ids["li"])


def test_sm_hostile_archive_members(sm_world, sm_pkg, tmp_path) -> None:  # noqa: F811
    items = [*members(sm_pkg), ("payload/999999", b"x")]
    with pytest.raises(HostileArchive):
        _open_all(rebuild(tmp_path / "extra.rvpkg", items), sm_world.ids["li"])
    with pytest.raises(HostileArchive):
        _open_all(
            rebuild(tmp_path / "names.rvpkg", [*members(sm_pkg), ("../evil", b"x")]), sm_world.ids["li"]
        )


def test_sm_wrap_shapes_are_checked(sm_world, sm_pkg, tmp_path) -> None:  # noqa: F811
    """An SM manifest with a NIST-shaped wrap (32-byte ephemeral) is not a manifest this reader reads."""
    from reviewer.errors import NotAnArtifact

    doc = json.loads(dict(members(sm_pkg))["manifest.json"])
    doc["recipients"][0]["ephemeral"] = b64(bytes(32))
    with pytest.raises(NotAnArtifact):
        parse_manifest(canonical_json(doc))

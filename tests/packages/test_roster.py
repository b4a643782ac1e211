"""The signed roster carries each member's certificate; the reader checks it against the entry."""

from __future__ import annotations

import json
import zipfile

import pytest
from pkg_world import PASSPHRASE

from reviewer.errors import NotAnArtifact
from reviewer.packages import open_package
from reviewer.packages.manifest import PublicManifest, parse_header, parse_manifest
from reviewer.trust import PassphraseSource, certs, load_identity
from reviewer.trust.credential import load_credential
from reviewer.trust.encoding import canonical_json
from reviewer.trust.keys import cert_fingerprint


def manifest_doc(world) -> dict:
    with zipfile.ZipFile(world.small_package) as zf:
        return json.loads(zf.read("manifest.json"))


def header_doc(world) -> tuple[PublicManifest, dict]:
    """The signed public manifest and the confidential header (decrypted by a member) of the package."""
    identity = load_identity(world.identities["li"], PassphraseSource(explicit=PASSPHRASE))
    with open_package(world.small_package, identity) as opened:
        return opened.view.manifest, json.loads(opened.manifest.header_bytes())


def test_every_roster_entry_carries_its_members_certificate(world) -> None:
    identity = load_identity(world.identities["li"], PassphraseSource(explicit=PASSPHRASE))
    with open_package(world.small_package, identity) as opened:
        manifest = opened.manifest
    by_name = {m.name: m for m in manifest.roster}
    assert set(by_name) == {"张伟", "李娜", "王芳"}
    for key in ("zhang", "li", "wang"):
        credential = load_credential(world.credentials[key])
        member = by_name[credential.name]
        assert member.certificate == credential.certificate
        assert member.cert_sha256 == cert_fingerprint(member.certificate) == credential.fingerprint
        assert member.serial == f"{credential.serial:x}"
    chair = manifest.chair()
    assert chair.name == "张伟" and certs.common_name(chair.certificate) == "张伟"
    # the chair's X25519 key is the one certified in the certificate the package carries
    zhang = load_identity(world.identities["zhang"], PassphraseSource(explicit=PASSPHRASE))
    assert chair.cert_sha256 == zhang.fingerprint
    assert (
        certs.encryption_key_of(chair.certificate).public_bytes_raw()
        == certs.encryption_key_of(zhang.certificate).public_bytes_raw()
    )


def test_an_opened_package_exposes_the_certificates(world) -> None:
    identity = load_identity(world.identities["li"], PassphraseSource(explicit=PASSPHRASE))
    with open_package(world.small_package, identity) as opened:
        me = next(m for m in opened.manifest.roster if m.cert_sha256 == identity.fingerprint)
        assert me.certificate == identity.certificate


def test_the_manifest_and_header_round_trip_byte_for_byte(world) -> None:
    body = canonical_json(manifest_doc(world))
    public = parse_manifest(body)
    assert public.to_bytes() == body
    _, doc = header_doc(world)
    assert all("certificate" in m for m in doc["roster"])
    header = canonical_json(doc)
    assert parse_header(header, public).header_bytes() == header


def _swap_certificates(doc: dict) -> None:
    a, b = doc["roster"][0], doc["roster"][1]
    a["certificate"], b["certificate"] = b["certificate"], a["certificate"]


def _drop_certificate(doc: dict) -> None:
    del doc["roster"][1]["certificate"]


def _garbage_certificate(doc: dict) -> None:
    doc["roster"][1]["certificate"] = "AAAA"


def _not_base64(doc: dict) -> None:
    doc["roster"][1]["certificate"] = "not base64!"


def _fingerprint_follows_but_serial_does_not(doc: dict) -> None:
    a, b = doc["roster"][0], doc["roster"][1]
    a["certificate"], a["cert_sha256"] = b["certificate"], b["cert_sha256"]


@pytest.mark.parametrize(
    "change",
    [
        _swap_certificates,
        _drop_certificate,
        _garbage_certificate,
        _not_base64,
        _fingerprint_follows_but_serial_does_not,
    ],
)
def test_a_roster_certificate_that_does_not_match_is_refused(world, change) -> None:
    public, doc = header_doc(world)
    change(doc)
    with pytest.raises(NotAnArtifact) as caught:
        parse_header(canonical_json(doc), public)
    assert caught.value.exit_code == 10


def _drop_member(doc: dict) -> None:
    del doc["roster"][2]


def _another_package(doc: dict) -> None:
    doc["package_id"] = "00000000-0000-4000-8000-000000000000"


def _rename_entry_path(doc: dict) -> None:
    doc["entries"][0]["path"] = "payload/009999"


@pytest.mark.parametrize("change", [_drop_member, _another_package, _rename_entry_path])
def test_a_header_that_disagrees_with_the_signed_manifest_is_refused(world, change) -> None:
    """A member on the roster without a wrapped key (or a recipient not on it), a header of another
    package, an entry the manifest does not list: refused (10)."""
    public, doc = header_doc(world)
    change(doc)
    with pytest.raises(NotAnArtifact):
        parse_header(canonical_json(doc), public)

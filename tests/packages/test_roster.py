"""The signed roster carries each member's certificate; the reader checks it against the entry."""

from __future__ import annotations

import json
import zipfile

import pytest
from pkg_world import PASSPHRASE

from reviewer.errors import NotAnArtifact
from reviewer.packages import open_package, verify_package
from reviewer.packages.manifest import parse_manifest
from reviewer.trust import PassphraseSource, certs, load_identity
from reviewer.trust.credential import load_credential
from reviewer.trust.encoding import canonical_json
from reviewer.trust.identity import load_pinned_root
from reviewer.trust.keys import cert_fingerprint


def manifest_doc(world) -> dict:
    with zipfile.ZipFile(world.small_package) as zf:
        return json.loads(zf.read("manifest.json"))


def test_every_roster_entry_carries_its_members_certificate(world) -> None:
    view = verify_package(world.small_package, load_pinned_root(world.identities["li"]))
    by_name = {m.name: m for m in view.manifest.roster}
    assert set(by_name) == {"张伟", "李娜", "王芳"}
    for key in ("zhang", "li", "wang"):
        credential = load_credential(world.credentials[key])
        member = by_name[credential.name]
        assert member.certificate == credential.certificate
        assert member.cert_sha256 == cert_fingerprint(member.certificate) == credential.fingerprint
        assert member.serial == f"{credential.serial:x}"
    chair = view.manifest.chair()
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


def test_the_manifest_round_trips_byte_for_byte(world) -> None:
    doc = manifest_doc(world)
    assert all("certificate" in m for m in doc["roster"])
    body = canonical_json(doc)
    assert parse_manifest(body).to_bytes() == body


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
    doc = manifest_doc(world)
    change(doc)
    with pytest.raises(NotAnArtifact) as caught:
        parse_manifest(canonical_json(doc))
    assert caught.value.exit_code == 10

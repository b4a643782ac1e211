"""Result bundles: the ministry opens and recomputes; every forgery is refused with its typed error —
in both suites (``bundle_world`` is parametrised here: the NIST round, then the same round under an
SM authority)."""

from __future__ import annotations

import json
import uuid
from dataclasses import replace
from decimal import Decimal

import pytest
from bundle_world import CHAIR, RECUSED, BundleWorld, build_bundle_world, sign_in_order

from reviewer.errors import NotAnArtifact, NotOnPanel, Refused, SuiteMismatch, Tampered, Untrusted
from reviewer.export import bundle_checks as checks
from reviewer.export.bundle import _package_files, build_bundle, open_bundle, verify_bundle, write_bundle
from reviewer.export.bundle_checks import record_bindings
from reviewer.export.bundle_format import (
    KIND,
    MIMETYPE,
    BundleContent,
    ForeignContent,
    NotTheChair,
    RecordIncomplete,
    ResultMismatch,
    content_json,
    header_json,
    sha256,
)
from reviewer.export.closing import nobody_unsigned
from reviewer.export.panel_record import panel_record_input
from reviewer.export.record import build_record_pdf
from reviewer.packages import envelope as fmt
from reviewer.packages import open_package
from reviewer.scoring.reconcile import reconcile
from reviewer.scoring.sheet import open_sheet
from reviewer.standards.load import StandardInvalid
from reviewer.trust import clock, suites
from reviewer.trust.keys import ec_public_der
from tests.sm_world import sm_world  # noqa: F401  (the fixture: another SM ministry)


@pytest.fixture(scope="session", params=("nist", "sm"))
def bundle_world(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> BundleWorld:
    """The bundle world in each suite (the NIST one shared with the other bundle tests)."""
    suite = suites.by_name(request.param)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
        return build_bundle_world(tmp_path_factory.mktemp(f"bundle-world-{request.param}"), suite)


def forge(w: BundleWorld, *, signer: str = CHAIR, version: int = 1, **changes: object) -> bytes:
    """A bundle made by a rogue tool: signed and encrypted correctly, but skipping every check."""
    with open_package(w.package, w.ids[CHAIR]) as opened:
        files = _package_files(opened)
    content = BundleContent(files, tuple(w.sheets.values()), w.decisions.to_json(), w.reconciliation,
                            w.record_signed, w.motions, w.statements)  # fmt: skip
    content = replace(content, **changes)  # type: ignore[arg-type]
    if not content.closing:  # every member signed: closing.json states nobody
        content = replace(content, closing=nobody_unsigned(content.record))
    ident = w.ids[signer]
    bundle_id = str(uuid.uuid4())
    header = header_json(
        bundle_id=bundle_id,
        package_id=w.binding.package_id,
        manifest_sha256=w.binding.manifest_sha256,
        result_version=version,
        created=clock.iso(clock.utcnow()),
        chair_sha256=ident.fingerprint,
        sheet_count=len(content.sheets),
        record_sha256=sha256(content.record),
        suite=w.suite.id,
    )
    return fmt.seal_envelope(mimetype=MIMETYPE, kind=KIND, artifact_id=bundle_id, header=header,
                             payload=content_json(header, content), signer=ident,
                             recipients=[fmt.recipient_of(w.authority.signing_cert, "ministry")])  # fmt: skip


def test_the_ministry_opens_recomputes_and_matches(bundle_world: BundleWorld) -> None:
    w = bundle_world
    b = open_bundle(w.bundle, w.ministry, w.root)
    assert b.package_id == w.binding.package_id
    assert b.header.manifest_sha256 == w.binding.manifest_sha256
    assert b.result_version == 1
    assert b.header.chair_fingerprint == w.ids[CHAIR].fingerprint
    assert b.reconciliation_json == w.reconciliation == b.reconciliation.to_json()
    assert b.reconciliation.result == "pass" and b.reconciliation.total == Decimal("80.66")
    assert b.reconciliation.indicator("2.1").value == Decimal("5.5")  # the chair's consensus counted
    assert b.decisions == w.decisions
    assert b.record_pdf == w.record_signed
    assert {s.data for s in b.sheets} == set(w.sheets.values())  # every sheet exactly as signed
    recused = [s for s in b.sheets if s.recused]
    assert [s.expert_id for s in recused] == [w.ids[RECUSED].fingerprint]
    signers = {s.signer_fingerprint for s in b.record_signatures}
    assert signers == {i.fingerprint for k, i in w.ids.items() if k != RECUSED}
    assert all(s.valid for s in b.record_signatures)
    assert b.candidate["profile"]["name"] == "示例软件园"


def test_anyone_checks_the_outer_signature_and_reads_the_claims(bundle_world: BundleWorld) -> None:
    w = bundle_world
    h = verify_bundle(w.bundle, w.root)
    assert h.signer is None  # the chair's certificate is sealed for the ministry: nobody is named
    with pytest.raises(ValueError):
        _ = h.chair_name
    if w.suite is suites.NIST:
        assert h.key_fingerprint == sha256(ec_public_der(w.ids[CHAIR].signing_key()))
    else:  # the chair's SM2 key
        assert h.key_fingerprint == sha256(w.ids[CHAIR].public_key_der())
    assert "王堃".encode() not in w.bundle
    assert open_bundle(w.bundle, w.ministry, w.root).header.chair_name == "王堃"  # for the ministry
    assert "示例软件园".encode() not in w.bundle  # the candidate is only in the encrypted package files
    assert h.sheet_count == 7 and h.record_sha256 == sha256(w.record_signed)
    with pytest.raises(NotOnPanel):  # encrypted to the ministry only: not even the chair reads it
        open_bundle(w.bundle, w.ids[CHAIR], w.root)


def test_a_flipped_byte_is_tampering(bundle_world: BundleWorld) -> None:
    w = bundle_world
    header_at = w.bundle.index(b'"bundle_id"') + 20
    payload_at = len(w.bundle) - 5000
    for at in (header_at, payload_at):
        bad = bytearray(w.bundle)
        bad[at] ^= 0x01
        with pytest.raises(Tampered):
            open_bundle(bytes(bad), w.ministry, w.root)


def test_a_foreign_root_is_untrusted_and_other_files_are_not_bundles(
    bundle_world: BundleWorld, request: pytest.FixtureRequest
) -> None:
    w = bundle_world
    # another ministry of the same suite: the record tests' (NIST), the SM world's (SM)
    foreign = (
        request.getfixturevalue("panel").root
        if w.suite is suites.NIST
        else request.getfixturevalue("sm_world").root_cert
    )
    assert suites.of_root(foreign) is w.suite
    with pytest.raises(Untrusted) as caught:  # not this ministry (the chain needs the key)
        open_bundle(w.bundle, w.ministry, foreign)
    assert not isinstance(caught.value, SuiteMismatch)
    with pytest.raises(NotAnArtifact):
        verify_bundle(w.sheets["li-zhe"], w.root)


def test_the_package_header_must_be_the_one_the_signed_manifest_names(bundle_world: BundleWorld) -> None:
    """The roster and candidate reach the ministry in package-header.json, checked against the hash
    in the package's signed manifest: another package's header (another panel) is refused."""
    w = bundle_world
    with open_package(w.package, w.ids[CHAIR]) as opened:
        files = _package_files(opened)
    assert json.loads(files["package-header.json"])["roster"][-1]["name"] == "王堃"
    with open_package(w.other_package, w.ids[CHAIR]) as opened:
        other = opened.manifest.header_bytes()
    with pytest.raises(ForeignContent, match="package header"):
        open_bundle(forge(w, package_files={**files, "package-header.json": other}), w.ministry, w.root)


def test_another_panels_sheet_is_refused(bundle_world: BundleWorld) -> None:
    w = bundle_world
    mixed = [*w.sheets.values(), w.other_sheet]
    with (
        open_package(w.package, w.ids[CHAIR]) as opened,
        pytest.raises(ForeignContent, match="another package"),
    ):
        build_bundle(w.ids[CHAIR], opened, sheets=mixed, decisions=w.decisions.to_json(),
                     reconciliation=w.reconciliation, motions=w.motions, statements=w.statements, record_pdf=w.record_signed)  # fmt: skip
    with pytest.raises(ForeignContent, match="Sheet 8"):
        open_bundle(forge(w, sheets=tuple(mixed)), w.ministry, w.root)


def test_a_record_missing_a_signature_is_refused(bundle_world: BundleWorld) -> None:
    w = bundle_world
    with open_package(w.package, w.ids[CHAIR]) as opened, pytest.raises(RecordIncomplete):
        build_bundle(w.ids[CHAIR], opened, sheets=list(w.sheets.values()), decisions=w.decisions.to_json(),
                     reconciliation=w.reconciliation, motions=w.motions, statements=w.statements, record_pdf=w.record_without_chair)  # fmt: skip
    for record in (w.record_without_chair, w.record_unsigned):
        with pytest.raises(RecordIncomplete):
            open_bundle(forge(w, record=record), w.ministry, w.root)


def test_a_claimed_reconciliation_that_does_not_recompute_is_refused(bundle_world: BundleWorld) -> None:
    w = bundle_world
    verified = [open_sheet(d, w.ids[CHAIR], w.binding, w.root) for d in w.sheets.values()]
    # the arithmetic without the chair's consensus: a different total
    plain = reconcile(w.binding.require_standard(), [s.to_expert_scores() for s in verified]).to_json()
    assert plain != w.reconciliation
    with pytest.raises(ResultMismatch, match="differs from the one recomputed"):
        open_bundle(forge(w, reconciliation=plain), w.ministry, w.root)
    # decisions changed after the fact: the claimed numbers no longer follow from them
    other = w.decisions.without_consensus("2.1")
    with pytest.raises(ResultMismatch):
        open_bundle(forge(w, decisions=other.to_json()), w.ministry, w.root)
    # a sheet left out: the reconciliation was computed with it
    fewer = tuple(d for k, d in w.sheets.items() if k != "zhao-xin")
    with pytest.raises(ResultMismatch):
        open_bundle(forge(w, sheets=fewer), w.ministry, w.root)


def test_only_the_chair_signs_a_bundle(bundle_world: BundleWorld) -> None:
    w = bundle_world
    with pytest.raises(NotTheChair):
        open_bundle(forge(w, signer="li-zhe"), w.ministry, w.root)
    with open_package(w.package, w.ids["li-zhe"]) as opened, pytest.raises(NotTheChair):
        build_bundle(w.ids["li-zhe"], opened, sheets=list(w.sheets.values()), decisions=w.decisions.to_json(),
                     reconciliation=w.reconciliation, motions=w.motions, statements=w.statements, record_pdf=w.record_signed)  # fmt: skip


def test_versions_and_writing(bundle_world: BundleWorld, tmp_path) -> None:
    w = bundle_world
    with open_package(w.package, w.ids[CHAIR]) as opened:
        v2 = build_bundle(w.ids[CHAIR], opened, sheets=list(w.sheets.values()), decisions=w.decisions.to_json(),
                          reconciliation=w.reconciliation, motions=w.motions, statements=w.statements, record_pdf=w.record_signed, result_version=2)  # fmt: skip
    second = open_bundle(v2, w.ministry, w.root)
    first = verify_bundle(w.bundle, w.root)
    assert second.result_version == 2 and second.supersedes(first)
    assert not open_bundle(w.bundle, w.ministry, w.root).supersedes(second.header)
    path = write_bundle(tmp_path / "r.rvresult", w.bundle)
    assert path.read_bytes() == w.bundle
    with pytest.raises(Refused):
        write_bundle(path, v2)
    assert path.read_bytes() == w.bundle and [p.name for p in tmp_path.iterdir()] == ["r.rvresult"]


def test_a_record_of_another_document_is_refused(bundle_world: BundleWorld) -> None:
    """Fully signed by the right people, but not this package's record (its document id differs)."""
    w = bundle_world
    verified = [open_sheet(d, w.ids[CHAIR], w.binding, w.root) for d in w.sheets.values()]
    rec = reconcile(w.binding.require_standard(), [s.to_expert_scores() for s in verified],
                    w.decisions.to_engine_decisions())  # fmt: skip
    with open_package(w.package, w.ids[CHAIR]) as opened:
        record = panel_record_input(w.binding, opened.candidate(), verified, rec, w.decisions)
    other = build_record_pdf(replace(record, document_id=uuid.uuid4()))
    signed = sign_in_order(other, w.ids, [k for k in w.ids if k not in (CHAIR, RECUSED)] + [CHAIR])
    with pytest.raises(ForeignContent, match="not the record of this package"):
        open_bundle(forge(w, record=signed), w.ministry, w.root)


def test_an_older_signed_record_cannot_be_paired_with_a_newer_reconciliation(
    bundle_world: BundleWorld,
) -> None:
    """The record names the SHA-256 of the reconciliation and decisions it was made from (printed and
    in its /Keywords); a record fully signed for other decisions (here: before the consensus on 2.1)
    is refused beside this bundle's reconciliation, by the chair and by the ministry."""
    w = bundle_world
    assert record_bindings(w.record_signed) == {
        "reconciliation-sha256": sha256(w.reconciliation),
        "decisions-sha256": sha256(w.decisions.to_json()),
    }
    verified = [open_sheet(d, w.ids[CHAIR], w.binding, w.root) for d in w.sheets.values()]
    earlier = w.decisions.without_consensus("2.1")
    rec = reconcile(w.binding.require_standard(), [s.to_expert_scores() for s in verified],
                    earlier.to_engine_decisions())  # fmt: skip
    with open_package(w.package, w.ids[CHAIR]) as opened:
        record = panel_record_input(w.binding, opened.candidate(), verified, rec, earlier)
    old = sign_in_order(
        build_record_pdf(record), w.ids, [k for k in w.ids if k not in (CHAIR, RECUSED)] + [CHAIR]
    )
    assert record_bindings(old)["reconciliation-sha256"] == sha256(rec.to_json()) != sha256(w.reconciliation)
    with pytest.raises(ResultMismatch, match="not made from the reconciliation"):
        open_bundle(forge(w, record=old), w.ministry, w.root)
    with open_package(w.package, w.ids[CHAIR]) as opened, pytest.raises(ResultMismatch):
        build_bundle(w.ids[CHAIR], opened, sheets=list(w.sheets.values()), decisions=w.decisions.to_json(),
                     reconciliation=w.reconciliation, motions=w.motions, statements=w.statements, record_pdf=old)  # fmt: skip
    # the same numbers, other decisions (a changed opinion): refused on the decisions' digest
    reworded = replace(w.decisions, opinion=replace(w.decisions.opinion, conclusion="专家组同意通过。"))
    with open_package(w.package, w.ids[CHAIR]) as opened:
        record = panel_record_input(w.binding, opened.candidate(), verified, rec_of(w, verified), reworded)
    other = sign_in_order(
        build_record_pdf(record), w.ids, [k for k in w.ids if k not in (CHAIR, RECUSED)] + [CHAIR]
    )
    with pytest.raises(ResultMismatch, match="not made from the chair's decisions"):
        open_bundle(forge(w, record=other), w.ministry, w.root)


def rec_of(w: BundleWorld, verified):
    return reconcile(w.binding.require_standard(), [s.to_expert_scores() for s in verified],
                     w.decisions.to_engine_decisions())  # fmt: skip


def test_a_standard_is_checked_once_per_distinct_bytes(bundle_world: BundleWorld) -> None:
    """A batch of bundles carries a few standards: each exact byte string is loaded and checked once
    (a frozen value, shared); a standard that fails its checks fails every time."""
    w = bundle_world
    checks._standard.cache_clear()
    first = open_bundle(w.bundle, w.ministry, w.root)
    second = open_bundle(w.bundle, w.ministry, w.root)
    assert second.standard is first.standard == w.binding.require_standard()
    assert checks._standard.cache_info().hits == 1
    for _ in range(2):
        with pytest.raises(StandardInvalid):
            checks._standard(b'{"id": "broken"}')

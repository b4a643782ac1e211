"""Bundles a rogue tool would make: signed by the real chair and encrypted to the ministry correctly,
but skipping every check ``reviewer panel close`` (``build_bundle``) makes. The command line cannot
produce them — that is the point: the ministry must refuse them on its own."""

from __future__ import annotations

import json
import shutil
import uuid
from pathlib import Path

from reviewer.export.bundle import _package_files
from reviewer.export.bundle_format import KIND, MIMETYPE, BundleContent, content_json, header_json, sha256
from reviewer.export.closing import nobody_unsigned
from reviewer.packages import envelope as fmt
from reviewer.packages import open_package
from reviewer.scoring import scores_file
from reviewer.scoring.sheet_binding import PackageBinding
from reviewer.scoring.sheet_build import seal_sheet
from reviewer.scoring.sheet_model import Declarations
from reviewer.trust import PassphraseSource, clock, load_identity
from reviewer.trust.identity import Identity
from tests.e2e.journey import CHAIR, PASS_ENV, Journey, Round


def unlock(j: Journey, slug: str) -> Identity:
    return load_identity(j.identities[slug], PassphraseSource(env=PASS_ENV))


def canonical(doc: object) -> bytes:
    return json.dumps(doc, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def forge(
    j: Journey,
    rnd: Round,
    *,
    sheets: list[bytes] | None = None,
    reconciliation: bytes | None = None,
    record: bytes | None = None,
) -> bytes:
    """The round's own result (its sheets, decisions, reconciliation, co-signed record), with the
    changes given, signed by the chair as version 1 under a fresh bundle id."""
    assert rnd.out is not None
    record = record or (rnd.out / "record.pdf").read_bytes()
    chair = unlock(j, CHAIR)
    with open_package(rnd.package, chair) as opened:
        files = _package_files(opened)
        binding = PackageBinding.of(opened)
    own = [p.read_bytes() for p in sorted((rnd.out / "sheets").glob("*.rvsheet"))]
    content = BundleContent(
        files,
        tuple(own if sheets is None else sheets),
        (rnd.out / "decisions.json").read_bytes(),
        reconciliation or (rnd.out / "reconciliation.json").read_bytes(),
        record,
        closing=nobody_unsigned(record),
    )
    bundle_id = str(uuid.uuid4())
    header = header_json(
        bundle_id=bundle_id,
        package_id=binding.package_id,
        manifest_sha256=binding.manifest_sha256,
        result_version=1,
        created=clock.iso(clock.utcnow()),
        chair_sha256=chair.fingerprint,
        sheet_count=len(content.sheets),
        record_sha256=sha256(content.record),
        suite=chair.suite.id,  # the chair's suite (NIST: the default, as before)
    )
    return fmt.seal_envelope(mimetype=MIMETYPE, kind=KIND, artifact_id=bundle_id, header=header,
                             payload=content_json(header, content), signer=chair,
                             recipients=[fmt.recipient_of(binding.ministry, "ministry")])  # fmt: skip


def claimed_numbers_changed(j: Journey, rnd: Round, total: str) -> bytes:
    """The chair's claimed reconciliation with a better total, re-signed: the recomputation differs."""
    assert rnd.out is not None
    claimed = json.loads((rnd.out / "reconciliation.json").read_bytes())
    claimed["total"] = total
    return forge(j, rnd, reconciliation=canonical(claimed))


def with_outsider_sheet(j: Journey, rnd: Round, outsider: str, scores: Path) -> bytes:
    """A sheet signed by ``outsider`` (enrolled with this authority, not on this package's roster),
    bound to the package (id and manifest digest, obtained from the chair's copy) and added to the
    round's own sheets."""
    assert rnd.out is not None
    chair, stranger = unlock(j, CHAIR), unlock(j, outsider)
    with open_package(rnd.package, chair) as opened:
        binding = PackageBinding.of(opened)
    now = clock.utcnow()
    answers = scores_file.read_scores_file(
        scores,
        binding.require_standard(),
        Declarations(pledge_accepted=True, pledge_at=clock.iso(now)),
        clock.iso(now),
    )
    sheet = seal_sheet(binding, stranger, kind="score", answers=answers, role="expert",
                       chair_certificate=chair.certificate, now=now)  # fmt: skip
    own = [p.read_bytes() for p in sorted((rnd.out / "sheets").glob("*.rvsheet"))]
    return forge(j, rnd, sheets=[*own, sheet])


def rogue_copy(j: Journey) -> Path:
    """A copy of the authority's folder — the same keys, its own ledger — sealing packages the real
    authority's ledger never records: signatures chain to the root, but this authority never issued them."""
    rogue = j.base / "rogue-authority"
    shutil.copytree(j.authority, rogue)
    return rogue

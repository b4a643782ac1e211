"""Importing result bundles: good ones register, every forgery is refused, the batch goes on, twice is once."""

from __future__ import annotations

import json
import shutil
import uuid
from pathlib import Path

import pytest

from reviewer.cli import main
from reviewer.export.bundle import _package_files, build_bundle
from reviewer.export.bundle_format import KIND, MIMETYPE, BundleContent, content_json, header_json, sha256
from reviewer.ministry.importer import import_bundles
from reviewer.ministry.registry import Registry
from reviewer.packages import open_package
from reviewer.scoring import sheet_format as fmt
from reviewer.trust import certs, clock, open_authority
from tests.export.bundle_world import CHAIR, BundleWorld, build_bundle_world
from tests.export.conftest import PASSPHRASE

PARK = "示例软件园"


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> BundleWorld:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
        return build_bundle_world(tmp_path_factory.mktemp("bundle-world"))


@pytest.fixture(scope="module")
def files(world: BundleWorld, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("bundles")

    def put(name: str, data: bytes) -> Path:
        (folder / name).write_bytes(data)
        return folder / name

    with open_package(world.package, world.ids[CHAIR]) as opened:
        v2 = build_bundle(world.ids[CHAIR], opened, sheets=list(world.sheets.values()),
                          decisions=world.decisions.to_json(), reconciliation=world.reconciliation,
                          record_pdf=world.record_signed, result_version=2)  # fmt: skip
    claimed = json.loads(world.reconciliation)
    claimed["total"] = "99"
    wrong_total = json.dumps(claimed, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    return {
        "good": put("good.rvresult", world.bundle),
        "v2": put("v2.rvresult", v2),
        "garbage": put("garbage.rvresult", b"PK\x03\x04 not a bundle at all"),
        "mismatch": put("mismatch.rvresult", forge(world, reconciliation=wrong_total)),
        "outsider": put(
            "outsider.rvresult", forge(world, sheets=(*world.sheets.values(), world.other_sheet))
        ),
        "missing": folder / "missing.rvresult",
    }


def forge(w: BundleWorld, **changes: object) -> bytes:
    """A bundle from a rogue tool: signed by the chair and encrypted correctly, but skipping every check."""
    with open_package(w.package, w.ids[CHAIR]) as opened:
        package_files = _package_files(opened)
    content = BundleContent(package_files, tuple(w.sheets.values()), w.decisions.to_json(), w.reconciliation,
                            w.record_signed)  # fmt: skip
    content = BundleContent(**{**content.__dict__, **changes})  # type: ignore[arg-type]
    ident = w.ids[CHAIR]
    bundle_id = str(uuid.uuid4())
    header = header_json(
        bundle_id=bundle_id,
        package_id=w.binding.package_id,
        manifest_sha256=w.binding.manifest_sha256,
        candidate={"name": PARK, "type": "park"},
        result_version=1,
        created=clock.iso(clock.utcnow()),
        chair={
            "name": ident.name,
            "org": certs.organization(ident.certificate),
            "cert_sha256": ident.fingerprint,
        },
        sheet_count=len(content.sheets),
        record_sha256=sha256(content.record),
    )
    return fmt.seal_envelope(mimetype=MIMETYPE, kind=KIND, artifact_id=bundle_id, header=header,
                             payload=content_json(header, content), signer=ident,
                             recipients=[fmt.recipient_of(w.authority.signing_cert, "ministry")])  # fmt: skip


def counts(reg: Registry) -> tuple[int, int, int]:
    h = reg.history(PARK)
    return len(h.reviews), len(h.timeline), len(reg.publicity())


def test_a_batch_imports_the_good_and_reports_the_bad(
    world: BundleWorld, files: dict[str, Path], db_url: str
) -> None:
    batch = [files[k] for k in ("garbage", "mismatch", "good", "outsider", "missing")]
    with Registry.open(db_url) as reg:
        seen: list[int] = []
        outcomes = import_bundles(
            reg, world.authority, world.keys, batch, progress=lambda i, n, o: seen.append(i)
        )
        assert seen == [1, 2, 3, 4, 5]
        assert [o.outcome for o in outcomes] == ["refused", "refused", "imported", "refused", "refused"]
        assert [o.exit_code for o in outcomes] == [10, 18, 0, 18, 3]
        assert "not a result bundle" in outcomes[0].message
        assert "(pass / 99) differs from the one recomputed" in outcomes[1].message
        assert "belongs to another package" in outcomes[3].message
        assert "Cannot read" in outcomes[4].message
        good = outcomes[2]
        assert (good.candidate, good.package_id, good.version) == (PARK, world.binding.package_id, 1)
        history = reg.history(PARK)
        assert history.candidate.status == "creating"
        (review,) = history.reviews
        assert (review.kind, review.result, str(review.total), review.vetoed) == (
            "creation",
            "pass",
            "80.66",
            False,
        )
        assert review.chair == world.ids[CHAIR].name and len(review.experts) == 7
        assert [e.outcome for e in reg.publicity()] == ["pending"]
        calibration = {c.expert_name: c for c in reg.calibration()}
        assert set(calibration) == {i.name for k, i in world.ids.items() if k != "qian-ben"}
        assert (
            calibration[world.ids["zhao-xin"].name].mean_deviation
            > 0
            > calibration[world.ids["chen-shen"].name].mean_deviation
        )  # zhao-xin scored 90 % of the points, chen-shen 70 %
        before = counts(reg)
        again = import_bundles(reg, world.authority, world.keys, batch)
        assert [o.outcome for o in again] == ["refused", "refused", "duplicate", "refused", "refused"]
        assert counts(reg) == before


def test_newer_version_supersedes_and_older_is_refused(
    world: BundleWorld, files: dict[str, Path], db_url: str
) -> None:
    with Registry.open(db_url) as reg:
        outcomes = import_bundles(reg, world.authority, world.keys, [files["v2"], files["good"], files["v2"]])
        assert [o.outcome for o in outcomes] == ["imported", "refused", "duplicate"]
        assert "not newer" in outcomes[1].message
        assert [(r.bundle_version, r.current) for r in reg.history(PARK).reviews] == [(2, True)]


def test_a_package_this_authority_never_issued(world: BundleWorld, files: dict[str, Path], db_url: str,
                                               tmp_path: Path) -> None:  # fmt: skip
    other = tmp_path / "authority"
    shutil.copytree(world.authority.path, other)
    ledger = other / "ledger.jsonl"
    kept = [line for line in ledger.read_text("utf-8").splitlines()
            if world.binding.package_id not in line]  # fmt: skip
    ledger.write_text("\n".join(kept) + "\n", "utf-8")
    with Registry.open(db_url) as reg:
        (outcome,) = import_bundles(reg, open_authority(other), world.keys, [files["good"]])
        assert outcome.outcome == "refused" and "ledger" in outcome.message
        assert reg.candidates() == []


def test_cli_import_and_registry(world: BundleWorld, files: dict[str, Path], tmp_path: Path,
                                 monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    monkeypatch.setenv("AUTH_PASS", PASSPHRASE)
    db = str(tmp_path / "registry.sqlite3")
    argv = ["ministry", "import", str(world.authority.path), str(files["good"]), str(files["garbage"]),
            "--db", db, "--passphrase-env", "AUTH_PASS", "--format", "json"]  # fmt: skip
    assert main(argv) == 18
    doc = json.loads(capsys.readouterr().out)
    assert [f["outcome"] for f in doc["files"]] == ["imported", "refused"]
    assert doc["summary"] == {"imported": 1, "refused": 1}
    assert main([*argv[:3], str(files["good"]), *argv[5:]]) == 0
    assert json.loads(capsys.readouterr().out)["summary"] == {"duplicate": 1}
    assert main(["ministry", "registry", "--db", db, "--format", "json"]) == 0
    tables = json.loads(capsys.readouterr().out)["tables"]
    assert [(r["name"], r["outcome"], r["total"]) for r in tables["publicity"]] == [
        (PARK, "under publicity", "80.66")
    ]

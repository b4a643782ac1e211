"""Importing result bundles: good ones register, every forgery is refused, the batch goes on, twice is once."""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import uuid
from dataclasses import replace
from io import BytesIO
from pathlib import Path

import pytest
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

from reviewer import i18n
from reviewer.cli import main
from reviewer.export.bundle import _package_files, build_bundle
from reviewer.export.bundle_format import KIND, MIMETYPE, BundleContent, content_json, header_json, sha256
from reviewer.export.closing import nobody_unsigned
from reviewer.ministry import importer
from reviewer.ministry.importer import import_bundles
from reviewer.ministry.registry import Registry
from reviewer.packages import envelope as fmt
from reviewer.packages import open_package
from reviewer.trust import clock, open_authority
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
                          motions=world.motions, statements=world.statements, record_pdf=world.record_signed, result_version=2)  # fmt: skip
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
                            w.record_signed, w.motions, w.statements)  # fmt: skip
    content = BundleContent(**{**content.__dict__, **changes})  # type: ignore[arg-type]
    if not content.closing:  # every member signed: closing.json states nobody
        content = replace(content, closing=nobody_unsigned(content.record))
    ident = w.ids[CHAIR]
    bundle_id = str(uuid.uuid4())
    header = header_json(
        bundle_id=bundle_id,
        package_id=w.binding.package_id,
        manifest_sha256=w.binding.manifest_sha256,
        result_version=1,
        created=clock.iso(clock.utcnow()),
        chair_sha256=ident.fingerprint,
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
        assert history.candidate.status == "publicity"  # a passed creation review: under publicity (公示)
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


# --- worker processes ---------------------------------------------------------------------------
def _appended_keywords(record: bytes) -> bytes:
    """The closed record with one more revision that changes the reconciliation hash it names."""
    writer = IncrementalPdfFileWriter(BytesIO(record))
    info = writer.trailer["/Info"]
    info["/Keywords"] = generic.TextStringObject(str(info["/Keywords"]).replace("sha256:", "sha256:0"))
    writer.update_container(info)
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def _import(world: BundleWorld, db: Path, batch: list[Path], workers: int) -> tuple[list, list, list, list]:
    seen: list[tuple[int, int, str]] = []
    with Registry.open(f"sqlite:///{db}") as reg:
        outcomes = import_bundles(reg, world.authority, world.keys, batch, workers=workers,
                                  progress=lambda i, n, o: seen.append((i, n, o.path)))  # fmt: skip
        reviews = [(r.package_id, r.bundle_version, r.current, r.result, str(r.total))
                   for r in reg.history(PARK).reviews] if reg.candidates() else []  # fmt: skip
        publicity = [(p.candidate.info.name, p.package_id, p.outcome) for p in reg.publicity()]
        return outcomes, seen, reviews, publicity


def test_workers_give_the_serial_outcomes_file_for_file(
    world: BundleWorld, files: dict[str, Path], tmp_path: Path
) -> None:
    appended = tmp_path / "appended.rvresult"
    appended.write_bytes(forge(world, record=_appended_keywords(world.record_signed)))
    batch = [files[k] for k in ("garbage", "v2", "mismatch", "good", "outsider", "missing")]
    batch += [appended, files["v2"], files["good"]]
    serial = _import(world, tmp_path / "serial.sqlite3", batch, workers=1)
    parallel = _import(world, tmp_path / "parallel.sqlite3", batch, workers=3)
    assert parallel == serial
    outcomes, seen, reviews, _ = parallel
    assert [o.outcome for o in outcomes] == ["refused", "imported", "refused", "refused", "refused", "refused",
                                             "refused", "duplicate", "refused"]  # fmt: skip
    assert [o.exit_code for o in outcomes] == [10, 0, 18, 18, 18, 3, 11, 0, 18]
    assert "not newer" in outcomes[3].message
    assert "appended after the last signature, signed by nobody" in outcomes[6].message  # not a mismatch
    assert seen == [(i, len(batch), str(p)) for i, p in enumerate(batch, 1)]
    assert reviews == [(world.binding.package_id, 2, True, "pass", "80.66")]


def test_worker_messages_are_in_the_importers_language(
    world: BundleWorld, files: dict[str, Path], tmp_path: Path
) -> None:
    batch = [files["garbage"], files["mismatch"], files["missing"]]
    i18n.set_language("zh_CN")  # reset by tests/conftest.py after the test
    serial = _import(world, tmp_path / "serial.sqlite3", batch, workers=1)[0]
    parallel = _import(world, tmp_path / "parallel.sqlite3", batch, workers=2)[0]
    assert parallel == serial
    assert "不一致" in parallel[1].message and "differs" not in parallel[1].message


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="needs fork")
def test_a_worker_that_dies_loses_no_file(world: BundleWorld, files: dict[str, Path], tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:  # fmt: skip
    parent = os.getpid()
    check = importer._Checker.check

    def dies_on_good(self: importer._Checker, path: Path) -> importer.Checked:
        if os.getpid() != parent and path.name == "good.rvresult":
            os._exit(1)  # a worker killed while checking (out of memory, say)
        return check(self, path)

    monkeypatch.setattr(importer._Checker, "check", dies_on_good)  # inherited by forked workers
    monkeypatch.setattr(importer, "_pool_context", lambda: multiprocessing.get_context("fork"))
    batch = [files["garbage"], files["good"], files["mismatch"]]
    outcomes = _import(world, tmp_path / "registry.sqlite3", batch, workers=2)[0]
    assert [o.outcome for o in outcomes] == ["refused", "imported", "refused"]
    assert "an import worker process stopped" in caplog.text


def test_default_workers() -> None:
    assert importer.default_workers(1) == importer.default_workers(19) == 1
    assert 1 <= importer.default_workers(10_000) <= importer.MAX_WORKERS


def test_cli_import_with_workers(world: BundleWorld, files: dict[str, Path], tmp_path: Path,
                                 monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    monkeypatch.setenv("AUTH_PASS", PASSPHRASE)
    reports = []
    for workers in ("1", "2"):
        argv = ["ministry", "import", str(world.authority.path), str(files["garbage"]), str(files["good"]),
                str(files["mismatch"]), "--db", str(tmp_path / f"registry-{workers}.sqlite3"),
                "--passphrase-env", "AUTH_PASS", "--format", "json", "--workers", workers]  # fmt: skip
        assert main(argv) == 18
        reports.append(json.loads(capsys.readouterr().out))
    assert reports[0] == reports[1]
    assert reports[1]["summary"] == {"imported": 1, "refused": 2}
    with pytest.raises(SystemExit) as exc:
        main([*argv[:-1], "0"])
    assert exc.value.code == 2
    assert "--workers" in capsys.readouterr().err


# --- the collector's thresholds: chosen at process entry, never by the library ---------------------
def test_the_library_leaves_the_collector_thresholds_alone(
    world: BundleWorld, files: dict[str, Path], db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gc

    changes: list[tuple] = []
    monkeypatch.setattr(gc, "set_threshold", lambda *t: changes.append(t))
    with Registry.open(db_url) as reg:
        import_bundles(reg, world.authority, world.keys, [files["good"], files["garbage"]])
    assert changes == []


def test_the_cli_import_tunes_the_collector_for_its_process(
    world: BundleWorld, files: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import contextlib
    import gc
    import io

    from reviewer import process

    seen: list[tuple[int, int, int]] = []
    real = importer.import_bundles

    def spy(*args, **kwargs):
        seen.append(gc.get_threshold())
        return real(*args, **kwargs)

    monkeypatch.setattr(importer, "import_bundles", spy)
    monkeypatch.setenv("AUTH_PASS", PASSPHRASE)
    before = gc.get_threshold()
    argv = ["ministry", "import", str(world.authority.path), str(files["good"]),
            "--db", str(tmp_path / "r.sqlite3"), "--passphrase-env", "AUTH_PASS"]  # fmt: skip
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(argv) == 0
    assert seen and seen[0][0] >= process.GC_THRESHOLD
    assert gc.get_threshold() == before  # put back when the command ends

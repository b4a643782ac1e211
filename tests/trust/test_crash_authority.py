"""Issue 14: a full disk or a crash at any write leaves the authority's old or new state, never a torn one.

Each test plays the fault through the product: the ledger's torn tail (6), a revocation interrupted
between its writes (7), a full disk under ``record cosign``, ``sheet fill`` and ``panel close`` (12).
Faults come from :mod:`tests.trust.faults` (the n-th os.write/os.fsync/os.replace fails with ENOSPC,
a write half-way).
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from reviewer.cli import main
from reviewer.errors import DiskFull, Refused, Revoked
from reviewer.packages import seal
from reviewer.packages.seal import PanelMember
from reviewer.trust import open_authority
from reviewer.trust.revocation import RevocationList
from tests.export.bundle_world import CHAIR, RECUSED, BundleWorld, build_bundle_world
from tests.export.conftest import PASSPHRASE, source
from tests.scoring.sheet_fixtures import CANDIDATE, STANDARD
from tests.trust.faults import failing

ENV = "RV_CRASH_TEST_PASS"


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> BundleWorld:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
        return build_bundle_world(tmp_path_factory.mktemp("bundle-world"))


@pytest.fixture(autouse=True)
def _passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV, PASSPHRASE)


def cli(*argv: str | Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--lang", "en", *map(str, argv)])
    return code, out.getvalue(), err.getvalue()


def copy_authority(world: BundleWorld, to: Path) -> Path:
    return Path(shutil.copytree(world.authority.path, to / "authority"))


def lines(folder: Path) -> list[dict]:
    """The ledger as the bytes say: every complete line must be one JSON object."""
    data = (folder / "ledger.jsonl").read_bytes()
    return [json.loads(x) for x in data.split(b"\n")[:-1]]


def sealed_ids(folder: Path) -> set[str]:
    return {e["package_id"] for e in open_authority(folder).ledger() if e["event"] == "sealed"}


def imports_the_old_bundle(world: BundleWorld, folder: Path, tmp: Path) -> None:
    bundle = tmp / "old.rvresult"
    bundle.write_bytes(world.bundle)
    db = tmp / "registry.sqlite3"
    db.unlink(missing_ok=True)
    code, out, err = cli("ministry", "import", folder, bundle, "--db", db, "--passphrase-env", ENV)
    assert code == 0, out + err


def seal_new(world: BundleWorld, folder: Path, out: Path, members: list[str] | None = None,
             materials: Path | None = None):  # fmt: skip
    authority = open_authority(folder)
    keys = authority.unlock(source())
    keys_ = members or [CHAIR, "li-zhe", "zhang-yue"]
    panel = [PanelMember(world.ids[k].installed(), "chair" if k == CHAIR else "expert") for k in keys_]
    return seal(authority, keys, standard_path=STANDARD, candidate=CANDIDATE, panel=panel,
                materials=[materials or world.base / "materials"], out=out)  # fmt: skip


# --- 6. the ledger ------------------------------------------------------------------------------
def test_a_torn_ledger_tail_does_not_stop_imports_and_is_repaired(world: BundleWorld, tmp_path: Path) -> None:
    folder = copy_authority(world, tmp_path)
    before = (folder / "ledger.jsonl").read_bytes()
    with open(folder / "ledger.jsonl", "ab") as fh:  # what a full disk left of an append
        fh.write(b'{"event": "sealed", "package_id": "3f2c')
    imports_the_old_bundle(world, folder, tmp_path)  # a bundle sealed before the fault
    manifest = seal_new(world, folder, tmp_path / "new.rvpkg")
    after = (folder / "ledger.jsonl").read_bytes()
    assert after.startswith(before) and b"3f2c" not in after  # the torn tail was cut off
    assert lines(folder)[-1]["package_id"] == manifest.package_id


def test_a_ledger_an_older_version_appended_to_after_a_tear_still_reads(
    world: BundleWorld, tmp_path: Path
) -> None:
    """Before this fix the next append went after the torn bytes: one line = torn prefix + a record."""
    folder = copy_authority(world, tmp_path)
    records = lines(folder)
    last = (folder / "ledger.jsonl").read_bytes().split(b"\n")[-2]
    with open(folder / "ledger.jsonl", "ab") as fh:
        fh.write(b'{"event": "sealed", "package_id": "3f2c' + last + b"\n")
    assert list(open_authority(folder).ledger()) == [*records, records[-1]]
    imports_the_old_bundle(world, folder, tmp_path)


def test_a_damaged_ledger_line_is_a_typed_error(world: BundleWorld, tmp_path: Path) -> None:
    folder = copy_authority(world, tmp_path)
    with open(folder / "ledger.jsonl", "ab") as fh:
        fh.write(b"not json at all\n")
    bundle = tmp_path / "old.rvresult"
    bundle.write_bytes(world.bundle)
    code, _, err = cli(
        "ministry", "import", folder, bundle, "--db", tmp_path / "r.sqlite3", "--passphrase-env", ENV
    )
    n = len((folder / "ledger.jsonl").read_bytes().split(b"\n")) - 1
    assert code == 3 and f"Line {n} of the authority's ledger" in err, err


@pytest.mark.slow
def test_a_full_disk_at_any_write_of_seal_leaves_old_or_new_state(world: BundleWorld, tmp_path: Path) -> None:
    n, outcomes = 0, []
    while True:
        n += 1
        case = tmp_path / f"n{n}"
        case.mkdir()
        folder = copy_authority(world, case)
        before = (folder / "ledger.jsonl").read_bytes()
        out = case / "p.rvpkg"
        with failing(n) as faults:
            try:
                manifest = seal_new(world, folder, out)
            except DiskFull:
                manifest = None
        outcomes.append(manifest is not None)
        after = (folder / "ledger.jsonl").read_bytes()
        if manifest is None:  # the old state: no package, the ledger's records as before
            assert not out.exists()
            assert lines(folder) == [json.loads(x) for x in before.split(b"\n")[:-1]]
        else:  # the new state: the package exists and the ledger knows it
            assert out.exists() and manifest.package_id in sealed_ids(folder)
            assert after.startswith(before)
        imports_the_old_bundle(world, folder, case)
        again = seal_new(world, folder, case / "again.rvpkg")  # a re-run works
        assert again.package_id in sealed_ids(folder)
        if not faults.fired:
            break
    # every write before the rename failed the seal; a fault after it (the folder's fsync) did not
    assert outcomes[-1] and outcomes.count(False) >= 3 and not any(outcomes[: outcomes.index(True)])


# --- 7. revocation ------------------------------------------------------------------------------
@pytest.mark.slow
def test_a_revocation_interrupted_at_any_write_is_completed_by_a_rerun(
    world: BundleWorld, tmp_path: Path
) -> None:
    member = world.ids["zhang-yue"].installed()
    n = 0
    while True:
        n += 1
        case = tmp_path / f"n{n}"
        case.mkdir()
        folder = copy_authority(world, case)
        authority = open_authority(folder)
        with failing(n) as faults, contextlib.suppress(DiskFull):
            authority.revoke(member, "lost laptop", source())
        if faults.fired:  # the re-run completes whatever the crash left
            with contextlib.suppress(Refused):
                open_authority(folder).revoke(member, "lost laptop", source())
        authority = open_authority(folder)
        assert authority.revocations().revoked_at(member.serial) is not None
        on_disk = RevocationList.load((folder / "revocations.crl").read_bytes(), authority.root)
        assert on_disk.revoked_at(member.serial) is not None
        revoked = [e for e in authority.ledger() if e["event"] == "revoked"]
        assert [e["serial"] for e in revoked] == [f"{member.serial:x}"]
        with pytest.raises(Refused):  # now complete: a third run has nothing to do
            authority.revoke(member, "lost laptop", source())
        with pytest.raises(Revoked):
            seal_new(world, folder, case / "new.rvpkg", [CHAIR, "zhang-yue", "li-zhe"])
        if not faults.fired:
            break
    assert n > 3


def test_a_member_whose_revocation_never_reached_the_crl_cannot_join_a_panel(
    world: BundleWorld, tmp_path: Path
) -> None:
    """The state an interrupted revoke left behind before this fix: revocations.json lists the member,
    the CRL does not. A seal must refuse them, and a re-run of revoke must finish the CRL."""
    folder = copy_authority(world, tmp_path)
    member = world.ids["zhao-xin"].installed()
    state = json.loads((folder / "revocations.json").read_text("utf-8"))
    state.pop("crl", None)
    state["revoked"].append({"serial": f"{member.serial:x}", "revoked_at": "2026-06-01T00:00:00Z",
                             "reason": "lost laptop", "name": member.name, "cert_sha256": member.fingerprint})  # fmt: skip
    state["number"] += 1
    (folder / "revocations.json").write_text(json.dumps(state), "utf-8")
    with pytest.raises(Revoked):
        seal_new(world, folder, tmp_path / "new.rvpkg", [CHAIR, "zhao-xin", "li-zhe"])
    code, out, err = cli("authority", "revoke", folder, world.folders["zhao-xin"] / "credential.rvcred",
                         "--reason", "lost laptop", "--passphrase-env", ENV)  # fmt: skip
    assert code == 0, out + err
    assert open_authority(folder).revocations().revoked_at(member.serial) is not None


# --- 12. a full disk under the member's and the chair's commands --------------------------------
def fsync_full():
    return failing(1, names=("fsync",))


def test_record_cosign_on_a_full_disk(world: BundleWorld, tmp_path: Path) -> None:
    record = tmp_path / "record.pdf"
    record.write_bytes(world.record_unsigned)
    with fsync_full():
        code, _, err = cli("record", "cosign", record, "--identity", world.folders["li-zhe"],
                           "--passphrase-env", ENV)  # fmt: skip
    assert code == DiskFull.exit_code and "disk is full" in err
    assert record.read_bytes() == world.record_unsigned
    assert sorted(p.name for p in tmp_path.iterdir()) == ["record.pdf"]


def test_sheet_fill_on_a_full_disk(world: BundleWorld, tmp_path: Path) -> None:
    standard = world.binding.require_standard()
    table = [["code", "score", "comment", "evidence"]]
    table += [
        [leaf.code, str(int(leaf.points) // 2), f"依据材料 {leaf.code}", ""] for leaf in standard.leaves()
    ]
    table += [[i.code, "yes", ""] for i in standard.yes_no] + [
        [c.code, "ok", ""] for c in standard.eligibility
    ]
    scores = tmp_path / "scores.csv"
    with open(scores, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(table)
    out = tmp_path / "li.rvsheet"
    with fsync_full():
        code, _, err = cli("sheet", "fill", world.package, "--identity", world.folders["li-zhe"], "--scores",
                           scores, "--out", out, "--accept-pledge", "--passphrase-env", ENV)  # fmt: skip
    assert code == DiskFull.exit_code and "disk is full" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["scores.csv"]


def test_panel_close_on_a_full_disk(world: BundleWorld, tmp_path: Path) -> None:
    sheets = []
    for key, data in world.sheets.items():
        sheets.append(tmp_path / f"{key}.rvsheet")
        sheets[-1].write_bytes(data)
    decisions = tmp_path / "decisions.json"
    decisions.write_bytes(world.decisions.to_json())
    votes = []  # the chair's motion and the members' statements the decisions cite
    for n, data in enumerate((*world.motions, *world.statements)):
        votes.append(tmp_path / f"{n}.{'rvmotion' if n < len(world.motions) else 'rvstatement'}")
        votes[-1].write_bytes(data)
    motions, statements = votes[: len(world.motions)], votes[len(world.motions) :]
    out = tmp_path / "result"
    code, _, err = cli("panel", "reconcile", world.package, "--identity", world.folders[CHAIR], "--sheets",
                       *sheets, "--decisions", decisions, "--motions", *motions, "--statements", *statements,
                       "--out", out, "--passphrase-env", ENV)  # fmt: skip
    assert code == 0, err
    (out / "record.pdf").write_bytes(world.record_without_chair)
    bundle = tmp_path / "r.rvresult"
    with fsync_full():
        code, _, err = cli("panel", "close", world.package, "--identity", world.folders[CHAIR],
                           "--reconciliation", out, "--out", bundle, "--passphrase-env", ENV)  # fmt: skip
    assert code == DiskFull.exit_code and "disk is full" in err
    assert (out / "record.pdf").read_bytes() == world.record_without_chair
    assert not bundle.exists() and not list(out.glob(".*.tmp")) and RECUSED


def test_record_cosign_of_a_pdf_nested_200000_deep_is_a_typed_refusal(
    world: BundleWorld, tmp_path: Path
) -> None:
    from tests.trust.test_hostile_values import deep_pdf

    record = tmp_path / "record.pdf"
    record.write_bytes(deep_pdf())
    code, _, err = cli(
        "record", "cosign", record, "--identity", world.folders["li-zhe"], "--passphrase-env", ENV
    )
    assert code == 10 and "nested too deeply" in err and "Traceback" not in err
    assert record.read_bytes() == deep_pdf()


def test_an_enrolment_that_cannot_reach_the_ledger_issues_nothing(world: BundleWorld, tmp_path: Path) -> None:
    request = (world.folders["li-zhe"] / "enrolment-request.json").read_bytes()
    n, refused = 0, 0
    while True:
        n += 1
        folder = copy_authority(world, tmp_path / f"n{n}")
        issued = sorted(p.name for p in (folder / "issued").iterdir())
        ledger = lines(folder)
        with failing(n) as faults:
            try:
                cred = open_authority(folder).enroll(request, source())
            except DiskFull:
                cred = None
        now_issued = sorted(p.name for p in (folder / "issued").iterdir())
        if cred is None:  # the old state
            refused += 1
            assert now_issued == issued and lines(folder) == ledger
        else:  # the new state: issued and in the ledger
            assert f"{cred.serial:x}.rvcred" in now_issued
            assert lines(folder)[-1]["serial"] == f"{cred.serial:x}"
        if not faults.fired:
            break
    assert refused >= 4  # the credential's write, fsync, rename, and the ledger's append


def test_a_last_record_that_lost_only_its_newline_is_kept(world: BundleWorld, tmp_path: Path) -> None:
    """A hand edit that drops the final newline must not make the next append cut off a whole record."""
    folder = copy_authority(world, tmp_path)
    records = lines(folder)
    path = folder / "ledger.jsonl"
    path.write_bytes(path.read_bytes().rstrip(b"\n"))
    assert list(open_authority(folder).ledger()) == records
    manifest = seal_new(world, folder, tmp_path / "new.rvpkg")
    assert lines(folder)[:-1] == records and lines(folder)[-1]["package_id"] == manifest.package_id

"""Kill -9 a process while it writes exports: the previous file stays intact, no partial file ever
lies under a final name.

:mod:`tests.reliability.exporter` writes a record PDF and an XLSX report over and over (alternating
two valid versions), and a new sheet file and result bundle each round, through the product's
writers (temporary file in the same folder, fsync, ``os.replace``). The test SIGKILLs it at random
moments — after a random number of rounds plus a random fraction of a round, so kills land inside
writes however fast the machine is — and after each kill checks every file under a final name is
byte-for-byte one of the valid versions. Only hidden ``.NAME.*.tmp`` files may be left over (a
killed process cannot clean up; they are never mistaken for an export).

``REVIEWER_EXPORT_KILLS`` sets the number of kills (default 8; e.g. 200 for a long run).
"""

from __future__ import annotations

import os
import random
import signal
from pathlib import Path

import pytest

from reviewer.ministry.registry import Registry
from reviewer.ministry.render import xlsx_bytes
from reviewer.ministry.reports import registry_report
from tests.crash import killer
from tests.export.bundle_world import BundleWorld, build_bundle_world
from tests.ministry.seed import seed

EXPORTER = Path(__file__).with_name("exporter.py")
KILLS = int(os.environ.get("REVIEWER_EXPORT_KILLS", "8"))
SEED = int(os.environ.get("REVIEWER_CRASH_SEED", "20261128"))

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> BundleWorld:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
        return build_bundle_world(tmp_path_factory.mktemp("bundle-world"))


def inputs(world: BundleWorld, folder: Path) -> dict[str, bytes]:
    with Registry.open(folder / "registry.sqlite3") as reg:
        seed(reg)
        reports = (xlsx_bytes(registry_report(reg)), xlsx_bytes(registry_report(reg, 2023)))
    payloads = {
        "record-a.pdf": world.record_without_chair,
        "record-b.pdf": world.record_signed,
        "report-a.xlsx": reports[0],
        "report-b.xlsx": reports[1],
        "sheet.rvsheet": world.sheets["li-zhe"],
        "bundle.rvresult": world.bundle,
    }
    assert len(set(payloads.values())) == len(payloads)
    for name, data in payloads.items():
        (folder / name).write_bytes(data)
    return payloads


def run_and_kill(src: Path, out: Path, rng: random.Random) -> list[str]:
    return killer.run_and_kill([str(EXPORTER), str(src), str(out)], rng, most=3)


def check(out: Path, payloads: dict[str, bytes]) -> tuple[int, int]:
    """Every file under a final name is whole; returns (final files, leftover temporary files)."""
    finals = temps = 0
    for path in out.rglob("*"):
        if path.is_dir():
            continue
        if path.name.startswith(".") and path.name.endswith(".tmp"):
            temps += 1
            continue
        data = path.read_bytes()
        if path.name == "record.pdf":
            assert data in (payloads["record-a.pdf"], payloads["record-b.pdf"]), len(data)
        elif path.name == "report.xlsx":
            assert data in (payloads["report-a.xlsx"], payloads["report-b.xlsx"]), len(data)
        elif path.suffix == ".rvsheet":
            assert data == payloads["sheet.rvsheet"], path
        elif path.suffix == ".rvresult":
            assert data == payloads["bundle.rvresult"], path
        else:
            pytest.fail(f"unexpected file {path}")
        finals += 1
    return finals, temps


@pytest.mark.slow
def test_a_killed_export_never_leaves_a_partial_file(world: BundleWorld, tmp_path: Path) -> None:
    rng = random.Random(SEED)
    src, out = tmp_path / "inputs", tmp_path / "out"
    src.mkdir()
    payloads = inputs(world, src)
    done = 0
    for kill in range(KILLS):
        lines = run_and_kill(src, out, rng)
        numbers = [int(x) for x in lines if x.isdigit()]
        assert lines[0] == f"ready {done}", (kill, lines)  # it resumed after the sheets already there
        check(out, payloads)
        for i in numbers:  # every round reported done is there, whole
            assert (out / "sheets" / f"{i:06d}.rvsheet").exists(), (kill, i)
            assert (out / "bundles" / f"{i:06d}.rvresult").exists(), (kill, i)
        sheets = len(list((out / "sheets").glob("*.rvsheet")))
        assert numbers[-1] + 1 <= sheets <= numbers[-1] + 2, (
            kill,
            numbers[-1],
            sheets,
        )  # + the one in flight
        done = sheets
    assert done >= KILLS

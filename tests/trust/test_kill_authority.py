"""Issue 14 (6, 7): a ``package seal`` or ``authority revoke`` process SIGKILLed at each of its writes
(the n-th os.write — half written —, os.fsync or os.replace) leaves the old or the new state, and the
next command completes or works: a bundle sealed before still imports, a re-run of revoke finishes
the CRL, a new seal with the revoked member is refused."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from reviewer.errors import Refused, Revoked
from reviewer.trust import open_authority
from reviewer.trust.revocation import RevocationList
from tests.export.bundle_world import CHAIR, BundleWorld, build_bundle_world
from tests.export.conftest import PASSPHRASE, source
from tests.permissive import PERMISSIVE_RULES
from tests.scoring.sheet_fixtures import CANDIDATE, STANDARD
from tests.trust.test_crash_authority import ENV, copy_authority, imports_the_old_bundle, seal_new

pytestmark = [pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL"), pytest.mark.slow]
REPO = Path(__file__).resolve().parents[2]

KILLER = """
import os, signal, sys
n, calls = int(sys.argv[1]), [0]
def hook(name, real):
    def call(*args, **kwargs):
        calls[0] += 1
        if calls[0] == n:
            if name == "write":
                real(args[0], bytes(args[1])[: max(1, len(args[1]) // 2)])
            os.kill(os.getpid(), signal.SIGKILL)
        return real(*args, **kwargs)
    return call
for name in ("write", "fsync", "replace"):
    setattr(os, name, hook(name, getattr(os, name)))
from reviewer.cli import main
sys.exit(main(["--lang", "en", *sys.argv[2:]]))
"""


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> BundleWorld:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
        return build_bundle_world(tmp_path_factory.mktemp("bundle-world"))


@pytest.fixture(autouse=True)
def _passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV, PASSPHRASE)


def killed_at(n: int, *argv: str | Path) -> bool:
    """Run ``reviewer argv`` killed at the n-th write; True when the kill happened."""
    env = {**os.environ, "PYTHONPATH": str(REPO), ENV: PASSPHRASE}
    done = subprocess.run([sys.executable, "-c", KILLER, str(n), *map(str, argv)], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=120)  # fmt: skip
    if done.returncode == -signal.SIGKILL:
        return True
    assert done.returncode == 0, done.stdout + done.stderr
    return False


def test_seal_killed_at_each_write(world: BundleWorld, tmp_path: Path) -> None:
    panel = tmp_path / "panel.json"
    members = [(CHAIR, "chair"), ("li-zhe", "expert"), ("zhang-yue", "expert")]
    panel.write_text(json.dumps({"members": [
        {"credential": str(world.folders[k] / "credential.rvcred"), "role": r} for k, r in members]}), "utf-8")  # fmt: skip
    candidate = tmp_path / "candidate.json"
    candidate.write_text(json.dumps(CANDIDATE, ensure_ascii=False), "utf-8")
    n = 0
    while True:
        n += 1
        case = tmp_path / f"n{n}"
        case.mkdir()
        folder = copy_authority(world, case)
        out = case / "p.rvpkg"
        killed = killed_at(n, "package", "seal", folder, "--standard", STANDARD, "--candidate", candidate,
                           "--materials", world.base / "materials", "--panel", panel, "--out", out,
                           "--passphrase-env", ENV, "--panel-rules", PERMISSIVE_RULES)  # fmt: skip
        recorded = [
            e for e in open_authority(folder).ledger() if e["event"] == "sealed" and e["file"] == out.name
        ]
        if out.exists():  # a package under its final name is always in the ledger
            assert len(recorded) == 1
        imports_the_old_bundle(world, folder, case)
        again = seal_new(world, folder, case / "again.rvpkg")
        assert (folder / "ledger.jsonl").read_bytes().endswith(b"\n")
        assert again.package_id in {
            e["package_id"] for e in open_authority(folder).ledger() if "package_id" in e
        }
        if not killed:
            break
    assert n > 3


def test_revoke_killed_at_each_write_is_completed_by_a_rerun(world: BundleWorld, tmp_path: Path) -> None:
    member = world.ids["chen-shen"].installed()
    credential = world.folders["chen-shen"] / "credential.rvcred"
    n = 0
    while True:
        n += 1
        case = tmp_path / f"n{n}"
        case.mkdir()
        folder = copy_authority(world, case)
        killed = killed_at(n, "authority", "revoke", folder, credential, "--reason", "lost laptop",
                           "--passphrase-env", ENV)  # fmt: skip
        if killed:
            with contextlib.suppress(Refused):
                open_authority(folder).revoke(member, "lost laptop", source())
        authority = open_authority(folder)
        assert authority.revocations().revoked_at(member.serial) is not None
        on_disk = RevocationList.load((folder / "revocations.crl").read_bytes(), authority.root)
        assert on_disk.revoked_at(member.serial) is not None
        assert [e["serial"] for e in authority.ledger() if e["event"] == "revoked"] == [f"{member.serial:x}"]
        with pytest.raises(Revoked):
            seal_new(world, folder, case / "new.rvpkg", [CHAIR, "chen-shen", "li-zhe"])
        if not killed:
            break
    assert n > 3

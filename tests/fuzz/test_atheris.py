"""Run the atheris harness for the archive reader for a moment (``-runs``; default 2000, or
``REVIEWER_ATHERIS_RUNS``). libFuzzer exits non-zero on any uncaught exception, with the input."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

HARNESS = Path(__file__).with_name("atheris_safezip.py")
RUNS = int(os.environ.get("REVIEWER_ATHERIS_RUNS", "2000"))
SEED = int(os.environ.get("REVIEWER_ATHERIS_SEED", "20261128"))

atheris = pytest.importorskip(
    "atheris",
    reason="atheris (libFuzzer for Python) is not installed: pip install atheris (dev extra); "
    "it ships wheels for CPython on Linux x86-64 and macOS only",
)


@pytest.mark.slow
def test_safezip_survives_fuzzing(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    proc = subprocess.run(
        [
            sys.executable,
            str(HARNESS),
            f"-runs={RUNS}",
            "-max_len=4096",
            "-timeout=60",  # per input; generous for a loaded CI machine
            f"-seed={SEED}",  # reproducible in CI; REVIEWER_ATHERIS_SEED explores further
            f"-artifact_prefix={tmp_path}/",
            str(corpus),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=HARNESS.parents[2],
    )
    report = proc.stderr[-4000:]
    assert proc.returncode == 0, report
    assert f"Done {RUNS} runs" in proc.stderr, report
    assert not list(tmp_path.glob("crash-*")), report

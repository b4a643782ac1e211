"""9. Command-line start: each command imports only what it needs (issue 21).

Wall clock of the whole process, from the parent's start of the child to its exit:

* the floor, ``python -c "import cryptography"`` (the interpreter, ``site`` and the one library every
  reviewer file needs);
* ``reviewer --help`` (every command's arguments, no command run);
* ``reviewer verify PACKAGE --identity DIR`` with benchmark 2's 300-indicator package, checked
  against the expert's pinned root (signature, manifest, every file's hash; no passphrase).

Interleaved run by run; ``reviewer`` is the console script pip made in ``.venv/bin``, the app
byte-compiled first (``run.compile_sources``), as an installed app is. Target: each command within
2× the floor.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from benchmarks import bench_startup
from benchmarks.harness import Row, child_env, fmt_s, interleaved, med, run_child
from benchmarks.world import world

VENV = Path(sys.executable).parent
TARGET = 2.0  # × the floor


def _timed(args: list[str]) -> dict:
    start = time.perf_counter()
    done = subprocess.run(args, capture_output=True, env=child_env(), timeout=120)
    took = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"{args} failed ({done.returncode}): {done.stderr[-2000:]!r}")
    return {"seconds": took}


def run(runs: int, log=print) -> list[Row]:
    if not bench_startup.PACKAGE.exists():
        log(f"sealing the {bench_startup.LEAVES}-indicator package (once)")
        run_child("bench_startup", "prepare")
    reviewer = str(VENV / "reviewer")
    identity = str(world().identity_dir(bench_startup.EXPERT))
    cases = {
        "floor": lambda: _timed([sys.executable, "-c", "import cryptography"]),
        "help": lambda: _timed([reviewer, "--help"]),
        "verify": lambda: _timed([reviewer, "verify", str(bench_startup.PACKAGE), "--identity", identity]),
    }
    # One warm-up round, not counted: the first start reads the files from disk.
    interleaved(1, cases)
    results = interleaved(max(runs, 5), cases)
    floor, help_, verify = (med(results[k], "seconds") for k in ("floor", "help", "verify"))
    target = f"≤ {TARGET:g}×"
    return [
        Row('cli: `python -c "import cryptography"` (floor)', fmt_s(floor)),
        Row("cli: `reviewer --help`", fmt_s(help_)),
        Row("cli: `reviewer --help` / floor", f"{help_ / floor:.2f}×", target, help_ / floor <= TARGET),
        Row(f"cli: `reviewer verify` a {bench_startup.LEAVES}-indicator package", fmt_s(verify)),
        Row(
            "cli: `reviewer verify` a package / floor",
            f"{verify / floor:.2f}×",
            target,
            verify / floor <= TARGET,
        ),
    ]


if __name__ == "__main__":
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    for row in run(int(sys.argv[1]) if len(sys.argv) > 1 else 5):
        print(row)

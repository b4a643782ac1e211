"""7. The frozen app (``make dist``) against the virtual environment: the same commands, same files.

* CLI: ``reviewer --help`` (every command module imported, the help printed), wall clock of the
  whole process.
* GUI: ``reviewer-gui PACKAGE --identity ... --exit-when-ready`` with benchmark 2's 300-indicator
  package, opened as an enrolled expert with her passphrase given, each run with a fresh data
  folder. The parent notes the wall clock just before starting the child; the child prints the wall
  clock once the package is open and the event loop has turned (``ready <time>``).

Interleaved run by run; the venv's executables are the console scripts pip made in ``.venv/bin``,
the app byte-compiled first (``run.compile_sources``), as an installed app is. Needs ``dist/reviewer``
(``make dist``); without it the rows say so.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import bench_startup
from benchmarks.harness import Row, child_env, fmt_s, interleaved, med, run_child
from benchmarks.world import PASSPHRASE, ROOT, world

FROZEN = ROOT / "dist" / "reviewer"
VENV = Path(sys.executable).parent
PASS_ENV = "RV_BENCH_PASS"


def _env() -> dict[str, str]:
    env = child_env()
    env[PASS_ENV] = PASSPHRASE
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def _cli(folder: Path) -> dict:
    start = time.perf_counter()
    done = subprocess.run([str(folder / "reviewer"), "--help"], capture_output=True, env=_env(), timeout=120)
    took = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(
            f"{folder / 'reviewer'} --help failed ({done.returncode}): {done.stderr[-2000:]!r}"
        )
    return {"seconds": took}


def _gui(folder: Path) -> dict:
    with tempfile.TemporaryDirectory(prefix="reviewer-bench-frozen-") as data:
        args = [
            str(folder / "reviewer-gui"),
            "--data-dir", data, "--lang", "zh_CN",
            str(bench_startup.PACKAGE),
            "--identity", str(world().identity_dir(bench_startup.EXPERT)),
            "--passphrase-env", PASS_ENV,
            "--exit-when-ready",
        ]  # fmt: skip
        start = time.time()
        done = subprocess.run(args, capture_output=True, text=True, env=_env(), timeout=300)
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith("ready ")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"{args[0]} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return {"seconds": float(lines[-1].split()[1]) - start}


def run(runs: int, log=print) -> list[Row]:
    if not (FROZEN / "reviewer").exists():
        log("no frozen build in dist/reviewer: run `make dist` first")
        return [Row("frozen app: not built (make dist)", "—")]
    if not bench_startup.PACKAGE.exists():
        log(f"sealing the {bench_startup.LEAVES}-indicator package (once)")
        run_child("bench_startup", "prepare")
    cli = interleaved(runs, {"venv": lambda: _cli(VENV), "frozen": lambda: _cli(FROZEN)})
    gui = interleaved(runs, {"venv": lambda: _gui(VENV), "frozen": lambda: _gui(FROZEN)})
    c_venv, c_frozen = med(cli["venv"], "seconds"), med(cli["frozen"], "seconds")
    g_venv, g_frozen = med(gui["venv"], "seconds"), med(gui["frozen"], "seconds")
    size = sum(p.lstat().st_size for p in FROZEN.rglob("*") if p.is_file() or p.is_symlink())
    return [
        Row("frozen: `reviewer --help`, venv", fmt_s(c_venv)),
        Row("frozen: `reviewer --help`, frozen", fmt_s(c_frozen)),
        Row("frozen: CLI ratio frozen / venv", f"{c_frozen / c_venv:.2f}×"),
        Row(f"frozen: GUI to a {bench_startup.LEAVES}-indicator package open, venv", fmt_s(g_venv)),
        Row(f"frozen: GUI to a {bench_startup.LEAVES}-indicator package open, frozen", fmt_s(g_frozen)),
        Row(
            "frozen: GUI ratio frozen / venv", f"{g_frozen / g_venv:.2f}×", "≤ 1.3×", g_frozen / g_venv <= 1.3
        ),
        Row("frozen: folder size", f"{size / 2**20:.0f} MiB", "≤ 250 MiB", size <= 250 * 2**20),
    ]


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    for row in run(int(sys.argv[1]) if len(sys.argv) > 1 else 3):
        print(row)

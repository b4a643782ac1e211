"""The benchmark runner: ``make bench`` or ``python -m benchmarks.run [options]``.

Runs the sub-benchmarks and prints one table: every figure the median of ``--runs`` runs, every
comparison measured side by side in the same run (interleaved), each case's peak RSS measured in
its own child process. Fixtures (packages, the panel, result bundles) are generated once into
``benchmarks/.cache`` and reused. Benchmarks never gate anything: the exit status is 0 whether or
not a target is met (1 only when a benchmark could not run).

    python -m benchmarks.run                      # default: 100 and 256 MB packages, 100 bundles
    python -m benchmarks.run --full               # adds the 1 GiB package, 1,000 bundles, larger curves
    python -m benchmarks.run --only open,record --runs 5
    python -m benchmarks.run --markdown           # the table as Markdown (for docs/performance.md)
    python -m benchmarks.run --only responsive --why   # the window's stalls, and the code behind each
    python -m benchmarks.run --only suites        # NIST and SM side by side (SM/NIST ratios)
"""

from __future__ import annotations

import argparse
import os
import sys
import time

BENCHMARKS = (
    "open", "startup", "autosave", "record", "import", "suites", "frozen", "scale", "responsive", "cli"
)  # fmt: skip


def parse(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.split("\n\n")[0])
    p.add_argument("--runs", type=int, default=3, help="runs per figure; the table shows the median (3)")
    p.add_argument("--full", action="store_true", help="also the 1 GiB package, 1,000 bundles, larger curves")
    p.add_argument("--sizes", help="package sizes in MB, comma-separated (default 100,256; --full adds 1024)")
    p.add_argument("--bundles", type=int, help="bundles to import (default 100; --full 1000)")
    p.add_argument("--only", help=f"comma-separated subset of: {', '.join(BENCHMARKS)}")
    p.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    p.add_argument(
        "--why", action="store_true", help="responsive: print the GUI thread's frames in each stall"
    )
    args = p.parse_args(argv)
    args.only = args.only.split(",") if args.only else list(BENCHMARKS)
    unknown = set(args.only) - set(BENCHMARKS)
    if unknown:
        p.error(f"unknown benchmark(s): {', '.join(sorted(unknown))}")
    if args.sizes:
        args.sizes = [int(s) for s in args.sizes.split(",")]
    else:
        args.sizes = [100, 256, 1024] if args.full else [100, 256]
    args.bundles = args.bundles or (1000 if args.full else 100)
    return args


def compile_sources() -> None:
    """Byte-compile the app (and the benchmarks) first, as an installed app is: with
    ``PYTHONDONTWRITEBYTECODE`` set, every child would otherwise compile the modules it imports."""
    import compileall
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    for folder in ("reviewer", "benchmarks"):
        compileall.compile_dir(root / folder, quiet=1)


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    compile_sources()
    from benchmarks import (
        bench_cli,
        bench_frozen,
        bench_import,
        bench_open,
        bench_record,
        bench_responsive,
        bench_scale,
        bench_startup,
        bench_suites,
        bench_work,
    )
    from benchmarks.harness import table

    def log(msg: str) -> None:
        print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)

    steps = {
        "open": lambda: bench_open.run(args.runs, args.sizes, log),
        "startup": lambda: bench_startup.run(args.runs, log),
        "autosave": lambda: bench_work.run(args.runs, log),
        "record": lambda: bench_record.run(args.runs, log),
        "import": lambda: bench_import.run(args.runs, args.bundles, log),
        "suites": lambda: bench_suites.run(
            args.runs, args.sizes, min(args.bundles, bench_suites.BUNDLES), log
        ),
        "frozen": lambda: bench_frozen.run(args.runs, log),
        "scale": lambda: bench_scale.run(args.runs, args.full, log),
        "cli": lambda: bench_cli.run(args.runs, log),
        "responsive": lambda: bench_responsive.run(args.runs, log, args.bundles, args.why),
    }
    rows, failed = [], []
    for name in (b for b in BENCHMARKS if b in args.only):
        log(f"{name} …")
        start = time.perf_counter()
        try:
            rows += steps[name]()
        except Exception as exc:  # one broken benchmark does not hide the others
            failed.append(name)
            log(f"{name} failed: {exc}")
        log(f"{name} done in {time.perf_counter() - start:.0f} s")
    print(table(rows, markdown=args.markdown))
    print(f"\n{args.runs} run(s) per figure, median shown; ratios from interleaved runs in the same session.")
    if failed:
        print(f"could not run: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

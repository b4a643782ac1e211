"""What every benchmark shares: child processes with their own peak memory, medians, the table rows.

Each measured case runs in a fresh child process (``python -m benchmarks.<module> --child CASE ...``)
that prints one JSON object as its last line of output; the child adds its own peak RSS (``VmHWM``
from ``/proc/self/status``), so each case has its own peak and nothing measured earlier in the
parent's life inflates it. Comparisons are interleaved: run 1 of A, run 1 of B, run 2 of A, ...
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from benchmarks.rss import peak_rss  # the children report their peak through the harness
from benchmarks.world import ROOT

MiB = 2**20


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    return env


def run_child(module: str, *args: str, timeout: float = 900) -> dict:
    """Run ``python -m benchmarks.<module> --child ARGS`` and return its JSON result (with ``peak_rss``)."""
    done = subprocess.run(
        [sys.executable, "-m", f"benchmarks.{module}", "--child", *args],
        capture_output=True,
        text=True,
        env=child_env(),
        cwd=ROOT,
        timeout=timeout,
        check=False,
    )
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith("{")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(
            f"benchmark child {module} {args} failed ({done.returncode}):\n{done.stderr[-3000:]}"
        )
    return json.loads(lines[-1])


def child_main(cases: dict[str, Callable[..., dict]]) -> None:
    """The child side: ``--child CASE ARGS...`` runs ``cases[CASE](*ARGS)`` and prints its JSON."""
    _, flag, case, *args = sys.argv
    assert flag == "--child", sys.argv
    result = cases[case](*args)
    result["peak_rss"] = peak_rss()
    print(json.dumps(result), flush=True)


def interleaved(runs: int, cases: dict[str, Callable[[], dict]]) -> dict[str, list[dict]]:
    """``runs`` rounds, each running every case once in order; results per case."""
    out: dict[str, list[dict]] = {name: [] for name in cases}
    for _ in range(runs):
        for name, case in cases.items():
            out[name].append(case())
    return out


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def med(results: Sequence[dict], key: str) -> float:
    return median([r[key] for r in results])


def percentile(values: Sequence[float], p: float) -> float:
    """The ``p``-th percentile (nearest rank) of ``values``."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * p // 100))
    return ordered[int(rank) - 1]


@dataclass(frozen=True)
class Row:
    benchmark: str
    measured: str
    target: str = ""
    met: bool | None = None  # None: no target for this line
    peak: int | None = None  # bytes

    @property
    def verdict(self) -> str:
        return "" if self.met is None else ("met" if self.met else "MISSED")


def fmt_s(seconds: float) -> str:
    if seconds < 1e-3:
        return f"{seconds * 1e6:.0f} µs"
    if seconds < 1:
        return f"{seconds * 1e3:.1f} ms"
    return f"{seconds:.2f} s"


def fmt_mib(n: int | None) -> str:
    return "" if n is None else f"{n / MiB:.0f} MiB"


def table(rows: Sequence[Row], markdown: bool = False) -> str:
    head = ("Benchmark", "Measured (median)", "Target", "Verdict", "Peak RSS")
    body = [(r.benchmark, r.measured, r.target, r.verdict, fmt_mib(r.peak)) for r in rows]
    if markdown:
        lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
        return "\n".join(lines + ["| " + " | ".join(cells) + " |" for cells in body])
    widths = [max(len(c[i]) for c in (head, *body)) for i in range(len(head))]
    line = "  ".join(f"{{:<{w}}}" for w in widths)
    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line.format(*head), rule, *(line.format(*c) for c in body)])

"""The benchmark runner's own helpers (the benchmarks themselves run with `make bench`, never in CI)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from benchmarks import harness, run, world
from reviewer.standards import load_standard


def test_percentile_is_nearest_rank() -> None:
    values = [i / 1000 for i in range(1, 2001)]  # 1 ms .. 2 s
    assert harness.percentile(values, 50) == 1.0
    assert harness.percentile(values, 99) == 1.98
    assert harness.percentile([5.0], 99) == 5.0
    assert harness.median([3, 1, 2]) == 2


def test_table_marks_missed_targets_and_prints_markdown() -> None:
    rows = [
        harness.Row("a", "1.0 ms", "≤ 5 ms", True, 64 * harness.MiB),
        harness.Row("b", "9.0 ms", "≤ 5 ms", False),
        harness.Row("c", "2.0×"),
    ]
    text = harness.table(rows)
    assert text.splitlines()[2].split() == ["a", "1.0", "ms", "≤", "5", "ms", "met", "64", "MiB"]
    assert "MISSED" in text.splitlines()[3]
    md = harness.table(rows, markdown=True).splitlines()
    assert md[0].startswith("| Benchmark |") and md[1].startswith("|---|")
    assert md[3] == "| b | 9.0 ms | ≤ 5 ms | MISSED |  |"


def test_fmt_s_picks_the_unit() -> None:
    assert harness.fmt_s(0.0000123) == "12 µs"
    assert harness.fmt_s(0.0123) == "12.3 ms"
    assert harness.fmt_s(12.345) == "12.35 s"


@pytest.mark.parametrize("leaves", [19, 300, 1400])
def test_generated_standard_is_valid_with_exactly_100_points(tmp_path, leaves: int) -> None:
    import json

    path = tmp_path / "s.json"
    path.write_text(json.dumps(world.standard_json(leaves), ensure_ascii=False), encoding="utf-8")
    standard = load_standard(path)
    assert len(standard.leaves()) == leaves
    assert sum((leaf.points for leaf in standard.leaves()), Decimal(0)) == 100


def test_runner_options() -> None:
    args = run.parse([])
    assert (args.runs, args.sizes, args.bundles, args.only) == (3, [100, 256], 100, list(run.BENCHMARKS))
    full = run.parse(["--full", "--only", "open,import"])
    assert (full.sizes, full.bundles, full.only) == ([100, 256, 1024], 1000, ["open", "import"])
    assert run.parse(["--sizes", "8", "--bundles", "7"]).sizes == [8]
    with pytest.raises(SystemExit):
        run.parse(["--only", "nonsense"])


def test_the_bare_window_child_imports_nothing_of_the_app() -> None:
    """The floor of the app-start ratio must not pay for the app's or the fixtures' imports."""
    import json
    import subprocess
    import sys

    code = "import json, sys, benchmarks.bare_window; print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env=harness.child_env(), cwd=harness.ROOT).stdout  # fmt: skip
    loaded = set(json.loads(out))
    assert "benchmarks" in loaded
    assert not loaded & {"reviewer", "cryptography", "sqlalchemy", "PySide6"}  # PySide6: when it runs


def test_scale_curves_sizes_default_and_full() -> None:
    from benchmarks import bench_scale

    default, full = bench_scale.sizes(False), bench_scale.sizes(True)
    assert "scale" in run.BENCHMARKS
    assert (default["open_mb"], default["open_files"]) == (20, [1, 200, 2000])
    assert (full["open_mb"], full["open_files"]) == (200, [1, 200, 2000, 20000])
    for s in (default, full):
        assert (s["signers"], s["signers_leaves"]) == ([5, 13, 25, 40], 40)
        assert (s["indicators"], s["indicators_signers"]) == ([40, 300, 1400], 8)
    assert default["reconcile"] == [(5, 40), (25, 300)]
    assert full["reconcile"] == [(5, 40), (25, 300), (40, 1400)]
    assert (default["registry"], full["registry"]) == ([(2, 500)], [(2, 500), (20, 500)])
    assert bench_scale.CALIBRATION_PEAK // harness.MiB == 300


def test_the_cli_benchmark_is_registered() -> None:
    """Benchmark 9 (command-line start, issue 21) runs with the others, last."""
    from benchmarks import bench_cli

    assert run.BENCHMARKS[-1] == "cli" and callable(bench_cli.run)


def test_the_heartbeat_files_a_stall_under_its_phase_with_the_frames_behind_it() -> None:
    """Benchmark 10's instrument: a 120 ms sleep on the GUI thread is one stall, in its phase, sampled."""
    import time

    from PySide6.QtWidgets import QApplication

    from benchmarks.heartbeat import PERIOD_MS, Heartbeat, settle

    QApplication.instance() or QApplication([])
    hb = Heartbeat().start()
    hb.phase("idle")
    settle(0.1)
    hb.phase("busy")
    time.sleep(0.12)
    settle(0.05)
    hb.stop()
    longest, where = hb.longest()
    assert where == "busy" and longest >= 0.12 - PERIOD_MS / 1000
    (stall,) = [s for s in hb.stalls if s.phase == "busy"]
    assert stall.samples and any("test_benchmarks.py" in frame for stack, _ in stall.top() for frame in stack)
    assert hb.p99(["idle"]) < hb.longest(["busy"])[0]


@pytest.mark.slow
def test_the_responsiveness_journeys_run(tmp_path, monkeypatch) -> None:
    """Benchmark 10 (issue 16) drives the expert's and the chair's journeys in the real window to the end
    (no time asserted: the benchmarks never gate anything). The ministry's needs generated bundles: not here."""
    from benchmarks import bench_responsive

    monkeypatch.setenv("REVIEWER_BENCH_CACHE", str(tmp_path))
    assert "responsive" in run.BENCHMARKS
    harness.run_child("bench_responsive", "prepare")
    for child, journeys in (("expert", "acd"), ("chair", "befg")):
        got = harness.run_child("bench_responsive", "journey", child, timeout=600)["journeys"]
        assert sorted(got) == list(journeys)
        for figures in got.values():
            assert figures["longest"] >= 0 and figures["p99"] > 0 and figures["phase"]
    results = {j: [f] for j, f in got.items()}
    assert bench_responsive.rows_of(results) and bench_responsive.why(results)


@pytest.mark.slow
def test_the_two_suites_run_side_by_side(tmp_path, monkeypatch) -> None:
    """Benchmark 11 (issue 20): both worlds built (an SM2 authority and SM identities beside the NIST
    ones), every case measured in both suites on a tiny size, the table with its SM/NIST ratios (no
    time asserted: the benchmarks never gate anything)."""
    from benchmarks import bench_suites

    monkeypatch.setenv("REVIEWER_BENCH_CACHE", str(tmp_path))
    assert "suites" in run.BENCHMARKS and run.BENCHMARKS[-1] == "cli"
    res = bench_suites.measure(1, [1], 1, repeat=3, stream_mib=1, log=lambda _msg: None)
    assert sorted(res) == ["import", "open 1", "primitives", "record", "sheet"]
    for case in res.values():
        assert sorted(case) == ["nist", "sm"]
    for suite in ("nist", "sm"):
        (opened,) = res["open 1"][suite]
        assert opened["plaintext"] >= 2**20 and opened["seconds"] > 0 and opened["aead"] > 0
        assert opened["peak_rss"] > 0
        assert res["sheet"][suite][0]["build"] > 0 and res["sheet"][suite][0]["open"] > 0
        assert {"build", "sign", "validate"} <= set(res["record"][suite][0])
        assert res["import"][suite][0]["bundles"] == 1
        prims = res["primitives"][suite][0]
        assert all(prims[k] > 0 for k in ("sign", "verify", "wrap", "unwrap", "encrypt", "decrypt"))
    # the wrap's shape tells the suites apart: X25519 ephemeral 32 + 48; an SM2 ciphertext of 64 bytes
    assert res["primitives"]["nist"][0]["wrapped_bytes"] == 80
    assert 150 <= res["primitives"]["sm"][0]["wrapped_bytes"] <= 200
    worlds = {p.name for p in tmp_path.iterdir()}
    assert {"world", "world-sm", "bundles", "bundles-sm", "suites"} <= worlds
    rows = bench_suites.rows_of(res)
    assert len(rows) == 16 and all(r.benchmark.startswith("suites: ") for r in rows)
    assert all("SM/NIST" in r.measured for r in rows if "throughput" not in r.benchmark)

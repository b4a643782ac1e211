"""8. Scale curves: how opening, the record, reconciliation and the registry grow with their inputs.

Every point of a curve is a case in a fresh child process with its own peak RSS, the sizes of one
curve interleaved; each row gives the median at that size and its growth against the smallest size.

1. open: the same total bytes (20 MB; --full 200 MB) in 1, 200, 2,000 (--full: and 20,000) materials,
   ``open_package`` + ``verify_all`` (identity unlocked before the clock, page cache warm), with the
   per-material overhead against the one-file package.
2. record: ``build_record_pdf`` against signers (5, 13, 25, 40 at 40 indicators) and against
   indicators (40, 300, 1,400 at 8 signers).
3. reconcile: ``reconcile()`` against experts × indicators (5×40, 25×300; --full: 40×1,400).
4. registry: years × candidates (2×500; --full: and 20×500), bulk-built (tests/ministry/bulk.py), on
   SQLite and PostgreSQL: ``Registry.open`` of a current registry, ``registry_report`` of the latest
   year, one candidate's history (``--candidate``), ``calibration_report``, recording one more result.
"""

from __future__ import annotations

import time

from benchmarks import scale_fixtures as fx
from benchmarks.harness import MiB, Row, child_main, fmt_s, interleaved, med, run_child
from benchmarks.world import source, world

CALIBRATION_PEAK = 300 * MiB  # issue 21: calibration over 20 years × 500 candidates


def sizes(full: bool) -> dict:
    """The points of every curve (default, or --full)."""
    return {
        "open_mb": 200 if full else 20,
        "open_files": [1, 200, 2000, 20000] if full else [1, 200, 2000],
        "signers": [5, 13, 25, 40],  # at 40 indicators
        "signers_leaves": 40,
        "indicators": [40, 300, 1400],  # at 8 signers
        "indicators_signers": 8,
        "reconcile": [(5, 40), (25, 300), (40, 1400)] if full else [(5, 40), (25, 300)],
        "registry": [(2, 500), (20, 500)] if full else [(2, 500)],
    }


# --- the children -------------------------------------------------------------------------------
def prepare(total_mb: str, files: str) -> dict:
    fx.seal_package(int(total_mb), int(files))
    return {}


def warm(total_mb: str, files: str) -> dict:
    with open(fx.package(int(total_mb), int(files)), "rb") as fh:
        while fh.read(MiB):
            pass
    return {}


def open_all(total_mb: str, files: str) -> dict:
    from reviewer.packages import open_package
    from reviewer.trust import load_identity

    identity = load_identity(world().identity_dir(fx.MEMBER), source())
    start = time.perf_counter()
    with open_package(fx.package(int(total_mb), int(files)), identity) as opened:
        opened.verify_all()
    return {"seconds": time.perf_counter() - start}


def build_record(signers: str, leaves: str) -> dict:
    from reviewer.export.record import build_record_pdf

    data = fx.record_input(int(signers), int(leaves))
    start = time.perf_counter()
    pdf = build_record_pdf(data)
    return {"seconds": time.perf_counter() - start, "size": len(pdf)}


def build_registry(db: str, years: str, candidates: str) -> dict:
    return {"rows": fx.build_registry(db, int(years), int(candidates))}


def registry(case: str, db: str, years: str, candidates: str) -> dict:
    from reviewer.ministry.registry import Registry
    from reviewer.ministry.reports import calibration_report, history_report, registry_report

    start = time.perf_counter()
    reg = Registry.open(db)
    opened = time.perf_counter()
    try:
        if case == "open":
            return {"seconds": opened - start}
        if case == "record":
            result = fx.one_more_result(reg, int(years), int(candidates))
            start = time.perf_counter()
            outcome = reg.record(result)
            assert outcome.outcome == "imported", outcome
        else:
            start = time.perf_counter()
            if case == "report":
                report = registry_report(reg, 2000 + int(years) - 1)
            elif case == "candidate":
                report = history_report(reg, fx.candidate_name(int(candidates) // 2 + 1))
            else:
                report = calibration_report(reg)
            assert report.tables
        return {"seconds": time.perf_counter() - start}
    finally:
        reg.close()


# --- the curves ---------------------------------------------------------------------------------
def _curve(
    label: str, points: dict[str, list[dict]], per: dict[str, int] | None = None, unit: str = ""
) -> list[Row]:
    """One row per point: its median, its growth against the first point (and, with ``per``, the extra
    time per unit of ``per`` beyond the first point's)."""
    rows, (first, base) = [], next(iter(points.items()))
    t0 = med(base, "seconds")
    for name, res in points.items():
        t = med(res, "seconds")
        text = fmt_s(t) if name == first else f"{fmt_s(t)} ({t / t0:.2f}× the {first})"
        if per and name != first and per[name] != per[first]:
            text += f"; +{fmt_s(max(0.0, t - t0) / (per[name] - per[first]))} per {unit}"
        rows.append(Row(f"{label} {name}", text, peak=max(r["peak_rss"] for r in res)))
    return rows


def _files(n: int) -> str:
    return f"{n:,} material{'s' if n > 1 else ''}"


def _open(runs: int, s: dict, log) -> list[Row]:
    mb, counts = s["open_mb"], s["open_files"]
    for n in counts:
        if not fx.package(mb, n).exists():
            log(f"sealing {mb} MB in {n} materials (once)")
            run_child("bench_scale", "prepare", str(mb), str(n), timeout=3600)
        run_child("bench_scale", "warm", str(mb), str(n))
    res = interleaved(runs, {
        _files(n): lambda n=n: run_child("bench_scale", "open_all", str(mb), str(n)) for n in counts
    })  # fmt: skip
    return _curve(f"scale open {mb} MB in", res, {_files(n): n for n in counts}, "material")


def _record(runs: int, s: dict) -> list[Row]:
    leaves, signers = s["signers_leaves"], s["indicators_signers"]
    by_signers = interleaved(runs, {
        f"{n} signers": lambda n=n: run_child("bench_scale", "build_record", str(n), str(leaves))
        for n in s["signers"]
    })  # fmt: skip
    by_leaves = interleaved(runs, {
        f"{n} indicators": lambda n=n: run_child("bench_scale", "build_record", str(signers), str(n))
        for n in s["indicators"]
    })  # fmt: skip
    return _curve(
        f"scale record build, {leaves} indicators:",
        by_signers,
        {f"{n} signers": n for n in s["signers"]},
        "signer",
    ) + _curve(
        f"scale record build, {signers} signers:",
        by_leaves,
        {f"{n} indicators": n for n in s["indicators"]},
        "indicator",
    )


def _reconcile(runs: int, s: dict) -> list[Row]:
    res = interleaved(runs, {
        f"{e} × {n}": lambda e=e, n=n: run_child("bench_work", "reconciliation", "5", str(e), str(n))
        for e, n in s["reconcile"]
    })  # fmt: skip
    cells = {f"{e} × {n}": e * n for e, n in s["reconcile"]}
    return _curve("scale reconcile, experts × indicators", res, cells, "score")


REGISTRY_CASES = ("open", "report", "candidate", "calibration", "record")


def _registry(runs: int, s: dict, log, cases: tuple[str, ...] = REGISTRY_CASES) -> list[Row]:
    from benchmarks.bench_import import Postgres

    dbs: dict[str, dict[tuple[int, int], str]] = {"SQLite": {}}
    for y, c in s["registry"]:
        path, url = fx.sqlite_registry(y, c)
        if not path.exists():
            log(f"building a SQLite registry of {y} years × {c} candidates (once)")
            tmp = path.with_name(f"{path.stem}.tmp.sqlite3")
            for suffix in ("", "-wal", "-shm"):
                tmp.with_name(tmp.name + suffix).unlink(missing_ok=True)
            run_child("bench_scale", "build_registry", f"sqlite:///{tmp}", str(y), str(c), timeout=3600)
            tmp.rename(path)
        dbs["SQLite"][(y, c)] = url
    pg = Postgres(log)
    rows: list[Row] = []
    try:
        if pg.base:
            dbs["PostgreSQL"] = {}
            for y, c in s["registry"]:
                log(f"building a PostgreSQL registry of {y} years × {c} candidates")
                dbs["PostgreSQL"][(y, c)] = url = pg.db()
                run_child("bench_scale", "build_registry", url, str(y), str(c), timeout=3600)
        for name, by_size in dbs.items():
            for case in cases:
                res = interleaved(runs, {
                    f"{y} × {c}": lambda db=db, y=y, c=c, case=case: run_child(
                        "bench_scale", "registry", case, db, str(y), str(c))
                    for (y, c), db in by_size.items()
                })  # fmt: skip
                curve = _curve(f"scale registry {name}, {case}, years × candidates", res)
                if case == "calibration":
                    curve = [
                        Row(r.benchmark, r.measured, "< 300 MiB", r.peak < CALIBRATION_PEAK, r.peak)
                        for r in curve
                    ]
                rows += curve
        if not pg.base:
            rows.append(Row("scale registry PostgreSQL", f"skipped: {pg.note or 'unavailable'}"))
    finally:
        pg.close()
    return rows


def run(runs: int, full: bool = False, log=print, parts: tuple[str, ...] = ()) -> list[Row]:
    s = sizes(full)
    world()  # the member who opens, once
    steps = {
        "open": lambda: _open(runs, s, log),
        "record": lambda: _record(runs, s),
        "reconcile": lambda: _reconcile(runs, s),
        "registry": lambda: _registry(runs, s, log),
    }
    rows: list[Row] = []
    for name, step in steps.items():
        if not parts or name in parts:
            log(f"scale: {name} …")
            rows += step()
    return rows


if __name__ == "__main__":
    child_main({
        "prepare": prepare, "warm": warm, "open_all": open_all, "build_record": build_record,
        "build_registry": build_registry, "registry": registry,
    })  # fmt: skip

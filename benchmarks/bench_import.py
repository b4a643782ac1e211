"""6. Ministry import of result bundles into SQLite and PostgreSQL; 2 worker processes versus 1.

The bundles come from the cache (:mod:`benchmarks.bundles`, generated once). Each run imports the
batch into a fresh registry in a child process, as ``reviewer ministry import --workers N`` does:
``import_bundles(..., workers=1)`` checks and records every file in that process; ``workers=2``
checks them in two worker processes while the importing process records the results in order. The
clock runs around ``import_bundles`` (interpreter start, imports and the authority's scrypt unlock
are outside it; starting the worker processes is inside). Every file must come back ``imported``.
The peak RSS is the largest of the importing process and its workers.

PostgreSQL: ``REVIEWER_TEST_PG_URL`` if set, else a throwaway server started with
``scripts/start-postgres.sh`` on its own port and stopped afterwards; without PostgreSQL the rows
say so and the run goes on.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

from benchmarks import bundles
from benchmarks.harness import Row, child_env, med
from benchmarks.world import ROOT, source, world

PG_ENV = "REVIEWER_TEST_PG_URL"
PG_PORT = "55439"
PG_DATA = f"/tmp/reviewer-pg-bench-{PG_PORT}"


def child(db: str, listing: str, workers: int) -> dict:
    from reviewer.ministry.importer import import_bundles, summary
    from reviewer.ministry.registry import Registry
    from reviewer.process import tuned_gc

    w = world()
    authority = w.authority()
    keys = authority.unlock(source())
    files = Path(listing).read_text().split("\n")
    with Registry.open(db) as reg, tuned_gc():  # as `reviewer ministry import` sets it at its entry
        start = time.time()
        outcomes = import_bundles(reg, authority, keys, files, workers=workers)
        end = time.time()
    return {"start": start, "end": end, "summary": summary(outcomes), "files": len(files)}


def _spawn(db: str, files: list[Path], tag: str, workers: int) -> subprocess.Popen:
    listing = bundles.FOLDER / f"batch-{tag}.txt"
    listing.write_text("\n".join(str(f) for f in files))
    return subprocess.Popen(
        [sys.executable, "-m", "benchmarks.bench_import", "--child", db, str(listing), str(workers)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=child_env(),
        cwd=ROOT,
    )


def _collect(procs: list[subprocess.Popen]) -> dict:
    results = []
    for p in procs:
        out, err = p.communicate(timeout=3600)
        lines = [ln for ln in out.splitlines() if ln.startswith("{")]
        if p.returncode != 0 or not lines:
            raise RuntimeError(f"import worker failed ({p.returncode}):\n{err[-3000:]}")
        results.append(json.loads(lines[-1]))
    counts: dict[str, int] = {}
    for r in results:
        for k, v in r["summary"].items():
            counts[k] = counts.get(k, 0) + v
    return {
        "seconds": max(r["end"] for r in results) - min(r["start"] for r in results),
        "counts": counts,
        "peak_rss": max(r["peak_rss"] for r in results),
    }


def import_once(db: str, files: list[Path], workers: int) -> dict:
    from reviewer.ministry.registry import Registry

    Registry.open(db).close()  # create and migrate before the clock starts
    res = _collect([_spawn(db, files, f"{os.getpid()}", workers)])
    if res["counts"] != {"imported": len(files)}:
        raise RuntimeError(f"not every bundle was imported: {res['counts']}")
    return res


# --- databases ----------------------------------------------------------------------------------
def sqlite_db(tag: str) -> str:
    path = bundles.FOLDER / f"registry-{tag}.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return f"sqlite:///{path}"


class Postgres:
    """A fresh schema per run on the server named by ``REVIEWER_TEST_PG_URL`` or one started here."""

    def __init__(self, log=print) -> None:
        self.base = os.environ.get(PG_ENV)
        self.started = False
        self.note = ""
        if not self.base:
            env = dict(os.environ, REVIEWER_PG_PORT=PG_PORT, REVIEWER_PG_DATA=PG_DATA)
            done = subprocess.run(
                ["bash", str(ROOT / "scripts" / "start-postgres.sh")],
                capture_output=True,
                text=True,
                env=env,
                check=False,
            )
            if done.returncode == 0 and done.stdout.strip():
                self.base, self.started = done.stdout.strip().splitlines()[-1], True
            else:
                self.note = (done.stderr.strip().splitlines() or ["scripts/start-postgres.sh failed"])[-1]
                log(f"PostgreSQL unavailable, skipped: {self.note}")
        self.schemas: list[str] = []

    def db(self) -> str:
        from sqlalchemy import create_engine, make_url, text

        schema = f"bench_{uuid.uuid4().hex[:10]}"
        admin = create_engine(self.base, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        admin.dispose()
        self.schemas.append(schema)
        url = make_url(self.base).update_query_dict({"options": f"-csearch_path={schema}"})
        return url.render_as_string(hide_password=False)

    def close(self) -> None:
        from sqlalchemy import create_engine, text

        if self.base and self.schemas:
            admin = create_engine(self.base, isolation_level="AUTOCOMMIT")
            with admin.connect() as conn:
                for schema in self.schemas:
                    conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
            admin.dispose()
        if self.started:
            env = dict(os.environ, REVIEWER_PG_PORT=PG_PORT, REVIEWER_PG_DATA=PG_DATA)
            subprocess.run(
                ["bash", str(ROOT / "scripts" / "start-postgres.sh"), "stop"],
                env=env,
                capture_output=True,
                check=False,
            )


def run(runs: int, count: int, log=print) -> list[Row]:
    files = bundles.ensure(count, log=log)
    pg = Postgres(log)
    rows = []
    try:
        dbs = {"SQLite": lambda tag: sqlite_db(tag)}
        if pg.base:
            dbs["PostgreSQL"] = lambda tag: pg.db()
        res: dict[tuple[str, int], list[dict]] = {(name, w): [] for name in dbs for w in (1, 2)}
        for r in range(runs):
            for name, make in dbs.items():
                for workers in (1, 2):
                    res[(name, workers)].append(import_once(make(f"{r}-{workers}"), files, workers))
        for name in dbs:
            one, two = med(res[(name, 1)], "seconds"), med(res[(name, 2)], "seconds")
            rate1, rate2 = count / one, count / two
            target = ("≥ 20 bundles/s", rate1 >= 20) if name == "SQLite" else ("", None)
            rows += [
                Row(
                    f"import {count} bundles into {name}, 1 worker",
                    f"{rate1:.1f} bundles/s ({one:.1f} s)",
                    *target,
                    max(r["peak_rss"] for r in res[(name, 1)]),
                ),
                Row(
                    f"import {count} bundles into {name}, 2 workers",
                    f"{rate2:.1f} bundles/s ({two:.1f} s)",
                    peak=max(r["peak_rss"] for r in res[(name, 2)]),
                ),
                Row(f"import into {name}: speed-up 2 workers / 1", f"{one / two:.2f}×"),
            ]
        if not pg.base:
            rows.append(Row("import into PostgreSQL", f"skipped: {pg.note or 'unavailable'}"))
    finally:
        pg.close()
    return rows


if __name__ == "__main__":
    import resource

    from benchmarks.harness import peak_rss

    _, _flag, db, listing, workers = sys.argv
    result = child(db, listing, int(workers))
    scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB elsewhere
    workers_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * scale
    result["peak_rss"] = max(peak_rss(), workers_rss)
    print(json.dumps(result), flush=True)

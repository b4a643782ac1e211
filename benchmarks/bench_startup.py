"""2. App start to an interactive window with a 300-indicator package open, against a bare PySide6 window.

Both are fresh child processes on the offscreen platform, interleaved run by run. The parent notes
the wall clock just before starting the child; the child prints the wall clock once it is
interactive, and the difference is the figure (interpreter start and imports included, as a person
starting the app feels them).

* bare: ``QApplication`` + an empty ``QMainWindow`` shown; interactive after the first turn of the
  event loop (:mod:`benchmarks.bare_window`: a child that imports PySide6 and nothing else).
* app: :func:`reviewer.ui.app.create_main_window` with the package (a 300-leaf standard, seven
  members, a 1 MB material) opened as an enrolled expert with her passphrase given (no dialog), the
  window shown; interactive when the package panel has emitted ``opened`` (signatures checked, the
  summary, the standard browser and the expert's review workspace populated) and the event loop has
  turned once more. A fresh data folder each run: the first opening of this package on this laptop.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time

from benchmarks.harness import MiB, Row, child_env, fmt_s, interleaved, med, peak_rss, run_child
from benchmarks.world import CACHE, CHAIR, PANEL, PASSPHRASE, ROOT, bench_rules, source, standard_file, world

LEAVES = 300
EXPERT = "li-zhe"
PACKAGE = CACHE / "startup" / f"standard-{LEAVES}.rvpkg"


def prepare() -> dict:
    from reviewer.packages import PanelMember, seal

    w = world()
    ids = w.identities()
    materials = PACKAGE.parent / "materials"
    materials.mkdir(parents=True, exist_ok=True)
    (materials / "申请表.pdf").write_bytes(os.urandom(MiB))
    authority = w.authority()
    panel = [PanelMember(ids[k].installed(), "chair" if k == CHAIR else "expert") for k, *_ in PANEL]
    tmp = PACKAGE.with_suffix(".tmp")
    seal(
        authority,
        authority.unlock(source()),
        standard_path=standard_file(LEAVES),
        candidate={"name": "基准软件园", "type": "park", "province": "江苏省", "city": "南京市"},
        panel=panel,
        materials=[materials],
        out=tmp,
        panel_rules=bench_rules(),
    )
    os.replace(tmp, PACKAGE)
    return {}


def _finish(app, t_done: list[float]) -> None:
    t_done.append(time.time())
    app.quit()


def full_app() -> float:
    from PySide6.QtCore import QTimer

    from reviewer.ui.app import application, create_main_window

    app = application()
    done: list[float] = []
    with tempfile.TemporaryDirectory(prefix="reviewer-bench-ui-") as data:
        window = create_main_window(
            data_dir=data,
            open_file=PACKAGE,
            lang="zh_CN",
            identity_dir=world().identity_dir(EXPERT),
            passphrase=PASSPHRASE,
        )
        panel = window.package_panel
        panel.opened.connect(lambda _review: QTimer.singleShot(0, lambda: _finish(app, done)))
        panel.refused.connect(lambda exc: (print(f"refused: {exc}", file=sys.stderr), app.exit(3)))
        window.show()
        QTimer.singleShot(120_000, lambda: app.exit(4))
        code = app.exec()
        if code or not done:
            raise SystemExit(f"the package did not open (exit {code})")
        assert panel.review is not None and len(panel.review.standard.leaves()) == LEAVES
        assert panel.browser.standard is not None and panel.workspace is not None
        window.close()
    return done[0]


def _timed(case: str) -> dict:
    module = "benchmarks.bare_window" if case == "bare" else "benchmarks.bench_startup"
    start = time.time()
    done = subprocess.run(
        [sys.executable, "-m", module, case],
        capture_output=True,
        text=True,
        env=child_env(),
        cwd=ROOT,
        check=False,
        timeout=300,
    )
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith("ready ")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"startup child {case} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    _, ready, peak = lines[-1].split()
    return {"seconds": float(ready) - start, "peak_rss": int(peak)}


def run(runs: int, log=print) -> list[Row]:
    if not PACKAGE.exists():
        log(f"sealing the {LEAVES}-indicator package (once)")
        run_child("bench_startup", "prepare")
    res = interleaved(runs, {"bare": lambda: _timed("bare"), "app": lambda: _timed("app")})
    t_bare, t_app = med(res["bare"], "seconds"), med(res["app"], "seconds")
    return [
        Row("start: bare PySide6 window shown", fmt_s(t_bare), peak=max(r["peak_rss"] for r in res["bare"])),
        Row(
            f"start: app with a {LEAVES}-indicator package open",
            fmt_s(t_app),
            peak=max(r["peak_rss"] for r in res["app"]),
        ),
        Row("start: ratio app / bare window", f"{t_app / t_bare:.2f}×", "≤ 2.5×", t_app / t_bare <= 2.5),
    ]


if __name__ == "__main__":
    if sys.argv[1:] == ["--child", "prepare"]:
        from benchmarks.harness import child_main

        child_main({"prepare": prepare})
    else:
        ready = {"app": full_app}[sys.argv[1]]()
        print(f"ready {ready:.6f} {peak_rss()}", flush=True)

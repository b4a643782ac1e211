"""10. Responsiveness: the longest freeze of the window in each GUI journey (issue 16's "benchmark 7").

Each journey runs in a fresh child process (so the imports a first opening pays are counted, as a
person starting the app pays them), offscreen, on the real :class:`MainWindow` with the real thread
pool. The driver acts as a person does: clicks and key presses through ``QTest`` and widget events,
then turns the event loop until what the person waits for is on screen. A 5 ms heartbeat
(:mod:`benchmarks.heartbeat`) measures every gap in the GUI thread's event loop; a gap less the 5 ms
period is a stall. Each journey reports its longest stall, the phase it fell in, the 99th percentile
of the gaps, and (``--why``) the app's frames the watchdog saw on the GUI thread during each stall.

Journeys (the demo package, ``reviewer demo``'s: 19 indicators, seven members):

* expert child — (a) the window built and the package opened as 李喆; (c) the declarations and all
  19 indicators scored from the keyboard with a comment each; (d) finalise and sign.
* chair child — (b) the window built and the package opened as the chair 王堃; (e) importing six
  sheets and opening the matrix; (f) the opinion, the visit and producing the record; (g) four
  members co-signing in turn.

* ministry child — (h) the desk opened on the benchmark authority and 100 result bundles
  (:mod:`benchmarks.bundles`; ``--bundles``) added by folder and imported; (i) the registry: a
  candidate's history, the year report and its export to Excel.

Target: no stall over 50 ms in any journey; 100 ms is the floor to reach first.

    python -m benchmarks.bench_responsive [--why] [--markdown]  # one run of each child: the table (and stacks)
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from benchmarks.harness import Row, fmt_s, median, run_child
from benchmarks.world import CACHE

DEMO = CACHE / "responsive" / "demo"
EXTRA = CACHE / "responsive" / "sheets"  # the chair's and 李喆's signed sheets (the demo ships the others)
EXPERT, CHAIR = "li-zhe", "wang-kun"
TARGET, FLOOR = 0.050, 0.100

JOURNEYS = {  # journey: what the person does (its phases are labelled "journey: step")
    "a": "start and open the demo package as expert",
    "b": "start and open the demo package as chair",
    "c": "declare and score 19 indicators with comments",
    "d": "finalise and sign",
    "e": "chair imports 6 sheets, opens the matrix",
    "f": "opinion, visit, produce the record",
    "g": "4 members co-sign the record",
    "h": "ministry desk opens, imports the bundles",
    "i": "registry: a history, the year report, its export",
}
CHILDREN = {"expert": ("a", "c", "d"), "chair": ("b", "e", "f", "g"), "ministry": ("h", "i")}


def prepare() -> dict:
    from reviewer.demo.package import build_demo, source
    from reviewer.demo.sheets import write_demo_sheet
    from reviewer.packages import open_package
    from reviewer.scoring.sheet_binding import PackageBinding
    from reviewer.trust import load_identity

    demo = build_demo(DEMO)
    ids = {key: load_identity(demo.identities[key], source()) for key in (EXPERT, CHAIR)}
    with open_package(demo.package, ids[CHAIR]) as opened:
        binding = PackageBinding.of(opened)
    for key in (EXPERT, CHAIR):
        write_demo_sheet(binding, key, ids[key], EXTRA)
    return {}


# --- the child: a person at the window ----------------------------------------------------------


class NoDialogs:
    """What a person answers in the dialogs the journeys meet, without real message boxes; an error
    shown fails the journey (the measure of a broken journey means nothing)."""

    def __init__(self, tmp: Path) -> None:
        from reviewer.ui.dialogs import cosign, errors, sheet_files
        from reviewer.ui.panels import chair_import

        self.errors: list[str] = []
        self.member = ""
        errors.confirm = lambda parent, title, text, action: True
        errors.ask = lambda parent, title, question: True
        errors.show_error = lambda parent, title, message: self.errors.append(message)
        sheet_files.choose_sheet_path = lambda parent, suggested: tmp / "李喆-评分表.rvsheet"
        chair_import.choose_sheet_files = lambda parent, start="": self.sheets
        cosign.choose_member_folder = lambda parent, start="": DEMO / "identities" / self.member
        cosign.ask_member_passphrase = lambda parent, who: demo_passphrase()
        cosign.notify = lambda parent, text: None
        self.sheets: list[Path] = []

    def check(self) -> None:
        if self.errors:
            raise RuntimeError(f"the journey met an error: {self.errors}")


def demo_passphrase() -> str:
    from reviewer.demo.package import DEMO_PASSPHRASE as p

    return p


def click(button) -> None:
    """A left click where a person clicks: a push button's middle, a check or radio box's box."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QCheckBox, QRadioButton

    if not button.isEnabled():
        raise RuntimeError(f"{button.objectName() or button.text()} is not enabled")
    at = QPoint(6, button.height() // 2) if isinstance(button, (QCheckBox, QRadioButton)) else QPoint()
    QTest.mouseClick(button, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)


def open_window(hb, journey: str, identity: str, data: str):
    from benchmarks.heartbeat import settle, wait_until
    from reviewer.ui.app import create_main_window

    hb.phase(f"{journey}: build the window")
    window = create_main_window(
        data_dir=data,
        open_file=next(DEMO.glob("*.rvpkg")),
        lang="zh_CN",
        identity_dir=DEMO / "identities" / identity,
        passphrase=demo_passphrase(),
    )
    hb.skip()  # building it ran before any window was on screen: start-up, not a frozen window
    hb.phase(f"{journey}: show the window")
    window.show()
    settle(0.05)
    hb.phase(f"{journey}: open the package")
    panel = window.package_panel
    wait_until(lambda: panel.review is not None and panel.workspace is not None, what="the package open")
    settle(0.3)
    return window


def expert_journey(hb, tmp: Path, dialogs: NoDialogs) -> None:
    from decimal import Decimal

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from benchmarks.heartbeat import settle, wait_until

    window = open_window(hb, "a", EXPERT, str(tmp / "data"))
    ws = window.package_panel.workspace
    hb.phase("c: declarations")
    window.package_panel.tabs.setCurrentWidget(ws)
    settle(0.05)
    page = ws.declarations_page
    for button in (page.no_conflict, page.accept, page.confirm):
        click(button)
        settle(0.05)
    hb.phase("c: score from the keyboard")
    editor, leaves = ws.scoring.editor, ws.standard.leaves()
    ws.scoring.select_code(leaves[0].code)
    settle(0.05)
    for leaf in leaves:
        step = leaf.step or Decimal(1)
        score = (leaf.points * Decimal("0.7") / step).to_integral_value() * step
        editor.comment_edit.setFocus()
        editor.comment_edit.insertPlainText(f"依据材料核实 {leaf.code}")  # as an input method commits it
        settle(0.02)
        editor.score_edit.setFocus()
        editor.score_edit.selectAll()
        QTest.keyClicks(editor.score_edit, str(score))
        QTest.keyClick(editor.score_edit, Qt.Key.Key_Return)
        settle(0.05)
    ws.show_page("checks")
    settle(0.05)
    for row in [*ws.checks.yes_no.values(), *ws.checks.eligibility.values()]:
        row.answer.setFocus()
        QTest.keyClick(row.answer, Qt.Key.Key_Down)
        settle(0.02)
    settle(1.0)  # the autosave's debounce
    dialogs.check()
    hb.phase("d: open the finalise page")
    ws.show_page("finalise")
    settle(0.1)
    hb.phase("d: sign")
    finalise = ws.finalise_page
    missing = finalise.missing_list
    wait_until(finalise.sign_button.isEnabled, timeout=10,
               what=f"the sign button; missing: {[missing.item(i).text() for i in range(missing.count())]}")  # fmt: skip
    click(finalise.sign_button)
    wait_until(lambda: finalise.result_digest.text() != "" or bool(dialogs.errors), what="the sheet signed")
    settle(0.3)
    dialogs.check()
    window.close()


def chair_journey(hb, tmp: Path, dialogs: NoDialogs) -> None:
    from benchmarks.heartbeat import settle, wait_until

    window = open_window(hb, "b", CHAIR, str(tmp / "data"))
    panel = window.package_panel
    wait_until(lambda: panel.chair is not None, what="the chair's tab")
    chair = panel.chair
    hb.phase("e: open the chair's tab")
    panel.tabs.setCurrentWidget(chair)
    wait_until(lambda: chair.state is not None, what="the chair's panel bound")
    settle(0.1)
    hb.phase("e: import 6 sheets")
    dialogs.sheets = [EXTRA / f"{k}.rvsheet" for k in (EXPERT, CHAIR)] + sorted(
        (DEMO / "sheets").glob("*.rvsheet")
    )
    click(chair.imports.files_button)
    wait_until(
        lambda: len(chair.imports.outcomes) == len(dialogs.sheets) and chair.reconciliation is not None,
        what="the sheets imported",
    )
    settle(0.2)
    dialogs.check()
    hb.phase("e: open the matrix")
    chair.tabs.setCurrentWidget(chair.matrix)
    settle(0.3)
    hb.phase("f: opinion and visit")
    o = chair.opinion
    chair.tabs.setCurrentWidget(o)
    settle(0.05)
    o.strengths.setPlainText("园区软件产业集聚度高。")
    o.problems.setPlainText("研发投入强度仍偏低。")
    o.recommendations.setPlainText("加强软件人才培养。")
    o.conclusion.setPlainText("专家组同意示例软件园通过评审。")
    click(o.save_button)
    settle(0.1)
    page = chair.record
    chair.tabs.setCurrentWidget(page)
    settle(0.05)
    page.visit.set_values(date(2026, 6, 15), date(2026, 6, 16), "江苏省南京市 示例软件园管理委员会")
    click(page.visit.save_button)
    settle(0.1)
    dialogs.check()
    hb.phase("f: produce the record")
    click(page.produce_button)
    wait_until(lambda: page.pdf is not None or bool(dialogs.errors), what="the record produced")
    settle(0.3)
    dialogs.check()
    members = [k for k in ("li-zhe", "zhang-yue", "chen-shen", "zhao-xin")]
    for n, key in enumerate(members, 1):
        hb.phase("g: co-sign")
        dialogs.member = key
        click(page.cosign_button)
        wait_until(lambda n=n: page.signed_count >= n or bool(dialogs.errors), what=f"{key} co-signed")
        settle(0.2)
        dialogs.check()
    window.close()


def ministry_journey(hb, tmp: Path, dialogs: NoDialogs, bundles: int) -> None:
    import shutil

    from benchmarks.bundles import bundle_path
    from benchmarks.heartbeat import settle, wait_until
    from benchmarks.world import PASSPHRASE, world
    from reviewer.ui.panels.ministry import asks

    authority = tmp / "authority"
    shutil.copytree(world().authority_dir, authority)
    batch = tmp / "bundles"
    batch.mkdir()
    for i in range(bundles):
        (batch / bundle_path(i).name).symlink_to(bundle_path(i))
    asks.open_folder = lambda *a, **k: batch
    asks.save_file = lambda *a, **k: tmp / "registry.xlsx"
    from reviewer.ui.app import create_main_window

    hb.phase("h: build the window")
    window = create_main_window(data_dir=str(tmp / "data"), lang="zh_CN", authority_dir=authority,
                                passphrase=PASSPHRASE)  # fmt: skip
    hb.skip()  # built before any window was on screen (as in open_window)
    hb.phase("h: show the desk")
    window.show()
    wait_until(lambda: window.ministry_panel is not None, what="the ministry desk")
    settle(0.2)
    desk = window.ministry_panel
    hb.phase("h: choose the folder")
    desk.tabs.setCurrentWidget(desk.imports)
    settle(0.05)
    page = desk.imports
    click(page.add_folder_button)
    settle(0.1)
    hb.phase(f"h: import {bundles} bundles")
    click(page.import_button)
    wait_until(lambda: page.summary.text() != "" or bool(dialogs.errors), timeout=900, what="the import")
    settle(0.3)
    dialogs.check()
    registry = desk.registry
    hb.phase("i: open the registry")
    desk.tabs.setCurrentWidget(registry)
    settle(0.2)
    hb.phase("i: a candidate's history")
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    table = registry.table
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     table.visualRect(registry.model.index(0, 0)).center())  # fmt: skip
    settle(0.2)
    hb.phase("i: the year report")
    registry.tabs.setCurrentWidget(registry.year_report)
    settle(0.2)
    hb.phase("i: export the year report")
    click(registry.export_year_button)
    wait_until(lambda: (tmp / "registry.xlsx").exists() or bool(dialogs.errors), what="the report written")
    settle(0.2)
    dialogs.check()
    window.close()


def journey_child(which: str, bundles: str = "100") -> dict:
    from benchmarks.heartbeat import Heartbeat, settle
    from reviewer.ui.app import application

    app = application()
    hb = Heartbeat().start()
    settle(0.1)
    with tempfile.TemporaryDirectory(prefix="reviewer-bench-responsive-") as tmp:
        dialogs = NoDialogs(Path(tmp))
        if which == "ministry":
            ministry_journey(hb, Path(tmp), dialogs, int(bundles))
        else:
            {"expert": expert_journey, "chair": chair_journey}[which](hb, Path(tmp), dialogs)
        hb.stop()
    app.processEvents()
    out: dict[str, dict] = {}
    for journey in CHILDREN[which]:
        phases = [p for p in hb.gaps if p.startswith(f"{journey}:")]
        longest, where = hb.longest(phases)
        out[journey] = {
            "longest": longest,
            "phase": where.split(": ", 1)[-1],
            "p99": hb.p99(phases),
            "stalls": [
                {
                    "phase": s.phase.split(": ", 1)[-1],
                    "stall": s.stall,
                    "top": [[list(stack), count] for stack, count in s.top(2)],
                }
                for s in hb.worst_stalls(4, phases)
            ],
        }
    return {"journeys": out}


# --- the parent ---------------------------------------------------------------------------------


def measure(runs: int, log: Callable[[str], None] = print, bundles: int = 100) -> dict[str, list[dict]]:
    from benchmarks import bundles as bundle_cache

    if not (DEMO / "demo.json").exists() or not all(
        (EXTRA / f"{k}.rvsheet").exists() for k in (EXPERT, CHAIR)
    ):
        log("building the demo and two more sheets (once)")
        run_child("bench_responsive", "prepare")
    bundle_cache.ensure(bundles, log=log)
    results: dict[str, list[dict]] = {j: [] for j in JOURNEYS}
    for _ in range(runs):
        for child in CHILDREN:
            got = run_child("bench_responsive", "journey", child, str(bundles), timeout=1800)["journeys"]
            for journey, figures in got.items():
                results[journey].append(figures)
    return results


def verdict(seconds: float) -> str:
    return "≤ 50 ms" if seconds <= TARGET else ("≤ 100 ms (floor)" if seconds <= FLOOR else "over 100 ms")


def rows_of(results: dict[str, list[dict]]) -> list[Row]:
    rows = []
    for journey, runs in results.items():
        worst = sorted(runs, key=lambda r: r["longest"])[len(runs) // 2]  # the median run
        rows.append(
            Row(
                f"responsive {journey}: {JOURNEYS[journey]}",
                f"stall {fmt_s(worst['longest'])} ({worst['phase']}), p99 gap {fmt_s(median([r['p99'] for r in runs]))}",
                "no stall > 50 ms",
                worst["longest"] <= TARGET,
            )
        )
    return rows


def why(results: dict[str, list[dict]]) -> str:
    """The stalls over 50 ms of each journey's median run, each with the frames seen on the GUI thread."""
    lines = []
    for journey, runs in results.items():
        worst = sorted(runs, key=lambda r: r["longest"])[len(runs) // 2]
        lines.append(f"({journey}) {JOURNEYS[journey]}")
        if not worst["stalls"]:
            lines.append("    no stall over 50 ms")
        for s in worst["stalls"]:
            lines.append(f"    {fmt_s(s['stall'])} in “{s['phase']}”")
            for stack, count in s["top"]:
                lines.append(f"        seen {count}×: " + " ← ".join(stack))
            if not s["top"]:
                lines.append("        (no sample: the GUI thread held the interpreter throughout)")
    return "\n".join(lines)


def run(
    runs: int, log: Callable[[str], None] = print, bundles: int = 100, show_why: bool = False
) -> list[Row]:
    results = measure(runs, log, bundles)
    if show_why:
        print(why(results), flush=True)
    return rows_of(results)


if __name__ == "__main__":
    from benchmarks.harness import child_main

    if sys.argv[1:2] == ["--child"]:
        child_main({"prepare": prepare, "journey": journey_child})
    else:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from benchmarks.harness import table

        results = measure(1)
        print(why(results) if "--why" in sys.argv else "")
        print(table(rows_of(results), markdown="--markdown" in sys.argv))

"""The expert checks the sealed figures of an objective standard with the keyboard (issue 19): the
figure and the computed points shown, confirm or flag (a flag needs its reason, then evidence),
each choice saved at once; the signed sheet reconciles to the hand-computed points."""

from __future__ import annotations

import os
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from reviewer.app.finalise import SheetArchive, finalise, missing
from reviewer.app.opening import load_review, open_member_review
from reviewer.models.store import Store
from reviewer.packages import open_package
from reviewer.scoring.panel import PanelState
from reviewer.scoring.sheet_binding import PackageBinding
from reviewer.scoring.workbench_types import Conflict, EligibilityState
from reviewer.ui.panels.review_workspace import ReviewWorkspace
from reviewer.ui.tasks import ImmediateExecutor
from tests.scoring.sheet_fixtures import MATERIAL, SheetWorld, sheet_world, source
from tests.scoring.test_objective_panel import BY_HAND, CITY, TOTAL, _answers, city
from tests.ui.expert_typing import commit

__all__ = ["city", "sheet_world"]

SHOTS_ENV = "REVIEWER_SHOTS_DIR"  # set it to keep the screenshots (and the record) for a look


def shots_dir(tmp_path: Path) -> Path:
    folder = Path(os.environ[SHOTS_ENV]) if os.environ.get(SHOTS_ENV) else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _workspace(qtbot, world: SheetWorld, package: Path, key: str, data: Path) -> ReviewWorkspace:
    opened = load_review(package, world.folders[key], source(), lambda *a: None)
    member = open_member_review(Store.open(data), opened)
    assert member is not None
    member.bench.declare(member.review, Conflict.NONE)
    member.bench.accept_pledge(member.review)
    for item in member.review.standard.yes_no:
        member.bench.answer_yes_no(member.review, item.code, True)
    workspace = ReviewWorkspace(
        member.bench,
        member.review,
        state=member.bench.snapshot(member.review),
        materials=tuple(e.name for e in opened.materials),
        executor=ImmediateExecutor(),
        figures=opened.manifest.figure_values(),
        figure_names=opened.figure_labels,
    )
    qtbot.addWidget(workspace)
    workspace.resize(1024, 700)
    workspace.show()
    qtbot.waitExposed(workspace)
    with qtbot.waitActive(workspace):
        workspace.activateWindow()
    return workspace


def test_the_expert_confirms_and_flags_with_the_keyboard(
    qtbot, sheet_world: SheetWorld, city, tmp_path: Path
) -> None:
    package, _ = city
    ws = _workspace(qtbot, sheet_world, package, "wang", tmp_path / "data")
    panel, box = ws.scoring, ws.scoring.editor.figure_box
    assert panel.select_code("1.1")
    assert box.isVisible() and not ws.scoring.editor.score_box.isVisible()
    assert "1234.56" in box.figure_label.text()
    assert box.points_label.text().startswith("8 ")  # computed, read-only: no score box

    # 1.1: flag it. The flag alone is not saved (its reason is required) …
    box.flag.setFocus()
    qtbot.keyClick(box.flag, Qt.Key.Key_Space)
    assert box.flag.isChecked() and box.comment.hasFocus()
    assert ws.bench.snapshot(ws.review).figures.get("1.1") is None
    assert box.unsent and ws.saving
    # … the reason and Enter save it at once
    commit(box.comment, "统计公报中的数值为 1134.56 亿元")  # as a Chinese input method types it
    qtbot.keyClick(box.comment, Qt.Key.Key_Return)
    saved = ws.bench.snapshot(ws.review).figures["1.1"]
    assert saved.state is EligibilityState.FLAGGED and saved.comment == "统计公报中的数值为 1134.56 亿元"
    # a flag without evidence cannot be signed
    assert next(m.code for m in missing(ws.standard, ws.bench.snapshot(ws.review))) == "1.1"
    ws.add_material_evidence("1.1", MATERIAL, 4)

    # every other figure: confirmed with Space, moving down the tree with the arrow key
    for code in [c for c in BY_HAND if c != "1.1"]:
        assert panel.select_code(code)
        box.confirm.setFocus()
        qtbot.keyClick(box.confirm, Qt.Key.Key_Space)
        assert ws.bench.snapshot(ws.review).figures[code].state is EligibilityState.CONFIRMED
    assert "7 / 7" in panel.progress_label.text()

    # signed, opened by the chair with two more sheets: the computed points, the flag listed
    state = ws.bench.snapshot(ws.review)
    assert missing(ws.standard, state) == []
    wang = sheet_world.ids["wang"]
    with open_package(package, wang) as opened:
        binding = PackageBinding.of(opened)
    done = finalise(
        ws.bench, ws.review, binding, wang, tmp_path / "wang.rvsheet", archive=SheetArchive(tmp_path / "a")
    )
    assert done.sheet.answers.figures["1.1"].confirmed is False
    from reviewer.export.sheet_pdf import sheet_pdf

    pdf = tmp_path / "wang.pdf"
    pdf.write_bytes(sheet_pdf(done.sheet, ws.standard, candidate=CITY["name"]))
    if shutil.which("pdftotext"):  # the expert's copy says what was checked, not a score
        text = "".join(
            subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout.split()
        )
        assert "数据存疑：统计公报中的数值为1134.56亿元" in text and "确认数据" in text
    from reviewer.scoring.sheet_build import build_sheet

    sheets = [("wang.rvsheet", done.path.read_bytes())]
    for key in ("li", "zhou"):
        sheets.append((key, build_sheet(binding, sheet_world.ids[key], _answers())))
    with open_package(package, sheet_world.ids["zhang"]) as opened:
        chair = PanelState.start(PackageBinding.of(opened), sheet_world.ids["zhang"])
    chair, outcomes = chair.import_sheets(sheets)
    assert all(o.accepted for o in outcomes), [str(o.reason) for o in outcomes]
    rec = chair.reconcile()
    assert {i.code: i.value for i in rec.indicators} == {c: Decimal(v) for c, v in BY_HAND.items()}
    assert rec.total == TOTAL
    assert [(c, f.expert_id) for c, f in rec.figure_flags] == [("1.1", wang.fingerprint)]


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_screenshots(qtbot, sheet_world: SheetWorld, city, tmp_path: Path, lang: str) -> None:
    """The page at 1024×700 in both languages, a flagged figure showing its reason (kept as PNGs)."""
    from reviewer.ui.language import Language

    package, _ = city
    language = Language(None)
    language.apply(lang)
    try:
        ws = _workspace(qtbot, sheet_world, package, "zhou", tmp_path / "data")
        ws.bench.check_figure(ws.review, "2.1", EligibilityState.FLAGGED, "全国增速应为 10.9%")
        ws.refresh()
        assert ws.scoring.select_code("2.1")
        box = ws.scoring.editor.figure_box
        assert box.flag.isChecked() and box.comment.text() == "全国增速应为 10.9%"
        assert "2.3" in box.figure_label.text()  # 13.5 − 11.2
        title = box.title()
        assert (title == "客观指标：核实数据") if lang == "zh_CN" else title.startswith("Objective indicator")
        qtbot.wait(100)  # the layout settles (the box grew to its figure's lines)
        ws.grab().save(str(shots_dir(tmp_path) / f"figure-check-{lang}.png"))
    finally:
        language.apply("zh_CN")
        language.remove()


def test_the_chair_sees_the_flags_in_the_matrix(qtbot, sheet_world: SheetWorld, city) -> None:
    from dataclasses import replace

    from reviewer.scoring.sheet_build import build_sheet
    from reviewer.scoring.sheet_model import FigureCheck, MaterialRef
    from reviewer.ui.language import Language
    from reviewer.ui.models.matrix_model import MatrixExpert
    from reviewer.ui.panels.chair_cell import cell_details
    from reviewer.ui.panels.chair_matrix import MatrixPage

    package, binding = city
    w = sheet_world
    flagged = replace(
        _answers(),
        figures={
            **_answers().figures,
            "2.1": FigureCheck(False, "全国增速应为 10.9%", (MaterialRef(MATERIAL, 2),)),
        },
    )
    sheets = [
        (k, build_sheet(binding, w.ids[k], flagged if k == "li" else _answers()))
        for k in ("li", "wang", "zhou")
    ]
    with open_package(package, w.ids["zhang"]) as opened:
        state = PanelState.start(PackageBinding.of(opened), w.ids["zhang"])
    state, _ = state.import_sheets(sheets)
    rec = state.reconcile()
    language = Language(None)
    language.apply("en")
    try:
        page = MatrixPage()
        qtbot.addWidget(page)
        experts = [MatrixExpert(s.expert_id, state.names()[s.expert_id], False) for s in state.sheets()]
        page.show_matrix(binding.require_standard(), rec, experts)
        assert "Flagged figures: 2.1 (李娜)" in page.facts.text()
        page.select("2.1")
        assert page.code == "2.1" and not page.consensus_button.isEnabled()  # computed, not decided
        page.select("2.1", state.sheets()[0].expert_id)
        assert page.return_button.isEnabled()  # the expert's check of the figure can be returned
        text = cell_details(binding.require_standard(), state, rec, state.names(), "", "2.1")
        assert "= 2.3: 8" in text and "Confirmed by 2, flagged by 1" in text
        assert "李娜 flagged the figure: 全国增速应为 10.9% (evidence: materials/申请表.pdf p.2)" in text
        mine = cell_details(
            binding.require_standard(), state, rec, state.names(), w.ids["wang"].fingerprint, "2.1"
        )
        assert mine.endswith("Figure confirmed")
    finally:
        language.apply("zh_CN")
        language.remove()


def test_the_figure_is_named_with_its_unit(qtbot) -> None:
    from reviewer.packages.figures import FigureLabel
    from reviewer.standards import load_standard
    from reviewer.standards.model import Bilingual
    from reviewer.ui.panels.figure_check import FigureCheckBox
    from tests.scoring.test_objective_panel import CITY_DATA, FIGURES

    names = {
        "software_revenue_growth": FigureLabel(
            Bilingual("软件业务收入增速", "Software revenue growth"), Bilingual("%", "%")
        )
    }
    from reviewer.ui.language import Language

    language = Language(None)
    language.apply("zh_CN")
    try:
        box = FigureCheckBox(load_standard(CITY_DATA), FIGURES, names)
        qtbot.addWidget(box)
        box.show_code("2.1", None)
        assert box.figure_label.text().splitlines() == [
            "软件业务收入增速 13.5 %",
            "− 全国软件业务收入增速 11.2 %",
            "= 2.3",
        ]
        language.apply("en")
        assert box.figure_label.text().splitlines()[1] == "− national Software revenue growth 11.2 %"
    finally:
        language.apply("zh_CN")
        language.remove()

"""The whole-sheet preview: the sheet finalise would sign, as its PDF shows it, made in memory only."""

from __future__ import annotations

import subprocess
from decimal import Decimal

import pytest
from sheet_fixtures import sheet_world

from reviewer.app.finalise import SheetArchive, preview_pdf
from reviewer.models.store import Store
from reviewer.models.workbench import Workbench
from reviewer.scoring.sheet_model import SheetInvalid
from reviewer.scoring.workbench_types import Conflict, EligibilityState, ReviewStatus

__all__ = ["sheet_world"]


@pytest.fixture
def bench(data_dir):
    store = Store.open(data_dir)
    yield Workbench(store)
    store.close()


def _text(pdf: bytes) -> str:
    """The PDF's text (poppler's pdftotext, fed from memory as tests/export does from files)."""
    run = subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, check=True, capture_output=True)
    return run.stdout.decode("utf-8").replace("\n", "")


def test_the_preview_shows_every_answer_unsigned_and_changes_nothing(sheet_world, bench, tmp_path) -> None:
    w = sheet_world
    review = bench.open_review(
        w.binding.package_id, w.ids["li"].fingerprint, package_path=w.package, standard=w.standard
    )
    bench.declare(review, Conflict.NONE)
    bench.accept_pledge(review)
    archive = SheetArchive(tmp_path / "archive")
    with pytest.raises(SheetInvalid):  # nothing to preview while something is missing
        preview_pdf(bench, review, w.binding, w.ids["li"], archive=archive)
    for leaf in w.standard.leaves():
        bench.set_score(review, leaf.code, leaf.points * Decimal("0.5"))
        bench.set_comment(review, leaf.code, f"意见{leaf.code}")
    for item in w.standard.yes_no:
        bench.answer_yes_no(review, item.code, True)
    for cond in w.standard.eligibility:
        bench.answer_eligibility(review, cond.code, EligibilityState.CONFIRMED)
    before = sorted(p.name for p in tmp_path.rglob("*"))

    pdf = preview_pdf(bench, review, w.binding, w.ids["li"], archive=archive, candidate="示例软件园")

    assert pdf.startswith(b"%PDF-")
    text = _text(pdf)
    assert "预览" in text and "尚未签署" in text and "示例软件园" in text
    assert all(f"意见{leaf.code}" in text for leaf in w.standard.leaves())
    assert "签署人证书指纹" not in text  # no signature shown for a sheet not signed yet
    assert sorted(p.name for p in tmp_path.rglob("*")) == before  # nothing written
    assert bench.snapshot(review).status is ReviewStatus.OPEN

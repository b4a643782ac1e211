"""An expert's workspace on the demo package, with the declarations and finalise pages attached."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest

from reviewer.app.finalise import SheetArchive
from reviewer.app.opening import OpenedReview, load_review, open_member_review
from reviewer.demo.package import DEMO_PASSPHRASE
from reviewer.models.store import Store
from reviewer.packages import open_package
from reviewer.scoring.sheet_binding import PackageBinding
from reviewer.scoring.workbench_types import Conflict, EligibilityState
from reviewer.trust import PassphraseSource, load_identity
from reviewer.ui.panels.expert_pages import attach_expert_pages
from reviewer.ui.panels.review_workspace import ReviewWorkspace
from reviewer.ui.tasks import ImmediateExecutor


def demo_source() -> PassphraseSource:
    return PassphraseSource(explicit=DEMO_PASSPHRASE, use_keyring=False, interactive=False)


@dataclass
class Expert:
    opened: OpenedReview
    workspace: ReviewWorkspace
    archive: SheetArchive

    @property
    def declarations(self):
        return self.workspace.declarations_page

    @property
    def finalise(self):
        return self.workspace.finalise_page

    @property
    def bench(self):
        return self.workspace.bench

    @property
    def review(self):
        return self.workspace.review


def workspace_for(store: Store, opened: OpenedReview, executor=None) -> ReviewWorkspace | None:
    """The member's review of ``opened`` (created or resumed, as the package panel's worker does),
    in its workspace; ``None`` for a non-member. Test set-up: the store is read here, not by the UI."""
    member = open_member_review(store, opened)
    if member is None:
        return None
    materials = tuple(e.name for e in opened.materials)
    return ReviewWorkspace(
        member.bench,
        member.review,
        state=member.state,
        materials=materials,
        executor=executor or ImmediateExecutor(),
    )


def open_expert(qtbot, folder: Path, package: Path, data: Path, archive: Path) -> Expert:
    opened = load_review(package, folder, demo_source(), lambda *a: None)
    store = Store.open(data)
    workspace = workspace_for(store, opened)
    assert workspace is not None
    qtbot.addWidget(workspace)
    sheets = SheetArchive(archive)
    attach_expert_pages(workspace, opened, archive=sheets, executor=ImmediateExecutor())
    return Expert(opened, workspace, sheets)


def half(leaf) -> Decimal:
    step = leaf.step or Decimal(1)
    return (leaf.points * Decimal("0.5") / step).to_integral_value() * step


def fill_everything(expert: Expert) -> None:
    """Declarations and every answer, straight through the workbench (the journey test types them)."""
    bench, review, standard = expert.bench, expert.review, expert.workspace.standard
    state = bench.snapshot(review)
    if not state.declaration.complete:
        bench.declare(review, Conflict.NONE)
        bench.accept_pledge(review)
    for leaf in standard.leaves():
        bench.set_score(review, leaf.code, half(leaf))
        bench.set_comment(review, leaf.code, f"意见 {leaf.code}")
    for item in standard.yes_no:
        bench.answer_yes_no(review, item.code, True)
    for cond in standard.eligibility:
        bench.answer_eligibility(review, cond.code, EligibilityState.CONFIRMED)
    expert.workspace.refresh()


def chair_reader(chair_folder: Path, package: Path):
    """The chair's identity and the package binding, to read a sheet as the chair does."""
    chair = load_identity(chair_folder, demo_source())
    with open_package(package, chair) as opened:
        return chair, PackageBinding.of(opened)


@pytest.fixture
def expert(qtbot, demo_world, data_dir, tmp_path) -> Expert:
    return open_expert(qtbot, demo_world.expert, demo_world.package, data_dir, tmp_path / "archive")

"""Realistic demo materials for a candidate park: 申请表, 创建工作方案, 自评报告 as Chinese PDFs.

The documents are what a review package carries for an expert to read. They are fictional and say
so on every page (示例材料，数据为虚构). They are reproducible: fixed figures (seeded from the park's
name), fixed dates and reportlab's invariant mode, so generating twice gives identical bytes — which
keeps package hashes stable in tests and demos.

    from reviewer.demo.materials import generate_materials
    paths = generate_materials(Path("out"))  # the sample park 示例软件园
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reviewer.demo import application, plan, self_evaluation
from reviewer.demo.facts import DEMO_CANDIDATE, ParkFacts, make_facts
from reviewer.demo.layout import DEMO_NOTICE, Styles, render
from reviewer.files import write_atomic
from reviewer.paths import resource
from reviewer.standards import Standard, load_standard

PARK_STANDARD = resource("standards", "sample-park-creation.json")


@dataclass(frozen=True)
class Material:
    """One kind of demo document: a stable ``kind`` id, its file name and its titles."""

    kind: str
    filename: str
    title_zh: str
    title_en: str


APPLICATION_FORM = Material("application_form", "01-申请表.pdf", "申请表", "Application form")
CREATION_PLAN = Material("creation_plan", "02-创建工作方案.pdf", "创建工作方案", "Creation work plan")
SELF_EVALUATION = Material("self_evaluation", "03-自评报告.pdf", "自评报告", "Self-evaluation report")
MATERIALS: tuple[Material, ...] = (APPLICATION_FORM, CREATION_PLAN, SELF_EVALUATION)


def _render(material: Material, facts: ParkFacts, standard: Standard, styles: Styles) -> bytes:
    if material is APPLICATION_FORM:
        story, title = application.story(facts, standard, styles), application.TITLE
    elif material is CREATION_PLAN:
        story, title = plan.story(facts, styles), plan.TITLE
    else:
        story, title = self_evaluation.story(facts, standard, styles), self_evaluation.FULL_TITLE
    return render(
        story,
        title=f"{facts.name} {title}",
        author=facts.committee,
        subject=DEMO_NOTICE,
        header=f"{facts.name} · {material.title_zh}",
    )


def generate_materials(
    folder: Path, candidate: dict[str, Any] | None = None, *, standard: Standard | None = None
) -> list[Path]:
    """Write the three demo PDFs for ``candidate`` into ``folder``; return their paths in order.

    ``candidate`` overrides keys of :data:`~reviewer.demo.facts.DEMO_CANDIDATE` (``name``,
    ``province``, ``city``, ``founded`` as YYYY-MM-DD); ``None`` is the sample park 示例软件园.
    ``standard`` defaults to the sample park creation standard; the self-evaluation has one
    section per level-1 indicator of it. Each file is written to a temporary name and renamed.
    """
    facts = make_facts(candidate)
    standard = standard or load_standard(PARK_STANDARD)
    styles = Styles()
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    return [
        write_atomic(folder / material.filename, _render(material, facts, standard, styles))
        for material in MATERIALS
    ]


__all__ = ["DEMO_CANDIDATE", "MATERIALS", "Material", "generate_materials"]

"""汇报、质询答辩 (a presentation with questioning) as an evidence type: a standard may cite it, the
site-visit checklist lists it as an activity, and a sheet for such a standard signs and opens."""

from __future__ import annotations

import json
from pathlib import Path

from reviewer.packages import open_package, seal
from reviewer.packages.seal import PanelMember
from reviewer.scoring.sheet import build_sheet, open_sheet
from reviewer.scoring.sheet_binding import PackageBinding
from reviewer.scoring.site_visit import ACTIVITIES, checklist
from reviewer.standards import load_standard
from reviewer.standards.model import EvidenceMethod
from tests.permissive import permissive_rules
from tests.scoring.sheet_fixtures import CANDIDATE, STANDARD, SheetWorld, full_answers, sheet_world

__all__ = ["sheet_world"]


def presentation_standard(folder: Path) -> tuple[Path, str]:
    """The sample park standard with its first indicator evidenced by a presentation with questioning."""
    doc = json.loads(STANDARD.read_text("utf-8"))
    first = load_standard(STANDARD).leaves()[0].code

    def visit(node: dict) -> None:
        if node.get("code") == first:
            node["evidence"] = ["document_review", "presentation_questioning"]
        for child in node.get("children", []):
            visit(child)

    for criterion in doc["criteria"]:
        visit(criterion)
    path = folder / "presentation-standard.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    return path, first


def test_a_sheet_for_a_standard_citing_the_presentation_signs_and_opens(
    sheet_world: SheetWorld, tmp_path: Path
) -> None:
    w = sheet_world
    path, first = presentation_standard(tmp_path)
    standard = load_standard(path)
    leaf = next(x for x in standard.leaves() if x.code == first)
    assert EvidenceMethod.PRESENTATION_QUESTIONING in leaf.evidence
    linked = checklist(standard)[EvidenceMethod.PRESENTATION_QUESTIONING]
    assert [x.code for x in linked] == [first]
    assert ACTIVITIES[-1] is EvidenceMethod.PRESENTATION_QUESTIONING

    (tmp_path / "m").mkdir()
    (tmp_path / "m" / "汇报材料.pdf").write_bytes(b"%PDF-1.7 presentation\n" * 20)
    package = tmp_path / "p.rvpkg"
    panel = [PanelMember(w.ids[k].installed(), r) for k, r in (("zhang", "chair"), ("li", "expert"))]
    seal(w.authority, w.keys, standard_path=path, candidate=CANDIDATE, panel=panel, materials=[tmp_path / "m"],
         out=package, panel_rules=permissive_rules())  # fmt: skip
    with open_package(package, w.ids["li"]) as opened:
        binding = PackageBinding.of(opened)
    bound = binding.require_standard()
    assert (
        EvidenceMethod.PRESENTATION_QUESTIONING in next(x for x in bound.leaves() if x.code == first).evidence
    )
    answers = full_answers(bound)
    answers = type(answers)(answers.declarations, {**answers.scores, first: answers.scores[first].__class__(
        answers.scores[first].score, answers.scores[first].comment, ())}, answers.yes_no, answers.eligibility)  # fmt: skip
    data = build_sheet(binding, w.ids["li"], answers)
    opened_sheet = open_sheet(data, w.ids["zhang"], binding, w.root_cert)
    assert opened_sheet.answers.scores[first].score == answers.scores[first].score

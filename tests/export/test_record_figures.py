"""Objective indicators through the record and the ministry (issue 19): the record's 数据核实 section
names who flagged which figure and why; the ministry's recomputation takes the figures sealed in the
package, so a reconciliation computed from other figures is refused."""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from reviewer.errors import Refused
from reviewer.export.bundle import build_bundle, open_bundle
from reviewer.export.panel_record import panel_record_input
from reviewer.export.record import build_record_pdf
from reviewer.packages import open_package, seal
from reviewer.packages.envelope import MinistryReader
from reviewer.packages.seal import PanelMember
from reviewer.scoring.motion import build_motion, open_motion
from reviewer.scoring.reconcile import reconcile
from reviewer.scoring.sheet import build_recusal, build_sheet, open_sheet
from reviewer.scoring.sheet_binding import PackageBinding
from reviewer.scoring.sheet_model import FigureCheck, MaterialRef
from reviewer.scoring.statement import build_statement, open_statement
from reviewer.scoring.votes import apply_statements
from reviewer.trust import create_authority
from tests.export.bundle_world import AT, CHAIR, RECUSED, decisions_for, sign_in_order
from tests.export.conftest import PANEL, _enrol, source
from tests.scoring.test_objective_panel import BY_HAND, CITY, CITY_DATA, FIGURES, TOTAL, _answers

FLAGGER = "zhao-xin"
WHY = "统计公报中的数值为 1134.56 亿元"


def _vote(binding, ids, verified, draft):  # type: ignore[no-untyped-def]
    """The chair's motion of the opinion (no change of points: the objective ones are computed) and
    every scoring member's approval."""
    data = build_motion(ids[CHAIR], binding, changes=(), opinion=draft.opinion)
    motion = open_motion(data, ids[CHAIR], binding, ids[CHAIR].trust_root())
    raws, opened = [], []
    for key in (k for k in ids if k not in (CHAIR, RECUSED)):
        raw = build_statement(ids[key], binding, motion=motion, votes=[], opinion="approve")
        raws.append(raw)
        opened.append(open_statement(raw, ids[CHAIR], binding, ids[CHAIR].trust_root(), motion=motion))
    return apply_statements(draft, motion, opened), (data,), tuple(raws)


@pytest.fixture(scope="module")
def city_round(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    base = tmp_path_factory.mktemp("city-round")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
        authority = create_authority(base / "authority", name="工业和信息化部（数据测试）", source=source())
        keys = authority.unlock(source())
        ids = {key: _enrol(authority, base / "id" / key, name, org) for key, name, org, _t, _r in PANEL}
    materials = base / "materials"
    materials.mkdir()
    (materials / "申请表.pdf").write_bytes(b"%PDF-1.7 test material\n" * 50)
    package = base / "city.rvpkg"
    members = [PanelMember(ids[k].installed(), "chair" if k == CHAIR else "expert") for k in ids]
    seal(authority, keys, standard_path=CITY_DATA, candidate=CITY, panel=members, materials=[materials],
         out=package, figures=FIGURES)  # fmt: skip
    with open_package(package, ids[CHAIR]) as opened:
        binding = PackageBinding.of(opened)
        candidate = opened.candidate()
    sheets = {}
    for key in ids:
        if key == RECUSED:
            sheets[key] = build_recusal(binding, ids[key], "本人所在单位与该市有业务往来", pledge_at=AT)
            continue
        answers = _answers()
        if key == FLAGGER:
            flag = FigureCheck(False, WHY, (MaterialRef("materials/申请表.pdf", 4),))
            answers = replace(answers, figures={**answers.figures, "1.1": flag})
        sheets[key] = build_sheet(binding, ids[key], answers)
    verified = [open_sheet(data, ids[CHAIR], binding, authority.root) for data in sheets.values()]
    draft = replace(decisions_for(ids, binding.package_id), consensus=())
    decisions, motions, statements = _vote(binding, ids, verified, draft)
    rec = reconcile(binding.require_standard(), [s.to_expert_scores() for s in verified],
                    decisions.to_engine_decisions(), binding.figures)  # fmt: skip
    unsigned = build_record_pdf(panel_record_input(binding, candidate, verified, rec, decisions))
    ministry = MinistryReader(authority.signing_cert, keys.encryption)
    return (
        authority,
        ids,
        package,
        binding,
        sheets,
        verified,
        decisions,
        motions,
        statements,
        rec,
        unsigned,
        ministry,
        keys,
    )


def signed_bundle(city_round) -> bytes:  # type: ignore[no-untyped-def]
    """The result bundle of the round: the record signed by every member, then the chair."""
    ids, package, sheets, decisions, motions, statements = (city_round[i] for i in (1, 2, 4, 6, 7, 8))
    rec, unsigned = city_round[9], city_round[10]
    signers = [k for k in ids if k not in (CHAIR, RECUSED)]
    signed = sign_in_order(sign_in_order(unsigned, ids, signers), ids, [CHAIR])
    with open_package(package, ids[CHAIR]) as opened:
        return build_bundle(ids[CHAIR], opened, sheets=list(sheets.values()), decisions=decisions.to_json(),
                            reconciliation=rec.to_json(), record_pdf=signed, motions=motions,
                            statements=statements)  # fmt: skip


def test_the_reconciliation_takes_the_computed_points(city_round) -> None:  # type: ignore[no-untyped-def]
    rec = city_round[9]
    assert {i.code: i.value for i in rec.indicators} == {c: Decimal(v) for c, v in BY_HAND.items()}
    assert rec.total == TOTAL and rec.result == "2"
    assert [g.passed for g in rec.conclusion.numeric_gates] == [True, True]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) not installed")
def test_the_record_names_who_flagged_what_and_why(city_round, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ids, unsigned = city_round[1], city_round[10]
    pdf = tmp_path / "record.pdf"
    pdf.write_bytes(unsigned)
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = "".join(text.split())
    if os.environ.get("REVIEWER_SHOTS_DIR"):  # kept for a look beside the screenshots
        (Path(os.environ["REVIEWER_SHOTS_DIR"]) / "record.pdf").write_bytes(unsigned)
    assert "数据核实" in flat
    assert f"{ids[FLAGGER].name}标记数据存疑。理由：{WHY}".replace(" ", "") in flat
    assert "materials/申请表.pdfp.4" in flat
    assert "software_revenue=1234.56" in flat  # the figure, and its computed points in the table
    assert "确认5人；存疑1人" in flat


def test_the_ministry_recomputes_from_the_sealed_figures(city_round) -> None:  # type: ignore[no-untyped-def]
    (
        authority,
        ids,
        package,
        binding,
        sheets,
        verified,
        decisions,
        motions,
        statements,
        rec,
        unsigned,
        ministry,
        _keys,
    ) = city_round
    signers = [k for k in ids if k not in (CHAIR, RECUSED)]
    signed = sign_in_order(sign_in_order(unsigned, ids, signers), ids, [CHAIR])
    with open_package(package, ids[CHAIR]) as opened:
        bundle = build_bundle(ids[CHAIR], opened, sheets=list(sheets.values()), decisions=decisions.to_json(),
                              reconciliation=rec.to_json(), record_pdf=signed, motions=motions,
                              statements=statements)  # fmt: skip
    opened_bundle = open_bundle(bundle, ministry, authority.root)
    assert opened_bundle.reconciliation.total == TOTAL
    assert opened_bundle.binding.figures == FIGURES
    assert [c for c, _f in opened_bundle.reconciliation.figure_flags] == ["1.1"]

    # the attack: the chair claims points from figures other than those sealed (revenue ≥ 1500 → 10)
    other = {**FIGURES, "software_revenue": Decimal("1634.56")}
    forged = reconcile(binding.require_standard(), [s.to_expert_scores() for s in verified],
                       decisions.to_engine_decisions(), other)  # fmt: skip
    assert forged.total == TOTAL + 2
    with open_package(package, ids[CHAIR]) as opened, pytest.raises(Refused):
        build_bundle(ids[CHAIR], opened, sheets=list(sheets.values()), decisions=decisions.to_json(),
                     reconciliation=forged.to_json(), record_pdf=signed, motions=motions,
                     statements=statements)  # fmt: skip

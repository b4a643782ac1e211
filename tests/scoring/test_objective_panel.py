"""Objective indicators in the panel flow (issue 19): the figures sealed in the package, each expert
confirming or flagging them on the sheet, the chair's reconciliation computing the points."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from reviewer.packages import open_package, seal
from reviewer.packages.figures import FiguresInvalid, MissingFigures, parse_figures, read_figures
from reviewer.packages.seal import PanelMember
from reviewer.scoring.panel import PanelState
from reviewer.scoring.result import Reconciliation
from reviewer.scoring.sheet_binding import PackageBinding
from reviewer.scoring.sheet_build import build_sheet
from reviewer.scoring.sheet_model import (
    Declarations,
    EligibilityAnswer,
    FigureCheck,
    MaterialRef,
    ScoreAnswer,
    SheetAnswers,
    SheetInvalid,
    YesNoAnswer,
    answers_from_json,
    answers_to_json,
)
from reviewer.standards import load_standard
from tests.permissive import permissive_rules
from tests.scoring.sheet_fixtures import MATERIAL, PLEDGE_AT, SheetWorld, sheet_world

__all__ = ["sheet_world"]

RESOURCES = Path(__file__).resolve().parents[2] / "reviewer" / "resources" / "standards"
CITY_DATA = RESOURCES / "sample-city-annual-data.json"
CITY = {"name": "示例市", "type": "city", "province": "江苏省"}

# A fictional city; the points by hand from the sample standard's bands and lines (2 decimals):
FIGURES = {
    "software_revenue": Decimal("1234.56"),  # 1.1: ≥ 800 → 8
    "software_employees": Decimal("12.34"),  # 1.2: 6 × 12.34 / 50 = 1.4808 → 1.48
    "software_enterprises": Decimal("1600"),  # 1.3: ≥ 1500 → 4.5
    "software_revenue_growth": Decimal("13.5"),  # 2.1: 13.5 − 11.2 = 2.3 ≥ 2 → 8
    "national:software_revenue_growth": Decimal("11.2"),
    "rd_share": Decimal("9.6"),  # 2.2: 8 × 9.6 / 15 = 5.12
    "listed_enterprises": Decimal("12"),  # 2.3: ≥ 10 → 3
    "enterprises_in_parks_share": Decimal("56.3"),  # 3.1: 12 × (56.3 − 20) / 60 = 7.26
}
BY_HAND = {"1.1": "8", "1.2": "1.48", "1.3": "4.5", "2.1": "8", "2.2": "5.12", "2.3": "3", "3.1": "7.26"}
TOTAL = Decimal("37.36")  # ≥ 36 → result "2"; both numeric gates pass


def _answers(flag: str | None = None) -> SheetAnswers:
    checks = {code: FigureCheck(True) for code in BY_HAND}
    if flag is not None:
        checks[flag] = FigureCheck(False, "统计公报中的数值为 1134.56 亿元", (MaterialRef(MATERIAL, 4),))
    standard = load_standard(CITY_DATA)
    return SheetAnswers(
        Declarations(pledge_accepted=True, pledge_at=PLEDGE_AT),
        yes_no={i.code: YesNoAnswer(True) for i in standard.yes_no},
        eligibility={c.code: EligibilityAnswer(True) for c in standard.eligibility},
        figures=checks,
    )


@pytest.fixture(scope="module")
def city(sheet_world: SheetWorld, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, PackageBinding]:
    w = sheet_world
    root = tmp_path_factory.mktemp("objective")
    materials = root / "materials"
    materials.mkdir()
    (materials / "申请表.pdf").write_bytes(b"%PDF-1.7 test material\n" * 50)
    members = [("zhang", "chair"), ("li", "expert"), ("wang", "expert"), ("zhou", "expert")]
    out = root / "city.rvpkg"
    seal(
        w.authority,
        w.keys,
        standard_path=CITY_DATA,
        candidate=CITY,
        panel=[PanelMember(w.ids[k].installed(), r) for k, r in members],
        materials=[materials],
        out=out,
        panel_rules=permissive_rules(),
        figures=FIGURES,
    )
    with open_package(out, w.ids["li"]) as opened:
        return out, PackageBinding.of(opened)


def test_the_figures_travel_in_the_confidential_header(city: tuple[Path, PackageBinding]) -> None:
    _, binding = city
    assert binding.figures == FIGURES
    assert binding.figures is not None and str(binding.figures["software_revenue"]) == "1234.56"


def test_a_standard_whose_figures_are_missing_is_not_sealed(sheet_world: SheetWorld, tmp_path: Path) -> None:
    w = sheet_world
    partial = {k: v for k, v in FIGURES.items() if k not in ("rd_share", "national:software_revenue_growth")}
    with pytest.raises(MissingFigures) as caught:
        seal(
            w.authority,
            w.keys,
            standard_path=CITY_DATA,
            candidate=CITY,
            panel=[PanelMember(w.ids["zhang"].installed(), "chair")],
            materials=[],
            out=tmp_path / "x.rvpkg",
            panel_rules=permissive_rules(),
            figures=partial,
        )
    assert caught.value.missing == {"national:software_revenue_growth": ("2.1", "NG2"), "rd_share": ("2.2",)}
    assert "rd_share" in str(caught.value) and "2.2" in str(caught.value)
    assert not (tmp_path / "x.rvpkg").exists()


def test_a_package_without_objective_leaves_keeps_its_header(sheet_world: SheetWorld) -> None:
    assert sheet_world.binding.figures is None  # no "figures" field: the header as before


def test_the_figures_file_is_decimal_strings(tmp_path: Path) -> None:
    good = tmp_path / "f.json"
    good.write_text('{"software_revenue": "1234.56", "national:software_revenue_growth": "-0.5"}')
    assert read_figures(good) == {
        "software_revenue": Decimal("1234.56"),
        "national:software_revenue_growth": Decimal("-0.5"),
    }
    for bad in ({"software_revenue": 1234.56}, {"software_revenue": "1e3"}, {"Revenue": "1"}, []):
        with pytest.raises(FiguresInvalid):
            parse_figures(bad, "f.json")


def test_a_flag_needs_a_comment_and_evidence(
    city: tuple[Path, PackageBinding], sheet_world: SheetWorld
) -> None:
    _, binding = city
    bare = _answers()
    bare = replace(bare, figures={**bare.figures, "1.1": FigureCheck(False, "  ", ())})
    with pytest.raises(SheetInvalid) as caught:
        build_sheet(binding, sheet_world.ids["li"], bare)
    assert caught.value.codes == ("1.1", "1.1")
    missing = replace(bare, figures={c: f for c, f in _answers().figures.items() if c != "2.2"})
    with pytest.raises(SheetInvalid) as caught:
        build_sheet(binding, sheet_world.ids["li"], missing)
    assert caught.value.codes == ("2.2",)
    scored = replace(_answers(), scores={"1.1": ScoreAnswer("8")})
    with pytest.raises(SheetInvalid) as caught:
        build_sheet(binding, sheet_world.ids["li"], scored)
    assert caught.value.codes == ("1.1",)


def test_the_sheet_form_has_figures_only_for_objective_standards() -> None:
    plain = answers_to_json(replace(_answers(), figures={}))
    assert "figures" not in plain
    doc = answers_to_json(_answers("1.1"))
    assert doc["scores"] == [] and doc["figures"][0] == {
        "code": "1.1",
        "status": "flagged",
        "comment": "统计公报中的数值为 1134.56 亿元",
        "evidence": [{"material": MATERIAL, "page": 4}],
    }
    assert answers_from_json(doc) == _answers("1.1")


def test_the_chair_reconciles_the_computed_points_and_lists_the_flags(
    city: tuple[Path, PackageBinding], sheet_world: SheetWorld
) -> None:
    path, _ = city
    w = sheet_world
    sheets = []
    for key, flag in (("li", None), ("wang", "1.1"), ("zhou", None)):
        with open_package(path, w.ids[key]) as opened:
            sheets.append((f"{key}.rvsheet", build_sheet(opened, w.ids[key], _answers(flag))))
    with open_package(path, w.ids["zhang"]) as opened:
        state = PanelState.start(PackageBinding.of(opened), w.ids["zhang"])
    state, outcomes = state.import_sheets(sheets)
    assert all(o.accepted for o in outcomes)
    rec = state.reconcile()
    assert {i.code: i.value for i in rec.indicators} == {c: Decimal(v) for c, v in BY_HAND.items()}
    assert rec.total == TOTAL and rec.result == "2"
    assert all(i.scores == () for i in rec.indicators)  # nobody's score: computed
    wang = w.ids["wang"].fingerprint
    assert [(code, f.expert_id, f.comment) for code, f in rec.figure_flags] == [
        ("1.1", wang, "统计公报中的数值为 1134.56 亿元")
    ]
    assert rec.objective_of("1.1") is not None and len(rec.objective_of("1.1").confirmed) == 2  # type: ignore[union-attr]
    assert rec.objective_of("2.1").value == Decimal("2.3")  # type: ignore[union-attr]
    assert Reconciliation.from_dict(rec.to_dict()).to_json() == rec.to_json()


def test_the_scores_file_confirms_and_flags_figures(tmp_path: Path) -> None:
    from reviewer.scoring.scores_file import parse_csv

    standard = load_standard(CITY_DATA)
    rows = ["code,score,comment,evidence", "1.1,flag,统计公报为 1134.56 亿元,materials/申请表.pdf#4"]
    rows += [f"{code},ok," for code in BY_HAND if code != "1.1"]
    rows += [f"{i.code},yes," for i in standard.yes_no]
    answers = parse_csv("\n".join(rows), standard, tmp_path, _answers().declarations)
    assert answers.scores == {}
    assert answers.figures["1.1"] == FigureCheck(
        False, "统计公报为 1134.56 亿元", (MaterialRef(MATERIAL, 4),)
    )
    assert all(answers.figures[c].confirmed for c in BY_HAND if c != "1.1")
    with pytest.raises(SheetInvalid) as caught:
        parse_csv("code,score,comment\n1.1,8,", standard, tmp_path, _answers().declarations)
    assert caught.value.codes == ("1.1",)


def test_a_returned_figure_is_corrected_and_nothing_else(
    city: tuple[Path, PackageBinding], sheet_world: SheetWorld
) -> None:
    """The chair returns 1.1; version 2 may change that figure's check only. A modified client that
    also turns another figure's confirmation into a flag is caught against version 1."""
    from reviewer.errors import Refused
    from reviewer.scoring.return_notice import (
        build_return_notice,
        check_successor,
        open_return_notice,
        revise_sheet,
    )
    from reviewer.scoring.sheet import Correction, open_sheet
    from reviewer.scoring.sheet_build import seal_sheet
    from reviewer.scoring.sheet_model import check_answers

    _, binding = city
    w = sheet_world
    li, chair = w.ids["li"], w.ids["zhang"]
    v1 = open_sheet(build_sheet(binding, li, _answers("1.1")), chair, binding, w.root_cert)
    notice = open_return_notice(
        build_return_notice(chair, binding, v1, ["1.1"], "请核对统计公报"), li, binding, sheet=v1
    )
    confirmed = FigureCheck(True)
    v2 = open_sheet(revise_sheet(binding, li, v1, notice, figures={"1.1": confirmed}), chair, binding, w.root_cert,
                    previous=v1)  # fmt: skip
    assert v2.answers.figures["1.1"] == confirmed and v2.answers.figures["2.2"] == v1.answers.figures["2.2"]

    flag = FigureCheck(False, "另有疑问", (MaterialRef(MATERIAL, 1),))
    sneaky = check_answers(
        binding.require_standard(),
        replace(v1.answers, figures={**v1.answers.figures, "1.1": confirmed, "2.2": flag}),
        binding.materials,
    )
    data = seal_sheet(binding, li, kind="score", answers=sneaky, role="expert", chair_certificate=chair.certificate,
                      revision=2, previous_sha256=v1.digest,
                      correction=Correction(notice.reason, notice.digest, ("1.1",)))  # fmt: skip
    with pytest.raises(Refused, match=r"2\.2"):
        open_sheet(data, chair, binding, w.root_cert, previous=v1)
    with pytest.raises(Refused):
        check_successor(v1, open_sheet(data, chair, binding, w.root_cert))

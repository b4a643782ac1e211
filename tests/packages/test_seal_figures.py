"""``reviewer package seal --figures``: a standard with objective indicators is sealed only with every
figure they (and its numeric gates) use; the refusal names them and comes before any passphrase."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from reviewer.packages.figures import MissingFigures
from reviewer.trust import install_credential
from tests.packages.pkg_world import PASS_ENV, cli
from tests.packages.test_composition import authority, ministry
from tests.scoring.test_objective_panel import CITY, CITY_DATA, FIGURES

__all__ = ["authority", "ministry"]

PANEL = ["chair", "a", "b", "c", "d"]


def _seal(ministry: Path, authority: Path, out: Path, figures: dict[str, str] | None, *extra: str):
    panel = ministry / "panel-city.json"
    members = [{"credential": f"{k}.rvcred", "role": "chair" if k == "chair" else "expert"} for k in PANEL]
    panel.write_text(json.dumps({"members": members}), "utf-8")
    candidate = ministry / "city.json"
    candidate.write_text(json.dumps(CITY, ensure_ascii=False), "utf-8")
    args: list[str | Path] = ["package", "seal", authority, "--standard", CITY_DATA, "--candidate", candidate,
                              "--materials", ministry / "small", "--panel", panel, "--out", out, *extra]  # fmt: skip
    if figures is not None:
        path = ministry / "figures.json"
        path.write_text(json.dumps(figures), "utf-8")
        args += ["--figures", path]
    return cli(*args)


def test_sealed_with_the_figures(ministry, authority, tmp_path) -> None:
    out = tmp_path / "city.rvpkg"
    figures = {code: str(value) for code, value in FIGURES.items()}
    code, _out, err = _seal(ministry, authority, out, figures, "--passphrase-env", PASS_ENV)
    assert code == 0, err
    assert out.exists()
    identity = tmp_path / "a"
    shutil.copytree(ministry / "id" / "a", identity)  # the member, with the credential installed
    install_credential(identity, ministry / "a.rvcred")
    code, printed, err = cli("package", "open", out, "--identity", identity, "--passphrase-env", PASS_ENV)
    assert code == 0, err
    assert (
        "  - software_revenue = 1234.56" in printed
        and "  - national:software_revenue_growth = 11.2" in printed
    )


def test_refused_without_a_figure_naming_it_before_any_passphrase(ministry, authority, tmp_path) -> None:
    out = tmp_path / "city.rvpkg"
    figures = {code: str(value) for code, value in FIGURES.items() if code != "rd_share"}
    code, _out, err = _seal(ministry, authority, out, figures)  # no passphrase given: not asked for
    assert code == MissingFigures.exit_code, err
    assert "rd_share (2.2)" in err and "--figures" in err
    assert not out.exists()
    code, _out, err = _seal(ministry, authority, out, None)
    assert code == MissingFigures.exit_code and "software_revenue (1.1, NG1)" in err


def test_a_figure_written_as_a_float_is_refused(ministry, authority, tmp_path) -> None:
    path = ministry / "float.json"
    path.write_text('{"software_revenue": 1234.56}', "utf-8")
    out = tmp_path / "city.rvpkg"
    code, _out, err = _seal(ministry, authority, out, None, "--figures", str(path))
    assert code == MissingFigures.exit_code and "software_revenue" in err and "decimal string" in err


def test_the_names_and_units_come_from_the_catalogue(monkeypatch) -> None:
    from reviewer.errors import InvalidInput
    from reviewer.packages import figures
    from reviewer.standards.figures import load_catalogue

    labels = figures.figure_labels()  # the shipped catalogue, through its one loader
    revenue = load_catalogue().get("software_revenue")
    assert (labels["software_revenue"].name.zh, labels["software_revenue"].unit.zh) == (
        revenue.name_zh,
        revenue.unit_zh,
    )
    assert set(labels) == {f.code for f in load_catalogue().figures}

    def unreadable() -> None:
        raise InvalidInput("broken")

    monkeypatch.setattr(figures, "load_catalogue", unreadable)
    assert figures.figure_labels() == {}  # no catalogue: the codes are shown

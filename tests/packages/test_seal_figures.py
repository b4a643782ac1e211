"""``reviewer package seal --figures``: a standard with objective indicators is sealed only with every
figure they (and its numeric gates) use; the refusal names them and comes before any passphrase."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

from reviewer.errors import Refused, Tampered
from reviewer.packages.figures import FiguresInvalid, MissingFigures
from reviewer.trust import PassphraseSource, install_credential, open_authority
from tests.packages.pkg_world import PASS_ENV, cli
from tests.packages.test_composition import PASSPHRASE, authority, ministry
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


def test_figures_the_catalogue_would_refuse_are_not_sealed(ministry, authority, tmp_path) -> None:
    # the attack: a figures file nobody checked — a fraction of a firm, an impossible share, a made-up code
    out = tmp_path / "city.rvpkg"
    base = {code: str(value) for code, value in FIGURES.items()}
    for bad, words in (
        ({"software_enterprises": "1.5"}, "software_enterprises"),
        ({"rd_share": "-500.12345678"}, "rd_share"),
        ({"bogus_code": "1"}, "bogus_code"),
        ({"national:software_revenue_growth": "11.25"}, "national:software_revenue_growth"),
    ):
        code, _out, err = _seal(ministry, authority, out, base | bad)  # refused before any passphrase
        assert code == FiguresInvalid.exit_code and words in err, err
        assert not out.exists()


def _signed_return(authority: Path, tmp_path: Path, name: str, figures: dict[str, Decimal]) -> Path:
    from reviewer.ministry.data_file import sign_data_return
    from reviewer.ministry.data_returns import DataReturn

    auth = open_authority(authority)
    ret = DataReturn(name, "city", 2025, figures, "ab" * 32, 1, datetime.now(UTC))
    path = tmp_path / f"{name}-2025.rvdata"
    path.write_bytes(
        sign_data_return(
            ret,
            auth,
            auth.unlock(PassphraseSource(explicit=PASSPHRASE, use_keyring=False, interactive=False)),
        )
    )
    return path


def test_sealed_from_the_candidates_signed_data_return(ministry, authority, tmp_path) -> None:
    own = {k: v for k, v in FIGURES.items() if not k.startswith("national:")}
    national = {k: str(v) for k, v in FIGURES.items() if k.startswith("national:")}
    signed = _signed_return(authority, tmp_path, CITY["name"], own)
    out = tmp_path / "city.rvpkg"
    code, _out, err = _seal(
        ministry, authority, out, national, "--figures", str(signed), "--passphrase-env", PASS_ENV
    )
    assert code == 0, err
    identity = tmp_path / "a"
    shutil.copytree(ministry / "id" / "a", identity)
    install_credential(identity, ministry / "a.rvcred")
    code, printed, err = cli("package", "open", out, "--identity", identity, "--passphrase-env", PASS_ENV)
    assert code == 0 and "  - software_revenue = 1234.56" in printed, err

    # another candidate's return is not this package's figures
    other = _signed_return(authority, tmp_path, "示例市·别处", own)
    code, _out, err = _seal(ministry, authority, tmp_path / "x.rvpkg", national, "--figures", str(other))
    assert code == Refused.exit_code and "示例市·别处" in err, err
    # a return changed after it was signed
    forged = tmp_path / "forged.rvdata"
    forged.write_bytes(signed.read_bytes().replace(b"1234.56", b"9234.56"))
    code, _out, err = _seal(ministry, authority, tmp_path / "y.rvpkg", national, "--figures", str(forged))
    assert code == Tampered.exit_code, err
    # a figure two files give
    code, _out, err = _seal(
        ministry, authority, tmp_path / "z.rvpkg", national | {"rd_share": "3.0"}, "--figures", str(signed)
    )
    assert code == FiguresInvalid.exit_code and "rd_share" in err, err

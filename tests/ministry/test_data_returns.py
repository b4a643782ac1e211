"""Data returns in the registry (SQLite and PostgreSQL): import, supersede, national figures, trend,
and the signed .rvdata (a changed or foreign one is refused)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from reviewer.app.ministry_data import import_files, trends
from reviewer.cli import main
from reviewer.errors import InvalidInput, NotAnArtifact, Refused, Tampered, Untrusted, UsageError
from reviewer.ministry import data_returns as dr
from reviewer.ministry.data_file import read_data_return, sign_data_return
from reviewer.ministry.registry import Registry
from reviewer.ministry.types import CandidateInfo
from reviewer.standards.figures import load_catalogue
from reviewer.trust.authority import Authority
from tests.ministry.data_world import CITY_2025, PASSPHRASE, filled, new_authority, source

CITY = "示例市"


@pytest.fixture(scope="module")
def authority(tmp_path_factory: pytest.TempPathFactory) -> Authority:
    return new_authority(tmp_path_factory.mktemp("data-authority") / "authority")


@pytest.fixture
def registry(db_url: str) -> Registry:
    reg = Registry.open(db_url)
    reg.register(CandidateInfo(CITY, "city", "示例省", CITY), year=2020, status="awarded")
    reg.register(CandidateInfo("示例软件园", "park", "示例省", CITY), year=2021, status="awarded")
    return reg


def xlsx(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_import_records_exact_figures_and_writes_a_signed_return(
    registry: Registry, authority: Authority, tmp_path: Path
) -> None:
    keys = authority.unlock(source())
    path = xlsx(tmp_path, "city.xlsx", filled("city", 2025, CITY, CITY_2025))
    [outcome] = import_files(registry, authority, keys, [path], tmp_path / "out")
    assert (outcome.ok, outcome.outcome, outcome.candidate, outcome.year, outcome.version) == (
        True, "recorded", CITY, 2025, 1)  # fmt: skip
    figures = dr.figures(registry, 2025, "city")
    assert figures == {CITY: {
        "software_revenue": Decimal("1234.56"), "software_revenue_growth": Decimal("13.4"),
        "rd_share": Decimal("8.0"), "software_enterprises": Decimal("1200"), "listed_enterprises": Decimal("12"),
        "software_employees": Decimal("30.25"), "enterprises_in_parks_share": Decimal("55.5")}}  # fmt: skip
    assert str(figures[CITY]["rd_share"]) == "8.0"  # to the figure's decimal places, exactly
    assert dr.figures(registry, 2025, "park") == {}
    ret = read_data_return(Path(outcome.rvdata).read_bytes(), authority.root)
    assert Path(outcome.rvdata).name == f"{CITY}-2025-v1.rvdata"
    assert ret.figures == figures[CITY] and ret.candidate == CITY and ret.version == 1
    assert ret.source_sha256 == dr.returns(registry, 2025)[0].source_sha256
    # the same file again changes nothing
    [again] = import_files(registry, authority, keys, [path], tmp_path / "out")
    assert (again.outcome, again.version) == ("duplicate", 1)


def test_a_newer_return_supersedes_and_the_old_version_is_kept(registry: Registry) -> None:
    values = {"software_revenue": Decimal("100"), "software_revenue_growth": Decimal("1.0"),
              "rd_share": Decimal("2"), "software_enterprises": Decimal("3"), "listed_enterprises": Decimal("0"),
              "software_employees": Decimal("1"), "enterprises_in_parks_share": Decimal("5")}  # fmt: skip
    first = dr.record_return(registry, CITY, type_="city", year=2025, values=values, source_sha256="a" * 64)
    fixed = {**values, "software_revenue": Decimal("120.5")}
    second = dr.record_return(registry, CITY, type_="city", year=2025, values=fixed, source_sha256="b" * 64)
    assert (first.outcome, second.outcome, second.data_return.version) == ("recorded", "superseded", 2)
    assert dr.figures(registry, 2025, "city")[CITY]["software_revenue"] == Decimal("120.50")
    assert [(h.version, h.figures["software_revenue"]) for h in dr.history(registry, CITY)] == [
        (1, Decimal("100.00")), (2, Decimal("120.50"))]  # fmt: skip


def test_an_older_file_imported_again_is_refused(
    registry: Registry, authority: Authority, tmp_path: Path
) -> None:
    """Review finding 6: good.xlsx (v1), v2.xlsx (v2), good.xlsx again became the current v3 with the old
    figures. Now it is refused (OlderReturn) and v2 stays current; the current file again is a duplicate."""
    keys = authority.unlock(source())
    good = xlsx(tmp_path, "good.xlsx", filled("city", 2025, CITY, CITY_2025))
    newer = xlsx(
        tmp_path, "v2.xlsx", filled("city", 2025, CITY, {**CITY_2025, "software_revenue": "1300.00"})
    )
    outcomes = import_files(registry, authority, keys, [good, newer, good, newer], tmp_path / "out")
    assert [(o.ok, o.outcome, o.version) for o in outcomes] == [
        (True, "recorded", 1), (True, "superseded", 2), (False, "refused", 0), (True, "duplicate", 2)]  # fmt: skip
    assert "version 1" in outcomes[2].message and "new" in outcomes[2].message
    assert dr.figures(registry, 2025, "city")[CITY]["software_revenue"] == Decimal("1300.00")
    assert [h.version for h in dr.history(registry, CITY)] == [1, 2]
    v1 = dr.history(registry, CITY)[0]
    with pytest.raises(dr.OlderReturn) as caught:
        dr.record_return(
            registry, CITY, type_="city", year=2025, values=v1.figures, source_sha256=v1.source_sha256
        )
    assert (caught.value.version, caught.value.current) == (1, 2)
    assert dr.returns(registry, 2025)[0].version == 2


def test_a_return_must_fit_the_registry_and_the_catalogue(registry: Registry) -> None:
    park = {f.code: Decimal("1") for f in load_catalogue().for_type("park")}
    with pytest.raises(Refused, match="registry"):
        dr.record_return(registry, CITY, type_="park", year=2025, values=park, source_sha256="c" * 64)
    with pytest.raises(UsageError):
        dr.record_return(registry, "无此市", type_="park", year=2025, values=park, source_sha256="c" * 64)
    with pytest.raises(
        InvalidInput, match="missing enterprises_in_parks_share; unexpected park_revenue_share"
    ):
        dr.record_return(registry, CITY, type_="city", year=2025, values=park, source_sha256="c" * 64)
    assert dr.returns(registry, 2025) == ()


def test_national_figures_and_trend(registry: Registry) -> None:
    base = {"software_revenue_growth": Decimal("10.0"), "rd_share": Decimal("8.0"),
            "software_enterprises": Decimal("1000"), "listed_enterprises": Decimal("10"),
            "software_employees": Decimal("30.00"), "enterprises_in_parks_share": Decimal("50.0")}  # fmt: skip
    for year, revenue in ((2023, "900.10"), (2024, "1000"), (2025, "1234.56")):
        dr.record_return(registry, CITY, type_="city", year=year,
                         values={**base, "software_revenue": Decimal(revenue)}, source_sha256=str(year) * 16)  # fmt: skip
    dr.record_national(registry, 2024, {"software_revenue_growth": Decimal("12.4")}, source="统计公报")
    assert dr.record_national(registry, 2024, {"national:software_revenue_growth": Decimal("12.5")}) == {
        "national:software_revenue_growth": Decimal("12.5")}  # fmt: skip
    dr.record_national(registry, 2025, {"software_revenue_growth": Decimal("13.4")})
    assert dr.national_figures(registry, 2025) == {"national:software_revenue_growth": Decimal("13.4")}
    assert dr.national_figures(registry, 2030) == {}
    assert dr.figure_trend(registry, CITY, "software_revenue") == (
        (2023, Decimal("900.10")), (2024, Decimal("1000.00")), (2025, Decimal("1234.56")))  # fmt: skip
    assert dr.figure_trend(registry, CITY, "national:software_revenue_growth") == (
        (2024, Decimal("12.5")), (2025, Decimal("13.4")))  # fmt: skip
    with pytest.raises(UsageError):
        dr.figure_trend(registry, CITY, "no_such_figure")
    growth = {t.code: t for t in trends(registry, CITY)}["software_revenue_growth"]
    assert growth.national == ((2024, Decimal("12.5")), (2025, Decimal("13.4")))


def test_cli_import_national_trend(
    registry: Registry, db_url: str, authority: Authority, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    monkeypatch.setenv("DATA_PASS", PASSPHRASE)
    good = xlsx(tmp_path, "good.xlsx", filled("city", 2025, CITY, CITY_2025))
    bad = xlsx(tmp_path, "bad.xlsx", filled("city", 2025, CITY, {**CITY_2025, "rd_share": "x"}))
    args = ["ministry", "data", "import", str(authority.path), str(good), str(bad), "--db", db_url,
            "--out", str(tmp_path / "out"), "--passphrase-env", "DATA_PASS", "--format", "json"]  # fmt: skip
    assert main(args) == Refused.exit_code
    files = json.loads(capsys.readouterr().out)["files"]
    assert [(f["outcome"], f["version"]) for f in files] == [("recorded", 1), ("refused", 0)]
    assert "数据!C9" in files[1]["message"]
    assert (
        main(
            ["ministry", "data", "national", "--db", db_url, "--year", "2025", "software_revenue_growth=13.4"]
        )
        == 0
    )
    assert (
        main(["ministry", "data", "national", "--db", db_url, "--year", "2025", "growth"])
        == UsageError.exit_code
    )
    capsys.readouterr()
    # review finding 5's command: refused (exit 3), nothing stored for 2030
    assert main(["--lang", "en", "ministry", "data", "national", "--db", db_url, "--year", "2030",
                 "software_revenue_growth=11.25", "rd_share=-99999", "software_enterprises=1.5"]) == 3  # fmt: skip
    assert "at most 1 decimal places: 11.25" in capsys.readouterr().err
    assert dr.national_figures(registry, 2030) == {}
    assert main(["ministry", "data", "trend", "--db", db_url, "--candidate", CITY,
                 "--figure", "software_revenue_growth", "--format", "json"]) == 0  # fmt: skip
    doc = json.loads(capsys.readouterr().out)
    [row] = doc["tables"]["trend"]
    assert (row["year"], row["value"], row["national"]) == (2025, "13.4", "13.4")
    out = tmp_path / "returns.xlsx"
    assert (
        main(
            [
                "ministry",
                "data",
                "returns",
                "--db",
                db_url,
                "--year",
                "2025",
                "--format",
                "xlsx",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    assert out.stat().st_size > 0


def test_a_changed_rvdata_is_refused(registry: Registry, authority: Authority, tmp_path: Path) -> None:
    keys = authority.unlock(source())
    [outcome] = import_files(
        registry, authority, keys, [xlsx(tmp_path, "c.xlsx", filled("city", 2025, CITY, CITY_2025))]
    )
    data = Path(outcome.rvdata).read_bytes()
    doc = json.loads(data)
    # the attack: raise the revenue inside the signed body
    doc["body"] = doc["body"].replace('"software_revenue":"1234.56"', '"software_revenue":"9234.56"')
    assert '"9234.56"' in doc["body"]
    with pytest.raises(Tampered):
        read_data_return(json.dumps(doc, ensure_ascii=False).encode(), authority.root)
    # ... or re-sign it with another authority's key: not under the pinned root
    rogue = new_authority(tmp_path / "rogue", "冒名机构")
    forged = sign_data_return(read_data_return(data, authority.root), rogue, rogue.unlock(source()))
    with pytest.raises(Untrusted):
        read_data_return(forged, authority.root)
    with pytest.raises(NotAnArtifact):
        read_data_return(b'{"format": "reviewer.package/1"}', authority.root)
    with pytest.raises(Tampered):
        read_data_return(b'{"format": "reviewer.data-return/1", "body": 1}', authority.root)


def test_reviewer_verify_knows_a_data_return(
    registry: Registry, authority: Authority, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    keys = authority.unlock(source())
    [outcome] = import_files(
        registry, authority, keys, [xlsx(tmp_path, "c.xlsx", filled("city", 2025, CITY, CITY_2025))]
    )
    root = str(authority.path / "root.crt.pem")
    assert main(["verify", outcome.rvdata, "--trust", root]) == 0
    out = capsys.readouterr().out
    assert (
        "annual data return (.rvdata)" in out
        and "software_revenue = 1234.56" in out
        and "Result: VALID." in out
    )
    changed = tmp_path / "changed.rvdata"
    changed.write_bytes(
        Path(outcome.rvdata)
        .read_bytes()
        .replace(b'\\"software_revenue\\":\\"1234.56', b'\\"software_revenue\\":\\"9234.56')
    )
    assert changed.read_bytes() != Path(outcome.rvdata).read_bytes()
    assert main(["verify", str(changed), "--trust", root]) == Tampered.exit_code
    assert main(["verify", outcome.rvdata]) == Untrusted.exit_code  # no anchor given


def test_a_return_recorded_but_not_written_says_so(
    registry: Registry, authority: Authority, tmp_path: Path
) -> None:
    keys = authority.unlock(source())
    path = xlsx(tmp_path, "c.xlsx", filled("city", 2025, CITY, CITY_2025))
    not_a_folder = xlsx(tmp_path, "file", b"")
    [outcome] = import_files(registry, authority, keys, [path], not_a_folder)
    assert (outcome.ok, outcome.outcome, outcome.version, outcome.rvdata) == (False, "recorded", 1, "")
    assert "Import the file again to write it" in outcome.message
    [again] = import_files(registry, authority, keys, [path], tmp_path)
    assert (again.ok, again.outcome) == (True, "duplicate")
    assert read_data_return(Path(again.rvdata).read_bytes(), authority.root).version == 1


def test_national_figures_are_checked_not_rounded(registry: Registry) -> None:
    """Review finding 5: 11.25 was stored as 11.2 (half-even: it can flip the growth gate), -99999 and 1.5
    enterprises were accepted. Now each is refused with the figure's rule, and nothing of the call is kept."""
    for values, words in (
        ({"software_revenue_growth": Decimal("11.25")}, "at most 1 decimal places: 11.25"),
        ({"rd_share": Decimal("-99999")}, "between 0 and 100: -99999"),
        ({"software_enterprises": Decimal("1.5")}, "at most 0 decimal places: 1.5"),
        ({"software_revenue_growth": Decimal("12.0"), "rd_share": Decimal("101.0")}, "between 0 and 100"),
        ({"software_revenue_growth": Decimal("NaN")}, "not a number"),
    ):
        with pytest.raises(InvalidInput, match=words):
            dr.record_national(registry, 2030, values)
    assert dr.national_figures(registry, 2030) == {}
    # a national total is far above a city's range: the catalogue's national maximum applies
    assert dr.record_national(
        registry, 2030, {"software_revenue": Decimal("137276.00"), "software_revenue_growth": Decimal("-1.0")}
    ) == {
        "national:software_revenue": Decimal("137276.00"),
        "national:software_revenue_growth": Decimal("-1.0"),
    }
    with pytest.raises(InvalidInput, match="between 0 and 1000000"):
        dr.record_national(registry, 2030, {"software_revenue": Decimal("1000000.01")})

"""The panel rules applied at sealing (``reviewer package seal``): a panel too small, even, crowded from
one organisation or short of experts is refused, naming the rule and its source and saying what to do;
a rules file that says "warn" lets it through, printing the warning and recording it in the ledger."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from reviewer.errors import CompositionRefused
from reviewer.ministry.desk import compose_panel, enrolled_experts, panel_findings
from reviewer.packages import inspect_package
from reviewer.standards.panel_rules import default_panel_rules_path, load_panel_rules
from reviewer.trust import create_authority, create_identity, open_authority
from reviewer.trust.identity import REQUEST
from tests.packages.pkg_world import PASS_ENV, PASSPHRASE, STANDARD, cli
from tests.permissive import PERMISSIVE_RULES
from tests.scoring.sheet_fixtures import CANDIDATE

# (key, name, organisation, category): two from 同一研究院 (allowed), a third one from it for the
# crowded panel, two purchaser's representatives.
PEOPLE = (
    ("chair", "王堃", "京华软件产业发展研究院", "expert"),
    ("a", "李喆", "江汉理工大学", "expert"),
    ("b", "张玥", "华夏电子信息标准化研究所", "expert"),
    ("c", "陈燊", "南岭科技大学", "expert"),
    ("d", "赵鑫", "中原软件和信息服务业协会", "expert"),
    ("e", "钱犇", "西部软件测评中心", "expert"),
    ("f", "孙喆", "京华软件产业发展研究院", "expert"),
    ("g", "周淼", "京华软件产业发展研究院", "expert"),
    ("r1", "何静", "示例市工业和信息化局", "representative"),
    ("r2", "郑玥", "示例软件园管委会", "representative"),
)


@pytest.fixture(scope="module")
def ministry(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("composition")
    from reviewer.trust import PassphraseSource

    src = PassphraseSource(explicit=PASSPHRASE, use_keyring=False, interactive=False)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
        authority = create_authority(root / "ministry", name="工业和信息化部（测试）", source=src)
        for key, name, org, category in PEOPLE:
            info, _ = create_identity(root / "id" / key, name=name, org=org, source=src)
            cred = authority.enroll(
                (info.path / REQUEST).read_bytes(), src, source_name=key, category=category
            )
            cred.save(root / f"{key}.rvcred")
    (root / "candidate.json").write_text(json.dumps(CANDIDATE, ensure_ascii=False), "utf-8")
    (root / "small").mkdir()
    (root / "small" / "申请表.pdf").write_bytes(b"%PDF-1.7 small test material\n" * 50)
    return root


@pytest.fixture
def authority(ministry: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(PASS_ENV, PASSPHRASE)
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    folder = tmp_path / "ministry"
    shutil.copytree(ministry / "ministry", folder)  # each test its own ledger
    return folder


def seal(
    ministry: Path, authority: Path, keys: list[str], out: Path, *extra: str | Path
) -> tuple[int, str, str]:
    panel = ministry / f"panel-{'-'.join(keys)}.json"
    members = [{"credential": f"{k}.rvcred", "role": "chair" if k == "chair" else "expert"} for k in keys]
    panel.write_text(json.dumps({"members": members}), "utf-8")
    return cli("package", "seal", authority, "--standard", STANDARD, "--candidate", ministry / "candidate.json",
               "--materials", ministry / "small", "--panel", panel, "--out", out, "--passphrase-env", PASS_ENV,
               *extra)  # fmt: skip


def sealed(authority: Path) -> list[dict]:
    return [e for e in open_authority(authority).ledger() if e.get("event") == "sealed"]


def refused(result: tuple[int, str, str], out: Path, authority: Path) -> str:
    code, _stdout, err = result
    assert code == CompositionRefused.exit_code == 18, err
    assert not out.exists() and sealed(authority) == []  # nothing written, nothing recorded
    return err


def test_a_panel_of_four_is_refused_by_the_minimum_and_the_odd_number(ministry, authority, tmp_path) -> None:
    out = tmp_path / "p.rvpkg"
    err = refused(seal(ministry, authority, ["chair", "a", "b", "c"], out), out, authority)
    assert "[min-size] The panel has 4 members, fewer than the 5 required" in err
    assert "(rule: Tendering and Bidding Law art. 37; MOF Order No. 87 art. 47)" in err
    assert "Add members: at least 5." in err
    assert "[odd-size] The panel has 4 members; it must have an odd number" in err


def test_a_panel_of_six_is_refused_for_its_even_number(ministry, authority, tmp_path) -> None:
    out = tmp_path / "p.rvpkg"
    err = refused(seal(ministry, authority, ["chair", "a", "b", "c", "d", "e"], out), out, authority)
    assert "[odd-size] The panel has 6 members; it must have an odd number" in err
    assert "Add or remove one member so that the number is odd." in err
    assert "min-size" not in err and "max-per-org" not in err


def test_three_members_from_one_organisation_are_refused(ministry, authority, tmp_path) -> None:
    out = tmp_path / "p.rvpkg"
    err = refused(seal(ministry, authority, ["chair", "a", "b", "f", "g"], out), out, authority)
    assert (
        "[max-per-org] 3 members come from one organisation (京华软件产业发展研究院), more than the 2" in err
    )
    assert "Replace a member from “京华软件产业发展研究院” with an expert from another organisation." in err
    assert "Practice in evaluating S&T achievements (at most 2 from one organisation)" in err


def test_two_from_one_organisation_are_allowed(ministry, authority, tmp_path) -> None:
    out = tmp_path / "p.rvpkg"
    code, stdout, err = seal(ministry, authority, ["chair", "a", "b", "c", "f"], out)
    assert code == 0, err
    assert "Warning" not in stdout
    [entry] = sealed(authority)
    assert entry["package_id"] == inspect_package(out).manifest.package_id
    assert "composition_warnings" not in entry


def test_a_representative_heavy_panel_is_refused_by_the_expert_share(ministry, authority, tmp_path) -> None:
    out = tmp_path / "p.rvpkg"
    err = refused(seal(ministry, authority, ["chair", "a", "b", "r1", "r2"], out), out, authority)
    assert "[expert-share] 3 of the panel's 5 members are experts, fewer than 2/3" in err
    assert "replace a representative with an expert" in err
    # one representative among five: 4/5 experts, sealed
    assert seal(ministry, authority, ["chair", "a", "b", "c", "r1"], out)[0] == 0


def test_a_rules_file_that_warns_lets_the_panel_through_and_records_the_warning(
    ministry, authority, tmp_path
) -> None:
    out = tmp_path / "p.rvpkg"
    code, stdout, err = seal(
        ministry, authority, ["chair", "a", "b", "c"], out, "--panel-rules", PERMISSIVE_RULES
    )
    assert code == 0, err
    assert "Warning [min-size] The panel has 4 members, fewer than the 5 required (rule: Tendering" in stdout
    assert "Warning [odd-size] The panel has 4 members; it must have an odd number" in stdout
    assert "The 2 warnings above are recorded in the authority's ledger." in stdout
    [entry] = sealed(authority)
    warned = entry["composition_warnings"]
    assert [(w["rule"], w["action"]) for w in warned] == [("min-size", "warn"), ("odd-size", "warn")]
    assert warned[0]["message"]["zh"].startswith(
        "专家组共 4 人，少于规定的 5 人（依据：《招标投标法》第三十七条"
    )
    assert warned[0]["source"]["en"] == "Tendering and Bidding Law art. 37; MOF Order No. 87 art. 47"


def test_the_authority_folders_own_rules_file_is_used_and_an_option_overrides_it(
    ministry, authority, tmp_path
) -> None:
    shutil.copy(PERMISSIVE_RULES, authority / "panel-rules.json")
    out = tmp_path / "p.rvpkg"
    code, stdout, err = seal(ministry, authority, ["chair", "a", "b", "c"], out)
    assert code == 0 and "Warning [min-size]" in stdout, err
    shipped = default_panel_rules_path()
    again = tmp_path / "q.rvpkg"
    err = seal(ministry, authority, ["chair", "a", "b", "c"], again, "--panel-rules", shipped)[2]
    assert "[min-size]" in err and not again.exists()


def test_an_invalid_rules_file_is_refused_as_invalid_input(ministry, authority, tmp_path) -> None:
    bad = tmp_path / "rules.json"
    bad.write_text(json.dumps({"format": "reviewer.panel-rules/1"}), "utf-8")
    out = tmp_path / "p.rvpkg"
    code, _, err = seal(ministry, authority, ["chair", "a", "b", "c", "d"], out, "--panel-rules", bad)
    assert code == 3 and "is not valid" in err and not out.exists()
    code, _, err = seal(
        ministry, authority, ["chair", "a", "b", "c", "d"], out, "--panel-rules", tmp_path / "no"
    )
    assert code == 3 and "does not exist" in err


def test_the_category_is_recorded_at_enrolment_and_read_by_the_desk(ministry, authority, tmp_path) -> None:
    ident = tmp_path / "id-x"
    assert (
        cli(
            "identity",
            "new",
            ident,
            "--name",
            "冯玥",
            "--org",
            "示例区发展改革局",
            "--passphrase-env",
            PASS_ENV,
        )[0]
        == 0
    )
    code, stdout, _ = cli("authority", "enroll", authority, ident / "enrolment-request.json", "--out",
                          tmp_path / "x.rvcred", "--category", "representative", "--passphrase-env", PASS_ENV)  # fmt: skip
    assert code == 0 and "Category: representative" in stdout
    experts = {x.name: x for x in enrolled_experts(open_authority(authority))}
    assert experts["冯玥"].category == "representative" and experts["王堃"].category == "expert"
    assert experts["何静"].category == "representative"


def test_the_desk_refuses_and_reports_as_the_sealer(ministry, authority) -> None:
    auth = open_authority(authority)
    experts = {x.name: x for x in enrolled_experts(auth)}
    rules = load_panel_rules()
    chosen = [experts[n] for n in ("王堃", "李喆", "张玥", "何静", "郑玥")]
    chair = experts["王堃"].fingerprint
    assert [(f.rule, f.action) for f in panel_findings(chosen, rules)] == [("expert-share", "refuse")]
    with pytest.raises(CompositionRefused) as caught:
        compose_panel(auth, chosen, chair, rules)
    assert caught.value.rules == ("expert-share",)
    fine = [experts[n] for n in ("王堃", "李喆", "张玥", "陈燊", "何静")]
    assert len(compose_panel(auth, fine, chair, rules)) == 5

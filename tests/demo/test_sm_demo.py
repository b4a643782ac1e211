"""``reviewer demo --suite sm`` (issue 20): the whole demo built by an SM authority, in
``<data dir>/demo-sm``, beside the NIST one — SM2 identities, a package every member opens, signed
sheets and votes, the worked example's record signed PAdES + SM2 and its result imported by the demo
ministry, the ministry's year with SM2-signed data returns; a second run reuses every file."""

from __future__ import annotations

import contextlib
import io
import json
import zipfile
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.serialization import Encoding

from reviewer.cli import main
from reviewer.demo.package import DEMO_PASSPHRASE, build_demo, source
from reviewer.demo.result import COSIGNERS, FILES, RESULT_DIR, build_demo_result
from reviewer.export.bundle import open_bundle
from reviewer.export.pades_sm2 import read_sm2_attribute
from reviewer.export.pades_validate import validate_record
from reviewer.packages import inspect_package, open_package
from reviewer.packages.envelope import MinistryReader
from reviewer.trust import load_identity, open_authority, suites

pytestmark = pytest.mark.slow
ENV = "RV_SM_DEMO_PASS"


def cli(*argv: str | Path) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["--lang", "en", *map(str, argv)])
    return code, out.getvalue()


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def header_suite(path: Path) -> str:
    """The ``suite`` an envelope (sheet, statement, motion, result) names in its public header."""
    with zipfile.ZipFile(path) as zf:
        return json.loads(zf.read("header.json"))["suite"]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
        data = tmp_path_factory.mktemp("sm-demo")
        code, out = cli("--data-dir", data, "demo", "--suite", "sm", "--no-gui")
        assert code == 0, out
        return {"data": data, "out": out, "demo": build_demo(data / "demo-sm", suites.SM)}


def test_the_sm_demo_is_built_in_its_own_folder_in_the_sm_suite(built) -> None:
    data, out, demo = built["data"], built["out"], built["demo"]
    assert demo.reused and demo.suite is suites.SM and demo.folder == data / "demo-sm"
    assert not (data / "demo").exists()  # the NIST demo's folder is another one
    assert f"Built the demo in {demo.folder}" in out
    assert "Algorithm suite: the SM algorithms (SM2 / SM3 / SM4)" in out
    assert json.loads((demo.folder / "demo.json").read_bytes())["suite"] == suites.SM_ID
    assert json.loads((demo.authority / "authority.json").read_bytes())["suite"] == suites.SM_ID
    assert open_authority(demo.authority).suite is suites.SM
    for key, folder in demo.identities.items():
        assert json.loads((folder / "identity.json").read_bytes())["suite"] == suites.SM_ID, key
    readme = (demo.folder / "README.md").read_text("utf-8")
    assert "reviewer demo --suite sm" in readme and "RV1-SM2-SM3-SM4" in readme


def test_every_member_opens_the_sm_package(built) -> None:
    demo = built["demo"]
    assert inspect_package(demo.package).manifest.suite == suites.SM_ID
    for key, folder in demo.identities.items():
        member = load_identity(folder, source())
        assert member.suite is suites.SM
        with open_package(demo.package, member) as opened:
            opened.verify_all()
            assert opened.manifest.suite == suites.SM_ID
            assert member.fingerprint in {m.cert_sha256 for m in opened.manifest.roster}, key


def test_the_sheets_votes_and_result_are_sm_files(built) -> None:
    demo = built["demo"]
    envelopes = [*demo.sheets, *(p for p in demo.votes if p.suffix != ".json")]
    envelopes += [
        demo.folder / RESULT_DIR / "result.rvresult",
        *(demo.folder / RESULT_DIR).glob("*.rvstatement"),
    ]
    assert len(envelopes) >= len(demo.sheets) + 3
    assert {header_suite(p) for p in envelopes} == {suites.SM_ID}
    returns = sorted((demo.folder / "ministry-year" / "data-returns").rglob("*.rvdata"))
    assert returns and {json.loads(json.loads(p.read_bytes())["body"])["suite"] for p in returns} == {
        suites.SM_ID
    }


def test_the_worked_examples_record_is_signed_pades_and_sm2_and_the_ministry_opens_the_result(built) -> None:
    demo = built["demo"]
    result = demo.folder / RESULT_DIR
    assert sorted(p.name for p in result.iterdir()) == sorted(FILES)
    chair = load_identity(demo.identities[demo.chair], source())
    pdf = (result / "record.pdf").read_bytes()
    statuses = validate_record(pdf, chair.trust_root())  # the SM2 root: PAdES and every SM2 signature
    assert len(statuses) == len(COSIGNERS) + 1 and all(s.valid for s in statuses), [
        s.problem for s in statuses
    ]
    members = {load_identity(p, source()).certificate for p in demo.identities.values()}
    for s in statuses:  # each carries its member's SM2 certificate, checked under the SM2 root
        attribute = read_sm2_attribute(pdf, s.field)
        assert attribute is not None and s.sm2_certificate in members
        assert attribute.certificate == s.sm2_certificate.public_bytes(Encoding.DER)
    authority = open_authority(demo.authority)
    keys = authority.unlock(source())
    bundle = open_bundle(
        (result / "result.rvresult").read_bytes(),
        MinistryReader(authority.signing_cert, keys.encryption),
        authority.root,
    )
    assert bundle.record_pdf == pdf and len(bundle.sheets) == 7
    assert bundle.reconciliation.conclusion.result == "pass_after_rectification"


def test_the_demo_ministry_imports_the_sm_result(built, tmp_path, monkeypatch) -> None:
    import shutil

    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.setenv(ENV, DEMO_PASSPHRASE)
    demo = built["demo"]
    authority = tmp_path / "authority"
    shutil.copytree(demo.authority, authority)
    db = tmp_path / "registry.sqlite3"
    code, out = cli("ministry", "import", authority, demo.folder / RESULT_DIR / "result.rvresult", "--db", db,
                    "--passphrase-env", ENV, "--format", "json")  # fmt: skip
    assert code == 0, out
    assert json.loads(out)["summary"] == {"imported": 1}


def test_running_the_sm_demo_again_reuses_every_file(built) -> None:
    demo = built["demo"]
    before = snapshot(demo.folder)
    code, out = cli("--data-dir", built["data"], "demo", "--suite", "sm", "--no-gui")
    assert code == 0 and f"Reusing the demo in {demo.folder}" in out
    assert build_demo_result(build_demo(demo.folder, suites.SM)).reused
    assert snapshot(demo.folder) == before


def test_a_demo_folder_is_current_only_for_its_own_suite(built) -> None:
    """The suite is part of what makes a demo folder current: asked for the NIST demo, the SM folder
    would be built again (never reused as NIST)."""
    from reviewer.demo import package as demo_package

    folder = built["demo"].folder
    assert demo_package._existing(folder, suites.SM) is not None
    assert demo_package._existing(folder, suites.NIST) is None

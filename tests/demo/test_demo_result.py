"""The demo's worked example (``reviewer demo`` → ``<demo>/result``): the record closed with 陈燊's
refusal prints the change of 2.1 with its ground and votes, 赵鑫's own dissent and the refusal on the
signature page; every signature validates; the ministry opens the result and the registry imports it;
a second ``reviewer demo`` reuses every file as it is."""

from __future__ import annotations

import contextlib
import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from reviewer.cli import main
from reviewer.demo.package import DEMO_PASSPHRASE, build_demo, source
from reviewer.demo.refusal import DEMO_REFUSAL_REASON, DEMO_REFUSER
from reviewer.demo.result import COSIGNERS, FILES, RESULT_DIR, build_demo_result
from reviewer.demo.votes import DISSENT
from reviewer.export.bundle import open_bundle
from reviewer.export.closing import parse_closing, stated_closing
from reviewer.export.pades import record_fields
from reviewer.export.pades_validate import validate_record
from reviewer.export.record_input import MemberRole
from reviewer.packages.envelope import MinistryReader
from reviewer.trust import load_identity, open_authority
from reviewer.trust.credential import pem

pytestmark = pytest.mark.slow
ENV = "RV_DEMO_RESULT_PASS"


def cli(*argv: str | Path) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["--lang", "en", *map(str, argv)])
    return code, out.getvalue()


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """``reviewer demo --no-gui`` run once into a fresh data folder."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
        data = tmp_path_factory.mktemp("demo-result")
        code, out = cli("--data-dir", data, "demo", "--no-gui")
        assert code == 0
        demo = build_demo(data / "demo")
        assert demo.reused
        result = demo.folder / RESULT_DIR
        assert f"Worked example (the closed record, a refusal to sign, the result file): {result}" in out
        year, registry = demo.folder / "ministry-year", demo.authority / "registry.sqlite3"
        assert f"{year}; registry: {registry}" in out  # the ministry's year, in the demo registry
        assert (year / "year.json").is_file() and registry.is_file()
        chair = load_identity(demo.identities[demo.chair], source())
        names = {k: load_identity(p, source()).name for k, p in demo.identities.items()}
        fingerprints = {k: load_identity(p, source()).fingerprint for k, p in demo.identities.items()}
        return {
            "data": data,
            "demo": demo,
            "result": result,
            "chair": chair,
            "names": names,
            "fp": fingerprints,
        }


def _pages(pdf: Path) -> list[str]:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True).stdout
    return ["".join(page.split()) for page in text.decode("utf-8").split("\f")]


def test_the_result_folder_holds_every_file(world) -> None:
    assert sorted(p.name for p in world["result"].iterdir()) == sorted(FILES)
    assert not list(world["demo"].folder.glob(".result*"))  # no partial folder left


def test_the_closed_record_prints_the_change_the_dissent_and_the_refusal(world) -> None:
    pages = _pages(world["result"] / "record.pdf")
    flat = "".join(pages)
    assert "2.1研发投入强度：计算值4.38→采用4.5。变更依据：经专家组一致认定评分畸高、畸低" in flat
    assert "专家组表决：同意5人（王堃、李喆、张玥、陈燊、欧阳翀）、反对1人（赵鑫）" in flat
    assert "以上专家组意见经组长提请专家组表决：同意6人（王堃、李喆、张玥、陈燊、赵鑫、欧阳翀）" in flat
    dissent = re.search(
        r"赵鑫（专家，本人撰写并以数字签名签署，声明摘要[0-9a-f]{16}）：(.*?)专家组组长", flat
    )
    assert dissent is not None and dissent.group(1) == "".join(DISSENT.split())
    (signature_page,) = [p for p in pages if "专家组成员签字" in p]
    refusal = world["result"] / f"{DEMO_REFUSER}-refusal.rvstatement"
    closing = parse_closing((world["result"] / "closing.json").read_bytes())
    digest = closing.unsigned[0].statement_sha256
    assert f"陈燊：拒绝签字，已书面说明理由（见拒签说明{digest[:8]}…）" in signature_page
    assert refusal.is_file()
    assert signature_page.count("已审阅并签署") == len(COSIGNERS)  # 陈燊's field stays empty


def test_closing_names_chen_shen_as_refused_with_his_reasons(world) -> None:
    closing = parse_closing((world["result"] / "closing.json").read_bytes())
    (entry,) = closing.unsigned
    assert entry.expert == world["fp"][DEMO_REFUSER] and world["names"][DEMO_REFUSER] == "陈燊"
    assert (entry.status, entry.reason) == ("refused", DEMO_REFUSAL_REASON)
    from pyhanko.pdf_utils.reader import PdfFileReader

    with (world["result"] / "record.pdf").open("rb") as f:
        assert stated_closing(PdfFileReader(f)) == closing.sha256  # the chair's signature names it


def test_every_signature_validates_in_pyhanko(world) -> None:
    pdf = (world["result"] / "record.pdf").read_bytes()
    statuses = validate_record(pdf, world["chair"].trust_root())
    *members, chair = statuses  # the members in the order they signed, the chair last
    assert [s.signer_fingerprint for s in members] == [world["fp"][k] for k in COSIGNERS]
    assert {s.role for s in members} == {MemberRole.EXPERT}
    assert chair.signer_fingerprint == world["fp"]["wang-kun"] and chair.role is MemberRole.CHAIR
    assert all(s.valid for s in statuses), [s.problem for s in statuses]
    unsigned = [f for f in record_fields(pdf) if not f.signed]
    assert [f.info.fingerprint_prefix for f in unsigned if f.info] == [world["fp"][DEMO_REFUSER][:16]]


def test_every_signature_validates_in_pdfsig(world, tmp_path) -> None:
    if not (shutil.which("pdfsig") and shutil.which("certutil")):
        pytest.skip("pdfsig and certutil (poppler-utils, libnss3-tools) are not installed")
    db = tmp_path / "nss"
    db.mkdir()
    (db / "root.pem").write_text(pem(world["chair"].trust_root()), encoding="ascii")
    subprocess.run(["certutil", "-N", "-d", f"sql:{db}", "--empty-password"], check=True, capture_output=True)
    subprocess.run(["certutil", "-A", "-d", f"sql:{db}", "-n", "root", "-t", "CT,C,C", "-i", str(db / "root.pem")],
                   check=True, capture_output=True)  # fmt: skip
    out = subprocess.run(
        ["pdfsig", "-nssdir", f"sql:{db}", str(world["result"] / "record.pdf")],
        capture_output=True,
        text=True,
    ).stdout
    signers = len(COSIGNERS) + 1  # the four co-signers and the chair; 陈燊 refused
    assert len(re.findall(r"^Signature #\d+:", out, re.M)) == signers + 1  # with 陈燊's empty field
    assert out.count("The signature form field is not signed.") == 1
    assert out.count("Signature Validation: Signature is Valid.") == signers
    assert out.count("Certificate Validation: Certificate is Trusted.") == signers
    assert "Common Name: 陈燊" not in out and "Common Name: 王堃" in out


def test_the_ministry_opens_the_result(world) -> None:
    authority = open_authority(world["demo"].authority)
    keys = authority.unlock(source())
    data = (world["result"] / "result.rvresult").read_bytes()
    bundle = open_bundle(data, MinistryReader(authority.signing_cert, keys.encryption), authority.root)
    assert bundle.record_pdf == (world["result"] / "record.pdf").read_bytes()
    assert bundle.decisions_json == (world["result"] / "decisions.json").read_bytes()
    assert bundle.reconciliation_json == (world["result"] / "reconciliation.json").read_bytes()
    assert (
        bundle.closing is not None
        and bundle.closing.to_json() == (world["result"] / "closing.json").read_bytes()
    )
    assert len(bundle.sheets) == 7  # six scoring sheets and 周淼's recusal: the whole panel
    (refusal,) = [s for s in bundle.statements if s.kind == "refusal"]
    assert (
        refusal.member.name == "陈燊"
        and refusal.data == (world["result"] / "chen-shen-refusal.rvstatement").read_bytes()
    )
    (change,) = bundle.decisions.consensus
    assert (change.code, str(change.value), change.ground) == ("2.1", "4.5", "extreme")
    assert bundle.reconciliation.indicator("2.1").value == change.value  # adopted: the panel's vote
    (dissent,) = bundle.decisions.dissents
    assert dissent.by.name == "赵鑫" and dissent.text == DISSENT
    assert bundle.reconciliation.conclusion.result == "pass_after_rectification"


def test_the_registry_imports_the_result(world, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.setenv(ENV, DEMO_PASSPHRASE)
    authority = tmp_path / "authority"
    shutil.copytree(world["demo"].authority, authority)  # the import keeps the bundle in results/
    db = tmp_path / "registry.sqlite3"
    argv = ["ministry", "import", authority, world["result"] / "result.rvresult", "--db", db,
            "--passphrase-env", ENV, "--format", "json"]  # fmt: skip
    code, out = cli(*argv)
    assert code == 0, out
    doc = json.loads(out)
    assert doc["summary"] == {"imported": 1}
    code, out = cli("ministry", "registry", "--db", db, "--format", "json")
    assert code == 0
    tables = json.loads(out)["tables"]
    assert [(c["name"], c["status"]) for c in tables["candidates"]] == [("示例软件园", "creating")]
    assert [n["name"] for n in tables["notices"]] == ["示例软件园"]  # 整改后通过: a rectification notice


def test_running_the_demo_again_reuses_every_file(world) -> None:
    folder = world["demo"].folder
    before = snapshot(folder)
    assert f"{RESULT_DIR}/result.rvresult" in before and "README.md" in before
    code, out = cli("--data-dir", world["data"], "demo", "--no-gui")
    assert code == 0 and "Reusing the demo" in out
    again = build_demo_result(build_demo(folder))
    assert again.reused
    assert snapshot(folder) == before  # the same files, the same bytes


def test_the_readme_says_what_is_in_the_result_and_how_the_ministry_imports_it(world) -> None:
    text = (world["demo"].folder / "README.md").read_text("utf-8")
    assert "`result/record.pdf`" in text and "`result/closing.json`" in text
    assert "`result/chen-shen-refusal.rvstatement`" in text
    assert "reviewer ministry import authority" in text and "result/result.rvresult" in text
    assert DEMO_PASSPHRASE in text and "陈燊：拒绝签字，已书面说明" in text

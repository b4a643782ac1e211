"""Issue 20, done-when 3, through the command line: a package sealed in one suite cannot be opened as
the other, and the two suites never mix in one panel — each refusal is ``SuiteMismatch`` (exit 12)
with the message that names both suites and what to do.

Both journeys of the session are used (``conftest.nist_journey`` and ``sm_journey``: the same people
enrolled by two authorities, one per suite).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.e2e.journey import MEMBERS, PASS_ENV, STANDARDS, Journey, cli
from tests.permissive import PERMISSIVE_RULES

pytestmark = pytest.mark.slow
NIST_LABEL = "international algorithms (ECDSA P-256 / X25519 / AES-256-GCM)"
SM_LABEL = "the SM algorithms (SM2 / SM3 / SM4)"


def mismatch(what: str, used: str, expected: str) -> str:
    """``suites.mismatch``'s English message, as the command line prints it."""
    return (
        f"reviewer: {what} uses {used}, but the authority (the root you trust) uses {expected}. The two "
        f"suites cannot be mixed in one panel: use a file or credential the same authority issued with "
        f"{expected}.\n"
    )


@pytest.fixture(scope="module")
def both(nist_journey: Journey, sm_journey: Journey) -> tuple[Journey, Journey]:
    return nist_journey, sm_journey


@pytest.mark.parametrize("package_suite", ["sm", "nist"])
def test_a_package_cannot_be_opened_as_the_other_suite(both, package_suite: str, tmp_path: Path) -> None:
    nist, sm = both
    sealed, reader = (sm, nist) if package_suite == "sm" else (nist, sm)
    used, expected = (SM_LABEL, NIST_LABEL) if package_suite == "sm" else (NIST_LABEL, SM_LABEL)
    package, member = sealed.year1.package, reader.identity("li-ming")  # the same person, the other suite
    expected_err = mismatch("The package", used, expected)
    code, out, err = cli("package", "open", package, "--identity", member, "--passphrase-env", PASS_ENV)
    assert (code, out, err) == (12, "", expected_err)
    sheet = tmp_path / "sheet.rvsheet"
    code, _, err = cli("sheet", "recuse", package, "--identity", member, "--reason", "回避", "--out", sheet,
                       "--passphrase-env", PASS_ENV)  # fmt: skip
    assert (code, err) == (12, expected_err) and not sheet.exists()
    code, out, _ = cli("verify", package, "--identity", member)
    assert code == 12 and expected_err.removeprefix("reviewer: ").strip() in out
    # and in its own suite the same person opens it
    own = sealed.identity("li-ming")
    assert cli("package", "open", package, "--identity", own, "--passphrase-env", PASS_ENV)[0] == 0


def test_a_result_of_the_other_suite_is_refused_by_the_ministry(both, tmp_path: Path) -> None:
    nist, sm = both
    assert sm.year1.bundle is not None
    code, out, _ = cli("ministry", "import", nist.authority, sm.year1.bundle, "--db",
                       f"sqlite:///{tmp_path / 'registry.sqlite3'}", "--passphrase-env", PASS_ENV,
                       "--format", "json")  # fmt: skip
    (refused,) = json.loads(out)["files"]
    assert code == 18 and (refused["outcome"], refused["exit_code"]) == ("refused", 12)
    assert (
        refused["message"]
        == mismatch("The result bundle", SM_LABEL, NIST_LABEL).removeprefix("reviewer: ").strip()
    )


def test_an_sm_authority_refuses_to_seal_with_a_nist_members_credential(both, tmp_path: Path) -> None:
    nist, sm = both
    panel = {
        "members": [
            {"credential": str(sm.credentials["wang-li"]), "role": "chair"},
            {"credential": str(nist.credentials["li-ming"]), "role": "expert"},  # the other suite
            {"credential": str(sm.credentials["zhang-hua"]), "role": "expert"},
        ]
    }
    (tmp_path / "panel.json").write_text(json.dumps(panel, ensure_ascii=False), "utf-8")
    candidate = {"name": "示范市", "type": "city", "province": "示范省", "city": "示范市", "year": 2026}
    (tmp_path / "candidate.json").write_text(json.dumps(candidate, ensure_ascii=False), "utf-8")
    (tmp_path / "data.csv").write_text("year,revenue\n2026,1350\n", "utf-8")
    out = tmp_path / "mixed.rvpkg"
    code, _, err = cli("package", "seal", sm.authority, "--standard", STANDARDS / "sample-city-annual.json",
                       "--candidate", tmp_path / "candidate.json", "--materials", tmp_path / "data.csv",
                       "--panel", tmp_path / "panel.json", "--out", out, "--passphrase-env", PASS_ENV,
                       "--panel-rules", PERMISSIVE_RULES)  # fmt: skip
    name = MEMBERS["li-ming"][0]
    assert (code, err) == (12, mismatch(f"The credential of “{name}”", NIST_LABEL, SM_LABEL))
    assert not out.exists() and sorted(p.name for p in tmp_path.iterdir()) == [
        "candidate.json",
        "data.csv",
        "panel.json",
    ]


@pytest.mark.parametrize("authority_suite", ["sm", "nist"])
def test_an_authority_refuses_an_enrolment_request_of_the_other_suite(
    both, authority_suite: str, tmp_path: Path
) -> None:
    nist, sm = both
    authority, person = (sm, nist) if authority_suite == "sm" else (nist, sm)
    used, expected = (NIST_LABEL, SM_LABEL) if authority_suite == "sm" else (SM_LABEL, NIST_LABEL)
    request = person.identity("zhou-min") / "enrolment-request.json"
    out = tmp_path / "zhou-min.rvcred"
    code, _, err = cli("authority", "enroll", authority.authority, request, "--out", out,
                       "--passphrase-env", PASS_ENV)  # fmt: skip
    assert (code, err) == (12, mismatch("The enrolment request", used, expected))
    assert not out.exists()


@pytest.mark.parametrize("record_suite", ["sm", "nist"])
def test_a_record_of_the_other_suite_is_a_suite_mismatch_not_tampering(both, record_suite: str) -> None:
    """``reviewer verify`` of a closed record by an identity of the other suite: the record is genuine,
    so the answer is the suites' mismatch (exit 12), never "changed after it was signed" (exit 11)."""
    nist, sm = both
    signed, reader = (sm, nist) if record_suite == "sm" else (nist, sm)
    assert signed.year1.out is not None
    record = signed.year1.out / "record.pdf"
    code, out, _ = cli("verify", record, "--identity", reader.identity("li-ming"))
    assert code == 12, out
    assert "cannot be mixed in one panel" in out
    assert cli("verify", record, "--identity", signed.identity("li-ming"))[0] == 0

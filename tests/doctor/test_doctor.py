"""`reviewer doctor`: every check holds in this environment; a damaged installation is named."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from reviewer import paths
from reviewer.cli import main
from reviewer.doctor import CheckResult, Named, Status, healthy, run_checks
from reviewer.doctor import checks as core
from reviewer.errors import EXIT_CODES, SetupError
from reviewer.i18n import T

# Every line `reviewer doctor` prints in English, in order (the data folder first).
EXPECTED = [
    "Data folder",
    "Resources (sample standards)",
    "Resources (standard schema)",
    "Resources (registry rules)",
    "Resources (translation zh_CN)",
    "Resources (translation en)",
    "Resources (font file)",
    "PDF font",
    "UI font",
    "PDF display (QtPdf)",
    "UI translations",
    "Keyring",
    "Expert store migrations",
    "Ministry registry migrations",
    "PostgreSQL driver",
    "SM algorithms (SM2/SM3/SM4)",
    "Worker processes",
    "Demo package",
    "Desktop window opens the demo package",
]


def doctor(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str], str]:
    code = main(["--lang", "en", "doctor", *args])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


def test_doctor_passes_with_every_check_and_leaves_the_data_folder_alone(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    data = tmp_path / "not-yet"
    monkeypatch.setenv("REVIEWER_DATA_DIR", str(data))
    code, lines, err = doctor(capsys)
    assert code == 0, "\n".join(lines) + err
    names = [line[2:].split(": ", 1)[0] for line in lines[:-1]]
    assert names == EXPECTED
    assert lines[0] == f"• Data folder: {data} (portable mode: off)"
    # the tests' keyring is keyring's `fail` backend: a warning, which does not fail the exit code
    keyring = next(line for line in lines if line[2:].startswith("Keyring"))
    assert keyring.startswith("⚠") and "asked each time" in keyring
    assert all(line.startswith(("✔", "⚠", "•")) for line in lines[:-1])
    assert lines[-1] == "All checks passed."
    assert not data.exists()  # only reported, never created
    # the real main window showed the demo package, opened as its expert, and closed
    window = lines[-2]
    assert window.startswith("✔ Desktop window opens the demo package: window “示例软件园 — Reviewer” shows ")
    assert "indicators; closed and saved" in window


def test_the_window_check_fails_with_the_error_the_window_showed(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from reviewer.ui import doctor_window

    monkeypatch.setattr(doctor_window, "DEMO_PASSPHRASE", "not the demo passphrase")
    code, lines, err = doctor(capsys, "--json")
    assert code == 5 and "self-test failed" in err
    report = json.loads("\n".join(lines))
    failing = {c["key"]: c["detail"] for c in report["checks"] if c["status"] == "fail"}
    assert set(failing) == {"demo_window"}  # the message box was read and closed: nothing waited
    assert failing["demo_window"].startswith("the window showed an error: The passphrase for the identity")
    assert "is wrong" in failing["demo_window"]


def test_the_window_check_fails_on_a_damaged_package(tmp_path: Path) -> None:
    from reviewer.demo.package import DEMO_PASSPHRASE, build_demo
    from reviewer.ui.doctor_window import open_in_window

    demo = build_demo(tmp_path / "demo")
    damaged = tmp_path / "damaged.rvpkg"
    data = bytearray(demo.package.read_bytes())
    data[len(data) // 2] ^= 0xFF
    damaged.write_bytes(bytes(data))
    expert = next(k for k in demo.identities if k != demo.chair)
    result = open_in_window(damaged, demo.identities[expert], tmp_path / "data", DEMO_PASSPHRASE)
    assert result.status is Status.FAIL and result.key == "demo_window"
    assert "damaged" in str(result.detail)


def test_a_missing_resource_fails_doctor_with_a_line_naming_the_file(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    copy = tmp_path / "resources"
    shutil.copytree(paths.RESOURCES, copy)
    gone = copy / "translations" / "reviewer_en.qm"
    gone.unlink()
    monkeypatch.setattr(paths, "RESOURCES", copy)
    code, lines, err = doctor(capsys, "--json")
    assert code == SetupError.exit_code == 5 and 5 in EXIT_CODES
    report = json.loads("\n".join(lines))
    assert report["ok"] is False
    failing = {c["key"]: c["detail"] for c in report["checks"] if c["status"] == "fail"}
    assert failing["resources.translation.en"] == f"missing file {gone}; reinstall the app"
    assert str(gone) in failing["translations"]  # Qt cannot load it either
    assert set(failing) == {"resources.translation.en", "translations"}
    assert "self-test failed" in err


def test_the_failing_line_is_marked_and_in_chinese_by_default(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    copy = tmp_path / "resources"
    shutil.copytree(paths.RESOURCES, copy, ignore=shutil.ignore_patterns("*.ttc"))
    monkeypatch.setattr(paths, "RESOURCES", copy)
    monkeypatch.delenv("REVIEWER_LANG")
    lines = [r.line() for r in core.resources()]
    assert f"✘ 资源（字体文件）：缺少文件 {copy / 'fonts' / 'wqy-microhei.ttc'}，请重新安装本程序" in lines
    assert sum(line.startswith("✘") for line in lines) == 1


def test_a_standard_that_does_not_validate_fails_its_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    copy = tmp_path / "resources"
    shutil.copytree(paths.RESOURCES, copy, ignore=shutil.ignore_patterns("*.ttc"))
    (copy / "standards" / "sample-city-annual.json").write_text('{"format": "nonsense"}', encoding="utf-8")
    monkeypatch.setattr(paths, "RESOURCES", copy)
    results = {r.key: r for r in core.resources()}
    assert results["resources.standards"].status is Status.FAIL
    assert results["resources.schema"].status is Status.OK


def test_a_check_that_breaks_is_a_failed_line_not_a_traceback() -> None:
    def broken() -> CheckResult:
        raise RuntimeError("boom")

    results = list(run_checks([Named("x", T("某项", "Something"), broken)]))
    assert [(r.key, r.status, str(r.detail)) for r in results] == [
        ("x", Status.FAIL, "unexpected error: RuntimeError: boom")
    ]
    assert not healthy(results)


def test_the_sm_check_passes_and_names_what_it_did() -> None:
    result = core.sm_suite()
    assert (result.key, result.status) == ("sm_suite", Status.OK)
    assert str(result.detail) == (
        "SM2 signature and verification, SM2 encryption and the SM3 and SM4-GCM standard vectors pass"
    )


def test_an_sm2_verification_that_accepts_anything_fails_the_sm_check(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from reviewer.trust import sm

    monkeypatch.setattr(sm, "sm2_verify", lambda *args, **kwargs: None)
    result = core.sm_suite()
    assert result.status is Status.FAIL
    assert str(result.detail) == "SM2 verification gives a wrong result"


@pytest.mark.parametrize(
    ("function", "broken", "named"),
    [
        ("sm3", lambda data: bytes(32), "SM3"),
        ("sm4_gcm_encrypt", lambda key, nonce, plain, aad=b"": plain + bytes(16), "SM4-GCM"),
        ("sm2_decrypt", lambda key, data, **kw: b"not the secret", "SM2 decryption"),
    ],
)
def test_a_wrong_sm_result_fails_the_sm_check_naming_the_algorithm(
    monkeypatch: pytest.MonkeyPatch, function: str, broken: object, named: str
) -> None:
    from reviewer.trust import sm

    monkeypatch.setattr(sm, function, broken)
    result = core.sm_suite()
    assert result.status is Status.FAIL
    assert str(result.detail) == f"{named} gives a wrong result"


def test_a_missing_tongsuopy_is_a_failed_sm_line_not_a_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(sys.modules, "reviewer.trust.sm", raising=False)
    monkeypatch.setitem(sys.modules, "tongsuopy.backends.tongsuo", None)  # import fails
    results = list(run_checks([Named("sm_suite", core.SM_SUITE, core.sm_suite)]))
    assert [(r.key, r.status) for r in results] == [("sm_suite", Status.FAIL)]
    assert "ModuleNotFoundError" in str(results[0].detail) or "ImportError" in str(results[0].detail)


@pytest.mark.parametrize("backend", ["keyring.backends.fail.Keyring", "keyring.backends.null.Keyring"])
def test_no_keyring_is_a_warning(monkeypatch: pytest.MonkeyPatch, backend: str) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", backend)
    import keyring.core

    monkeypatch.setattr(keyring.core, "_keyring_backend", None)
    result = core.keyring_backend()
    assert result.status is Status.WARN and backend in str(result.detail)
    assert healthy([result])


def test_a_real_keyring_backend_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    import keyring
    from keyring.backend import KeyringBackend

    class Vault(KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def get_password(self, service: str, username: str) -> str | None:
            return None

        def set_password(self, service: str, username: str, password: str) -> None:
            raise AssertionError("the doctor must not write to the keyring")

        def delete_password(self, service: str, username: str) -> None:
            raise AssertionError("the doctor must not write to the keyring")

    monkeypatch.setattr(keyring, "get_keyring", lambda: Vault())
    result = core.keyring_backend()
    assert result.status is Status.OK and str(result.detail).endswith("Vault")


def test_main_calls_freeze_support_first(monkeypatch: pytest.MonkeyPatch) -> None:
    import multiprocessing

    calls: list[str] = []
    monkeypatch.setattr(sys, "frozen", True, raising=False)  # elsewhere multiprocessing is not imported
    monkeypatch.setattr(multiprocessing, "freeze_support", lambda: calls.append("freeze"))
    monkeypatch.setattr("reviewer.cli.build_parser", lambda *a: calls.append("parser") or pytest.fail("stop"))
    with pytest.raises(pytest.fail.Exception):
        main(["doctor"])
    assert calls == ["freeze", "parser"]


def test_doctor_is_listed_in_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--lang", "en", "--help"])
    out = capsys.readouterr().out
    assert "doctor" in out and "5  installation or environment problem" in out

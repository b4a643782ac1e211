"""The algorithm suite in the app: chosen on the wizard's identity page (driven with clicks and keys),
shown where a person checks trust, and a credential of the other suite refused in words with
nothing written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from reviewer.app.identity_setup import install_for_identity
from reviewer.errors import SuiteMismatch, WrongPassphrase
from reviewer.i18n import T
from reviewer.trust import sm, suites
from reviewer.trust.authority import create_authority
from reviewer.trust.identity import CREDENTIAL, PDF_ROOT, REQUEST, ROOT, create_identity, read_info
from reviewer.trust.keys import load_private_key, stretch
from reviewer.trust.passphrase import PassphraseSource
from reviewer.ui.dialogs import errors, sheet_files
from reviewer.ui.dialogs.first_run import FirstRunWizard
from reviewer.ui.language import Language
from reviewer.ui.settings import Settings
from reviewer.ui.tasks import ImmediateExecutor
from tests.ui.expert_typing import click, commit

pytestmark = pytest.mark.slow
PASSPHRASE = "a-long-enough-test-passphrase"
SRC = PassphraseSource(explicit=PASSPHRASE)
SM_NAME = {"zh_CN": "国密算法（SM2 / SM3 / SM4）", "en": "SM algorithms (SM2 / SM3 / SM4)"}
NIST_NAME = {
    "zh_CN": "国际算法（ECDSA P-256 / X25519 / AES-256-GCM）",
    "en": "International algorithms (ECDSA P-256 / X25519 / AES-256-GCM)",
}


@pytest.fixture(scope="module")
def authorities(tmp_path_factory):
    base = tmp_path_factory.mktemp("suites")
    return (
        create_authority(base / "sm", name="工业和信息化部", source=SRC, suite=suites.SM),
        create_authority(base / "nist", name="工业和信息化部", source=SRC),
    )


@pytest.fixture
def language():
    lang = Language(None)
    yield lang
    lang.apply("zh_CN")
    lang.remove()


@pytest.fixture
def wizard(qtbot, data_dir, language):
    language.apply("zh_CN")  # the wizard's texts are set when it is made
    w = FirstRunWizard(Settings(data_dir), ImmediateExecutor())
    qtbot.addWidget(w)
    return w


def _next(qtbot, wizard: FirstRunWizard) -> None:
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)


def _type_identity(qtbot, wizard: FirstRunWizard, folder: Path, *, sm_suite: bool) -> None:
    """The create page as a person fills it: typed fields, the suite clicked, Create clicked."""
    page = wizard.new_identity
    assert wizard.currentPage() is page
    commit(page.name, "李明")  # as a Chinese input method commits it
    commit(page.org, "某某大学")
    page.folder.selectAll()
    qtbot.keyClicks(page.folder, str(folder))
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    qtbot.keyClicks(page.repeat, PASSPHRASE)
    if sm_suite:
        click(qtbot, page.suite_sm)
    qtbot.mouseClick(page.make, Qt.MouseButton.LeftButton)


def _credential_for(authority, folder: Path, tmp_path: Path) -> Path:
    cred = authority.enroll((folder / REQUEST).read_bytes(), SRC, source_name="test")
    return cred.save(tmp_path / f"{folder.name}.rvcred")


def test_an_sm_identity_is_created_with_clicks_and_keys(
    qtbot, wizard, authorities, monkeypatch, tmp_path, shown_errors
) -> None:
    wizard.show()
    _next(qtbot, wizard)
    page = wizard.new_identity
    assert page.suite_nist.isChecked() and not page.suite_sm.isChecked()  # the default
    assert page.suite_nist.text() == NIST_NAME["zh_CN"] and page.suite_sm.text() == SM_NAME["zh_CN"]
    assert page.suite_help.text() == "请按工业和信息化部通知选择；与您的凭证不一致时，凭证将无法安装。"
    folder = tmp_path / "sm-identity"
    _type_identity(qtbot, wizard, folder, sm_suite=True)
    assert shown_errors == [] and page.isComplete()
    doc = json.loads((folder / "identity.json").read_text("utf-8"))
    assert doc["suite"] == "RV1-SM2-SM3-SM4" and doc["pdf_signing_public_key"]
    info = read_info(folder)
    assert info.suite is suites.SM
    pem = (folder / "signing.key.pem").read_bytes()
    assert pem.startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY-----")
    key = load_private_key(folder / "signing.key.pem", stretch(PASSPHRASE, info.salt), label="t")
    assert sm.is_sm2_private_key(key)
    with pytest.raises(WrongPassphrase):
        load_private_key(folder / "signing.key.pem", stretch("not the passphrase", info.salt), label="t")
    assert (folder / "pdf-signing.key.pem").exists()
    # the SM authority's credential installs; its suite is shown beside the root fingerprint
    sm_authority, _ = authorities
    cred_path = _credential_for(sm_authority, folder, tmp_path)
    _next(qtbot, wizard)
    _next(qtbot, wizard)
    assert wizard.currentPage() is wizard.credential
    monkeypatch.setattr(sheet_files, "choose_credential", lambda parent, start="": cred_path)
    qtbot.mouseClick(wizard.credential.install, Qt.MouseButton.LeftButton)
    assert shown_errors == []
    text = wizard.credential.result.text()
    assert "算法套件：国密算法（SM2 / SM3 / SM4）" in text and "指纹" in text
    assert (folder / ROOT).exists() and (folder / PDF_ROOT).exists()


def test_the_default_still_creates_a_nist_identity(qtbot, wizard, tmp_path, shown_errors) -> None:
    wizard.show()
    _next(qtbot, wizard)
    folder = tmp_path / "nist-identity"
    _type_identity(qtbot, wizard, folder, sm_suite=False)
    assert shown_errors == []
    doc = json.loads((folder / "identity.json").read_text("utf-8"))
    assert "suite" not in doc and "pdf_signing_public_key" not in doc  # the NIST file as it was
    assert read_info(folder).suite is suites.NIST
    assert not (folder / "pdf-signing.key.pem").exists()


def test_a_credential_of_the_other_suite_is_refused_in_words_and_nothing_is_written(
    qtbot, wizard, authorities, monkeypatch, tmp_path, shown_errors
) -> None:
    """A NIST identity is handed an SM credential: a clear refusal, the folder untouched; going
    back, the person creates an SM identity in another folder, and its credential installs."""
    sm_authority, _ = authorities
    wizard.show()
    _next(qtbot, wizard)
    nist_folder = tmp_path / "nist"
    _type_identity(qtbot, wizard, nist_folder, sm_suite=False)
    sm_other = create_identity(tmp_path / "other", name="李明", org="某某大学", source=SRC, suite=suites.SM)
    wrong = _credential_for(sm_authority, sm_other[0].path, tmp_path)
    before = sorted(p.name for p in nist_folder.iterdir())
    _next(qtbot, wizard)
    _next(qtbot, wizard)
    monkeypatch.setattr(sheet_files, "choose_credential", lambda parent, start="": wrong)
    qtbot.mouseClick(wizard.credential.install, Qt.MouseButton.LeftButton)
    assert len(shown_errors) == 1
    message = shown_errors[0]
    assert "该凭证使用国密算法（SM2 / SM3 / SM4）" in message and "国际算法" in message
    assert "身份未作任何改动" in message and "--suite" not in message  # the app's words
    assert sorted(p.name for p in nist_folder.iterdir()) == before  # nothing half-written
    assert not (nist_folder / CREDENTIAL).exists() and not (nist_folder / ROOT).exists()
    assert wizard.credential.result.text() == ""
    # Back to the identity page: another folder, the SM suite, a new identity.
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.BackButton), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.BackButton), Qt.MouseButton.LeftButton)
    page = wizard.new_identity
    assert wizard.currentPage() is page and not page.make.isEnabled()  # made in this folder
    sm_folder = tmp_path / "sm"
    page.folder.selectAll()
    qtbot.keyClicks(page.folder, str(sm_folder))
    assert page.make.isEnabled()
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    qtbot.keyClicks(page.repeat, PASSPHRASE)
    page.suite_sm.setFocus()
    qtbot.keyClick(page.suite_sm, Qt.Key.Key_Space)  # the keyboard chooses as well as the mouse
    assert page.suite_sm.isChecked()
    qtbot.mouseClick(page.make, Qt.MouseButton.LeftButton)
    assert len(shown_errors) == 1 and read_info(sm_folder).suite is suites.SM
    assert wizard.folder == sm_folder
    right = _credential_for(sm_authority, sm_folder, tmp_path)
    _next(qtbot, wizard)
    _next(qtbot, wizard)
    monkeypatch.setattr(sheet_files, "choose_credential", lambda parent, start="": right)
    qtbot.mouseClick(wizard.credential.install, Qt.MouseButton.LeftButton)
    assert len(shown_errors) == 1 and (sm_folder / ROOT).exists()


def test_the_english_refusal(qapp, authorities, tmp_path, language) -> None:
    from reviewer.errors import Refused

    language.apply("en")
    _, nist_authority = authorities
    sm_info, _ = create_identity(tmp_path / "sm", name="Li", org="U", source=SRC, suite=suites.SM)
    nist_info, _ = create_identity(tmp_path / "nist", name="Li", org="U", source=SRC)
    wrong = _credential_for(nist_authority, nist_info.path, tmp_path)
    with pytest.raises(Refused) as refused:
        install_for_identity(sm_info.path, wrong)
    assert str(refused.value).startswith(
        "This credential uses international algorithms (ECDSA P-256 / X25519 / AES-256-GCM), but your "
        "identity uses the SM algorithms (SM2 / SM3 / SM4), so it cannot be installed; nothing was changed."
    )
    assert sorted(p.name for p in sm_info.path.iterdir()) == sorted(
        ["identity.json", REQUEST, "signing.key.pem", "encryption.key.pem", "pdf-signing.key.pem"]
    )


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_an_existing_identity_shows_its_suite(
    qtbot, wizard, tmp_path, monkeypatch, language, lang: str
) -> None:
    language.apply(lang)
    info, _ = create_identity(tmp_path / "id", name="李明", org="某某大学", source=SRC, suite=suites.SM)
    wizard.show()
    wizard.choice.existing_identity.setChecked(True)
    _next(qtbot, wizard)
    monkeypatch.setattr(sheet_files, "choose_folder", lambda parent, title, start="": info.path)
    qtbot.mouseClick(wizard.existing.choose_button, Qt.MouseButton.LeftButton)
    caption = "算法套件：" if lang == "zh_CN" else "Algorithm suite: "
    assert caption + SM_NAME[lang] in wizard.existing.found.text()


def test_a_suite_mismatch_reaches_the_person_as_its_message(qapp, monkeypatch, language) -> None:
    """SuiteMismatch is an Untrusted: the one error path shows its message, not the bug text."""
    shown: list[str] = []
    monkeypatch.setattr(errors, "show_error", lambda parent, title, message: shown.append(message))
    exc = suites.mismatch(T("评审包", "The package"), suites.NIST, suites.SM)
    assert isinstance(exc, SuiteMismatch)
    language.apply("zh_CN")
    errors.report(None, exc)
    language.apply("en")
    errors.report(None, exc)
    assert shown[0].startswith("评审包使用国际算法（ECDSA P-256 / X25519 / AES-256-GCM），而签发机构")
    assert "the SM algorithms (SM2 / SM3 / SM4)" in shown[1] and "did not expect" not in shown[1]


def test_a_package_of_the_other_suite_is_refused_in_words_when_opened(
    make_window, demo_world, authorities, tmp_path, shown_errors, monkeypatch
) -> None:
    """An SM identity opens the (NIST) demo package: a readable refusal, not the bug message; and a
    SuiteMismatch raised while opening is shown as its own message."""
    from reviewer.ui.panels import package_panel

    sm_authority, _ = authorities
    info, _ = create_identity(tmp_path / "sm", name="李明", org="某某大学", source=SRC, suite=suites.SM)
    install_for_identity(info.path, _credential_for(sm_authority, info.path, tmp_path))
    window = make_window(
        open_file=demo_world.package, identity_dir=info.path, passphrase=PASSPHRASE, lang="zh_CN"
    )
    # today the pinned SM2 root refuses the ECDSA signer (Untrusted); with the packages' suite check,
    # SuiteMismatch: both name the suites, neither is the bug message
    assert len(shown_errors) == 1 and "算法套件" in shown_errors[0] and "意外" not in shown_errors[0]
    assert window.package_panel.review is None
    exc = suites.mismatch(T("评审包", "The package"), suites.NIST, suites.SM)

    def refuse(*_args, **_kwargs):
        raise exc

    monkeypatch.setattr(package_panel, "open_for_member", refuse)
    window.open_path(demo_world.package, info.path, PASSPHRASE)
    assert shown_errors[1] == str(exc) and "国密算法（SM2 / SM3 / SM4）" in shown_errors[1]

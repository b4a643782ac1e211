"""The algorithm suite where a person checks trust: the package summary, the installed credential, the
ministry desk; and the screens at 1024×700 in both languages (kept under REVIEWER_SHOTS_DIR)."""

from __future__ import annotations

import shutil
from dataclasses import replace

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWizard

from reviewer.demo.package import DEMO_PASSPHRASE
from reviewer.trust import suites
from reviewer.trust.authority import create_authority
from reviewer.trust.identity import REQUEST
from reviewer.trust.passphrase import PassphraseSource
from reviewer.ui.dialogs import sheet_files
from reviewer.ui.dialogs.first_run import FirstRunWizard
from reviewer.ui.language import Language
from reviewer.ui.settings import Settings
from reviewer.ui.tasks import ImmediateExecutor
from tests.ui.test_figure_check import shots_dir
from tests.ui.test_ministry_desk import open_panel

pytestmark = pytest.mark.slow
PASSPHRASE = "a-long-enough-test-passphrase"
SRC = PassphraseSource(explicit=PASSPHRASE)
NAMES = {
    "zh_CN": ("国际算法（ECDSA P-256 / X25519 / AES-256-GCM）", "国密算法（SM2 / SM3 / SM4）"),
    "en": (
        "International algorithms (ECDSA P-256 / X25519 / AES-256-GCM)",
        "SM algorithms (SM2 / SM3 / SM4)",
    ),
}
CAPTION = {"zh_CN": "算法套件", "en": "Algorithm suite"}
SIZE = (1024, 700)


@pytest.fixture(scope="module")
def sm_authority(tmp_path_factory):
    return create_authority(
        tmp_path_factory.mktemp("sm-auth") / "a", name="工业和信息化部", source=SRC, suite=suites.SM
    )


def _fits(label) -> None:  # type: ignore[no-untyped-def]
    """A label shows all its text: no line is cut at the right or the bottom."""
    needed = label.heightForWidth(label.width()) if label.wordWrap() else label.sizeHint().height()
    assert label.height() >= needed, (label.objectName(), label.text())
    if not label.wordWrap():
        assert label.width() >= label.sizeHint().width(), (label.objectName(), label.text())


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_package_summary_shows_the_manifest_suite(make_window, demo_world, tmp_path, lang: str) -> None:
    window = make_window(
        open_file=demo_world.package, identity_dir=demo_world.expert, passphrase=DEMO_PASSPHRASE, lang=lang
    )
    summary = window.package_panel.summary
    row = summary.form.getWidgetPosition(summary.suite)[0]
    caption = summary.form.itemAt(row, summary.form.ItemRole.LabelRole).widget()
    assert caption.text() == CAPTION[lang] and summary.suite.text() == NAMES[lang][0]  # the demo: NIST
    review = summary.review
    summary.show_review(replace(review, manifest=replace(review.manifest, suite=suites.SM_ID)))
    assert summary.suite.text() == NAMES[lang][1]
    summary.show_review(replace(review, manifest=replace(review.manifest, suite="RV9-UNKNOWN")))
    assert summary.suite.text() == "RV9-UNKNOWN"  # shown as it is (a reader refuses it anyway)
    summary.show_review(replace(review, manifest=replace(review.manifest, suite=suites.SM_ID)))
    window.resize(*SIZE)
    window.show()
    window.package_panel.tabs.setCurrentWidget(summary)
    QCoreApplication.processEvents()
    _fits(summary.suite)
    _fits(caption)
    window.grab().save(str(shots_dir(tmp_path) / f"suite-package-summary-{lang}.png"))


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_wizard_screens(qtbot, data_dir, sm_authority, monkeypatch, tmp_path, lang: str) -> None:
    language = Language(None)
    language.apply(lang)
    try:
        wizard = FirstRunWizard(Settings(data_dir), ImmediateExecutor())
        qtbot.addWidget(wizard)
        wizard.resize(*SIZE)
        wizard.show()
        wizard.next()
        page = wizard.new_identity
        assert (page.suite_nist.text(), page.suite_sm.text()) == NAMES[lang]
        page.suite_sm.setChecked(True)
        page.name.setText("李明")
        page.org.setText("某某大学")
        page.folder.setText(str(tmp_path / "id"))
        qtbot.wait(50)
        for widget in (page.suite_nist, page.suite_sm):
            assert widget.width() >= widget.sizeHint().width(), widget.text()
        _fits(page.suite_help)
        assert page.suite_help.geometry().bottom() <= page.height()
        wizard.grab().save(str(shots_dir(tmp_path) / f"suite-wizard-{lang}.png"))
        page.passphrase.setText(PASSPHRASE)
        page.repeat.setText(PASSPHRASE)
        page.make.click()
        cred = sm_authority.enroll((tmp_path / "id" / REQUEST).read_bytes(), SRC, source_name="t")
        path = cred.save(tmp_path / "c.rvcred")
        wizard.next()
        wizard.next()
        monkeypatch.setattr(sheet_files, "choose_credential", lambda parent, start="": path)
        wizard.credential.install.click()
        suite_line = ("算法套件：" if lang == "zh_CN" else "Algorithm suite: ") + NAMES[lang][1]
        assert suite_line in wizard.credential.result.text()
        qtbot.wait(50)
        _fits(wizard.credential.result)
        assert wizard.button(QWizard.WizardButton.FinishButton).isVisible()
        wizard.grab().save(str(shots_dir(tmp_path) / f"suite-credential-{lang}.png"))
    finally:
        language.apply("zh_CN")
        language.remove()


def test_the_ministry_desk_names_its_suite(qtbot, sm_authority, tmp_path, make_window) -> None:
    window = make_window(lang="zh_CN")
    authdir = tmp_path / "authority"
    shutil.copytree(sm_authority.path, authdir)
    panel = open_panel(window, authdir, f"sqlite:///{tmp_path / 'registry.sqlite3'}")
    qtbot.addWidget(panel)
    try:
        assert "国密算法（SM2 / SM3 / SM4）" in panel.header.text()
        window.language.apply("en")  # the header follows a live language switch
        assert "SM algorithms (SM2 / SM3 / SM4)" in panel.header.text()
    finally:
        window.language.apply("zh_CN")
        panel.close_desk()

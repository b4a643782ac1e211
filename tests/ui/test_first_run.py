"""First run: create an identity, export the request, install the ministry's credential; or choose one."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QWizard

from reviewer.demo.package import source
from reviewer.trust import open_authority, pretty_fingerprint
from reviewer.ui.dialogs import sheet_files
from reviewer.ui.dialogs.first_run import CREATE, EXISTING, FirstRunWizard, needs_first_run
from reviewer.ui.settings import Settings
from reviewer.ui.tasks import ImmediateExecutor

pytestmark = pytest.mark.slow
PASSPHRASE = "a-long-enough-test-passphrase"


@pytest.fixture
def wizard(qtbot, data_dir):
    w = FirstRunWizard(Settings(data_dir), ImmediateExecutor())
    qtbot.addWidget(w)
    return w


def test_create_export_install_and_remember(wizard, demo_world, monkeypatch, tmp_path, shown_errors) -> None:
    assert needs_first_run(wizard.settings)
    wizard.show()
    assert wizard.currentPage().nextId() == CREATE
    wizard.next()
    page = wizard.new_identity
    assert not page.isComplete()
    folder = tmp_path / "my-identity"
    page.name.setText("李明")
    page.org.setText("某某大学")
    page.folder.setText(str(folder))
    page.passphrase.setText(PASSPHRASE)
    page.repeat.setText(PASSPHRASE)
    page.make.click()
    assert shown_errors == [] and page.isComplete() and (folder / "identity.json").exists()
    assert page.passphrase.text() == ""  # not kept in the widget
    wizard.next()
    request = tmp_path / "out" / "request.json"
    monkeypatch.setattr(sheet_files, "choose_request_path", lambda parent, suggested: request)
    wizard.request.export.click()
    assert json.loads(request.read_text("utf-8"))  # the request, as the ministry reads it
    wizard.next()
    # The credential page is the last one: Finish is offered there (now or after installing), and
    # Next does not lead on to the "use an existing identity" page.
    assert wizard.currentPage() is wizard.credential and wizard.credential.nextId() == -1
    assert wizard.button(QWizard.WizardButton.FinishButton).isVisible()
    assert not wizard.button(QWizard.WizardButton.NextButton).isVisible()
    authority = open_authority(demo_world.package.parent / "authority")
    credential = authority.enroll(request.read_bytes(), source(), source_name="test")
    cred_path = tmp_path / "李明.rvcred"
    credential.save(cred_path)
    monkeypatch.setattr(sheet_files, "choose_credential", lambda parent, start="": cred_path)
    wizard.credential.install.click()
    assert shown_errors == []
    assert pretty_fingerprint(demo_world.root_fingerprint) in wizard.credential.result.text()
    wizard.accept()
    assert wizard.settings.identity_dir() == folder.resolve()
    assert not needs_first_run(wizard.settings)


def test_differing_passphrases_and_an_unavailable_keyring_are_said(wizard, tmp_path, shown_errors) -> None:
    wizard.show()
    wizard.next()
    page = wizard.new_identity
    page.name.setText("王五")
    page.org.setText("单位")
    page.folder.setText(str(tmp_path / "id"))
    page.passphrase.setText(PASSPHRASE)
    page.repeat.setText(PASSPHRASE + "x")
    page.make.click()
    assert len(shown_errors) == 1 and not page.isComplete()
    page.repeat.setText(PASSPHRASE)
    page.remember.setChecked(True)  # the tests' keyring backend always fails
    page.make.click()
    assert len(shown_errors) == 2 and "keyring" in shown_errors[1]
    assert page.isComplete()  # the identity exists; only the keyring failed


def test_choose_an_existing_identity(wizard, demo_world, monkeypatch, shown_errors, tmp_path) -> None:
    wizard.show()
    wizard.choice.existing_identity.setChecked(True)
    assert wizard.currentPage().nextId() == EXISTING
    wizard.next()
    monkeypatch.setattr(sheet_files, "choose_folder", lambda parent, title, start="": tmp_path)
    wizard.existing.choose_button.click()
    assert len(shown_errors) == 1 and not wizard.existing.isComplete()
    monkeypatch.setattr(sheet_files, "choose_folder", lambda parent, title, start="": demo_world.expert)
    wizard.existing.choose_button.click()
    assert wizard.existing.isComplete() and "credential installed" in wizard.existing.found.text()
    wizard.accept()
    assert wizard.settings.identity_dir() == demo_world.expert.resolve()

"""First run: set up the identity that opens packages and signs sheets.

Either create one (name, organisation, passphrase; optionally remembered in the OS keyring), export
its enrolment request for the ministry and install the credential the ministry returns (its root
fingerprint is shown, to compare with the one the ministry gives by another channel), or choose an
identity folder made before. The chosen folder is remembered in the settings (never the passphrase).
Key generation and installing run through :class:`~reviewer.ui.tasks.Task`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from reviewer.app.identity_setup import install_for_identity
from reviewer.errors import UsageError
from reviewer.i18n import T
from reviewer.trust import (
    PassphraseSource,
    create_identity,
    pretty_fingerprint,
    read_info,
    suites,
)
from reviewer.trust.credential import Credential
from reviewer.trust.files import write_atomic
from reviewer.trust.identity import CREDENTIAL, REQUEST, IdentityInfo
from reviewer.trust.passphrase import keyring_store
from reviewer.ui import labels
from reviewer.ui.dialogs import errors, sheet_files
from reviewer.ui.settings import Settings
from reviewer.ui.tasks import Executor, Task

CHOICE, CREATE, REQUEST_PAGE, CREDENTIAL_PAGE, EXISTING = range(5)


def _make_identity(
    folder: Path, name: str, org: str, passphrase: str, remember: bool, suite: suites.Suite = suites.NIST
) -> Path:
    """Worker thread: the key pairs (in ``suite``) and the request; the passphrase into the keyring
    if asked."""
    source = PassphraseSource(explicit=passphrase, use_keyring=False, interactive=False)
    info, _request = create_identity(folder, name=name, org=org, source=source, suite=suite)
    if remember and not keyring_store(info.account, passphrase):
        raise UsageError(
            T(
                "身份已创建，但本机没有可用的系统密钥环，口令未保存；打开评审包时请输入口令。",
                "The identity was created, but this computer has no usable keyring, so the passphrase "
                "was not remembered; type it when you open a package.",
            )
        )
    return info.path


class ChoicePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Welcome"))
        self.setSubTitle(
            self.tr(
                "To open review packages and sign score sheets you need an identity certified by the "
                "ministry. Create one now, or use one you already have."
            )
        )
        self.new_identity = QRadioButton(self.tr("Create a new identity"), objectName="firstRunCreate")
        self.existing_identity = QRadioButton(
            self.tr("Use an existing identity folder"), objectName="firstRunExisting"
        )
        self.new_identity.setChecked(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.new_identity)
        layout.addWidget(self.existing_identity)

    def nextId(self) -> int:
        return CREATE if self.new_identity.isChecked() else EXISTING


class CreatePage(QWizardPage):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.setTitle(self.tr("Create your identity"))
        self.setSubTitle(self.tr("Your name and organisation go into the certificate the ministry issues."))
        self.name = QLineEdit(objectName="identityName")
        self.org = QLineEdit(objectName="identityOrg")
        self.folder = QLineEdit(objectName="identityFolder")
        self.folder.setText(str(wizard.settings.path.parent / "identity"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        self.passphrase = QLineEdit(objectName="identityPassphrase", echoMode=QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit(objectName="identityRepeat", echoMode=QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(
            self.tr("Remember the passphrase in this computer's keyring"), objectName="rememberPassphrase"
        )
        # The algorithm suite: the ministry's notice names it; a credential of the other suite
        # cannot be installed into this identity.
        self.suite_nist = QRadioButton(labels.suite_name(suites.NIST), objectName="suiteNist")
        self.suite_sm = QRadioButton(labels.suite_name(suites.SM), objectName="suiteSm")
        self.suite_nist.setChecked(True)
        self.suite_group = QButtonGroup(self)
        for button in (self.suite_nist, self.suite_sm):
            self.suite_group.addButton(button)
        self.suite_help = QLabel(
            self.tr(
                "Choose as the notice of the Ministry of Industry and Information Technology says; if it "
                "differs from your credential's, the credential cannot be installed."
            ),
            objectName="suiteHelp",
            wordWrap=True,
        )
        self.suite_nist.setAccessibleDescription(self.suite_help.text())
        self.suite_sm.setAccessibleDescription(self.suite_help.text())
        suite_box = QVBoxLayout()
        suite_box.addWidget(self.suite_nist)
        suite_box.addWidget(self.suite_sm)
        suite_box.addWidget(self.suite_help)
        self.make = QPushButton(self.tr("Create identity"), objectName="createIdentity")
        self.make.clicked.connect(self.start)
        self.done = QLabel(objectName="identityCreated", wordWrap=True)
        row = QHBoxLayout()
        row.addWidget(self.folder)
        row.addWidget(browse)
        form = QFormLayout(self)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Organisation"), self.org)
        form.addRow(self.tr("Folder"), row)
        self.folder.setAccessibleName(self.tr("Folder"))  # a row of a field and its button: no buddy
        self.repeat.setAccessibleDescription(self.tr("The passphrase again, to catch a typing mistake"))
        form.addRow(self.tr("Passphrase"), self.passphrase)
        form.addRow(self.tr("Repeat"), self.repeat)
        form.addRow(self.tr("Algorithms"), suite_box)
        form.addRow("", self.remember)
        form.addRow("", self.make)
        form.addRow("", self.done)
        self.created: Path | None = None
        # Back from a later step (a credential of the other suite): another folder may be created.
        self.folder.textChanged.connect(self._folder_changed)

    def suite(self) -> suites.Suite:
        return suites.SM if self.suite_sm.isChecked() else suites.NIST

    def _folder_changed(self, text: str) -> None:
        if self.created is not None:
            self.make.setEnabled(Path(text) != self.created)

    def _browse(self) -> None:
        chosen = sheet_files.choose_folder(self, self.tr("Folder for the new identity"), self.folder.text())
        if chosen is not None:
            self.folder.setText(str(chosen))

    def start(self) -> Task | None:
        if self.passphrase.text() != self.repeat.text():
            errors.show_error(self, self.tr("Reviewer"), self.tr("The passphrases differ; type them again."))
            return None
        folder, name, org = Path(self.folder.text()), self.name.text(), self.org.text()
        passphrase, remember, suite = self.passphrase.text(), self.remember.isChecked(), self.suite()
        self.wizard_.person = name
        self.make.setEnabled(False)
        return (
            Task(
                self,
                lambda _p: _make_identity(folder, name, org, passphrase, remember, suite),
                self.wizard_.executor,
            )
            .on_success(self._created)
            .on_failure(self._failed)
            .run()
        )

    def _created(self, folder: Path) -> None:
        self.created = folder
        self.wizard_.folder = folder
        self.passphrase.clear()
        self.repeat.clear()
        self.done.setText(self.tr("Identity created in {folder}.").format(folder=folder))
        self.completeChanged.emit()

    def _failed(self, exc: BaseException) -> None:
        self.make.setEnabled(True)
        errors.report(self, exc)
        if (Path(self.folder.text()) / REQUEST).exists():  # created; only the keyring failed
            self._created(Path(self.folder.text()))

    def isComplete(self) -> bool:
        return self.created is not None


class RequestPage(QWizardPage):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.setTitle(self.tr("Send your enrolment request"))
        self.setSubTitle(
            self.tr(
                "Save the request and send it to the ministry. It holds only public keys: no secret leaves "
                "this computer."
            )
        )
        self.export = QPushButton(self.tr("Export the enrolment request…"), objectName="exportRequest")
        self.export.clicked.connect(self.save)
        self.saved = QLabel(objectName="requestSaved", wordWrap=True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.export)
        layout.addWidget(self.saved)

    def suggested_name(self) -> str:
        """The request's name in the save dialog, in the UI's language (the extension as is)."""
        return str(
            Path.home() / (self.tr("{name}-enrolment-request").format(name=self.wizard_.person) + ".json")
        )

    def save(self) -> Task | None:
        folder = self.wizard_.folder
        if folder is None:
            return None
        target = sheet_files.choose_request_path(self, self.suggested_name())
        if target is None:
            return None
        return (
            Task(
                self, lambda _p: write_atomic(target, (folder / REQUEST).read_bytes()), self.wizard_.executor
            )
            .on_success(
                lambda _path: self.saved.setText(
                    self.tr("Saved to {path}. Send it to the ministry.").format(path=target)
                )
            )
            .run()
        )


class CredentialPage(QWizardPage):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.setTitle(self.tr("Install your credential"))
        self.setSubTitle(
            self.tr(
                "When the ministry returns your credential (.rvcred), install it here. You can also finish "
                "now and install it later."
            )
        )
        self.install = QPushButton(self.tr("Install the credential…"), objectName="installCredential")
        self.install.clicked.connect(self.choose)
        self.result = QLabel(objectName="credentialResult", wordWrap=True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.install)
        layout.addWidget(self.result)
        layout.addStretch(1)  # the wrapped result keeps the height it needs
        self.root_fingerprint: str | None = None

    def nextId(self) -> int:
        return -1  # the last page: Finish, now or once the credential is installed

    def choose(self) -> Task | None:
        folder = self.wizard_.folder
        path = sheet_files.choose_credential(self, str(Path.home()))
        if folder is None or path is None:
            return None
        return (
            Task(self, lambda _p: install_for_identity(folder, path), self.wizard_.executor)
            .on_success(self._installed)
            .on_failure(lambda exc: errors.report(self, exc))
            .run()
        )

    def _installed(self, credential: Credential) -> None:
        self.root_fingerprint = credential.root_fingerprint
        self.result.setText(
            self.tr(
                "Installed: {name} · {org}.\n{suite}\n\nThe ministry root you now trust has the fingerprint\n"
                "{fp}\n\nCompare it with the fingerprint the ministry gave you by phone or on paper. If they "
                "differ, do not use this identity and tell the ministry."
            ).format(
                name=credential.name,
                org=credential.org,
                suite=labels.suite_line(credential.suite.id),
                fp=pretty_fingerprint(self.root_fingerprint),
            )
        )


class ExistingPage(QWizardPage):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.setTitle(self.tr("Use an existing identity"))
        self.choose_button = QPushButton(self.tr("Choose the identity folder…"), objectName="chooseIdentity")
        self.choose_button.clicked.connect(self.choose)
        self.found = QLabel(objectName="identityFound", wordWrap=True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.choose_button)
        layout.addWidget(self.found)

    def choose(self) -> Task | None:
        folder = sheet_files.choose_folder(self, self.tr("Choose your identity folder"), str(Path.home()))
        if folder is None:
            return None
        # not an identity folder: the task's one error path says so
        return (
            Task(self, lambda _p: (read_info(folder), (folder / CREDENTIAL).exists()), self.wizard_.executor)
            .on_success(lambda found: self._found(folder, *found))
            .run()
        )

    def _found(self, folder: Path, info: IdentityInfo, certified: bool) -> None:
        self.wizard_.folder = folder
        self.wizard_.person = info.name
        state = (
            self.tr("credential installed")
            if certified
            else self.tr(
                "no credential yet: install it from the first-run wizard when the ministry returns it"
            )
        )
        self.found.setText(
            self.tr("{name} · {org} ({state})").format(name=info.name, org=info.org, state=state)
            + "\n"
            + labels.suite_line(info.suite.id)
        )
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.wizard_.folder is not None

    def nextId(self) -> int:
        return -1


class FirstRunWizard(QWizard):
    def __init__(
        self, settings: Settings, executor: Executor | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunWizard")
        self.settings = settings
        self.executor = executor
        self.folder: Path | None = None
        self.person = ""  # the identity's name (made here, or read from the chosen folder)
        self.setWindowTitle(self.tr("Set up your identity"))
        self.choice = ChoicePage()
        self.new_identity = CreatePage(self)
        self.request = RequestPage(self)
        self.credential = CredentialPage(self)
        self.existing = ExistingPage(self)
        for key, page in (
            (CHOICE, self.choice),
            (CREATE, self.new_identity),
            (REQUEST_PAGE, self.request),
            (CREDENTIAL_PAGE, self.credential),
            (EXISTING, self.existing),
        ):
            self.setPage(key, page)
        self.setStartId(CHOICE)

    def accept(self) -> None:
        if self.folder is not None:
            self.settings.set_identity_dir(self.folder)
        super().accept()


def needs_first_run(settings: Settings, identity_dir: object = None) -> bool:
    """No identity given and none remembered (or the remembered folder is gone)."""
    if identity_dir:
        return False
    folder = settings.identity_dir()
    return folder is None or not (Path(folder) / "identity.json").exists()

"""Where the registry lives: a SQLite file on this computer, or a PostgreSQL server.

The person chooses a file (with a file dialog) or types the server's host, port, database and user;
the URL is built from those fields. The password is returned to the caller, which keeps it in the OS
keyring on a worker (:func:`reviewer.app.ministry_desk.keep_password`): never in settings, never in
the URL shown or stored.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from reviewer.app.ministry_desk import database_url

POSTGRES_PORT = 5432


@dataclass(frozen=True)
class DatabaseChoice:
    db: str  # a SQLite file path, or a server URL without its password
    password: str | None = None  # typed for a server database (None: the keyring's, if any)


class DatabaseDialog(QDialog):
    def __init__(self, default: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="databaseDialog")
        self.setWindowTitle(self.tr("Registry database"))
        self.setMinimumWidth(520)
        self.sqlite_choice = QRadioButton(
            self.tr("A &file on this computer (SQLite)"), objectName="sqliteChoice"
        )
        self.server_choice = QRadioButton(
            self.tr("A database &server (PostgreSQL)"), objectName="serverChoice"
        )
        group = QButtonGroup(self)
        group.addButton(self.sqlite_choice)
        group.addButton(self.server_choice)
        self.path = QLineEdit(default, objectName="sqlitePath")
        self.browse_button = QPushButton(self.tr("&Browse…"), objectName="browseDatabase")
        self.browse_button.clicked.connect(self._browse)
        self.host = QLineEdit("localhost", objectName="dbHost")
        self.port = QSpinBox(objectName="dbPort", minimum=1, maximum=65535)
        self.port.setValue(POSTGRES_PORT)
        self.database = QLineEdit("registry", objectName="dbName")
        self.user = QLineEdit(objectName="dbUser")
        self.password = QLineEdit(objectName="dbPassword", echoMode=QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("blank: the one kept in the keyring"))

        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.browse_button)
        self.file_label = QLabel(self.tr("File:"))
        self.file_label.setBuddy(self.path)
        file_form = QFormLayout()
        file_form.addRow(self.file_label, file_row)
        self.server_fields = QWidget()
        server_form = QFormLayout(self.server_fields)
        server_form.setContentsMargins(0, 0, 0, 0)
        for text, field in (
            (self.tr("&Host:"), self.host),
            (self.tr("P&ort:"), self.port),
            (self.tr("&Database:"), self.database),
            (self.tr("&User:"), self.user),
            (self.tr("Pass&word:"), self.password),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            server_form.addRow(label, field)
        note = QLabel(
            self.tr("The password is kept in this computer's keyring, never in the app's settings."),
            wordWrap=True,
        )
        server_form.addRow(note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Open"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.sqlite_choice)
        layout.addLayout(file_form)
        layout.addWidget(self.server_choice)
        layout.addWidget(self.server_fields)
        layout.addWidget(self.buttons)
        group.buttonToggled.connect(self._check)
        for edit in (self.path, self.host, self.database, self.user):
            edit.textChanged.connect(self._check)
        self.sqlite_choice.setChecked(True)
        self._check()
        self.sqlite_choice.setFocus()

    def _browse(self) -> None:
        from reviewer.ui.panels.ministry import asks

        chosen = asks.save_file(
            self,
            self.tr("Choose the registry database file"),
            self.path.text(),
            self.tr("SQLite database (*.sqlite3 *.sqlite *.db);;All files (*)"),
        )
        if chosen is not None:
            self.path.setText(str(chosen))

    def _check(self, *_: object) -> None:
        sqlite = self.sqlite_choice.isChecked()
        for w in (self.path, self.browse_button, self.file_label):
            w.setEnabled(sqlite)
        self.server_fields.setEnabled(not sqlite)
        ready = (
            bool(self.path.text().strip())
            if sqlite
            else all(e.text().strip() for e in (self.host, self.database, self.user))
        )
        self.ok_button.setEnabled(ready)

    def value(self) -> DatabaseChoice:
        if self.sqlite_choice.isChecked():
            return DatabaseChoice(database_url(sqlite=Path(self.path.text().strip())))
        url = database_url(
            host=self.host.text().strip(),
            port=self.port.value(),
            database=self.database.text().strip(),
            user=self.user.text().strip(),
        )
        return DatabaseChoice(url, self.password.text() or None)

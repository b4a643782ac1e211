"""Help › Keyboard shortcuts: the one table of :mod:`reviewer.ui.shortcuts`, as the user's
platform and language write the keys. Closes with Esc or its button."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewer.ui import shortcuts
from reviewer.ui.window_size import resize_within_screen


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.table = QTableWidget(len(shortcuts.TABLE), 3, objectName="shortcutsTable")
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Where"), self.tr("What it does")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        for row, key in enumerate(shortcuts.TABLE):
            for column, text in enumerate((key.text(), key.where(), key.what())):
                self.table.setItem(row, column, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        # every row in view when the screen allows it (the table scrolls otherwise)
        rows = self.table.verticalHeader().length() + self.table.horizontalHeader().height()
        resize_within_screen(self, 720, rows + 2 * self.table.frameWidth() + 90)


def show_shortcuts(parent: QWidget | None) -> ShortcutsDialog:
    """Open the list (not modal: it may stay open beside the work); returns it."""
    dialog = ShortcutsDialog(parent)
    dialog.show()
    dialog.table.setFocus()
    return dialog

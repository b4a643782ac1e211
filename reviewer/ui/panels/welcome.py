"""What the window shows before anything is open: how to start.

An expert holds a review package (.rvpkg), so opening one comes first (the default button, focused);
reading a standard (.json) comes second. The packages opened before are listed below, each opened by
a click or by Enter; the list is given by the window (:meth:`WelcomePanel.set_recent`), from settings.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

RECENT_WIDTH = 640
RECENT_HEIGHT = 180  # pixels: about eight packages, then a scroll bar


class WelcomePanel(QWidget):
    open_package_requested = Signal()
    open_requested = Signal()  # a standard (.json)
    recent_package_requested = Signal(Path)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePanel")
        self.heading = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        self.heading.setFont(font)
        self.hint = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.package_button = QPushButton(objectName="welcomeOpenPackage", default=True, autoDefault=True)
        self.package_button.clicked.connect(self.open_package_requested)
        self.open_button = QPushButton(objectName="welcomeOpenStandard", autoDefault=True)
        self.open_button.clicked.connect(self.open_requested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.package_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        self.recent_label = QLabel(objectName="welcomeRecentLabel")
        self.recent = QListWidget(objectName="welcomeRecent")
        self.recent.setMaximumWidth(RECENT_WIDTH)
        self.recent.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.recent_label.setBuddy(self.recent)
        self.recent.itemClicked.connect(self._chosen)
        self.recent.installEventFilter(self)  # Enter / Return on the current item opens it
        recent_box = QVBoxLayout()
        recent_box.addWidget(self.recent_label)
        recent_box.addWidget(self.recent)
        recent_row = QHBoxLayout()
        recent_row.addStretch(1)
        recent_row.addLayout(recent_box, 100)
        recent_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.heading)
        layout.addWidget(self.hint)
        layout.addSpacing(8)
        layout.addLayout(buttons)
        layout.addSpacing(16)
        layout.addLayout(recent_row)
        layout.addStretch(2)
        self.setFocusProxy(self.package_button)
        self._paths: list[str] = []
        self.retranslate()
        self.set_recent([])

    def set_recent(self, paths: list[str]) -> None:
        """The packages opened before, newest first (their paths as settings keep them)."""
        self._paths = list(paths)
        self.recent.clear()
        for path in paths:
            item = QListWidgetItem(f"{Path(path).name}  —  {Path(path).parent}")
            item.setData(Qt.ItemDataRole.UserRole, path)
            item.setToolTip(path)
            self.recent.addItem(item)
        if paths:
            self.recent.setCurrentRow(0)
            rows = self.recent.sizeHintForRow(0) * len(paths) + 2 * self.recent.frameWidth() + 4
            self.recent.setFixedHeight(min(RECENT_HEIGHT, rows))
        self.recent.setVisible(bool(paths))
        self.recent_label.setVisible(bool(paths))

    def _chosen(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.recent_package_requested.emit(Path(str(item.data(Qt.ItemDataRole.UserRole))))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.recent
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self._chosen(self.recent.currentItem())
            return True
        return super().eventFilter(watched, event)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Expert review of Software Famous Cities and Parks"))
        self.hint.setText(
            self.tr(
                "Experts: open the review package (.rvpkg) the ministry sent you. To read a standard's "
                "indicators, open the standard file (.json). Files can also be dropped here."
            )
        )
        self.package_button.setText(self.tr("Open review &package…"))
        self.open_button.setText(self.tr("Open &standard…"))
        self.recent_label.setText(self.tr("&Recent packages (click or Enter to open):"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

"""The pages of the expert's workspace: the navigation list and the stacked pages.

Pages go in :data:`ORDER` whoever adds them and whenever (unknown keys go last); a page may be
given as a function that builds it, called when the page is first shown or asked for, so a page
the expert has not opened costs nothing at start. The workspace decides whether the current page
may be left (a score that cannot be saved keeps the expert on the scoring page).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QStackedWidget, QWidget

# Where each page goes in the navigation, whoever adds it and whenever.
ORDER = ("declarations", "scoring", "checks", "materials", "site_visit", "finalise", "motion")
Title = str | Callable[[], str]
Page = QWidget | Callable[[], QWidget]


def _rank(key: str) -> int:
    return ORDER.index(key) if key in ORDER else len(ORDER)


class WorkspacePages(QWidget):
    """The navigation beside the pages; :attr:`shown` after the expert moves to a page."""

    shown = Signal(str)  # the key of the page now shown

    def __init__(self, may_leave: Callable[[str], bool], parent: QWidget | None = None) -> None:
        """``may_leave(key)``: whether the page ``key`` may be left now (False keeps it shown)."""
        super().__init__(parent)
        self._may_leave = may_leave
        self.keys: list[str] = []
        self._titles: dict[str, Title] = {}
        self._builders: dict[str, Callable[[], QWidget]] = {}
        self._current: str | None = None
        self.nav = QListWidget(objectName="workspaceNav")
        self.nav.setMaximumWidth(170)
        self.stack = QStackedWidget(objectName="workspacePages")
        self.nav.currentRowChanged.connect(self._row_changed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)

    def add(self, key: str, page: Page, title: Title) -> None:
        """Add a page (the widget, or a function that builds it) at its place in :data:`ORDER`."""
        at = sum(1 for k in self.keys if _rank(k) <= _rank(key))
        self.keys.insert(at, key)
        self._titles[key] = title
        if isinstance(page, QWidget):
            widget = page
        else:
            widget = QWidget()  # stands in until the page is built
            self._builders[key] = page
        self.stack.insertWidget(at, widget)
        self.nav.insertItem(at, title() if callable(title) else title)

    def page(self, key: str) -> QWidget | None:
        """The page for ``key`` (built now if it was not yet), or ``None`` if there is no such page."""
        if key not in self.keys:
            return None
        build = self._builders.pop(key, None)
        if build is not None:
            widget = build()
            at = self.keys.index(key)
            stand_in = self._widget_at(at)
            current = self.stack.currentWidget() is stand_in
            self.stack.insertWidget(at, widget)
            self.stack.removeWidget(stand_in)
            stand_in.deleteLater()
            if current:
                self.stack.setCurrentWidget(widget)
        return self._widget_at(self.keys.index(key))

    def built(self) -> Iterator[QWidget]:
        """The pages built so far (not those still waiting to be shown)."""
        for key in self.keys:
            if key not in self._builders:
                yield self._widget_at(self.keys.index(key))

    def _widget_at(self, at: int) -> QWidget:
        widget = self.stack.widget(at)
        assert widget is not None  # every key has its page, or the page's stand-in, in the stack
        return widget

    def show_page(self, key: str) -> None:
        if key in self.keys:
            self.nav.setCurrentRow(self.keys.index(key))

    @property
    def current(self) -> str | None:
        row = self.nav.currentRow()
        return self.keys[row] if 0 <= row < len(self.keys) else None

    def _row_changed(self, row: int) -> None:
        key = self.keys[row] if 0 <= row < len(self.keys) else None
        leaving = self._current
        if key is not None and leaving is not None and key != leaving and not self._may_leave(leaving):
            self.nav.blockSignals(True)  # back to the page that may not be left yet
            self.nav.setCurrentRow(self.keys.index(leaving))
            self.nav.blockSignals(False)
            return
        self._current = key
        if key is not None:
            self.page(key)  # built on first show
        self.stack.setCurrentIndex(row)
        if key is not None:
            self.shown.emit(key)

    def retranslate(self) -> None:
        self.nav.setAccessibleName(self.tr("Steps of the review"))
        for row, key in enumerate(self.keys):
            title = self._titles[key]
            self.nav.item(row).setText(title() if callable(title) else title)

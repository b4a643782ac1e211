"""The materials viewer's bar: previous/next page, the page number box, zoom, and "Cite this page"."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSpinBox, QToolButton, QWidget


class PageBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("materialsPageBar")
        self.previous = QToolButton(objectName="materialsPrevious")
        self.next = QToolButton(objectName="materialsNext")
        self.page = QSpinBox(objectName="materialsPage", minimum=1, maximum=1, keyboardTracking=False)
        self.count = QLabel(objectName="materialsPageCount")
        self.zoom_out = QToolButton(objectName="materialsZoomOut", text="−")
        self.zoom_in = QToolButton(objectName="materialsZoomIn", text="+")
        self.fit_width = QToolButton(objectName="materialsFitWidth")
        self.cite = QPushButton(objectName="materialsCite")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for w in (self.previous, self.next, self.page, self.count):
            layout.addWidget(w)
        layout.addSpacing(16)
        for w in (self.zoom_out, self.zoom_in, self.fit_width):
            layout.addWidget(w)
        layout.addStretch(1)
        layout.addWidget(self.cite)
        self._pages = 0
        self._code: str | None = None  # the indicator a citation goes to
        self.retranslate()

    def set_count(self, pages: int) -> None:
        self._pages = pages
        self.page.blockSignals(True)
        self.page.setMaximum(max(pages, 1))
        self.page.blockSignals(False)
        self._count_text()

    def set_page(self, page: int) -> None:
        self.page.blockSignals(True)
        self.page.setValue(page)
        self.page.blockSignals(False)

    def set_enabled(self, shown: bool, page: int, pages: int) -> None:
        for w in (self.page, self.zoom_out, self.zoom_in, self.fit_width):
            w.setEnabled(shown)
        self.previous.setEnabled(shown and page > 1)
        self.next.setEnabled(shown and page < pages)

    def set_cite_code(self, code: str | None) -> None:
        """Name the indicator "Cite this page" adds evidence to: the one selected in the scoring page."""
        self._code = code
        self._cite_text()

    def _cite_text(self) -> None:
        if self._code:
            self.cite.setText(self.tr("&Cite this page for {code}").format(code=self._code))
            self.cite.setToolTip(
                self.tr(
                    "Add this page as evidence for indicator {code}, selected in the scoring page"
                ).format(code=self._code)
            )
        else:
            self.cite.setText(self.tr("Cite this page"))
            self.cite.setToolTip(self.tr("Add this page as evidence for the selected indicator"))

    def _count_text(self) -> None:
        self.count.setText(self.tr("of {n}").format(n=self._pages) if self._pages else "")

    def retranslate(self) -> None:
        self.previous.setText(self.tr("◀ Previous"))
        self.previous.setToolTip(self.tr("Previous page (Page Up)"))
        self.next.setText(self.tr("Next ▶"))
        self.next.setToolTip(self.tr("Next page (Page Down)"))
        self.zoom_out.setToolTip(self.tr("Zoom out"))
        self.zoom_out.setAccessibleName(self.tr("Zoom out"))
        self.zoom_in.setToolTip(self.tr("Zoom in"))
        self.zoom_in.setAccessibleName(self.tr("Zoom in"))
        self.page.setAccessibleName(self.tr("Page"))
        self.fit_width.setText(self.tr("Fit width"))
        self._cite_text()
        self._count_text()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

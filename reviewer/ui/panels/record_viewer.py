"""The review record in the app (评审意见表预览): the PDF on file, page by page, beside the steps that
sign it, so a member reads what they co-sign instead of a path.

The record's bytes are read (and unsealed) on a worker by the record page; here they are handed to
:class:`QPdfDocument` through a :class:`QBuffer` in memory (as the materials viewer does): the PDF is
never written in the clear to show it. Page Up / Page Down turn pages while the view has the focus.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QObject, QPointF, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)


class RecordViewer(QGroupBox):
    """Shows the record PDF it is given (``show_pdf``), or says there is none yet."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recordViewer")
        self._bytes: QByteArray | None = None  # kept alive while shown: QPdfDocument reads from it
        self._buffer: QBuffer | None = None
        self._unreadable = False
        self._shown: bytes | None = None
        self.document = QPdfDocument(self)
        self.view = QPdfView(objectName="recordPdfView")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.SinglePage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.view.installEventFilter(self)
        self.view.pageNavigator().currentPageChanged.connect(lambda _page: self._update_controls())
        self.empty = QLabel(
            objectName="recordViewerEmpty", wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter
        )
        self.pages = QStackedWidget()
        self.pages.addWidget(self.empty)
        self.pages.addWidget(self.view)
        self.previous = QPushButton(objectName="recordPreviousPage")
        self.next = QPushButton(objectName="recordNextPage")
        self.page_label = QLabel(objectName="recordPageLabel")
        # QtPdf (pdfium) draws no signature field's appearance: say so, or a signed field looks empty
        self.note = QLabel(objectName="recordViewerNote", wordWrap=True)
        self.previous.clicked.connect(lambda: self.go_to_page(self.current_page - 1))
        self.next.clicked.connect(lambda: self.go_to_page(self.current_page + 1))
        bar = QHBoxLayout()
        bar.addWidget(self.previous)
        bar.addWidget(self.page_label)
        bar.addWidget(self.next)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.note)
        layout.addWidget(self.pages, 1)
        self.retranslate()

    @property
    def page_count(self) -> int:
        return self.document.pageCount() if self._shown is not None else 0

    @property
    def current_page(self) -> int:
        """The page shown, from 1 (0: nothing shown)."""
        return self.view.pageNavigator().currentPage() + 1 if self.page_count else 0

    def show_pdf(self, pdf: bytes | None) -> None:
        """Show ``pdf`` (the record on file; None: no record) from its first page; the same bytes
        again keep the page the reader is on."""
        if pdf is not None and pdf == self._shown:
            return
        self._release()
        self._unreadable = False
        if pdf is not None:
            self._bytes = QByteArray(pdf)
            self._buffer = QBuffer(self._bytes, self)
            self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
            self.document.load(self._buffer)
            if self.document.status() == QPdfDocument.Status.Ready:
                self._shown = pdf
                self.pages.setCurrentWidget(self.view)
                self.go_to_page(1)
            else:
                self._release()
                self._unreadable = True
                self._fill_empty()
        self._update_controls()

    def go_to_page(self, page: int) -> None:
        if not self.page_count:
            return
        index = min(max(page, 1), self.page_count) - 1
        nav = self.view.pageNavigator()
        if index != nav.currentPage():
            nav.jump(index, QPointF(), nav.currentZoom())
        self._update_controls()

    def _release(self) -> None:
        self.document.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.deleteLater()
        self._buffer = self._bytes = self._shown = None
        self.pages.setCurrentWidget(self.empty)
        self._fill_empty()

    def _update_controls(self) -> None:
        n, page = self.page_count, self.current_page
        self.previous.setEnabled(page > 1)
        self.next.setEnabled(0 < page < n)
        self.page_label.setText(self.tr("Page {page} of {count}").format(page=page, count=n) if n else "")

    def _fill_empty(self) -> None:
        self.empty.setText(
            self.tr("The review record could not be shown.")
            if self._unreadable
            else self.tr("No review record yet: produce it to read it here before anyone signs.")
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            step = {Qt.Key.Key_PageUp: -1, Qt.Key.Key_PageDown: 1}.get(Qt.Key(event.key()))
            if step is not None and self.page_count:
                self.go_to_page(self.current_page + step)
                return True
        return super().eventFilter(watched, event)

    def retranslate(self) -> None:
        self.setTitle(self.tr("The review record as it will be signed"))
        self.view.setAccessibleName(self.tr("Pages of the review record"))
        self.previous.setText(self.tr("Previous page"))
        self.next.setText(self.tr("Next page"))
        self.note.setText(
            self.tr(
                "The signatures' appearance is not drawn here; the app has checked every signature "
                "on the record."
            )
        )
        self._fill_empty()
        self._update_controls()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


__all__ = ["RecordViewer"]

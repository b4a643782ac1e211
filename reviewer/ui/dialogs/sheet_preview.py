"""The whole sheet before signing, as its printable PDF will show it (预览评分表).

The PDF (marked as an unsigned preview) is made on a worker by
:func:`reviewer.app.finalise.preview_pdf` and handed here as bytes: it is shown from memory, through
a :class:`QBuffer` over a :class:`QByteArray` kept while the dialog lives, as the materials viewer
shows materials; nothing is written to disk. The page list scrolls with the arrow keys and
PgUp/PgDn, "Sign…" goes on to signing, Esc closes.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from reviewer.ui.window_size import resize_within_screen


class SheetPreview(QDialog):
    """Accepted: the expert chose to sign what they saw; rejected (Esc, Close): back to the page."""

    def __init__(self, data: bytes, parent: QWidget | None = None, *, may_sign: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("sheetPreview")
        self.setWindowTitle(self.tr("Preview of the sheet"))
        self._bytes = QByteArray(data)  # kept alive while shown: the document reads from it
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        self.view = QPdfView(objectName="sheetPreviewView")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.note = QLabel(objectName="sheetPreviewNote", wordWrap=True)
        self.note.setText(
            self.tr(
                "This is what you will sign ({pages} page(s)), as the printable PDF shows it. "
                "Arrow keys and Page Up/Down scroll; Esc closes."
            ).format(pages=self.document.pageCount())
        )
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.sign_button: QPushButton = self.buttons.addButton(
            self.tr("&Sign…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.sign_button.setObjectName("sheetPreviewSign")
        self.sign_button.setEnabled(may_sign)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.buttons)
        resize_within_screen(self, 820, 900)
        self.view.setFocus()

    @property
    def page_count(self) -> int:
        return self.document.pageCount() if self.document.status() == QPdfDocument.Status.Ready else 0

    def done(self, result: int) -> None:
        """Closed: the document and its bytes are let go."""
        super().done(result)
        self.document.close()
        self._buffer.close()

"""The package's materials, read in the app: a PDF viewer over decrypted bytes held only in memory.

A material is decrypted on demand in the background (:class:`~reviewer.ui.tasks.Task`, with
progress) and handed to :class:`QPdfDocument` through a :class:`QBuffer` over a
:class:`QByteArray`; both are kept while the material is shown and released when another one is
opened, so at most one material is decrypted at a time and none is ever written to disk.

    viewer.set_review(opened_review)                    # lists the materials
    viewer.set_citation(lambda: selected_code, workspace)  # "Cite this page" → Workbench.add_evidence
    viewer.open_material("materials/03-自评报告.pdf", 3)  # jump there (the score editor's evidence links)
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QModelIndex, QObject, QPointF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtPdf import QPdfDocument, QPdfSearchModel
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reviewer.app.opening import OpenedReview, read_material
from reviewer.errors import ReviewerError
from reviewer.packages import Entry
from reviewer.ui import accessible, palette
from reviewer.ui.models.materials_model import MaterialsModel, Progress, is_pdf, short_name
from reviewer.ui.panels.materials_toolbar import PageBar
from reviewer.ui.tasks import Executor, Task

if TYPE_CHECKING:
    from reviewer.ui.panels.review_workspace import ReviewWorkspace

Reader = Callable[[str, Progress], bytes]
ZOOM_STEP = 1.25
ZOOM_RANGE = (0.25, 6.0)
MAX_RESULTS = 500


class MaterialsViewer(QWidget):
    material_shown = Signal(str)  # the material's full name, once its first page is on screen
    page_changed = Signal(int)  # the page shown, from 1

    def __init__(self, executor: Executor | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("materialsViewer")
        self._executor = executor
        self._reader: Reader | None = None
        self._shown: Entry | None = None  # the material on screen (or being decrypted)
        self._bytes: QByteArray | None = None  # kept alive while shown: QPdfDocument reads from it
        self._buffer: QBuffer | None = None
        self._generation = 0  # a newer request makes an older decryption's result stale
        self._pending_page = 1
        self._loading = False
        self._selected_code: Callable[[], str | None] | None = None
        self._edits: ReviewWorkspace | None = None

        self.model = MaterialsModel(self)
        self.list = QTableView(objectName="materialsList")
        self.list.setModel(self.model)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.verticalHeader().hide()
        header = self.list.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(MaterialsModel.NAME, QHeaderView.ResizeMode.Stretch)
        self.list.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.search_box = QLineEdit(objectName="materialsSearch", clearButtonEnabled=True)
        self.search_box.textChanged.connect(self._search)
        self.search_box.returnPressed.connect(self.next_result)
        self.results = QListWidget(objectName="materialsResults")
        self.results.currentRowChanged.connect(self.go_to_result)
        self.results_label = QLabel(objectName="materialsResultsLabel")

        self.document = QPdfDocument(self)
        self.search_model = QPdfSearchModel(self)
        self.search_model.setDocument(self.document)
        self.search_model.countChanged.connect(self._fill_results)
        self.view = QPdfView(objectName="materialsPdfView")
        self.view.setDocument(self.document)
        self.view.setSearchModel(self.search_model)
        self.view.setPageMode(QPdfView.PageMode.SinglePage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.pageNavigator().currentPageChanged.connect(self._page_moved)

        self.bar = PageBar()
        self.bar.previous.clicked.connect(self.previous_page)
        self.bar.next.clicked.connect(self.next_page)
        self.bar.page.valueChanged.connect(lambda page: self.go_to_page(page))
        self.bar.zoom_in.clicked.connect(lambda: self.zoom_by(ZOOM_STEP))
        self.bar.zoom_out.clicked.connect(lambda: self.zoom_by(1 / ZOOM_STEP))
        self.bar.fit_width.clicked.connect(self.fit_width)
        self.bar.cite.clicked.connect(self.cite_page)
        self.view.installEventFilter(self)  # Page Up/Down turn pages instead of scrolling

        self.message = QLabel(
            objectName="materialsMessage", alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True
        )
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar(objectName="materialsProgress")
        self.progress.setMaximumWidth(480)
        loading = QWidget()
        box = QVBoxLayout(loading)
        box.addStretch(1)
        box.addWidget(self.progress, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addStretch(2)
        self.pages = QStackedWidget(objectName="materialsPages")
        for page in (self.message, loading, self.view):
            self.pages.addWidget(page)
        self.status = QLabel(objectName="materialsStatus", wordWrap=True)

        left = QWidget()
        side = QVBoxLayout(left)
        side.setContentsMargins(0, 0, 0, 0)
        self.list_label = QLabel()
        self.search_label = QLabel()
        self.list_label.setBuddy(self.list)
        self.search_label.setBuddy(self.search_box)
        for w in (self.list_label, self.list, self.search_label, self.search_box, self.results_label):
            side.addWidget(w)
        side.addWidget(self.results, 1)
        right = QWidget()
        main = QVBoxLayout(right)
        main.setContentsMargins(0, 0, 0, 0)
        main.addWidget(self.bar)
        main.addWidget(self.pages, 1)
        main.addWidget(self.status)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([300, 900])
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        self.retranslate()
        self.update_controls()

    # --- what is shown ----------------------------------------------------------------------
    @property
    def current_material(self) -> str | None:
        """The full name of the PDF on screen (``None`` while nothing or a non-PDF is shown)."""
        ready = self.document.status() == QPdfDocument.Status.Ready
        return self._shown.name if self._shown is not None and ready else None

    @property
    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage() + 1

    @property
    def page_count(self) -> int:
        return self.document.pageCount() if self.current_material else 0

    def set_review(self, review: OpenedReview | None, reader: Reader | None = None) -> None:
        """List ``review``'s materials; ``reader(name, progress)`` decrypts one (default: from its file)."""
        self._release()
        self._generation += 1
        self._shown = None
        if review is not None and reader is None:
            reader = partial(read_material, review.path, review.identity)
        self._reader = reader if review is not None else None
        self.model.set_entries(review.materials if review is not None else ())
        self._say(self.tr("Choose a material on the left.") if review else self.tr("No package is open."))

    def set_citation(
        self, selected_code: Callable[[], str | None] | None, workspace: ReviewWorkspace | None
    ) -> None:
        """Where "Cite this page" goes: the selected indicator's evidence, saved by ``workspace``."""
        self._selected_code, self._edits = selected_code, workspace
        self.update_controls()

    def open_material(self, name: str, page: int = 1) -> Task | None:
        """Decrypt (in the background) and show a material; returns the task, None when no decryption."""
        row = self.model.row_of(name)
        if row is None:
            self._say(self.tr("The package has no material named “{name}”.").format(name=short_name(name)))
            return None
        entry = self.model.entry(row)
        self._select_row(row)
        if self._shown == entry and self.current_material:
            self.go_to_page(page)
            return None
        if self._shown == entry and self._loading:
            self._pending_page = page  # already being decrypted: land on this page when it is
            return None
        self._release()
        self._generation += 1
        self._shown, self._pending_page = entry, page
        if not is_pdf(entry):
            self._say(
                self.tr(
                    "“{name}” ({size}, SHA-256 {sha}) is not a PDF, so it is not shown in the app. "
                    "It stays sealed in the package; it is listed here so you know it is there."
                ).format(name=short_name(entry.name), size=self.model.index(row, 1).data(), sha=entry.sha256)
            )
            return None
        if self._reader is None:
            return None
        self._loading = True
        self.progress.setValue(0)
        self.pages.setCurrentIndex(1)
        self.update_controls()
        reader, generation = self._reader, self._generation
        return (
            Task(self, lambda progress: reader(entry.name, progress), self._executor)
            .on_progress(partial(self._progress, generation))
            .on_success(partial(self._decrypted, generation, entry))
            .on_failure(partial(self._failed, generation))
            .run()
        )

    # --- navigation -------------------------------------------------------------------------
    def go_to_page(self, page: int) -> None:
        """Show ``page`` (from 1), clamped to the document."""
        if not self.current_material:
            return
        index = min(max(int(page), 1), self.document.pageCount()) - 1
        nav = self.view.pageNavigator()
        if index != nav.currentPage():
            nav.jump(index, QPointF(), nav.currentZoom())
        self._page_moved(nav.currentPage())

    def previous_page(self) -> None:
        self.go_to_page(self.current_page - 1)

    def next_page(self) -> None:
        self.go_to_page(self.current_page + 1)

    def zoom_by(self, factor: float) -> None:
        zoom = min(max(self.view.zoomFactor() * factor, ZOOM_RANGE[0]), ZOOM_RANGE[1])
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(zoom)

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    # --- search -----------------------------------------------------------------------------
    def _search(self, text: str) -> None:
        self.results.clear()
        self.search_model.setSearchString(text.strip() if self.current_material else "")
        self._fill_results()

    def _fill_results(self) -> None:
        count = self.search_model.rowCount(QModelIndex())
        have = self.results.count()
        for row in range(have, min(count, MAX_RESULTS)):
            link = self.search_model.resultAtIndex(row)
            before = link.contextBefore().replace("\u23ce", " ")[-18:]
            after = link.contextAfter().replace("\u23ce", " ")[:18]
            text = self.tr("p. {page}: …{before}【{match}】{after}…").format(
                page=link.page() + 1, before=before, match=self.search_model.searchString(), after=after
            )
            QListWidgetItem(text, self.results)
        if not self.search_model.searchString():
            self.results_label.clear()
        else:
            self.results_label.setText(self.tr("{n} found").format(n=count))

    def go_to_result(self, row: int) -> None:
        """Jump to search result ``row`` (from 0) and highlight it."""
        if not 0 <= row < self.search_model.rowCount(QModelIndex()):
            return
        link = self.search_model.resultAtIndex(row)
        self.view.setCurrentSearchResultIndex(row)
        nav = self.view.pageNavigator()
        nav.jump(link.page(), link.location(), nav.currentZoom())
        self._page_moved(nav.currentPage())
        if self.results.currentRow() != row:
            self.results.setCurrentRow(row)

    def next_result(self) -> None:
        count = self.results.count()
        if count:
            self.go_to_result((self.results.currentRow() + 1) % count)

    # --- citing -----------------------------------------------------------------------------
    def cite_page(self) -> None:
        """Add the page on screen as evidence for the selected indicator (through the workspace)."""
        material, page = self.current_material, self.current_page
        if material is None or self._edits is None or self._selected_code is None:
            return
        code = self._selected_code()
        if code is None:
            self._tell(
                self.tr("Select an indicator in the scoring view first, then cite the page."), error=True
            )
            return
        self._edits.save(
            lambda bench, review: bench.add_evidence(review, code, material=material, page=page),
            on_saved=lambda _ref: self._cited(code, material, page),
            on_failed=self._cite_failed,
        )

    def _cited(self, code: str, material: str, page: int) -> None:
        self._tell(
            self.tr("Page {page} of {name} cited as evidence for {code}.").format(
                page=page, name=short_name(material), code=code
            )
        )

    def _cite_failed(self, exc: BaseException) -> None:
        text = str(exc) if isinstance(exc, ReviewerError) else self.tr("The page could not be cited.")
        self._tell(text, error=True)

    # --- decryption in the background --------------------------------------------------------
    def _progress(self, generation: int, done: int, total: int, text: str) -> None:
        if generation == self._generation:
            self.progress.setMaximum(max(total, 1))
            self.progress.setValue(done)

    def _decrypted(self, generation: int, entry: Entry, data: bytes) -> None:
        if generation != self._generation:
            return  # another material was asked for meanwhile: drop these bytes
        self._loading = False
        self._bytes = QByteArray(data)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        if self.document.status() != QPdfDocument.Status.Ready:
            self._release()
            self._say(self.tr("“{name}” could not be read as a PDF.").format(name=short_name(entry.name)))
            return
        self.pages.setCurrentWidget(self.view)
        self.bar.set_count(self.document.pageCount())
        self.update_controls()
        self.go_to_page(self._pending_page)
        self._search(self.search_box.text())
        self.material_shown.emit(entry.name)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self._shown = None
        text = str(exc) if isinstance(exc, ReviewerError) else self.tr("The material could not be opened.")
        self._say(text)
        if not isinstance(exc, ReviewerError):
            from reviewer.ui.dialogs import errors

            errors.report(self, exc)

    def _release(self) -> None:
        """Forget the material on screen: no decrypted byte of it stays referenced."""
        self.search_model.setSearchString("")
        self.results.clear()
        self.results_label.clear()
        self.document.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.deleteLater()
        self._buffer = self._bytes = None
        self._loading = False
        self.bar.set_count(0)

    # --- small helpers ----------------------------------------------------------------------
    def _row_chosen(self, current: QModelIndex, previous: QModelIndex) -> None:
        if current.isValid():
            self.open_material(self.model.entry(current.row()).name)

    def _select_row(self, row: int) -> None:
        blocker = self.list.selectionModel().blockSignals(True)
        self.list.selectRow(row)
        self.list.selectionModel().blockSignals(blocker)

    def _page_moved(self, index: int) -> None:
        self.bar.set_page(index + 1)
        self.update_controls()
        self.page_changed.emit(index + 1)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.pages.setCurrentWidget(self.message)
        self.update_controls()

    def _tell(self, text: str, error: bool = False) -> None:
        self.status.setStyleSheet(f"QLabel {{ color: {palette.ERROR}; }}" if error else "")
        self.status.setText(text)

    def update_controls(self) -> None:
        """Enable what can be used now; name the indicator a citation goes to (the scoring page's)."""
        shown = self.current_material is not None
        self.bar.set_enabled(shown, self.current_page, self.page_count)
        self.bar.cite.setEnabled(shown and self._edits is not None and self._selected_code is not None)
        self.bar.set_cite_code(self._selected_code() if self._selected_code is not None else None)
        self.search_box.setEnabled(shown)

    def showEvent(self, event: QShowEvent) -> None:
        """Shown again: the indicator selected in the scoring page may have changed meanwhile."""
        super().showEvent(event)
        self.update_controls()

    def _page_key(self, event: QKeyEvent) -> bool:
        turn = {Qt.Key.Key_PageUp: self.previous_page, Qt.Key.Key_PageDown: self.next_page}.get(
            Qt.Key(event.key())
        )
        if turn is None or not self.current_material:
            return False
        turn()
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.view
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and self._page_key(event)
        ):
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._page_key(event):
            super().keyPressEvent(event)

    def retranslate(self) -> None:
        self.list_label.setText(self.tr("Materials in the package"))
        self.search_label.setText(self.tr("Search in this material"))
        self.search_box.setPlaceholderText(self.tr("Text to find, then Enter"))
        accessible.clear_button(self.search_box, self.tr("Clear the search"))
        self.results.setAccessibleName(self.tr("Search results"))
        self.view.setAccessibleName(self.tr("Page of the material"))
        self.bar.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

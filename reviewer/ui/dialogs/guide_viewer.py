"""帮助 › 使用指南 (Help › User guide): the shipped guides in a non-modal viewer, offline.

The guide is read, parsed, rendered and its images decoded on a worker (:func:`load_guide`, run by
:class:`~reviewer.ui.tasks.Task`); the GUI thread only sets the HTML and hands the decoded images to
the document. The browser never reads a file itself (:meth:`GuideBrowser.loadResource`).

Links inside a guide (``#id``) scroll to their section; anything else is not opened (the app works
offline) and the viewer says so. A guide that is missing or cannot be read is said in the viewer,
with what to do (the typed error's message), never as a traceback.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QObject, QPoint, Qt, QTimer, QUrl
from PySide6.QtGui import QCloseEvent, QFont, QHideEvent, QImage, QResizeEvent, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reviewer import i18n
from reviewer.errors import ReviewerError
from reviewer.guides import source
from reviewer.guides.html import image_url, to_html
from reviewer.ui.fonts import FAMILY
from reviewer.ui.settings import Settings
from reviewer.ui.tasks import Executor, Task
from reviewer.ui.window_size import resize_within_screen

log = logging.getLogger(__name__)

GEOMETRY = "guide_viewer"
IMAGE_MARGIN = 72  # the browser's margins, a list's indent and the scroll bar
RESIZE_DELAY_MS = 200  # after the last resize, the guide is laid out again for the new width


@dataclass(frozen=True)
class LoadedGuide:
    guide: source.Guide
    html: str
    images: dict[str, QImage]  # by the URL the HTML shows them under
    width: int  # the widest an image is shown


def load_guide(doc: str, lang: str, width: int) -> LoadedGuide:
    """On a worker: the guide, its images decoded and scaled (smoothly) to at most ``width`` pixels,
    and its HTML. A missing image stays out: the HTML says so in its place."""
    guide = source.load(doc, lang)
    images: dict[str, QImage] = {}
    sizes: dict[Path, tuple[int, int]] = {}
    for path in guide.images:
        image = QImage(str(path))
        if image.isNull():
            log.warning("guide %s/%s: image missing or not readable: %s", lang, doc, path)
            continue
        if image.width() > width:
            image = image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
        images[image_url(path)] = image
        sizes[path] = (image.width(), image.height())
    return LoadedGuide(guide, to_html(guide, max_image_width=width, sizes=sizes), images, width)


class GuideBrowser(QTextBrowser):
    """A QTextBrowser that shows only what it was given: images from :attr:`images`, no file read."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guideBrowser")
        self.setOpenLinks(False)  # the viewer decides (internal anchors only)
        self.images: dict[str, QImage] = {}

    def loadResource(self, kind: int, url: QUrl | str) -> Any:
        if kind == QTextDocument.ResourceType.ImageResource.value:
            return self.images.get(url.toString() if isinstance(url, QUrl) else url)
        return None


def doc_order(role: str) -> list[str]:
    """The selector's order: this role's guide, its quick reference, troubleshooting, then the other
    roles' guides and quick references."""
    others = [r for r in source.ROLES if r != role]
    return [role, f"quick-{role}", "troubleshooting", *others, *(f"quick-{r}" for r in others)]


class GuideViewer(QDialog):
    """The viewer (not modal: it stays open beside the work). :meth:`show_doc` loads a guide and
    scrolls to a section; the size is remembered in ``settings`` when given."""

    def __init__(
        self,
        parent: QWidget | None,
        role: str,
        settings: Settings | None = None,
        executor: Executor | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("guideViewer")
        self.setModal(False)
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        self._settings = settings
        self._executor = executor
        self.role = role
        self.doc = role
        self.lang = i18n.language()
        self.anchor: str | None = None
        self.loaded: LoadedGuide | None = None
        self._asked = 0  # the newest load asked for: an older one arriving late is dropped
        self._resized = QTimer(self, singleShot=True, interval=RESIZE_DELAY_MS)
        self._resized.timeout.connect(self._relayout)
        self._held: tuple[int, int] | None = None  # where the reader was when a resize began
        self._showing = False
        self.doc_label = QLabel(objectName="guideDocLabel")
        self.selector = QComboBox(objectName="guideSelector")
        self.browser = GuideBrowser(self)
        self.notice = QLabel(objectName="guideNotice", wordWrap=True)
        self.notice.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        top = QHBoxLayout()
        top.addWidget(self.doc_label)
        top.addWidget(self.selector, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.notice)
        layout.addWidget(buttons)
        self.doc_label.setBuddy(self.selector)
        self.browser.anchorClicked.connect(self._link)
        # a guide is long: the bar stays, so the text never wraps anew as a page is set
        self.browser.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.browser.viewport().installEventFilter(self)
        self.selector.activated.connect(self._chosen)
        font = QFont(QApplication.font())
        font.setFamilies([QApplication.font().family(), FAMILY])
        self.browser.document().setDefaultFont(font)
        geometry = settings.geometry(GEOMETRY) if settings is not None else None
        if geometry is None or not self.restoreGeometry(geometry):
            resize_within_screen(self, 900, 680)
        self.retranslate()

    # --- what is shown ----------------------------------------------------------------------
    def set_role(self, role: str) -> None:
        if role != self.role:
            self.role = role
            self._fill_selector()

    def show_doc(self, doc: str, anchor: str | None = None) -> Task[LoadedGuide] | None:
        """Load ``doc`` in the app's language (on a worker) and scroll to ``anchor``; the same guide
        already shown only scrolls to ``anchor`` (without one, the reader keeps their place)."""
        lang = i18n.language()
        self._select(doc)
        if self.loaded is not None and (self.loaded.guide.doc, self.loaded.guide.lang) == (doc, lang):
            self.doc, self.lang = doc, lang
            if anchor is not None:
                self.anchor = anchor
                self._scroll()
            return None
        self.anchor = anchor
        self.doc, self.lang = doc, lang
        self._asked += 1
        asked = self._asked
        width = self._image_width()
        self.notice.hide()
        return (
            Task(self, lambda _p: load_guide(doc, lang, width), self._executor)
            .on_success(lambda loaded: self._loaded(asked, loaded))
            .on_failure(lambda exc: self._failed(asked, exc))
            .run()
        )

    def _image_width(self) -> int:
        """The widest an image may be shown: the browser's width (the dialog's before it is laid out)."""
        room = self.browser.viewport().width() if self.browser.isVisible() else self.width() - 40
        return max(200, room - IMAGE_MARGIN)

    def _loaded(self, asked: int, loaded: LoadedGuide, at: tuple[int, int] | None = None) -> None:
        """Show ``loaded``: at its anchor, or at ``at`` (a character and a pixel offset into its block)."""
        if asked != self._asked:
            return
        self.loaded = loaded
        self.browser.images = loaded.images
        self._showing = True  # a resize now is the browser's own, not the reader's
        try:
            self.browser.setHtml(loaded.html)
        finally:
            self._showing = False
        document = self.browser.document()
        for url, image in loaded.images.items():
            document.addResource(QTextDocument.ResourceType.ImageResource.value, QUrl(url), image)
        self.setWindowTitle(f"{loaded.guide.title} — {self.tr('User guide')}")
        if at is not None:  # the same text at the top (only the images' sizes changed)
            block = document.findBlock(at[0])
            top = document.documentLayout().blockBoundingRect(block).top()
            self.browser.verticalScrollBar().setValue(round(top) + at[1])
        else:
            self._scroll()

    def _top_position(self) -> tuple[int, int] | None:
        """Where the reader is: the character at the top of the view and how far into its block."""
        if self.loaded is None:
            return None
        position = self.browser.cursorForPosition(QPoint(0, 0)).position()
        document = self.browser.document()
        block = document.findBlock(position)
        top = document.documentLayout().blockBoundingRect(block).top()
        return position, max(0, self.browser.verticalScrollBar().value() - round(top))

    def _relayout(self) -> None:
        """The viewer was resized: the guide read again (on a worker) with its images fitted to the
        new width, where the reader was before the resize."""
        loaded, at, self._held = self.loaded, self._held, None
        width = self._image_width()
        if loaded is None or abs(width - loaded.width) < 24:
            return
        self._asked += 1
        asked = self._asked
        doc, lang = loaded.guide.doc, loaded.guide.lang
        task = Task(self, lambda _p: load_guide(doc, lang, width), self._executor)
        task.on_success(lambda again: self._loaded(asked, again, at))
        task.on_failure(lambda exc: self._failed(asked, exc)).run()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The browser about to be resized (before it wraps its text again): where the reader is."""
        if (
            watched is self.browser.viewport()
            and isinstance(event, QResizeEvent)
            and event.size().width() != event.oldSize().width()
            and not self._showing
        ):
            if self._held is None:
                self._held = self._top_position()
            self._resized.start()
        return False

    def _failed(self, asked: int, exc: BaseException) -> None:
        if asked != self._asked:
            return
        self.loaded = None
        self.browser.images = {}
        if isinstance(exc, ReviewerError):
            said = exc.message.render(self.lang)
        else:
            log.error("the guide %s/%s could not be shown", self.lang, self.doc, exc_info=exc)
            said = self.tr("The guide could not be shown. The details are in the log.")
        self.browser.setPlainText(said)
        self.setWindowTitle(self.tr("User guide"))

    def _scroll(self) -> None:
        if self.anchor and self.loaded is not None and self.anchor in self.loaded.guide.anchors:
            self.browser.scrollToAnchor(self.anchor)
        else:
            self.browser.verticalScrollBar().setValue(0)

    def _link(self, url: QUrl) -> None:
        """A link clicked: a section of this guide or of another guide; nothing else is opened."""
        target = source.link_target(url.toString())
        if target is not None:
            self.notice.hide()
            doc, anchor = target
            if doc is None or doc == self.doc:
                self.anchor = anchor
                self._scroll()
            else:
                self.show_doc(doc, anchor)
            return
        self.notice.setText(
            self.tr("Links outside the user guides are not opened: the app works offline ({url}).").format(
                url=url.toString()
            )
        )
        self.notice.show()

    # --- the selector -----------------------------------------------------------------------
    def _fill_selector(self) -> None:
        self.selector.clear()
        for doc in doc_order(self.role):
            self.selector.addItem(self._label(doc), doc)
        self._select(self.doc)

    def _label(self, doc: str) -> str:
        label = self.doc_names()[doc]
        return self.tr("{guide} (this role)").format(guide=label) if doc == self.role else label

    def doc_names(self) -> dict[str, str]:
        return {
            "expert": self.tr("Expert guide"),
            "chair": self.tr("Panel chair's guide"),
            "ministry": self.tr("Ministry desk guide"),
            "quick-expert": self.tr("Expert quick reference"),
            "quick-chair": self.tr("Panel chair's quick reference"),
            "quick-ministry": self.tr("Ministry desk quick reference"),
            "troubleshooting": self.tr("Troubleshooting"),
        }

    def _select(self, doc: str) -> None:
        index = self.selector.findData(doc)
        if index >= 0:
            self.selector.setCurrentIndex(index)

    def _chosen(self, index: int) -> None:
        doc = self.selector.itemData(index)
        if isinstance(doc, str) and doc != self.doc:
            self.show_doc(doc)

    # --- language and size ------------------------------------------------------------------
    def retranslate(self) -> None:
        self.doc_label.setText(self.tr("&Document:"))
        self.browser.setAccessibleName(self.tr("User guide"))
        self._fill_selector()
        if self.loaded is None:
            self.setWindowTitle(self.tr("User guide"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            if self.isVisible() and i18n.language() != self.lang:
                self.show_doc(self.doc, self.anchor)  # the same guide in the new language
        super().changeEvent(event)

    def _remember(self) -> None:
        if self._settings is not None:
            self._settings.set_geometry(GEOMETRY, QByteArray(self.saveGeometry()))

    def hideEvent(self, event: QHideEvent) -> None:
        self._remember()
        super().hideEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._remember()
        super().closeEvent(event)

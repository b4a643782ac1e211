"""The indicator's description (its score levels, 评分档次) over the boxes where it is scored.

A vertical splitter: the description on top, the score, comment and evidence below in a scroll area.
Until the person drags the handle, each resize gives the boxes below all they need when the window is
tall enough, and never less than :data:`DETAILS_SHARE` of the height to the description otherwise (the
boxes below then scroll, and follow the focus). So the rubric stays readable at 1024×700. The boxes
below never scroll sideways (the pane is never narrower than they need), and :meth:`DetailsSplit.to_top`
shows their top again when another item is shown.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QSplitter, QStyle, QVBoxLayout, QWidget

DETAILS_SHARE = 0.6  # of the height, at least, for the description when not everything fits
MIN_PANE = 110  # pixels: neither side is squeezed below this


class _Lower(QScrollArea):
    """A scroll area as wide as what it holds asks (Qt's own hint is wider, and would take the width
    from the indicator tree beside), and never narrower than what it holds needs with its vertical
    scroll bar beside: it scrolls up and down only, so the focus moving into it (Qt scrolls to the
    focused field) can never shift the content sideways and hide the start of its titles."""

    def sizeHint(self) -> QSize:
        inner = self.widget()
        return inner.sizeHint() if inner is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        inner = self.widget()
        if inner is None:
            return hint
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        frame = 2 * self.frameWidth()
        return QSize(max(hint.width(), inner.minimumSizeHint().width() + bar + frame), hint.height())


class DetailsSplit(QSplitter):
    def __init__(self, details: QWidget, below: list[QWidget], parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.setObjectName("detailsSplit")
        self.setChildrenCollapsible(False)
        self.details = details
        self.below_widget = QWidget(objectName="detailsSplitLower")
        layout = QVBoxLayout(self.below_widget)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in below:
            layout.addWidget(widget)
        layout.addStretch(1)
        self.scroller = _Lower(objectName="detailsSplitScroll", widgetResizable=True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no Tab stop of its own: it follows the fields
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroller.setWidget(self.below_widget)
        details.setMinimumHeight(MIN_PANE)
        self.scroller.setMinimumHeight(MIN_PANE)
        self.addWidget(details)
        self.addWidget(self.scroller)
        self.setStretchFactor(0, 1)
        self.setStretchFactor(1, 0)
        self.dragged = False
        self.splitterMoved.connect(self._dragged)

    def _dragged(self, *_: object) -> None:
        self.dragged = True

    def to_top(self) -> None:
        """Show the top of the boxes below (another indicator opens at its score, not where the last
        one was scrolled to)."""
        self.scroller.verticalScrollBar().setValue(0)
        self.scroller.horizontalScrollBar().setValue(0)

    def fit(self) -> None:
        """Share the height as the module says (unless the person has dragged the handle)."""
        if self.dragged:
            return
        total = self.height() - self.handleWidth()
        if total <= 2 * MIN_PANE:
            return
        needed = self.below_widget.sizeHint().height()
        top = max(int(total * DETAILS_SHARE), total - needed)
        self.blockSignals(True)
        self.setSizes([top, total - top])
        self.blockSignals(False)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

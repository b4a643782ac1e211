"""A page that scrolls up and down rather than grow: its content in a vertical-only scroll area.

A tab's minimum height is the tallest of its pages', and the main window's follows; a page with a
long form inside :func:`scroll_vertically` asks for almost no height, so the window still fits a
700 px screen (1024×700, the smallest supported) and the form scrolls when it must.
:func:`reveal` scrolls such a page to one of its widgets (an outcome the person must see).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget


def scroll_vertically(page: QWidget, name: str) -> QWidget:
    """Fill ``page`` with a scroll area (no frame, never sideways) and return the widget to lay the
    page's content on (named ``name``)."""
    content = QWidget(objectName=name)
    scroll = QScrollArea(objectName=f"{name}Scroll", widgetResizable=True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    # no Tab stop of its own: Tab goes to the fields, and the area scrolls to the one that has focus
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    scroll.setWidget(content)
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(scroll)
    return content


def reveal(widget: QWidget, margin: int = 50) -> None:
    """Scroll every scroll area ``widget`` is in so that it is in view, with ``margin`` pixels of
    what is around it (Qt scrolls to a field that Tab reaches, not to one the program shows or gives
    the focus)."""
    ancestor = widget.parentWidget()
    while ancestor is not None:
        if isinstance(ancestor, QScrollArea):
            inner = ancestor.widget()
            layout = inner.layout() if inner is not None else None
            if layout is not None:
                layout.activate()  # a widget just shown or filled: where it will be, not where it was
            ancestor.ensureWidgetVisible(widget, margin, margin)
        ancestor = ancestor.parentWidget()

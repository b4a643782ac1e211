"""A page that scrolls up and down rather than grow: its content in a vertical-only scroll area.

A tab's minimum height is the tallest of its pages', and the main window's follows; a page with a
long form inside :func:`scroll_vertically` asks for almost no height, so the window still fits a
700 px screen (1024×700, the smallest supported) and the form scrolls when it must.
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

"""Driving the expert's window as a person does: mouse clicks on rows, typing, pauses, Ctrl+Z."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QCheckBox, QRadioButton, QWidget

from reviewer.demo.package import DEMO_PASSPHRASE
from reviewer.ui.panels.review_workspace import ReviewWorkspace
from reviewer.ui.panels.score_editor import COMMENT_DELAY_MS
from reviewer.ui.panels.scoring_panel import SCRATCH_DELAY_MS

PAUSE_MS = max(COMMENT_DELAY_MS, SCRATCH_DELAY_MS) + 400  # longer than every debounce


def open_window(make_window, demo_world, qtbot, **kwargs):  # type: ignore[no-untyped-def]
    """The real main window on the demo package as the first expert, shown and active."""
    window = make_window(
        open_file=demo_world.package, identity_dir=demo_world.expert, passphrase=DEMO_PASSPHRASE, **kwargs
    )
    qtbot.waitUntil(lambda: window.package_panel.workspace is not None, timeout=30000)
    ws = window.package_panel.workspace
    window.package_panel.tabs.setCurrentWidget(ws)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    return window, ws


def click(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    """A mouse click: on a check box or radio button, on its box; elsewhere, in the middle."""
    pos = widget.rect().center()
    if isinstance(widget, QCheckBox | QRadioButton):
        pos = QPoint(8, widget.height() // 2)
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos)


def click_row(qtbot, ws: ReviewWorkspace, code: str) -> None:  # type: ignore[no-untyped-def]
    """A mouse click on indicator ``code`` in the scoring tree."""
    tree = ws.scoring.tree
    index = ws.scoring.model.index_of(code)
    tree.scrollTo(index)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(index).center())


def click_page(qtbot, ws: ReviewWorkspace, key: str) -> None:  # type: ignore[no-untyped-def]
    """A mouse click on a page in the workspace's navigation."""
    nav = ws.nav
    item = nav.item(ws._keys.index(key))
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=nav.visualItemRect(item).center())


def commit(widget: QWidget, text: str) -> None:
    """Text as a Chinese input method commits it (QTest cannot type non-ASCII keys)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def declare_by_mouse(qtbot, ws: ReviewWorkspace) -> None:  # type: ignore[no-untyped-def]
    click_page(qtbot, ws, "declarations")
    page = ws.declarations_page
    click(qtbot, page.no_conflict)
    click(qtbot, page.accept)
    click(qtbot, page.confirm)
    qtbot.waitUntil(lambda: ws.state.declaration.complete and ws.pending == 0, timeout=10000)


def ctrl_z(qtbot, widget: QWidget, *, shift: bool = False) -> None:  # type: ignore[no-untyped-def]
    mods = Qt.KeyboardModifier.ControlModifier
    if shift:
        mods |= Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(widget, Qt.Key.Key_Z, mods)

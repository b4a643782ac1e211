"""Every text a person sees in a window, with where it is: for the tests that the UI speaks one
language (tests/ui/test_one_language.py)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QStackedWidget,
    QTabBar,
    QTextEdit,
    QWidget,
    QWizard,
    QWizardPage,
)


@dataclass(frozen=True)
class Shown:
    where: str  # the widget's objectName (else its class), and the path to it
    kind: str  # "text", "tooltip", "placeholder", "title", "header", "item", ...
    text: str

    def __str__(self) -> str:
        return f"{self.where} [{self.kind}]: {self.text!r}"


def _name(w: QWidget) -> str:
    return w.objectName() or type(w).__name__


def _plain(text: str) -> str:
    if "<" in text and ">" in text:
        return QTextDocumentFragment.fromHtml(text).toPlainText()
    return text


def _columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    try:
        return model.columnCount(parent)
    except TypeError:  # a list model's columnCount is private to Python: one column
        return 1


def _rows(model: QAbstractItemModel, parent: QModelIndex) -> int:
    try:
        return model.rowCount(parent)
    except TypeError:  # private to Python in a table or list model: only the root has rows
        return 0 if parent.isValid() else model.rowCount()


def _headers(model: QAbstractItemModel) -> Iterator[tuple[str, str]]:
    for section in range(_columns(model, QModelIndex())):
        for role, kind in (
            (Qt.ItemDataRole.DisplayRole, "header"),
            (Qt.ItemDataRole.ToolTipRole, "header tip"),
        ):
            value = model.headerData(section, Qt.Orientation.Horizontal, role)
            if isinstance(value, str):
                yield kind, value


def _cells(model: QAbstractItemModel, parent: QModelIndex | None = None, depth: int = 0) -> Iterator[str]:
    parent = parent or QModelIndex()
    for row in range(min(_rows(model, parent), 200)):
        for column in range(_columns(model, parent)):
            index = model.index(row, column, parent)
            value = index.data(Qt.ItemDataRole.DisplayRole)
            if isinstance(value, str):
                yield value
            tip = index.data(Qt.ItemDataRole.ToolTipRole)
            if isinstance(tip, str):
                yield tip
        if depth < 4 and _rows(model, model.index(row, 0, parent)):
            yield from _cells(model, model.index(row, 0, parent), depth + 1)


def _own_texts(w: QWidget) -> Iterator[tuple[str, str]]:
    if w.isWindow() and w.windowTitle():
        yield "window title", w.windowTitle()
    if w.toolTip():
        yield "tooltip", w.toolTip()
    if isinstance(w, QLabel | QAbstractButton):
        yield "text", w.text()
    if isinstance(w, QGroupBox):
        yield "title", w.title()
    if isinstance(w, QLineEdit | QPlainTextEdit | QTextEdit):
        yield "placeholder", w.placeholderText()
    if isinstance(w, QTabBar):
        for i in range(w.count()):
            yield "tab", w.tabText(i)
            yield "tab tip", w.tabToolTip(i)
    if isinstance(w, QComboBox):
        for i in range(w.count()):
            yield "combo item", w.itemText(i)
    if isinstance(w, QMenu):
        yield "menu", w.title()
        for action in w.actions():
            yield "action", action.text()
            if action.toolTip() != action.text().replace("&", ""):
                yield "action tip", action.toolTip()
    if isinstance(w, QAbstractItemView) and w.model() is not None:
        yield from _headers(w.model())
    if isinstance(w, QWizardPage):  # shown in the wizard's header when the page is
        yield "page title", w.title()
        yield "page subtitle", w.subTitle()
    if isinstance(w, QWizard):  # each button, also those the current page hides
        for button in (
            QWizard.WizardButton.BackButton,
            QWizard.WizardButton.NextButton,
            QWizard.WizardButton.CommitButton,
            QWizard.WizardButton.FinishButton,
            QWizard.WizardButton.CancelButton,
        ):
            yield "wizard button", w.buttonText(button)


def shown_texts(window: QWidget, cells: bool = False) -> list[Shown]:
    """Texts of ``window`` and every widget under it that is not hidden, counting every page of a
    stack or tab as shown (a person gets there with one click). ``cells``: also every item view's
    cells (the data of a list or table, which in Chinese must be Chinese too)."""
    found: list[Shown] = []

    def walk(w: QWidget, path: str) -> None:
        where = f"{path}/{_name(w)}" if path else _name(w)
        for kind, text in _own_texts(w):
            if text and text.strip():
                found.append(Shown(where, kind, _plain(text)))
        if (
            cells
            and isinstance(w, QAbstractItemView)
            and not isinstance(w, QHeaderView)
            and w.model() is not None
        ):
            found.extend(Shown(where, "cell", t) for t in _cells(w.model()) if t.strip())
        for child in w.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
            if child.isHidden() and not isinstance(w, QStackedWidget):
                continue
            walk(child, where)

    walk(window, "")
    if isinstance(window, QMainWindow):
        menus = [a.menu() for a in window.menuBar().actions() if a.menu() is not None]
        while menus:
            menu = menus.pop()
            walk(menu, _name(window))
            menus.extend(a.menu() for a in menu.actions() if a.menu() is not None)
    return found


# A Latin word is left in English unless it is a code or a name: all capitals (PDF, SHA, UTC), with a
# digit, dot, slash, hyphen, underscore or @ (P-1, 1.1, demo.rvpkg, wang-kun), a key name, or one of
# the product names below.
_WORD = re.compile(r"[A-Za-z0-9_.\-/@:+]*[A-Za-z][A-Za-z0-9_.\-/@:+]*")
_ALLOWED = {
    "Ctrl",
    "Alt",
    "Shift",
    "Enter",
    "Return",
    "Tab",
    "Esc",
    "Del",
    "Backspace",
    "Space",
    "PgUp",
    "PgDn",
    "PgDown",  # Qt's own name for the key (QKeySequence's native text)
    "Home",
    "End",
    "English",
    "PostgreSQL",
    "SQLite",
    "Qt",
    "PySide",
    "Python",
    "QtPdf",
    "macOS",
    "Windows",
    "Linux",
    "Unicode",
    "KiB",
    "MiB",
    "GiB",
    "keyring",
    "Noto",
    "Sans",
    "CJK",
    "SC",
    "Adobe",
    "Acrobat",
}
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff5e]")


def english_words(text: str) -> list[str]:
    words = []
    for token in _WORD.findall(text):
        token = token.rstrip(".:/-+")
        if len(token) < 2 or token.isupper() or token in _ALLOWED:
            continue
        if re.search(r"[0-9_.\-/@:+]", token):
            continue
        words.append(token)
    return words


def has_chinese(text: str) -> bool:
    return bool(_CJK.search(text))

"""Every control a person can Tab to has an accessible name, in every role's screens and dialogs.

A screen reader says a control's name when it takes focus: Qt derives it from a button's text, from
the label whose buddy the field is, or takes what ``setAccessibleName`` gave. The walk fails on every
control that would be announced without a name, listing where it is.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QToolButton,
    QWidget,
)

from reviewer.demo.package import DEMO_PASSPHRASE
from reviewer.standards.panel_rules import load_panel_rules
from reviewer.ui.dialogs import cosign, member_vote, passphrase
from reviewer.ui.dialogs.first_run import FirstRunWizard
from reviewer.ui.panels.chair_decisions import ConsensusDialog, ExplanationDialog, ReturnDialog
from reviewer.ui.panels.ministry import asks
from reviewer.ui.settings import Settings
from reviewer.ui.tasks import ImmediateExecutor

pytestmark = pytest.mark.slow


def _where(widget: QWidget) -> str:
    chain = []
    w: QWidget | None = widget
    while w is not None:
        chain.append(f"{type(w).__name__}({w.objectName() or '-'})")
        w = w.parentWidget()
    return " < ".join(chain)


def _inner_part(widget: QWidget) -> bool:
    """A part of a composite control that is announced as the control (a spin box's line edit, a
    scroll area's viewport): the control itself is walked instead."""
    parent = widget.parentWidget()
    if parent is None:
        return False
    if parent.focusProxy() is widget:
        return True
    if isinstance(parent, QAbstractSpinBox) and parent.lineEdit() is widget:
        return True
    return isinstance(parent, QAbstractScrollArea) and parent.viewport() is widget


def accessible_name(widget: QWidget, buddies: dict[int, str]) -> str:
    """The name a screen reader says. A combo box's own text is its current choice (its value, not
    what it is for): it needs a name of its own or a label (``buddies``: label text by field id,
    which Qt exposes as the box's label relation). A lone symbol ("+", "−") names nothing."""
    iface = QAccessible.queryAccessibleInterface(widget)
    name = iface.text(QAccessible.Text.Name).strip() if iface is not None else ""
    if isinstance(widget, QComboBox) and not widget.accessibleName():
        name = buddies.get(id(widget), "").strip()
    return name if any(c.isalnum() for c in name) else ""


def unnamed(root: QWidget, shown_only: bool = False) -> list[str]:
    """Every widget under ``root`` (itself included) that takes Tab focus and has no accessible name:
    hidden ones too (a page not shown yet, a button shown in one state only) unless ``shown_only``
    (a dialog on screen shows all it will: what it hides is never used)."""
    widgets = [root, *root.findChildren(QWidget)]
    buddies = {id(w.buddy()): w.text() for w in widgets if isinstance(w, QLabel) and w.buddy() is not None}
    out: list[str] = []
    fields: dict[tuple[int, str], list[QWidget]] = {}
    for w in widgets:
        if not (w.focusPolicy() & Qt.FocusPolicy.TabFocus) or _inner_part(w):
            continue
        if w.window() is not root.window():  # a combo box's popup list, a dialog: walked on its own
            continue
        if shown_only and not w.isVisible():
            continue
        name = accessible_name(w, buddies)
        if not name:
            out.append(_where(w))
        elif not isinstance(w, QAbstractButton):
            fields.setdefault((id(w.parentWidget()), name), []).append(w)
    for same in fields.values():  # fields side by side called alike: named by their box's title, say
        if len(same) > 1:
            out += [_where(w) + "  (the same name as the field beside it)" for w in same]
    return out


def build_every_page(workspace) -> None:
    """The workspace builds a page when it is first shown: build them all, to walk them."""
    for key in list(workspace.pages.keys):
        workspace.page(key)


def assert_all_named(root: QWidget) -> None:
    offenders = unnamed(root)
    assert not offenders, f"{len(offenders)} focusable controls without a name:\n" + "\n".join(offenders)


def modal_seen(action) -> list[str]:
    """Run ``action`` (which opens a modal Qt dialog and waits), walk the dialog, then close it."""
    found: list[list[str]] = []

    def inspect() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, inspect)
            return
        found.append(unnamed(dialog, shown_only=True))
        dialog.reject()

    QTimer.singleShot(0, inspect)
    action()
    assert found, "no dialog was shown"
    return found[0]


def test_the_walk_fails_on_a_field_without_a_name(qtbot) -> None:
    from PySide6.QtWidgets import QLineEdit, QVBoxLayout

    box = QWidget()
    qtbot.addWidget(box)
    label, field = QLabel("Name", box), QLineEdit(box, objectName="nameField")
    QVBoxLayout(box).addWidget(field)
    assert any("QLineEdit(nameField)" in o for o in unnamed(box))
    label.setBuddy(field)
    assert unnamed(box) == []


def test_a_combo_box_is_not_named_by_its_choice_nor_a_button_by_a_symbol(qtbot) -> None:
    from PySide6.QtWidgets import QComboBox, QToolButton

    box = QWidget()
    qtbot.addWidget(box)
    choice = QComboBox(box, objectName="answer")
    choice.addItems(["Yes", "No"])
    zoom = QToolButton(box, objectName="zoomIn", text="+")
    zoom.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    assert [o.split(" <")[0] for o in unnamed(box)] == ["QComboBox(answer)", "QToolButton(zoomIn)"]
    QLabel("V1 Veto", box).setBuddy(choice)
    zoom.setAccessibleName("Zoom in")
    assert unnamed(box) == []


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_start_page_and_standard_browser(make_window, lang) -> None:
    window = make_window(lang=lang)
    assert_all_named(window)


def test_expert_workspace(make_window, demo_world, shown_errors) -> None:
    window = make_window(
        open_file=demo_world.package, identity_dir=demo_world.expert, passphrase=DEMO_PASSPHRASE, lang="zh_CN"
    )
    workspace = window.package_panel.workspace
    assert workspace is not None
    build_every_page(workspace)
    assert {"declarations", "scoring", "checks", "materials", "site_visit", "finalise"} <= set(
        workspace.pages.keys
    )
    assert_all_named(window)
    viewer = workspace.page("materials")
    (clear,) = viewer.search_box.findChildren(QToolButton)  # the search field's clear button: an icon
    assert clear.toolTip() == "清除搜索" and accessible_name(clear, {}) == "清除搜索"
    window.language_actions["en"].trigger()
    assert_all_named(window)
    assert workspace.nav.accessibleName() == "Steps of the review"  # names follow the language
    assert clear.toolTip() == "Clear the search"


def test_chair_panel(make_window, chair_world, shown_errors) -> None:
    window = make_window(
        open_file=chair_world.package,
        identity_dir=chair_world.chair,
        passphrase=DEMO_PASSPHRASE,
        lang="zh_CN",
    )
    assert window.package_panel.chair is not None
    if window.package_panel.workspace is not None:  # the chair scores too
        build_every_page(window.package_panel.workspace)
    assert_all_named(window)


def test_chair_dialogs(qtbot, make_window, chair_world) -> None:
    window = make_window(lang="zh_CN")
    standard = chair_world.binding.require_standard()
    code = standard.leaves()[0].code
    for dialog in (
        ConsensusDialog(window, standard, code, None, None, load_panel_rules().grounds),
        member_vote.MemberVoteDialog(
            window,
            "李哲",
            [member_vote.ChangeShown(code, "标题", "6.33", "5.00", "畸高畸低", "理由")],
            "专家组意见",
        ),
        ExplanationDialog(window, "李哲", code, "3"),
        ReturnDialog(window, standard, "李哲", [code]),
    ):
        qtbot.addWidget(dialog)
        assert_all_named(dialog)


def test_ministry_desk(qtbot, make_window, tmp_path) -> None:
    from tests.export.bundle_world import build_bundle_world
    from tests.export.conftest import PASSPHRASE
    from tests.ui.test_ministry_desk import open_panel

    window = make_window(lang="zh_CN")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
        world = build_bundle_world(tmp_path / "world")
    authdir = tmp_path / "authority"
    shutil.copytree(world.authority.path, authdir)
    panel = open_panel(window, authdir, f"sqlite:///{tmp_path / 'registry.sqlite3'}", PASSPHRASE)
    qtbot.addWidget(panel)
    try:
        assert_all_named(panel)
    finally:
        panel.close_desk()


def test_first_run_wizard(qtbot, data_dir: Path) -> None:
    wizard = FirstRunWizard(Settings(data_dir), ImmediateExecutor())
    qtbot.addWidget(wizard)
    wizard.show()
    assert_all_named(wizard)


def test_passphrase_and_cosign_dialogs(make_window) -> None:
    window = make_window(lang="zh_CN")
    assert modal_seen(lambda: passphrase.ask_passphrase(window, "李哲")) == []
    assert modal_seen(lambda: cosign.ask_member_passphrase(window, "李哲")) == []
    assert modal_seen(lambda: cosign.ask_reopen_reason(window, "李哲")) == []
    assert modal_seen(lambda: asks.reason(window, "吊销", "吊销的理由：")) == []
    assert modal_seen(lambda: asks.passphrase(window, "工业和信息化部")) == []


def test_about(make_window) -> None:
    window = make_window(lang="zh_CN")
    assert modal_seen(window.about_action.trigger) == []

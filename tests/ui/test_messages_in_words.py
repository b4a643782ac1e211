"""Messages in the app say what to do in the app's words: no command-line options, no field names
of the decisions file (the CLI keeps both: they are what its user types and edits)."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt

from reviewer import i18n
from reviewer.scoring.decisions_io import DecisionsInvalid
from reviewer.ui.dialogs import passphrase as passphrase_dialogs
from tests.ui.test_chair import open_as_chair
from tests.ui.test_chair_record import GOOD

INTERNALS = re.compile(
    r"--[a-z]|\b[a-z_]+\.[a-z_]+\b|（[a-z_]+）|\([a-z_]+\)"
)  # --flag, opinion.conclusion, (visit)


def test_a_mistyped_passphrase_is_said_without_command_line_advice(
    make_window, demo_world, shown_errors, monkeypatch
) -> None:
    monkeypatch.setattr(passphrase_dialogs, "ask_passphrase", lambda parent, who: None)  # asked again: cancel
    window = make_window(
        open_file=demo_world.package,
        identity_dir=demo_world.expert,
        passphrase="not the passphrase",
        lang="zh_CN",
    )
    (said,) = shown_errors
    assert said == "身份“李喆”的口令不正确，无法解锁私钥。请检查口令后重试。"
    assert not INTERNALS.search(said), said
    assert window.package_panel.review is None


def test_a_blank_conclusion_names_the_field_as_the_screen_does(
    qtbot, make_window, chair_world, shown_errors
) -> None:
    _, chair = open_as_chair(make_window, chair_world, lang="zh_CN")
    editor = chair.opinion
    editor.strengths.setPlainText("产业集聚明显")
    editor.conclusion.setPlainText("   ")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    said = "\n".join(shown_errors) or chair.opinion.saved_label.text()
    assert "专家组意见的“评审结论意见”不能为空" in said, said
    assert not INTERNALS.search(said), said
    assert chair.decisions.opinion is None


def test_the_record_without_a_visit_says_where_to_enter_it(
    qtbot, make_window, chair_world, shown_errors
) -> None:
    """The chair asks for the record before entering the visit: told the page, not "(visit)"."""
    _, chair = open_as_chair(make_window, chair_world, lang="zh_CN")
    chair.import_files([chair_world.sheets[s] for s in GOOD])
    o = chair.opinion
    o.strengths.setPlainText("园区软件产业集聚度高。")
    o.problems.setPlainText("研发投入强度仍偏低。")
    o.recommendations.setPlainText("加强软件人才培养。")
    o.conclusion.setPlainText("专家组同意示例软件园通过评审。")
    qtbot.mouseClick(o.save_button, Qt.MouseButton.LeftButton)
    assert chair.decisions.opinion is not None and chair.decisions.visit is None
    qtbot.mouseClick(chair.record.produce_button, Qt.MouseButton.LeftButton)
    said = "\n".join(shown_errors) or chair.record.status.text()
    assert "尚未填写实地考察的日期和地点：请在“实地考察”中填写并保存。" in said, said
    assert not INTERNALS.search(said), said


def test_the_command_line_keeps_the_field_and_the_flag() -> None:
    i18n.set_in_app(False)
    exc = DecisionsInvalid("opinion.conclusion", i18n.T("不能为空", "must not be blank"))
    assert exc.message.render("zh_CN") == "组长决定无效：opinion.conclusion：不能为空"
    i18n.set_in_app(True)
    assert exc.message.render("zh_CN") == "组长的决定有误：专家组意见的“评审结论意见”不能为空。"

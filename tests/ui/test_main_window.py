"""The main window on the sample park standard: what a person sees and can do."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QMimeData, QModelIndex, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from reviewer.standards.model import Criterion
from reviewer.ui.models.criteria_model import TITLE


def count_leaves(model, parent=QModelIndex()) -> int:  # noqa: B008
    total = 0
    for row in range(model.rowCount(parent)):
        child = model.index(row, 0, parent)
        total += 1 if model.rowCount(child) == 0 else count_leaves(model, child)
    return total


def test_opens_the_sample_park_standard(make_window, park_standard_path, shown_errors) -> None:
    window = make_window(open_file=park_standard_path, lang="zh_CN")
    panel = window.browser.criteria
    assert window.pages.currentWidget() is window.browser
    assert panel.criteria_model.rowCount() == 6
    assert count_leaves(panel.criteria_model) == 19
    assert panel.tree.model() is panel.criteria_model
    assert "100" in panel.header.totals.text()
    assert "满分 100 分" in panel.header.totals.text()
    assert panel.header.title.text() == "【样例】中国软件名园创建评审指标体系"
    assert not panel.header.sample_badge.isHidden()
    assert panel.header.sample_badge.text() == "样例"
    assert "SAMPLE-PARK-CREATION" in panel.header.identity.text()
    assert "创建评审" in panel.header.identity.text() and "名园" in panel.header.identity.text()
    assert panel.tabs.tabText(1) == "是/否项（1）"
    assert panel.tabs.tabText(2) == "资格条件（5）"
    assert shown_errors == []


def test_sample_badge_hidden_for_a_standard_that_is_not_a_sample(
    make_window, park_standard_path, tmp_path
) -> None:
    doc = json.loads(park_standard_path.read_text(encoding="utf-8"))
    doc["sample"] = False
    official = tmp_path / "official.json"
    official.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    window = make_window(open_file=official, lang="en")
    assert window.browser.criteria.header.sample_badge.isHidden()


def test_selecting_1_1_shows_guidance_and_levels(make_window, park_standard_path) -> None:
    window = make_window(open_file=park_standard_path, lang="zh_CN")
    assert window.browser.criteria.select_code("1.1")
    details = window.browser.details
    assert isinstance(details.item, Criterion) and details.item.code == "1.1"
    text = details.toPlainText()
    assert "达到标杆收入得满分；低于标杆按比例计分。" in text  # guidance
    assert "6.5–8" in text and "优：全面达到或超过标杆，证据充分" in text  # a level descriptor
    assert "0–1.5" in text and "差：明显不足或缺少证据" in text
    assert "评分步长" in text and "0.5" in text
    assert "文档审查" in text  # evidence method, translated


def test_selecting_a_level1_indicator_shows_its_minimum_and_children(make_window, park_standard_path) -> None:
    window = make_window(open_file=park_standard_path, lang="en")
    window.browser.criteria.select_code("1")
    text = window.browser.details.toPlainText()
    assert "Minimum\n15\n" in text  # the default share, 60 %, of 25 points
    assert "Sub-indicators" in text
    assert "1.5 Growth over three years (3)" in text


def test_selecting_the_veto_item_shows_its_effect(make_window, park_standard_path, qtbot) -> None:
    window = make_window(open_file=park_standard_path, lang="zh_CN")
    panel = window.browser.criteria
    panel.tabs.setCurrentWidget(panel.yes_no_view)
    panel.yes_no_view.selectRow(0)
    text = window.browser.details.toPlainText()
    assert "材料真实性" in text and "一票否决" in text and "实地考察" in text


def test_switching_to_english_is_live_and_remembered(make_window, park_standard_path, monkeypatch) -> None:
    monkeypatch.delenv("REVIEWER_LANG")
    window = make_window(open_file=park_standard_path)  # nothing chosen yet: Chinese first
    model = window.browser.criteria.criteria_model
    assert window.file_menu.title() == "文件(&F)"
    assert model.data(model.index(0, TITLE)) == "产业规模与集聚"
    assert window.language_actions["zh_CN"].isChecked()

    window.language_actions["en"].trigger()

    assert window.file_menu.title() == "&File"
    assert window.help_menu.title() == "&Help"
    assert window.open_action.text() == "&Open standard…"
    assert model.data(model.index(0, TITLE)) == "Industry scale and clustering"
    assert model.headerData(TITLE, Qt.Orientation.Horizontal) == "Indicator"
    assert window.browser.criteria.header.sample_badge.text() == "SAMPLE"
    assert window.language_actions["en"].isChecked()
    window.close()

    again = make_window()
    assert again.file_menu.title() == "&File"
    assert again.language.current == "en"


def test_switching_language_changes_core_messages(make_window, park_standard_path) -> None:
    window = make_window(open_file=park_standard_path, lang="en")
    window.language_actions["zh_CN"].trigger()
    from reviewer import i18n

    assert i18n.language() == "zh_CN"
    window.browser.criteria.select_code("1.1")
    assert "评分说明" in window.browser.details.toPlainText()


def test_geometry_is_remembered(make_window) -> None:
    window = make_window(lang="en")
    window.show()
    window.resize(610, 430)  # the offscreen screen is 800 x 600
    window.close()
    again = make_window(lang="en")
    assert (again.width(), again.height()) == (610, 430)


def test_the_first_window_fits_a_small_screen(make_window) -> None:
    """No remembered size: the default (1200 x 760) is cut to the screen, so nothing is off it."""
    window = make_window(lang="en")
    room = window.screen().availableGeometry()
    assert room.width() < 1200  # the offscreen screen is 800 x 800
    assert window.width() <= room.width() and window.height() <= room.height()
    assert room.contains(window.frameGeometry().topLeft())


def test_an_invalid_standard_reaches_the_error_path(
    make_window, park_standard_path, tmp_path, shown_errors
) -> None:
    doc = json.loads(park_standard_path.read_text(encoding="utf-8"))
    doc["criteria"][0]["children"][0]["points"] = 9  # 1.1..1.5 now sum to 26, not 25
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")

    window = make_window(open_file=broken, lang="en")

    assert len(shown_errors) == 1
    assert "criterion 1: its children's points sum to 26, not to its points 25" in shown_errors[0]
    assert "broken.json" in shown_errors[0]
    assert window.pages.currentWidget() is window.welcome
    assert window.settings.recent_standards() == []


def test_error_messages_follow_the_ui_language(
    make_window, park_standard_path, tmp_path, shown_errors
) -> None:
    doc = json.loads(park_standard_path.read_text(encoding="utf-8"))
    doc["criteria"][0]["children"][0]["points"] = 9
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    make_window(open_file=broken, lang="zh_CN")
    assert "指标 1：下级指标分值之和 26 不等于本级分值 25" in shown_errors[0]


def test_a_missing_file_is_reported(make_window, tmp_path, shown_errors) -> None:
    make_window(open_file=tmp_path / "nowhere.json", lang="en")
    assert "Cannot read the standard file" in shown_errors[0]


def test_open_action_uses_the_file_chooser_and_remembers_recent(
    make_window, park_standard_path, monkeypatch
) -> None:
    from reviewer.ui.dialogs import files

    monkeypatch.setattr(files, "choose_standard_file", lambda parent, start="": park_standard_path)
    window = make_window(lang="en")
    assert window.pages.currentWidget() is window.welcome
    window.open_action.trigger()
    assert window.browser.standard is not None and window.browser.standard.id == "SAMPLE-PARK-CREATION"
    assert window.settings.recent_standards() == [str(park_standard_path.resolve())]
    window._fill_recent()
    texts = [a.text() for a in window.recent_menu.actions()]
    assert any(str(park_standard_path.resolve()) in t for t in texts)


def test_dropping_a_json_standard_opens_it(make_window, park_standard_path) -> None:
    window = make_window(lang="en")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(park_standard_path))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    assert window.browser.standard is not None
    assert window.browser.criteria.criteria_model.rowCount() == 6


def test_loading_runs_in_the_background(qtbot, park_standard_path) -> None:
    """With the real thread pool the window returns at once and shows the standard when ready."""
    from reviewer.ui.app import create_main_window

    window = create_main_window(lang="en")
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.standard_opened, timeout=10_000) as blocker:
        window.open_standard(Path(park_standard_path))
    assert blocker.args[0].id == "SAMPLE-PARK-CREATION"
    assert window.browser.criteria.criteria_model.rowCount() == 6

"""帮助 › 使用指南 (F1) and the pages' 「帮助」 buttons: the in-app viewer opens the guide of the
window's role in the app's language, at the section asked, and says what is wrong when a guide is
missing. Small guides in a tmp folder (tests.guides.sample) stand in for the shipped ones; the
shipped ones are opened too once they exist."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QPushButton

from reviewer.demo.package import DEMO_PASSPHRASE
from reviewer.guides import source
from reviewer.ui.dialogs.guide_viewer import GuideViewer
from reviewer.ui.guide_help import GuideHelp
from tests.guides.sample import TITLES, png, write_guides
from tests.ui.expert_typing import click, open_window

F1 = Qt.Key.Key_F1


@pytest.fixture
def guides(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = write_guides(tmp_path / "guides")
    monkeypatch.setattr(source, "guides_root", lambda: root)
    return root


def press_f1(qtbot, window) -> GuideViewer:
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    qtbot.keyClick(window.focusWidget() or window, F1)
    viewer = window.findChild(GuideHelp, "guideHelp").viewer
    assert viewer is not None
    qtbot.waitUntil(lambda: viewer.loaded is not None)
    return viewer


def shown(qtbot, viewer: GuideViewer | None, doc: str, lang: str) -> GuideViewer:
    """``viewer`` once it shows ``doc`` in ``lang``."""
    assert viewer is not None

    def loaded() -> bool:
        return viewer.loaded is not None and (viewer.loaded.guide.doc, viewer.loaded.guide.lang) == (
            doc,
            lang,
        )

    qtbot.waitUntil(loaded)
    return viewer


def section_top(viewer: GuideViewer, anchor: str) -> int:
    """Where the section ``anchor`` begins, in the browser's scroll coordinates."""
    document = viewer.browser.document()
    block = document.begin()
    while block.isValid():
        fragment = block.begin()
        while not fragment.atEnd():
            if anchor in fragment.fragment().charFormat().anchorNames():
                return int(document.documentLayout().blockBoundingRect(block).top())
            fragment += 1
        block = block.next()
    raise AssertionError(f"no anchor {anchor} in the document")


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_f1_on_the_start_page_opens_the_expert_guide_in_the_app_language(
    qtbot, make_window, guides: Path, lang: str
) -> None:
    window = make_window(lang=lang)
    viewer = press_f1(qtbot, window)
    assert (viewer.loaded.guide.doc, viewer.loaded.guide.lang) == ("expert", lang)
    assert not viewer.isModal() and viewer.isVisible()
    assert TITLES[lang]["expert"] in viewer.windowTitle()
    assert TITLES[lang]["expert"] in viewer.browser.toPlainText()
    assert viewer.selector.currentData() == "expert"
    this_role = "专家使用指南（本角色）" if lang == "zh_CN" else "Expert guide (this role)"
    assert viewer.selector.currentText() == this_role
    order = [viewer.selector.itemData(i) for i in range(viewer.selector.count())]
    assert order == [
        "expert",
        "quick-expert",
        "troubleshooting",
        "chair",
        "ministry",
        "quick-chair",
        "quick-ministry",
    ]
    # The image is the guide's own file, decoded on the worker and given to the document.
    (url,) = viewer.loaded.images
    assert url == (guides / lang / "images" / "expert-shot.png").resolve().as_uri()
    image = viewer.browser.document().resource(QTextDocument.ResourceType.ImageResource.value, QUrl(url))
    assert image is not None and image.width() == 40


def test_the_selector_shows_another_doc_and_internal_links_jump(qtbot, make_window, guides: Path) -> None:
    window = make_window(lang="en")
    viewer = press_f1(qtbot, window)
    viewer.selector.setFocus()
    index = viewer.selector.findData("troubleshooting")
    viewer.selector.setCurrentIndex(index)
    viewer.selector.activated.emit(index)  # as a person picking it from the list
    qtbot.waitUntil(lambda: viewer.loaded.guide.doc == "troubleshooting")
    assert "Troubleshooting" in viewer.browser.toPlainText()
    viewer.browser.verticalScrollBar().setValue(viewer.browser.verticalScrollBar().maximum())
    viewer.browser.anchorClicked.emit(QUrl("#keys"))  # the guide's own link to its first section
    assert viewer.browser.verticalScrollBar().value() == section_top(viewer, "keys")
    assert viewer.notice.isHidden()
    viewer.browser.anchorClicked.emit(QUrl("https://www.miit.gov.cn/"))
    assert viewer.notice.isVisible() and "offline" in viewer.notice.text()
    # A link to a section of another guide (as troubleshooting links to the role guides).
    viewer.browser.anchorClicked.emit(QUrl("expert.md#declarations"))
    shown(qtbot, viewer, "expert", "en")
    assert viewer.selector.currentData() == "expert" and viewer.notice.isHidden()
    scrolled_to(qtbot, viewer, "declarations")


@pytest.mark.parametrize(
    ("lang", "missing", "reinstall"),
    [("zh_CN", "找不到指南", "重新安装"), ("en", "is missing", "reinstall the app")],
)
def test_a_missing_guide_is_said_not_raised(
    qtbot, make_window, guides: Path, shown_errors, lang: str, missing: str, reinstall: str
) -> None:
    (guides / lang / "expert.md").unlink()
    window = make_window(lang=lang)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    qtbot.keyClick(window, F1)
    viewer = window.guide_help.viewer
    qtbot.waitUntil(lambda: missing in viewer.browser.toPlainText())
    said = viewer.browser.toPlainText()
    assert "expert" in said and str(guides / lang / "expert.md") in said and reinstall in said
    assert "Traceback" not in said and shown_errors == []
    assert viewer.loaded is None


def test_switching_the_language_shows_the_guide_in_it(qtbot, make_window, guides: Path) -> None:
    window = make_window(lang="zh_CN")
    viewer = press_f1(qtbot, window)
    assert viewer.loaded.guide.lang == "zh_CN" and viewer.doc_label.text() == "文档(&D)："
    window.language_actions["en"].trigger()  # 视图 › 语言 › English
    shown(qtbot, viewer, "expert", "en")
    assert "Expert guide" in viewer.browser.toPlainText() and viewer.doc_label.text() == "&Document:"
    assert viewer.selector.currentText() == "Expert guide (this role)"
    assert window.guide_help.action.text() == "&User guide"


def test_the_viewer_remembers_its_size(qtbot, make_window, guides: Path) -> None:
    window = make_window(lang="en")
    viewer = press_f1(qtbot, window)
    viewer.resize(700, 520)
    viewer.close()
    again = GuideViewer(window, "expert", window.settings)
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (700, 520)


def scrolled_to(qtbot, viewer: GuideViewer, anchor: str) -> None:
    """The viewer shows ``anchor``'s section at its top (or is scrolled as far as it goes)."""
    bar = viewer.browser.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.value() == min(section_top(viewer, anchor), bar.maximum()))
    assert bar.value() > 0  # not the top of the guide: these sections come later


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_an_expert_s_help_buttons_open_the_expert_guide_at_their_step(
    qtbot, make_window, demo_world, guides: Path, lang: str
) -> None:
    window, ws = open_window(make_window, demo_world, qtbot, lang=lang)
    assert window.current_role() == "expert"
    for page_key, anchor in (("declarations", "declarations"), ("finalise", "finalise")):
        ws.show_page(page_key)
        page = ws.page(page_key)
        button = page.findChild(QPushButton, f"help_{anchor}")
        assert button.text() == ("帮助" if lang == "zh_CN" else "Help")
        click(qtbot, button)
        viewer = shown(qtbot, window.guide_help.viewer, "expert", lang)
        scrolled_to(qtbot, viewer, anchor)
    # Another doc chosen, then F1 from the review: the same viewer, back on the expert's guide.
    viewer.show_doc("troubleshooting")
    shown(qtbot, viewer, "troubleshooting", lang)
    with qtbot.waitActive(window):
        window.activateWindow()
    qtbot.keyClick(ws, F1)
    assert shown(qtbot, window.guide_help.viewer, "expert", lang) is viewer


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_chair_gets_the_chair_guide_and_the_matrix_help_opens_decisions(
    qtbot, make_window, chair_world, guides: Path, lang: str
) -> None:
    window = make_window(
        open_file=chair_world.package, identity_dir=chair_world.chair, passphrase=DEMO_PASSPHRASE, lang=lang
    )
    chair = window.package_panel.chair
    assert chair is not None and window.current_role() == "chair"
    viewer = press_f1(qtbot, window)
    assert (viewer.loaded.guide.doc, viewer.loaded.guide.lang) == ("chair", lang)
    assert viewer.selector.currentData() == "chair"
    assert [viewer.selector.itemData(i) for i in range(3)] == ["chair", "quick-chair", "troubleshooting"]
    window.package_panel.tabs.setCurrentWidget(chair)
    chair.tabs.setCurrentWidget(chair.matrix)
    click(qtbot, chair.matrix.help_button)
    assert viewer.loaded.guide.doc == "chair"
    scrolled_to(qtbot, viewer, "decisions")


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_ministry_desk_gets_the_ministry_guide(
    qtbot, make_window, demo_world, guides: Path, tmp_path: Path, lang: str
) -> None:
    authority = tmp_path / "authority"
    shutil.copytree(demo_world.package.parent / "authority", authority)
    window = make_window(authority_dir=authority, passphrase=DEMO_PASSPHRASE, lang=lang)
    assert window.ministry_panel is not None and window.current_role() == "ministry"
    viewer = press_f1(qtbot, window)
    assert (viewer.loaded.guide.doc, viewer.loaded.guide.lang) == ("ministry", lang)
    assert TITLES[lang]["ministry"] in viewer.browser.toPlainText()
    assert viewer.selector.currentData() == "ministry"


def test_the_shipped_guides_open_when_they_exist(qtbot, make_window) -> None:
    shipped = [
        (doc, lang) for lang in source.LANGS for doc in source.DOCS if source.guide_path(doc, lang).is_file()
    ]
    if not shipped:
        pytest.skip("no guide shipped yet (reviewer/resources/guides)")
    window = make_window(lang="en")
    help_ = window.guide_help
    for doc, lang in shipped:
        window.language.choose(lang)
        viewer = help_.open(doc)
        shown(qtbot, viewer, doc, lang)
        assert viewer.loaded.guide.title in viewer.browser.toPlainText() or viewer.loaded.guide.title
        for anchor in viewer.loaded.guide.anchors:
            assert section_top(viewer, anchor) >= 0
        assert set(viewer.loaded.images) == {p.as_uri() for p in viewer.loaded.guide.images if p.is_file()}


def test_a_screenshot_fits_the_viewer_and_follows_its_width(qtbot, make_window, guides: Path) -> None:
    (guides / "en" / "images" / "expert-shot.png").write_bytes(png(1024, 700))
    window = make_window(lang="en")
    viewer = press_f1(qtbot, window)
    (image,) = viewer.loaded.images.values()
    room = viewer.browser.viewport().width()
    assert image.width() < room and image.width() > room - 120  # fitted, not shown at 1024
    assert image.height() == round(700 * image.width() / 1024)
    window.guide_help.open("expert", "scoring")  # the same guide: only scrolls
    scrolled_to(qtbot, viewer, "scoring")
    window.guide_help.open()  # F1 again, on the guide shown: the reader keeps their place
    assert viewer.browser.verticalScrollBar().value() == section_top(viewer, "scoring")
    before = viewer.loaded
    viewer.resize(viewer.width() - 200, viewer.height())
    qtbot.waitUntil(lambda: viewer.loaded is not before)
    (smaller,) = viewer.loaded.images.values()
    assert smaller.width() < image.width() - 150 and smaller.width() < viewer.browser.viewport().width()
    # Read again for the new width, the reader is still at the section they were reading.
    assert viewer.browser.verticalScrollBar().value() == section_top(viewer, "scoring")


def test_the_window_starts_without_the_guides_parser() -> None:
    """The viewer and markdown-it are imported when help is first asked for (docs/performance.md)."""
    code = "import sys, reviewer.ui.app; print(sorted(m for m in sys.modules if m.startswith(('markdown_it', 'mdit_py_plugins', 'reviewer.guides', 'reviewer.ui.dialogs.guide_viewer'))))"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.strip() == "[]"


def test_every_control_of_the_viewer_has_a_name(qtbot, make_window, guides: Path) -> None:
    from tests.ui.test_accessibility import unnamed

    viewer = press_f1(qtbot, make_window(lang="zh_CN"))
    assert unnamed(viewer) == []
    assert viewer.browser.accessibleName() == "使用指南"

"""The chair's record page fits the smallest laptop screen supported (1024×700): opened as the chair
in Chinese, on the 评审意见表与结果文件 tab with a signed record, the main window does not ask for more
than 700 px, and each signature's time is shown whole, without scrolling the signer table."""

from __future__ import annotations

import re
from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication

from reviewer.demo.package import DEMO_PASSPHRASE
from tests.ui.test_chair_record import GOOD, click, cosign_as

pytestmark = pytest.mark.slow


def test_the_record_tab_fits_1024_by_700(qtbot, make_window, chair_world, shown_errors, monkeypatch) -> None:
    w = chair_world
    window = make_window(open_file=w.package, identity_dir=w.chair, passphrase=DEMO_PASSPHRASE, lang="zh_CN")
    window.resize(1024, 700)
    window.show()
    chair = window.package_panel.chair
    assert chair is not None
    window.package_panel.tabs.setCurrentWidget(chair)
    chair.import_files([w.sheets[s] for s in GOOD])
    o = chair.opinion
    o.strengths.setPlainText("园区软件产业集聚度高。")
    o.problems.setPlainText("研发投入强度仍偏低。")
    o.recommendations.setPlainText("加强软件人才培养。")
    o.conclusion.setPlainText("专家组同意示例软件园通过评审。")
    click(qtbot, o.save_button)
    page = chair.record
    chair.tabs.setCurrentWidget(page)
    page.visit.set_values(date(2026, 6, 15), date(2026, 6, 16), "江苏省南京市 示例软件园管理委员会")
    click(qtbot, page.visit.save_button)
    click(qtbot, page.produce_button)
    cosign_as(qtbot, page, w, "li-zhe", monkeypatch)
    assert shown_errors == [] and page.signed_count == 1
    QCoreApplication.processEvents()

    assert window.minimumSizeHint().height() <= 700, window.minimumSizeHint()
    assert window.height() <= 700 and window.width() <= 1024, window.size()

    table = page.table
    when = table.item(0, 3).text()
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d（北京时间）", when), when
    header = table.horizontalHeader()
    assert header.sectionSize(3) >= table.sizeHintForColumn(3)  # the time is not elided
    right = header.sectionViewportPosition(3) + header.sectionSize(3)
    assert header.sectionViewportPosition(3) >= 0 and right <= table.viewport().width()
    signature = table.item(0, 2)
    assert signature.toolTip() == signature.text() == "李喆 已签署：签名有效，可信"
    assert table.horizontalScrollBar().maximum() == 0  # nothing to scroll to sideways

"""Beijing time as the panel reads it (the result file, the sheets held, the signatures)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from reviewer.ui import labels

pytestmark = pytest.mark.usefixtures("english_ui")


def test_beijing_time_is_utc_plus_eight_whatever_the_input() -> None:
    want = "2026-06-18 00:30 (Beijing time)"
    assert labels.beijing_time(datetime(2026, 6, 17, 16, 30, tzinfo=UTC)) == want
    assert labels.beijing_time(datetime(2026, 6, 17, 16, 30)) == want  # naive: UTC, as the store keeps it
    assert labels.beijing_time("2026-06-17T16:30:00Z") == want
    assert labels.beijing_time(datetime(2026, 6, 17, 18, 30, tzinfo=timezone(timedelta(hours=2)))) == want


def test_in_chinese_the_zone_is_said_in_chinese(make_window) -> None:
    make_window(lang="zh_CN")
    assert labels.beijing_time("2026-12-04T09:45:36Z") == "2026-12-04 17:45（北京时间）"

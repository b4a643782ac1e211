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

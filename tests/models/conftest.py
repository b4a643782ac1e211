"""Fixtures for the store: a fresh migrated store in the test's own data folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reviewer.models import Store


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    with Store.open() as opened:
        yield opened

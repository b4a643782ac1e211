"""Fixtures for the store: a fresh migrated store in the test's own data folder, a workbench on it
and the sample park standard."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reviewer.models import Store
from reviewer.models.workbench import Workbench
from reviewer.standards import load_standard
from reviewer.standards.model import Standard


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    with Store.open() as opened:
        yield opened


@pytest.fixture
def bench(store: Store) -> Workbench:
    return Workbench(store)


@pytest.fixture
def standard(park_standard_path: Path) -> Standard:
    return load_standard(park_standard_path)

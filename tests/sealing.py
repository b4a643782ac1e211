"""The fixed store key of tests that use the store without an identity, and reading raw rows with it.

Tests (and the processes the crash tests start and kill) add it to the stores they open; the real
path, an identity unlocking the store, is tested in tests/ui/test_at_rest.py."""

from __future__ import annotations

from typing import Any

TEST_STORE_KEY = bytes(range(32))
TEST_OWNER = "tests"


def unlock_for_tests(store: Any) -> Any:
    store.keys.add(TEST_OWNER, TEST_STORE_KEY, active=True)
    return store


def opened_text(value: str | None, column: str) -> str | None:
    """A sealed text value read with raw sqlite3, opened with the test key."""
    from reviewer.models.sealed import StoreKeys, is_sealed_text, open_text

    if value is None or not is_sealed_text(value):
        return value
    keys = StoreKeys()
    keys.add(TEST_OWNER, TEST_STORE_KEY)
    return open_text(keys, value, column)

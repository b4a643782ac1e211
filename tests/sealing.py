"""The fixed store key of tests that use the store without an identity, and reading raw rows with it.

Tests (and the processes the crash tests start and kill) add it to the stores they open; the real
path, an identity unlocking the store, is tested in tests/ui/test_at_rest.py."""

from __future__ import annotations

from typing import Any

TEST_STORE_KEY = bytes(range(32))
TEST_OWNER = "tests"


def unlock_for_tests(store: Any) -> Any:
    """Hold the test key in ``store``, standing in for every owner no real identity unlocked (the
    made-up fingerprints of these tests). The real keys refuse an owner they do not hold."""
    from reviewer.models.sealed import StoreKeys

    class TestKeys(StoreKeys):
        def seal(self, plain: bytes, column: str, owner: str | None = None) -> bytes:
            return super().seal(plain, column, owner if owner and self.holds(owner) else TEST_OWNER)

    store.keys.__class__ = TestKeys
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

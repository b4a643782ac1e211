"""Test set-up shared by every test: offscreen Qt, English messages, an isolated data folder."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis.configuration import set_hypothesis_home_dir

from reviewer import i18n

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("REVIEWER_LANG", "en")

REPO = Path(__file__).resolve().parent.parent
STANDARDS = REPO / "reviewer" / "resources" / "standards"

# The suite never writes into the source tree: Hypothesis keeps its example database and caches in
# the system's temporary folder, not in ./.hypothesis.
set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "reviewer-tests-hypothesis")


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Never touch the user's real data folder or keyring from a test."""
    data = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("REVIEWER_DATA_DIR", str(data))
    monkeypatch.setenv("REVIEWER_LANG", "en")
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    i18n.set_language(None)  # a CLI call with --lang must not leak into the next test
    return data


@pytest.fixture
def data_dir(_isolated_data_dir: Path) -> Path:
    return _isolated_data_dir


@pytest.fixture
def park_standard_path() -> Path:
    return STANDARDS / "sample-park-creation.json"


# Tests that use the store below the GUI (no identity at hand) seal with this fixed key, added to
# every Store a test opens; the real path (an identity unlocking the store) is exercised by
# tests/models/test_at_rest.py, which opts out with @pytest.mark.real_store_keys, and by every test
# that opens a package through the GUI (the identity's key is then the one that seals).


@pytest.fixture(autouse=True)
def _store_test_key(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    if request.node.get_closest_marker("real_store_keys"):
        return
    from reviewer.models import store as store_module
    from tests.sealing import unlock_for_tests

    real_init = store_module.Store.__init__

    def init(self: store_module.Store, engine: object) -> None:
        real_init(self, engine)  # type: ignore[arg-type]
        unlock_for_tests(self)

    monkeypatch.setattr(store_module.Store, "__init__", init)


@pytest.fixture(autouse=True)
def _cli_wording() -> Iterator[None]:
    """Messages in their command-line wording, as the core and the CLI say them; a test that started
    the app (which switches the process to the in-app wording) leaves no trace in the next one."""
    from reviewer import i18n

    i18n.set_in_app(False)
    yield
    i18n.set_in_app(False)


@pytest.fixture(autouse=True)
def _heap_unfrozen() -> Iterator[None]:
    """The app freezes what it has loaded (reviewer.process.keep_loaded) for a process that runs
    one app; the suite runs hundreds in one process, so each test's frozen heap goes back to the
    collector when it ends (else every test's cyclic garbage would be kept to the end)."""
    import gc

    yield
    gc.unfreeze()


@pytest.fixture(autouse=True)
def _gui_thread_guard() -> Iterator[None]:
    """The whole suite runs with the GUI-thread guard armed and strict on the main thread (the GUI
    thread of every widget test): a store or registry connection taken there on behalf of the UI's
    code (reviewer/ui on the call stack) raises (reviewer.gui_thread). A test's own set-up and checks
    of the store may run there: they are not the window."""
    from reviewer import gui_thread

    gui_thread.arm(strict=True, scope=str(Path(gui_thread.__file__).parent / "ui") + os.sep)
    try:
        yield
    finally:
        gui_thread.disarm()

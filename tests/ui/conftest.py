"""GUI test set-up: compiled translations, a synchronous executor, windows that clean up."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from reviewer import i18n
from reviewer.paths import resource
from reviewer.ui.tasks import ImmediateExecutor


def compile_translations() -> None:
    """``make translations`` for a bare pytest run: .ts -> .qm with the venv's pyside6-lrelease."""
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    for ts in sorted(resource("translations").glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True)


@pytest.fixture(scope="session", autouse=True)
def _translations() -> None:
    compile_translations()


@pytest.fixture(autouse=True)
def _core_language_reset() -> Iterator[None]:
    """The UI sets the core's language; give it back so later tests start from the environment."""
    yield
    i18n.set_language(None)


@pytest.fixture
def sync_executor() -> ImmediateExecutor:
    return ImmediateExecutor()


@pytest.fixture
def make_window(qtbot, sync_executor: ImmediateExecutor) -> Callable[..., object]:
    """Build the real main window (as ``reviewer gui`` does) without running the event loop."""
    from reviewer.ui.app import create_main_window

    def make(**kwargs: object):
        kwargs.setdefault("executor", sync_executor)
        window = create_main_window(**kwargs)
        qtbot.addWidget(window)
        return window

    return make

"""GUI test set-up: compiled translations, a synchronous executor, windows that clean up."""

from __future__ import annotations

import subprocess
import sys
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import pytest

from reviewer import i18n
from reviewer.demo.package import build_demo, source
from reviewer.paths import resource
from reviewer.trust import create_identity, install_credential, load_credential, open_authority
from reviewer.trust.identity import REQUEST
from reviewer.ui.dialogs import errors
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
def _app_wording(_cli_wording) -> None:
    """A widget test is the app: the core's messages in their in-app wording, as application() sets."""
    from reviewer import i18n

    i18n.set_in_app(True)


@pytest.fixture(autouse=True)
def _core_language_reset() -> Iterator[None]:
    """The UI sets the core's language; give it back so later tests start from the environment."""
    yield
    i18n.set_language(None)
    i18n.set_in_app(False)


@pytest.fixture
def sync_executor() -> ImmediateExecutor:
    return ImmediateExecutor()


@pytest.fixture
def make_window(qtbot, sync_executor: ImmediateExecutor) -> Callable[..., object]:
    """Build the real main window (as ``reviewer gui`` does), then let the event loop take its first
    turn: what the window starts once it has drawn (the chair's panel binding to the package) runs,
    as it does for a person before their first click."""
    from PySide6.QtCore import QCoreApplication

    from reviewer.ui.app import create_main_window

    def make(**kwargs: object):
        kwargs.setdefault("executor", sync_executor)
        window = create_main_window(**kwargs)
        qtbot.addWidget(window)
        QCoreApplication.processEvents()
        return window

    return make


# --- the demo package, built once per session (opening it as an expert, the chair, an outsider) ---


@dataclass(frozen=True)
class DemoWorld:
    package: Path
    expert: Path  # the first expert's identity folder
    chair: Path
    outsider: Path  # enrolled by the same ministry, not on this panel
    root_fingerprint: str


@pytest.fixture(scope="session")
def demo_world(tmp_path_factory: pytest.TempPathFactory) -> DemoWorld:
    folder = tmp_path_factory.mktemp("ui-demo") / "demo"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
        demo = build_demo(folder)
        outsider = folder.parent / "outsider"
        info, _ = create_identity(outsider, name="局外人", org="无关单位", source=source())
        authority = open_authority(demo.authority)
        cred = authority.enroll((info.path / REQUEST).read_bytes(), source(), source_name="outsider")
        cred.save(folder.parent / "outsider.rvcred")
        install_credential(outsider, folder.parent / "outsider.rvcred")
    expert = next(k for k in demo.identities if k != demo.chair)
    root = load_credential(outsider / "credential.rvcred").root_fingerprint
    return DemoWorld(demo.package, demo.identities[expert], demo.identities[demo.chair], outsider, root)


class Confirmation(NamedTuple):
    title: str
    text: str  # what happens
    action: str


@dataclass
class Confirmations:
    """``errors.confirm`` answered without a real message box: what was asked, in order, and the
    answers given (``True``, the action, unless ``answers`` queues others, e.g. ``[False]`` to cancel)."""

    asked: list[Confirmation] = field(default_factory=list)
    answers: list[bool] = field(default_factory=list)

    def __call__(self, parent, title: str, text: str, action: str) -> bool:
        self.asked.append(Confirmation(title, text, action))
        return self.answers.pop(0) if self.answers else True

    @property
    def titles(self) -> list[str]:
        return [c.title for c in self.asked]


@pytest.fixture(autouse=True)
def confirmations(monkeypatch) -> Confirmations:
    """Every question asked before an irreversible step (errors.confirm), answered with its action.

    A real message box would wait for a click no test makes; a test that cancels queues ``False`` in
    ``confirmations.answers``."""
    answered = Confirmations()
    monkeypatch.setattr(errors, "confirm", answered)
    return answered


@pytest.fixture(autouse=True)
def _unanswered_questions(monkeypatch) -> Iterator[None]:
    """``errors.ask`` opens a real message box that waits for a click no test makes (the suite hangs):
    unless the test patches it (its own ``monkeypatch.setattr`` replaces this one), a call fails the
    test loudly, here and at teardown (even if the caller swallowed the error)."""
    unanswered: list[str] = []

    def ask(parent, title: str, question: str) -> bool:
        unanswered.append(f"{title}: {question}")
        raise AssertionError(f"errors.ask was not patched by this test; it asked {title!r}: {question!r}")

    monkeypatch.setattr(errors, "ask", ask)
    yield
    if unanswered:
        pytest.fail("errors.ask was called without being patched: " + "; ".join(unanswered))


@pytest.fixture
def shown_errors(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(errors, "show_error", lambda parent, title, message: shown.append(message))
    return shown


@pytest.fixture(autouse=True)
def _gui_thread_io_fails_the_test(monkeypatch) -> Iterator[None]:
    """A store or registry connection taken on the GUI thread (the guard of reviewer.gui_thread,
    armed for every widget test) fails the test at teardown, with where it happened, instead of
    being shown in a message box that waits for a click no test makes."""
    from reviewer.gui_thread import GuiThreadIO

    tripped: list[str] = []
    real_report = errors.report

    def report(parent, exc: BaseException) -> None:
        if isinstance(exc, GuiThreadIO):
            tripped.append("".join(traceback.format_exception(exc)))
            return
        real_report(parent, exc)

    monkeypatch.setattr(errors, "report", report)
    yield
    if tripped:
        pytest.fail("store I/O on the GUI thread:\n" + "\n".join(tripped))


@pytest.fixture
def chair_world(tmp_path_factory: pytest.TempPathFactory):
    """The chair's world (members, sheets, a package), built once per session."""
    from tests.ui.chair_fixtures import session_world

    return session_world(tmp_path_factory)


@pytest.fixture
def english_ui(make_window) -> None:
    """Headers, tooltips and labels in English, whatever translator an earlier test left installed
    (``pytestmark = pytest.mark.usefixtures("english_ui")``)."""
    make_window(lang="en")

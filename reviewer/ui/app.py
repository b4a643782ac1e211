"""Start the desktop app: ``reviewer gui`` (or a bare ``reviewer``) ends up in :func:`run_app`.

:func:`create_main_window` does everything but the event loop, so tests and the screenshot
script build the same window the person sees.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from reviewer import __version__, paths
from reviewer.ui.language import Language, startup_language
from reviewer.ui.main_window import MainWindow
from reviewer.ui.settings import Settings
from reviewer.ui.tasks import Executor

log = logging.getLogger(__name__)


def application() -> QApplication:
    """The running QApplication, created (and named) on first use."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    QCoreApplication.setApplicationName(paths.APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    return app  # type: ignore[return-value]


def create_main_window(
    data_dir: str | os.PathLike[str] | None = None,
    open_file: str | os.PathLike[str] | None = None,
    lang: str | None = None,
    executor: Executor | None = None,
    identity_dir: str | os.PathLike[str] | None = None,
    passphrase: str | None = None,
    start_on_review: bool = False,
    authority_dir: str | os.PathLike[str] | None = None,
    db: str | None = None,
) -> MainWindow:
    """Build the main window in the chosen (else remembered, else default Chinese) language.

    ``open_file`` is a standard (.json) or a package (.rvpkg); a package opens as the identity in
    ``identity_dir`` (else the remembered one, else the person is asked), unlocked by ``passphrase``
    (else the OS keyring, else a dialog). ``authority_dir`` opens the ministry desk on that authority
    and the registry ``db`` (default: a SQLite file inside the folder), unlocked by ``passphrase``.
    """
    application()
    settings = Settings(paths.data_dir(data_dir))
    language = Language(settings)
    language.apply(startup_language(lang, settings))
    window = MainWindow(settings, language, executor)
    window.start_on_review = start_on_review
    window.restore()
    if open_file:
        window.open_path(Path(open_file), Path(identity_dir) if identity_dir else None, passphrase)
    if authority_dir:
        window.open_ministry(Path(authority_dir), db, passphrase)
    return window


def run_app(
    data_dir: str | os.PathLike[str] | None = None,
    open_file: str | os.PathLike[str] | None = None,
    lang: str | None = None,
    identity_dir: str | os.PathLike[str] | None = None,
    passphrase: str | None = None,
    start_on_review: bool = False,
    authority_dir: str | os.PathLike[str] | None = None,
    db: str | None = None,
) -> int:
    app = application()
    window = create_main_window(
        data_dir=data_dir,
        open_file=open_file,
        lang=lang,
        identity_dir=identity_dir,
        passphrase=passphrase,
        start_on_review=start_on_review,
        authority_dir=authority_dir,
        db=db,
    )
    window.show()
    from reviewer.ui.dialogs.first_run import FirstRunWizard, needs_first_run  # only when it may be needed

    # No identity given or remembered: set one up (not at the ministry desk, which needs none).
    if not authority_dir and needs_first_run(window.settings, identity_dir):
        FirstRunWizard(window.settings, parent=window).open()
    return app.exec()

"""Where things live: the shipped resources and the user's data folder."""

from __future__ import annotations

import logging
import os
import sys
import tempfile
from pathlib import Path

import platformdirs

from reviewer.errors import PortableNotWritable

log = logging.getLogger(__name__)

APP_NAME = "reviewer"
DATA_DIR_ENV = "REVIEWER_DATA_DIR"

RESOURCES = Path(__file__).resolve().parent / "resources"


def resource(*parts: str) -> Path:
    """A file shipped inside the package (``reviewer/resources/...``): in a source checkout, an
    installed wheel and the frozen app alike, found beside this module, never in the working folder."""
    return RESOURCES.joinpath(*parts)


def shipped_standards() -> list[Path]:
    """The sample standards shipped with the app, in name order."""
    return sorted(resource("standards").glob("*.json"))


# Portable use (a USB stick): this file beside the frozen app's executable puts the data folder in
# ``data/`` beside it too. Looked for only in the frozen app, never in a source checkout or a venv.
PORTABLE_MARKER = "portable.txt"
PORTABLE_DATA = "data"


def portable_dir() -> Path | None:
    """The portable data folder (``data/`` beside the executable) when the frozen app finds the
    :data:`PORTABLE_MARKER` beside its executable; else None."""
    if not getattr(sys, "frozen", False):
        return None
    home = Path(sys.executable).resolve().parent
    return home / PORTABLE_DATA if (home / PORTABLE_MARKER).is_file() else None


def locate_data_dir(override: str | os.PathLike[str] | None = None) -> tuple[Path, str]:
    """Where the data folder is and why, without creating or touching it.

    The reason is ``"option"`` (``--data-dir``), ``"env"`` (``$REVIEWER_DATA_DIR``), ``"portable"``
    (the marker beside the frozen app) or ``"platform"`` (the platform's user data folder), in
    that order of precedence."""
    if override:
        return Path(override).expanduser(), "option"
    chosen = os.environ.get(DATA_DIR_ENV)
    if chosen:
        return Path(chosen).expanduser(), "env"
    portable = portable_dir()
    if portable is not None:
        return portable, "portable"
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)), "platform"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The data folder, created if needed: ``--data-dir``, else ``$REVIEWER_DATA_DIR``, else the
    portable folder beside the frozen app (:func:`portable_dir`), else the platform's user data dir.

    A portable folder that cannot be written (a read-only stick) is a :class:`PortableNotWritable`.
    """
    path, reason = locate_data_dir(override)
    if reason == "portable":
        _writable_portable(path)
    path.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    private_dir(path)
    return path


def _writable_portable(path: Path) -> None:
    try:
        path.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=path, prefix=".write-test-"):
            pass
    except OSError as exc:
        raise PortableNotWritable(path, detail=repr(exc)) from exc


PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600


def private_dir(path: Path) -> None:
    """Make ``path`` readable by its owner only (POSIX; Windows keeps the user profile's ACLs).

    Best effort: a USB stick's FAT file system has no modes and may refuse ``chmod``; the sealed
    store does not depend on it."""
    if os.name != "posix":
        return
    try:
        if path.stat().st_mode & 0o777 != PRIVATE_DIR:
            path.chmod(PRIVATE_DIR)
    except PermissionError as exc:
        log.warning("could not make %s private: %s", path, exc)


def private_file(path: Path, *, create: bool = False) -> None:
    """Make the file ``path`` owner-only (POSIX), creating it empty with that mode if ``create``;
    SQLite gives its -wal and -shm files the database file's mode."""
    if os.name != "posix":
        return
    if create:
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, PRIVATE_FILE))
            return
        except FileExistsError:
            pass
    try:
        if path.stat().st_mode & 0o777 != PRIVATE_FILE:
            path.chmod(PRIVATE_FILE)
    except FileNotFoundError:
        pass
    except PermissionError as exc:  # as private_dir: best effort
        log.warning("could not make %s private: %s", path, exc)

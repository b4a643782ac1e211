"""Where things live: the shipped resources and the user's data folder."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import platformdirs

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


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The data folder: ``--data-dir``, else ``$REVIEWER_DATA_DIR``, else the platform's user data dir.

    Portable use (a USB stick) and tests pass an explicit folder.
    """
    chosen = override or os.environ.get(DATA_DIR_ENV)
    path = (
        Path(chosen).expanduser() if chosen else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    )
    path.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    private_dir(path)
    return path


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

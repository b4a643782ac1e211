"""Where things live: the shipped resources and the user's data folder."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "reviewer"
DATA_DIR_ENV = "REVIEWER_DATA_DIR"

RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    return RESOURCES.joinpath(*parts)


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The data folder: ``--data-dir``, else ``$REVIEWER_DATA_DIR``, else the platform's user data dir.

    Portable use (a USB stick) and tests pass an explicit folder.
    """
    chosen = override or os.environ.get(DATA_DIR_ENV)
    path = (
        Path(chosen).expanduser() if chosen else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    )
    path.mkdir(parents=True, exist_ok=True)
    return path

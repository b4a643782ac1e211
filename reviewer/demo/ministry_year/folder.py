"""Where the demo year lives and whether it is whole (light: no registry, no database imports)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

YEAR_DIR = "ministry-year"
YEAR_META = "year.json"
YEAR_VERSION = 1  # year.json's "version": a year folder of another version is built again
REGISTRY = "registry.sqlite3"  # the desk's default database inside the authority folder


@dataclass(frozen=True)
class MinistryYear:
    folder: Path  # <demo>/ministry-year
    registry: Path  # <demo>/authority/registry.sqlite3
    reused: bool


def existing(demo_folder: str | Path, authority: str | Path) -> MinistryYear | None:
    """The demo year already built whole (its ``year.json`` of this version, and its registry)."""
    folder, registry = Path(demo_folder) / YEAR_DIR, Path(authority) / REGISTRY
    try:
        meta = json.loads((folder / YEAR_META).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if meta.get("version") != YEAR_VERSION or not registry.is_file():
        return None
    return MinistryYear(folder, registry, True)


def build_ministry_year(demo_folder: str | Path, authority: str | Path) -> MinistryYear:
    """Build (or reuse) the demo year in ``<demo_folder>/ministry-year`` and its registry in ``authority``."""
    found = existing(demo_folder, authority)
    if found is not None:
        return found
    from reviewer.demo.ministry_year.build import build

    return build(Path(demo_folder), Path(authority))

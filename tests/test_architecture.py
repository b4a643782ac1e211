"""The architecture the style guide asks for, checked: a Qt-free core under a thin Qt layer."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "reviewer"


def core_modules() -> set[str]:
    found = set()
    for child in PACKAGE.iterdir():
        if child.name.startswith(("_", ".")) or child.name == "ui":
            continue
        if child.is_dir() and (child / "__init__.py").exists():
            found.add(f"reviewer.{child.name}")
        elif child.suffix == ".py":
            found.add(f"reviewer.{child.stem}")
    return found


def test_the_qt_free_contract_covers_every_core_module() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    contract = config["tool"]["importlinter"]["contracts"][0]
    assert contract["type"] == "forbidden"
    assert "PySide6" in contract["forbidden_modules"]
    missing = core_modules() - set(contract["source_modules"])
    assert not missing, f"add these to the Qt-free contract in pyproject.toml: {sorted(missing)}"


def test_the_core_imports_without_qt() -> None:
    """Import every core module in a fresh interpreter and check PySide6 never got loaded."""
    modules = sorted(core_modules() | {"reviewer.cli"})
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "import reviewer.cli; reviewer.cli.build_parser()\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO)
